// The compiled rule set: what the loader produces from YAML and what `lint` runs.
import type { Check } from '../checks/kind.js';
import type { MatchFilter } from '../checks/matcher.js';
import type { Account, Category, PostContext, Reference, Severity } from '../types.js';

/** A policy source that rules cite by key. */
export interface Source {
  key: string;
  title: string;
  url?: string;
  /** Paragraph or section numbers seen in the source itself; only these may be cited by number. */
  verified: readonly string[];
}

/** An example post from a rule file, with the context it is posted in. */
export interface Example {
  text: string;
  context: Partial<PostContext>;
  /** Terms a trust's configuration adds to named lists for this example, when it needs any. */
  lists?: Readonly<Record<string, readonly string[]>>;
}

/** When a context condition holds, the rule's severity changes (or it is switched off). */
export interface ContextCondition {
  account?: Account;
  platform?: readonly string[];
  consent?: boolean;
  in_election_window?: boolean;
  has_images?: boolean;
}

export interface SeverityChange {
  if: ContextCondition;
  severity: Severity | 'off';
  /** Appended to the message, e.g. "Consent is recorded as {{consent}}." */
  note?: string;
}

export interface Rule {
  id: string;
  category: Category;
  severity: Severity;
  /** Set when a trust's configuration gives the rule a severity: it beats the grading a kind gives its findings (context changes still apply on top). */
  configuredSeverity?: Severity;
  message: string;
  rationale: string;
  suggestion: string;
  references: Reference[];
  kind: string;
  /** The kind's own parameters, as written. */
  params: Record<string, unknown>;
  examples: { flag: Example[]; pass: Example[] };
  when: SeverityChange[];
  /** Where the rule is defined. */
  file: string;
  line: number;
  /** Where the rule looks: the post's text, its images' alt text, or both (the default). */
  lookIn: LookIn;
  check: Check;
  /** Drops matches that have an exception nearby (`unless`). */
  filter: MatchFilter | undefined;
  usesNlp: boolean;
}

export const LOOK_IN = ['both', 'text', 'alt-text'] as const;
export type LookIn = (typeof LOOK_IN)[number];

export interface RuleSet {
  rules: readonly Rule[];
  lists: ReadonlyMap<string, readonly string[]>;
  sources: ReadonlyMap<string, Source>;
}

/** Placeholders every rule may use in a message, filled from the post's context. */
export const CONTEXT_PLACEHOLDERS = ['consent', 'account', 'platform', 'election'] as const;
