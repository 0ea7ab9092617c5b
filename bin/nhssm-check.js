#!/usr/bin/env node
// Wires the process to the CLI: arguments and streams in, exit code out. Everything else is in src/cli/main.ts.
import { main } from '../dist/cli/main.js';
import { processIo } from '../dist/cli/io.js';

process.exitCode = await main(process.argv.slice(2), processIo()).catch((error) => {
  process.stderr.write(`nhssm-check: internal error: ${error instanceof Error ? error.message : String(error)}. Please report it.\n`);
  return 2;
});
