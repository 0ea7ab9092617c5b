// Nothing leaves the machine: real CLI runs (including the lazily loaded NLP library) record
// every module they load and every attempt to reach the network; no network module may be
// loaded, no network call made, and no loaded file may even mention one.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, PROJECT_ROOT } from './helpers/project.js';

const PRELOAD = pathToFileURL(path.join(PROJECT_ROOT, 'tests', 'no-network', 'record-loads.mjs')).href;
const NETWORK_MODULES = new Set(['net', 'http', 'https', 'http2', 'dgram', 'tls', 'dns', 'dns/promises', 'child_process', 'inspector', 'undici']);
/** Loaded files allowed to use a network-capable module, and why. */
const ALLOWED: Record<string, { module: string; why: string }> = {
  'node_modules/commander/lib/command.js': { module: 'child_process', why: 'runs executable subcommands, which nhssm-check does not define' },
};

/** The CLI runs that together reach every part of the tool: rules, NLP, formats, stdin, -o. */
const RUNS: Array<{ args: string[]; stdin?: string }> = [
  { args: ['fixtures/examples/risky-draft.txt', '--format', 'json'] },
  { args: ['fixtures/examples', '--no-redact'] },
  { args: ['-', '--rules', 'fixtures/rulesets/local-pack'], stdin: 'Dr Okafor is a liability. Project Bluebell! Mrs Patel in bay 3.' },
  { args: ['--list-rules'] },
  { args: ['--explain', 'patient-titled-in-care-context'] },
];

interface LoadEntry {
  type: 'load';
  from: string | null;
  specifier: string;
  url: string;
}
interface NetworkEntry {
  type: 'network';
  api: string;
  stack: string;
}

const scratch = mkdtempSync(path.join(os.tmpdir(), 'nhssm-network-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const entries: Array<LoadEntry | NetworkEntry> = [];

beforeAll(() => {
  for (const [index, run] of [...RUNS, { args: ['fixtures/examples', '-o', path.join(scratch, 'report.txt')] }].entries()) {
    const log = path.join(scratch, `run-${index}.jsonl`);
    const result = spawnSync(process.execPath, ['--import', PRELOAD, BIN, ...run.args], {
      cwd: PROJECT_ROOT,
      input: run.stdin ?? '',
      env: { ...process.env, NHSSM_LOAD_LOG: log },
      encoding: 'utf8',
      timeout: 60_000,
    });
    if (result.status !== 0 && result.status !== 1) throw new Error(`run ${run.args.join(' ')} failed: ${result.stderr}`);
    for (const line of readFileSync(log, 'utf8').split('\n')) if (line !== '') entries.push(JSON.parse(line) as LoadEntry | NetworkEntry);
  }
}, 120_000);

const loads = () => entries.filter((entry): entry is LoadEntry => entry.type === 'load');
const builtin = (url: string) => url.replace(/^node:/, '');
const isBuiltin = (url: string) => !url.startsWith('file:') && !path.isAbsolute(url);
const filePath = (url: string) => (url.startsWith('file:') ? fileURLToPath(url) : url);
const projectPath = (file: string | null) => (file === null ? '(entry point)' : path.relative(PROJECT_ROOT, filePath(file)).split(path.sep).join('/'));

describe('nothing leaves the machine', () => {
  it('loads the whole tool in these runs, the lazily loaded NLP library included', () => {
    const files = loads().map((entry) => projectPath(entry.url));
    for (const part of ['dist/cli/main.js', 'dist/nlp/compromise.js', 'node_modules/compromise/', 'node_modules/yaml/', 'node_modules/scslre/']) {
      expect(files.some((file) => file.startsWith(part)), part).toBe(true);
    }
  });

  it('loads no network module, except where a dependency keeps one it never uses here', () => {
    const used = loads()
      .filter((entry) => isBuiltin(entry.url) && NETWORK_MODULES.has(builtin(entry.url)))
      .map((entry) => `${projectPath(entry.from)} -> ${builtin(entry.url)}`);
    const allowed = Object.entries(ALLOWED).map(([file, { module }]) => `${file} -> ${module}`);
    expect([...new Set(used)].filter((use) => !allowed.includes(use))).toEqual([]);
  });

  it('makes no network call: fetch, WebSocket, sockets and DNS are never touched', () => {
    expect(entries.filter((entry) => entry.type === 'network')).toEqual([]);
  });

  it('loads no file that mentions a network module or a global network API, even on a path not taken', () => {
    const networkImport = /(?:require\s*\(\s*|\bfrom\s*|\bimport\s*\(?\s*)['"](?:node:)?(net|https?|http2|dgram|tls|dns(?:\/promises)?|child_process|inspector|undici)['"]/g;
    const networkGlobal = /(?<![\w.$])(?:fetch\s*\(|new\s+(?:WebSocket|EventSource|XMLHttpRequest)\b|navigator\s*\.\s*sendBeacon)/g;
    const files = [...new Set(loads().filter((entry) => !isBuiltin(entry.url)).map((entry) => filePath(entry.url)))];
    expect(files.length).toBeGreaterThan(50);
    const mentions: string[] = [];
    for (const file of files) {
      const source = readFileSync(file, 'utf8');
      const shown = projectPath(file);
      for (const found of source.matchAll(networkImport)) {
        if (ALLOWED[shown]?.module !== found[1]) mentions.push(`${shown}: ${found[0]}`);
      }
      for (const found of source.matchAll(networkGlobal)) mentions.push(`${shown}: ${found[0]}`);
    }
    expect(mentions).toEqual([]);
  });
});
