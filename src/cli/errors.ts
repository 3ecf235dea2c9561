/** How the command line fails: one line on stderr and an exit code that says which kind. @module */

/** Exit codes of the `svdkit` command. */
export const EXIT = {
  /** Done. */
  ok: 0,
  /** A bug: an error svdkit did not expect (the message says so). */
  internal: 1,
  /** Bad command line: unknown command or flag, a bad value, a rank outside 1…min(width, height). */
  usage: 2,
  /** The input: missing, unreadable, corrupt, or not a PNG or JPEG. */
  input: 3,
  /** The output: a folder that cannot be made or written, or a path that is the input itself. */
  output: 4,
} as const;

/** An error the command line reports as it is: `svdkit: <message>`, then exits with `code`. */
export class CliError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode: number) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** A usage error (exit 2). */
export const usageError = (message: string) => new CliError(message, EXIT.usage);
/** An input error (exit 3). */
export const inputError = (message: string) => new CliError(message, EXIT.input);
/** An output error (exit 4). */
export const outputError = (message: string) => new CliError(message, EXIT.output);
