// The check kinds, one by one, on small rule sets written for the test: phrase tolerance and
// boundaries, patterns with validators and reported groups, proximity and `unless`, and NLP.
import { describe, expect, it } from 'vitest';
import { compilePhrases } from '../src/checks/phrase.js';
import { lint } from '../src/core/lint.js';
import { isNlpLoaded } from '../src/nlp/compromise.js';
import { DEFAULT_CONTEXT } from '../src/types.js';
import { ruleSetFromYaml } from './helpers/project.js';

const COMMON = `
    category: canteen
    severity: warning
    message: "'{{match}}' found."
    rationale: A rule written for the check-kind tests, to exercise one kind at a time.
    suggestion: Nothing to do; this is a test.
    references: [{source: NHSEMP-HRSM-2013, section: Key points}]
    examples: {flag: [a, b], pass: [c, d]}`;

function rule(id: string, body: string): string {
  return `rules:\n  - id: ${id}${COMMON}\n${body.replace(/^/gm, '    ')}\n`;
}

function matches(yaml: string, text: string): string[] {
  return lint(text, ruleSetFromYaml({ 'test.yaml': yaml }), DEFAULT_CONTEXT).map((finding) => finding.excerpt);
}

describe('phrase', () => {
  const yaml = rule('bed-blocker', 'kind: phrase\nphrases: [bed blocker, "frequent flyer", baby]');

  it('ignores case, and accepts plurals, possessives, hyphens and curly apostrophes', () => {
    expect(matches(yaml, 'Bed Blockers everywhere')).toEqual(['Bed Blockers']);
    expect(matches(yaml, "the bed-blocker's family")).toEqual(["bed-blocker's"]);
    expect(matches(yaml, 'FREQUENT FLYERS again')).toEqual(['FREQUENT FLYERS']);
    expect(matches(yaml, 'two babies, the baby’s cot')).toEqual(['babies', 'baby’s']);
  });

  it('adds "es" for a plural only after s, x, z, ch, sh or o, and never to an acronym', () => {
    const plurals = rule('plurals', 'kind: phrase\nphrases: [SHO, HCA, rat, grass, torch]');
    expect(matches(plurals, "two SHOs, the HCA's break, new shoes")).toEqual(['SHOs', "HCA's"]);
    expect(matches(plurals, "rats, rat's, grasses, torches, but not rates")).toEqual(['rats', "rat's", 'grasses', 'torches']);
  });

  it('keeps positions when lower-casing would change the length of the text (İ)', () => {
    // lint() folds İ to I before any check runs; the finder on its own must still be right.
    const find = compilePhrases(['bed blocker', 'frequent flyer'], { caseSensitive: false, leet: false, spaced: false });
    const text = 'İİ Bed Blocker and İ frequent flyer';
    expect(find(text).map((match) => text.slice(match.start, match.end))).toEqual(['Bed Blocker', 'frequent flyer']);
    expect(matches(yaml, 'İİ Bed Blocker')).toEqual(['Bed Blocker']);
  });

  it('puts a word boundary only on an edge that is a letter or a digit', () => {
    const symbols = rule('symbols', 'kind: phrase\nphrases: ["%", "🙄", "offer!", Dr., "0%"]');
    expect(matches(symbols, 'We hit 58% last month')).toEqual(['%']);
    expect(matches(symbols, 'again🙄 and special offer! now')).toEqual(['🙄', 'offer!']);
    expect(matches(symbols, 'Drake met Dr Jones; 10% or 0% rise')).toEqual(['Dr', '%', '0%']);
  });

  it('matches whole words only', () => {
    expect(matches(yaml, 'bed blockerage, frequent flyerman, babysitter')).toEqual([]);
  });

  it('sees through zero-width characters and look-alike letters, and reports the original text', () => {
    expect(matches(yaml, 'bed bl\u200Bocker')).toEqual(['bed bl\u200Bocker']);
    expect(matches(yaml, 'frеquеnt flyer')).toEqual(['frеquеnt flyer']); // Cyrillic е
    expect(matches(yaml, '𝐛𝐞𝐝 𝐛𝐥𝐨𝐜𝐤𝐞𝐫')).toEqual(['𝐛𝐞𝐝 𝐛𝐥𝐨𝐜𝐤𝐞𝐫']);
  });

  it('matches leetspeak and spaced-out letters when asked, and not otherwise', () => {
    const tolerant = rule('swearing', 'kind: phrase\nphrases: [shite]\nleet: true\nspaced: true');
    expect(matches(tolerant, 'sh1te, $h!te and s h i t e')).toEqual(['sh1te', '$h!te', 's h i t e']);
    expect(matches(rule('strict', 'kind: phrase\nphrases: [shite]'), 'sh1te and s h i t e')).toEqual([]);
  });

  it('with leet, reads * as any letter but the first of a word', () => {
    const masked = rule('masked', 'kind: phrase\nphrases: [fuck, bastard]\nleet: true');
    expect(matches(masked, 'f*** this, f**k that, b*****d, ****, *uck')).toEqual(['f***', 'f**k', 'b*****d']);
    expect(matches(rule('unmasked', 'kind: phrase\nphrases: [fuck]'), 'f**k')).toEqual([]);
  });

  it('reads <number> as any number, in digits or words', () => {
    const beds = rule('beds', 'kind: phrase\nphrases: [bed <number>]');
    expect(matches(beds, 'bed 4, bed 12a, bed four, bed rest')).toEqual(['bed 4', 'bed 12a', 'bed four']);
  });

  it('skips exceptions that contain a match', () => {
    const yamlWithExceptions = rule('bloody', 'kind: phrase\nphrases: [bloody]\nexceptions: [bloody brilliant]');
    expect(matches(yamlWithExceptions, 'bloody brilliant, bloody awful')).toEqual(['bloody']);
  });

  it('uses named lists', () => {
    const listed = `lists:\n  test-words: [rota chaos]\n${rule('listed', 'kind: phrase\nlists: [test-words]')}`;
    expect(matches(listed, 'Rota chaos again')).toEqual(['Rota chaos']);
  });
});

