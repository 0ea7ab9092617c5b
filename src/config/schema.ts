// The JSON Schema of a trust's configuration file (.nhssm.yaml). The same schema validates
// configuration at load time and is published as rules/config.schema.json for editors.
import { DAY_PATTERN, POST_CONTEXT_SCHEMA } from '../post/context-schema.js';
import { LIST_ADDITIONS_SCHEMA, RULE_ID_PATTERN } from '../rules/schema.js';
import { PATTERN_HINT } from '../yaml/schema-check.js';

/** The name under which `extends` refers to the national pack shipped with nhssm-check. */
export const RECOMMENDED_PACK = 'nhssm:recommended';

/** A rule's severity as a configuration sets it; `off` switches the rule off. */
export const RULE_SETTINGS = ['off', 'info', 'warning', 'error'] as const;
export type RuleSetting = (typeof RULE_SETTINGS)[number];

const RULES = {
  type: 'object',
  description: 'Rule severities by rule id: off, info, warning or error. A rule\'s own context changes (see --explain) still apply.',
  propertyNames: { pattern: RULE_ID_PATTERN, [PATTERN_HINT]: 'rule ids are lower-case words joined by hyphens, e.g. nhs-number' },
  additionalProperties: { enum: [...RULE_SETTINGS] },
};

const CONTEXT = {
  type: 'object',
  description: 'The context of the posts this applies to, unless a flag or the post\'s own front matter says otherwise.',
  properties: { account: POST_CONTEXT_SCHEMA.properties.account, platform: POST_CONTEXT_SCHEMA.properties.platform },
  additionalProperties: false,
};

const nonEmptyText = (description: string) => ({ type: 'string', minLength: 1, description });

/** The JSON Schema of a configuration file. */
export function configFileSchema(): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'nhssm-check configuration (.nhssm.yaml)',
    description: 'A trust\'s configuration: which rule packs to use, rule severities, local term lists, allowed terms, pre-election windows and settings by file.',
    type: 'object',
    properties: {
      extends: {
        type: ['string', 'array'],
        description: `The rule packs to use, in order: ${RECOMMENDED_PACK} (the national pack) and paths to local rule files or folders, relative to this file. Without it, the national pack alone; a list without ${RECOMMENDED_PACK} leaves the national rules out.`,
        minLength: 1,
        items: { type: 'string', minLength: 1 },
        minItems: 1,
      },
      rules: RULES,
      lists: { ...LIST_ADDITIONS_SCHEMA, description: 'Terms added to the named lists of the rule packs, e.g. confidential-projects or care-places.' },
      allow: {
        type: 'array',
        description: 'Terms that are never reported, each with the reason it is allowed.',
        items: {
          type: 'object',
          properties: {
            term: nonEmptyText('A word, phrase, number or account that is fine to post, e.g. the switchboard number.'),
            reason: nonEmptyText('Why it is allowed, for whoever reviews this configuration.'),
          },
          required: ['term', 'reason'],
          additionalProperties: false,
        },
      },
      election_windows: {
        type: 'array',
        description: 'Pre-election periods; a post published inside one is checked more strictly.',
        items: {
          type: 'object',
          properties: {
            name: nonEmptyText('The election, as shown in findings, e.g. General election 2029.'),
            start: { type: 'string', pattern: DAY_PATTERN, [PATTERN_HINT]: 'write a date as YYYY-MM-DD', description: 'First day of the period (YYYY-MM-DD).' },
            end: { type: 'string', pattern: DAY_PATTERN, [PATTERN_HINT]: 'write a date as YYYY-MM-DD', description: 'Last day of the period (YYYY-MM-DD).' },
          },
          required: ['name', 'start', 'end'],
          additionalProperties: false,
        },
      },
      context: CONTEXT,
      overrides: {
        type: 'array',
        description: 'Settings for some files only; the later of two matching overrides wins.',
        items: {
          type: 'object',
          properties: {
            files: {
              type: 'array',
              description: 'Glob patterns, relative to this file, e.g. corporate/**/*.md.',
              items: { type: 'string', minLength: 1 },
              minItems: 1,
            },
            rules: RULES,
            context: CONTEXT,
          },
          required: ['files'],
          additionalProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}
