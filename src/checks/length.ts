// The `length` check kind: a post longer than its platform allows, counted the way that platform
// counts: X with its own twitter-text library (emoji and CJK count 2, links 23), the others in
// graphemes (what a reader sees as one character), with links at a fixed length where the
// platform does that. It runs only when the post's platform is known. The finding runs from the
// first character that does not fit (after any white space) to the end of the post.
import { PLATFORMS } from '../types.js';
import { graphemeStarts } from '../text/characters.js';
import { linkSpans, xWeightedLength } from '../text/social.js';
import { CompileError, type Check, type CheckKind, type JsonSchema } from './kind.js';

interface PlatformLimit {
  name: string;
  max: number;
  count: 'x-weighted' | 'graphemes';
  url_length?: number;
}

/** A text's length in graphemes, links counting `urlLength` each when given, and the offset of the first grapheme past `max`. */
function graphemeLength(text: string, max: number, urlLength: number | undefined): { length: number; fitsBefore: number } {
  const links = urlLength === undefined ? [] : linkSpans(text);
  let length = 0;
  let fitsBefore: number | undefined;
  for (const start of graphemeStarts(text)) {
    const link = links.find((span) => span.start <= start && start < span.end);
    length += link === undefined ? 1 : start === link.start ? (urlLength as number) : 0;
    if (length > max && fitsBefore === undefined) fitsBefore = link?.start ?? start;
  }
  return { length, fitsBefore: fitsBefore ?? text.length };
}

function measure(text: string, limit: PlatformLimit): { length: number; fitsBefore: number } {
  return limit.count === 'x-weighted' ? xWeightedLength(text, limit.max) : graphemeLength(text, limit.max, limit.url_length);
}

function compileLength(params: Record<string, unknown>): Check {
  const limits = params.limits as Partial<Record<string, PlatformLimit>>;
  for (const [platform, limit] of Object.entries(limits)) {
    if (limit?.count === 'x-weighted' && limit.url_length !== undefined) {
      throw new CompileError(['limits', platform, 'url_length'], 'x-weighted counting already counts every link as X does; url_length is only for graphemes');
    }
  }
  return (doc) => {
    const limit = doc.context.platform === undefined ? undefined : limits[doc.context.platform];
    if (limit === undefined) return [];
    // Platforms drop white space at the start and end of a post, so it is not counted.
    const posted = doc.post.trim();
    const offset = doc.post.length - doc.post.trimStart().length;
    const { length, fitsBefore } = measure(posted, limit);
    if (length <= limit.max) return [];
    const overflow = posted.slice(fitsBefore);
    const original = { start: offset + fitsBefore + (overflow.length - overflow.trimStart().length), end: offset + posted.length };
    const data = { length: length.toLocaleString('en-GB'), limit: limit.max.toLocaleString('en-GB'), over: (length - limit.max).toLocaleString('en-GB'), platform_name: limit.name };
    return [{ ...doc.toFolded(original.start, original.end), original, data }];
  };
}

const PLATFORM_LIMIT: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, description: 'The platform as named in messages, e.g. X.' },
    max: { type: 'integer', minimum: 1, description: 'The most characters a post may have.' },
    count: { enum: ['x-weighted', 'graphemes'], description: 'How the platform counts: x-weighted (X\'s own rules, via twitter-text) or graphemes (characters as a reader sees them).' },
    url_length: { type: 'integer', minimum: 1, description: 'With graphemes: every link counts as this many characters, whatever its length.' },
  },
  required: ['name', 'max', 'count'],
  additionalProperties: false,
};

export const lengthKind: CheckKind = {
  name: 'length',
  description:
    'Flags a post longer than its platform allows, counted as that platform counts, when the post\'s platform is known; reported from the first character past the limit to the end. {{length}}, {{limit}}, {{over}} and {{platform_name}} give the figures.',
  properties: {
    limits: {
      type: 'object',
      description: 'The limit of each platform, by platform.',
      propertyNames: { enum: [...PLATFORMS] },
      additionalProperties: PLATFORM_LIMIT,
      minProperties: 1,
    },
  },
  required: ['limits'],
  placeholders: () => ['match', 'length', 'limit', 'over', 'platform_name'],
  usesNlp: () => false,
  compile: compileLength,
};
