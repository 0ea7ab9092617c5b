// The closed set of check kinds a rule can extend. A new kind is a reviewed code change; rule
// files only configure these.
import { combinationKind } from './combination.js';
import type { CheckKind } from './kind.js';
import { nlpKind } from './nlp.js';
import { patternKind } from './pattern.js';
import { phraseKind } from './phrase.js';
import { proximityKind } from './proximity.js';

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(
  [phraseKind, patternKind, proximityKind, combinationKind, nlpKind].map((kind) => [kind.name, kind]),
);

export const KIND_NAMES: readonly string[] = [...CHECK_KINDS.keys()];
