// Real posts from ../shared/corpora, for measuring speed and false alarms when that folder is
// present (it is never part of the project, and nothing needs it to pass).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { MAX_POST_LENGTH } from '../../src/core/post-length.js';
import { PROJECT_ROOT } from './project.js';

export const CORPORA = path.resolve(PROJECT_ROOT, '..', 'shared', 'corpora');

/** The post texts in one column of a CSV file in ../shared/corpora, or none when the file is absent. */
export function corpusTexts(file: string, column: string): string[] {
  const full = path.join(CORPORA, file);
  if (!existsSync(full)) return [];
  const records = parse(readFileSync(full), { columns: true, relax_column_count: true, skip_empty_lines: true }) as Array<Record<string, string>>;
  return records.map((record) => record[column] ?? '').filter((text) => text.trim() !== '' && text.length <= MAX_POST_LENGTH);
}
