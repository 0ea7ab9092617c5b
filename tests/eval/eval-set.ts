// Reads a labelled evaluation set (fixtures/eval format: YAML files of posts with labels and
// context) and scores the linter on it: per-category precision and recall, and false alarms.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { parse } from 'yaml';
import { lint } from '../../src/core/lint.js';
import { POST_CONTEXT_SCHEMA, toPostContext } from '../../src/post/context-schema.js';
import type { RuleSet } from '../../src/rules/model.js';
import { CATEGORIES, DEFAULT_CONTEXT, type Category, type ElectionWindow, type Finding, type PostContext } from '../../src/types.js';
import { SchemaChecker } from '../../src/yaml/schema-check.js';

export interface EvalPost {
  id: string;
  file: string;
  text: string;
  labels: Category[];
  context: PostContext;
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
export function readEvalSet(folder: string): { posts: EvalPost[]; electionWindows: ElectionWindow[] } {
  const contextChecker = new SchemaChecker(POST_CONTEXT_SCHEMA);
  const posts: EvalPost[] = [];
  const ids = new Set<string>();
  for (const name of fg.sync('*.yaml', { cwd: folder }).sort()) {
    if (name === 'config.yaml') continue;
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
        context: { ...DEFAULT_CONTEXT, ...toPostContext((raw.context ?? {}) as Record<string, unknown>) },
        ...(typeof raw.why === 'string' ? { why: raw.why } : {}),
      });
    }
  }
  return { posts, electionWindows: readElectionWindows(folder) };
}

/** The pre-election windows from the set's config.yaml, if it has one. */
function readElectionWindows(folder: string): ElectionWindow[] {
  let text: string;
  try {
    text = readFileSync(path.join(folder, 'config.yaml'), 'utf8');
  } catch {
    return [];
  }
  const data = parse(text) as { election_windows?: Array<{ name: string; start: unknown; end: unknown }> } | null;
  return (data?.election_windows ?? []).map((window) => ({ name: window.name, start: String(window.start).slice(0, 10), end: String(window.end).slice(0, 10) }));
}

/** The categories a post's findings raise: warnings and errors count; for accessibility (info by design) info counts too. */
export function raisedCategories(findings: readonly Finding[]): Category[] {
  const raised = new Set<Category>();
  for (const finding of findings) {
    if (finding.severity !== 'info' || finding.category === 'accessibility') raised.add(finding.category);
  }
  return CATEGORIES.filter((category) => raised.has(category));
}

export function scoreEvalSet(posts: readonly EvalPost[], ruleSet: RuleSet, electionWindows: readonly ElectionWindow[] = []): EvalReport {
  const outcomes: PostOutcome[] = posts.map((post) => {
    const findings = lint(post.text, ruleSet, { ...post.context, electionWindows });
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
