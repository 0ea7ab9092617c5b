// Writes a report to a file atomically: the text goes to a temporary file in the same folder,
// which then replaces the target in one rename. A run that fails or is interrupted leaves either
// the old file or the complete new one, never half a report.
import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';

/** Prefix of the temporary files, so a stray one (after a power cut) is easy to recognise and ignore. */
export const TEMP_PREFIX = '.nhssm-tmp-';

/** Replaces `target` with `text` in one step; throws the file-system error if it cannot. */
export function writeFileAtomically(target: string, text: string): void {
  const temp = path.join(path.dirname(target), `${TEMP_PREFIX}${randomBytes(6).toString('hex')}`);
  // 'wx': never follow or reuse an existing file at the temporary name.
  const fd = openSync(temp, 'wx');
  try {
    try {
      writeSync(fd, text);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, target);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
