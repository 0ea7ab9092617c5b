// Turns parsed rule files into a RuleSet: schema validation, then the checks a schema cannot
// express (duplicate ids, unknown sources and lists, unverified paragraph numbers, placeholders,
// regexes), collecting every problem with its file, line and column.
import { CHECK_KINDS } from '../checks/index.js';
import { CompileError, unknownListMessage, type CompileEnv } from '../checks/kind.js';
import { compileUnless, matcherUsesNlp, type MatcherSpec } from '../checks/matcher.js';
import { placeholdersIn } from '../core/message.js';
import { regexesIn, slowMatchingProblem } from '../core/regex.js';
import { toPostContext } from '../post/context-schema.js';
import { INFO_ONLY_CATEGORIES, type Category, type ElectionWindow, type Reference, type Severity } from '../types.js';
import { didYouMean, SchemaChecker } from '../yaml/schema-check.js';
import type { DataPath, Problem, YamlFile } from '../yaml/yaml-file.js';
import { CONTEXT_PLACEHOLDERS, type Example, type LookIn, type Rule, type RuleSet, type SeverityChange, type Source } from './model.js';
import { commonRuleKeys, ruleFileSchema } from './schema.js';

let checker: SchemaChecker | undefined;

/** The rule-file schema checker, built once per process. */
function ruleFileChecker(): SchemaChecker {
  checker ??= new SchemaChecker(ruleFileSchema());
  return checker;
}

interface RawRule extends Record<string, unknown> {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  rationale: string;
  suggestion: string;
  references: Array<{ source: string; section: string; url?: string }>;
  kind: string;
  examples: { flag: Array<string | RawExample>; pass: Array<string | RawExample> };
  when?: SeverityChange[];
  unless?: MatcherSpec[];
  in?: LookIn;
}
interface RawExample {
  text: string;
  context?: Record<string, unknown> & { election_windows?: ElectionWindow[] };
  lists?: Record<string, string[]>;
}
interface RawFile {
  sources?: Record<string, { title: string; url?: string; verified?: string[] }>;
  lists?: Record<string, string[]>;
  defaults?: { when?: SeverityChange[] };
  rules?: RawRule[];
}

const COMMON_RULE_KEYS = commonRuleKeys();

/** Extra terms for named lists (from a trust's configuration), added before rules compile. */
export type ListAdditions = ReadonlyMap<string, readonly string[]>;

export interface CompileResult {
  ruleSet: RuleSet;
  problems: Problem[];
}

function toExample(example: string | RawExample): Example {
  if (typeof example === 'string') return { text: example, context: {} };
  const context = toPostContext(example.context ?? {});
  const windows = example.context?.election_windows;
  if (windows !== undefined) context.electionWindows = windows.map(({ name, start, end }) => ({ name, start: start.slice(0, 10), end: end.slice(0, 10) }));
  return { text: example.text, context, ...(example.lists === undefined ? {} : { lists: example.lists }) };
}

/**
 * Compiles parsed rule files. A rule set with problems must not be used. Regexes in the files
 * are refused if they could hang the linter, except in files `isBuiltin` vouches for: the
 * built-in pack's regexes are checked by its tests instead, so start-up does not repeat it.
 */
