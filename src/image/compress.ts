/**
 * Image compression by truncated SVD: each channel, an m×n matrix (m = height), is decomposed
 * once; any rank up to the chosen one is then rebuilt without a new decomposition.
 * @module
 */
import { InvalidOptionError } from '../errors.js';
import { reconstruct } from '../lowrank/reconstruct.js';
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

/** One channel's factors, truncated to the chosen rank. */
interface Factors {
  U: Matrix;
  S: Float64Array;
  Vt: Matrix;
}

/** The first r columns of a row-major rows×cols matrix. */
function firstColumns(a: Matrix, r: number): Matrix {
  if (r === a.cols) return a;
  const out = new Float64Array(a.rows * r);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < r; j++) out[i * r + j] = a.data[i * a.cols + j];
  return { rows: a.rows, cols: r, data: out };
}

/**
 * Compresses an 8-bit image by truncated SVD, one decomposition per channel.
 *
 * `spec` chooses the rank: a number k, `{ energy }` (smallest k keeping that fraction of the
 * squared singular values) or `{ ratio }` (largest k whose {@link RankStats.compressionRatio}
 * is at most the ratio). With several channels the rank is chosen jointly: one k for all
 * channels, from their energies summed. The alpha channel (the last of 2 or 4) is kept exact
 * unless `compressAlpha` is set; it then counts m·n stored values.
 *
 * @example
 * ```ts
 * import { compressImage } from 'svdkit/image';
 * const c = compressImage(ctx.getImageData(0, 0, w, h), { ratio: 0.1 });
 * ctx.putImageData(new ImageData(c.toImage().data, w, h), 0, 0);
 * c.stats(10); // { rank: 10, storedValues, compressionRatio, relativeError, psnr, energy }
 * ```
 * @throws {InvalidMatrixError} the image is malformed (sizes, data type, channel count).
 * @throws {InvalidOptionError} a bad spec (rank outside 1…min(width, height), energy outside
 *   (0, 1], a ratio below rank 1's) or a bad option.
 */
export function compressImage(image: ImageInput, spec: ImageRankSpec, opts: CompressImageOptions = {}): CompressedImage {
  checkOptions(FN, opts, optionChecks);
  const img = checkImage(image, FN);
  const m = img.height, n = img.width, p = Math.min(m, n);
  const compressed = hasAlpha(img.channels) && !opts.compressAlpha ? img.channels - 1 : img.channels;
  const shape: StatsShape = { m, n, channels: img.channels, compressed };
  checkSpec(FN, spec, shape);

  const full: { U: Matrix; S: Float64Array; Vt: Matrix }[] = [];
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
  const factors: Factors[] = full.map((f) => ({
    U: firstColumns(f.U, rank),
    S: f.S.slice(0, rank),
    Vt: { rows: rank, cols: n, data: f.Vt.data.slice(0, rank * n) },
  }));
  full.length = 0; // let the full factors go

  const stats = makeStats(shape, spectra);
  const exact = img.channels === compressed ? null : new Uint8ClampedArray(img.data);

  return {
    width: n,
    height: m,
    channels: img.channels,
    compressedChannels: compressed,
    rank,
    maxRank: p,
    singularValues: spectra,
    backend,
    stats(k = rank) {
      checkK('stats', k, p, 'min(width, height)');
      return stats(k);
    },
    toImage(k = rank): Image8 {
      checkK('toImage', k, rank, 'the rank compressImage chose');
      const C = img.channels;
      const data = exact ? exact.slice() : new Uint8ClampedArray(m * n * C);
      for (let c = 0; c < compressed; c++) {
        const a = reconstruct(factors[c], k).data;
        // Uint8ClampedArray stores round-half-even and clamps to 0…255.
        for (let i = 0, j = c; i < a.length; i++, j += C) data[j] = a[i];
      }
      return { width: n, height: m, channels: img.channels, data };
    },
  };
}

function checkK(what: string, k: unknown, max: number, maxName: string): void {
  if (!Number.isSafeInteger(k) || (k as number) < 1 || (k as number) > max) {
    throw new InvalidOptionError(
      `${FN}(…).${what}: k must be an integer from 1 to ${max} (${maxName}), got ${String(k)}` +
        (what === 'toImage' ? '; for a larger k, compress with that rank' : ''),
    );
  }
}
