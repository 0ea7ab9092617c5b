// The command line: exit codes, inputs (files, folders, globs, stdin), output formats, rule
// listing and explanations, and one clear line for every input problem. Most cases run main()
// in-process; the exit-code contract is also checked through the real bin.
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { explainRule } from '../src/cli/describe-rules.js';
import { builtinRuleSet, PROJECT_ROOT } from './helpers/project.js';
import { runBin, runMain } from './helpers/run-cli.js';

const PACKAGE_VERSION = (JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const RISKY = 'fixtures/examples/risky-draft.txt';
const CLEAN = 'fixtures/examples/clean-draft.txt';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'nhssm-cli-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function scratchFile(name: string, content: string | Uint8Array): string {
  const file = path.join(scratch, name);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

describe('exit codes through the real bin', () => {
  it('exits 1 on a risky draft and prints findings with policy references and suggestions', () => {
    const run = runBin([RISKY, '--no-redact']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('fixtures/examples/risky-draft.txt');
    expect(run.stdout).toMatch(/2:43 {2}error {4}'999 000 0026' is a valid NHS number\. .* {2}nhs-number/);
    expect(run.stdout).toContain('Policy: NHS Data Dictionary, NHS Number, Format and check digit');
    expect(run.stdout).toContain('Instead: Delete the number.');
    expect(run.stdout).toMatch(/✖ \d+ problems \(3 errors, 1 warning, 0 info\) in 1 post checked\./);
    expect(run.stderr).toBe('');
  });

  it('exits 0 on a clean draft', () => {
    const run = runBin([CLEAN]);
    expect(run).toEqual({ code: 0, stdout: '✔ No problems found in 1 post.\n', stderr: '' });
  });

  it('exits 2 with one line and no stack trace on a missing file', () => {
    const run = runBin(['no-such-draft.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('nhssm-check: no-such-draft.txt: no such file or folder\n');
  });

  it('reads standard input with - and prints the JSON contract', () => {
    const run = runBin(['--format', 'json', '-'], { stdin: 'Mrs B in bed 4 is a legend\n' });
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(report)).toEqual(['version', 'results', 'summary']);
    expect(report.version).toBe(1);
    expect(report.summary).toEqual({ files: 1, errors: 1, warnings: 0, infos: 0 });
    const [result] = report.results as Array<{ path: string; findings: Array<Record<string, unknown>> }>;
    expect(result?.path).toBe('<stdin>');
    const [finding] = result?.findings ?? [];
    expect(Object.keys(finding ?? {})).toEqual([
      'ruleId', 'category', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn', 'excerpt', 'suggestion', 'references',
    ]);
    expect(finding).toMatchObject({ ruleId: 'patient-titled-in-care-context', category: 'patient-identifiable', severity: 'error', line: 1, column: 1, endLine: 1, endColumn: 15 });
    expect(finding?.excerpt).toBe('*** * in bed 4'); // piped output is redacted by default
    expect((finding?.references as unknown[])[0]).toEqual({ source: 'GMC, Using social media as a medical professional (2024)', section: 'paragraph 18', url: null });
  });
});

describe('inputs', () => {
  it('names standard input with --stdin-filename', async () => {
    const run = await runMain(['-', '--stdin-filename', 'drafts/monday.txt', '--no-redact'], { stdin: 'Mrs B in bed 4 is a legend' });
    expect(run.stdout.split('\n')[0]).toBe('drafts/monday.txt');
  });

  it('refuses --stdin-filename without -', async () => {
    const run = await runMain([CLEAN, '--stdin-filename', 'x.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('nhssm-check: --stdin-filename needs - among the paths, to read standard input\n');
  });

  it('lints every post in a folder, and a glob', async () => {
    const folder = await runMain(['fixtures/examples', '--format', 'json']);
    expect((JSON.parse(folder.stdout) as { summary: { files: number } }).summary.files).toBe(2);
    const glob = await runMain(['fixtures/examples/*-draft.txt', '--format', 'json']);
    expect((JSON.parse(glob.stdout) as { summary: { files: number } }).summary.files).toBe(2);
  });

  it('exits 2 for a folder with nothing to check', async () => {
    const empty = path.join(scratch, 'empty-folder');
    mkdirSync(empty, { recursive: true });
    const run = await runMain([empty]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nhssm-check: ${empty}: no posts to check in this folder (looked for .txt, .md, .markdown files)\n`);
  });

  it('exits 2 for a glob that matches nothing', async () => {
    const run = await runMain(['drafts/**/*.txt']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('nhssm-check: drafts/**/*.txt: no files match this pattern\n');
  });

  it('refuses a binary file', async () => {
    const file = scratchFile('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02]));
    const run = await runMain([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nhssm-check: ${file}: not a text file (it looks like binary data)\n`);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file', async () => {
    const file = scratchFile('locked.txt', 'Mrs B in bed 4');
    chmodSync(file, 0o000);
    const run = await runMain([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nhssm-check: ${file}: permission denied: the file cannot be read\n`);
  });

  it('lints invalid UTF-8 with replacement characters', async () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('Mrs B in bed 4 '), 0xff, 0xfe, ...new TextEncoder().encode(' NHS no 999 000 0026')]);
    const run = await runMain([scratchFile('latin1.txt', bytes), '--format', 'json', '--no-redact']);
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { results: Array<{ findings: Array<{ ruleId: string; column: number }> }> }).results[0]?.findings ?? [];
    expect(findings.map((finding) => [finding.ruleId, finding.column])).toEqual([
      ['patient-titled-in-care-context', 1],
      ['nhs-number', 26],
    ]);
  });

  it('passes an empty file', async () => {
    const run = await runMain([scratchFile('empty.txt', '')]);
    expect(run).toEqual({ code: 0, stdout: '✔ No problems found in 1 post.\n', stderr: '' });
  });

  it('reports bad front matter as file:line:col and exits 2', async () => {
    const file = scratchFile('bad-front-matter.txt', '---\nnhssm:\n  acount: corporate\n---\nHello');
    const run = await runMain([file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`${file}:3:3 unknown key "acount" (did you mean "account"?)\n`);
  });

  it('lints the rest when one input has a problem, then exits 2', async () => {
    const run = await runMain([RISKY, 'missing.txt', '--format', 'json']);
    expect(run.code).toBe(2);
    expect((JSON.parse(run.stdout) as { summary: { errors: number } }).summary.errors).toBe(3);
    expect(run.stderr).toBe('nhssm-check: missing.txt: no such file or folder\n');
  });
});

describe('flags', () => {
  it('exits 2 on an unknown flag, in one line plus a pointer to --help', async () => {
    const run = await runMain(['--formt', 'json', CLEAN]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("nhssm-check: unknown option '--formt'\n(Did you mean --format?)\nRun nhssm-check --help for usage.\n");
  });

  it('exits 2 when there is nothing to check', async () => {
    const run = await runMain([]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'nhssm-check: nothing to check: give a post file, a folder, or - to read standard input\n' });
  });

  it('refuses an unknown format', async () => {
    const run = await runMain(['--format', 'xml', CLEAN]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("argument 'xml' is invalid. Allowed choices are stylish, json.");
  });

  it('prints help and the version, exiting 0', async () => {
    const help = await runMain(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: nhssm-check [options] [paths...]');
    expect(help.stdout).toContain('Exit codes:');
    const version = await runMain(['--version']);
    expect(version).toEqual({ code: 0, stdout: `${PACKAGE_VERSION}\n`, stderr: '' });
  });

  it('--quiet reports errors only', async () => {
    const run = await runMain([RISKY, '--quiet', '--format', 'json']);
    const summary = (JSON.parse(run.stdout) as { summary: { errors: number; warnings: number } }).summary;
    expect(summary).toMatchObject({ errors: 3, warnings: 0 });
  });

  it('--max-warnings turns too many warnings into exit 1', async () => {
    const text = 'Honestly the management here couldn\'t run a bath.';
    expect((await runMain(['-'], { stdin: text })).code).toBe(0);
    expect((await runMain(['-', '--max-warnings', '1'], { stdin: text })).code).toBe(0);
    const over = await runMain(['-', '--max-warnings', '0'], { stdin: text });
    expect(over.code).toBe(1);
    expect(over.stderr).toBe('nhssm-check: 1 warning found; --max-warnings allows 0.\n');
    const quiet = await runMain(['-', '--max-warnings', '0', '--quiet'], { stdin: text });
    expect(quiet.code, '--quiet hides warnings but they still count').toBe(1);
    expect(quiet.stdout).not.toContain('warning  ');
    expect((await runMain(['-', '--max-warnings', 'lots'], { stdin: text })).code).toBe(2);
  });

  it('colours output only when asked or on a terminal without NO_COLOR', async () => {
    const ansi = /\u001b\[/;
    expect((await runMain([RISKY])).stdout).not.toMatch(ansi);
    expect((await runMain([RISKY, '--color'])).stdout).toMatch(ansi);
    expect((await runMain([RISKY], { tty: true, env: { NO_COLOR: undefined } })).stdout).toMatch(ansi);
    expect((await runMain([RISKY], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(ansi);
    expect((await runMain([RISKY, '--no-color'], { tty: true, env: { NO_COLOR: undefined } })).stdout).not.toMatch(ansi);
  });

  it('masks identifiers unless output goes to a terminal outside CI', async () => {
    const name = /'Mrs Patel'/;
    expect((await runMain([RISKY])).stdout).not.toMatch(name);
    expect((await runMain([RISKY], { tty: true })).stdout).toMatch(name);
    expect((await runMain([RISKY], { tty: true, env: { CI: 'true' } })).stdout).not.toMatch(name);
    expect((await runMain([RISKY, '--no-redact'])).stdout).toMatch(name);
    expect((await runMain([RISKY, '--redact'], { tty: true })).stdout).not.toMatch(name);
  });

  it('counts columns in UTF-16 code units, so emoji count as two', async () => {
    const run = await runMain(['-', '--format', 'json'], { stdin: '😀😀 Mrs Patel in bay 3\n👩‍⚕️ NHS no 999 000 0026' });
    const findings = (JSON.parse(run.stdout) as { results: Array<{ findings: Array<{ line: number; column: number; endColumn: number }> }> }).results[0]?.findings ?? [];
    expect(findings.map(({ line, column, endColumn }) => [line, column, endColumn])).toEqual([
      [1, 6, 24],
      [2, 14, 26],
    ]);
  });
});

describe('rule listing and explanations', () => {
  it('--list-rules shows every rule with its category and default severity', async () => {
    const run = await runMain(['--list-rules']);
    expect(run.code).toBe(0);
    for (const rule of builtinRuleSet().rules) {
      expect(run.stdout).toMatch(new RegExp(`^ {2}${rule.id} +${rule.severity} `, 'm'));
    }
    expect(run.stdout).toMatch(/^patient-identifiable$/m);
  });

  it('--explain shows the rationale, references and examples of a rule', async () => {
    const run = await runMain(['--explain', 'nhs-number']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nhs-number — patient-identifiable, error by default');
    expect(run.stdout).toContain('Why: A health number');
    expect(run.stdout).toContain('  - GMC, Using social media as a medical professional (2024), paragraph 18');
    expect(run.stdout).toContain('  ✗ "Can anyone read this GP referral?? NHS no 999 000 0026 😂 handwriting from hell"');
    expect(run.stdout).toContain('  ✓ "Register for the NHS App with your NHS number and date of birth"');
  });

  it('--explain has an explanation for every rule', () => {
    // The rule pack is loaded once here; the test above runs the whole --explain path for one rule.
    for (const rule of builtinRuleSet().rules) {
      const text = explainRule(rule);
      expect(text, rule.id).toContain(`Why: ${rule.rationale.slice(0, 30)}`);
      expect(text, `${rule.id} shows a placeholder`).not.toMatch(/\{\{/);
    }
  });

  it('--explain with an unknown id suggests the closest', async () => {
    const run = await runMain(['--explain', 'nhs-numbr']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('nhssm-check: there is no rule "nhs-numbr" (did you mean "nhs-number"?); nhssm-check --list-rules shows them all\n');
  });

  it('exits 2 with file:line:col when a rule file is invalid', async () => {
    const run = await runMain(['--rules', 'fixtures/invalid-rules/unknown-key.yaml', CLEAN]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'fixtures/invalid-rules/unknown-key.yaml:5:5 unknown key "serverity" (did you mean "severity"?)\n' });
  });

  it('adds a local rule pack with --rules', async () => {
    const run = await runMain(['--rules', 'fixtures/rulesets/local-pack', '-', '--format', 'json'], { stdin: 'So excited about Project Bluebell!' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('"ruleId": "local-project-codename"');
  });
});

describe('front matter dates', () => {
  it('refuses a publish date that does not exist', async () => {
    const run = await runMain(['-', '--stdin-filename', 'post.txt'], { stdin: '---\nnhssm:\n  publish_at: 2029-02-31\n---\nHello' });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'post.txt:3:15 "2029-02-31" is not a real date\n' });
  });
});
