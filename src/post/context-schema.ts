// The keys a post's `nhssm:` front matter (and a rule example's `context`) may set, as a JSON
// Schema, and their conversion into a PostContext.
import { PLATFORM_NAMES, toPlatform, type PostContext, type PostImage } from '../types.js';
import { PATTERN_HINT } from '../yaml/schema-check.js';

export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?)?$';

/** A day written YYYY-MM-DD, with no time. */
export const DAY_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** Whether a YYYY-MM-DD text names a day that exists (not 2029-02-30). */
export function isCalendarDay(text: string): boolean {
  if (!new RegExp(DAY_PATTERN).test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export const POST_CONTEXT_SCHEMA = {
  type: 'object',
  description: 'What is known about the post besides its text.',
  properties: {
    account: { enum: ['personal', 'corporate'], description: 'Who posts it: a member of staff (personal, the default) or the organisation (corporate).' },
    platform: { enum: [...PLATFORM_NAMES], description: 'Where it will be posted (twitter is read as x).' },
    publish_at: { type: 'string', pattern: DATE_PATTERN, [PATTERN_HINT]: 'write a date as YYYY-MM-DD', description: 'When it will be posted (YYYY-MM-DD).' },
    consent: { type: 'string', minLength: 1, description: 'The reference of the consent recorded for this post, e.g. CONS-2029-014.' },
    images: {
      type: 'array',
      description: 'Images attached to the post.',
      items: {
        type: 'object',
        properties: {
          alt: { type: 'string', description: 'The image description (alt text) read out by screen readers.' },
          file: { type: 'string', description: 'The image file, for reference.' },
        },
        additionalProperties: false,
      },
    },
  },
  additionalProperties: false,
} as const;

/** Converts validated `nhssm:` front-matter data into context fields. */
export function toPostContext(data: Record<string, unknown>): Partial<PostContext> {
  const context: Partial<PostContext> = {};
  if (data.account === 'personal' || data.account === 'corporate') context.account = data.account;
  if (typeof data.platform === 'string') context.platform = toPlatform(data.platform);
  if (typeof data.publish_at === 'string') context.publishAt = data.publish_at.slice(0, 10);
  if (typeof data.consent === 'string') context.consent = data.consent;
  if (Array.isArray(data.images)) {
    context.images = (data.images as Array<Record<string, unknown>>).map((image): PostImage => (typeof image.alt === 'string' ? { alt: image.alt } : {}));
  }
  return context;
}
