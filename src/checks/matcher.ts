// A matcher is a small inline check (phrases, a regex or an NLP query) that composite kinds and
// `unless` exceptions are built from; this module compiles one and measures distance between spans.
import type { PostDocument } from '../core/document.js';
import { NLP_ENTITIES } from '../nlp/compromise.js';
import { VALIDATOR_NAMES } from '../validators/index.js';
import { CompileError, type Check, type CompileEnv, type JsonSchema, type Match } from './kind.js';
import { compileNlpQuery } from './nlp.js';
import { compilePattern, patternPlaceholders } from './pattern.js';
import { compilePhraseCheck, PHRASE_OPTION_PROPERTIES } from './phrase.js';

const TERMS: JsonSchema = { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 };

/** The keys of a matcher: exactly one of phrases/lists, regex, or entity/nlp. */
export const MATCHER_PROPERTIES: Record<string, JsonSchema> = {
  phrases: { ...TERMS, description: 'Words and phrases to find.' },
  lists: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Names of term lists to find.' },
  regex: { type: 'string', minLength: 1, description: 'A regular expression to find.' },
  validator: { enum: VALIDATOR_NAMES, description: 'With regex: a named check the match must pass.' },
  report: { type: 'string', description: 'With regex: use only this named group.' },
  entity: { enum: [...NLP_ENTITIES], description: 'An NLP entity to find: person, place, organisation, date or value.' },
  nlp: { type: 'string', minLength: 1, description: 'A compromise match expression, e.g. "#Value (year|years) old".' },
  exceptions: { ...TERMS, description: 'Phrases inside which a match does not count.' },
  ...PHRASE_OPTION_PROPERTIES,
};

const SIMPLE_MATCHER_SCHEMA: JsonSchema = {
  type: 'object',
  properties: MATCHER_PROPERTIES,
  additionalProperties: false,
};

export const MATCHER_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    ...MATCHER_PROPERTIES,
    any: { type: 'array', items: SIMPLE_MATCHER_SCHEMA, minItems: 2, description: 'Matches what any of these matchers matches.' },
  },
  additionalProperties: false,
};

export type MatcherSpec = Record<string, unknown>;

/** What a matcher spec asks for; a spec must choose exactly one. */
function matcherType(spec: MatcherSpec): 'phrase' | 'pattern' | 'nlp' | 'any' | undefined {
  const phrase = spec.phrases !== undefined || spec.lists !== undefined;
  const pattern = spec.regex !== undefined;
  const nlp = spec.entity !== undefined || spec.nlp !== undefined;
  const any = spec.any !== undefined;
  if (Number(phrase) + Number(pattern) + Number(nlp) + Number(any) !== 1) return undefined;
  return phrase ? 'phrase' : pattern ? 'pattern' : nlp ? 'nlp' : 'any';
}

export function matcherUsesNlp(spec: MatcherSpec): boolean {
  const type = matcherType(spec);
  if (type === 'any') return (spec.any as MatcherSpec[]).some(matcherUsesNlp);
  return type === 'nlp';
}

/** The placeholders a matcher's matches can fill besides {{match}}: named groups and validator values. */
export function matcherPlaceholders(spec: MatcherSpec): string[] {
  switch (matcherType(spec)) {
    case 'pattern':
      return patternPlaceholders(spec);
    case 'any':
      return (spec.any as MatcherSpec[]).flatMap(matcherPlaceholders);
    default:
      return [];
  }
}

/** Compiles a matcher spec found at `path` of the rule. */
export function compileMatcher(spec: MatcherSpec, env: CompileEnv, path: ReadonlyArray<string | number>): Check {
  switch (matcherType(spec)) {
    case 'phrase':
      return compilePhraseCheck(spec, env, path);
    case 'pattern':
      return compilePattern(spec, path, env);
    case 'nlp':
      return compileNlpQuery(spec, path);
    case 'any': {
      const parts = (spec.any as MatcherSpec[]).map((part, index) => compileMatcher(part, env, [...path, 'any', index]));
      return (doc) => parts.flatMap((part) => part(doc)).sort((a, b) => a.start - b.start || a.end - b.end);
    }
    case undefined:
      throw new CompileError(path, 'a matcher needs exactly one of: phrases or lists, regex, entity or nlp, any');
  }
}

/** The number of words strictly between two spans (0 when they touch or overlap). */
export function wordsBetween(doc: PostDocument, a: Match, b: Match): number {
  const [left, right] = a.start <= b.start ? [a, b] : [b, a];
  if (right.start < left.end) return 0;
  const afterLeft = doc.wordIndexAt(left.end);
  const atRight = doc.wordIndexAt(right.start);
  return Math.max(0, atRight - afterLeft);
}

/** Whether two spans lie in the same sentence. */
export function sameSentence(doc: PostDocument, a: Match, b: Match): boolean {
  return doc.sentenceIndexAt(a.start) === doc.sentenceIndexAt(b.start);
}

export type Scope = 'sentence' | 'post';

/** Whether `b` is close enough to `a`: inside the scope and within `within` words (if given). */
export function isNear(doc: PostDocument, a: Match, b: Match, scope: Scope, within: number | undefined): boolean {
  if (scope === 'sentence' && !sameSentence(doc, a, b)) return false;
  return within === undefined || wordsBetween(doc, a, b) <= within;
}

export const NEAR_PROPERTIES: Record<string, JsonSchema> = {
  within: { type: 'integer', minimum: 0, maximum: 1000, description: 'At most this many words in between.' },
  scope: { enum: ['sentence', 'post'], description: 'Look in the same sentence (default) or anywhere in the post.' },
};

/** Schema for one entry of a rule's `unless` list: a matcher plus how near it must be, and on which side. */
export const UNLESS_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    ...(MATCHER_SCHEMA.properties as Record<string, JsonSchema>),
    ...NEAR_PROPERTIES,
    side: { enum: ['either', 'before'], description: 'Where the exception must be: on either side of the match (default), or before its end, as a "not" before an insult is (not after it, as in "lazy, never around").' },
  },
  additionalProperties: false,
};

/** Filter that drops matches with an exception nearby (a rule's `unless` list). */
export type MatchFilter = (doc: PostDocument, matches: Match[]) => Match[];

export function compileUnless(specs: readonly MatcherSpec[], env: CompileEnv, path: ReadonlyArray<string | number>): MatchFilter {
  const exceptions = specs.map((spec, index) => {
    const { within, scope, side, ...matcher } = spec;
    return {
      check: compileMatcher(matcher, env, [...path, index]),
      within: within as number | undefined,
      scope: (scope as Scope | undefined) ?? 'sentence',
      beforeOnly: side === 'before',
    };
  });
  return (doc, matches) => {
    if (matches.length === 0) return matches;
    const found = exceptions.map((exception) => ({ ...exception, spans: exception.check(doc) }));
    return matches.filter(
      (match) =>
        !found.some((exception) =>
          exception.spans.some((span) => (!exception.beforeOnly || span.end <= match.end) && isNear(doc, match, span, exception.scope, exception.within)),
        ),
    );
  };
}
