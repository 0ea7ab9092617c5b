// Every failure a user can cause ends in one line naming the file and exit code 2, never a
// stack trace: odd paths, unreadable rule files, and output that cannot be written.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, PROJECT_ROOT } from './helpers/project.js';
import { runMain } from './helpers/run-cli.js';

const RISKY = 'fixtures/examples/risky-draft.txt';
const CLEAN = 'fixtures/examples/clean-draft.txt';
const scratch = mkdtempSync(path.join(os.tmpdir(), 'nhssm-errors-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

// Windows reports a path through a file, or one too long, as simply not found.
describe.skipIf(process.platform === 'win32')('paths that cannot be looked at', () => {
  it.each([
    ['a path through a file', 'README.md/draft.txt', 'a part of this path is a file, not a folder'],
    ['a path too long for the system', `${'a'.repeat(300)}.txt`, 'the path is too long'],
  ])('reports %s as a problem with that input', async (_case, target, message) => {
    const run = await runMain([CLEAN, target]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`nhssm-check: ${target}: ${message}\n`);
  });

  it('reports a rule path through a file at file:1:1', async () => {
    const run = await runMain(['--rules', 'README.md/rules.yaml', CLEAN]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'README.md/rules.yaml:1:1 the rule file or folder cannot be read: a part of this path is a file, not a folder\n' });
  });
});

describe('odd files', () => {
  it('refuses a binary rule file in one line instead of a screen of YAML errors', async () => {
    const binary = path.join(scratch, 'rules.yaml');
    writeFileSync(binary, new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x3a, 0x0a]));
    const run = await runMain(['--rules', binary, CLEAN]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: `${binary}:1:1 not a text file (it looks like binary data), so not a rule file\n` });
  });

  it.skipIf(process.platform === 'win32')('checks a post reached through a loop of links once', async () => {
    const folder = path.join(scratch, 'looped');
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'post.txt'), 'Lovely shift today');
    symlinkSync(folder, path.join(folder, 'again'));
    const run = await runMain([folder]);
    expect(run).toEqual({ code: 0, stdout: '✔ No problems found in 1 post.\n', stderr: '' });
  });
});

describe('the working folder', () => {
  it.skipIf(process.platform === 'win32')('says so in one line when it was deleted under the shell', () => {
    const gone = path.join(scratch, 'deleted-folder');
    mkdirSync(gone);
    const script = `cd '${gone}' && rmdir '${gone}' && exec '${process.execPath}' '${BIN}' draft.txt`;
    const run = spawnSync('sh', ['-c', script], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^[^\n]*the current folder no longer exists; move to another folder and try again\n$/);
  });
});

describe('output that cannot be written', () => {
  it.skipIf(process.platform === 'win32')('stops quietly when the reader closes the pipe early (nhssm-check … | head)', async () => {
    const folder = path.join(scratch, 'many');
    mkdirSync(folder);
    for (let index = 0; index < 300; index += 1) writeFileSync(path.join(folder, `post-${index}.txt`), 'Mrs Patel in bay 3, NHS no 999 000 0026');
    const child = spawn(process.execPath, [BIN, folder, '--no-redact'], { cwd: PROJECT_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(1);
  });

  it.skipIf(process.platform !== 'linux')('exits 2 with one line when the disk is full', async () => {
    const full = openSync('/dev/full', 'w');
    const child = spawn(process.execPath, [BIN, RISKY], { cwd: PROJECT_ROOT, stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('nhssm-check: the report cannot be written: the disk is full\n');
    expect(code).toBe(2);
  });
});

describe('--debug', () => {
  it('adds nothing to a user mistake: the one line is the whole story', async () => {
    const plain = await runMain(['README.md/draft.txt']);
    const debug = await runMain(['README.md/draft.txt', '--debug']);
    expect(debug).toEqual(plain);
  });
});
