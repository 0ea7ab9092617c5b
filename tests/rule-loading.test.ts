// Loading rule files: every broken rule file in fixtures/invalid-rules is refused with the
// problem its first line promises, as file:line:col, and nothing is half-loaded.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { loadRuleSet, RuleSetError } from '../src/rules/load.js';
import { formatProblem } from '../src/yaml/yaml-file.js';
import { lint } from '../src/core/lint.js';
import { DEFAULT_CONTEXT } from '../src/types.js';
import { builtinRuleSet, FIXTURES, PROJECT_ROOT, ruleSetFromYaml } from './helpers/project.js';

const invalid = fg.sync('invalid-rules/*.yaml', { cwd: FIXTURES }).sort();

function problemsOf(extra: string): string[] {
  try {
    loadRuleSet({ extra: [extra], cwd: PROJECT_ROOT });
  } catch (error) {
    if (error instanceof RuleSetError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

describe('invalid rule files', () => {
  it('are there to test', () => expect(invalid.length).toBeGreaterThanOrEqual(10));

  it.each(invalid)('%s is refused with the promised problem', (file) => {
    const header = /^# expect: (\d+):(\d+) (.*)$/m.exec(readFileSync(path.join(FIXTURES, file), 'utf8'));
    expect(header, 'the fixture states its expected problem on its first line').not.toBeNull();
    const [, line, column, message] = header as unknown as [string, string, string, string];
    const shown = `fixtures/${file}`;
    const problems = problemsOf(shown);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((problem) => problem.startsWith(`${shown}:${line}:${column} ${message}`)), problems.join('\n')).toBe(true);
  });
});

describe('rule loading', () => {
  it('loads the built-in pack', () => {
    expect(builtinRuleSet().rules.length).toBeGreaterThanOrEqual(25);
  });

  it('reports a missing rule path', () => {
    expect(problemsOf('no/such/rules.yaml')).toEqual(['no/such/rules.yaml:1:1 no such rule file or folder']);
  });

  it('reports a folder with no rule files', () => {
    expect(problemsOf('fixtures/examples')).toEqual(['fixtures/examples:1:1 no rule files (*.yaml) in this folder']);
  });

  it('adds a folder of rules to the built-in pack', () => {
    const ruleSet = loadRuleSet({ extra: ['fixtures/rulesets/local-pack'], cwd: PROJECT_ROOT });
    expect(ruleSet.rules.some((rule) => rule.id === 'local-project-codename')).toBe(true);
    expect(ruleSet.rules.length).toBe(builtinRuleSet().rules.length + 1);
  });

  it('lets an example be published inside a pre-election window', () => {
    const ruleSet = ruleSetFromYaml({
      'window.yaml': `rules:
  - id: window-example
    category: political
    severity: warning
    kind: phrase
    phrases: [new strategy]
    when:
      - if: {in_election_window: false}
        severity: "off"
    message: "'{{match}}' is announced during the {{election}} period."
    rationale: A rule written for this test, to show examples can be set inside an election window.
    suggestion: Nothing to do; this is a test.
    references: [{source: NHSEMP-PURDAH-2019, section: Limit communications}]
    examples:
      flag:
        - {text: our new strategy, context: {publish_at: 2029-05-02, election_windows: [{name: General election 2029, start: 2029-04-23, end: 2029-05-31}]}}
        - {text: a new strategy, context: {publish_at: 2029-05-31T09:00, election_windows: [{name: General election 2029, start: 2029-04-23, end: 2029-05-31}]}}
      pass: [our new strategy, {text: a new strategy, context: {publish_at: 2029-06-01, election_windows: [{name: General election 2029, start: 2029-04-23, end: 2029-05-31}]}}]
`,
    });
    const [rule] = ruleSet.rules;
    const [inside, lastDay] = rule?.examples.flag ?? [];
    expect(inside?.context).toEqual({ publishAt: '2029-05-02', electionWindows: [{ name: 'General election 2029', start: '2029-04-23', end: '2029-05-31' }] });
    expect(lastDay?.context.publishAt).toBe('2029-05-31');
    const findings = lint('our new strategy', ruleSet, { ...DEFAULT_CONTEXT, ...inside?.context });
    expect(findings.map((finding) => finding.message)).toEqual(["'new strategy' is announced during the General election 2029 period."]);
    expect(lint('our new strategy', ruleSet, { ...DEFAULT_CONTEXT, ...rule?.examples.pass[1]?.context })).toEqual([]);
  });

  it('loads a pack on its own, without the built-in rules', () => {
    const ruleSet = loadRuleSet({ builtin: false, extra: ['fixtures/rulesets/standalone.yaml'], cwd: PROJECT_ROOT });
    expect(ruleSet.rules.map((rule) => rule.id)).toEqual(['standalone-rota-chaos']);
  });
});
