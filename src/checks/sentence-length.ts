// The `sentence-length` check kind: a sentence with more words than plain-English guidance
// allows. Long sentences are hard to follow, above all for people with a low reading age, with
// dyslexia or reading in a second language. Hashtags, links and @mentions are not counted. The
// finding is the sentence, without the white space around it.
import type { Sentence } from '../core/document.js';
import { proseWords } from '../text/social.js';
import type { Check, CheckKind, Match } from './kind.js';

function compileSentenceLength(params: Record<string, unknown>): Check {
  const maxWords = params.max_words as number;
  return (doc) => {
    const counts = new Map<number, number>();
    for (const word of proseWords(doc)) counts.set(word.sentence, (counts.get(word.sentence) ?? 0) + 1);
    const matches: Match[] = [];
    for (const [index, words] of counts) {
      if (words <= maxWords) continue;
      const sentence = doc.sentences()[index] as Sentence;
      const text = doc.text.slice(sentence.start, sentence.end);
      const start = sentence.start + (text.length - text.trimStart().length);
      matches.push({ start, end: sentence.start + text.trimEnd().length, data: { words: String(words), max_words: String(maxWords) } });
    }
    return matches;
  };
}

export const sentenceLengthKind: CheckKind = {
  name: 'sentence-length',
  description: 'Flags each sentence with more than `max_words` words, not counting hashtags, links and @mentions; {{words}} and {{max_words}} give the numbers.',
  properties: {
    max_words: { type: 'integer', minimum: 1, description: 'The most words a sentence may have, e.g. 35.' },
  },
  required: ['max_words'],
  placeholders: () => ['match', 'words', 'max_words'],
  usesNlp: () => false,
  compile: compileSentenceLength,
};
