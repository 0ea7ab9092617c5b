// The output formats: stylish for people (reference and suggestion under each finding, a summary
// line) and json for tools (the versioned contract); both mask identifiers when redacting.
import { describe, expect, it } from 'vitest';
import { formatJson } from '../src/format/json.js';
import type { FileResult } from '../src/format/results.js';
import { formatStylish } from '../src/format/stylish.js';
import type { Finding } from '../src/types.js';

const finding: Finding = {
  ruleId: 'nhs-number',
  category: 'patient-identifiable',
  severity: 'error',
  message: "'999 000 0026' is a valid NHS number.",
  line: 2,
  column: 8,
  endLine: 2,
  endColumn: 20,
  excerpt: '999 000 0026',
  suggestion: 'Delete the number.',
  references: [
    { source: 'NHS Data Dictionary, NHS Number', section: 'Format and check digit' },
    { source: 'Caldicott Principles', section: 'Principle 3', url: 'https://example.org/caldicott' },
    { source: 'Data Protection Act 2018', section: 'section 170' },
  ],
  start: 20,
  end: 32,
  masked: { message: "'*** *** ****' is a valid NHS number.", excerpt: '*** *** ****', suggestion: 'Delete the number.' },
};
const warning: Finding = { ...finding, ruleId: 'employer-insulted', category: 'reputational', severity: 'warning', message: 'Insulting.', line: 10, column: 1, endLine: 10, endColumn: 20, excerpt: "couldn't run a bath", suggestion: 'Be fair.', references: [finding.references[0] as Finding['references'][number]] };
delete (warning as { masked?: unknown }).masked;

const results: FileResult[] = [
  { path: 'drafts/a.txt', findings: [finding, warning] },
  { path: 'drafts/clean.txt', findings: [] },
];

describe('stylish', () => {
  it('prints each finding with its policy and suggestion, then a summary', () => {
    expect(formatStylish(results, { color: false, redact: false })).toBe(
      [
        'drafts/a.txt',
        "  2:8   error    '999 000 0026' is a valid NHS number.  nhs-number",
        '                 Policy: NHS Data Dictionary, NHS Number, Format and check digit; Caldicott Principles, Principle 3 (https://example.org/caldicott); and 1 more source: nhssm-check --explain nhs-number',
        '                 Instead: Delete the number.',
        '  10:1  warning  Insulting.  employer-insulted',
        '                 Policy: NHS Data Dictionary, NHS Number, Format and check digit',
        '                 Instead: Be fair.',
        '',
        '✖ 2 problems (1 error, 1 warning, 0 info) in 2 posts checked.',
        '',
      ].join('\n'),
    );
  });

  it('masks identifiers when redacting', () => {
    const text = formatStylish(results, { color: false, redact: true });
    expect(text).toContain("'*** *** ****' is a valid NHS number.");
    expect(text).not.toContain('999 000 0026');
  });

  it('says so when there is nothing to report', () => {
    expect(formatStylish([{ path: 'a.txt', findings: [] }], { color: false, redact: false })).toBe('✔ No problems found in 1 post.\n');
  });
});

describe('json', () => {
  it('prints the versioned contract', () => {
    const report = JSON.parse(formatJson(results, { color: false, redact: false })) as Record<string, unknown>;
    expect(report).toEqual({
      version: 1,
      results: [
        {
          path: 'drafts/a.txt',
          findings: [
            {
              ruleId: 'nhs-number', category: 'patient-identifiable', severity: 'error', message: "'999 000 0026' is a valid NHS number.",
              line: 2, column: 8, endLine: 2, endColumn: 20, excerpt: '999 000 0026', suggestion: 'Delete the number.',
              references: [
                { source: 'NHS Data Dictionary, NHS Number', section: 'Format and check digit', url: null },
                { source: 'Caldicott Principles', section: 'Principle 3', url: 'https://example.org/caldicott' },
                { source: 'Data Protection Act 2018', section: 'section 170', url: null },
              ],
            },
            {
              ruleId: 'employer-insulted', category: 'reputational', severity: 'warning', message: 'Insulting.',
              line: 10, column: 1, endLine: 10, endColumn: 20, excerpt: "couldn't run a bath", suggestion: 'Be fair.',
              references: [{ source: 'NHS Data Dictionary, NHS Number', section: 'Format and check digit', url: null }],
            },
          ],
        },
        { path: 'drafts/clean.txt', findings: [] },
      ],
      summary: { files: 2, errors: 1, warnings: 1, infos: 0 },
    });
  });

  it('masks the excerpt and message when redacting', () => {
    const text = formatJson(results, { color: false, redact: true });
    expect(text).toContain('"excerpt": "*** *** ****"');
    expect(text).not.toContain('999 000 0026",');
  });
});
