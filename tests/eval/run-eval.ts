// `npm run eval [-- folder] [--details] [--check]`: scores nhssm-check on a labelled set
// (fixtures/eval by default) with the set's config.yaml, and prints per-category precision and
// recall and the share of clean posts flagged. --details lists every miss and false alarm;
// --check exits 1 below the targets.
import path from 'node:path';
import { PROJECT_ROOT } from '../helpers/project.js';
import { evalSettings, readEvalSet, scoreEvalSet, type EvalReport } from './eval-set.js';
import { meetsTargets, TARGETS, tooFewToJudge } from './targets.js';

const args = process.argv.slice(2);
const folder = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? path.join(PROJECT_ROOT, 'fixtures', 'eval'));
const warn = (message: string) => console.error(`warning: ${message}`);
const posts = readEvalSet(folder, warn);
const settingsFor = evalSettings(folder, process.cwd(), warn);
// Reading the configuration and compiling the rules happen here, before the timed part.
const ruleCounts = [...new Set(posts.map((post) => settingsFor(post).ruleSet.rules.length))].join(' or ');
const started = performance.now();
const report = scoreEvalSet(posts, settingsFor);
const seconds = (performance.now() - started) / 1000;

const percent = (value: number | undefined) => (value === undefined ? '   –  ' : `${(value * 100).toFixed(1).padStart(5)}%`);
console.log(`Evaluation set: ${path.relative(process.cwd(), folder) || '.'} (${report.posts} posts, ${report.cleanPosts} clean), ${ruleCounts} rules, ${seconds.toFixed(2)} s\n`);
console.log('category               labelled  flagged  precision  recall');
for (const score of report.categories) {
  const labelled = score.truePositives + score.falseNegatives;
  const flagged = score.truePositives + score.falsePositives;
  console.log(`${score.category.padEnd(22)} ${String(labelled).padStart(8)} ${String(flagged).padStart(8)}    ${percent(score.precision)}  ${percent(score.recall)}`);
}
console.log(`\nClean posts flagged (warning or error): ${report.cleanFlagged} of ${report.cleanPosts} (${percent(report.cleanPosts === 0 ? undefined : report.cleanFlagged / report.cleanPosts).trim()})`);

const failures = meetsTargets(report);
console.log(`\nTargets: ${TARGETS.description}`);
const unjudged = tooFewToJudge(report);
if (unjudged.length > 0) console.log(`Too few labelled posts to judge: ${unjudged.join(', ')}`);
console.log(failures.length === 0 ? 'All targets met.' : `Below target:\n${failures.map((failure) => `  - ${failure}`).join('\n')}`);

if (args.includes('--details')) printDetails(report);
if (args.includes('--check') && failures.length > 0) process.exitCode = 1;

function printDetails(evalReport: EvalReport): void {
  for (const { post, raised, findings } of evalReport.outcomes) {
    const missed = post.labels.filter((label) => !raised.includes(label));
    const extra = raised.filter((category) => !post.labels.includes(category));
    if (missed.length === 0 && extra.length === 0) continue;
    console.log(`\n${post.file} ${post.id}: ${missed.length > 0 ? `missed ${missed.join(', ')}` : ''}${missed.length > 0 && extra.length > 0 ? '; ' : ''}${extra.length > 0 ? `false alarm ${extra.join(', ')}` : ''}`);
    console.log(`  ${post.text.replace(/\n/g, '\n  ')}`);
    for (const finding of findings.filter((candidate) => extra.includes(candidate.category))) console.log(`  > ${finding.ruleId} (${finding.severity}): ${finding.excerpt}`);
  }
}
