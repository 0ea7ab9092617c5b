// Turns the paths, folders and globs on the command line into post files, and reads each one
// as text: refusing binary files and posts too long to check, decoding invalid UTF-8 with
// replacement characters. Problems are returned, never thrown.
import { realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { MAX_POST_BYTES, MAX_POST_LENGTH, postTooLongMessage, tooLargeMessage } from '../core/post-length.js';
import { decodeText, describeFsError, readFileWithin } from '../files/text-file.js';

/** File types linted when a folder or glob is given (a file named directly is always linted). */
export const POST_EXTENSIONS = ['txt', 'md', 'markdown'];
const IGNORED = ['**/node_modules/**', '**/.git/**'];

/** One thing to lint: a file on disk, or standard input. */
export type Input = { kind: 'file'; file: string } | { kind: 'stdin' };

/** A problem with an input, reported as one line naming it. */
export interface InputProblem {
  target: string;
  message: string;
}

export interface ResolvedInputs {
  inputs: Input[];
  problems: InputProblem[];
}

function postFilesIn(folder: string): string[] {
  return fg.sync(`**/*.{${POST_EXTENSIONS.join(',')}}`, { cwd: folder, absolute: true, onlyFiles: true, ignore: IGNORED, dot: false }).sort();
}

/** Stats a path; a path that cannot be looked at is a problem, not an exception. */
function statPath(target: string): { stats: Stats | undefined } | { problem: string } {
  try {
    return { stats: statSync(target, { throwIfNoEntry: false }) };
  } catch (error) {
    return { problem: describeFsError(error) };
  }
}

/** Resolves command-line targets against `cwd`, in the order given, without duplicates. */
export function resolveInputs(targets: readonly string[], cwd: string): ResolvedInputs {
  const inputs: Input[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    // The same file reached twice (through a link, or a folder and a glob) is checked once.
    const key = realPath(file);
    if (seen.has(key)) return;
    seen.add(key);
    inputs.push({ kind: 'file', file });
  };
  const expand = (target: string, find: () => string[], none: string) => {
    try {
      const files = find();
      if (files.length === 0) problems.push({ target, message: none });
      files.forEach(add);
    } catch (error) {
      problems.push({ target, message: describeFsError(error) });
    }
  };
  for (const target of targets) {
    if (target === '-') {
      if (!seen.has('-')) inputs.push({ kind: 'stdin' });
      seen.add('-');
      continue;
    }
    const absolute = path.resolve(cwd, target);
    const looked = statPath(absolute);
    if ('problem' in looked) {
      problems.push({ target, message: looked.problem });
    } else if (looked.stats?.isDirectory()) {
      expand(target, () => postFilesIn(absolute), `no posts to check in this folder (looked for .${POST_EXTENSIONS.join(', .')} files)`);
    } else if (looked.stats !== undefined) {
      add(absolute);
    } else if (fg.isDynamicPattern(target)) {
      expand(target, () => fg.sync(target, { cwd, absolute: true, onlyFiles: true, ignore: IGNORED }).sort(), 'no files match this pattern');
    } else {
      problems.push({ target, message: 'no such file or folder' });
    }
  }
  return { inputs, problems };
}

/** The file a path finally points to, through any links (the path itself if that cannot be found). */
function realPath(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

/** Decodes post bytes (see decodeText), refusing a post too long to check; more than MAX_POST_BYTES means the input was cut off when read. */
export function decodePost(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.length > MAX_POST_BYTES) return { problem: tooLargeMessage(undefined) };
  const decoded = decodeText(bytes);
  if ('text' in decoded && decoded.text.length > MAX_POST_LENGTH) return { problem: postTooLongMessage(decoded.text.length) };
  return decoded;
}

/** Reads a post file (or a pipe, such as `<(pbpaste)`); problems are returned, never thrown. */
export function readPost(file: string): { text: string } | { problem: string } {
  try {
    const read = readFileWithin(file, MAX_POST_BYTES);
    return 'tooLarge' in read ? { problem: tooLargeMessage(read.tooLarge.bytes) } : decodePost(read.bytes);
  } catch (error) {
    const reason = describeFsError(error);
    return { problem: reason === 'permission denied' ? 'permission denied: the file cannot be read' : reason };
  }
}
