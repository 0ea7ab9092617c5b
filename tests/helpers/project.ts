// Paths into the project and the built-in rule set, loaded once per test file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { compileRuleFiles } from '../../src/rules/compile.js';
import { loadRuleSet, RULE_FILE_GLOB } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/model.js';
import { formatProblem, YamlFile } from '../../src/yaml/yaml-file.js';

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = path.join(PROJECT_ROOT, 'fixtures');
export const BIN = path.join(PROJECT_ROOT, 'bin', 'nhssm-check.js');

let builtin: RuleSet | undefined;

/** The national rule pack shipped in rules/. */
export function builtinRuleSet(): RuleSet {
  builtin ??= loadRuleSet({ cwd: PROJECT_ROOT });
  return builtin;
}

/** Compiles rule files given as text (name → YAML), with the built-in sources and lists available. */
export function ruleSetFromYaml(files: Record<string, string>, options: { withBuiltin?: boolean } = {}): RuleSet {
  const yamlFiles = Object.entries(files).map(([name, text]) => new YamlFile(text, name));
  const builtinFiles = options.withBuiltin === false ? [] : builtinYamlFiles();
  const { ruleSet, problems } = compileRuleFiles([...builtinFiles, ...yamlFiles], undefined, (file) => builtinFiles.includes(file));
  if (problems.length > 0) throw new Error(problems.map(formatProblem).join('\n'));
  if (options.withBuiltin === false) return ruleSet;
  const added = new Set(yamlFiles.map((file) => file.file));
  return { ...ruleSet, rules: ruleSet.rules.filter((rule) => added.has(rule.file)) };
}

let builtinYaml: YamlFile[] | undefined;

/** The built-in rule files, parsed (for their sources and lists). */
export function builtinYamlFiles(): YamlFile[] {
  builtinYaml ??= fg.sync(RULE_FILE_GLOB, { cwd: path.join(PROJECT_ROOT, 'rules') }).sort().map((name) => new YamlFile(readFileSync(path.join(PROJECT_ROOT, 'rules', name), 'utf8'), `rules/${name}`));
  return builtinYaml;
}
