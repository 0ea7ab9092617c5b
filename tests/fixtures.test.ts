// Fixture posts carry their expected findings in front matter (`expect:` entries of rule and
// matched text); the test requires exactly those findings, in both directions.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../src/post/lint-source.js';
import { CATEGORIES, DEFAULT_CONTEXT } from '../src/types.js';
import { builtinRuleSet, FIXTURES } from './helpers/project.js';

interface Expected {
  rule: string;
  match: string;
  line?: number;
  severity?: string;
}

const files = fg.sync('posts/**/*.txt', { cwd: FIXTURES }).sort();

function key(entry: { rule: string; match: string }): string {
  return `${entry.rule} ${JSON.stringify(entry.match)}`;
}

describe('fixture posts', () => {
  it('exist for every category', () => {
    for (const category of CATEGORIES) {
      expect(files.some((file) => file.startsWith(`posts/${category}/`)), category).toBe(true);
    }
  });

  it.each(files)('%s raises exactly the findings in its front matter', (file) => {
    const source = readFileSync(path.join(FIXTURES, file), 'utf8');
    const result = lintSource(source, file, builtinRuleSet(), DEFAULT_CONTEXT);
    expect(result.problems).toEqual([]);
    const expected = ((result.frontMatter?.expect as Expected[] | undefined) ?? []).map((entry) => ({ ...entry, match: String(entry.match) }));
    const found = result.findings.map((finding) => ({ rule: finding.ruleId, match: finding.excerpt, line: finding.line, severity: finding.severity }));
    expect(found.map(key).sort(), 'rules and matches').toEqual(expected.map(key).sort());
    for (const entry of expected) {
      const finding = found.find((candidate) => key(candidate) === key(entry));
      if (entry.line !== undefined) expect(finding?.line, `${key(entry)} line`).toBe(entry.line);
      if (entry.severity !== undefined) expect(finding?.severity, `${key(entry)} severity`).toBe(entry.severity);
    }
  });
});