export function compileRuleFiles(files: readonly YamlFile[], listAdditions: ListAdditions = new Map(), isBuiltin: (file: YamlFile) => boolean = () => false): CompileResult {
  const problems: Problem[] = [];
  const valid: Array<{ file: YamlFile; data: RawFile }> = [];
  for (const file of files) {
    problems.push(...file.problems);
    if (file.problems.length > 0) continue;
    if (file.data === null || file.data === undefined) {
      problems.push(file.problemAt(1, 1, 'the rule file is empty'));
      continue;
    }
    const issues = ruleFileChecker().check(file.data);
    for (const issue of issues) problems.push(file.problemAtPath(issue.path, issue.message, issue.atKey));
    if (issues.length === 0) valid.push({ file, data: file.data as RawFile });
  }

  const sources = new Map<string, Source>();
  const lists = new Map<string, string[]>();
  const listOrigins = new Map<string, string>();
  const sourceOrigins = new Map<string, string>();
  for (const { file, data } of valid) {
    for (const [key, source] of Object.entries(data.sources ?? {})) {
      const earlier = sourceOrigins.get(key);
      if (earlier !== undefined) {
        problems.push(file.problemAtPath(['sources', key], `source "${key}" is already defined in ${earlier}`, true));
        continue;
      }
      sourceOrigins.set(key, file.file);
      sources.set(key, { key, title: source.title, ...(source.url === undefined ? {} : { url: source.url }), verified: source.verified ?? [] });
    }
    for (const [name, terms] of Object.entries(data.lists ?? {})) {
      const earlier = listOrigins.get(name);
      if (earlier !== undefined) {
        problems.push(file.problemAtPath(['lists', name], `list "${name}" is already defined in ${earlier}`, true));
        continue;
      }
      listOrigins.set(name, file.file);
      lists.set(name, [...terms]);
    }
  }
  // Additions only extend lists the files define; the configuration reports any other name.
  for (const [name, terms] of listAdditions) {
    const defined = lists.get(name);
    if (defined !== undefined) lists.set(name, [...defined, ...terms]);
  }
  const env: CompileEnv = { list: (name) => lists.get(name) };

  for (const { file, data } of valid) {
    for (const problem of notePlaceholderProblems(data.defaults?.when ?? [])) {
      problems.push(file.problemAtPath(['defaults', 'when', problem.index, 'note'], problem.message));
    }
  }

  const rules: Rule[] = [];
  const ruleOrigins = new Map<string, string>();
  for (const { file, data } of valid) {
    for (const [index, raw] of (data.rules ?? []).entries()) {
      const at = (path: DataPath, message: string, atKey = false) => problems.push(file.problemAtPath(['rules', index, ...path], message, atKey));
      const earlier = ruleOrigins.get(raw.id);
      if (earlier !== undefined) {
        at(['id'], `rule id "${raw.id}" is already used at ${earlier}`);
        continue;
      }
      const origin = file.problemAtPath(['rules', index], '');
      ruleOrigins.set(raw.id, `${origin.file}:${origin.line}`);
      const rule = compileRule(raw, { file: origin.file, line: origin.line }, { sources, env, defaults: data.defaults?.when ?? [], at, checkRegexes: !isBuiltin(file) });
      if (rule !== undefined) rules.push(rule);
    }
  }
  if (valid.length > 0 && rules.length === 0 && problems.length === 0) {
    problems.push({ file: (valid[0] as { file: YamlFile }).file.file, line: 1, column: 1, message: 'no rules were found in the rule files' });
  }
  return { ruleSet: { rules, lists, sources }, problems };
}

/** Notes may only use the context placeholders. */
function notePlaceholderProblems(changes: readonly SeverityChange[]): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  for (const [index, change] of changes.entries()) {
    for (const name of placeholdersIn(change.note ?? '')) {
      if (!(CONTEXT_PLACEHOLDERS as readonly string[]).includes(name)) {
        problems.push({ index, message: `{{${name}}} is not available in a note; use one of: ${CONTEXT_PLACEHOLDERS.join(', ')}` });
      }
    }
  }
  return problems;
}

/** A condition as a text that is the same for the same condition, whatever the order of its keys. */
function conditionKey(condition: SeverityChange['if']): string {
  return JSON.stringify(Object.entries(condition).sort(([a], [b]) => (a < b ? -1 : 1)));
}

interface RuleCompileEnv {
  sources: ReadonlyMap<string, Source>;
  env: CompileEnv;
  defaults: readonly SeverityChange[];
  at: (path: DataPath, message: string, atKey?: boolean) => void;
  /** Refuse regexes that could hang the linter. */
  checkRegexes: boolean;
}

