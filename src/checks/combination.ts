// The `combination` check kind: several kinds of detail (signals) that are harmless one by one
// but identify someone together, e.g. an age, a village and a time near a care context. Each
// signal has a weight; the total picks the severity from the rule's levels.
import { compileMatcher, isNear, matcherPlaceholders, matcherUsesNlp, MATCHER_PROPERTIES, MATCHER_SCHEMA, NEAR_PROPERTIES, type MatcherSpec, type Scope } from './matcher.js';
import { CompileError, isInside, type Check, type CheckKind, type LabelledSpan, type Match, type Span } from './kind.js';
import type { PostDocument } from '../core/document.js';
import { SEVERITIES, type Severity } from '../types.js';

interface Signal {
  label: string;
  weight: number;
  check: Check;
  /** Whether finding it needs the NLP parse (the slow part): such signals are looked for last, and only when they could matter. */
  usesNlp: boolean;
}

interface Level {
  weight: number;
  severity: Severity;
}

interface FoundSignal extends Span {
  label: string;
  weight: number;
}

const SIGNAL_SCHEMA = {
  type: 'object',
  properties: {
    ...(MATCHER_SCHEMA.properties as Record<string, unknown>),
    weight: { type: 'number', exclusiveMinimum: 0, maximum: 10, description: 'How much this signal counts towards the levels (default 1).' },
    label: { type: 'string', minLength: 1, description: 'How the message names this signal (default: its key, with spaces for hyphens).' },
  },
  additionalProperties: false,
};

/** How much of `span` lies within `other`, from 0 to 1. */
function shareCovered(span: Span, other: Span): number {
  const covered = Math.max(0, Math.min(span.end, other.end) - Math.max(span.start, other.start));
  return covered / Math.max(1, span.end - span.start);
}

/**
 * Keeps the heaviest of overlapping signals (then the longest), so one phrase never counts
 * twice ("lollipop lady" is a job, not also a sex). Signals that only share an edge word, like
 * "supported a" and "a couple", both count.
 */
