// Reads one configuration file (.nhssm.yaml): validates it against the published schema, then
// checks what a schema cannot (rule pack paths, real dates), reporting each problem as
// file:line:column. Rule ids and list names are checked later, against the compiled packs.
import { statSync } from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import { describeFsError } from '../files/text-file.js';
import { isCalendarDay } from '../post/context-schema.js';
import { readYamlFile } from '../rules/load.js';
import { toPlatform, type ElectionWindow, type PostContext } from '../types.js';
import { didYouMean, SchemaChecker } from '../yaml/schema-check.js';
import { ProblemError, YamlFile, type Problem } from '../yaml/yaml-file.js';
import { configFileSchema, RECOMMENDED_PACK, type RuleSetting } from './schema.js';

/** Thrown when a configuration file cannot be used; carries every problem found. */
export class ConfigError extends ProblemError {}

/** The context keys a configuration may set for its posts. */
export type ConfigContext = Partial<Pick<PostContext, 'account' | 'platform'>>;

export interface AllowEntry {
  term: string;
  reason: string;
}

/** Settings for the files that match some glob patterns. */
export interface ConfigOverride {
  files: readonly string[];
  /** Whether an absolute file path matches `files` (relative to the configuration's folder). */
  matches: (file: string) => boolean;
  rules: ReadonlyMap<string, RuleSetting>;
  context: ConfigContext;
}

/** A validated configuration file. */
export interface ConfigFile {
  /** Absolute path. */
  file: string;
  /** The parsed file, to report later problems at their place. */
  yaml: YamlFile;
  /** `extends`, as written. */
  extends: readonly string[];
  /** Whether it extends the national pack. */
  recommended: boolean;
  /** The local rule packs it extends, as absolute paths. */
  packs: readonly string[];
  rules: ReadonlyMap<string, RuleSetting>;
  lists: ReadonlyMap<string, readonly string[]>;
  allow: readonly AllowEntry[];
  electionWindows: readonly ElectionWindow[];
  context: ConfigContext;
  overrides: readonly ConfigOverride[];
}

interface RawContext {
  account?: PostContext['account'];
  platform?: PostContext['platform'];
}
interface RawConfig {
  extends?: string | string[];
  rules?: Record<string, RuleSetting>;
  lists?: Record<string, string[]>;
  allow?: AllowEntry[];
  election_windows?: ElectionWindow[];
  context?: RawContext;
  overrides?: Array<{ files: string[]; rules?: Record<string, RuleSetting>; context?: RawContext }>;
}

let checker: SchemaChecker | undefined;

function toContext(raw: RawContext | undefined): ConfigContext {
  return { ...(raw?.account === undefined ? {} : { account: raw.account }), ...(raw?.platform === undefined ? {} : { platform: toPlatform(raw.platform) }) };
}

/** A matcher for glob patterns written relative to `folder`. */
function globMatcher(patterns: readonly string[], folder: string): (file: string) => boolean {
  const isMatch = picomatch([...patterns], { dot: true });
  return (file) => {
    const relative = path.relative(folder, file).split(path.sep).join('/');
    return !relative.startsWith('../') && isMatch(relative);
  };
}

/** Reads and validates a configuration file; throws ConfigError listing every problem. */
export function readConfigFile(file: string, displayName: string): ConfigFile {
  const yaml = readYamlFile(file, displayName, 'configuration file');
  if (!(yaml instanceof YamlFile)) throw new ConfigError([yaml]);
  if (yaml.problems.length > 0) throw new ConfigError(yaml.problems);
  // An empty file is a configuration with every default: the national pack, as it is.
  const data = yaml.data === null || yaml.data === undefined ? {} : yaml.data;
  checker ??= new SchemaChecker(configFileSchema());
  const issues = checker.check(data);
  if (issues.length > 0) throw new ConfigError(issues.map((issue) => yaml.problemAtPath(issue.path, issue.message, issue.atKey)));

  const raw = data as RawConfig;
  const folder = path.dirname(file);
  const problems: Problem[] = [];
  // Without `extends`, a configuration builds on the national pack.
  const extendsList = raw.extends === undefined ? [RECOMMENDED_PACK] : typeof raw.extends === 'string' ? [raw.extends] : raw.extends;
  const extendsPath = (index: number) => (typeof raw.extends === 'string' ? ['extends'] : ['extends', index]);
  const packs: string[] = [];
  for (const [index, entry] of extendsList.entries()) {
    if (entry === RECOMMENDED_PACK) continue;
    if (entry.startsWith('nhssm:')) {
      const guess = didYouMean(entry, [RECOMMENDED_PACK]);
      problems.push(yaml.problemAtPath(extendsPath(index), `there is no built-in pack "${entry}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; the built-in pack is ${RECOMMENDED_PACK}`));
      continue;
    }
    const pack = path.resolve(folder, entry);
    let exists: boolean;
    try {
      exists = statSync(pack, { throwIfNoEntry: false }) !== undefined;
    } catch (error) {
      problems.push(yaml.problemAtPath(extendsPath(index), `the rule pack "${entry}" cannot be read: ${describeFsError(error)}`));
      continue;
    }
    if (!exists) {
      problems.push(yaml.problemAtPath(extendsPath(index), `no such rule file or folder: "${entry}" (paths are relative to the configuration file)`));
      continue;
    }
    packs.push(pack);
  }

  const electionWindows = raw.election_windows ?? [];
  for (const [index, window] of electionWindows.entries()) {
    const unreal = (['start', 'end'] as const).filter((key) => !isCalendarDay(window[key]));
    for (const key of unreal) problems.push(yaml.problemAtPath(['election_windows', index, key], `"${window[key]}" is not a real date`));
    if (unreal.length === 0 && window.end < window.start) problems.push(yaml.problemAtPath(['election_windows', index, 'end'], `the window ends (${window.end}) before it starts (${window.start})`));
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    file,
    yaml,
    extends: extendsList,
    recommended: extendsList.includes(RECOMMENDED_PACK),
    packs,
    rules: new Map(Object.entries(raw.rules ?? {})),
    lists: new Map(Object.entries(raw.lists ?? {})),
    allow: raw.allow ?? [],
    electionWindows: electionWindows.map(({ name, start, end }) => ({ name, start, end })),
    context: toContext(raw.context),
    overrides: (raw.overrides ?? []).map((override) => ({
      files: override.files,
      matches: globMatcher(override.files, folder),
      rules: new Map(Object.entries(override.rules ?? {})),
      context: toContext(override.context),
    })),
  };
}