function compileRule(raw: RawRule, origin: { file: string; line: number }, { sources, env, defaults, at, checkRegexes }: RuleCompileEnv): Rule | undefined {
  let ok = true;
  const fail = (path: DataPath, message: string, atKey = false) => {
    ok = false;
    at(path, message, atKey);
  };
  const kind = CHECK_KINDS.get(raw.kind);
  if (kind === undefined) return undefined; // the schema has already reported it

  const references: Reference[] = [];
  for (const [index, reference] of raw.references.entries()) {
    const source = sources.get(reference.source);
    if (source === undefined) {
      const guess = didYouMean(reference.source, [...sources.keys()]);
      fail(['references', index, 'source'], `unknown source "${reference.source}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; sources are defined under sources:, as in rules/sources.yaml`);
      continue;
    }
    if (/\d/.test(reference.section) && !source.verified.includes(reference.section)) {
      fail(
        ['references', index, 'section'],
        `"${reference.section}" is not a verified section of ${source.key}: cite a heading instead, or add it to the source's verified list once checked against the source itself`,
      );
      continue;
    }
    const url = reference.url ?? source.url;
    references.push({ source: source.title, section: reference.section, ...(url === undefined ? {} : { url }) });
  }

  if (INFO_ONLY_CATEGORIES.has(raw.category)) {
    const onlyInfo = `${raw.category} rules are reminders only, so their severity is always info`;
    if (raw.severity !== 'info') fail(['severity'], `${onlyInfo}: write severity: info, not ${raw.severity}`);
    for (const [index, change] of (raw.when ?? []).entries()) {
      if (change.severity === 'error' || change.severity === 'warning') fail(['when', index, 'severity'], `${onlyInfo}: a when may keep it info or switch it off, not raise it to ${change.severity}`);
    }
    const raising = defaults.find((change) => change.severity === 'error' || change.severity === 'warning');
    if (raising !== undefined) fail(['category'], `${onlyInfo}, but this file's defaults.when raises every rule to ${raising.severity}: move the rule to another file`);
  }

  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) if (!COMMON_RULE_KEYS.has(key)) params[key] = value;

  let check: Rule['check'] | undefined;
  let filter: Rule['filter'];
  try {
    check = kind.compile(params, env);
    filter = raw.unless === undefined ? undefined : compileUnless(raw.unless, env, ['unless']);
  } catch (error) {
    if (!(error instanceof CompileError)) throw error;
    fail(error.path, error.message);
  }

  // Only regexes that compiled: a syntax error has been reported already.
  for (const regex of check === undefined || !checkRegexes ? [] : regexesIn(raw)) {
    const problem = slowMatchingProblem(regex.source, regex.flags);
    if (problem !== undefined) fail(regex.path, `this regular expression could hang the linter: ${problem}`);
  }

  const available = new Set<string>([...kind.placeholders(params), ...CONTEXT_PLACEHOLDERS]);
  for (const field of ['message', 'suggestion'] as const) {
    for (const name of placeholdersIn(raw[field])) {
      if (!available.has(name)) fail([field], `{{${name}}} is not filled by a ${kind.name} rule; use one of: ${[...available].join(', ')}`);
    }
  }
  for (const group of ['flag', 'pass'] as const) {
    for (const [index, example] of raw.examples[group].entries()) {
      if (typeof example === 'string') continue;
      for (const name of Object.keys(example.lists ?? {})) {
        if (env.list(name) === undefined) fail(['examples', group, index, 'lists', name], unknownListMessage(name), true);
      }
    }
  }
  // A file default whose condition the rule already handles itself could never apply: leave it out.
  const own = new Set((raw.when ?? []).map((change) => conditionKey(change.if)));
  const when = [...(raw.when ?? []), ...defaults.filter((change) => !own.has(conditionKey(change.if)))];
  for (const problem of notePlaceholderProblems(raw.when ?? [])) fail(['when', problem.index, 'note'], problem.message);

  if (!ok || check === undefined) return undefined;
  const usesNlp = kind.usesNlp(params) || (raw.unless ?? []).some(matcherUsesNlp);
  return {
    id: raw.id,
    category: raw.category,
    severity: raw.severity,
    message: raw.message,
    rationale: raw.rationale,
    suggestion: raw.suggestion,
    references,
    kind: raw.kind,
    params,
    examples: { flag: raw.examples.flag.map(toExample), pass: raw.examples.pass.map(toExample) },
    when,
    lookIn: raw.in ?? 'both',
    file: origin.file,
    line: origin.line,
    check,
    filter,
    usesNlp,
  };
}
