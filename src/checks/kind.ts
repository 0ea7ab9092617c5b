// The contract every check kind implements: its parameter schema, the placeholders it fills,
// and how it compiles rule parameters (once, at load time) into a function over a post.
import type { PostDocument } from '../core/document.js';

/** A JSON Schema fragment (kept loose: it is data for ajv and for editors). */
export type JsonSchema = Record<string, unknown>;

/** A range of the folded text. */
export interface Span {
  start: number;
  end: number;
}

/** The load error for a rule that uses a term list no rule file defines. */
export function unknownListMessage(name: string): string {
  return `no list named "${name}" is defined in the rule files`;
}

/** Whether the range lies inside one of the spans (or is one of them). */
export function isInside(range: Span, spans: readonly Span[]): boolean {
  return spans.some((span) => span.start <= range.start && range.end <= span.end);
}

/** A span with a name for it, e.g. {label: "age", span: …} for "94-year-old". */
export interface LabelledSpan {
  label: string;
  span: Span;
}

/**
 * A placeholder value: a fixed description; a span of the post (quoted from the original text,
 * masked when redacting); or a list of labelled spans, written as "age (94-year-old) and place (…)".
 */
export type MatchValue = string | Span | readonly LabelledSpan[];

/** A span of the folded text with the values it offers to the rule's message. */
export interface Match {
  start: number;
  end: number;
  /** Values for {{placeholders}} besides {{match}}. */
  data?: Record<string, MatchValue>;
  /** Folded ranges that identify someone (default: the whole match). */
  sensitive?: readonly Span[];
  /** The exact range of the original text to report, for kinds that measure the original text
   * itself (emoji, platform length), where folding drops joiners and variation selectors. */
  original?: Span;
  /** For kinds that grade their own findings (e.g. by how many signals combine). */
  severity?: 'error' | 'warning' | 'info';
}

/** A compiled check: finds matches in a post. It must not throw, and must not do I/O. */
export type Check = (doc: PostDocument) => Match[];

/** A problem in a rule's parameters, found while compiling; `path` is relative to the rule. */
export class CompileError extends Error {
  constructor(
    readonly path: ReadonlyArray<string | number>,
    message: string,
  ) {
    super(message);
  }
}

/** What a kind may use while compiling: the rule set's named term lists. */
export interface CompileEnv {
  /** Terms of a named list, or undefined if no file defines it. */
  list(name: string): readonly string[] | undefined;
}

export interface CheckKind {
  readonly name: string;
  /** One sentence for the generated docs. */
  readonly description: string;
  /** JSON Schema for the kind's own keys, merged into the rule file schema. */
  readonly properties: Record<string, JsonSchema>;
  readonly required: readonly string[];
  /** Placeholders this kind can fill for a rule with these parameters. */
  placeholders(params: Record<string, unknown>): string[];
  /** Whether the compiled check needs the NLP parse. */
  usesNlp(params: Record<string, unknown>): boolean;
  compile(params: Record<string, unknown>, env: CompileEnv): Check;
}
