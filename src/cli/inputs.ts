// Turns the paths, folders and globs on the command line into post files, and reads each one
// as text: refusing binary files, decoding invalid UTF-8 with replacement characters.
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';

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

/** Resolves command-line targets against `cwd`, in the order given, without duplicates. */
export function resolveInputs(targets: readonly string[], cwd: string): ResolvedInputs {
  const inputs: Input[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const add = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    inputs.push({ kind: 'file', file });
  };
  for (const target of targets) {
    if (target === '-') {
      if (!seen.has('-')) inputs.push({ kind: 'stdin' });
      seen.add('-');
      continue;
    }
    const absolute = path.resolve(cwd, target);
    const stats = statSync(absolute, { throwIfNoEntry: false });
    if (stats?.isDirectory()) {
      const files = postFilesIn(absolute);
      if (files.length === 0) problems.push({ target, message: `no posts to check in this folder (looked for .${POST_EXTENSIONS.join(', .')} files)` });
      files.forEach(add);
    } else if (stats !== undefined) {
      add(absolute);
    } else if (fg.isDynamicPattern(target)) {
      const files = fg.sync(target, { cwd, absolute: true, onlyFiles: true, ignore: IGNORED }).sort();
      if (files.length === 0) problems.push({ target, message: 'no files match this pattern' });
      files.forEach(add);
    } else {
      problems.push({ target, message: 'no such file or folder' });
    }
  }
  return { inputs, problems };
}

/** How many leading bytes are searched for a NUL byte, the sign of a binary file (as git does). */
const BINARY_SNIFF_BYTES = 8000;

/** Decodes post bytes: refuses binary data; invalid UTF-8 becomes U+FFFD; a leading BOM is dropped. */
export function decodePost(bytes: Uint8Array): { text: string } | { problem: string } {
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { problem: 'not a text file (it looks like binary data)' };
  return { text: new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes) };
}

/** Reads a post file from disk; problems are returned, never thrown. */
export function readPost(file: string): { text: string } | { problem: string } {
  try {
    return decodePost(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return { problem: 'permission denied: the file cannot be read' };
    if (code === 'EISDIR') return { problem: 'this is a folder, not a file' };
    return { problem: `the file cannot be read (${code ?? String(error)})` };
  }
}
