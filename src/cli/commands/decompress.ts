/**
 * `svdkit decompress FILE.svdk [--rank k] [--out DIR] [--force] [--json]`: the PNG back from the
 * compressed form `compress --save-factors` writes (docs/format.md, "Image factors").
 * @module
 */
import { basename, dirname, extname, join } from 'node:path';
import { decompressImage, readImageFactors, type ImageFactors } from '../../image/index.js';
import { SvdkitError } from '../../errors.js';
import { parseArgs, type FlagSpec } from '../args.js';
import { encodePng } from '../encode.js';
import { inputError, usageError } from '../errors.js';
import { prepareOutDir, readInput, refuseForeign, refuseInput, SOURCE_KEY, writeAtomic } from '../files.js';
import type { CliIO } from '../io.js';
import { channelsName } from '../load.js';
import { DECOMPRESS_HELP } from '../help.js';

/** Flags of `svdkit decompress`. */
const DECOMPRESS_FLAGS: FlagSpec = {
  rank: { value: true, example: '50' },
  out: { value: true, example: 'out' },
  force: { value: false },
  json: { value: false },
  help: { value: false },
};

/** What `svdkit decompress --json` prints. */
interface DecompressJson {
  command: 'decompress';
  input: {
    path: string;
    bytes: number;
    width: number;
    height: number;
    channels: number;
    savedRank: number;
    method: string;
  };
  rank: number;
  file: string;
}

/** Runs `svdkit decompress`; returns the exit code (errors are thrown as CliError). */
export function decompressCommand(argv: readonly string[], io: CliIO): number {
  const { positionals, flags } = parseArgs(argv, DECOMPRESS_FLAGS, 'decompress');
  if (flags.help) {
    io.stdout.write(DECOMPRESS_HELP);
    return 0;
  }
  if (positionals.length !== 1)
    throw usageError(
      `'svdkit decompress' takes one .svdk file (written by compress --save-factors), got ${positionals.length}`,
    );
  const path = positionals[0],
    bytes = readInput(path);
  let info: ImageFactors;
  try {
    info = readImageFactors(bytes);
  } catch (e) {
    if (e instanceof SvdkitError)
      throw inputError(`${path}: ${e.message.replace(/^(decompressImage|LowRank\.fromBytes): /, '')}`);
    throw e;
  }
  let rank = info.k;
  if (flags.rank !== undefined) {
    rank = /^\d+$/.test(String(flags.rank)) ? Number(flags.rank) : NaN;
    if (!(rank >= 1 && rank <= info.k))
      throw usageError(
        `--rank takes a whole number from 1 to ${info.k} (the rank ${path} holds); got '${String(flags.rank)}'`,
      );
  }
  const outDir = typeof flags.out === 'string' ? flags.out : dirname(path);
  const file = join(outDir, `${basename(path, extname(path))}-k${rank}-decompressed.png`);
  const id = new RegExp(`^${SOURCE_KEY} ([0-9a-f]{16})$`).exec(info.label)?.[1] ?? 'unknown-source';
  refuseInput(file, path);
  prepareOutDir(outDir);
  refuseForeign([file], id, flags.force === true);
  const image = decompressImage(bytes, rank);
  writeAtomic(
    file,
    encodePng(image.data instanceof Uint16Array ? { ...image, depth: 16 } : image, {
      [SOURCE_KEY]: `${id} ${basename(path)}`,
    }),
    path,
  );

  const { width, height, channels } = info;
  if (flags.json === true) {
    const report: DecompressJson = {
      command: 'decompress',
      input: { path, bytes: bytes.length, width, height, channels, savedRank: info.k, method: info.method },
      rank,
      file,
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    `${path}: ${width}×${height} ${channelsName(channels)} at rank ${info.k} (${info.method} SVD)\nwrote ${file} ` +
      `(rank ${rank})\n`,
  );
  return 0;
}
