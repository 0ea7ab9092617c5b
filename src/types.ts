// The shared vocabulary of nhssm-check: severities, categories, rules, post context and findings.

/** How serious a finding is, most serious first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The closed vocabulary of policy areas a rule can belong to. */
export const CATEGORIES = [
  'patient-identifiable',
  'confidentiality',
  'reputational',
  'canteen',
  'political',
  'commercial',
  'clinical-advice',
  'boundaries',
  'accessibility',
] as const;

export type Category = (typeof CATEGORIES)[number];

/** Categories whose matched text identifies someone or is secret, so reports mask it. */
export const SENSITIVE_CATEGORIES: ReadonlySet<Category> = new Set<Category>([
  'patient-identifiable',
  'confidentiality',
]);

/** Categories whose findings are only ever reminders: the rule compiler refuses a rule in one of
 * them with another severity, or with a `when` that raises it. */
export const INFO_ONLY_CATEGORIES: ReadonlySet<Category> = new Set<Category>(['accessibility']);

/** A policy citation as printed: the source's title, the section or heading, and a link when known. */
export interface Reference {
  source: string;
  section: string;
  url?: string;
}

export type Account = 'personal' | 'corporate';

export const PLATFORMS = ['x', 'bluesky', 'mastodon', 'linkedin', 'facebook', 'instagram', 'threads', 'tiktok'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Other names people write for a platform; accepted wherever a platform is given, and read as the platform. */
export const PLATFORM_ALIASES: Readonly<Record<string, Platform>> = { twitter: 'x' };

/** Every name a platform may be given by. */
export const PLATFORM_NAMES: readonly string[] = [...PLATFORMS, ...Object.keys(PLATFORM_ALIASES)];

/** The platform a (validated) name stands for. */
export function toPlatform(name: string): Platform {
  return PLATFORM_ALIASES[name] ?? (name as Platform);
}

export interface PostImage {
  alt?: string;
}

/** A named period before an election, during which NHS organisations take extra care. */
export interface ElectionWindow {
  name: string;
  /** First day of the window, YYYY-MM-DD. */
  start: string;
  /** Last day of the window, YYYY-MM-DD. */
  end: string;
}

/** What is known about a post besides its text: who posts it, where and when. */
export interface PostContext {
  account: Account;
  platform?: Platform;
  /** Planned publication date, YYYY-MM-DD. */
  publishAt?: string;
  /** A consent reference recorded by the comms team, e.g. "CONS-2029-014". */
  consent?: string;
  images?: readonly PostImage[];
  /** Pre-election windows, from the trust's configuration. */
  electionWindows?: readonly ElectionWindow[];
  /** Terms allowed by the trust's configuration: they never raise a finding. */
  allow?: readonly string[];
}

export const DEFAULT_CONTEXT: PostContext = { account: 'personal' };

/** One problem found in a post. Positions are 1-based; columns count UTF-16 code units. */
export interface Finding {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** Line of the position just after the match. */
  endLine: number;
  /** Column of the position just after the match (exclusive, as in ESLint and LSP). */
  endColumn: number;
  /** The text that was matched. */
  excerpt: string;
  suggestion: string;
  references: Reference[];
  /** UTF-16 offset of the match in the linted text (in the alt text, for a finding in an image). */
  start: number;
  /** UTF-16 offset just after the match. */
  end: number;
  /**
   * Set when the finding is in the alt text of an image (the post context's `images`): the
   * image's number, from 1. Line, column and offsets then count within that alt text.
   */
  image?: number;
  /** The same texts with identifying words masked, for findings that carry any; reports use it when redacting. */
  masked?: MaskedTexts;
}

export interface MaskedTexts {
  message: string;
  excerpt: string;
  suggestion: string;
}
