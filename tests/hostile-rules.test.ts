// Rule files are code-like input: a regex that backtracks catastrophically is refused at load
// time, the phrase kind only builds regexes that cannot, and every built-in regex passes the check.
// (YAML bombs, deep nesting and oversized files are fixtures in fixtures/invalid-rules and below.)
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { collectPhrases, compilePhrases, phraseOptions, phraseRegexes } from '../src/checks/phrase.js';
import { lint } from '../src/core/lint.js';
import { regexesIn, slowMatchingProblem } from '../src/core/regex.js';
import { loadRuleSet, MAX_RULE_FILE_BYTES, RuleSetError } from '../src/rules/load.js';
import type { Rule } from '../src/rules/model.js';
import { formatProblem, YamlFile } from '../src/yaml/yaml-file.js';
import './helpers/fuzz-seed.js';
import { builtinRuleSet, PROJECT_ROOT } from './helpers/project.js';

/** Every object in parsed YAML that has one of the keys, with the id of the rule it is in. */
function specsWith(keys: readonly string[]): Array<{ rule: string; spec: Record<string, unknown> }> {
  const found: Array<{ rule: string; spec: Record<string, unknown> }> = [];
  const visit = (node: unknown, rule: string): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, rule);
    } else if (node !== null && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      const inRule = typeof record.id === 'string' ? record.id : rule;
      if (keys.some((key) => key in record)) found.push({ rule: inRule, spec: record });
      for (const value of Object.values(record)) visit(value, inRule);
    }
  };
  for (const file of fg.sync('rules/*.yaml', { cwd: PROJECT_ROOT }).sort()) {
    visit(new YamlFile(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'), file).data, '');
  }
  return found;
}

/** A built-in rule as written in its file. */
function rawRule(rule: Rule): unknown {
  const data = new YamlFile(readFileSync(path.join(PROJECT_ROOT, rule.file), 'utf8'), rule.file).data as { rules: Array<{ id: string }> };
  return data.rules.find((raw) => raw.id === rule.id);
}

function loadProblems(yaml: string): string[] {
  const file = path.join(os.tmpdir(), `nhssm-hostile-${process.pid}-${Math.random().toString(36).slice(2)}.yaml`);
  writeFileSync(file, yaml);
  try {
    loadRuleSet({ builtin: false, extra: [file], cwd: PROJECT_ROOT });
    return [];
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems.map((problem) => formatProblem({ ...problem, file: 'rules.yaml' }));
    throw error;
  }
}

describe('regexes that could hang the linter', () => {
  it.each([
    ['nested repeats', '(?:\\w+\\s?)+$', '"\\w+" sits inside the repeat "(?:\\w+\\s?)+"'],
    ['a repeated group', '^(a+)+$', '"a+" sits inside the repeat "(a+)+"'],
    ['two repeats over the same characters', 'code\\s*:?\\s*\\d{4}', '"\\s*" and "\\s*" can both match the same spaces'],
    ['adjacent digit runs', '\\d+\\d+x', '"\\d+" and "\\d+" can both match the same "0" characters'],
    ['a repeat that restarts at every position of a run', '\\d+ years', '"\\d+" is tried again from every position in a long run of "0" characters'],
    ['a repeat of overlapping alternatives', '(a|aa)+$', 'the repeat "(a|aa)+" can match "aa" in one turn or in several'],
    ['a repeat of overlapping words', '(?:ab|a|b)+!', 'the repeat "(?:ab|a|b)+" can match "ab" in one turn or in several'],
    ['nested counted repeats', '(?:[a-z]{1,50}){1,50}x', 'the repeat "(?:[a-z]{1,50}){1,50}" can match "aa" in one turn or in several'],
    ['a repeat of alternatives that match the same text', '(?:\\d|[0-5])+x', 'in the repeat "(?:\\d|[0-5])+", "\\d" and "[0-5]" can both match "0"'],
  ])('refuses %s, saying which parts compete', (_name, source, reason) => {
    expect(slowMatchingProblem(source, 'giu')).toContain(reason);
  });

  it('refuses a regex too complex to check', () => {
    expect(slowMatchingProblem('(?:(?:a{200}){200})+b', 'giu')).toBe('it is too complex to check that it always finishes quickly; simplify it');
  });

  it('says how to stop a repeat restarting along a run', () => {
    expect(slowMatchingProblem('\\d+ years', 'giu')).toContain('Start it with \\b, or with (?<!\\d), so that it cannot start inside such a run');
    expect(slowMatchingProblem('\\b\\d+ years', 'giu')).toBeUndefined();
  });

  it('suggests a rewrite when one exists', () => {
    expect(slowMatchingProblem('code\\s*:?\\s*\\d{4}', 'giu')).toContain('Rewrite it, for example as: code\\s*(?::\\s*)?\\d{4}');
  });

  it('accepts repeats that cannot match the same characters', () => {
    expect(slowMatchingProblem('\\b[A-Z][\\p{L}-]+(?: [A-Z][\\p{L}-]+)* Trust\\b', 'gu')).toBeUndefined();
    expect(slowMatchingProblem('(?<![\\w.+-])[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)*', 'giu')).toBeUndefined();
    expect(slowMatchingProblem('(?:Mr|Mrs|Ms)+ (?:\\d{3}[ -]?)+', 'giu')).toBeUndefined();
  });

  it('names the rule file, line and column, whatever kind the regex is in', () => {
    const rule = (body: string) => `rules:
  - id: local-rule
    category: confidentiality
    severity: warning
${body}
    message: "'{{match}}' found."
    rationale: A rule written for this test.
    suggestion: Nothing to do; this is a test.
    references: [{source: T, section: Key points}]
    examples: {flag: [a, b], pass: [c, d]}
sources:
  T: {title: Test source}
`;
    expect(loadProblems(rule("    kind: pattern\n    regex: '(x+x+)+y'"))).toEqual([
      expect.stringMatching(/^rules\.yaml:6:12 this regular expression could hang the linter: /),
    ]);
    expect(loadProblems(rule("    kind: proximity\n    first: {phrases: [keypad]}\n    second: {any: [{phrases: [pin]}, {regex: '(?:\\d+,?)+!'}]}"))).toEqual([
      expect.stringMatching(/^rules\.yaml:7:46 this regular expression could hang the linter: "\\d\+" sits inside the repeat/),
    ]);
  });

  it('passes every regex in the built-in rules, which are not checked again at start-up', () => {
    const regexes = builtinRuleSet().rules.flatMap((rule) => regexesIn(rawRule(rule)).map((regex) => ({ rule: rule.id, ...regex })));
    expect(regexes.length).toBeGreaterThanOrEqual(15);
    for (const { rule, source, flags } of regexes) expect(slowMatchingProblem(source, flags), `${rule}: ${source}`).toBeUndefined();
  });
});

describe('regexes the phrase kind builds', () => {
  const ruleSet = builtinRuleSet();
  const env = { list: (name: string) => ruleSet.lists.get(name) };

  it('cannot backtrack badly for any built-in phrase list, leet and spaced ones included', () => {
    const specs = specsWith(['phrases', 'lists']).filter(({ spec }) => Array.isArray(spec.phrases) || Array.isArray(spec.lists));
    expect(specs.some(({ spec }) => spec.leet === true && spec.spaced === true)).toBe(true);
    for (const { rule, spec } of specs) {
      for (const regex of phraseRegexes(collectPhrases(spec, env), phraseOptions(spec))) expect(slowMatchingProblem(regex.source, regex.flags), rule).toBeUndefined();
    }
  });

  it('cannot backtrack badly for any phrases and options', () => {
    const letters = fc.constantFrom(...'aeiloustgzbfck1!|*$@-. \''.split(''));
    const phrase = fc.string({ unit: letters, minLength: 1, maxLength: 12 }).filter((text) => /[a-z]/.test(text));
    fc.assert(
      fc.property(fc.array(phrase, { minLength: 1, maxLength: 4 }), fc.boolean(), fc.boolean(), (phrases, leet, spaced) => {
        for (const regex of phraseRegexes(phrases, { caseSensitive: false, leet, spaced })) expect(slowMatchingProblem(regex.source, regex.flags)).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('still finds look-alike spellings and spaced-out words', () => {
    const find = compilePhrases(['fuck', 'illegals'], { caseSensitive: false, leet: true, spaced: true });
    const found = (text: string) => find(text).map((match) => text.slice(match.start, match.end));
    expect(found('f*ck, fuuuck, f u c k, f.u.c.k, 1ll3gals, illegals')).toEqual(['f*ck', 'fuuuck', 'f u c k', 'f.u.c.k', '1ll3gals', 'illegals']);
  });

  it('lints long runs of look-alike characters without stalling', () => {
    // Each of these took seconds to minutes with the earlier `[i1!|*]+` letter patterns.
    for (const char of ['1', '*', '|', '!', '$', '@']) {
      expect(lint(char.repeat(20_000), ruleSet)).toEqual([]);
    }
  });
});

describe('hostile rule files', () => {
  it('refuses a rule file over the size limit before parsing it', () => {
    const problems = loadProblems(`# ${'x'.repeat(MAX_RULE_FILE_BYTES)}\nrules: []\n`);
    expect(problems).toEqual([`rules.yaml:1:1 the rule file is too large: a rule file may have at most 1,048,576 bytes, and this one has 1,048,589`]);
  });

  it('refuses nesting so deep that the YAML parser runs out of stack, in one line', () => {
    const problems = loadProblems(`rules: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n`);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^rules\.yaml:1:\d+ the YAML is nested too deeply \(more than 64 levels\)$/);
  });

  it('refuses deep nesting in front matter too', () => {
    const yaml = new YamlFile(`nhssm: ${'{a: '.repeat(100)}1${'}'.repeat(100)}`, 'post.md', 2);
    expect(yaml.problems.map(formatProblem)).toEqual(['post.md:2:260 the YAML is nested too deeply (more than 64 levels)']);
  });

  it('refuses an alias bomb in front matter', () => {
    const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 8; level += 1) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const yaml = new YamlFile(lines.join('\n'), 'post.md', 2);
    expect(yaml.problems.map(formatProblem)).toEqual(['post.md:2:1 YAML aliases expand too much (more than 100 uses); write the values out instead']);
  });
});
