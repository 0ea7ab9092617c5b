// Property-based tests (fast-check) of lint() with the built-in rules: for any text it never
// throws, is deterministic, and every finding's range, position and excerpt agree with the text;
// invisible characters cannot hide an identifier; redacted reports never print a masked value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { formatJson } from '../src/format/json.js';
import { formatStylish } from '../src/format/stylish.js';
import type { Finding } from '../src/types.js';
import { mod11CheckDigit } from '../src/validators/health-number.js';
import './helpers/fuzz-seed.js';
import { builtinRuleSet } from './helpers/project.js';

const ruleSet = builtinRuleSet();

/** Words and numbers the built-in rules react to, so generated posts raise findings. */
const POST_WORDS = [
  'Mrs', 'Patel', 'Dr', 'Okafor', 'Sister', 'Mills', 'in', 'bay', 'bed', 'ward', 'Ward 7', '3', '4', 'admitted', 'today', 'is', 'a',
  'liability', 'NHS no', '999 000 0026', '943 476 5919', 'DOB', '12/03/1950', 'aged 94', 'SW1A 1AA', '07700 900123', 'MRN', '1234567',
  'embargoed', 'my colleague', 'pregnant', 'fuck', 'f*ck', 's h i t', 'management', 'are useless', '#NHS', '@jo_bloggs', 'rota',
  'jo@example.com', 'door code is 4321', '.', '!', ',', '?', '\n', '\r\n',
];
/** Characters that break naive text handling: invisibles, bidi controls, line breaks, marks, surrogates. */
const ODD = [
  '\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u202E', '\u202C', '\u2066', '\u0000', '\r', '\n', '\r\n', '\u2028', '\u0085',
  '\u0301', '\u0308', '👩‍⚕️', '🏳️‍🌈', '𝐏', '\uD800', '\uDC00', '\u00A0', '\t', 'Ｍ', '\u0420', '\u0430', '\u001B[2J', '\uFFFD',
];

const postText = fc
  .array(fc.oneof({ arbitrary: fc.constantFrom(...POST_WORDS), weight: 5 }, { arbitrary: fc.constantFrom(...ODD), weight: 2 }, fc.string({ maxLength: 3 })), { maxLength: 24 })
  .chain((parts) => fc.array(fc.constantFrom(' ', '', '  ', '\n'), { minLength: parts.length, maxLength: parts.length }).map((gaps) => parts.map((part, index) => part + (gaps[index] as string)).join('')));
const anyText = fc.oneof({ arbitrary: postText, weight: 4 }, fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

/** Line and column of an offset, computed independently of src/text/positions.ts. */
function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const breaks = [...before.matchAll(/\r\n|\r|\n/g)];
  const last = breaks[breaks.length - 1];
  return { line: breaks.length + 1, column: offset - (last === undefined ? 0 : last.index + last[0].length) + 1 };
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;
/** Whether an offset falls between the two halves of a surrogate pair. */
const splitsPair = (text: string, offset: number) => isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));

/** The invariants every finding of `lint(text)` must satisfy. */
function expectConsistent(text: string, findings: readonly Finding[]): void {
  for (const finding of findings) {
    expect(0 <= finding.start && finding.start < finding.end && finding.end <= text.length, `${finding.ruleId} ${finding.start}-${finding.end}`).toBe(true);
    expect(finding.excerpt).toBe(text.slice(finding.start, finding.end));
    expect({ line: finding.line, column: finding.column }).toEqual(positionOf(text, finding.start));
    expect({ line: finding.endLine, column: finding.endColumn }).toEqual(positionOf(text, finding.end));
    expect(splitsPair(text, finding.start) || splitsPair(text, finding.end)).toBe(false);
  }
  const order = findings.map((finding) => [finding.start, finding.ruleId] as const);
  expect(order).toEqual([...order].sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)));
}

describe('lint on any text (fuzz)', () => {
  it('never throws, is deterministic, and reports ranges, positions and excerpts that match the text: 10,000 inputs', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const findings = lint(text, ruleSet);
        expectConsistent(text, findings);
        expect(lint(text, ruleSet)).toEqual(findings);
      }),
      { numRuns: 10_000 },
    );
  }, 60_000);
});

