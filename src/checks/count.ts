// The `count` check kind: more hashtags or emoji than a post should carry. Each is read out in
// full by a screen reader ("hashtag …", "red heart"), so a long string of them buries the message.
// The finding runs from the first one over the limit to the end of the last one. Only the post
// itself is counted, not its images' alt text.
import type { PostDocument } from '../core/document.js';
import { emojiSpans } from '../text/characters.js';
import { postEntities } from '../text/social.js';
import type { Check, CheckKind, Span } from './kind.js';

/** What a `count` rule can count, as ranges of the original text. */
const COUNTABLE: Record<string, (doc: PostDocument) => Span[]> = {
  hashtags: (doc) => postEntities(doc).hashtags.filter((hashtag) => hashtag.end <= doc.postEnd).map((hashtag) => doc.toOriginal(hashtag.start, hashtag.end)),
  // Emoji are found in the original text: folding drops the joiners that make 👩‍⚕️ one emoji.
  emoji: (doc) => emojiSpans(doc.post),
};

function compileCount(params: Record<string, unknown>): Check {
  const countable = COUNTABLE[params.count as string] as (doc: PostDocument) => Span[];
  const max = params.max as number;
  return (doc) => {
    const spans = countable(doc);
    const first = spans[max];
    const last = spans[spans.length - 1];
    if (first === undefined || last === undefined) return [];
    const original = { start: first.start, end: last.end };
    return [{ ...doc.toFolded(original.start, original.end), original, data: { count: String(spans.length), max: String(max) } }];
  };
}

export const countKind: CheckKind = {
  name: 'count',
  description:
    'Flags a post with more hashtags or emoji than `max` (an emoji sequence such as 👩‍⚕️ or a flag counts once), reported from the first one over the limit to the end of the last; {{count}} and {{max}} give the numbers.',
  properties: {
    count: { enum: Object.keys(COUNTABLE), description: 'What to count: hashtags or emoji.' },
    max: { type: 'integer', minimum: 0, description: 'The most the post may have; one more is flagged.' },
  },
  required: ['count', 'max'],
  placeholders: () => ['match', 'count', 'max'],
  usesNlp: () => false,
  compile: compileCount,
};
