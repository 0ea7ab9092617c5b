// The `words` and `lists` keys of the kinds that must tell a word from an acronym or a name
// (capitals, hashtag-case): terms the rule file accepts besides the English dictionary.
import { lookupForm } from '../text/lexicon.js';
import type { CompileEnv, JsonSchema } from './kind.js';
import { listTerms } from './phrase.js';

/** The schema of the two keys, described for the kind that uses them. */
export function knownWordProperties(what: string): Record<string, JsonSchema> {
  return {
    words: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: what },
    lists: { type: 'array', items: { type: 'string' }, minItems: 1, description: `Names of term lists (defined under \`lists:\`) used the same way as \`words\`.` },
  };
}

/** The rule's own words and those of its lists, by lookup form ("A&E" → "ae"), each as written. */
export function knownWords(params: Record<string, unknown>, env: CompileEnv): ReadonlyMap<string, string> {
  const terms = [...((params.words as string[] | undefined) ?? []), ...listTerms(params, env)];
  return new Map(terms.map((term) => [lookupForm(term), term]));
}
