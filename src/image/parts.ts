/**
 * compressImage in two steps: {@link compressParts} validates, decomposes each channel once and
 * truncates to the chosen rank; {@link assemble} builds the {@link CompressedImage} (stats and
 * toImage) from those parts. compressImage runs both in one thread; svdkit/worker runs the first
 * in a worker and the second in the caller, so toImage(k) stays synchronous and local.
 * @module
 */
import { columnsOf } from '../linalg/take.js';
import { reconstruct } from '../lowrank/reconstruct.js';
import { InvalidOptionError } from '../errors.js';
import { svd } from '../svd.js';
import type { BackendName, Matrix } from '../types.js';
import { checkOptions, computeOptionChecks, is } from '../validate.js';
import { channelPlane, checkImage, hasAlpha } from './input.js';
import { checkSpec, resolveRank } from './rank-spec.js';
import { jointSpectrum, makeStats, type StatsShape } from './stats.js';
import type { CompressedImage, CompressImageOptions, Image8, ImageInput, ImageRankSpec } from './types.js';

const FN = 'compressImage';
const optionChecks = {
  ...computeOptionChecks,
  compressAlpha: is.boolean,
  onProgress: (v: unknown) => (typeof v === 'function' ? null : 'must be a function (done, total) => void'),
};

/** What the worker sends back: truncated factors, all spectra, and the alpha plane kept exact. */
export interface ImageParts {
  shape: StatsShape;
  rank: number;
  backend: BackendName;
  spectra: Float64Array<ArrayBuffer>[];
  factors: { U: Matrix; S: Float64Array; Vt: Matrix }[];
  /** The input samples when an alpha channel is kept exact, else null. */
  exact: Uint8ClampedArray | null;
}


/** Step 1 (the worker's side): checks, one SVD per channel, the rank rule, truncation. */
export function compressParts(image: ImageInput, spec: ImageRankSpec, opts: CompressImageOptions = {}): ImageParts {
  checkOptions(FN, opts, optionChecks);
  const img = checkImage(image, FN);
  const m = img.height, n = img.width;
  const compressed = hasAlpha(img.channels) && !opts.compressAlpha ? img.channels - 1 : img.channels;
  const shape: StatsShape = { m, n, channels: img.channels, compressed };
  checkSpec(FN, spec, shape);
  const full: { U: Matrix; S: Float64Array<ArrayBuffer>; Vt: Matrix }[] = [];
  let backend: BackendName = 'js';
  for (let c = 0; c < compressed; c++) {
    opts.onProgress?.(c, compressed);
    const r = svd({ rows: m, cols: n, data: channelPlane(img, c) }, { backend: opts.backend, dtype: opts.dtype });
    backend = r.backend;
    full.push({ U: r.U!, S: Float64Array.from(r.S), Vt: r.Vt! });
  }
  opts.onProgress?.(compressed, compressed);
  const spectra = full.map((f) => f.S);
  const rank = resolveRank(spec, jointSpectrum(spectra), shape);
  const factors = full.map((f) => ({
    U: columnsOf(f.U, rank, 'float64'), S: f.S.slice(0, rank), Vt: { rows: rank, cols: n, data: f.Vt.data.slice(0, rank * n) },
  }));
  const exact = img.channels === compressed ? null : new Uint8ClampedArray(img.data);
  return { shape, rank, backend, spectra, factors, exact };
}

function checkK(what: string, k: unknown, max: number, maxName: string): void {
  if (!Number.isSafeInteger(k) || (k as number) < 1 || (k as number) > max) {
    throw new InvalidOptionError(
      `${FN}(…).${what}: k must be an integer from 1 to ${max} (${maxName}), got ${String(k)}` +
        (what === 'toImage' ? '; for a larger k, compress with that rank' : ''),
    );
  }
}

/** Step 2 (the caller's side): the {@link CompressedImage} made from the parts. */
export function assemble(parts: ImageParts): CompressedImage {
  const { shape, rank, factors, exact } = parts;
  const { m, n, channels, compressed } = shape;
  const p = Math.min(m, n);
  const stats = makeStats(shape, parts.spectra);
  return {
    width: n,
    height: m,
    channels: channels as 1 | 2 | 3 | 4,
    compressedChannels: compressed,
    rank,
    maxRank: p,
    singularValues: parts.spectra,
    backend: parts.backend,
    stats(k = rank) {
      checkK('stats', k, p, 'min(width, height)');
      return stats(k);
    },
    toImage(k = rank): Image8 {
      checkK('toImage', k, rank, 'the rank compressImage chose');
      const data = exact ? exact.slice() : new Uint8ClampedArray(m * n * channels);
      for (let c = 0; c < compressed; c++) {
        const a = reconstruct(factors[c], k).data;
        // Uint8ClampedArray stores round-half-even and clamps to 0…255.
        for (let i = 0, j = c; i < a.length; i++, j += channels) data[j] = a[i];
      }
      return { width: n, height: m, channels: channels as 1 | 2 | 3 | 4, data };
    },
  };
}
