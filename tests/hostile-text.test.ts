// Odd and hostile text, through lint() with the built-in rules and through the CLI: invisible
// characters and look-alike letters cannot hide an identifier, line breaks of every kind and
// wide characters keep positions right, and nothing crashes or stalls.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { lint } from '../src/core/lint.js';
import { MAX_POST_LENGTH, PostTooLongError } from '../src/core/post-length.js';
import { formatStylish } from '../src/format/stylish.js';
import { NlpView } from '../src/nlp/compromise.js';
import type { Finding } from '../src/types.js';
import { builtinRuleSet } from './helpers/project.js';
import { runMain } from './helpers/run-cli.js';

const ruleSet = builtinRuleSet();
const withoutNlp = { ...ruleSet, rules: ruleSet.rules.filter((rule) => !rule.usesNlp) };

type Shown = [ruleId: string, line: number, column: number, excerpt: string];
function shown(text: string): Shown[] {
  return lint(text, ruleSet).map((finding) => [finding.ruleId, finding.line, finding.column, finding.excerpt]);
}

describe('identifiers cannot hide behind invisible characters or look-alike letters', () => {
  it.each([
    ['zero-width spaces', 'NHS no 999\u200B000\u200B0026', 'NHS no 999\u200B000\u200B0026'.slice(7)],
    ['full-width digits', '９９９ ０００ ００２６', '９９９ ０００ ００２６'],
    ['a soft hyphen and word joiner', '999 000\u00AD 0026 and 999\u2060 000 0026', '999 000\u00AD 0026'],
  ])('finds an NHS number written with %s, and reports the original text', (_case, text, excerpt) => {
    const [finding] = lint(text, ruleSet).filter((found) => found.ruleId === 'nhs-number');
    expect(finding?.excerpt).toBe(excerpt);
  });

  it.each([
    ['a zero-width space', 'Mrs P\u200Batel in bay 3'],
    ['a zero-width joiner', 'Mrs Pa\u200Dtel in bay 3'],
    ['Cyrillic look-alike letters', '\u041Crs \u0420\u0430tel in bay 3'],
    ['full-width letters', 'Ｍｒｓ Ｐａｔｅｌ in bay 3'],
    ['bold maths letters', 'Mrs 𝐏𝐚𝐭𝐞𝐥 in bay 3'],
    ['bidi overrides', 'Mrs \u202EPatel\u202C in bay 3'],
    ['combining marks', 'Mrs Pa\u0301tel in bay 3'],
    ['a no-break space', 'Mrs Patel in bay\u00A03'],
  ])('finds a patient named in a care context through %s', (_case, text) => {
    const found = lint(text, ruleSet).filter((finding) => finding.ruleId === 'patient-titled-in-care-context');
    expect(found).toHaveLength(1);
    expect(found[0]?.excerpt).toBe(text);
    // Masked, every letter of the name is gone: only the care place is left to read.
    expect(found[0]?.masked?.excerpt.replace(/[^\p{L}\p{N}]/gu, '')).toBe('inbay3');
  });
});

describe('positions in odd text', () => {
  it('counts CRLF, a lone CR and LF as line breaks, as LSP does', () => {
    const name = 'Mrs Patel in bay 3';
    expect(shown(`line one\r\n${name}`)).toEqual([['patient-titled-in-care-context', 2, 1, name]]);
    expect(shown(`line one\r${name}`)).toEqual([['patient-titled-in-care-context', 2, 1, name]]);
    expect(shown(`one\r\n\r\ntwo\r\rthree\n\r${name}`)).toEqual([['patient-titled-in-care-context', 7, 1, name]]);
  });

  it('counts a byte-order mark, emoji with joiners and surrogate pairs as the UTF-16 units they are', () => {
    expect(shown('\uFEFFNHS no 999 000 0026')).toEqual([['nhs-number', 1, 9, '999 000 0026']]);
    expect(shown('👩‍⚕️🏳️‍🌈 NHS no 999 000 0026')).toEqual([['nhs-number', 1, 20, '999 000 0026']]);
    expect(shown('𝐍𝐇𝐒 no 999 000 0026')).toEqual([['nhs-number', 1, 11, '999 000 0026']]);
  });

  it('keeps NUL bytes and lone surrogates in the text without crashing or shifting positions', () => {
    expect(shown('\u0000\uD800 NHS no 999 000 0026\u0000')).toEqual([['nhs-number', 1, 11, '999 000 0026']]);
    expect(shown('Mrs Patel\u0000in bay 3')).toEqual([['patient-titled-in-care-context', 1, 1, 'Mrs Patel\u0000in bay 3']]);
  });

  it('keeps a name the NLP library finds just after punctuation inside the text (found by the fuzz test)', () => {
    expect(new NlpView("'(Patel").entity('person')).toEqual([{ start: 2, end: 7 }]);
    const text = "liability Ｍ C 943 476 5919 aged 94 🏳️‍🌈'(Patel  ";
    const findings = lint(text, ruleSet);
    expect(findings.map((finding) => finding.ruleId)).toEqual(['allegation-about-named-person', 'nhs-number']);
    for (const finding of findings) expect(finding.excerpt).toBe(text.slice(finding.start, finding.end));
    expect(findings[0]?.excerpt.endsWith("'(Patel")).toBe(true);
  });

  it('reports the right column at the end of a single line as long as a post may be', () => {
    const number = '999 000 0026';
    const text = `${'word '.repeat((MAX_POST_LENGTH - 20) / 5)}NHS ${number}`;
    const [finding] = lint(text, withoutNlp).filter((found) => found.ruleId === 'nhs-number');
    expect(finding).toMatchObject({ line: 1, column: text.length - number.length + 1, endColumn: text.length + 1, excerpt: number });
  });

  it('refuses a longer text with a clear error instead of checking part of it', () => {
    expect(() => lint('a'.repeat(MAX_POST_LENGTH + 1), ruleSet)).toThrow(PostTooLongError);
    expect(() => lint('a'.repeat(MAX_POST_LENGTH + 1), ruleSet)).toThrow(
      'the post is too long to check (100,001 characters; a post may have at most 100,000). Check that it is one post, or split it into several',
    );
    expect(lint('a'.repeat(MAX_POST_LENGTH), withoutNlp)).toEqual([]);
  });
});

