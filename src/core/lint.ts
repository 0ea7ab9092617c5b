// The pure core: lint(text, ruleSet, context) -> Finding[]. No file system, console or process;
// the same input always gives the same findings, sorted by position and then rule id.
import { isInside, type LabelledSpan, type Match, type Span } from '../checks/kind.js';
import { compilePhrases, type PhraseFinder } from '../checks/phrase.js';
import type { Rule, RuleSet } from '../rules/model.js';
import { lineStarts, positionAt } from '../text/positions.js';
import { DEFAULT_CONTEXT, SENSITIVE_CATEGORIES, type Finding, type PostContext, type Severity } from '../types.js';
import { applicableChange, electionWindowOf } from './conditions.js';
import { PostDocument, type Segment } from './document.js';
import { maskRanges, maskText } from './mask.js';
import { interpolate } from './message.js';
import { MAX_POST_LENGTH, PostTooLongError } from './post-length.js';

const allowFinders = new WeakMap<readonly string[], PhraseFinder>();

/**
 * Drops matches about a term the trust's configuration allows: the match lies inside an allowed
 * term, or every part of it that identifies someone does (an allowed account next to "admitted").
 */
function withoutAllowed(matches: Match[], doc: PostDocument, allow: readonly string[] | undefined): Match[] {
  if (allow === undefined || allow.length === 0 || matches.length === 0) return matches;
  let find = allowFinders.get(allow);
  if (find === undefined) {
    find = compilePhrases(allow, { caseSensitive: false, leet: false, spaced: false });
    allowFinders.set(allow, find);
  }
  const allowed = find(doc.text);
  const isAllowed = (part: Span) => isInside(part, allowed);
  return matches.filter((match) => !(isAllowed(match) || (match.sensitive !== undefined && match.sensitive.every(isAllowed))));
}

/** One finding per place: of a rule's matches that overlap, only the first (and then longest) is kept. */
function withoutOverlaps(matches: Match[]): Match[] {
  if (matches.length < 2) return matches;
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Match[] = [];
  for (const match of sorted) {
    const last = kept[kept.length - 1];
    if (last === undefined || match.start >= last.end) kept.push(match);
  }
  return kept;
}

interface FindingBuilder {
  doc: PostDocument;
  /** Line starts of each segment's text, computed on first use. */
  lineStarts: Map<Segment, number[]>;
  /** Original ranges that patient and confidentiality findings identified: masked in every finding that quotes them. */
  identified: Span[];
  contextValues: Record<string, string | undefined>;
}

