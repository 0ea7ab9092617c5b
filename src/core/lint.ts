// The pure core: lint(text, ruleSet, context) -> Finding[]. No file system, console or process;
// the same input always gives the same findings, sorted by position and then rule id.
import type { Match, Span } from '../checks/kind.js';
import { compilePhrases, regexMatches } from '../checks/phrase.js';
import type { Rule, RuleSet } from '../rules/model.js';
import { lineStarts, positionAt } from '../text/positions.js';
import { DEFAULT_CONTEXT, SENSITIVE_CATEGORIES, type Finding, type PostContext, type Severity } from '../types.js';
import { applicableChange, electionWindowOf } from './conditions.js';
import { PostDocument } from './document.js';
import { maskRanges } from './mask.js';
import { interpolate } from './message.js';
import { MAX_POST_LENGTH, PostTooLongError } from './post-length.js';

const allowRegexes = new WeakMap<readonly string[], RegExp>();

/** Drops matches that fall inside a term the trust's configuration allows. */
function withoutAllowed(matches: Match[], doc: PostDocument, allow: readonly string[] | undefined): Match[] {
  if (allow === undefined || allow.length === 0 || matches.length === 0) return matches;
  let regex = allowRegexes.get(allow);
  if (regex === undefined) {
    regex = compilePhrases(allow, { caseSensitive: false, leet: false, spaced: false });
    allowRegexes.set(allow, regex);
  }
  const allowed = regexMatches(regex, doc.text);
  return matches.filter((match) => !allowed.some((span) => span.start <= match.start && match.end <= span.end));
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
  starts: () => number[];
  contextValues: Record<string, string | undefined>;
}

/** Whether two ranges share at least one character. */
function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

function toFinding(rule: Rule, match: Match, severity: Severity, note: string | undefined, builder: FindingBuilder): Finding {
  const { doc } = builder;
  const { start, end } = doc.toOriginal(match.start, match.end);
  const excerpt = doc.original.slice(start, end);
  // Placeholder values that are spans of the post are quoted from the original text.
  const spans = new Map<string, Span>();
  const values: Record<string, string | undefined> = { ...builder.contextValues };
  for (const [key, value] of Object.entries(match.data ?? {})) {
    if (typeof value === 'string') {
      values[key] = value;
    } else {
      const original = doc.toOriginal(value.start, value.end);
      spans.set(key, original);
      values[key] = doc.original.slice(original.start, original.end);
    }
  }
  values.match = excerpt;
  const template = note === undefined ? rule.message : `${rule.message} ${note}`;
  const from = positionAt(builder.starts(), start);
  const to = positionAt(builder.starts(), end);
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
    start,
    end,
  };
  if (SENSITIVE_CATEGORIES.has(rule.category)) {
    // The parts that identify someone, in original offsets: masked wherever they are quoted.
    const sensitive = (match.sensitive ?? [match]).map((span) => doc.toOriginal(span.start, span.end));
    const maskedValues: Record<string, string | undefined> = {
      ...values,
      match: maskRanges(excerpt, sensitive.map((span) => ({ start: span.start - start, end: span.end - start }))),
    };
    for (const [key, span] of spans) {
      const text = values[key] ?? '';
      maskedValues[key] = maskRanges(text, sensitive.filter((part) => overlaps(part, span)).map((part) => ({ start: part.start - span.start, end: part.end - span.start })));
    }
    finding.masked = {
      message: interpolate(template, maskedValues),
      excerpt: maskedValues.match as string,
      suggestion: interpolate(rule.suggestion, maskedValues),
    };
  }
  return finding;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.start - b.start || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0) || a.end - b.end;
}

/**
 * Lints one post. Deterministic: findings are sorted by position, then rule id.
 * @throws PostTooLongError when the text is longer than MAX_POST_LENGTH.
 */
export function lint(text: string, ruleSet: RuleSet, context: PostContext = DEFAULT_CONTEXT): Finding[] {
  if (text.length > MAX_POST_LENGTH) throw new PostTooLongError(text.length);
  const doc = new PostDocument(text, context);
  let starts: number[] | undefined;
  const builder: FindingBuilder = {
    doc,
    starts: () => (starts ??= lineStarts(text)),
    contextValues: {
      consent: context.consent,
      account: context.account,
      platform: context.platform,
      election: electionWindowOf(context)?.name,
    },
  };
  const findings: Finding[] = [];
  for (const rule of ruleSet.rules) {
    const change = applicableChange(rule.when, context);
    if (change?.severity === 'off') continue;
    let matches = rule.check(doc);
    if (matches.length === 0) continue;
    if (rule.filter !== undefined) matches = rule.filter(doc, matches);
    matches = withoutOverlaps(withoutAllowed(matches, doc, context.allow));
    for (const match of matches) {
      const severity = change?.severity ?? match.severity ?? rule.severity;
      findings.push(toFinding(rule, match, severity as Severity, change?.note, builder));
    }
  }
  return findings.sort(compareFindings);
}
