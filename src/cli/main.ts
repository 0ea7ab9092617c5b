// The command-line interface: main(argv, io) -> exit code. Parses flags with commander, works
// out the configuration of each input, lints it and prints the chosen format; it never touches
// `process` itself.
import path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { printConfig } from '../config/print.js';
import { ConfigResolver, type PostSettings } from '../config/resolve.js';
import { describeFsError } from '../files/text-file.js';
import { FORMATTERS } from '../format/index.js';
import type { FileResult } from '../format/results.js';
import { DAY_PATTERN, isCalendarDay } from '../post/context-schema.js';
import { lintSource } from '../post/lint-source.js';
import { displayPath } from '../rules/load.js';
import { PLATFORM_NAMES, toPlatform, type Account, type PostContext } from '../types.js';
import { formatProblem, ProblemError } from '../yaml/yaml-file.js';
import { closestRuleId, explainRule, listRules } from './describe-rules.js';
import { ExitCode } from './exit-codes.js';
import { decodePost, readPost, resolveInputs, type Input } from './inputs.js';
import type { CliIo } from './io.js';
import { writeFileAtomically } from './output-file.js';
import { VERSION } from './version.js';

/** The flags, after commander has parsed them. */
interface CliOptions {
  format: string;
  rules: string[];
  stdinFilename?: string;
  listRules?: boolean;
  explain?: string;
  quiet?: boolean;
  maxWarnings: number;
  color?: boolean;
  redact?: boolean;
  debug?: boolean;
  outputFile?: string;
  /** A file name, or false for --no-config. */
  config?: string | false;
  printConfig?: string;
  account?: Account;
  platform?: string;
  publishAt?: string;
}

/** A user-facing failure: one line on stderr and exit code 2. */
class UsageError extends Error {}

