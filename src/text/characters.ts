// Emoji and user-perceived characters in a text. emoji-regex follows the Unicode emoji data, so
// a ZWJ sequence (👩‍⚕️), a flag (🏴󠁧󠁢󠁷󠁬󠁳󠁿) or a skin-tone emoji (👏🏽) is one emoji; Intl.Segmenter
// splits text into graphemes, the characters a reader sees, as Bluesky counts them.
import emojiRegex from 'emoji-regex';
import type { Span } from '../checks/kind.js';

/** Every emoji in a text, each sequence once. */
export function emojiSpans(text: string): Span[] {
  return [...text.matchAll(emojiRegex())].map((found) => ({ start: found.index, end: found.index + found[0].length }));
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Offsets at which each grapheme of the text starts. */
export function graphemeStarts(text: string): number[] {
  return [...graphemes.segment(text)].map((segment) => segment.index);
}
