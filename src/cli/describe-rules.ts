// Text for --list-rules and --explain: every rule with its category and default severity, and
// one rule's rationale, references and examples.
import type { ContextCondition, Example, Rule, RuleSet, SeverityChange } from '../rules/model.js';
import { CATEGORIES } from '../types.js';
import { didYouMean } from '../yaml/schema-check.js';

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

/** A context condition in words, e.g. "on a corporate account and when consent is recorded". */
export function describeCondition(condition: ContextCondition): string {
  const parts: string[] = [];
  if (condition.account !== undefined) parts.push(`on a ${condition.account} account`);
  if (condition.platform !== undefined) parts.push(`on ${condition.platform.join(' or ')}`);
  if (condition.consent !== undefined) parts.push(condition.consent ? 'when consent is recorded' : 'when no consent is recorded');
  if (condition.in_election_window !== undefined) parts.push(condition.in_election_window ? 'inside a pre-election window' : 'outside pre-election windows');
  if (condition.has_images !== undefined) parts.push(condition.has_images ? 'with images' : 'without images');
  return parts.join(' and ');
}

/** A severity change in words, e.g. "on a corporate account: error". */
export function describeChange(change: SeverityChange): string {
  return `${describeCondition(change.if)}: ${change.severity === 'off' ? 'not checked' : change.severity}`;
}

/** What an example assumes besides its text: its context and the terms it adds to lists. */
export function describeExampleSetting(example: Example): string {
  const { electionWindows, ...context } = example.context;
  // Written as a post's front matter says them (publish_at), not as the code calls them.
  const parts = Object.entries(context).map(([key, value]) => `${key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`)}: ${JSON.stringify(value)}`);
  for (const window of electionWindows ?? []) parts.push(`with the pre-election window "${window.name}", ${window.start} to ${window.end}`);
  for (const [name, terms] of Object.entries(example.lists ?? {})) parts.push(`with ${terms.map((term) => JSON.stringify(term)).join(', ')} in the ${name} list`);
  return parts.join(', ');
}

function describeExample(example: Example): string {
  const setting = describeExampleSetting(example);
  return `${JSON.stringify(example.text)}${setting === '' ? '' : ` (${setting})`}`;
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
    for (const change of rule.when) lines.push(`  - ${describeChange(change)}`);
  }
  lines.push('', 'Flags posts like:', ...rule.examples.flag.map((example) => `  ✗ ${describeExample(example)}`));
  lines.push('', 'Passes posts like:', ...rule.examples.pass.map((example) => `  ✓ ${describeExample(example)}`));
  lines.push('', `Defined in ${rule.file}:${rule.line}`);
  return `${lines.join('\n')}\n`;
}

/** The closest rule id, for "did you mean" hints. */
export function closestRuleId(ruleSet: RuleSet, id: string): string | undefined {
  return didYouMean(id, ruleSet.rules.map((rule) => rule.id));
}
