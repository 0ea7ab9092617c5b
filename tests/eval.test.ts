// The labelled evaluation set itself: readable, big enough, balanced between risky and clean
// posts, with every category represented (the scores are printed by `npm run eval`).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATEGORIES } from '../src/types.js';
import { readEvalSet } from './eval/eval-set.js';
import { FIXTURES } from './helpers/project.js';

const { posts } = readEvalSet(path.join(FIXTURES, 'eval'));

describe('the evaluation set', () => {
  it('has at least 250 posts, about half of them clean', () => {
    expect(posts.length).toBeGreaterThanOrEqual(250);
    const clean = posts.filter((post) => post.labels.length === 0).length;
    expect(clean / posts.length).toBeGreaterThan(0.4);
  });

  it.each([...CATEGORIES])('has at least 25 posts labelled %s', (category) => {
    expect(posts.filter((post) => post.labels.includes(category)).length).toBeGreaterThanOrEqual(25);
  });

  it('has at least 20 clean posts in each file', () => {
    for (const file of new Set(posts.map((post) => post.file))) {
      expect(posts.filter((post) => post.file === file && post.labels.length === 0).length, file).toBeGreaterThanOrEqual(20);
    }
  });
});
