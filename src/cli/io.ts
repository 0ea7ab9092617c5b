// What the CLI may touch of the outside world, passed in so `main` can run in tests without a
// process: output writers, standard input, the working folder and the environment.

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

/** The real process's streams, folder and environment. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    now: () => new Date(),
  };
}
