/**
 * The `svdkit` command line without the process around it: `run(argv, io)` dispatches to a
 * command and turns every failure into one line on stderr and an exit code.
 * @module
 */
import { BackendUnavailableError, InvalidOptionError, SizeLimitError, SvdkitError } from '../errors.js';
import { compressCommand } from './commands/compress.js';
import { decompressCommand } from './commands/decompress.js';
import { COMPRESS_HELP, DECOMPRESS_HELP, INFO_HELP, MAIN_HELP, SPECTRUM_HELP } from './help.js';
import { infoCommand } from './commands/info.js';
import { spectrumCommand } from './commands/spectrum.js';
import { CliError, EXIT } from './errors.js';
import type { CliIO } from './io.js';
import { packageVersion } from './version.js';

const COMMANDS: Record<string, (argv: readonly string[], io: CliIO) => number> = {
  compress: compressCommand,
  decompress: decompressCommand,
  spectrum: spectrumCommand,
  info: infoCommand,
};

const HELPS: Record<string, string> = {
  compress: COMPRESS_HELP,
  decompress: DECOMPRESS_HELP,
  spectrum: SPECTRUM_HELP,
  info: INFO_HELP,
};

/** Runs the command line `argv` (without `node` and the script); returns the exit code. */
export function run(argv: readonly string[], io: CliIO): number {
  try {
    return dispatch(argv, io);
  } catch (e) {
    const [message, code] = failure(e);
    if (typeof (io.stderr as { isTTY?: boolean }).isTTY === 'boolean' && io.stderr.isTTY) io.stderr.write('\r\x1b[K');
    io.stderr.write(`svdkit: ${message}\n`);
    return code;
  }
}

function dispatch(argv: readonly string[], io: CliIO): number {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h') {
    io.stdout.write(MAIN_HELP);
    return EXIT.ok;
  }
  if (first === '--version' || first === '-v') {
    io.stdout.write(`${packageVersion()}\n`);
    return EXIT.ok;
  }
  if (first === 'help') {
    const topic = rest[0];
    if (topic !== undefined && !HELPS[topic])
      throw new CliError(
        `no such command '${topic}'; the commands are compress, decompress, spectrum and info`,
        EXIT.usage,
      );
    io.stdout.write(topic ? HELPS[topic] : MAIN_HELP);
    return EXIT.ok;
  }
  const command = COMMANDS[first];
  if (!command) {
    const hint = /\.(png|jpe?g)$/i.test(first) ? `; to compress it: svdkit compress ${first}` : '';
    throw new CliError(
      `unknown command '${first}'; the commands are compress, decompress, spectrum and info (see svdkit --help)${hint}`,
      EXIT.usage,
    );
  }
  return command(rest, io);
}

/** The message and exit code of a failure. */
function failure(e: unknown): [string, number] {
  if (e instanceof CliError) return [e.message, e.exitCode];
  if (e instanceof InvalidOptionError || e instanceof BackendUnavailableError || e instanceof SizeLimitError) {
    return [e.message.replace(/^(compressImage|svdkit (compress|spectrum)): /, ''), EXIT.usage];
  }
  if (e instanceof SvdkitError) return [e.message, EXIT.internal];
  const text = e instanceof Error ? e.message : String(e);
  return [`internal error: ${text} (please report this with the command you ran)`, EXIT.internal];
}
