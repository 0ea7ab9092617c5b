// Builds the JSON Schema for rule files from the check kinds. The same schema validates rule
// files at load time and is published as rules/rule-file.schema.json for editor autocompletion.
import { CHECK_KINDS } from '../checks/index.js';
import { UNLESS_SCHEMA } from '../checks/matcher.js';
import { DATE_PATTERN, POST_CONTEXT_SCHEMA } from '../post/context-schema.js';
import { CATEGORIES, PLATFORMS, SEVERITIES } from '../types.js';
import { PATTERN_HINT } from '../yaml/schema-check.js';
import { LOOK_IN } from './model.js';

export const RULE_ID_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
const RULE_ID_HINT = 'rule ids are lower-case words joined by hyphens, e.g. nhs-number';

const text = (description: string) => ({ type: 'string', minLength: 1, description });

/** Terms added to named lists, as a trust's configuration adds them (`lists:` in .nhssm.yaml). */
export const LIST_ADDITIONS_SCHEMA = {
  type: 'object',
  propertyNames: { pattern: RULE_ID_PATTERN, [PATTERN_HINT]: 'list names are lower-case words joined by hyphens' },
  additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
};

const DATE = { type: 'string', pattern: DATE_PATTERN, [PATTERN_HINT]: 'write a date as YYYY-MM-DD' };

/** An example's context: what a post's front matter may say, plus the pre-election windows a trust would configure. */
const EXAMPLE_CONTEXT = {
  ...POST_CONTEXT_SCHEMA,
  properties: {
    ...POST_CONTEXT_SCHEMA.properties,
    election_windows: {
      type: 'array',
      description: 'Pre-election windows, as a trust configures them, so that an example can be published inside one.',
      items: {
        type: 'object',
        properties: { name: text('The election.'), start: { ...DATE, description: 'First day of the window.' }, end: { ...DATE, description: 'Last day of the window.' } },
        required: ['name', 'start', 'end'],
        additionalProperties: false,
      },
      minItems: 1,
    },
  },
};

const EXAMPLE = {
  type: ['string', 'object'],
  description: 'An example post, or {text, context, lists} for a post with context or with terms a trust adds to a list.',
  properties: {
    text: text('The post.'),
    context: EXAMPLE_CONTEXT,
    lists: { ...LIST_ADDITIONS_SCHEMA, description: 'Terms a trust adds to named lists in its configuration, for this example: how a rule whose list starts empty is shown at work.' },
  },
  required: ['text'],
  additionalProperties: false,
};

const CONDITION = {
  type: 'object',
  description: 'The post context this change applies to; every key given must hold.',
  properties: {
    account: { enum: ['personal', 'corporate'] },
    platform: { type: 'array', items: { enum: [...PLATFORMS] }, minItems: 1 },
    consent: { type: 'boolean', description: 'Whether consent is recorded in the post front matter.' },
    in_election_window: { type: 'boolean', description: 'Whether the post is published inside a configured pre-election window.' },
    has_images: { type: 'boolean', description: 'Whether images are attached.' },
  },
  additionalProperties: false,
  minProperties: 1,
};

export const WHEN_SCHEMA = {
  type: 'array',
  description: 'Severity changes by post context; the first whose condition holds applies.',
  items: {
    type: 'object',
    properties: {
      if: CONDITION,
      severity: { enum: [...SEVERITIES, 'off'] },
      note: text('Added to the message when this change applies; may use {{consent}}, {{account}}, {{platform}}, {{election}}.'),
    },
    required: ['if', 'severity'],
    additionalProperties: false,
  },
};

const REFERENCE = {
  type: 'object',
  properties: {
    source: { type: 'string', pattern: '^[A-Z][A-Z0-9-]*$', [PATTERN_HINT]: 'use a source key defined under `sources:`, e.g. GMC-SM-2024', description: 'A source key defined under `sources:`.' },
    section: text('The section heading, or a paragraph number the source marks as verified.'),
    url: { type: 'string', pattern: '^https://', [PATTERN_HINT]: 'links must start with https://', description: 'A link to the section, when known.' },
  },
  required: ['source', 'section'],
  additionalProperties: false,
};

