// `npm run bench`: how fast nhssm-check is. Posts per second in-process with the built-in rules
// (with and without the rules that use NLP), on synthetic posts and, when ../shared/corpora is
// present, on real tweets; the longest post allowed; the CLI's wall time for one draft and for a
// large batch. Speed is measured here, never asserted in tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lint } from '../../src/core/lint.js';
import { MAX_POST_LENGTH } from '../../src/core/post-length.js';
import { loadRuleSet } from '../../src/rules/load.js';
import type { RuleSet } from '../../src/rules/model.js';
import { CORPORA, corpusTexts } from '../helpers/corpora.js';
import { BIN, PROJECT_ROOT } from '../helpers/project.js';
import { longPost, syntheticPosts } from './synthetic-posts.js';

const SYNTHETIC_POSTS = 2_000;
const CORPUS_POSTS = 3_000;
const BATCH_FILES = 1_000;
const CLI_REPEATS = 7;

interface Row {
  what: string;
  posts: number;
  seconds: number;
}
const rows: Row[] = [];

function time(action: () => void): number {
  const started = performance.now();
  action();
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** Lints every post once after a warm-up run, and records posts per second. */
function measureLint(what: string, posts: readonly string[], ruleSet: RuleSet): void {
  for (const post of posts.slice(0, 50)) lint(post, ruleSet);
  rows.push({ what, posts: posts.length, seconds: time(() => posts.forEach((post) => lint(post, ruleSet))) });
}

function runCli(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: PROJECT_ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0 && result.status !== 1) throw new Error(`nhssm-check ${args.join(' ')} failed: ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

const ruleSet = loadRuleSet({ cwd: PROJECT_ROOT });
const withoutNlp: RuleSet = { ...ruleSet, rules: ruleSet.rules.filter((rule) => !rule.usesNlp) };
const synthetic = syntheticPosts(SYNTHETIC_POSTS);

measureLint('lint, all built-in rules: synthetic posts', synthetic, ruleSet);
measureLint('lint, without NLP rules: synthetic posts', synthetic, withoutNlp);
for (const [name, file, column] of [
  ['health tweets', 'health-tweets-grfiv/Tweets_Celiac_full.csv', 'content'],
  ['Davidson tweets', 'davidson-hate-offensive/labeled_data.csv', 'tweet'],
] as const) {
  const texts = corpusTexts(file, column).slice(0, CORPUS_POSTS);
  if (texts.length === 0) {
    console.log(`(skipped ${name}: ${path.join(CORPORA, file)} is not here)`);
    continue;
  }
  measureLint(`lint, all built-in rules: ${name}`, texts, ruleSet);
  measureLint(`lint, without NLP rules: ${name}`, texts, withoutNlp);
}
const longest = longPost(MAX_POST_LENGTH);
rows.push({ what: `lint, all built-in rules: one post of ${MAX_POST_LENGTH.toLocaleString('en-GB')} characters`, posts: 1, seconds: time(() => lint(longest, ruleSet)) });

for (const draft of ['clean-draft.txt', 'risky-draft.txt']) {
  const file = path.join('fixtures', 'examples', draft);
  rows.push({ what: `CLI, one draft (${draft}), median of ${CLI_REPEATS}`, posts: 1, seconds: median(Array.from({ length: CLI_REPEATS }, () => runCli([file]))) });
}
const batch = mkdtempSync(path.join(os.tmpdir(), 'nhssm-bench-'));
try {
  syntheticPosts(BATCH_FILES, 7).forEach((post, index) => writeFileSync(path.join(batch, `post-${String(index).padStart(4, '0')}.txt`), post));
  rows.push({ what: `CLI, a folder of ${BATCH_FILES.toLocaleString('en-GB')} posts`, posts: BATCH_FILES, seconds: runCli([batch, '--format', 'json']) });
} finally {
  rmSync(batch, { recursive: true, force: true });
}

const width = Math.max(...rows.map((row) => row.what.length));
console.log(`\nnhssm-check: ${ruleSet.rules.length} rules (${ruleSet.rules.length - withoutNlp.rules.length} use NLP), Node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'unknown CPU'}\n`);
console.log(`${'what'.padEnd(width)}  ${'posts'.padStart(6)}  ${'time'.padStart(9)}  ${'posts/s'.padStart(8)}`);
for (const row of rows) {
  const seconds = row.seconds < 1 ? `${(row.seconds * 1000).toFixed(0)} ms` : `${row.seconds.toFixed(2)} s`;
  const rate = row.posts === 1 ? '–' : Math.round(row.posts / row.seconds).toLocaleString('en-GB');
  console.log(`${row.what.padEnd(width)}  ${row.posts.toLocaleString('en-GB').padStart(6)}  ${seconds.padStart(9)}  ${rate.padStart(8)}`);
}
