// The `pattern` check kind: a regular expression over the folded post, optionally confirmed by a
// named validator (e.g. the NHS modulus-11 check) and reporting one named group of the match.
import { compileRuleRegex, slowMatchingProblem } from '../core/regex.js';
import { VALIDATOR_NAMES, VALIDATORS } from '../validators/index.js';
import { compilePhrases, withoutExceptions } from './phrase.js';
import { CompileError, unknownListMessage, type Check, type CheckKind, type CompileEnv, type Match, type MatchValue } from './kind.js';

/** Names of the named groups in a regex source. */
export function groupNames(source: string): string[] {
  return [...source.matchAll(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g)].map((found) => found[1] as string);
}

/** The placeholders a pattern fills besides {{match}}: its named groups and its validator's values. */
export function patternPlaceholders(params: Record<string, unknown>): string[] {
  const validatorName = params.validator as string | undefined;
  const fromValidator = validatorName === undefined ? [] : (VALIDATORS[validatorName]?.placeholders ?? []);
  return [...groupNames(String(params.regex ?? '')), ...fromValidator];
}

/**
 * The regex source of a pattern: its own `regex`, or the entries of the named `regex_list`
 * (each a whole word or code, e.g. a trust's hospital-number formats) as alternatives.
 */
function patternSource(params: Record<string, unknown>, env: CompileEnv | undefined, path: ReadonlyArray<string | number>): string {
  const listName = params.regex_list as string | undefined;
  if ((params.regex === undefined) === (listName === undefined)) throw new CompileError(path, 'give exactly one of "regex" or "regex_list"');
  if (listName === undefined) return params.regex as string;
  const entries = env?.list(listName);
  if (entries === undefined) throw new CompileError([...path, 'regex_list'], unknownListMessage(listName));
  // A list can be extended by a trust's configuration, so its entries are always checked, built-in or not.
  const flags = params.case_sensitive === true ? 'gu' : 'giu';
  for (const [index, entry] of entries.entries()) {
    const where = `entry ${index + 1} of list "${listName}"`;
    try {
      compileRuleRegex(entry, flags, [...path, 'regex_list']);
    } catch (error) {
      if (error instanceof CompileError) throw new CompileError(error.path, `${where}: ${error.message}`);
      throw error;
    }
    const problem = slowMatchingProblem(entry, flags);
    if (problem !== undefined) throw new CompileError([...path, 'regex_list'], `${where} could hang the linter: ${problem}`);
  }
  // An empty list (a trust has not added its formats yet) matches nothing.
  return entries.length === 0 ? '(?!)' : `(?<![\\p{L}\\p{N}])(?:${entries.map((entry) => `(?:${entry})`).join('|')})(?![\\p{L}\\p{N}])`;
}

/** Compiles pattern parameters into a check; also used for `regex` matchers inside other kinds. */
export function compilePattern(params: Record<string, unknown>, path: ReadonlyArray<string | number> = [], env?: CompileEnv): Check {
  const source = patternSource(params, env, path);
  const report = params.report as string | undefined;
  const groups = groupNames(source);
  const flags = `${params.case_sensitive === true ? '' : 'i'}${report === undefined && groups.length === 0 ? '' : 'd'}gu`;
  const regex = compileRuleRegex(source, flags, [...path, params.regex === undefined ? 'regex_list' : 'regex']);
  if (report !== undefined && !groups.includes(report)) {
    throw new CompileError([...path, 'report'], `the regex has no named group "${report}" to report`);
  }
  const validatorName = params.validator as string | undefined;
  const validator = validatorName === undefined ? undefined : VALIDATORS[validatorName]?.validate;
  const exceptionList = params.exceptions as string[] | undefined;
  const exceptions = exceptionList === undefined ? undefined : compilePhrases(exceptionList, { caseSensitive: false, leet: false, spaced: false });

  return (doc) => {
    const matches: Match[] = [];
    regex.lastIndex = 0;
    for (const found of doc.text.matchAll(regex)) {
      if (found[0] === '') continue;
      let start = found.index;
      let end = start + found[0].length;
      const data: Record<string, MatchValue> = {};
      for (const name of groups) {
        const span = found.indices?.groups?.[name];
        if (span !== undefined) data[name] = { start: span[0], end: span[1] };
      }
      if (report !== undefined) {
        const span = found.indices?.groups?.[report];
        if (span === undefined || span[1] === span[0]) continue;
        [start, end] = span;
      }
      if (validator !== undefined) {
        const result = validator(doc.text.slice(start, end));
        if (!result.valid) continue;
        Object.assign(data, result.data);
      }
      matches.push({ start, end, data });
    }
    return withoutExceptions(matches, exceptions, doc.text);
  };
}

export const patternKind: CheckKind = {
  name: 'pattern',
  description: 'Flags text matching a regular expression, optionally confirmed by a named validator such as the NHS modulus-11 check.',
  properties: {
    regex: { type: 'string', minLength: 1, description: 'A JavaScript regular expression (Unicode mode), matched against the folded text of the post.' },
    regex_list: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$', description: 'Instead of regex: the name of a list whose entries are regular expressions for whole words or codes (e.g. local hospital-number formats).' },
    case_sensitive: { type: 'boolean', description: 'Match letter case exactly (default: false).' },
    validator: { enum: VALIDATOR_NAMES, description: 'A named check the matched text must pass.' },
    report: { type: 'string', description: 'Report only this named group of the match (e.g. the number after its cue).' },
    exceptions: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1, description: 'Phrases inside which a match is fine.' },
  },
  required: [],
  placeholders: (params) => ['match', ...patternPlaceholders(params)],
  usesNlp: () => false,
  compile: (params, env) => compilePattern(params, [], env),
};