function parseCount(value: string): number {
  if (!/^-?\d+$/.test(value.trim()) || Number(value) < -1) {
    throw new InvalidArgumentError('Give a whole number (or -1 for no limit).');
  }
  return Number(value);
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseDay(value: string): string {
  if (!new RegExp(DAY_PATTERN).test(value)) throw new InvalidArgumentError('Write the date as YYYY-MM-DD, e.g. 2029-05-02.');
  if (!isCalendarDay(value)) throw new InvalidArgumentError(`There is no such day as ${value}.`);
  return value;
}

/** A date as YYYY-MM-DD in local time. */
function localDay(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
}

/** The post context given by flags. */
function flagContext(options: CliOptions): Partial<PostContext> {
  return {
    ...(options.account === undefined ? {} : { account: options.account }),
    ...(options.platform === undefined ? {} : { platform: toPlatform(options.platform) }),
    ...(options.publishAt === undefined ? {} : { publishAt: options.publishAt }),
  };
}

function buildProgram(io: CliIo): Command {
  return new Command('nhssm-check')
    .description(
      "Checks social media posts against NHS social media policy before you post them.\n" +
        "If you wouldn't say it in the canteen, don't type it.",
    )
    .argument('[paths...]', 'post files, folders or glob patterns to check; - reads standard input')
    .addOption(new Option('-f, --format <name>', 'output format').choices([...FORMATTERS.keys()]).default('stylish'))
    .option('-r, --rules <path>', 'add a rule file, or a folder of rule files (repeatable)', collect, [])
    .option('-c, --config <file>', 'use this configuration file for every post, instead of the nearest .nhssm.yaml')
    .option('--no-config', 'use no configuration file: the national rules with their default settings')
    .option('--print-config <file>', 'print the configuration that applies to a post, then exit')
    .addOption(new Option('--account <type>', "who posts: a member of staff or the organisation (default: personal)").choices(['personal', 'corporate']))
    .addOption(new Option('--platform <name>', 'where the posts will go out').choices([...PLATFORM_NAMES]))
    .option('--publish-at <date>', 'when the posts will go out, YYYY-MM-DD, checked against pre-election windows (default: today)', parseDay)
    .option('--stdin-filename <name>', 'the name to show for standard input')
    .option('--list-rules', 'list every rule with its category and default severity')
    .option('--explain <rule-id>', 'explain a rule: why it exists, the policy it cites, examples')
    .option('--quiet', 'report errors only')
    .option('--max-warnings <n>', 'exit with code 1 when there are more warnings than this (-1: no limit)', parseCount, -1)
    .option('--color', 'force coloured output')
    .option('--no-color', 'never colour the output (NO_COLOR in the environment does the same)')
    .option('--redact', 'mask identifying details (names, numbers, dates) in the output')
    .option('--no-redact', 'show identifying details even when the output is not a terminal')
    .option('-o, --output-file <path>', 'write the report to this file instead of standard output (masked unless --no-redact)')
    .option('--debug', 'show internal details (stack traces) when something goes wrong')
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show this help')
    .addHelpText(
      'after',
      [
        '',
        'Exit codes:',
        '  0  no error-level findings (and warnings within --max-warnings)',
        '  1  error-level findings, or more warnings than --max-warnings allows',
        '  2  the check could not run: a usage, configuration, rule-file or input problem',
        '',
        'Configuration: the nearest .nhssm.yaml (or .nhssm.yml) from each post\'s folder upwards.',
        'A post\'s own front matter (nhssm:) wins over --account, --platform and --publish-at,',
        'which win over the configuration.',
        '',
        'Identifying details are masked when the output is not a terminal (a pipe, a file, CI);',
        'use --no-redact to show them. Nothing is ever sent over the network.',
        '',
        'Examples:',
        '  nhssm-check draft.txt',
        '  nhssm-check posts/ --format json',
        '  echo "Mrs B in bed 4 is a legend" | nhssm-check -',
        '  nhssm-check --explain nhs-number',
        '  nhssm-check --account corporate --publish-at 2029-05-02 draft.txt',
        '  nhssm-check --print-config posts/launch.md',
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(`nhssm-check: ${text.replace(/^error: /, '').trim()}\nRun nhssm-check --help for usage.\n`),
    });
}

/** Whether the environment says we run in CI (most CI services set CI=true). */
function isCi(env: CliIo['env']): boolean {
  const value = env.CI;
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

function useColor(options: CliOptions, io: CliIo): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  return io.stdoutIsTTY;
}

/** The name a post is shown by, and the path its configuration is found from (none for plain standard input). */
function describeInput(input: Input, options: CliOptions, cwd: string): { name: string; file: string | undefined } {
  if (input.kind === 'file') return { name: displayPath(input.file, cwd), file: input.file };
  return { name: options.stdinFilename ?? '<stdin>', file: options.stdinFilename === undefined ? undefined : path.resolve(cwd, options.stdinFilename) };
}

interface PlannedInput {
  input: Input;
  name: string;
  settings: PostSettings;
}

/** Lints every input; problems with inputs are returned as the lines to print, not thrown. */
async function lintInputs(planned: readonly PlannedInput[], io: CliIo): Promise<{ results: FileResult[]; problems: string[] }> {
  const results: FileResult[] = [];
  const problems: string[] = [];
  for (const { input, name, settings } of planned) {
    const read = input.kind === 'stdin' ? decodePost(await io.readStdin()) : readPost(input.file);
    if ('problem' in read) {
      problems.push(`nhssm-check: ${name}: ${read.problem}`);
      continue;
    }
    const linted = lintSource(read.text, name, settings.ruleSet, settings.context);
    if (linted.problems.length > 0) {
      problems.push(...linted.problems.map(formatProblem));
      continue;
    }
    results.push({ path: name, findings: linted.findings });
  }
  return { results, problems };
}

async function run(options: CliOptions, targets: readonly string[], io: CliIo): Promise<ExitCode> {
  const resolver = new ConfigResolver({
    cwd: io.cwd,
    ...(options.config === undefined ? {} : { config: options.config }),
    extraRules: options.rules,
    flags: flagContext(options),
    defaultPublishAt: localDay(io.now()),
  });

  if (options.printConfig !== undefined) {
    if (targets.length > 0) throw new UsageError('--print-config takes one post and prints its configuration; give the post only once, after --print-config');
    io.stdout(printConfig(resolver.settingsFor(path.resolve(io.cwd, options.printConfig)), { post: options.printConfig, cwd: io.cwd, extraRules: options.rules }));
    return ExitCode.Ok;
  }
  if (options.listRules === true || options.explain !== undefined) {
    // Rules are described as the rule files define them, from the configuration found for the current folder.
    const { packRuleSet } = resolver.settingsFor(undefined);
    if (options.listRules === true) {
      io.stdout(listRules(packRuleSet));
      return ExitCode.Ok;
    }
    const rule = packRuleSet.rules.find((candidate) => candidate.id === options.explain);
    if (rule === undefined) {
      const guess = closestRuleId(packRuleSet, options.explain ?? '');
      throw new UsageError(`there is no rule "${options.explain}"${guess === undefined ? '' : ` (did you mean "${guess}"?)`}; nhssm-check --list-rules shows them all`);
    }
    io.stdout(explainRule(rule));
    return ExitCode.Ok;
  }

  if (targets.length === 0) throw new UsageError('nothing to check: give a post file, a folder, or - to read standard input');
  if (options.stdinFilename !== undefined && !targets.includes('-')) throw new UsageError('--stdin-filename needs - among the paths, to read standard input');
  const formatter = FORMATTERS.get(options.format);
  if (formatter === undefined) throw new UsageError(`unknown format "${options.format}"`);
  // Rule packs given with --rules apply to every post: a broken one is reported first, whatever the inputs.
  if (options.rules.length > 0) new ConfigResolver({ cwd: io.cwd, config: false, extraRules: options.rules }).settingsFor(undefined);
  const resolved = resolveInputs(targets, io.cwd);
  // Every configuration is read before any post is linted, so a broken one stops the run cleanly.
  const planned = resolved.inputs.map((input): PlannedInput => {
    const { name, file } = describeInput(input, options, io.cwd);
    return { input, name, settings: resolver.settingsFor(file) };
  });
  const { results, problems } = await lintInputs(planned, io);

  const failed = problems.length + resolved.problems.length > 0;
  // --quiet shows errors only; warnings still count towards --max-warnings, as in ESLint.
  const shown = options.quiet === true ? results.map((result) => ({ ...result, findings: result.findings.filter((finding) => finding.severity === 'error') })) : results;
  if (options.outputFile !== undefined) {
    // A report file is shared like a CI log, so it is masked by default; it is written only
    // when every input was checked, so a failed run never replaces the last good report.
    if (!failed) writeReport(options.outputFile, formatter(shown, { color: options.color === true, redact: options.redact ?? true }), io);
  } else if (results.length > 0 || !failed) {
    io.stdout(formatter(shown, { color: useColor(options, io), redact: options.redact ?? (isCi(io.env) || !io.stdoutIsTTY) }));
  }
  for (const problem of resolved.problems) io.stderr(`nhssm-check: ${problem.target}: ${problem.message}\n`);
  // A problem at a place in a file is printed as file:line:column message, as editors expect.
  for (const problem of problems) io.stderr(`${problem}\n`);
  if (failed) return ExitCode.Fatal;

  const findings = results.flatMap((result) => result.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  if (errors > 0) return ExitCode.Findings;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`nhssm-check: ${warnings} ${warnings === 1 ? 'warning' : 'warnings'} found; --max-warnings allows ${options.maxWarnings}.\n`);
    return ExitCode.Findings;
  }
  return ExitCode.Ok;
}