describe('printing text from a post', () => {
  it('shows terminal escapes, bidi controls and line breaks from the post as visible codes', () => {
    const findings = lint('Mrs \u001B[2JPa\u202Etel in bay 3', ruleSet);
    const out = formatStylish([{ path: 'post\u001B[31m.txt', findings }], { color: false, redact: false });
    expect(out).toContain('post\\u{1B}[31m.txt');
    expect(out).toContain("'Mrs \\u{1B}[2JPa\\u{202E}tel'");
    expect(out).not.toMatch(/[\u001B\u202E]/);
  });
});

describe('odd files through the command line', () => {
  const folder = os.tmpdir();
  const file = (name: string, content: string | Uint8Array) => {
    const target = path.join(folder, `nhssm-odd-${process.pid}-${name}`);
    writeFileSync(target, content);
    return target;
  };
  const columns = (stdout: string) =>
    ((JSON.parse(stdout) as { results: Array<{ findings: Finding[] }> }).results[0]?.findings ?? []).map((finding) => [finding.ruleId, finding.line, finding.column]);

  it('reads UTF-8 with a byte-order mark, and UTF-16 as Windows Notepad saves it', async () => {
    const text = 'Thanks all\r\nNHS no 999 000 0026';
    for (const bytes of [
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]),
    ]) {
      const run = await runMain([file('encoded.txt', bytes), '--format', 'json']);
      expect(columns(run.stdout)).toEqual([['nhs-number', 2, 8]]);
    }
  });

  it('refuses NUL bytes on standard input as binary data', async () => {
    const run = await runMain(['-'], { stdin: 'Mrs Patel\u0000 in bay 3' });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'nhssm-check: <stdin>: not a text file (it looks like binary data)\n' });
  });

  it('refuses a post too long to check, from a file or standard input, in one line', async () => {
    const long = 'a'.repeat(MAX_POST_LENGTH + 1);
    const fromStdin = await runMain(['-'], { stdin: long });
    expect(fromStdin.code).toBe(2);
    expect(fromStdin.stderr).toBe('nhssm-check: <stdin>: the post is too long to check (100,001 characters; a post may have at most 100,000). Check that it is one post, or split it into several\n');
    const tenMegabytes = file('huge.txt', `${'Mrs Patel in bay 3 '.repeat(552_000)}`);
    const fromFile = await runMain([tenMegabytes]);
    expect(fromFile).toEqual({ code: 2, stdout: '', stderr: `nhssm-check: ${tenMegabytes}: too large to be a post (10.0 MB; a post may have at most 100,000 characters)\n` });
  });

  it('stops reading input that cannot be a post: a big pipe, or a device that never ends', async () => {
    const tooLarge = 'too large to be a post (more than 0.3 MB; a post may have at most 100,000 characters)';
    expect(await runMain(['-'], { stdin: 'a'.repeat(400_000) })).toEqual({ code: 2, stdout: '', stderr: `nhssm-check: <stdin>: ${tooLarge}\n` });
    if (process.platform !== 'linux') return;
    expect(await runMain(['/dev/zero'])).toEqual({ code: 2, stdout: '', stderr: `nhssm-check: /dev/zero: ${tooLarge}\n` });
    expect(await runMain(['--rules', '/dev/zero', 'x.txt'])).toEqual({ code: 2, stdout: '', stderr: '/dev/zero:1:1 the rule file is too large: a rule file may have at most 1,048,576 bytes, and this one has more\n' });
  });

  it('lints a binary-looking byte after the first 8,000 bytes as text', async () => {
    const run = await runMain([file('late-nul.txt', `${'Hello team. '.repeat(700)}\u0000 NHS no 999 000 0026`), '--format', 'json']);
    expect(columns(run.stdout)).toEqual([['nhs-number', 1, 8410]]);
  });
});