describe('pattern', () => {
  it('confirms matches with a validator and fills its placeholders', () => {
    const yaml = rule('nhs', "kind: pattern\nregex: '\\d{3} \\d{3} \\d{4}'\nvalidator: nhs-mod11").replace("'{{match}}' found.", "'{{match}}' is a {{scheme}}.");
    const findings = lint('999 000 0026 and 999 000 0027', ruleSetFromYaml({ 'test.yaml': yaml }), DEFAULT_CONTEXT);
    expect(findings.map((finding) => finding.message)).toEqual(["'999 000 0026' is a NHS number."]);
  });

  it('reports only the named group asked for', () => {
    const yaml = rule('mrn', "kind: pattern\nregex: 'MRN:? (?<id>\\d{6})'\nreport: id");
    expect(matches(yaml, 'MRN: 123456')).toEqual(['123456']);
  });

  it('is case-insensitive unless asked', () => {
    expect(matches(rule('shout', "kind: pattern\nregex: 'urgent'"), 'URGENT')).toEqual(['URGENT']);
    expect(matches(rule('shout', "kind: pattern\nregex: 'urgent'\ncase_sensitive: true"), 'URGENT')).toEqual([]);
  });
});

describe('proximity', () => {
  const yaml = rule('near', 'kind: proximity\nfirst: {phrases: [drunk]}\nsecond: {phrases: [on shift]}\nwithin: 3');

  it('needs both parts in the same sentence, within the distance', () => {
    expect(matches(yaml, 'Drunk again on shift')).toEqual(['Drunk again on shift']);
    expect(matches(yaml, 'On shift and drunk')).toEqual(['On shift and drunk']);
    expect(matches(yaml, 'drunk at the wedding on saturday night, then on shift')).toEqual([]);
    expect(matches(yaml, 'I was drunk. Then on shift.')).toEqual([]);
  });

  it('can look across the whole post', () => {
    const post = rule('post', 'kind: proximity\nfirst: {phrases: [drunk]}\nsecond: {phrases: [on shift]}\nscope: post\nwithin: 1000');
    expect(matches(post, 'I was drunk. Then on shift.')).toEqual(['drunk. Then on shift']);
  });

  it('drops a match with an `unless` exception nearby', () => {
    const unless = rule('unless', 'kind: proximity\nfirst: {phrases: [drunk]}\nsecond: {phrases: [on shift]}\nunless: [{phrases: [never], scope: sentence}]');
    expect(matches(unless, 'never drunk on shift')).toEqual([]);
    expect(matches(unless, 'drunk on shift')).toEqual(['drunk on shift']);
  });

  it('with `side: before`, drops a match only when the exception comes before it', () => {
    const before = rule('before', 'kind: proximity\nfirst: {phrases: [porters]}\nsecond: {phrases: [lazy]}\nunless: [{phrases: [not, never], within: 1, side: before}]');
    expect(matches(before, 'the porters are not lazy')).toEqual([]);
    expect(matches(before, 'the porters are lazy, never around')).toEqual(['porters are lazy']);
  });
});

