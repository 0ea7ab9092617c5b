// Reads a labelled evaluation set (fixtures/eval format: YAML files of posts with labels and
// context) and scores the linter on it, with the set's trust configuration (config.yaml, read
// exactly as a .nhssm.yaml is): per-category precision and recall, and false alarms.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { ConfigResolver, type PostSettings } from '../../src/config/resolve.js';
import { lint } from '../../src/core/lint.js';
import { POST_CONTEXT_SCHEMA, toPostContext } from '../../src/post/context-schema.js';
import { CATEGORIES, type Category, type Finding, type PostContext } from '../../src/types.js';
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

/** Reads every *.yaml in the folder except config.yaml; throws on malformed posts. */
export function readEvalSet(folder: string): EvalPost[] {
  const contextChecker = new SchemaChecker(POST_CONTEXT_SCHEMA);
  const posts: EvalPost[] = [];
  const ids = new Set<string>();
  for (const name of fg.sync('*.yaml', { cwd: folder }).sort()) {
    if (name === EVAL_CONFIG_FILE) continue;
    const data = parse(readFileSync(path.join(folder, name), 'utf8')) as { posts?: Array<Record<string, unknown>> };
    for (const raw of data.posts ?? []) {
      const id = String(raw.id);
      if (ids.has(id)) throw new Error(`${name}: post id ${id} is used twice`);
      ids.add(id);
      const labels = raw.labels as Category[];
      if (!Array.isArray(labels) || labels.some((label) => !(CATEGORIES as readonly string[]).includes(label))) throw new Error(`${name}: post ${id} has invalid labels`);
      const issues = contextChecker.check(raw.context ?? {});
      if (issues.length > 0) throw new Error(`${name}: post ${id} context: ${issues.map((issue) => issue.message).join('; ')}`);
      if (typeof raw.text !== 'string') throw new Error(`${name}: post ${id} has no text`);
      posts.push({
        id,
        file: name,
        text: raw.text,
        labels,
        context: toPostContext((raw.context ?? {}) as Record<string, unknown>),
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
 */
export function evalSettings(folder: string, cwd: string): (post: EvalPost) => PostSettings {
  const config = path.join(folder, EVAL_CONFIG_FILE);
  const resolver = new ConfigResolver({ cwd, config: existsSync(config) ? config : false });
  return (post) => resolver.settingsFor(path.join(folder, post.file));
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
