// The `reading-ease` check kind: prose made of long words throughout, scored with the Flesch
// reading-ease formula (the flesch package; syllables counted by the syllable package). Flesch's
// own scale puts scores under 30 at "very difficult", best understood by university graduates.
// Hashtags, links, @mentions and numbers are not prose and are left out, and so are names and
// titles (a capitalised word that does not start a sentence), as WCAG's Reading Level asks. The
// finding runs from the first word of the post to the last; images' alt text is not scored.
import { flesch } from 'flesch';
import { syllable } from 'syllable';
import { proseWords } from '../text/social.js';
import type { Check, CheckKind } from './kind.js';

function compileReadingEase(params: Record<string, unknown>): Check {
  const below = params.below as number;
  const minWords = params.min_words as number;
  const maxWords = params.max_words as number | undefined;
  return (doc) => {
    const postEnd = doc.postEnd;
    const prose = proseWords(doc).filter((word) => word.end <= postEnd && /\p{L}/u.test(doc.text.slice(word.start, word.end)));
    const first = prose[0];
    const last = prose[prose.length - 1];
    const words = prose.filter((word, index) => !/^\p{Lu}/u.test(doc.text.slice(word.start, word.end)) || prose[index - 1]?.sentence !== word.sentence);
    if (first === undefined || last === undefined || words.length < minWords) return [];
    if (maxWords !== undefined && words.length > maxWords) return [];
    const counts = {
      sentence: new Set(words.map((word) => word.sentence)).size,
      word: words.length,
      syllable: words.reduce((total, word) => total + syllable(doc.text.slice(word.start, word.end)), 0),
    };
    const score = flesch(counts);
    if (score >= below) return [];
    return [{ start: first.start, end: last.end, data: { score: String(Math.round(score)) } }];
  };
}

export const readingEaseKind: CheckKind = {
  name: 'reading-ease',
  description:
    'Flags a post whose Flesch reading-ease score is below `below` (0 to 30 is "very difficult" on Flesch\'s scale), once it has at least `min_words` words of prose (and at most `max_words`, if given); reported from its first word to its last. {{score}} is the score.',
  properties: {
    below: { type: 'number', description: 'Flag scores below this, e.g. 30.' },
    min_words: { type: 'integer', minimum: 1, description: 'Score only posts with at least this many words: formulas mislead on a few words.' },
    max_words: { type: 'integer', minimum: 1, description: 'Score only posts with at most this many words, e.g. for a stricter threshold on short posts (default: no limit).' },
  },
  required: ['below', 'min_words'],
  placeholders: () => ['match', 'score'],
  usesNlp: () => false,
  compile: compileReadingEase,
};
