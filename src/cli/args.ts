/** Command-line flag parsing: `--name value`, `--name=value`, boolean flags and `--`. @module */
import { usageError } from './errors.js';

/** The flags a command accepts: whether each takes a value, and an example value for messages. */
export type FlagSpec = Record<string, { value: false } | { value: true; example: string }>;

/** Parsed command line of one command. */
export interface ParsedArgs {
  positionals: string[];
  /** Flag values by name (without dashes); `true` for boolean flags. The last repeat wins. */
  flags: Record<string, string | true>;
}

/**
 * Parses `argv` (after the command name) against `spec`. `-h` is `--help`.
 * @throws {CliError} (usage) an unknown flag, a missing value or a value given to a boolean flag.
 */
export function parseArgs(argv: readonly string[], spec: FlagSpec, command: string): ParsedArgs {
  const positionals: string[] = [],
    flags: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '-h') {
      flags.help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-')
        throw usageError(`unknown option '${arg}' for 'svdkit ${command}'; see 'svdkit ${command} --help'`);
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const def = spec[name];
    if (!def) throw usageError(`unknown option '--${name}' for 'svdkit ${command}'; see 'svdkit ${command} --help'`);
    if (!def.value) {
      if (eq >= 0) throw usageError(`--${name} takes no value, got '${arg}'`);
      flags[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined || value === '' || (eq < 0 && value.startsWith('--'))) {
      throw usageError(`--${name} needs a value, e.g. --${name} ${def.example}`);
    }
    flags[name] = value;
  }
  return { positionals, flags };
}