/** Whether two ranges share at least one character. */
function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Joins items as "a, b and c". */
function listInWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] as string}`;
}

/** The text of an original range, with the given (original) ranges masked. */
function quote(doc: PostDocument, span: Span, masked: readonly Span[]): string {
  const text = doc.original.slice(span.start, span.end);
  return maskRanges(text, masked.filter((part) => overlaps(part, span)).map((part) => ({ start: part.start - span.start, end: part.end - span.start })));
}

/** The words of the masked ranges, to find again in text a kind derived from the post (a suggested rewrite of a hashtag, say). */
function maskedWords(doc: PostDocument, masked: readonly Span[]): string[] {
  return masked.flatMap((span) => doc.original.slice(span.start, span.end).match(/[\p{L}\p{N}]{3,}/gu) ?? []);
}

/** Masks every occurrence of the given words in a text, whatever their case. */
function withSecretsMasked(text: string, secrets: readonly string[]): string {
  let masked = text;
  for (const secret of secrets) {
    const lower = secret.toLowerCase();
    let at = masked.toLowerCase().indexOf(lower);
    while (at !== -1) {
      masked = masked.slice(0, at) + maskText(masked.slice(at, at + secret.length)) + masked.slice(at + secret.length);
      at = masked.toLowerCase().indexOf(lower, at + secret.length);
    }
  }
  return masked;
}

/** Placeholder values for a match: fixed strings as they are, spans quoted from the original text (masked where they overlap `masked`). */
function placeholderValues(match: Match, doc: PostDocument, masked: readonly Span[]): Record<string, string> {
  const values: Record<string, string> = {};
  const secrets = maskedWords(doc, masked);
  for (const [key, value] of Object.entries(match.data ?? {})) {
    if (typeof value === 'string') values[key] = withSecretsMasked(value, secrets);
    else if (Array.isArray(value)) values[key] = listInWords((value as readonly LabelledSpan[]).map(({ label, span }) => `${label} (${quote(doc, doc.toOriginal(span.start, span.end), masked)})`));
    else values[key] = quote(doc, doc.toOriginal((value as Span).start, (value as Span).end), masked);
  }
  return values;
}

function toFinding(rule: Rule, match: Match, severity: Severity, note: string | undefined, builder: FindingBuilder): Finding {
  const { doc } = builder;
  const original = match.original ?? doc.toOriginal(match.start, match.end);
  // A finding lies in one part of the post: the text, or one image's alt text.
  const segment = doc.segmentAt(original.start);
  let end = Math.min(original.end, segment.end);
  if (end < original.end) while (end > original.start && /\s/u.test(doc.original[end - 1] as string)) end -= 1; // clipped at the end of a part: no trailing blank lines
  const range = { start: original.start, end };
  const excerpt = doc.original.slice(range.start, range.end);
  const segmentText = doc.original.slice(segment.start, segment.end);
  let starts = builder.lineStarts.get(segment);
  if (starts === undefined) {
    starts = lineStarts(segmentText);
    builder.lineStarts.set(segment, starts);
  }
  const from = positionAt(starts, range.start - segment.start);
  const to = positionAt(starts, range.end - segment.start);
  const template = note === undefined ? rule.message : `${rule.message} ${note}`;
  const values = { ...builder.contextValues, ...placeholderValues(match, doc, []), match: excerpt };
  const finding: Finding = {
    ruleId: rule.id,
    category: rule.category,
    severity,
    message: interpolate(template, values),
    line: from.line,
    column: from.column,
    endLine: to.line,
    endColumn: to.column,
    excerpt,
    suggestion: interpolate(rule.suggestion, values),
    references: rule.references,
    start: range.start - segment.start,
    end: range.end - segment.start,
    ...(segment.image === undefined ? {} : { image: segment.image }),
  };
  // The parts that identify someone, in original offsets, are masked wherever they are quoted:
  // this finding's own (for patient and confidentiality rules) and any another finding identified.
  const sensitive = [...(SENSITIVE_CATEGORIES.has(rule.category) ? sensitiveRanges(match, doc) : []), ...builder.identified];
  const derived = Object.values(match.data ?? {}).filter((value): value is string => typeof value === 'string');
  const secrets = maskedWords(doc, sensitive);
  if (sensitive.some((part) => quotedRanges(match, doc, range).some((span) => overlaps(part, span))) || derived.some((value) => withSecretsMasked(value, secrets) !== value)) {
    const maskedValues = { ...values, ...placeholderValues(match, doc, sensitive), match: quote(doc, range, sensitive) };
    finding.masked = {
      message: interpolate(template, maskedValues),
      excerpt: maskedValues.match,
      suggestion: interpolate(rule.suggestion, maskedValues),
    };
  }
  return finding;
}

/** Every original range a finding quotes: its excerpt and the spans its placeholders show. */
function quotedRanges(match: Match, doc: PostDocument, excerpt: Span): Span[] {
  const spans: Span[] = [excerpt];
  for (const value of Object.values(match.data ?? {})) {
    if (typeof value === 'string') continue;
    const parts = Array.isArray(value) ? (value as readonly LabelledSpan[]).map(({ span }) => span) : [value as Span];
    spans.push(...parts.map((span) => doc.toOriginal(span.start, span.end)));
  }
  return spans;
}

/** The original ranges of a match that identify someone (the whole match, unless its kind says which parts). */
function sensitiveRanges(match: Match, doc: PostDocument): Span[] {
  return (match.sensitive ?? [match]).map((span) => doc.toOriginal(span.start, span.end));
}

function compareFindings(a: Finding, b: Finding): number {
  return (a.image ?? 0) - (b.image ?? 0) || a.start - b.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || a.end - b.end;
}

/** Keeps the matches that lie where the rule looks: the post's text, its images' alt text, or both. */
function inLookedAtParts(rule: Rule, matches: Match[], doc: PostDocument): Match[] {
  if (rule.lookIn === 'both') return matches;
  const wantImage = rule.lookIn === 'alt-text';
  return matches.filter((match) => (doc.segmentAt(doc.toOriginal(match.start, match.end).start).image !== undefined) === wantImage);
}

/**
 * Lints one post: its text and the alt text of its images (`context.images`). Deterministic:
 * findings are sorted by position (the text first, then each image), then rule id.
 * @throws PostTooLongError when the text is longer than MAX_POST_LENGTH.
 */
export function lint(text: string, ruleSet: RuleSet, context: PostContext = DEFAULT_CONTEXT): Finding[] {
  // The limit covers what is analysed: the post and its images' alt text.
  const length = (context.images ?? []).reduce((total, image) => total + (image.alt?.length ?? 0), text.length);
  if (length > MAX_POST_LENGTH) throw new PostTooLongError(length);
  const doc = new PostDocument(text, context);
  const builder: FindingBuilder = {
    doc,
    lineStarts: new Map(),
    identified: [],
    contextValues: {
      consent: context.consent,
      account: context.account,
      platform: context.platform,
      election: electionWindowOf(context)?.name,
    },
  };
  const found: Array<{ rule: Rule; match: Match; severity: Severity; note: string | undefined }> = [];
  for (const rule of ruleSet.rules) {
    const change = applicableChange(rule.when, context);
    if (change?.severity === 'off') continue;
    let matches = inLookedAtParts(rule, rule.check(doc), doc);
    if (matches.length === 0) continue;
    if (rule.filter !== undefined) matches = rule.filter(doc, matches);
    matches = withoutOverlaps(withoutAllowed(matches, doc, context.allow));
    for (const match of matches) {
      const severity = (change?.severity ?? rule.configuredSeverity ?? match.severity ?? rule.severity) as Severity;
      found.push({ rule, match, severity, note: change?.note });
      if (SENSITIVE_CATEGORIES.has(rule.category)) builder.identified.push(...sensitiveRanges(match, doc));
    }
  }
  return found.map(({ rule, match, severity, note }) => toFinding(rule, match, severity, note, builder)).sort(compareFindings);
}
