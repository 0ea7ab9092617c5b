// The results of a run, as every output format receives them, and the counts they summarise.
import type { Finding } from '../types.js';

/** The findings for one linted file (or standard input). */
export interface FileResult {
  path: string;
  findings: Finding[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  infos: number;
}

export function summarise(results: readonly FileResult[]): Summary {
  const summary: Summary = { files: results.length, errors: 0, warnings: 0, infos: 0 };
  for (const result of results) {
    for (const finding of result.findings) {
      if (finding.severity === 'error') summary.errors += 1;
      else if (finding.severity === 'warning') summary.warnings += 1;
      else summary.infos += 1;
    }
  }
  return summary;
}

export interface FormatOptions {
  /** Use ANSI colours. */
  color: boolean;
  /** Mask identifying text (names, numbers, dates of birth) in messages and excerpts. */
  redact: boolean;
}

/** The message, excerpt and suggestion to print, masked when redacting. */
export function shownTexts(finding: Finding, redact: boolean): { message: string; excerpt: string; suggestion: string } {
  if (redact && finding.masked !== undefined) return finding.masked;
  return { message: finding.message, excerpt: finding.excerpt, suggestion: finding.suggestion };
}

export type Formatter = (results: readonly FileResult[], options: FormatOptions) => string;
