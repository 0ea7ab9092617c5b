// The `capitals` check kind: several words in a row written in capitals (PLEASE DO NOT ATTEND),
// which are harder to read than lower case and come across as shouting. Acronyms do not count:
// a word in capitals that is not in the English dictionary (PAPR, ODN) or that the rule file
// lists (NICE, AIDS) is an acronym; single letters and numbers neither count nor break a run.
import type { Word } from '../core/document.js';
import { isEnglishWord, lookupForm } from '../text/lexicon.js';
import { proseWords } from '../text/social.js';
import type { Check, CheckKind, CompileEnv, Match } from './kind.js';
import { knownWordProperties, knownWords } from './known-words.js';

type Role = 'shouted' | 'neutral' | 'lower';

function compileCapitals(params: Record<string, unknown>, env: CompileEnv): Check {
  const minWords = params.min_words as number;
  const acronyms = knownWords(params, env);

  /** How a word takes part in a run of capitals. */
  function roleOf(word: string): Role {
    if (/\p{Ll}/u.test(word)) return 'lower';
    if ((word.match(/\p{Lu}/gu) ?? []).length < 2 || /\p{N}/u.test(word)) return 'neutral';
    // DON'T is shouted like DON; WELL-LED like WELL.
    const parts = (word.split("'")[0] as string).split('-');
    return parts.some((part) => !acronyms.has(lookupForm(part)) && isEnglishWord(part)) ? 'shouted' : 'neutral';
  }

  return (doc) => {
    const matches: Match[] = [];
    let shouted: Word[] = [];
    const endRun = () => {
      if (shouted.length >= minWords) matches.push({ start: (shouted[0] as Word).start, end: (shouted[shouted.length - 1] as Word).end });
      shouted = [];
    };
    let previousEnd = 0;
    for (const word of proseWords(doc)) {
      if (doc.text.slice(previousEnd, word.start).includes('\n')) endRun();
      previousEnd = word.end;
      const role = roleOf(doc.text.slice(word.start, word.end));
      if (role === 'lower') endRun();
      else if (role === 'shouted') shouted.push(word);
    }
    endRun();
    return matches;
  };
}

export const capitalsKind: CheckKind = {
  name: 'capitals',
  description:
    'Flags a run of words written in capitals (PLEASE READ THIS), reported from its first to its last shouted word; acronyms, single letters and numbers do not count, and a line break or a word in lower case ends the run.',
  properties: {
    min_words: { type: 'integer', minimum: 2, description: 'How many words in capitals in a row to flag, e.g. 3.' },
    ...knownWordProperties('Acronyms that are also English words, so are not shouting in capitals, e.g. NICE, AIDS. Capitalised words not in the dictionary (PAPR, ODN) count as acronyms already.'),
  },
  required: ['min_words'],
  placeholders: () => ['match'],
  usesNlp: () => false,
  compile: compileCapitals,
};
