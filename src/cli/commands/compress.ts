/**
 * `svdkit compress [input] [--ranks …|--energy e|--ratio r] [--gray] [--out DIR] [--json]`:
 * one PNG per rank, a contact sheet, and the table of sizes and errors.
 * @module
 */
import { statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { usageError } from '../errors.js';
import {
  compressImage,
  type CompressedImage,
  type Image16,
  type Image8,
  type ImageRankSpec,
} from '../../image/index.js';
import { contactSheet, type SheetTile } from '../render/contact-sheet.js';
import { randomizedFits } from '../../image/compress-steps.js';
import { checkSpec, fixedRank } from '../../image/rank-spec.js';
import { parseArgs, type FlagSpec } from '../args.js';
import { predictedBackend, readBackend } from '../backend-flag.js';
import { encodePng } from '../encode.js';
import { DEFAULT_OUT, prepareOutDir, refuseForeign, refuseInput, SOURCE_KEY, writeAtomic } from '../files.js';
import type { CliIO } from '../io.js';
import { channelsName, inputJson, loadInput, type InputJson, type LoadedInput } from '../load.js';
import { predictSvdMs, Progress } from '../progress.js';
import { RANK_FLAGS, ranksFor, readRankFlags, type RankRequest } from '../rank-flags.js';
import { formatPsnr, formatTable, percent } from '../table.js';
import { COMPRESS_HELP } from '../help.js';

/** Flags of `svdkit compress`. */
const COMPRESS_FLAGS: FlagSpec = {
  ...RANK_FLAGS,
  gray: { value: false },
  out: { value: true, example: 'out' },
  json: { value: false },
  exact: { value: false },
  force: { value: false },
  'save-factors': { value: false },
  precision: { value: true, example: 'float16' },
  backend: { value: true, example: 'js' },
  help: { value: false },
};

/** One row of `svdkit compress --json`. */
interface CompressJsonRow {
  rank: number;
  storedValues: number;
  /** storedValues / samples, a fraction (0.500625 for 50.06%). */
  compressionRatio: number;
  relativeError: number;
  /** dB; null when the reconstruction is exact (infinite PSNR). */
  psnr: number | null;
  /** Fraction of the energy kept. */
  energy: number;
  /** The PNG written for this rank. */
  file: string;
}

/** The compressed form written by --save-factors. */
interface FactorsJson {
  file: string;
  /** Its size in bytes, and the input file's. */
  bytes: number;
  inputBytes: number;
  rank: number;
  precision: string;
}

/** What `svdkit compress --json` prints. */
export interface CompressJson {
  command: 'compress';
  input: InputJson;
  request: { ranks: number[] } | { energy: number } | { ratio: number };
  backend: string;
  /** How the channels were decomposed: 'exact' (full SVD) or 'randomized' (float32, power iterations). */
  method: 'exact' | 'randomized';
  /** width · height · channels: what compressionRatio is taken against. */
  samples: number;
  rows: CompressJsonRow[];
  contactSheet: string;
  /** Present with --save-factors. */
  factors?: FactorsJson;
}

/** One decomposition serves every rank asked for: compress at the largest. */
function specFor(req: RankRequest | undefined, ranks: number[] | undefined): ImageRankSpec {
  if (ranks) return Math.max(...ranks);
  if (req?.kind === 'energy') return { energy: req.energy };
  if (req?.kind === 'ratio') return { ratio: req.ratio };
  throw new Error('no ranks, energy or ratio to compress with');
}

function tileCaption(c: CompressedImage<Image8 | Image16>, k: number, samples: number): string[] {
  const s = c.stats(k);
  return [`k = ${k}`, `ratio ${percent(s.storedValues, samples)}`, `PSNR ${formatPsnr(s.psnr)} dB`];
}

/** Runs `svdkit compress`; returns the exit code (errors are thrown as CliError). */
export function compressCommand(argv: readonly string[], io: CliIO): number {
  const { positionals, flags } = parseArgs(argv, COMPRESS_FLAGS, 'compress');
  if (flags.help) {
    io.stdout.write(COMPRESS_HELP);
    return 0;
  }
  const req = readRankFlags(flags),
    backend = readBackend(flags),
    json = flags.json === true;
  const outDir = typeof flags.out === 'string' ? flags.out : DEFAULT_OUT;

  const input = loadInput(positionals, flags.gray === true, 'compress');
  const { image } = input,
    m = image.height,
    n = image.width;
  const ranks = ranksFor(req, n, m, input.name);
  const compressedChannels = image.channels === 2 || image.channels === 4 ? image.channels - 1 : image.channels;
  const spec = specFor(req, ranks);
  checkSpec('svdkit compress', spec, { m, n, channels: image.channels, compressed: compressedChannels });
  const sheetFile = join(outDir, `${input.stem}-sheet.png`);
  const rankFile = (k: number) => join(outDir, `${input.stem}-k${k}.png`);
  const precision = readPrecision(flags, image.data instanceof Uint16Array);
  const factorsFile = flags['save-factors'] === true ? join(outDir, `${input.stem}.svdk`) : null;
  const force = flags.force === true,
    mark = { [SOURCE_KEY]: `${input.id} ${basename(input.path)}` };
  for (const f of [sheetFile, ...(ranks ?? []).map(rankFile)]) refuseInput(f, input.path);
  prepareOutDir(outDir);
  refuseForeign([sheetFile, ...(ranks ?? []).map(rankFile), ...(factorsFile ? [factorsFile] : [])], input.id, force);

  const progress = new Progress(io.stderr, !json);
  const method = flags.exact === true ? 'exact' : 'auto';
  const known = fixedRank(spec, { m, n, channels: image.channels, compressed: compressedChannels });
  const willSketch = method === 'auto' && randomizedFits(known, Math.min(m, n));
  const writes = (ranks?.length ?? 1) + 1;
  let svdSteps = compressedChannels;
  progress.start(
    svdSteps + writes,
    compressedChannels * predictSvdMs(m, n, predictedBackend(backend), willSketch ? (known ?? 64) : undefined),
  );
  const c = compressImage(image, spec, {
    backend,
    method,
    onProgress: (done, total, stage) => {
      if (total !== svdSteps) progress.setTotal((svdSteps = total) + writes);
      progress.step(done, stage ?? '');
    },
  });
  const chosen = ranks ?? [c.rank];

  const samples = m * n * image.channels,
    tiles: SheetTile[] = [{ image: to8(image), caption: originalCaption(input) }];
  const rows: CompressJsonRow[] = [];
  chosen.forEach((k, i) => {
    progress.step(svdSteps + i, `rank ${k}: writing PNG`);
    const img = c.toImage(k);
    const file = rankFile(k);
    if (!ranks) refuseForeign([file], input.id, force);
    writeAtomic(file, encodePng(img.data instanceof Uint16Array ? { ...img, depth: 16 } : img, mark), input.path);
    const s = c.stats(k);
    rows.push({ ...s, psnr: Number.isFinite(s.psnr) ? s.psnr : null, file });
    tiles.push({ image: to8(img), caption: tileCaption(c, k, samples) });
  });
  progress.step(svdSteps + writes - 1, 'writing the contact sheet');
  writeAtomic(sheetFile, encodePng(contactSheet(tiles, { title: sheetTitle(input) }), mark), input.path);
  let factors: FactorsJson | undefined;
  if (factorsFile) {
    const rank = Math.max(...chosen),
      bytes = c.toBytes(rank, { precision, label: `${SOURCE_KEY} ${input.id}` });
    writeAtomic(factorsFile, bytes, input.path);
    factors = { file: factorsFile, bytes: bytes.length, inputBytes: statSync(input.path).size, rank, precision };
  }
  progress.finish();

  if (json) {
    const report: CompressJson = {
      command: 'compress',
      input: inputJson(input),
      request:
        req === undefined || req.kind === 'ranks'
          ? { ranks: chosen }
          : req.kind === 'energy'
            ? { energy: req.energy }
            : { ratio: req.ratio },
      backend: c.backend,
      method: c.method,
      samples,
      rows,
      contactSheet: sheetFile,
      ...(factors ? { factors } : {}),
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(
    textReport(
      input,
      c,
      req,
      chosen,
      samples,
      outDir,
      rows.map((r) => r.file),
      sheetFile,
      factors,
    ),
  );
  return 0;
}

/** An 8-bit view of an image for the contact sheet: 16-bit samples divided by 257, rounded. */
function to8(img: Image8 | Image16): Image8 {
  if (!(img.data instanceof Uint16Array)) return img as Image8;
  return { ...img, data: Uint8ClampedArray.from(img.data, (v) => v / 257) };
}

/** The rank where the factors reach the sample count: k(m + n + 1) per compressed channel (+ alpha) = samples. */
function maxUseful(c: CompressedImage<Image8 | Image16>, samples: number): number {
  const alpha = (c.channels - c.compressedChannels) * c.width * c.height;
  return (samples - alpha) / (c.compressedChannels * (c.width + c.height + 1));
}

/** Which decomposition ran, for the report's second line. */
function methodLine(c: CompressedImage<Image8 | Image16>): string {
  return c.method === 'exact'
    ? 'one exact SVD per channel'
    : `one randomized SVD per channel (float32, ${c.powerIterations} power iterations, error within 1% of exact; ` +
        `--exact to force the full SVD)`;
}

function originalCaption(input: LoadedInput): string[] {
  const { width, height, channels } = input.image;
  return ['original', `${width} × ${height} ${channelsName(channels)}`, `${width * height * channels} values`];
}

function sheetTitle(input: LoadedInput): string {
  return `${input.example ? 'camera.png (Lav Varshney, CC0), 400 × 400 crop' : input.stem}: truncated SVD at rank k`;
}

/** A byte count as B, kB or MB (powers of 1000). */
function formatBytes(b: number): string {
  return b < 1000 ? `${b} B` : b < 1e6 ? `${(b / 1000).toFixed(1)} kB` : `${(b / 1e6).toFixed(2)} MB`;
}

const PRECISIONS = ['float16', 'float32', 'float64', 'int8'] as const;

function readPrecision(flags: Record<string, string | true>, deep: boolean): (typeof PRECISIONS)[number] {
  const p = flags.precision ?? (deep ? 'float32' : 'float16');
  if (!(PRECISIONS as readonly unknown[]).includes(p))
    throw usageError(`--precision takes ${PRECISIONS.join(', ')}; got '${String(p)}'`);
  if (flags.precision !== undefined && flags['save-factors'] !== true)
    throw usageError('--precision applies to --save-factors; add --save-factors');
  return p as (typeof PRECISIONS)[number];
}

function textReport(
  input: LoadedInput,
  c: CompressedImage<Image8 | Image16>,
  req: RankRequest | undefined,
  chosen: number[],
  samples: number,
  outDir: string,
  files: string[],
  sheet: string,
  factors?: FactorsJson,
): string {
  const { width: n, height: m, channels } = input.image;
  const lines = [
    input.display,
    `${n}×${m} ${channelsName(channels)}${input.gray ? ' (converted with --gray)' : ''}; ${methodLine(c)} on the ` +
      `${c.backend} backend`,
  ];
  if (req?.kind === 'energy')
    lines.push(
      `rank ${c.rank} is the smallest that keeps ${(req.energy * 100).toFixed(2).replace(/\.?0+$/, '')}% of the energy`,
    );
  if (req?.kind === 'ratio')
    lines.push(
      `rank ${c.rank} is the largest whose compression rate is at most ` +
        `${(req.ratio * 100).toFixed(2).replace(/\.?0+$/, '')}%`,
    );
  lines.push(
    '',
    formatTable(
      chosen.map((k) => c.stats(k)),
      samples,
    ),
    '',
  );
  const larger = chosen.filter((k) => c.stats(k).storedValues > samples);
  if (larger.length > 0) {
    const useful = Math.ceil(maxUseful(c, samples));
    lines.push(
      `warning: at rank ${larger.join(', ')} the factors hold more values than the image has samples (rate above ` +
        `100%):`,
      useful > 1
        ? `  they do not compress it; choose a rank below ${useful}`
        : '  no rank compresses an image this small',
      '',
    );
  }
  const alpha = c.compressedChannels < channels ? ' (alpha kept exact: m·n more)' : '';
  lines.push(
    `stored values: k·(m + n + 1) per channel${alpha}; compression rate: stored / ${n}·${m}·${channels} = ` +
      `${samples} samples;`,
    c.depth === 16
      ? 'relative error: ‖A − A_k‖ / ‖A‖ (Frobenius); PSNR: peak 65535, before rounding to 16 bits ' +
          '(16-bit input: outputs are 16-bit PNGs)'
      : 'relative error: ‖A − A_k‖ / ‖A‖ (Frobenius); PSNR: peak 255, before rounding to 8 bits',
    '',
    `wrote to ${outDir}: ${[...files, sheet].map((f) => basename(f)).join(', ')} (the last is the contact sheet)`,
  );
  if (factors) {
    lines.push(
      `saved the compressed form: ${basename(factors.file)}, ${formatBytes(factors.bytes)} (rank ${factors.rank}, ` +
        `${factors.precision} factors) ` +
        `beside the input's ${formatBytes(factors.inputBytes)} (${percent(factors.bytes, factors.inputBytes)}); ` +
        `svdkit decompress ${factors.file} writes it back as PNG`,
    );
  }
  return `${lines.join('\n')}\n`;
}