/** A valid ten-digit health number (modulus 11), written in one of the usual ways. */
const healthNumber = fc
  .tuple(fc.integer({ min: 400_000_000, max: 799_999_999 }), fc.constantFrom('### ### ####', '##########', '###-###-####'))
  .filter(([firstNine]) => mod11CheckDigit(String(firstNine)) !== undefined)
  .map(([firstNine, layout]) => {
    const digits = `${firstNine}${mod11CheckDigit(String(firstNine))}`;
    let at = 0;
    return layout.replace(/#/g, () => digits[at++] as string);
  });
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u2060', '\u00AD', '\uFEFF', '\u202E'];

/** Inserts an invisible character strictly inside `word`, at a generated place. */
const hiddenInside = (word: fc.Arbitrary<string>) =>
  fc.tuple(word, fc.nat(), fc.constantFrom(...INVISIBLE)).map(([text, at, invisible]) => {
    const place = 1 + (at % (text.length - 1));
    return { plain: text, hidden: text.slice(0, place) + invisible + text.slice(place) };
  });

const surname = fc.string({ unit: fc.constantFrom(...'abcdefghijklmnoprstuvwy'), minLength: 4, maxLength: 9 }).map((rest) => `Q${rest}`);

describe('invisible characters cannot hide an identifier', () => {
  it('finds an NHS number with an invisible character inside it', () => {
    fc.assert(
      fc.property(hiddenInside(healthNumber), fc.constantFrom('NHS no ', 'Patient ', '', 'Can anyone read this? '), ({ plain, hidden }, before) => {
        const [found] = lint(`${before}${hidden} thanks`, ruleSet).filter((finding) => finding.ruleId === 'nhs-number');
        expect(found?.excerpt).toBe(hidden);
        expect(lint(`${before}${plain} thanks`, ruleSet).some((finding) => finding.ruleId === 'nhs-number')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finds a patient named in a care context with an invisible character inside the name', () => {
    fc.assert(
      fc.property(hiddenInside(surname), fc.constantFrom('Mrs', 'Mr', 'Ms'), fc.constantFrom('in bay 3', 'in bed 12', 'on Ward 7'), ({ hidden }, title, place) => {
        const found = lint(`${title} ${hidden} ${place} was lovely today`, ruleSet).filter((finding) => finding.ruleId === 'patient-titled-in-care-context');
        expect(found).toHaveLength(1);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same findings with a zero-width space inserted anywhere', () => {
    fc.assert(
      fc.property(postText, fc.nat(), (text, at) => {
        const place = at % (text.length + 1);
        if (splitsPair(text, place) || (text[place - 1] === '\r' && text[place] === '\n')) return;
        const spaced = `${text.slice(0, place)}\u200B${text.slice(place)}`;
        const summary = (findings: Finding[]) => findings.map((finding) => [finding.ruleId, finding.severity, finding.excerpt.replace(/\u200B/g, '')]);
        expect(summary(lint(spaced, ruleSet))).toEqual(summary(lint(text, ruleSet)));
      }),
      { numRuns: 1_000 },
    );
  });
});

describe('redaction', () => {
  it('never prints a masked name or number, in stylish or json', () => {
    fc.assert(
      fc.property(healthNumber, surname, postText, fc.constantFrom('in bay 3', 'in bed 4', 'on Ward 7'), (number, name, filler, place) => {
        const text = `${filler}\nMrs ${name} ${place}, NHS no ${number}. ${filler}`;
        const findings = lint(text, ruleSet);
        expect(findings.some((finding) => finding.ruleId === 'nhs-number')).toBe(true);
        const results = [{ path: 'post.txt', findings }];
        for (const report of [formatStylish(results, { color: false, redact: true }), formatJson(results, { color: false, redact: true })]) {
          expect(report).not.toContain(name);
          expect(report).not.toContain(number);
          expect(report).not.toContain(number.replace(/\D/g, ''));
        }
      }),
      { numRuns: 300 },
    );
  });
});
