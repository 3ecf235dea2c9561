/** The streams a command writes to (process.stdout/stderr, or stand-ins in tests). @module */
import type { BarStream } from './progress.js';

/** Where a command writes: results to stdout, the progress bar to stderr. */
export interface CliIO {
  stdout: { write(text: string): unknown };
  stderr: BarStream;
}
