// Works out what applies to each post: finds its configuration file (the nearest .nhssm.yaml
// from the post's folder upwards, or the one given), compiles the rule packs it extends once per
// distinct configuration, and merges overrides, flags and context in order of precedence.
import { statSync } from 'node:fs';
import path from 'node:path';
import { displayPath, loadRuleSet } from '../rules/load.js';
import type { RuleSet } from '../rules/model.js';
import { DEFAULT_CONTEXT, INFO_ONLY_CATEGORIES, type PostContext } from '../types.js';
import { didYouMean } from '../yaml/schema-check.js';
import type { Problem } from '../yaml/yaml-file.js';
import { ConfigError, readConfigFile, type ConfigContext, type ConfigFile, type ConfigOverride } from './config-file.js';
import type { RuleSetting } from './schema.js';

/** The names a configuration file may have, in the order they are looked for. */
export const CONFIG_FILE_NAMES = ['.nhssm.yaml', '.nhssm.yml'] as const;

export interface ResolverOptions {
  /** The folder relative paths are resolved against. */
  cwd: string;
  /** A configuration file to use for every post (--config), or false for none (--no-config). */
  config?: string | false;
  /** Rule files or folders added to every configuration (--rules). */
  extraRules?: readonly string[];
  /** Context given by flags: wins over the configuration, loses to a post's own front matter. */
  flags?: Partial<PostContext>;
  /** The publish date assumed when neither a flag nor the post gives one (the CLI passes today). */
  defaultPublishAt?: string;
}

/** Everything that applies to one post before its own front matter is read. */
export interface PostSettings {
  /** The configuration file used, if any. */
  config: ConfigFile | undefined;
  /** The overrides of that configuration that match the post. */
  overrides: readonly ConfigOverride[];
  /** Every rule of the packs, with the severities the rule files give. */
  packRuleSet: RuleSet;
  /** Each rule's severity as configured for this post (`off`: not run). */
  severities: ReadonlyMap<string, RuleSetting>;
  /** The rules that run, with their configured severities. */
  ruleSet: RuleSet;
  /** The post's context, before its front matter. */
  context: PostContext;
}

interface LoadedConfig {
  config: ConfigFile;
  packRuleSet: RuleSet;
}

/** Whether a regular file exists at `file` (false also when a parent is not a folder). */
function isFile(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isFile() === true;
  } catch {
    return false;
  }
}

