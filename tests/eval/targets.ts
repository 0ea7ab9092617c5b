// The accuracy targets the project has set itself (issues #3 and #4), checked by `npm run eval`
// and by tests/eval.test.ts.
import type { Category } from '../../src/types.js';
import type { EvalReport } from './eval-set.js';

export const TARGETS = {
  description: 'patient-identifiable recall ≥ 95% and precision ≥ 90%; every other category recall ≥ 85% and precision ≥ 85%; clean posts flagged ≤ 5%; a category is judged on 10 or more labelled posts',
  patientIdentifiable: { recall: 0.95, precision: 0.9 },
  otherCategories: { recall: 0.85, precision: 0.85 },
  cleanFlagged: 0.05,
  /** A category with fewer labelled posts than this is scored but not judged: one post is 0% or 100%. */
  minimumLabelled: 10,
};

/** Categories scored on too few labelled posts to judge against the targets. */
export function tooFewToJudge(report: EvalReport): Category[] {
  return report.categories
    .filter((score) => score.truePositives + score.falseNegatives > 0 && score.truePositives + score.falseNegatives < TARGETS.minimumLabelled)
    .map((score) => score.category);
}

/** What falls short of the targets, in words; empty when all are met. */
export function meetsTargets(report: EvalReport, categories?: readonly Category[]): string[] {
  const failures: string[] = [];
  const unjudged = tooFewToJudge(report);
  for (const score of report.categories) {
    if (categories !== undefined && !categories.includes(score.category)) continue;
    if (unjudged.includes(score.category)) continue;
    const target = score.category === 'patient-identifiable' ? TARGETS.patientIdentifiable : TARGETS.otherCategories;
    if (score.recall !== undefined && score.recall < target.recall) failures.push(`${score.category} recall ${(score.recall * 100).toFixed(1)}% < ${target.recall * 100}%`);
    if (score.precision !== undefined && score.precision < target.precision) failures.push(`${score.category} precision ${(score.precision * 100).toFixed(1)}% < ${target.precision * 100}%`);
    // A category with labelled posts and nothing flagged has no precision, but has missed them all.
    if (score.recall !== undefined && score.precision === undefined) failures.push(`${score.category} precision: nothing flagged`);
  }
  const share = report.cleanPosts === 0 ? 0 : report.cleanFlagged / report.cleanPosts;
  if (share > TARGETS.cleanFlagged) failures.push(`clean posts flagged ${(share * 100).toFixed(1)}% > ${TARGETS.cleanFlagged * 100}%`);
  return failures;
}
