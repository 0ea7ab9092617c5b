// A trust's configuration (.nhssm.yaml): discovery from each post's folder upwards, extends,
// overrides by glob, severities, lists, allowed terms, pre-election windows, the precedence of
// context from configuration, flags and front matter, every error, and --print-config.
// Most cases use the configured project in fixtures/config; broken files are in
// fixtures/invalid-config, each stating on its first line the problem it must raise.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigResolver } from '../src/config/resolve.js';
import { FIXTURES, PROJECT_ROOT } from './helpers/project.js';
import { runMain, type RunOptions } from './helpers/run-cli.js';

const PROJECT = path.join(FIXTURES, 'config');
const scratch = mkdtempSync(path.join(os.tmpdir(), 'nhssm-config-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface JsonFinding {
  ruleId: string;
  severity: string;
  excerpt: string;
}

/** Runs the CLI in the configured project with JSON output; returns each post's findings as "rule severity". */
async function check(argv: readonly string[], options: RunOptions = {}): Promise<{ code: number; stderr: string; found: Record<string, string[]> }> {
  const run = await runMain([...argv, '--format', 'json', '--no-redact'], { cwd: PROJECT, ...options });
  const found: Record<string, string[]> = {};
  if (run.stdout !== '') {
    for (const result of (JSON.parse(run.stdout) as { results: Array<{ path: string; findings: JsonFinding[] }> }).results) {
      found[result.path] = result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`);
    }
  }
  return { code: run.code, stderr: run.stderr, found };
}

/** Writes files (path → text) under a new folder of the scratch area; returns the folder. */
function scratchProject(name: string, files: Record<string, string>): string {
  const root = path.join(scratch, name);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

describe('finding the configuration', () => {
  it('uses the nearest .nhssm.yaml or .nhssm.yml above each post, without merging those further up', async () => {
    const { found } = await check(['posts/draft.txt', 'ward-7/notes/handover.txt', 'volunteers/post.txt']);
    // The trust's file: its list additions and local pack apply.
    expect(found['posts/draft.txt']).toContain('confidential-project-named error');
    // ward-7/.nhssm.yml, two folders up from the post: only the local pack runs there.
    expect(found['ward-7/notes/handover.txt']).toEqual([]);
    // volunteers/.nhssm.yaml: the national pack alone, so no trust list and no local rule.
    expect(found['volunteers/post.txt']).toEqual(['profanity error']);
  });

  it('looks from the current folder for standard input, or from the folder of --stdin-filename', async () => {
    const text = 'What a shit day. Project Bluebell is nearly here.';
    expect((await check(['-'], { stdin: text, cwd: path.join(PROJECT, 'volunteers') })).found['<stdin>']).toEqual(['profanity error']);
    expect((await check(['-'], { stdin: text })).found['<stdin>']).toEqual(['profanity warning', 'confidential-project-named error']);
    const named = await check(['-', '--stdin-filename', 'volunteers/new.txt'], { stdin: text });
    expect(named.found['volunteers/new.txt']).toEqual(['profanity error']);
  });

  it('uses one file for every post with --config, and none with --no-config', async () => {
    const given = await check(['--config', 'volunteers/.nhssm.yaml', 'posts/draft.txt']);
    expect(given.found['posts/draft.txt']).not.toContain('confidential-project-named error');
    const none = await check(['--no-config', 'posts/draft.txt', 'ward-7/notes/handover.txt']);
    expect(none.found['posts/draft.txt']).toEqual(['embargo-broken error']);
    expect(none.found['ward-7/notes/handover.txt']).toEqual(['patient-titled-in-care-context error']);
  });

  it('refuses two configuration files in one folder', async () => {
    const root = scratchProject('two-files', { '.nhssm.yaml': 'extends: nhssm:recommended\n', '.nhssm.yml': 'extends: nhssm:recommended\n', 'post.txt': 'Hello' });
    const run = await runMain(['post.txt'], { cwd: root });
    expect(run).toEqual({ code: 2, stdout: '', stderr: '.nhssm.yml:1:1 there are two configuration files in this folder: keep .nhssm.yaml or .nhssm.yml, not both\n' });
  });

  it('keeps looking upwards when a --stdin-filename folder is really a file', async () => {
    const run = await check(['-', '--stdin-filename', 'posts/draft.txt/new.txt'], { stdin: 'Project Bluebell is nearly here.' });
    expect(run).toEqual({ code: 1, stderr: '', found: { 'posts/draft.txt/new.txt': ['confidential-project-named error'] } });
  });

  it('refuses a --config file that does not exist', async () => {
    const run = await runMain(['--config', 'no-such.yaml', 'posts/draft.txt'], { cwd: PROJECT });
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'no-such.yaml:1:1 no such configuration file\n' });
  });

  it('reads each configuration and compiles its rule packs once, however many posts use it', () => {
    const resolver = new ConfigResolver({ cwd: PROJECT });
    const draft = resolver.settingsFor(path.join(PROJECT, 'posts', 'draft.txt'));
    expect(resolver.settingsFor(path.join(PROJECT, 'posts', 'other.txt'))).toBe(draft);
    const corporate = resolver.settingsFor(path.join(PROJECT, 'corporate', 'launch.md'));
    expect(corporate).not.toBe(draft);
    expect(corporate.packRuleSet).toBe(draft.packRuleSet);
    expect(resolver.settingsFor(path.join(PROJECT, 'corporate', 'other.md')).ruleSet).toBe(corporate.ruleSet);
    expect(resolver.settingsFor(path.join(PROJECT, 'volunteers', 'post.txt')).packRuleSet).not.toBe(draft.packRuleSet);
  });
});

describe('extends', () => {
  const text = 'Mrs Patel in bay 3. We are launching a new service.';
  const flags = ['--publish-at', '2029-05-02'];

  it('nhssm:recommended alone: the national rules', async () => {
    expect((await check(['-', '--stdin-filename', 'volunteers/x.txt', ...flags], { stdin: text })).found['volunteers/x.txt']).toEqual(['patient-titled-in-care-context error']);
  });

  it('a local pack alone: only its rules, not the national ones', async () => {
    const root = scratchProject('local-only', {
      '.nhssm.yaml': `extends: ${path.join(PROJECT, 'trust-rules')}\nelection_windows: [{name: General election 2029, start: 2029-04-23, end: 2029-05-31}]\n`,
      'post.txt': text,
    });
    expect((await check(['post.txt', ...flags], { cwd: root })).found['post.txt']).toEqual(['launch-in-election-window warning', 'launch-in-election-window warning']);
  });

  it('both: the national rules and the local pack', async () => {
    expect((await check(['-', '--stdin-filename', 'posts/x.txt', ...flags], { stdin: text })).found['posts/x.txt']).toEqual([
      'patient-titled-in-care-context error',
      'launch-in-election-window warning',
      'launch-in-election-window warning',
    ]);
  });

  it('no extends, or an empty file: the national rules', async () => {
    for (const [name, config] of [['no-extends', 'rules:\n  profanity: error\n'], ['empty-file', '']]) {
      const root = scratchProject(name as string, { '.nhssm.yaml': config as string, 'post.txt': text });
      expect((await check(['post.txt'], { cwd: root })).found['post.txt'], name).toEqual(['patient-titled-in-care-context error']);
    }
  });
});

describe('rules, overrides, lists and allowed terms', () => {
  it('changes severities and switches rules off', async () => {
    const text = 'Still drunk from last night and on shift 🍺. The CQC are an absolute joke.';
    expect((await check(['-', '--no-config'], { stdin: text })).found['<stdin>']).toEqual(['intoxicated-at-work warning', 'other-nhs-body-ridiculed warning']);
    expect((await check(['-'], { stdin: text })).found['<stdin>']).toEqual(['intoxicated-at-work error']);
  });

  it("keeps a rule's own context changes on top of a configured severity", async () => {
    const root = scratchProject('severity-and-consent', {
      '.nhssm.yaml': 'extends: nhssm:recommended\nrules:\n  patient-titled-in-care-context: warning\n',
      'post.txt': 'Mrs Patel in bed 4 is a legend',
      'consented.txt': '---\nnhssm:\n  consent: CONS-2029-014\n---\nMrs Patel in bed 4 is a legend',
    });
    const { found } = await check(['post.txt', 'consented.txt'], { cwd: root });
    expect(found['post.txt']).toEqual(['patient-titled-in-care-context warning']);
    expect(found['consented.txt']).toEqual(['patient-titled-in-care-context info']);
  });

  it('applies overrides to the files their globs match, the later override winning', async () => {
    const { found } = await check(['posts/draft.txt', 'corporate/launch.md', 'corporate/press/release.md']);
    expect(found['posts/draft.txt']).toContain('embargo-broken error');
    expect(found['corporate/launch.md']).toEqual(['embargo-broken warning']);
    expect(found['corporate/press/release.md']).toEqual([]);
  });

  it('adds terms to the named lists of the packs', async () => {
    const text = 'Mrs Patel on Ward Nightingale says hi! Project Bluebell is nearly here.';
    expect((await check(['-', '--no-config'], { stdin: text })).found['<stdin>']).toEqual([]);
    expect((await check(['-'], { stdin: text })).found['<stdin>']).toEqual(['patient-titled-in-care-context error', 'confidential-project-named error']);
  });

  it('never reports an allowed term, even inside a larger finding', async () => {
    const text = '@ExampleNHSTrust admitted 40 patients on Saturday. Text 07700 900456 to rebook, or ring Dave on 07700 900123.';
    expect((await check(['-', '--no-config'], { stdin: text })).found['<stdin>']).toEqual([
      'patient-social-handle error',
      'personal-mobile-number warning',
      'phone-number-of-person error',
    ]);
    expect((await check(['-'], { stdin: text })).found['<stdin>']).toEqual(['phone-number-of-person error']);
  });
});

describe('post context: configuration, flags and front matter', () => {
  const swearing = 'What a shit day';

  it('the most specific wins: front matter over flags over overrides over the configuration', async () => {
    // The configuration's overrides make corporate/ posts corporate: strong language is an error.
    expect((await check(['-', '--stdin-filename', 'corporate/x.md'], { stdin: swearing })).found['corporate/x.md']).toEqual(['profanity error']);
    // A flag wins over the configuration.
    expect((await check(['-', '--stdin-filename', 'corporate/x.md', '--account', 'personal'], { stdin: swearing })).found['corporate/x.md']).toEqual(['profanity warning']);
    // The post's own front matter wins over the flag.
    const frontMatter = `---\nnhssm:\n  account: corporate\n---\n${swearing}`;
    expect((await check(['-', '--stdin-filename', 'posts/x.md', '--account', 'personal'], { stdin: frontMatter })).found['posts/x.md']).toEqual(['profanity error']);
  });

  it('checks the publish date against the pre-election windows: front matter, flag, or today', async () => {
    const text = 'We are launching a new clinic';
    const outside = await check(['-'], { stdin: text });
    expect(outside.found['<stdin>']).toEqual([]);
    expect((await check(['-', '--publish-at', '2029-05-02'], { stdin: text })).found['<stdin>']).toEqual(['launch-in-election-window warning']);
    expect((await check(['-'], { stdin: text, today: '2029-05-31' })).found['<stdin>']).toEqual(['launch-in-election-window warning']);
    expect((await check(['-', '--publish-at', '2029-06-01'], { stdin: text, today: '2029-05-02' })).found['<stdin>']).toEqual([]);
    const dated = `---\nnhssm:\n  publish_at: 2029-07-01\n---\n${text}`;
    expect((await check(['-', '--publish-at', '2029-05-02'], { stdin: dated })).found['<stdin>']).toEqual([]);
  });

  it('names the election in the message', async () => {
    const run = await runMain(['-', '--publish-at', '2029-05-02'], { cwd: PROJECT, stdin: 'Launching today' });
    expect(run.stdout).toContain("'Launching' announces something new during the pre-election period (General election 2029).");
  });

  it('refuses flag values it cannot use', async () => {
    const date = await runMain(['-', '--publish-at', '2029-02-30'], { stdin: 'Hello' });
    expect(date.code).toBe(2);
    expect(date.stderr).toContain("option '--publish-at <date>' argument '2029-02-30' is invalid. There is no such day as 2029-02-30.");
    const shape = await runMain(['-', '--publish-at', '2/5/2029'], { stdin: 'Hello' });
    expect(shape.stderr).toContain("argument '2/5/2029' is invalid. Write the date as YYYY-MM-DD, e.g. 2029-05-02.");
    const account = await runMain(['-', '--account', 'trust'], { stdin: 'Hello' });
    expect(account.code).toBe(2);
    expect(account.stderr).toContain("argument 'trust' is invalid. Allowed choices are personal, corporate.");
  });
});

describe('invalid configuration files', () => {
  const invalid = fg.sync('invalid-config/*.yaml', { cwd: FIXTURES }).sort();

  it('are there to test', () => expect(invalid.length).toBeGreaterThanOrEqual(15));

  it.each(invalid)('%s is refused with the promised problem and exit code 2', async (file) => {
    const header = /^# expect: (\d+:\d+ .*)$/m.exec(readFileSync(path.join(FIXTURES, file), 'utf8'));
    expect(header, 'the fixture states its expected problem on its first line').not.toBeNull();
    const shown = `fixtures/${file}`;
    const run = await runMain(['--config', shown, 'fixtures/examples/clean-draft.txt']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')).toContain(`${shown}:${header?.[1] ?? ''}`);
  });
});

describe('--print-config', () => {
  it('prints what applies to a post: packs, matching overrides, context, windows, terms and every rule', async () => {
    const run = await runMain(['--print-config', 'corporate/press/release.md', '--publish-at', '2029-05-02'], { cwd: PROJECT });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('# The configuration for corporate/press/release.md\n# From .nhssm.yaml.\n');
    expect(run.stdout).toContain('extends:\n  - nhssm:recommended\n  - ./trust-rules\n');
    expect(run.stdout).toContain('overrides:\n  - files:\n      - corporate/**\n  - files:\n      - corporate/press/**\n');
    expect(run.stdout).toContain('context:\n  account: corporate\n  platform: x\n  publish_at: 2029-05-02\n');
    expect(run.stdout).toContain('election_windows:\n  - name: General election 2029\n    start: 2029-04-23\n    end: 2029-05-31\n');
    expect(run.stdout).toContain('  - term: "@ExampleNHSTrust"\n    reason: The trust\'s own corporate account\n');
    expect(run.stdout).toContain('lists:\n  confidential-projects:\n    - Project Bluebell\n');
    expect(run.stdout).toMatch(/^ {2}embargo-broken: off$/m);
    expect(run.stdout).toMatch(/^ {2}intoxicated-at-work: error$/m);
    expect(run.stdout).toMatch(/^ {2}nhs-number: error$/m);
    expect(run.stdout).toMatch(/^ {2}launch-in-election-window: warning$/m);
  });

  it('says when no configuration applies, and shows the defaults', async () => {
    const run = await runMain(['--print-config', 'draft.txt', '--no-config'], { cwd: PROJECT, today: '2029-01-10' });
    expect(run.stdout).toContain('# No configuration file applies: the national pack with its default settings.\n');
    expect(run.stdout).toContain('extends:\n  - nhssm:recommended\ncontext:\n  account: personal\n  publish_at: 2029-01-10\nrules:\n');
  });

  it('takes one post only', async () => {
    const run = await runMain(['--print-config', 'a.txt', 'b.txt'], { cwd: PROJECT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--print-config takes one post');
  });

  it('reports a broken configuration like a check does', async () => {
    const run = await runMain(['--print-config', 'x.txt', '--config', 'fixtures/invalid-config/unknown-rule-id.yaml'], { cwd: PROJECT_ROOT });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('fixtures/invalid-config/unknown-rule-id.yaml:4:3 unknown rule "profanty"');
  });
});

describe('the README', () => {
  it('gives an example .nhssm.yaml that loads as it is', async () => {
    const readme = readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const example = /## Configuration[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toContain('extends:');
    const root = scratchProject('readme-example', { '.nhssm.yaml': example ?? '', 'nhssm-rules/local.yaml': readFileSync(path.join(PROJECT, 'trust-rules', 'launches.yaml'), 'utf8'), 'corporate/post.txt': 'What a shit day' });
    const run = await check(['corporate/post.txt'], { cwd: root });
    expect(run.stderr).toBe('');
    expect(run.found['corporate/post.txt']).toEqual(['profanity error']);
  });
});
