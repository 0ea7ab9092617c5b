// The exit-code contract (ESLint's): documented in README and enforced by tests/cli.

export const ExitCode = {
  /** No error-level findings, and warnings within --max-warnings. */
  Ok: 0,
  /** Error-level findings, or more warnings than --max-warnings allows. */
  Findings: 1,
  /** The run could not be done as asked: usage, configuration or input problems. */
  Fatal: 2,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