/** The keys every rule may have, whatever its kind; the rest are the kind's own parameters. */
export function commonRuleKeys(): ReadonlySet<string> {
  return new Set(Object.keys(commonRuleProperties()));
}

function commonRuleProperties(): Record<string, unknown> {
  return {
    id: { type: 'string', pattern: RULE_ID_PATTERN, [PATTERN_HINT]: RULE_ID_HINT, description: 'A stable, unique id.' },
    category: { enum: [...CATEGORIES], description: 'The policy area.' },
    severity: { enum: [...SEVERITIES], description: 'error: must not be posted; warning: a person should review it; info: a reminder.' },
    message: text('What was found, in plain English; may use {{match}} and the kind\'s placeholders.'),
    rationale: text('Why the policy asks for this, in plain English.'),
    suggestion: text('What to do instead.'),
    references: { type: 'array', items: REFERENCE, minItems: 1, description: 'The policy this rule enforces.' },
    kind: { enum: [...CHECK_KINDS.keys()], description: 'The check kind that finds problems.' },
    examples: {
      type: 'object',
      description: 'Posts this rule must flag and must pass; they run as tests and appear in the docs.',
      properties: {
        flag: { type: 'array', items: EXAMPLE, minItems: 2 },
        pass: { type: 'array', items: EXAMPLE, minItems: 2 },
      },
      required: ['flag', 'pass'],
      additionalProperties: false,
    },
    when: WHEN_SCHEMA,
    unless: { type: 'array', items: UNLESS_SCHEMA, minItems: 1, description: 'Exceptions: a match with one of these nearby is not reported.' },
    in: { enum: [...LOOK_IN], description: "Where to look: the post's text, its images' alt text, or both (default)." },
  };
}

/** The JSON Schema of a rule file. */
export function ruleFileSchema(): Record<string, unknown> {
  const kindBranches: Array<Record<string, unknown>> = [...CHECK_KINDS.values()].map((kind) => ({
    if: { properties: { kind: { const: kind.name } }, required: ['kind'] },
    then: { properties: kind.properties, ...(kind.required.length > 0 ? { required: [...kind.required] } : {}) },
  }));
  // With an unknown kind, its keys cannot be checked: report the kind alone, not every key.
  kindBranches.push({
    if: { properties: { kind: { not: { enum: [...CHECK_KINDS.keys()] } } }, required: ['kind'] },
    then: { additionalProperties: true },
  });
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'nhssm-check rule file',
    description: 'Policy sources, term lists and rules for nhssm-check.',
    type: 'object',
    properties: {
      sources: {
        type: 'object',
        description: 'Policy sources, by key.',
        propertyNames: { pattern: '^[A-Z][A-Z0-9-]*$', [PATTERN_HINT]: 'source keys are capitals, digits and hyphens, e.g. GMC-SM-2024' },
        additionalProperties: {
          type: 'object',
          properties: {
            title: text('The title as printed in findings.'),
            url: { type: 'string', pattern: '^https://', [PATTERN_HINT]: 'links must start with https://' },
            verified: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Paragraph or section numbers seen in the source itself: only these may be cited by number.' },
          },
          required: ['title'],
          additionalProperties: false,
        },
      },
      lists: {
        type: 'object',
        description: 'Named term lists that rules use through `lists:` (or `regex_list:`); a list may start empty for a trust to fill.',
        propertyNames: { pattern: RULE_ID_PATTERN, [PATTERN_HINT]: 'list names are lower-case words joined by hyphens' },
        additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 } },
      },
      defaults: {
        type: 'object',
        description: 'Applied to every rule in this file.',
        properties: { when: WHEN_SCHEMA },
        additionalProperties: false,
      },
      rules: {
        type: 'array',
        items: {
          type: 'object',
          properties: commonRuleProperties(),
          required: ['id', 'category', 'severity', 'message', 'rationale', 'suggestion', 'references', 'kind', 'examples'],
          allOf: kindBranches,
          unevaluatedProperties: false,
        },
      },
    },
    additionalProperties: false,
  };
}
