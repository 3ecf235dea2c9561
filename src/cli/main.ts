#!/usr/bin/env node
/**
 * The `svdkit` executable (package "bin"): runs the command line on this process's arguments
 * and sets the exit code. See `svdkit --help`.
 * @module
 */
import { run } from './run.js';

// A closed pipe (`svdkit compress | head -3`) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

process.exitCode = run(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
