/**
 * `svdkit spectrum [input] [--ranks …|--energy e|--ratio r] [--gray] [--out plot.svg] [--json]`:
 * singular values and cumulative energy per channel, as an SVG with the asked-for ranks marked.
 * @module
 */
import { statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { channelPlane } from '../../image/input.js';
import { checkSpec, resolveRank } from '../../image/rank-spec.js';
import { jointSpectrum, type StatsShape } from '../../image/stats.js';
import { svd } from '../../svd.js';
import { parseArgs, type FlagSpec } from '../args.js';
import { predictedBackend, readBackend } from '../backend-flag.js';
import { DEFAULT_OUT, prepareOutDir, refuseForeign, refuseInput, SOURCE_KEY, writeAtomic } from '../files.js';
import type { CliIO } from '../io.js';
import { channelNames, channelsName, inputJson, loadInput, type InputJson } from '../load.js';
import { predictSvdMs, Progress } from '../progress.js';
import { RANK_FLAGS, ranksFor, readRankFlags } from '../rank-flags.js';
import { cumulativeEnergy } from '../../lowrank/rank.js';
import { spectrumSvg } from '../spectrum-svg.js';
import { SPECTRUM_HELP } from '../help.js';

/** Flags of `svdkit spectrum`. */
const SPECTRUM_FLAGS: FlagSpec = {
  ...RANK_FLAGS,
  gray: { value: false },
  out: { value: true, example: 'plot.svg' },
  json: { value: false },
  force: { value: false },
  backend: { value: true, example: 'js' },
  help: { value: false },
};

/** What `svdkit spectrum --json` prints. */
export interface SpectrumJson {
  command: 'spectrum';
  input: InputJson;
  backend: string;
  /** The channels decomposed (alpha is left out, as compress keeps it exact). */
  channels: { name: string; singularValues: number[]; cumulativeEnergy: number[] }[];
  /** The marked ranks and the energy kept there, all plotted channels together. */
  marks: { rank: number; energy: number }[];
  file: string;
}

/**
 * The SVG to write for --out: inside it when it is a folder, ends with a slash, or is a new name
 * without the .svg extension (a folder made as compress makes one); else the file itself.
 */
function outFile(out: string | true | undefined, stem: string): string {
  const name = `${stem}-spectrum.svg`;
  if (typeof out !== 'string') return join(DEFAULT_OUT, name);
  let exists: 'dir' | 'file' | 'none' = 'none';
  try {
    exists = statSync(out).isDirectory() ? 'dir' : 'file';
  } catch {
    /* new */
  }
  const folder = exists === 'dir' || /[/\\]$/.test(out) || (exists === 'none' && !/\.svg$/i.test(out));
  return folder ? join(out, name) : out;
}

/** Runs `svdkit spectrum`; returns the exit code (errors are thrown as CliError). */
export function spectrumCommand(argv: readonly string[], io: CliIO): number {
  const { positionals, flags } = parseArgs(argv, SPECTRUM_FLAGS, 'spectrum');
  if (flags.help) {
    io.stdout.write(SPECTRUM_HELP);
    return 0;
  }
  const req = readRankFlags(flags),
    backend = readBackend(flags),
    json = flags.json === true;
  const input = loadInput(positionals, flags.gray === true, 'spectrum');
  const { image } = input,
    m = image.height,
    n = image.width;
  const explicit = ranksFor(req, n, m, input.name);
  const compressed = image.channels === 2 || image.channels === 4 ? image.channels - 1 : image.channels;
  const shape: StatsShape = { m, n, channels: image.channels, compressed };
  const spec =
    req?.kind === 'energy' ? { energy: req.energy } : req?.kind === 'ratio' ? { ratio: req.ratio } : undefined;
  if (spec) checkSpec('svdkit spectrum', spec, shape);
  const file = outFile(flags.out, input.stem);
  refuseInput(file, input.path);
  prepareOutDir(dirname(file) || '.');
  refuseForeign([file], input.id, flags.force === true);

  const progress = new Progress(io.stderr, !json);
  progress.start(compressed, (compressed * predictSvdMs(m, n, predictedBackend(backend))) / 3);
  const names = channelNames(image.channels).slice(0, compressed);
  const spectra: Float64Array[] = [];
  let backendName = 'js';
  for (let c = 0; c < compressed; c++) {
    progress.step(c, `singular values of channel ${c + 1}/${compressed}`);
    const r = svd({ rows: m, cols: n, data: channelPlane(image, c) }, { backend, computeUV: false });
    spectra.push(Float64Array.from(r.S));
    backendName = r.backend;
  }
  progress.finish();
  const joint = jointSpectrum(spectra),
    jointEnergy = cumulativeEnergy(joint);
  const marks = explicit ?? [resolveRank(spec!, joint, shape)];

  const title =
    `${input.example ? 'camera-400.png (example)' : basename(input.path)}: ${n}×${m} ` +
    `${channelsName(image.channels)}`;
  const svg = spectrumSvg({ title, series: names.map((name, c) => ({ name, values: spectra[c] })), marks }).replace(
    '>',
    `>\n<!-- ${SOURCE_KEY} ${input.id} ${basename(input.path).replace(/--/g, '- -')} -->`,
  );
  writeAtomic(file, svg, input.path);

  if (json) {
    const report: SpectrumJson = {
      command: 'spectrum',
      input: inputJson(input),
      backend: backendName,
      channels: names.map((name, c) => ({
        name,
        singularValues: Array.from(spectra[c]),
        cumulativeEnergy: Array.from(cumulativeEnergy(spectra[c])),
      })),
      marks: marks.map((k) => ({ rank: k, energy: jointEnergy[k - 1] })),
      file,
    };
    io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    return 0;
  }
  const head = ['rank', 'energy kept', ...names.map((nm) => (compressed > 1 ? `σ_k ${nm}` : 'σ_k'))];
  const rows = marks.map((k) => [
    String(k),
    `${(jointEnergy[k - 1] * 100).toFixed(2)}%`,
    ...spectra.map((s) => s[k - 1].toFixed(2)),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((x, i) => x.padStart(widths[i])).join('  ');
  io.stdout.write(
    [
      input.display,
      `${n}×${m} ${channelsName(image.channels)}: ${spectra[0].length} singular values per channel, σ_1 = ` +
        `${spectra.map((s) => s[0].toPrecision(5)).join(', ')}`,
      '',
      line(head),
      line(widths.map((w) => '─'.repeat(w))),
      ...rows.map(line),
      '',
      `wrote ${file}`,
      '',
    ].join('\n'),
  );
  return 0;
}
