// Validates YAML data against a published JSON Schema (ajv) and words every violation in plain
// English, with a "did you mean" for misspelt keys, at the data path where it occurred.
import type { ErrorObject, ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { closest, distance } from 'fastest-levenshtein';
import type { DataPath } from './yaml-file.js';

/** A schema violation at a path of the data; `atKey` when the key itself is wrong. */
export interface SchemaIssue {
  path: DataPath;
  message: string;
  atKey: boolean;
  /** For an unknown key: the known key it is probably a misspelling of. */
  guess?: string;
  /** For a missing required key: its name. */
  missing?: string;
}

/** The closest known name, when it is close enough to be a likely misspelling (and not the name itself). */
export function didYouMean(name: string, known: readonly string[]): string | undefined {
  if (known.length === 0) return undefined;
  const guess = closest(name, [...known]);
  if (guess === name) return undefined;
  return distance(name.toLowerCase(), guess.toLowerCase()) <= Math.max(1, Math.floor(name.length / 3)) ? guess : undefined;
}

/** Custom annotation keyword: a plain-English explanation used when a `pattern` does not match. */
export const PATTERN_HINT = 'x-pattern-hint';

function propertyNames(schema: unknown, names = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) {
    for (const item of schema) propertyNames(item, names);
  } else if (schema !== null && typeof schema === 'object') {
    for (const [key, value] of Object.entries(schema)) {
      if (key === 'properties' && value !== null && typeof value === 'object') {
        for (const name of Object.keys(value)) names.add(name);
      }
      propertyNames(value, names);
    }
  }
  return names;
}

function toPath(pointer: string): DataPath {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

function valueAt(data: unknown, path: DataPath): unknown {
  let value = data;
  for (const step of path) value = (value as Record<string | number, unknown> | undefined)?.[step];
  return value;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  array: 'a list',
  object: 'a mapping of keys to values',
  boolean: 'true or false',
  integer: 'a whole number',
  number: 'a number',
};

function typeWords(type: unknown): string {
  const types = Array.isArray(type) ? type : [type];
  return types.map((item) => TYPE_WORDS[String(item)] ?? String(item)).join(' or ');
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

export class SchemaChecker {
  private readonly validate: ValidateFunction;
  private readonly knownKeys: string[];

  constructor(schema: Record<string, unknown>) {
    const ajv = new Ajv2020({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    ajv.addKeyword({ keyword: PATTERN_HINT, schemaType: 'string' });
    this.validate = ajv.compile(schema);
    this.knownKeys = [...propertyNames(schema)];
  }

  check(data: unknown): SchemaIssue[] {
    if (this.validate(data)) return [];
    const issues: SchemaIssue[] = [];
    const seen = new Set<string>();
    const errors = this.validate.errors ?? [];
    for (const error of errors) {
      const issue = this.describe(error, data, errors);
      if (issue === undefined) continue;
      const key = `${issue.path.join('/')}|${issue.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      issues.push(issue);
    }
    // A misspelt key is reported once, as unknown, not also as the required key that is missing.
    const misspelt = new Set(issues.filter((issue) => issue.guess !== undefined).map((issue) => `${issue.path.slice(0, -1).join('/')}|${issue.guess}`));
    // When a value inside an object is wrong, the schema stops counting that object's other keys
    // as known ("leet: yes" would make "phrases" unknown too): report the real mistake only.
    const unknownKey = (issue: SchemaIssue) => issue.atKey && issue.message.startsWith('unknown key');
    const objectsWithMistakes = new Set(issues.filter((issue) => !unknownKey(issue)).flatMap((issue) => [issue.path.join('/'), issue.path.slice(0, -1).join('/')]));
    return issues.filter((issue) => {
      if (issue.missing !== undefined && misspelt.has(`${issue.path.join('/')}|${issue.missing}`)) return false;
      return !(unknownKey(issue) && this.knownKeys.includes(String(issue.path[issue.path.length - 1])) && objectsWithMistakes.has(issue.path.slice(0, -1).join('/')));
    });
  }

  private unknownKey(path: DataPath, key: string): SchemaIssue {
    const guess = didYouMean(key, this.knownKeys);
    return { path: [...path, key], message: `unknown key "${key}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}`, atKey: true, ...(guess === undefined ? {} : { guess }) };
  }

  private describe(error: ErrorObject, data: unknown, all: ErrorObject[]): SchemaIssue | undefined {
    const path = toPath(error.instancePath);
    const value = valueAt(data, path);
    const params = error.params as Record<string, unknown>;
    const schema = error.parentSchema as Record<string, unknown> | undefined;
    switch (error.keyword) {
      case 'unevaluatedProperties':
        return this.unknownKey(path, String(params.unevaluatedProperty));
      case 'additionalProperties':
        return this.unknownKey(path, String(params.additionalProperty));
      case 'required': {
        const missing = String(params.missingProperty);
        return { path, message: `missing required key "${missing}"`, atKey: false, missing };
      }
      case 'enum': {
        const allowed = (params.allowedValues as unknown[]).map(String).join(', ');
        return { path, message: `${show(value)} is not allowed here; use one of: ${allowed}`, atKey: false };
      }
      case 'const':
        return { path, message: `must be ${show(params.allowedValue)}`, atKey: false };
      case 'type':
        return { path, message: `should be ${typeWords(params.type)}, not ${show(value)}`, atKey: false };
      case 'minItems': {
        const limit = Number(params.limit);
        return { path, message: `needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`, atKey: false };
      }
      case 'maxItems':
        return { path, message: `allows at most ${String(params.limit)} entries`, atKey: false };
      case 'minLength':
        return { path, message: 'must not be empty', atKey: false };
      case 'maxLength':
        return { path, message: `must be at most ${String(params.limit)} characters long`, atKey: false };
      case 'minimum':
      case 'maximum':
        return { path, message: `must be ${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`, atKey: false };
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
        return { path, message: `must be ${error.keyword === 'exclusiveMinimum' ? 'more' : 'less'} than ${String(params.limit)}`, atKey: false };
      case 'minProperties': {
        const limit = Number(params.limit);
        return { path, message: `needs at least ${limit} ${limit === 1 ? 'entry' : 'entries'}`, atKey: false };
      }
      case 'pattern': {
        const hint = schema?.[PATTERN_HINT];
        if (error.propertyName !== undefined) {
          const name = error.propertyName;
          return { path: [...path, name], message: `the name "${name}" is not valid${typeof hint === 'string' ? `: ${hint}` : ''}`, atKey: true };
        }
        return { path, message: `${show(value)} is not valid here${typeof hint === 'string' ? `: ${hint}` : ''}`, atKey: false };
      }
      case 'propertyNames':
        return undefined; // reported through the nested error about the name itself
      case 'if':
        return undefined; // the failing "then" branch reports the real problem
      case 'anyOf':
      case 'oneOf': {
        const deeper = all.some((other) => other !== error && other.instancePath.startsWith(error.instancePath) && other.keyword !== error.keyword);
        return deeper ? undefined : { path, message: 'does not match any of the allowed forms', atKey: false };
      }
      default:
        return { path, message: error.message ?? 'is not valid', atKey: false };
    }
  }
}
