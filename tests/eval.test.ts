// The labelled evaluation set itself: readable, big enough, balanced between risky and clean
// posts, with every category represented, and run with its own trust configuration (the scores
// are printed by `npm run eval`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../src/types.js';
import { evalSettings, readEvalSet, type CategoryScore, type EvalReport } from './eval/eval-set.js';
import { meetsTargets, tooFewToJudge } from './eval/targets.js';
import { FIXTURES, PROJECT_ROOT } from './helpers/project.js';

const folder = path.join(FIXTURES, 'eval');
const posts = readEvalSet(folder);

describe('the evaluation set', () => {
  it('has at least 250 posts, about half of them clean', () => {
    expect(posts.length).toBeGreaterThanOrEqual(250);
    const clean = posts.filter((post) => post.labels.length === 0).length;
    expect(clean / posts.length).toBeGreaterThan(0.4);
  });

  it.each([...CATEGORIES])('has at least 25 posts labelled %s', (category) => {
    expect(posts.filter((post) => post.labels.includes(category)).length).toBeGreaterThanOrEqual(25);
  });

  it('runs with its config.yaml, loaded as a trust\'s .nhssm.yaml is', () => {
    const settings = evalSettings(folder, PROJECT_ROOT)(posts[0] as (typeof posts)[number]);
    expect(settings.config?.file).toBe(path.join(folder, 'config.yaml'));
    expect(settings.config?.recommended).toBe(true);
    expect(settings.context.electionWindows?.map((window) => window.name)).toEqual(['General election 2029', 'Local elections 2027']);
    expect(settings.context.publishAt).toBeUndefined();
  });

  it('has at least 20 clean posts in each file', () => {
    for (const file of new Set(posts.map((post) => post.file))) {
      expect(posts.filter((post) => post.file === file && post.labels.length === 0).length, file).toBeGreaterThanOrEqual(20);
    }
  });
});

describe('reading a set written by someone else', () => {
  it('scores what it can and reports what it cannot use: unknown labels, context values, a config for another version', () => {
    const folder = mkdtempSync(path.join(os.tmpdir(), 'nhssm-eval-'));
    writeFileSync(path.join(folder, 'config.yaml'), 'election_windows:\n  - {name: GE, start: 2029-04-23, end: 2029-05-31}\nkey_from_elsewhere: true\n');
    writeFileSync(
      path.join(folder, 'posts.yaml'),
      '- id: a\n  text: "Vote for the Greens on Thursday!"\n  labels: [political, gossip]\n  context: {account: corporate, platform: twitter, publish_at: 2029-05-10, mood: cheerful}\n- text: "hello"\n  labels: []\n- id: c\n  labels: []\n',
    );
    const warnings: string[] = [];
    const read = readEvalSet(folder, (message) => warnings.push(message));
    expect(read.map((post) => [post.id, post.labels, post.context])).toEqual([
      ['a', ['political'], { account: 'corporate', platform: 'x', publishAt: '2029-05-10' }],
      ['posts.yaml#2', [], {}],
    ]);
    const settings = evalSettings(folder, PROJECT_ROOT, (message) => warnings.push(message))(read[0] as (typeof read)[number]);
    expect(settings.context.electionWindows).toEqual([{ name: 'GE', start: '2029-04-23', end: '2029-05-31' }]);
    expect(warnings).toEqual([
      'posts.yaml: post a: unknown label gossip; not scored',
      'posts.yaml: post a: context mood: unknown key "mood"; left out',
      'posts.yaml: post c has no text; skipped',
      expect.stringMatching(/^config\.yaml cannot be used as a configuration \(.*unknown key "key_from_elsewhere"\); scoring with the national pack and its election windows$/),
    ]);
    rmSync(folder, { recursive: true, force: true });
  });
});

describe('judging a report against the targets', () => {
  const score = (category: CategoryScore['category'], truePositives: number, falseNegatives: number, falsePositives = 0): CategoryScore => ({
    category,
    truePositives,
    falseNegatives,
    falsePositives,
    recall: truePositives + falseNegatives === 0 ? undefined : truePositives / (truePositives + falseNegatives),
    precision: truePositives + falsePositives === 0 ? undefined : truePositives / (truePositives + falsePositives),
  });
  const report = (categories: CategoryScore[], cleanFlagged = 0): EvalReport => ({ posts: 100, cleanPosts: 50, cleanFlagged, categories, outcomes: [] });

  it('judges a category only on ten or more labelled posts, and says which it could not judge', () => {
    const small = report([score('patient-identifiable', 19, 1), score('canteen', 0, 1), score('political', 0, 0)]);
    expect(tooFewToJudge(small)).toEqual(['canteen']);
    expect(meetsTargets(small)).toEqual([]);
    const missed = report([score('patient-identifiable', 19, 1), score('canteen', 0, 10)]);
    expect(meetsTargets(missed)).toEqual(['canteen recall 0.0% < 85%', 'canteen precision: nothing flagged']);
  });

  it('names each target missed: patient-identifiable recall, another category\'s precision, clean posts flagged', () => {
    const poor = report([score('patient-identifiable', 18, 2), score('political', 10, 0, 3)], 3);
    expect(meetsTargets(poor)).toEqual(['patient-identifiable recall 90.0% < 95%', 'political precision 76.9% < 85%', 'clean posts flagged 6.0% > 5%']);
  });
});
