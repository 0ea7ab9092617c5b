// Text for --list-rules and --explain: every rule with its category and default severity, and
// one rule's rationale, references and examples.
import { closest } from 'fastest-levenshtein';
import type { Example, Rule, RuleSet } from '../rules/model.js';
import { CATEGORIES } from '../types.js';

/** A rule's text with its placeholders shown as "…". */
function withoutPlaceholders(text: string): string {
  return text.replace(/\{\{\s*\w+\s*\}\}/g, '…');
}

/** A one-line summary of a rule: its message with placeholders shown as "…". */
export function ruleSummary(rule: Rule): string {
  return withoutPlaceholders(rule.message);
}

export function listRules(ruleSet: RuleSet): string {
  const lines: string[] = [];
  const width = Math.max(...ruleSet.rules.map((rule) => rule.id.length));
  for (const category of CATEGORIES) {
    const rules = ruleSet.rules.filter((rule) => rule.category === category).sort((a, b) => (a.id < b.id ? -1 : 1));
    if (rules.length === 0) continue;
    lines.push(category);
    for (const rule of rules) lines.push(`  ${rule.id.padEnd(width)}  ${rule.severity.padEnd(7)}  ${ruleSummary(rule)}`);
    lines.push('');
  }
  lines.push(`${ruleSet.rules.length} rules. Run nhssm-check --explain <rule-id> for why a rule exists and what it cites.`);
  return `${lines.join('\n')}\n`;
}

function describeExample(example: Example): string {
  const context = Object.entries(example.context)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join(', ');
  return `${JSON.stringify(example.text)}${context === '' ? '' : ` (${context})`}`;
}

export function explainRule(rule: Rule): string {
  const lines = [
    `${rule.id} — ${rule.category}, ${rule.severity} by default`,
    '',
    ruleSummary(rule),
    '',
    `Why: ${rule.rationale.trim()}`,
    '',
    `What to do instead: ${withoutPlaceholders(rule.suggestion.trim())}`,
    '',
    'Policy:',
    ...rule.references.map((reference) => `  - ${reference.source}, ${reference.section}${reference.url === undefined ? '' : ` <${reference.url}>`}`),
  ];
  if (rule.when.length > 0) {
    lines.push('', 'Depends on the post:');
    for (const change of rule.when) {
      const condition = Object.entries(change.if)
        .map(([key, value]) => `${key.replace(/_/g, ' ')} ${Array.isArray(value) ? value.join(' or ') : String(value)}`)
        .join(' and ');
      lines.push(`  - when ${condition}: ${change.severity}`);
    }
  }
  lines.push('', 'Flags posts like:', ...rule.examples.flag.map((example) => `  ✗ ${describeExample(example)}`));
  lines.push('', 'Passes posts like:', ...rule.examples.pass.map((example) => `  ✓ ${describeExample(example)}`));
  lines.push('', `Defined in ${rule.file}:${rule.line}`);
  return `${lines.join('\n')}\n`;
}

/** The closest rule id, for "did you mean" hints. */
export function closestRuleId(ruleSet: RuleSet, id: string): string | undefined {
  const ids = ruleSet.rules.map((rule) => rule.id);
  return ids.length === 0 ? undefined : closest(id, ids);
}
