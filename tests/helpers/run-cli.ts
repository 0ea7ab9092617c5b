// Runs the CLI two ways: in-process through main() with captured output, and as a real
// process through bin/nhssm-check.js, so the exit-code contract is tested end to end.
import { spawnSync } from 'node:child_process';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/io.js';
import { BIN, PROJECT_ROOT } from './project.js';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  stdin?: string | Uint8Array;
  env?: Record<string, string | undefined>;
  /** Pretend standard output is a terminal. */
  tty?: boolean;
  /** The date main() takes for today, YYYY-MM-DD (default 2030-01-15, outside any test election window). */
  today?: string;
}

/** Runs main() in this process. */
export async function runMain(argv: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    readStdin: async () => (typeof options.stdin === 'string' ? new TextEncoder().encode(options.stdin) : (options.stdin ?? new Uint8Array())),
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { NO_COLOR: '1', ...options.env },
    stdoutIsTTY: options.tty ?? false,
    now: () => new Date(`${options.today ?? '2030-01-15'}T12:00:00`),
  };
  const code = await main(argv, io);
  return { code, stdout, stderr };
}

/** Runs the real bin in a child process (the built dist/ must be current: npm test builds first). */
export function runBin(argv: readonly string[], options: RunOptions = {}): CliRun {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', ...options.env };
  delete env.FORCE_COLOR;
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? PROJECT_ROOT,
    input: options.stdin ?? '',
    env: env as NodeJS.ProcessEnv,
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.error !== undefined) throw result.error;
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
