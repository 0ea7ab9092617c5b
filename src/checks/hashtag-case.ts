// The `hashtag-case` check kind: hashtags that run several words together in one case
// (#mentalhealthawareness). Screen readers cannot tell where the words start, so they read the tag
// as one long made-up word; a capital at the start of each word (#MentalHealthAwareness) fixes it.
import { isPlaceName } from '../nlp/compromise.js';
import { isEnglishWord } from '../text/lexicon.js';
import { postEntities } from '../text/social.js';
import type { Check, CheckKind, CompileEnv, Match } from './kind.js';
import { knownWordProperties, knownWords } from './known-words.js';

/** The parts of a hashtag that capitals or digits already set apart: NHS|Jobs, i|Phone, NHS|75. */
const CASE_RUN = /\p{Lu}{2,}(?=\p{Lu}\p{Ll})|\p{Lu}?\p{Ll}+|\p{Lu}+|\p{N}+/gu;

/**
 * The largest SCOWL size of a word that may be one of several run together. Size 50 is a
 * medium-sized spelling dictionary: common enough that rare short words ("hath", "er") do not
 * make a name look like a phrase. A whole part is accepted as one word up to SCOWL's size 70.
 */
const RUN_TOGETHER_WORD_SIZE = 50;

/** The fewest words of at least two letters that spell the letters, if any. */
function fewestWords(letters: string, isWord: (piece: string) => boolean): string[] | undefined {
  // spellings[end]: the fewest words that spell letters.slice(0, end).
  const spellings: Array<string[] | undefined> = [[]];
  for (let end = 2; end <= letters.length; end += 1) {
    for (let start = 0; start <= end - 2; start += 1) {
      const before = spellings[start];
      const piece = letters.slice(start, end);
      if (before === undefined || !isWord(piece)) continue;
      const best = spellings[end];
      if (best === undefined || before.length + 1 < best.length) spellings[end] = [...before, piece];
    }
  }
  return spellings[letters.length];
}

function compileHashtagCase(params: Record<string, unknown>, env: CompileEnv): Check {
  const known = knownWords(params, env);

  /** The words a part of a hashtag written in one case runs together, or undefined if it is one word or a name. */
  function wordsRunTogether(part: string): string[] | undefined {
    const letters = part.toLowerCase();
    if (known.has(letters) || isEnglishWord(letters)) return undefined;
    const words = fewestWords(letters, (piece) => known.has(piece) || isEnglishWord(piece, RUN_TOGETHER_WORD_SIZE));
    if (words === undefined || words.length < 2 || isPlaceName(letters)) return undefined;
    return words;
  }

  /** A word of the suggested hashtag: acronyms in capitals as the rule file writes them (NHS), other words capitalised. */
  function capitalise(word: string): string {
    const term = known.get(word);
    if (term !== undefined && !/\p{Ll}/u.test(term)) return word.toUpperCase();
    return word.charAt(0).toUpperCase() + word.slice(1);
  }

  return (doc) => {
    const matches: Match[] = [];
    for (const hashtag of postEntities(doc).hashtags) {
      let runsTogether = false;
      const camelCase = hashtag.tag.replace(CASE_RUN, (part) => {
        // A capital then small letters is one capitalised word or a name (#Nursing, #Nottingham).
        if (/^(?:\p{N}|\p{Lu}\p{Ll})/u.test(part)) return part;
        const words = wordsRunTogether(part);
        if (words === undefined) return part;
        runsTogether = true;
        return words.map(capitalise).join('');
      });
      if (runsTogether) matches.push({ start: hashtag.start, end: hashtag.end, data: { camel_case: `#${camelCase}` } });
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
  usesNlp: () => false,
  compile: compileHashtagCase,
};
