// Reads a labelled evaluation set (fixtures/eval format: YAML files of posts with labels and
// context) and scores the linter on it, with the set's trust configuration (config.yaml, read
// exactly as a .nhssm.yaml is): per-category precision and recall, and false alarms.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { ConfigError } from '../../src/config/config-file.js';
import { ConfigResolver, type PostSettings } from '../../src/config/resolve.js';
import { lint } from '../../src/core/lint.js';
import { POST_CONTEXT_SCHEMA, toPostContext } from '../../src/post/context-schema.js';
import { CATEGORIES, type Category, type ElectionWindow, type Finding, type PostContext } from '../../src/types.js';
import { SchemaChecker } from '../../src/yaml/schema-check.js';

/** The configuration file beside the posts of an evaluation set. */
export const EVAL_CONFIG_FILE = 'config.yaml';

export interface EvalPost {
  id: string;
  /** The file of the set it comes from, e.g. canteen.yaml. */
  file: string;
  text: string;
  labels: Category[];
  /** The post's own context, as front matter would give it. */
  context: Partial<PostContext>;
  why?: string;
}

export interface CategoryScore {
  category: Category;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Undefined when nothing was flagged in this category. */
  precision: number | undefined;
  /** Undefined when no post carries this label. */
  recall: number | undefined;
}

export interface PostOutcome {
  post: EvalPost;
  raised: Category[];
  findings: Finding[];
}

export interface EvalReport {
  posts: number;
  cleanPosts: number;
  /** Clean posts (no labels) that got a warning or an error. */
  cleanFlagged: number;
  categories: CategoryScore[];
  outcomes: PostOutcome[];
}

/** Something in a set that could not be used as written; the post is scored without it. */
export type EvalWarning = (message: string) => void;

/**
 * Reads every *.yaml in the folder except config.yaml. A set written by someone else may use a
 * context value or a label this version does not know: those are reported through `warn` and
 * left out, so the rest of the post is still scored. A post without text or id cannot be.
 */
export function readEvalSet(folder: string, warn: EvalWarning = () => {}): EvalPost[] {
  const contextChecker = new SchemaChecker(POST_CONTEXT_SCHEMA);
  const posts: EvalPost[] = [];
  const ids = new Set<string>();
  for (const name of fg.sync('*.{yaml,yml}', { cwd: folder }).sort()) {
    if (name === EVAL_CONFIG_FILE) continue;
    const data = parse(readFileSync(path.join(folder, name), 'utf8')) as { posts?: Array<Record<string, unknown>> } | Array<Record<string, unknown>> | null;
    const rawPosts = Array.isArray(data) ? data : (data?.posts ?? []);
    for (const [index, raw] of rawPosts.entries()) {
      const id = raw.id === undefined ? `${name}#${index + 1}` : String(raw.id);
      if (typeof raw.text !== 'string') {
        warn(`${name}: post ${id} has no text; skipped`);
        continue;
      }
      if (ids.has(id)) warn(`${name}: post id ${id} is used twice`);
      ids.add(id);
      const labels = (Array.isArray(raw.labels) ? raw.labels : []).map(String);
      const unknown = labels.filter((label) => !(CATEGORIES as readonly string[]).includes(label));
      if (unknown.length > 0) warn(`${name}: post ${id}: unknown label ${unknown.join(', ')}; not scored`);
      const context: Record<string, unknown> = {};
      for (const [key, value] of Object.entries((raw.context ?? {}) as Record<string, unknown>)) {
        const issues = contextChecker.check({ [key]: value });
        if (issues.length === 0) context[key] = value;
        else warn(`${name}: post ${id}: context ${key}: ${issues.map((issue) => issue.message).join('; ')}; left out`);
      }
      posts.push({
        id,
        file: name,
        text: raw.text,
        labels: labels.filter((label): label is Category => (CATEGORIES as readonly string[]).includes(label)),
        context: toPostContext(context),
        ...(typeof raw.why === 'string' ? { why: raw.why } : {}),
      });
    }
  }
  return posts;
}

/**
 * What applies to each post of a set: the set's config.yaml, loaded as `--config` loads a
 * .nhssm.yaml (its overrides match the set's file names), or with no config.yaml the national
 * pack with its default settings. No publish date is assumed, so scores do not depend on the day.
 * A config.yaml this version cannot load (written for another version, say) is reported through
 * `warn`; its pre-election windows are still used if they can be read, with the national pack.
 */
export function evalSettings(folder: string, cwd: string, warn: EvalWarning = () => {}): (post: EvalPost) => PostSettings {
  const config = path.join(folder, EVAL_CONFIG_FILE);
  const resolver = new ConfigResolver({ cwd, config: existsSync(config) ? config : false });
  try {
    resolver.settingsFor(path.join(folder, 'probe.yaml'));
    return (post) => resolver.settingsFor(path.join(folder, post.file));
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    warn(`${EVAL_CONFIG_FILE} cannot be used as a configuration (${error.message.split('\n')[0] ?? ''}); scoring with the national pack and its election windows`);
  }
  const fallback = new ConfigResolver({ cwd, config: false });
  const electionWindows = lenientElectionWindows(config);
  return (post) => {
    const settings = fallback.settingsFor(path.join(folder, post.file));
    return { ...settings, context: { ...settings.context, electionWindows } };
  };
}

/** The election windows of a config file read as plain YAML, ignoring everything else. */
function lenientElectionWindows(file: string): ElectionWindow[] {
  const data = parse(readFileSync(file, 'utf8')) as { election_windows?: Array<Record<string, unknown>> } | null;
  return (data?.election_windows ?? [])
    .filter((window) => window.start !== undefined && window.end !== undefined)
    .map((window) => ({ name: String(window.name ?? 'election'), start: String(window.start).slice(0, 10), end: String(window.end).slice(0, 10) }));
}

/** The categories a post's findings raise: warnings and errors count; for accessibility (info by design) info counts too. */
export function raisedCategories(findings: readonly Finding[]): Category[] {
  const raised = new Set<Category>();
  for (const finding of findings) {
    if (finding.severity !== 'info' || finding.category === 'accessibility') raised.add(finding.category);
  }
  return CATEGORIES.filter((category) => raised.has(category));
}

export function scoreEvalSet(posts: readonly EvalPost[], settingsFor: (post: EvalPost) => PostSettings): EvalReport {
  const outcomes: PostOutcome[] = posts.map((post) => {
    const { ruleSet, context } = settingsFor(post);
    const findings = lint(post.text, ruleSet, { ...context, ...post.context });
    return { post, findings, raised: raisedCategories(findings) };
  });
  const categories = CATEGORIES.map((category): CategoryScore => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    for (const { post, raised } of outcomes) {
      const labelled = post.labels.includes(category);
      const flagged = raised.includes(category);
      if (labelled && flagged) truePositives += 1;
      else if (flagged) falsePositives += 1;
      else if (labelled) falseNegatives += 1;
    }
    const flaggedCount = truePositives + falsePositives;
    const labelledCount = truePositives + falseNegatives;
    return {
      category,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: flaggedCount === 0 ? undefined : truePositives / flaggedCount,
      recall: labelledCount === 0 ? undefined : truePositives / labelledCount,
    };
  });
  const clean = outcomes.filter((outcome) => outcome.post.labels.length === 0);
  const cleanFlagged = clean.filter((outcome) => outcome.findings.some((finding) => finding.severity !== 'info')).length;
  return { posts: posts.length, cleanPosts: clean.length, cleanFlagged, categories, outcomes };
}