function isFolder(file: string): boolean {
  try {
    return statSync(file, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/** The rules of a rule set with changed severities; rules set to `off` are left out. */
function withSeverities(ruleSet: RuleSet, severities: ReadonlyMap<string, RuleSetting>): RuleSet {
  const rules = ruleSet.rules
    .filter((rule) => severities.get(rule.id) !== 'off')
    .map((rule) => {
      const severity = severities.get(rule.id);
      // A configured severity is pinned: it also replaces the grading a kind gives its findings.
      return severity === undefined || severity === 'off' ? rule : { ...rule, severity, configuredSeverity: severity };
    });
  return { ...ruleSet, rules };
}

export class ConfigResolver {
  private readonly cwd: string;
  /** Folder → the configuration file that applies to posts in it (undefined: none). */
  private readonly discovered = new Map<string, string | undefined>();
  private readonly configs = new Map<string, LoadedConfig>();
  /** Compiled rule packs, by the packs and list additions they were compiled from. */
  private readonly compiled = new Map<string, RuleSet>();
  private readonly settings = new Map<string, PostSettings>();

  constructor(private readonly options: ResolverOptions) {
    this.cwd = options.cwd;
  }

  /** What applies to the post at `file` (absolute), or to standard input when `file` is undefined. */
  settingsFor(file: string | undefined): PostSettings {
    const configFile = this.configFileFor(file);
    const loaded = configFile === undefined ? undefined : this.loadConfig(configFile);
    const overrides = loaded === undefined || file === undefined ? [] : loaded.config.overrides.filter((override) => override.matches(file));
    const key = `${configFile ?? ''}\n${overrides.map((override) => loaded?.config.overrides.indexOf(override)).join(',')}`;
    let settings = this.settings.get(key);
    if (settings === undefined) {
      settings = this.buildSettings(loaded, overrides);
      this.settings.set(key, settings);
    }
    return settings;
  }

  private buildSettings(loaded: LoadedConfig | undefined, overrides: readonly ConfigOverride[]): PostSettings {
    const packRuleSet = loaded?.packRuleSet ?? this.compile(true, [], new Map());
    const config = loaded?.config;
    const severities = new Map([...(config?.rules ?? []), ...overrides.flatMap((override) => [...override.rules])]);
    const { flags = {}, defaultPublishAt } = this.options;
    const publishAt = flags.publishAt ?? defaultPublishAt;
    const context: PostContext = {
      ...DEFAULT_CONTEXT,
      ...config?.context,
      ...overrides.reduce<ConfigContext>((merged, override) => ({ ...merged, ...override.context }), {}),
      ...flags,
      ...(publishAt === undefined ? {} : { publishAt }),
      ...(config === undefined || config.electionWindows.length === 0 ? {} : { electionWindows: config.electionWindows }),
      ...(config === undefined || config.allow.length === 0 ? {} : { allow: config.allow.map((entry) => entry.term) }),
    };
    return { config, overrides, packRuleSet, severities, ruleSet: withSeverities(packRuleSet, severities), context };
  }

  /** The configuration file for a post: the one given, none, or the nearest one above the post. */
  private configFileFor(file: string | undefined): string | undefined {
    const { config } = this.options;
    if (config === false) return undefined;
    if (config !== undefined) {
      const given = path.resolve(this.cwd, config);
      if (!isFile(given)) throw new ConfigError([{ file: config, line: 1, column: 1, message: isFolder(given) ? 'this is a folder: give the configuration file itself' : 'no such configuration file' }]);
      return given;
    }
    return this.discover(file === undefined ? this.cwd : path.dirname(file));
  }

  /** The nearest configuration file in `folder` or the folders above it. */
  private discover(folder: string): string | undefined {
    if (this.discovered.has(folder)) return this.discovered.get(folder);
    const present = CONFIG_FILE_NAMES.map((name) => path.join(folder, name)).filter(isFile);
    if (present.length > 1) {
      throw new ConfigError([{ file: displayPath(present[1] as string, this.cwd), line: 1, column: 1, message: `there are two configuration files in this folder: keep ${CONFIG_FILE_NAMES.join(' or ')}, not both` }]);
    }
    const parent = path.dirname(folder);
    const found = present[0] ?? (parent === folder ? undefined : this.discover(parent));
    this.discovered.set(folder, found);
    return found;
  }

  private loadConfig(file: string): LoadedConfig {
    const cached = this.configs.get(file);
    if (cached !== undefined) return cached;
    const config = readConfigFile(file, displayPath(file, this.cwd));
    const packRuleSet = this.compile(config.recommended, config.packs, config.lists);
    const problems = unknownNames(config, packRuleSet);
    if (problems.length > 0) throw new ConfigError(problems);
    const loaded = { config, packRuleSet };
    this.configs.set(file, loaded);
    return loaded;
  }

  /** The rule set of these packs (plus --rules) with these list additions, compiled once. */
  private compile(builtin: boolean, packs: readonly string[], lists: ReadonlyMap<string, readonly string[]>): RuleSet {
    const extra = [...packs, ...(this.options.extraRules ?? [])];
    const key = JSON.stringify([builtin, extra, [...lists]]);
    let ruleSet = this.compiled.get(key);
    if (ruleSet === undefined) {
      ruleSet = loadRuleSet({ builtin, extra, listAdditions: lists, cwd: this.cwd });
      this.compiled.set(key, ruleSet);
    }
    return ruleSet;
  }
}

/** Rule ids and list names in a configuration that its rule packs do not define, and severities a rule may not have. */
function unknownNames(config: ConfigFile, ruleSet: RuleSet): Problem[] {
  const problems: Problem[] = [];
  const ruleIds = ruleSet.rules.map((rule) => rule.id);
  const categoryOf = new Map(ruleSet.rules.map((rule) => [rule.id, rule.category]));
  const checkRules = (rules: ReadonlyMap<string, RuleSetting>, at: ReadonlyArray<string | number>) => {
    for (const [id, setting] of rules) {
      const category = categoryOf.get(id);
      if (category === undefined) {
        const guess = didYouMean(id, ruleIds);
        problems.push(config.yaml.problemAtPath([...at, id], `unknown rule "${id}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; nhssm-check --list-rules shows them all`, true));
      } else if (INFO_ONLY_CATEGORIES.has(category) && (setting === 'warning' || setting === 'error')) {
        problems.push(config.yaml.problemAtPath([...at, id], `"${id}" is an ${category} rule: these are reminders, so they can be "info" or "off", never "${setting}"`));
      }
    }
  };
  checkRules(config.rules, ['rules']);
  config.overrides.forEach((override, index) => checkRules(override.rules, ['overrides', index, 'rules']));
  const listNames = [...ruleSet.lists.keys()];
  for (const name of config.lists.keys()) {
    if (ruleSet.lists.has(name)) continue;
    const guess = didYouMean(name, listNames);
    problems.push(config.yaml.problemAtPath(['lists', name], `no list named "${name}" in the rule packs${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`, true));
  }
  return problems;
}
