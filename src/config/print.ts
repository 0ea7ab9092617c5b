// Text for --print-config: the configuration that applies to one post, as YAML in the same
// shape as a .nhssm.yaml, with every rule and the severity it runs at.
import { stringify } from 'yaml';
import { displayPath } from '../rules/load.js';
import type { PostSettings } from './resolve.js';
import { RECOMMENDED_PACK } from './schema.js';

export interface PrintOptions {
  /** The post, as the user named it. */
  post: string;
  cwd: string;
  /** Rule files or folders added with --rules. */
  extraRules: readonly string[];
}

export function printConfig(settings: PostSettings, { post, cwd, extraRules }: PrintOptions): string {
  const { config, context } = settings;
  const header = [
    `# The configuration for ${post}`,
    config === undefined ? '# No configuration file applies: the national pack with its default settings.' : `# From ${displayPath(config.file, cwd)}.`,
    "# The post's own front matter (nhssm:) still wins over the context below.",
  ];
  const data: Record<string, unknown> = {
    extends: [...(config?.extends ?? [RECOMMENDED_PACK]), ...extraRules],
  };
  if (settings.overrides.length > 0) data.overrides = settings.overrides.map((override) => ({ files: [...override.files] }));
  data.context = {
    account: context.account,
    ...(context.platform === undefined ? {} : { platform: context.platform }),
    ...(context.publishAt === undefined ? {} : { publish_at: context.publishAt }),
  };
  if (config !== undefined && config.electionWindows.length > 0) data.election_windows = config.electionWindows;
  if (config !== undefined && config.allow.length > 0) data.allow = config.allow;
  if (config !== undefined && config.lists.size > 0) data.lists = Object.fromEntries(config.lists);
  data.rules = Object.fromEntries(settings.packRuleSet.rules.map((rule) => [rule.id, settings.severities.get(rule.id) ?? rule.severity]));
  return `${header.join('\n')}\n${stringify(data, { lineWidth: 0 })}`;
}
