// The default human output: per file, each finding as `line:col  severity  message  rule-id`,
// with the policy it cites and what to do instead on the lines under it, then a summary.
import { Chalk } from 'chalk';
import type { Reference, Severity } from '../types.js';
import { shownTexts, summarise, type Formatter } from './results.js';

const MAX_REFERENCES_SHOWN = 2;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

// Control characters (a terminal escape, a line break inside a match) and bidi controls quoted
// from a post would let it redraw the terminal or reorder the report; they are shown as \u{…}.
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

/** Text from a post (or a file name), made safe to print on one line of a terminal. */
function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u{${(char.codePointAt(0) as number).toString(16).toUpperCase()}}`);
}

function describeReference(reference: Reference): string {
  return `${reference.source}, ${reference.section}${reference.url === undefined ? '' : ` (${reference.url})`}`;
}

export const formatStylish: Formatter = (results, options) => {
  const chalk = new Chalk({ level: options.color ? 1 : 0 });
  const paint: Record<Severity, (text: string) => string> = { error: chalk.red, warning: chalk.yellow, info: chalk.blue };
  const lines: string[] = [];
  for (const result of results) {
    if (result.findings.length === 0) continue;
    lines.push('', chalk.underline(printable(result.path)));
    const positions = result.findings.map((finding) => `${finding.line}:${finding.column}`);
    const positionWidth = Math.max(...positions.map((position) => position.length));
    const indent = ' '.repeat(2 + positionWidth + 2 + 'warning'.length + 2);
    for (const [index, finding] of result.findings.entries()) {
      const shown = shownTexts(finding, options.redact);
      const position = (positions[index] as string).padEnd(positionWidth);
      const severity = paint[finding.severity](finding.severity.padEnd('warning'.length));
      const where = finding.image === undefined ? '' : `In image ${finding.image}'s alt text: `;
      lines.push(`  ${chalk.dim(position)}  ${severity}  ${where}${printable(shown.message)}  ${chalk.dim(finding.ruleId)}`);
      const references = finding.references.slice(0, MAX_REFERENCES_SHOWN).map(describeReference);
      const more = finding.references.length - MAX_REFERENCES_SHOWN;
      if (more > 0) references.push(`and ${plural(more, 'more source')}: nhssm-check --explain ${finding.ruleId}`);
      lines.push(`${indent}${chalk.dim('Policy:')} ${references.join('; ')}`);
      lines.push(`${indent}${chalk.dim('Instead:')} ${printable(shown.suggestion)}`);
    }
  }
  const summary = summarise(results);
  const total = summary.errors + summary.warnings + summary.infos;
  lines.push('');
  if (total === 0) {
    lines.push(chalk.green(`✔ No problems found in ${plural(summary.files, 'post')}.`));
  } else {
    const mark = summary.errors > 0 ? chalk.red('✖') : summary.warnings > 0 ? chalk.yellow('⚠') : chalk.blue('ℹ');
    const counts = `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${summary.infos} info`;
    lines.push(`${mark} ${plural(total, 'problem')} (${counts}) in ${plural(summary.files, 'post')} checked.`);
  }
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
};
