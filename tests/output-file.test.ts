// -o/--output-file: the report is written atomically (temporary file + rename), masked by
// default, never half-written, and an existing report is left alone when a run fails.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEMP_PREFIX, writeFileAtomically } from '../src/cli/output-file.js';
import { BIN, PROJECT_ROOT } from './helpers/project.js';
import { runMain } from './helpers/run-cli.js';

const RISKY = 'fixtures/examples/risky-draft.txt';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'nhssm-output-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const BINARY = path.join(scratch, 'photo.txt');
writeFileSync(BINARY, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]));

let folders = 0;
/** A fresh folder, so each test can check that no temporary file is left in it. */
function freshFolder(): string {
  folders += 1;
  const folder = path.join(scratch, `case-${folders}`);
  mkdirSync(folder);
  return folder;
}

function tempFilesIn(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.startsWith(TEMP_PREFIX));
}

describe('writing the report to a file', () => {
  it('writes the report instead of printing it, and the exit code still reflects the findings', async () => {
    const folder = freshFolder();
    const report = path.join(folder, 'report.json');
    const run = await runMain([RISKY, '--format', 'json', '-o', report], { tty: true });
    expect(run).toEqual({ code: 1, stdout: '', stderr: '' });
    const written = JSON.parse(readFileSync(report, 'utf8')) as { summary: { errors: number } };
    expect(written.summary.errors).toBe(3);
    expect(tempFilesIn(folder)).toEqual([]);
  });

  it('masks identifiers by default, even from a terminal, and shows them with --no-redact', async () => {
    const folder = freshFolder();
    const report = path.join(folder, 'report.txt');
    await runMain([RISKY, '--output-file', report], { tty: true });
    const masked = readFileSync(report, 'utf8');
    expect(masked).toContain("'*** *****' is named next to 'bay 3'");
    expect(masked).not.toMatch(/Patel|999 000 0026/);
    expect(masked).not.toMatch(/\u001b\[/); // no colour codes in a file
    await runMain([RISKY, '--output-file', report, '--no-redact'], { tty: true });
    expect(readFileSync(report, 'utf8')).toContain("'Mrs Patel' is named next to 'bay 3'");
  });

  it('resolves the path against the working folder', async () => {
    const folder = freshFolder();
    const run = await runMain([path.join(PROJECT_ROOT, RISKY), '-o', 'out.txt'], { cwd: folder });
    expect(run.code).toBe(1);
    expect(readFileSync(path.join(folder, 'out.txt'), 'utf8')).toContain('problems');
  });

  it('replaces an existing report whole', async () => {
    const folder = freshFolder();
    const report = path.join(folder, 'report.txt');
    writeFileSync(report, 'x'.repeat(100_000));
    await runMain(['fixtures/examples/clean-draft.txt', '-o', report]);
    expect(readFileSync(report, 'utf8')).toBe('✔ No problems found in 1 post.\n');
  });

  it.each([
    ['an input is missing', [RISKY, 'no-such-post.txt']],
    ['a rule file is invalid', [RISKY, '--rules', 'fixtures/invalid-rules/unknown-key.yaml']],
    ['a post is binary', [RISKY, BINARY]],
  ])('leaves an existing report alone when %s', async (_case, args) => {
    const folder = freshFolder();
    const report = path.join(folder, 'report.txt');
    writeFileSync(report, 'last good report\n');
    const run = await runMain([...args, '-o', report]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(readFileSync(report, 'utf8')).toBe('last good report\n');
    expect(tempFilesIn(folder)).toEqual([]);
  });

  it('exits 2 with one line when the report cannot be written, leaving no temporary file', async () => {
    const folder = freshFolder();
    const missing = await runMain([RISKY, '-o', path.join(folder, 'no-such-folder', 'report.txt')]);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: `nhssm-check: ${path.join(folder, 'no-such-folder', 'report.txt')}: the report cannot be written: no such file or folder\n` });
    const isFolder = path.join(folder, 'reports');
    mkdirSync(path.join(isFolder, 'inside'), { recursive: true });
    const run = await runMain([RISKY, '-o', isFolder]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^nhssm-check: .*reports: the report cannot be written: [^\n]+\n$/);
    expect(tempFilesIn(folder)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('leaves the old report when the run is interrupted', async () => {
    const folder = freshFolder();
    const report = path.join(folder, 'report.txt');
    writeFileSync(report, 'last good report\n');
    // The run waits for the rest of standard input, and is stopped (as by Ctrl-C) while it waits.
    const child = spawn(process.execPath, [BIN, '-', '-o', report], { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    child.stdin.write('Mrs Patel in bay 3 is ');
    await new Promise((resolve) => setTimeout(resolve, 300));
    child.kill('SIGINT');
    expect(await exited).toBe('SIGINT');
    expect(readFileSync(report, 'utf8')).toBe('last good report\n');
    expect(tempFilesIn(folder)).toEqual([]);
  });
});

describe('writeFileAtomically', () => {
  it('never leaves a mix of old and new text: the target is replaced in one rename', () => {
    const folder = freshFolder();
    const target = path.join(folder, 'report.json');
    writeFileSync(target, 'old');
    writeFileAtomically(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['report.json']);
  });

  it('removes its temporary file when the rename fails, and passes the error on', () => {
    const folder = freshFolder();
    const target = path.join(folder, 'taken');
    mkdirSync(path.join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomically(target, 'new')).toThrow();
    expect(readdirSync(folder)).toEqual(['taken']);
  });
});
