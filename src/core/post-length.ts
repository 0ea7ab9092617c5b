// The longest post nhssm-check checks, and the error for a longer one. The bound keeps the time
// any check can take in proportion: no platform's post comes near it (Facebook's limit, the
// largest, is 63,206 characters), so a longer text is not one post.

/** The most UTF-16 code units (the unit columns count) a post may have. */
export const MAX_POST_LENGTH = 100_000;

const count = new Intl.NumberFormat('en-GB');

/** Why a text of this length is not checked, in a user's words. */
export function postTooLongMessage(length: number): string {
  return `the post is too long to check (${count.format(length)} characters; a post may have at most ${count.format(MAX_POST_LENGTH)}). Check that it is one post, or split it into several`;
}

/** No text of MAX_POST_LENGTH characters takes more bytes than this (three per UTF-16 unit in UTF-8, and a byte-order mark). */
export const MAX_POST_BYTES = MAX_POST_LENGTH * 3 + 3;

/** Why input this large (a file, or standard input) is not read; `bytes` is unknown for a pipe or device. */
export function tooLargeMessage(bytes: number | undefined): string {
  const size = bytes === undefined ? `more than ${(MAX_POST_BYTES / 1024 / 1024).toFixed(1)} MB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `too large to be a post (${size}; a post may have at most ${count.format(MAX_POST_LENGTH)} characters)`;
}

/** Thrown by lint() for a text longer than MAX_POST_LENGTH, rather than checking part of it. */
export class PostTooLongError extends RangeError {
  constructor(readonly length: number) {
    super(postTooLongMessage(length));
    this.name = 'PostTooLongError';
  }
}
