// The `hashtag-case` check kind: hashtags that run several words together in one case
// (#mentalhealthawareness). Screen readers cannot tell where the words start, so they read the tag
// as one long made-up word; a capital at the start of each word (#MentalHealthAwareness) fixes it.
import { isPlaceName } from '../nlp/compromise.js';
import { isEnglishWord, lookupForm, scowlSize } from '../text/lexicon.js';
import { postEntities } from '../text/social.js';
import type { Check, CheckKind, CompileEnv, Match } from './kind.js';
import { knownWordProperties, knownWords } from './known-words.js';

/** Capitals followed by small letters: the parts of a hashtag its writer set apart by case. */
const CASE_RUN = /(\p{Lu}*)(\p{Ll}*)/gu;

/**
 * The largest SCOWL size of a word that may be one of several run together. Size 50 is a
 * medium-sized spelling dictionary: common enough that rare short words ("hath", "er") do not
 * make a name look like a phrase. A whole part is accepted as one word up to SCOWL's size 70.
 */
const RUN_TOGETHER_WORD_SIZE = 50;

/** A way to spell letters as words: how many, and how rare (the sum of their SCOWL sizes). */
interface Spelling {
  words: string[];
  rarity: number;
}

/** The fewest words of at least `shortest` letters that spell the letters, the commonest first among equals. */
function fewestWords(letters: string, shortest: number, sizeOf: (piece: string) => number | undefined): string[] | undefined {
  // spellings[end]: the best spelling of letters.slice(0, end).
  const spellings: Array<Spelling | undefined> = [{ words: [], rarity: 0 }];
  for (let end = shortest; end <= letters.length; end += 1) {
    for (let start = 0; start <= end - shortest; start += 1) {
      const before = spellings[start];
      if (before === undefined) continue;
      const piece = letters.slice(start, end);
      const size = sizeOf(piece);
      if (size === undefined) continue;
      const candidate = { words: [...before.words, piece], rarity: before.rarity + size };
      const best = spellings[end];
      if (best === undefined || candidate.words.length < best.words.length || (candidate.words.length === best.words.length && candidate.rarity < best.rarity)) {
        spellings[end] = candidate;
      }
    }
  }
  return spellings[letters.length]?.words;
}

function compileHashtagCase(params: Record<string, unknown>, env: CompileEnv): Check {
  const known = knownWords(params, env);

  /** The SCOWL size of a word that may be one of several run together; the rule's own words count as common. */
  function sizeOf(piece: string): number | undefined {
    if (known.has(piece)) return 10;
    const size = scowlSize(piece);
    return size !== undefined && size <= RUN_TOGETHER_WORD_SIZE ? size : undefined;
  }

  /**
   * The words a part written in one case runs together, or undefined if it is one word or a place.
   * In capitals, words of two letters do not count: #MERS and #ICYMI are acronyms, not me + rs.
   */
  function wordsRunTogether(part: string): string[] | undefined {
    const letters = part.toLowerCase();
    if (known.has(letters) || isEnglishWord(letters)) return undefined;
    const words = fewestWords(letters, letters === part ? 2 : 3, sizeOf);
    if (words === undefined || words.length < 2 || isPlaceName(letters)) return undefined;
    return words;
  }

  /** A word of the suggested hashtag: acronyms in capitals as the rule file writes them (NHS), other words capitalised. */
  function capitalise(word: string): string {
    const term = known.get(word);
    if (term !== undefined && !/\p{Ll}/u.test(term)) return word.toUpperCase();
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  /** A part in one case, in camel case if it runs words together; undefined if it does not. */
  function camelCase(part: string): string | undefined {
    return wordsRunTogether(part)?.map(capitalise).join('');
  }

  /**
   * Capitals then small letters are a capitalised word or name (#Nursing, #Nottingham), after an
   * acronym if the rule file lists one (#NHSjobs), or else after capitals whose last starts the
   * word (#FOAMed); only the parts in one case can run words together.
   */
  function camelCaseRun(capitals: string, small: string): string | undefined {
    if (small === '') return camelCase(capitals);
    if (capitals === '') return camelCase(small);
    if (capitals.length > 1 && known.has(lookupForm(capitals))) {
      const fixed = camelCase(small);
      return fixed === undefined ? undefined : capitals + fixed;
    }
    return undefined;
  }

  return (doc) => {
    const matches: Match[] = [];
    for (const hashtag of postEntities(doc).hashtags) {
      let runsTogether = false;
      const suggested = hashtag.tag.replace(CASE_RUN, (run: string, capitals: string, small: string) => {
        if (run === '') return run;
        const fixed = camelCaseRun(capitals, small);
        if (fixed === undefined) return run;
        runsTogether = true;
        return fixed;
      });
      if (runsTogether) matches.push({ start: hashtag.start, end: hashtag.end, data: { camel_case: `#${suggested}` } });
    }
    return matches;
  };
}

export const hashtagCaseKind: CheckKind = {
  name: 'hashtag-case',
  description:
    'Flags hashtags that run two or more dictionary words together in one case (#nhsjobs, #NURSESDAY); single words, names, places and hashtags with a capital at the start of each word pass. {{camel_case}} is the hashtag with each word capitalised.',
  properties: knownWordProperties('Acronyms and words to read as one word inside a hashtag besides the English dictionary, e.g. NHS, wellbeing. Acronyms written in capitals here are suggested in capitals (#NHSJobs).'),
  required: [],
  placeholders: () => ['match', 'camel_case'],
  usesNlp: () => true, // place names are looked up with compromise
  compile: compileHashtagCase,
};
