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

/** A part of the analysed text: the post itself, or the alt text of one of its images. */
export interface Segment {
  /** Offsets of the part in `original`. */
  start: number;
  end: number;
  /** For alt text: the image's number, from 1. */
  image?: number;
}

/** What separates the post from each alt text in the analysed text: a paragraph break, so no sentence spans two parts. */
const SEGMENT_SEPARATOR = '\n\n';

export class PostDocument {
  /** The text analysed: the post, then the alt text of each image, separated by blank lines. */
  readonly original: string;
  /** The post and each non-empty alt text, in order. */
  readonly segments: readonly Segment[];
  /** Who posts it, where and when. */
  readonly context: PostContext;
  private readonly folded: FoldedText;
  private wordList: Word[] | undefined;
  private sentenceList: Sentence[] | undefined;
  private nlpView: NlpView | undefined;

  constructor(post: string, context: PostContext) {
    const segments: Segment[] = [{ start: 0, end: post.length }];
    let original = post;
    for (const [index, image] of (context.images ?? []).entries()) {
      const alt = image.alt ?? '';
      if (alt.trim() === '') continue;
      original += SEGMENT_SEPARATOR;
      segments.push({ start: original.length, end: original.length + alt.length, image: index + 1 });
      original += alt;
    }
    this.original = original;
    this.segments = segments;
    this.context = context;
    this.folded = foldText(original);
  }

  /** The post itself, without its images' alt text: what platforms count and readers read first. */
  get post(): string {
    return this.original.slice(0, (this.segments[0] as Segment).end);
  }

  /** Where the post ends in the folded text (alt text follows it). */
  get postEnd(): number {
    return this.toFolded((this.segments[0] as Segment).end, (this.segments[0] as Segment).end).start;
  }

  /** The part of the analysed text an original offset falls in (separators count with the part before them). */
  segmentAt(offset: number): Segment {
    let found = this.segments[0] as Segment;
    for (const segment of this.segments) if (segment.start <= offset) found = segment;
    return found;
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