function writeReport(file: string, report: string, io: CliIo): void {
  try {
    writeFileAtomically(path.resolve(io.cwd, file), report);
  } catch (error) {
    throw new UsageError(`${file}: the report cannot be written: ${describeFsError(error)}`);
  }
}

/** Runs the command line; resolves to the exit code. Never throws and never exits the process. */
export async function main(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const program = buildProgram(io);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' ? ExitCode.Ok : ExitCode.Fatal;
    }
    throw error;
  }
  const options = program.opts<CliOptions>();
  try {
    return await run(options, program.args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`nhssm-check: ${error.message}\n`);
      return ExitCode.Fatal;
    }
    if (error instanceof ProblemError) {
      for (const problem of error.problems) io.stderr(`${formatProblem(problem)}\n`);
      return ExitCode.Fatal;
    }
    if ((error as NodeJS.ErrnoException | undefined)?.syscall === 'uv_cwd') {
      io.stderr(`nhssm-check: ${describeFsError(error)}\n`);
      return ExitCode.Fatal;
    }
    const reason = error instanceof Error ? error.message : String(error);
    io.stderr(`nhssm-check: internal error: ${reason}. Please report it; run with --debug for details.\n`);
    if (options.debug === true && error instanceof Error && error.stack !== undefined) io.stderr(`${error.stack}\n`);
    return ExitCode.Fatal;
  }
}
