// The registry of output formats, by the name given to --format.
import { formatJson } from './json.js';
import type { Formatter } from './results.js';
import { formatStylish } from './stylish.js';

export const FORMATTERS: ReadonlyMap<string, Formatter> = new Map([
  ['stylish', formatStylish],
  ['json', formatJson],
]);
