// Folds a post into a plain copy for matching (no invisible characters, no look-alike letters)
// and keeps a map from every folded character back to its place in the original text.
import { confusablesMap } from 'confusables';

/** The folded copy of a text, with the way back to the original. */
export interface FoldedText {
  /** The text to match against. */
  readonly text: string;
  /** Original UTF-16 offset where the source of each folded unit starts; null when folding changed nothing. */
  readonly starts: Int32Array | null;
  /** Original UTF-16 offset just after the source of each folded unit; null when folding changed nothing. */
  readonly ends: Int32Array | null;
}

// Characters that carry no visible letter: zero-width spaces and joiners, soft hyphens, bidi
// controls, variation selectors, tag characters. They are dropped so they cannot split a word.
const INVISIBLE =
  /^[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]$/u;
const SPACE = /^[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]$/u;
const LINE_BREAK = /^[\u2028\u2029\u0085]$/u;
const APOSTROPHE = /^[\u2018\u2019\u201B\u02BC\u2032\u0060\u00B4\uFF07]$/u;
const QUOTE = /^[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\uFF02]$/u;
const DASH = /^[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]$/u;
const COMBINING_MARK = /\p{M}/gu;
const FOLDABLE = /^[\p{L}\p{N}\p{So}]$/u;
const PLAIN = /^[\n\x20-\x7E]*$/;

/** Folds one character (a whole code point) to what it should match as. */
function foldCodePoint(ch: string): string {
  if (INVISIBLE.test(ch)) return '';
  if (SPACE.test(ch)) return ' ';
  if (LINE_BREAK.test(ch)) return '\n';
  if (APOSTROPHE.test(ch)) return "'";
  if (QUOTE.test(ch)) return '"';
  if (DASH.test(ch)) return '-';
  if (/^\p{M}$/u.test(ch)) return '';
  if (!FOLDABLE.test(ch)) return ch;
  // Compatibility forms first (bold maths letters, full-width, ligatures, accents), then
  // look-alike letters from other scripts.
  const decomposed = ch.normalize('NFKD').replace(COMBINING_MARK, '');
  if (decomposed !== '' && /^[\x20-\x7E]+$/.test(decomposed)) return decomposed;
  const lookalike = confusablesMap.get(ch);
  if (lookalike !== undefined && /^[A-Za-z0-9]+$/.test(lookalike)) return lookalike;
  return decomposed === '' ? ch : decomposed;
}

/**
 * Folds text for matching. CRLF and lone CR become LF, so line breaks look the same to rules,
 * while the offsets map back to the original text for reporting.
 */
export function foldText(original: string): FoldedText {
  if (PLAIN.test(original)) return { text: original, starts: null, ends: null };
  const parts: string[] = [];
  let starts: Int32Array = new Int32Array(original.length + 16);
  let ends: Int32Array = new Int32Array(original.length + 16);
  let length = 0;
  let index = 0;
  while (index < original.length) {
    const code = original.charCodeAt(index);
    let width = 1;
    let folded: string;
    if (code === 0x0d) {
      // CRLF folds to a single LF (the CR is dropped); a lone CR becomes LF.
      folded = original.charCodeAt(index + 1) === 0x0a ? '' : '\n';
    } else if (code < 0x80) {
      folded = original[index] as string;
    } else {
      const point = original.codePointAt(index) as number;
      width = point > 0xffff ? 2 : 1;
      folded = foldCodePoint(original.slice(index, index + width));
    }
    if (length + folded.length > starts.length) {
      const grown = Math.max(starts.length * 2, length + folded.length);
      starts = copyInto(new Int32Array(grown), starts);
      ends = copyInto(new Int32Array(grown), ends);
    }
    for (let unit = 0; unit < folded.length; unit += 1) {
      starts[length] = index;
      ends[length] = index + width;
      length += 1;
    }
    if (folded !== '') parts.push(folded);
    index += width;
  }
  return { text: parts.join(''), starts: starts.subarray(0, length), ends: ends.subarray(0, length) };
}

function copyInto(target: Int32Array, source: Int32Array): Int32Array {
  target.set(source);
  return target;
}

/** Folds a term from a rule file the same way posts are folded, so the two can be compared. */
export function foldTerm(term: string): string {
  return foldText(term).text;
}

/** Maps a range of the folded text back to the range of original text it came from. */
export function toOriginalRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (folded.starts === null || folded.ends === null) return { start, end };
  if (end <= start) {
    const at = start < folded.starts.length ? (folded.starts[start] as number) : originalLength(folded);
    return { start: at, end: at };
  }
  return { start: folded.starts[start] as number, end: folded.ends[end - 1] as number };
}

/** Maps a range of the original text to the folded range made from it (the reverse of toOriginalRange). */
export function toFoldedRange(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  if (folded.starts === null) return { start, end };
  return { start: firstUnitFrom(folded.starts, start), end: firstUnitFrom(folded.starts, end) };
}

/** Index of the first folded unit whose source starts at or after the original offset. */
function firstUnitFrom(starts: Int32Array, offset: number): number {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] as number) < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function originalLength(folded: FoldedText): number {
  const ends = folded.ends as Int32Array;
  return ends.length === 0 ? 0 : (ends[ends.length - 1] as number);
}
