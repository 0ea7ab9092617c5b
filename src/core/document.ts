// The analysed post: its folded text, words and sentences, built once per lint and shared by
// every check; the NLP parse is built only if a rule asks for it.
import { NlpView } from '../nlp/compromise.js';
import { foldText, toFoldedRange, toOriginalRange, type FoldedText } from '../text/normalise.js';
import type { PostContext } from '../types.js';

/** A word of the folded text. */
export interface Word {
  start: number;
  end: number;
  /** Index of the sentence the word belongs to. */
  sentence: number;
}

/** A sentence (or a line that stands on its own) of the folded text. */
export interface Sentence {
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu;
const ABBREVIATIONS = new Set([
  'dr', 'mr', 'mrs', 'ms', 'mx', 'prof', 'st', 'no', 'nos', 'vs', 'eg', 'ie', 'etc', 'approx',
  'rd', 'sr', 'jr', 'mt', 'dept', 'ref', 'tel', 'ext', 'inc', 'ltd', 'co', 'cllr', 'rev', 'hosp',
]);

/** The nearest character before the offset that is not a space or tab. */
function charBefore(text: string, offset: number): string {
  let index = offset - 1;
  while (index >= 0 && (text[index] === ' ' || text[index] === '\t')) index -= 1;
  return index >= 0 ? (text[index] as string) : '';
}

/** The nearest character at or after the offset that is not a space or tab. */
function charAfter(text: string, offset: number): string {
  let index = offset;
  while (index < text.length && (text[index] === ' ' || text[index] === '\t')) index += 1;
  return index < text.length ? (text[index] as string) : '';
}

/** Offsets at which sentences end: terminal punctuation, blank lines, and line breaks between whole lines. */
function sentenceBreaks(text: string): number[] {
  const breaks: number[] = [];
  const terminal = /[.!?\u2026]+["')\]]*(?=\s|$)|\n/g;
  for (let found = terminal.exec(text); found !== null; found = terminal.exec(text)) {
    const end = found.index + found[0].length;
    if (found[0] === '\n') {
      // A line break continues the sentence only when a line wraps mid-sentence.
      if (/[\p{Ll},]/u.test(charBefore(text, found.index)) && /\p{Ll}/u.test(charAfter(text, end))) continue;
      breaks.push(end);
      continue;
    }
    if (found[0].startsWith('.')) {
      const wordBefore = /([\p{L}.]+)$/u.exec(text.slice(Math.max(0, found.index - 12), found.index));
      const token = (wordBefore?.[1] ?? '').replace(/\./g, '').toLowerCase();
      if (ABBREVIATIONS.has(token) || /^\p{Lu}$/u.test(wordBefore?.[1] ?? '')) continue;
    }
    breaks.push(end);
  }
  return breaks;
}

export class PostDocument {
  /** The text as written. */
  readonly original: string;
  /** Who posts it, where and when. */
  readonly context: PostContext;
  private readonly folded: FoldedText;
  private wordList: Word[] | undefined;
  private sentenceList: Sentence[] | undefined;
  private nlpView: NlpView | undefined;

  constructor(original: string, context: PostContext) {
    this.original = original;
    this.context = context;
    this.folded = foldText(original);
  }

  /** The folded text every check matches against. */
  get text(): string {
    return this.folded.text;
  }

  /** Maps a folded range back to the original text. */
  toOriginal(start: number, end: number): { start: number; end: number } {
    return toOriginalRange(this.folded, start, end);
  }

  /** Maps a range of the original text to the folded text. */
  toFolded(start: number, end: number): { start: number; end: number } {
    return toFoldedRange(this.folded, start, end);
  }

  sentences(): Sentence[] {
    if (this.sentenceList === undefined) {
      const sentences: Sentence[] = [];
      let start = 0;
      for (const end of [...sentenceBreaks(this.text), this.text.length]) {
        if (end > start && this.text.slice(start, end).trim() !== '') sentences.push({ start, end });
        start = end;
      }
      this.sentenceList = sentences;
    }
    return this.sentenceList;
  }

  words(): Word[] {
    if (this.wordList === undefined) {
      const sentences = this.sentences();
      const words: Word[] = [];
      let sentence = 0;
      for (const found of this.text.matchAll(WORD)) {
        const start = found.index;
        while (sentence < sentences.length - 1 && start >= (sentences[sentence] as Sentence).end) sentence += 1;
        words.push({ start, end: start + found[0].length, sentence });
      }
      this.wordList = words;
    }
    return this.wordList;
  }

  /** Index of the first word that ends after the offset (words.length if none). */
  wordIndexAt(offset: number): number {
    const words = this.words();
    let low = 0;
    let high = words.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((words[middle] as Word).end <= offset) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** Index of the sentence containing the offset. */
  sentenceIndexAt(offset: number): number {
    const sentences = this.sentences();
    let low = 0;
    let high = sentences.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((sentences[middle] as Sentence).start <= offset) low = middle;
      else high = middle - 1;
    }
    return Math.max(0, low);
  }

  /** The NLP parse of the folded text, built on first use. */
  nlp(): NlpView {
    this.nlpView ??= new NlpView(this.text);
    return this.nlpView;
  }
}
