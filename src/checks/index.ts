// The closed set of check kinds a rule can extend. A new kind is a reviewed code change; rule
// files only configure these.
import { combinationKind } from './combination.js';
import { altTextKind } from './alt-text.js';
import { capitalsKind } from './capitals.js';
import { countKind } from './count.js';
import { hashtagCaseKind } from './hashtag-case.js';
import type { CheckKind } from './kind.js';
import { lengthKind } from './length.js';
import { nlpKind } from './nlp.js';
import { patternKind } from './pattern.js';
import { phraseKind } from './phrase.js';
import { proximityKind } from './proximity.js';
import { readingEaseKind } from './reading-ease.js';
import { sentenceLengthKind } from './sentence-length.js';

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(
  [phraseKind, patternKind, proximityKind, combinationKind, nlpKind, hashtagCaseKind, capitalsKind, countKind, lengthKind, sentenceLengthKind, readingEaseKind, altTextKind].map((kind) => [kind.name, kind]),
);
