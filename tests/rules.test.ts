// Every rule's own examples run as tests: each `flag` example must raise that rule and each
// `pass` example must not, in the context the example gives.
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { loadRuleSet } from '../src/rules/load.js';
import type { Example, RuleSet } from '../src/rules/model.js';
import { DEFAULT_CONTEXT } from '../src/types.js';
import { builtinRuleSet, PROJECT_ROOT } from './helpers/project.js';

const ruleSet = builtinRuleSet();
const withListAdditions = new Map<string, RuleSet>();

/** The built-in pack, with the terms the example adds to named lists (as a trust's configuration would). */
function ruleSetFor(example: Example): RuleSet {
  if (example.lists === undefined) return ruleSet;
  const key = JSON.stringify(example.lists);
  let found = withListAdditions.get(key);
  if (found === undefined) {
    found = loadRuleSet({ cwd: PROJECT_ROOT, listAdditions: new Map(Object.entries(example.lists)) });
    withListAdditions.set(key, found);
  }
  return found;
}

function findingsOf(ruleId: string, example: Example) {
  return lint(example.text, ruleSetFor(example), { ...DEFAULT_CONTEXT, ...example.context }).filter((finding) => finding.ruleId === ruleId);
}

describe.each(ruleSet.rules.map((rule) => [rule.id, rule] as const))('rule %s', (_id, rule) => {
  it.each(rule.examples.flag.map((example) => [example.text, example] as const))('flags %j', (_text, example) => {
    const found = findingsOf(rule.id, example);
    expect(found.length, `expected ${rule.id} to flag this example`).toBeGreaterThan(0);
    for (const finding of found) {
      expect(finding.message).not.toMatch(/\{\{|\}\}/);
      expect(finding.message.trim()).not.toBe('');
      expect(finding.suggestion.trim()).not.toBe('');
    }
  });

  it.each(rule.examples.pass.map((example) => [example.text, example] as const))('passes %j', (_text, example) => {
    expect(findingsOf(rule.id, example)).toEqual([]);
  });
});

describe('the built-in rule pack', () => {
  it('has at least 25 rules across the four first policy areas', () => {
    const firstAreas = ruleSet.rules.filter((rule) => ['patient-identifiable', 'confidentiality', 'reputational', 'canteen'].includes(rule.category));
    expect(firstAreas.length).toBeGreaterThanOrEqual(25);
    for (const category of ['patient-identifiable', 'confidentiality', 'reputational', 'canteen']) {
      expect(ruleSet.rules.some((rule) => rule.category === category), category).toBe(true);
    }
  });

  it('gives every rule a rationale, a suggestion, references and two examples of each kind', () => {
    for (const rule of ruleSet.rules) {
      expect(rule.rationale.length, rule.id).toBeGreaterThan(40);
      expect(rule.suggestion.length, rule.id).toBeGreaterThan(10);
      expect(rule.references.length, rule.id).toBeGreaterThan(0);
      expect(rule.examples.flag.length, rule.id).toBeGreaterThanOrEqual(2);
      expect(rule.examples.pass.length, rule.id).toBeGreaterThanOrEqual(2);
    }
  });
});