function withoutOverlappingSignals(found: FoundSignal[]): FoundSignal[] {
  const ordered = [...found].sort((a, b) => b.weight - a.weight || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: FoundSignal[] = [];
  for (const signal of ordered) if (!kept.some((other) => shareCovered(signal, other) > 0.5)) kept.push(signal);
  return kept;
}

/** The strongest signal of each label; together they make the total. */
function strongestPerLabel(found: readonly FoundSignal[]): FoundSignal[] {
  const best = new Map<string, FoundSignal>();
  for (const signal of found) {
    const current = best.get(signal.label);
    if (current === undefined || signal.weight > current.weight || (signal.weight === current.weight && signal.start < current.start)) best.set(signal.label, signal);
  }
  return [...best.values()].sort((a, b) => a.start - b.start);
}

interface Group {
  anchor: Span | undefined;
  signals: FoundSignal[];
  total: number;
}

function group(anchor: Span | undefined, candidates: readonly FoundSignal[]): Group {
  // A signal that lies within the anchor is the anchor itself, not extra detail.
  const usable = anchor === undefined ? [...candidates] : candidates.filter((signal) => !isInside(signal, [anchor]));
  const signals = strongestPerLabel(withoutOverlappingSignals(usable));
  return { anchor, signals, total: signals.reduce((sum, signal) => sum + signal.weight, 0) };
}

export const combinationKind: CheckKind = {
  name: 'combination',
  description: 'Flags details that identify someone together though not alone: weighted signals near an anchor (such as a care context), graded by the total.',
  properties: {
    anchor: { ...MATCHER_SCHEMA, description: 'What must be present for the signals to count, e.g. a care context; signals are measured from it.' },
    signals: {
      type: 'object',
      description: 'The kinds of detail to look for, by name (e.g. age, place, time), each a matcher with an optional weight.',
      propertyNames: { pattern: '^[a-z]+(-[a-z]+)*$' },
      additionalProperties: SIGNAL_SCHEMA,
      minProperties: 2,
    },
    levels: {
      type: 'array',
      description: 'The severity for each total weight, e.g. warning at 2 and error at 3; the highest level reached applies.',
      items: {
        type: 'object',
        properties: { weight: { type: 'number', exclusiveMinimum: 0 }, severity: { enum: [...SEVERITIES] } },
        required: ['weight', 'severity'],
        additionalProperties: false,
      },
      minItems: 1,
    },
    ...NEAR_PROPERTIES,
    report: { enum: ['all', 'anchor'], description: 'Report the span from the first to the last detail used (default), or the anchor alone.' },
    mask: { enum: ['signals', 'anchor', 'both'], description: 'What identifies someone, and is masked in redacted reports (default: the signals).' },
  },
  required: ['signals', 'levels'],
  placeholders: (params) => [
    'match',
    'signals',
    'anchor',
    ...Object.values((params.signals ?? {}) as Record<string, MatcherSpec>).flatMap((spec) => matcherPlaceholders(withoutSignalKeys(spec))),
  ],
  usesNlp: (params) =>
    (params.anchor !== undefined && matcherUsesNlp(params.anchor as MatcherSpec)) ||
    Object.values((params.signals ?? {}) as Record<string, MatcherSpec>).some((spec) => matcherUsesNlp(withoutSignalKeys(spec))),
  compile(params, env): Check {
    const anchor = params.anchor === undefined ? undefined : compileMatcher(params.anchor as MatcherSpec, env, ['anchor']);
    const signals: Signal[] = Object.entries(params.signals as Record<string, MatcherSpec>).map(([name, spec]) => ({
      label: typeof spec.label === 'string' ? spec.label : name.replace(/-/g, ' '),
      weight: typeof spec.weight === 'number' ? spec.weight : 1,
      check: compileMatcher(withoutSignalKeys(spec), env, ['signals', name]),
      usesNlp: matcherUsesNlp(withoutSignalKeys(spec)),
    }));
    const quickSignals = signals.filter((signal) => !signal.usesNlp);
    const nlpSignals = signals.filter((signal) => signal.usesNlp);
    const nlpWeight = nlpSignals.reduce((sum, signal) => sum + signal.weight, 0);
    const levels = [...(params.levels as Level[])].sort((a, b) => b.weight - a.weight);
    const lowestLevel = Math.min(...levels.map((level) => level.weight));
    const scope = (params.scope as Scope | undefined) ?? 'post';
    const within = params.within as number | undefined;
    if (within !== undefined && anchor === undefined) throw new CompileError(['within'], '"within" counts words from the anchor: add an anchor, or remove "within"');
    const reportAnchor = params.report === 'anchor';
    const mask = (params.mask as 'signals' | 'anchor' | 'both' | undefined) ?? 'signals';
    if (mask !== 'signals' && anchor === undefined) throw new CompileError(['mask'], `"mask: ${mask}" needs an anchor`);
    if (reportAnchor && anchor === undefined) throw new CompileError(['report'], '"report: anchor" needs an anchor');

    return (doc: PostDocument): Match[] => {
      const anchors: Array<Span | undefined> = anchor === undefined ? [undefined] : anchor(doc);
      if (anchors.length === 0) return [];
      const find = (list: readonly Signal[]): FoundSignal[] =>
        list.flatMap((signal) => signal.check(doc).map((span) => ({ start: span.start, end: span.end, label: signal.label, weight: signal.weight })));
      const groupsOf = (found: readonly FoundSignal[]): Group[] =>
        anchor === undefined && scope === 'sentence'
          ? [...new Set(found.map((signal) => doc.sentenceIndexAt(signal.start)))].map((sentence) =>
              group(undefined, found.filter((signal) => doc.sentenceIndexAt(signal.start) === sentence)),
            )
          : anchors.map((at) => group(at, at === undefined ? [...found] : found.filter((signal) => isNear(doc, at, signal, scope, within))));

      let found = find(quickSignals);
      let groups = groupsOf(found);
      // The NLP signals can add at most their own weights: parse only if that could reach a level.
      const best = groups.reduce((max, candidate) => Math.max(max, candidate.total), 0);
      if (nlpSignals.length > 0 && best + nlpWeight >= lowestLevel - 1e-9) {
        found = [...found, ...find(nlpSignals)];
        groups = groupsOf(found);
      }
      if (found.length === 0) return [];

      const matches: Match[] = [];
      const reported = anchor === undefined ? groups : [groups.reduce((best, candidate) => (candidate.total > best.total ? candidate : best))];
      for (const { anchor: at, signals: used, total } of reported) {
        const level = levels.find((candidate) => total >= candidate.weight - 1e-9);
        if (level === undefined || used.length === 0) continue;
        const parts: Span[] = [...used, ...(at === undefined ? [] : [at])];
        const span = reportAnchor && at !== undefined ? at : { start: Math.min(...parts.map((part) => part.start)), end: Math.max(...parts.map((part) => part.end)) };
        const labelled: LabelledSpan[] = used.map((signal) => ({ label: signal.label, span: { start: signal.start, end: signal.end } }));
        matches.push({
          start: span.start,
          end: span.end,
          data: { signals: labelled, ...(at === undefined ? {} : { anchor: { start: at.start, end: at.end } }) },
          sensitive: [...(mask === 'anchor' ? [] : used), ...(mask !== 'signals' && at !== undefined ? [at] : [])].map(({ start, end }) => ({ start, end })),
          severity: level.severity,
        });
      }
      return matches;
    };
  },
};

/** A signal's matcher, without the keys that belong to the signal (weight, label). */
function withoutSignalKeys(spec: MatcherSpec): MatcherSpec {
  const matcher: MatcherSpec = {};
  for (const [key, value] of Object.entries(spec)) if (key in MATCHER_PROPERTIES || key === 'any') matcher[key] = value;
  return matcher;
}
