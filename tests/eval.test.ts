// The labelled evaluation set itself: readable, big enough, balanced between risky and clean
// posts, with every category represented, and run with its own trust configuration (the scores
// are printed by `npm run eval`).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../src/types.js';
import { evalSettings, readEvalSet } from './eval/eval-set.js';
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
