// What the CLI may touch of the outside world, passed in so `main` can run in tests without a
// process: output writers, standard input, the working folder and the environment.
import { MAX_POST_BYTES } from '../core/post-length.js';
import { describeFsError } from '../files/text-file.js';
import { ExitCode } from './exit-codes.js';

export interface CliIo {
  /** Writes to standard output. */
  stdout(text: string): void;
  /** Writes to standard error. */
  stderr(text: string): void;
  /** Reads all of standard input. */
  readStdin(): Promise<Uint8Array>;
  /** The folder paths are resolved against. */
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Whether standard output is an interactive terminal. */
  stdoutIsTTY: boolean;
  /** The current time (for the publish date assumed when a post gives none). */
  now(): Date;
}

/**
 * Makes a failing output stream end the run with one line instead of a crash: a reader that
 * stops early (`nhssm-check posts/ | head`) closes the pipe, which is no error; anything else
 * (a full disk) is reported and exits 2.
 */
function guardOutput(stream: NodeJS.WriteStream, name: string): { closed: boolean } {
  const state = { closed: false };
  stream.on('error', (error: NodeJS.ErrnoException) => {
    state.closed = true;
    if (error.code === 'EPIPE') return;
    if (stream !== process.stderr) process.stderr.write(`nhssm-check: the ${name} cannot be written: ${describeFsError(error)}\n`);
    process.exitCode = ExitCode.Fatal;
  });
  return state;
}

/** The working folder; when it has been deleted under the shell, the path the shell still shows, so relative paths fail as "no such file". */
function currentFolder(): string {
  try {
    return process.cwd();
  } catch {
    return process.env.PWD ?? '.';
  }
}

/** The real process's streams, folder and environment. */
export function processIo(): CliIo {
  const stdout = guardOutput(process.stdout, 'report');
  const stderr = guardOutput(process.stderr, 'message');
  return {
    stdout: (text) => void (stdout.closed || process.stdout.write(text)),
    stderr: (text) => void (stderr.closed || process.stderr.write(text)),
    readStdin: async () => {
      // Past what a post can take, the rest is not read: the input is refused as too large anyway.
      const chunks: Buffer[] = [];
      let total = 0;
      for await (const chunk of process.stdin) {
        chunks.push(chunk as Buffer);
        total += (chunk as Buffer).length;
        if (total > MAX_POST_BYTES) break;
      }
      return Buffer.concat(chunks);
    },
    cwd: currentFolder(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    now: () => new Date(),
  };
}
