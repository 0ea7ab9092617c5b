// `npm run eval:real`: how often nhssm-check warns on real posts nobody labelled, as a check on
// false alarms beyond the labelled sets. Lints the health tweets in ../shared/corpora (when that
// folder is present) with the built-in rules, and prints how many got a warning or an error and
// which rules raised them. Tweets are counted, never printed.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { lint } from '../../src/core/lint.js';
import { loadRuleSet } from '../../src/rules/load.js';
import { CORPORA, corpusTexts } from '../helpers/corpora.js';
import { PROJECT_ROOT } from '../helpers/project.js';

const FOLDER = 'health-tweets-grfiv';
const MAX_POSTS = 4_000;

const files = (() => {
  try {
    return readdirSync(path.join(CORPORA, FOLDER)).filter((file) => file.endsWith('.csv')).sort();
  } catch {
    return [];
  }
})();
const posts = files.flatMap((file) => corpusTexts(path.join(FOLDER, file), 'content')).slice(0, MAX_POSTS);
if (posts.length === 0) {
  console.log(`No real posts to check: ${path.join(CORPORA, FOLDER)} is not here.`);
} else {
  const ruleSet = loadRuleSet({ cwd: PROJECT_ROOT });
  const byRule = new Map<string, number>();
  let flagged = 0;
  for (const post of posts) {
    const raised = new Set(lint(post, ruleSet).filter((finding) => finding.severity !== 'info').map((finding) => finding.ruleId));
    if (raised.size > 0) flagged += 1;
    for (const ruleId of raised) byRule.set(ruleId, (byRule.get(ruleId) ?? 0) + 1);
  }
  console.log(`Real posts: ${posts.length} health tweets from ${path.join(CORPORA, FOLDER)}, ${ruleSet.rules.length} rules`);
  console.log(`Posts with a warning or error: ${flagged} of ${posts.length} (${((flagged / posts.length) * 100).toFixed(1)}%)`);
  for (const [ruleId, count] of [...byRule].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) console.log(`  ${String(count).padStart(4)}  ${ruleId}`);
}
