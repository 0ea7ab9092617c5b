// The `proximity` check kind: something (first) within a few words of something else (second),
// in the same sentence unless told otherwise, e.g. a person's name near "bed" or "admitted".
import { compileMatcher, isNear, matcherPlaceholders, matcherUsesNlp, MATCHER_SCHEMA, NEAR_PROPERTIES, wordsBetween, type MatcherSpec, type Scope } from './matcher.js';
import type { Check, CheckKind, Match } from './kind.js';

const DEFAULT_WITHIN = 8;

export const proximityKind: CheckKind = {
  name: 'proximity',
  description: 'Flags one thing found within a few words of another, in the same sentence by default.',
  properties: {
    first: { ...MATCHER_SCHEMA, description: 'What to find.' },
    second: { ...MATCHER_SCHEMA, description: 'What must be near it.' },
    ...NEAR_PROPERTIES,
    order: { enum: ['any', 'first-before-second', 'second-before-first'], description: 'Whether the order matters (default: any).' },
    report: { enum: ['both', 'first', 'second'], description: 'Which part to report as the match (default: both, and the words between).' },
    mask: { enum: ['both', 'first', 'second'], description: 'Which part identifies someone, and is masked in redacted reports (default: both).' },
    exclusive: { type: 'boolean', description: 'Each second belongs to its nearest first only, e.g. a name to the phone number next to it (default: false).' },
  },
  required: ['first', 'second'],
  placeholders: (params) => ['match', 'first', 'second', ...matcherPlaceholders(params.first as MatcherSpec), ...matcherPlaceholders(params.second as MatcherSpec)],
  usesNlp: (params) => matcherUsesNlp(params.first as MatcherSpec) || matcherUsesNlp(params.second as MatcherSpec),
  compile(params, env): Check {
    const first = compileMatcher(params.first as MatcherSpec, env, ['first']);
    const second = compileMatcher(params.second as MatcherSpec, env, ['second']);
    const within = (params.within as number | undefined) ?? DEFAULT_WITHIN;
    const scope = (params.scope as Scope | undefined) ?? 'sentence';
    const order = (params.order as string | undefined) ?? 'any';
    const report = (params.report as string | undefined) ?? 'both';
    const mask = (params.mask as string | undefined) ?? 'both';
    const exclusive = params.exclusive === true;
    // A side that needs the NLP library is costly: look for the other side first, and stop if it is absent.
    const secondIsCheaper = matcherUsesNlp(params.first as MatcherSpec) && !matcherUsesNlp(params.second as MatcherSpec);

    return (doc) => {
      let firsts: Match[];
      let seconds: Match[];
      if (secondIsCheaper) {
        seconds = second(doc);
        if (seconds.length === 0) return [];
        firsts = first(doc);
      } else {
        firsts = first(doc);
        if (firsts.length === 0) return [];
        seconds = second(doc);
      }
      const pairs: Array<{ a: Match; b: Match; distance: number }> = [];
      for (const a of firsts) {
        let best: Match | undefined;
        let bestDistance = Infinity;
        for (const b of seconds) {
          if (b.start < a.end && a.start < b.end) continue; // the same words cannot be both
          if (order === 'first-before-second' && b.start < a.start) continue;
          if (order === 'second-before-first' && b.start > a.start) continue;
          if (!isNear(doc, a, b, scope, within)) continue;
          const distance = wordsBetween(doc, a, b);
          if (distance < bestDistance) {
            best = b;
            bestDistance = distance;
          }
        }
        if (best !== undefined) pairs.push({ a, b: best, distance: bestDistance });
      }
      const kept = exclusive ? pairs.filter((pair) => !pairs.some((other) => other.b === pair.b && other.distance < pair.distance)) : pairs;
      const matches: Match[] = [];
      for (const { a, b: best } of kept) {
        const span = report === 'first' ? a : report === 'second' ? best : { start: Math.min(a.start, best.start), end: Math.max(a.end, best.end) };
        matches.push({
          start: span.start,
          end: span.end,
          data: { ...a.data, ...best.data, first: { start: a.start, end: a.end }, second: { start: best.start, end: best.end } },
          sensitive: (mask === 'first' ? [a] : mask === 'second' ? [best] : [a, best]).map(({ start, end }) => ({ start, end })),
        });
      }
      return matches;
    };
  },
};
