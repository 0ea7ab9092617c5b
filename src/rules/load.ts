// Reads rule files from disk (the built-in pack and any --rules paths) and compiles them; the
// only module that does I/O for rules.
import { statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import { decodeText, describeFsError, readFileWithin } from '../files/text-file.js';
import { ProblemError, YamlFile, type Problem } from '../yaml/yaml-file.js';
import { compileRuleFiles, type ListAdditions } from './compile.js';
import type { RuleSet } from './model.js';

/** The rule files in a folder given to --rules, or in the built-in pack: YAML at any depth. */
export const RULE_FILE_GLOB = '**/*.{yaml,yml}';

/** The national rule pack shipped with nhssm-check. */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** Rule and configuration files larger than this are refused (a rule file is a few hundred kilobytes at most). */
export const MAX_RULE_FILE_BYTES = 1024 * 1024;

const bytes = new Intl.NumberFormat('en-GB');

/** Thrown when rule files cannot be used; carries every problem found. */
export class RuleSetError extends ProblemError {}

/** The rule files a path stands for: the file itself, or the YAML files in a folder (sorted). */
export function ruleFilesAt(target: string): string[] {
  const problem = (message: string) => new RuleSetError([{ file: target, line: 1, column: 1, message }]);
  let stats: Stats | undefined;
  let found: string[];
  try {
    stats = statSync(target, { throwIfNoEntry: false });
    if (stats === undefined) throw problem('no such rule file or folder');
    if (!stats.isDirectory()) return [target];
    found = fg.sync(RULE_FILE_GLOB, { cwd: target, absolute: true, onlyFiles: true, dot: false }).sort();
  } catch (error) {
    if (error instanceof RuleSetError) throw error;
    throw problem(`the rule file or folder cannot be read: ${describeFsError(error)}`);
  }
  if (found.length === 0) throw new RuleSetError([{ file: target, line: 1, column: 1, message: 'no rule files (*.yaml) in this folder' }]);
  return found;
}

/** Reads one YAML file (`what` names it: "rule file", "configuration file"), refusing unreadable, binary and oversized files. */
export function readYamlFile(file: string, displayName: string, what = 'rule file'): YamlFile | Problem {
  const problem = (message: string): Problem => ({ file: displayName, line: 1, column: 1, message });
  try {
    const read = readFileWithin(file, MAX_RULE_FILE_BYTES);
    if ('tooLarge' in read) {
      const size = read.tooLarge.bytes === undefined ? 'more' : bytes.format(read.tooLarge.bytes);
      return problem(`the ${what} is too large: a ${what} may have at most ${bytes.format(MAX_RULE_FILE_BYTES)} bytes, and this one has ${size}`);
    }
    const decoded = decodeText(read.bytes);
    if ('problem' in decoded) return problem(`${decoded.problem}, so not a ${what}`);
    return new YamlFile(decoded.text, displayName);
  } catch (error) {
    return problem(`the ${what} cannot be read: ${describeFsError(error)}`);
  }
}

export interface LoadOptions {
  /** Include the built-in national pack (default true). */
  builtin?: boolean;
  /** Extra rule files or folders. */
  extra?: readonly string[];
  /** Extra terms for named lists, from configuration. */
  listAdditions?: ListAdditions;
  /** Folder that file names in problems are shown relative to. */
  cwd?: string;
}

/** Loads and compiles the rule set; throws RuleSetError listing every problem. */
export function loadRuleSet(options: LoadOptions = {}): RuleSet {
  const cwd = options.cwd ?? process.cwd();
  const targets = [...(options.builtin === false ? [] : [BUILTIN_RULES_DIR]), ...(options.extra ?? [])];
  const files: YamlFile[] = [];
  const builtinFiles = new Set<YamlFile>();
  const problems: Problem[] = [];
  for (const target of targets) {
    let paths: string[];
    try {
      paths = ruleFilesAt(path.resolve(cwd, target));
    } catch (error) {
      if (!(error instanceof RuleSetError)) throw error;
      problems.push(...error.problems.map((problem) => ({ ...problem, file: target })));
      continue;
    }
    for (const file of paths) {
      const read = readYamlFile(file, displayPath(file, cwd));
      if (!(read instanceof YamlFile)) {
        problems.push(read);
        continue;
      }
      files.push(read);
      if (target === BUILTIN_RULES_DIR) builtinFiles.add(read);
    }
  }
  const compiled = compileRuleFiles(files, options.listAdditions, (file) => builtinFiles.has(file));
  problems.push(...compiled.problems);
  if (problems.length > 0) throw new RuleSetError(problems);
  return compiled.ruleSet;
}

/** A path relative to cwd when it lies below it, else absolute. */
export function displayPath(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}