describe('nlp', () => {
  it('finds people with compromise, loading it only when a rule needs it', () => {
    const yaml = rule('person', 'kind: nlp\nentity: person');
    expect(matches(yaml, 'Dave was admitted last night')).toEqual(['Dave']);
    expect(isNlpLoaded()).toBe(true);
  });

  it('runs compromise match expressions', () => {
    expect(matches(rule('age', "kind: nlp\nnlp: '#Value (year|years) old'"), 'a 94 years old man')).toEqual(['94 years old']);
  });
});

describe('lint', () => {
  const yaml = rule('a-rule', 'kind: phrase\nphrases: [rota]') + rule('b-rule', 'kind: phrase\nphrases: [rota chaos]').replace('rules:\n', '');

  it('sorts findings by position, then rule id, and is deterministic', () => {
    const ruleSet = ruleSetFromYaml({ 'test.yaml': yaml });
    const text = 'rota chaos. rota.';
    const first = lint(text, ruleSet, DEFAULT_CONTEXT);
    expect(first.map((finding) => [finding.column, finding.ruleId])).toEqual([
      [1, 'a-rule'],
      [1, 'b-rule'],
      [13, 'a-rule'],
    ]);
    expect(lint(text, ruleSet, DEFAULT_CONTEXT)).toEqual(first);
  });

  it('reports positions as 1-based lines and UTF-16 columns, across CRLF and lone CR', () => {
    const ruleSet = ruleSetFromYaml({ 'test.yaml': yaml });
    const found = lint('hi\r\n😀 rota\rok rota', ruleSet, DEFAULT_CONTEXT).filter((finding) => finding.ruleId === 'a-rule');
    expect(found.map(({ line, column, endLine, endColumn }) => [line, column, endLine, endColumn])).toEqual([
      [2, 4, 2, 8],
      [3, 4, 3, 8],
    ]);
  });

  it('skips terms the trust allows', () => {
    const ruleSet = ruleSetFromYaml({ 'test.yaml': yaml });
    expect(lint('rota chaos', ruleSet, { ...DEFAULT_CONTEXT, allow: ['rota chaos'] })).toEqual([]);
  });
});

describe('phrase names', () => {
  it('reads <Name> as one or two capitalised words, whatever the case of the rest of the phrase', () => {
    const yaml = rule('named-ward', 'kind: phrase\nphrases: [<Name> Ward]');
    expect(matches(yaml, 'on Heron Ward, on heron ward, on Sunflower Children ward, on the ward')).toEqual(['Heron Ward', 'Sunflower Children ward']);
  });
});
