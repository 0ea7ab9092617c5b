// The files generated from the source of truth (the code's schemas, the YAML rules): what each
// should contain. `npm run generate` writes them; tests/generated-files.test.ts checks they are current.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { configFileSchema } from '../../src/config/schema.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { ruleFileSchema } from '../../src/rules/schema.js';
import { CATEGORIES } from '../../src/types.js';
import { PROJECT_ROOT } from '../helpers/project.js';
import { categoryPage, kindsTable, rulesByCategory, rulesTable, withGeneratedSection } from './rule-docs.js';

export interface GeneratedFile {
  file: string;
  content: string;
}

/** The page a category's rules are documented on. */
export function categoryPagePath(category: string): string {
  return path.join(PROJECT_ROOT, 'rules', `${category}.md`);
}

export function generatedFiles(): GeneratedFile[] {
  const ruleSet = loadRuleSet({ cwd: PROJECT_ROOT });
  const readme = path.join(PROJECT_ROOT, 'README.md');
  return [
    { file: path.join(PROJECT_ROOT, 'rules', 'rule-file.schema.json'), content: `${JSON.stringify(ruleFileSchema(), null, 2)}\n` },
    { file: path.join(PROJECT_ROOT, 'rules', 'config.schema.json'), content: `${JSON.stringify(configFileSchema(), null, 2)}\n` },
    ...rulesByCategory(ruleSet).map(([category, rules]) => ({ file: categoryPagePath(category), content: categoryPage(category, rules, ruleSet.lists) })),
    { file: readme, content: withGeneratedSection(withGeneratedSection(readFileSync(readme, 'utf8'), 'rules-table', rulesTable(ruleSet)), 'kinds-table', kindsTable()) },
  ];
}

/** Category pages that would be stale: their category has no rules any more. */
export function staleCategoryPages(generated: readonly GeneratedFile[]): string[] {
  const current = new Set(generated.map((file) => file.file));
  return CATEGORIES.map(categoryPagePath).filter((file) => !current.has(file));
}
