// How posts and rule files are read, the same way for both: a size limit that holds for pipes
// and devices too, bytes decoded as text (binary data refused, UTF-16 with a byte-order mark as
// written by Windows Notepad's "Unicode", otherwise UTF-8 with U+FFFD for invalid bytes and a
// leading byte-order mark dropped), and file-system errors described in words.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads a whole file, or reports it too large once it has more than `limit` bytes, without
 * reading a large regular file at all. Pipes and devices (`<(pbpaste)`, /dev/zero) have no size
 * to check first, so they are read until the limit. File-system errors are thrown.
 */
export function readFileWithin(file: string, limit: number): { bytes: Uint8Array } | { tooLarge: { bytes: number | undefined } } {
  const fd = openSync(file, 'r');
  try {
    const stats = fstatSync(fd);
    if (stats.isFile() && stats.size > limit) return { tooLarge: { bytes: stats.size } };
    const chunks: Buffer[] = [];
    let total = 0;
    for (let read = -1; read !== 0; ) {
      const chunk = Buffer.allocUnsafe(64 * 1024);
      read = readSync(fd, chunk, 0, chunk.length, null);
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) return { tooLarge: { bytes: undefined } };
    }
    return { bytes: Buffer.concat(chunks, total) };
  } finally {
    closeSync(fd);
  }
}

/** How many leading bytes are searched for a NUL byte, the sign of a binary file (as git does). */
const BINARY_SNIFF_BYTES = 8000;

/** The encoding a byte-order mark announces, for the UTF-16 forms. */
function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Decodes the bytes of a text file; binary data is a problem, not text. */
export function decodeText(bytes: Uint8Array): { text: string } | { problem: string } {
  const utf16 = utf16Encoding(bytes);
  if (utf16 !== undefined) return { text: new TextDecoder(utf16).decode(bytes) };
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) return { problem: 'not a text file (it looks like binary data)' };
  return { text: new TextDecoder('utf-8').decode(bytes) };
}

/** What a file-system error means for the user, in words. */
export function describeFsError(error: unknown): string {
  const { code, syscall } = (error ?? {}) as NodeJS.ErrnoException;
  if (syscall === 'uv_cwd') return 'the current folder no longer exists; move to another folder and try again';
  switch (code) {
    case 'ENOENT':
      return 'no such file or folder';
    case 'ENOTDIR':
      return 'a part of this path is a file, not a folder';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    case 'ELOOP':
      return 'the path goes round in a loop of links';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'this is a folder, not a file';
    case 'ENOSPC':
      return 'the disk is full';
    case 'EROFS':
      return 'the disk is read-only';
    default:
      return code === undefined ? (error instanceof Error ? error.message : String(error)) : `the system refused (${code})`;
  }
}
