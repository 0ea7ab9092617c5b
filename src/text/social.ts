// The only module that touches twitter-text, X's own library for post text: the hashtags,
// @mentions and links in a post, and a post's length as X counts it. Loaded on first use.
import { createRequire } from 'node:module';
import type * as TwitterText from 'twitter-text';
import { isInside, type Span } from '../checks/kind.js';
import type { PostDocument, Word } from '../core/document.js';

let loaded: typeof TwitterText | undefined;

function twitterText(): typeof TwitterText {
  if (loaded === undefined) {
    const require = createRequire(import.meta.url);
    loaded = require('twitter-text') as typeof TwitterText;
  }
  return loaded;
}

/** A hashtag: its range (the # included) and its text after the #. */
export interface Hashtag extends Span {
  tag: string;
}

/** The parts of a post that are not prose: hashtags, and the links, @mentions and $cashtags. */
export interface PostEntities {
  hashtags: Hashtag[];
  /** Hashtags, links, @mentions and $cashtags, in order. */
  all: Span[];
}

const entitiesByDocument = new WeakMap<PostDocument, PostEntities>();

/** The entities of a post's folded text, found once per post. */
export function postEntities(doc: PostDocument): PostEntities {
  let entities = entitiesByDocument.get(doc);
  if (entities === undefined) {
    const found = twitterText().extractEntitiesWithIndices(doc.text);
    entities = {
      hashtags: found.flatMap((entity) => ('hashtag' in entity ? [{ start: entity.indices[0], end: entity.indices[1], tag: entity.hashtag }] : [])),
      all: found.map((entity) => ({ start: entity.indices[0], end: entity.indices[1] })),
    };
    entitiesByDocument.set(doc, entities);
  }
  return entities;
}

/** The words of a post that are prose: not inside a hashtag, link, @mention or $cashtag. */
export function proseWords(doc: PostDocument): Word[] {
  const entities = postEntities(doc).all;
  return doc.words().filter((word) => !isInside(word, entities));
}

/** Ranges of the links in a text. */
export function linkSpans(text: string): Span[] {
  return twitterText()
    .extractUrlsWithIndices(text)
    .map((url) => ({ start: url.indices[0], end: url.indices[1] }));
}

/** A text's length as X counts it (most characters 1, emoji and CJK 2, every link 23), and the
 * offset of the first character past the limit (the text's length if it all fits). twitter-text
 * measures the text in Unicode's composed form (NFC), which posts almost always are already. */
export function xWeightedLength(text: string, limit: number): { length: number; fitsBefore: number } {
  // X's own settings, with the limit changed; @types/twitter-text does not declare `configs`.
  const library = twitterText() as typeof TwitterText & { configs: { defaults: TwitterText.ParseTweetOptions } };
  const parsed = library.parseTweet(text, { ...library.configs.defaults, maxWeightedTweetLength: limit });
  return { length: parsed.weightedLength, fitsBefore: parsed.valid ? text.length : parsed.validRangeEnd + 1 };
}
