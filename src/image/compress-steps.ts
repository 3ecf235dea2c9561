/**
 * compressImage in two steps: {@link compressParts} validates, decomposes each channel once and
 * keeps the factors; {@link assemble} builds the {@link CompressedImage} (stats and toImage)
 * from those parts. compressImage runs both in one thread; svdkit/worker runs the first in a
 * worker and the second in the caller, so toImage(k) stays synchronous and local.
 *
 * Two methods (see {@link CompressImageOptions.method}):
 * - exact: the full thin SVD of each channel (float64 by default); all min(m, n) triplets kept.
 * - randomized: the leading triplets only, by randomized subspace iteration (lowrank/randomized.ts,
 *   Halko–Martinsson–Tropp 2011) with 3 or 4 power iterations ({@link powerIterationsFor}), {@link OVERSAMPLES}
 *   oversamples and seed 0 (the same output every run), in float32 by default (8-bit samples are
 *   exact in float32 and its 24-bit rounding is far below one level). The chosen rank's triplets
 *   are kept. Errors come from ‖A‖_F² − Σ_{i≤k} σᵢ² (an orthogonal projection's error, exact in
 *   exact arithmetic) with ‖A‖_F² summed exactly from the samples.
 * 'auto' picks randomized when min(m, n) ≥ {@link RANDOMIZED_MIN_SIDE} and k + oversamples ≤
 * min(m, n)/4 (measured, bench/photo.ts and README: above that, exact is under a second anyway,
 * and past a quarter of min(m, n) the error ratio to the optimum nears 1%). Energy specs search
 * the rank by doubling sketches (32, 64, …) against the exact total, falling back to exact once
 * the sketch would pass a quarter of min(m, n).
 * @module
 */
import { allocate, leadingColumns } from '../arrays.js';
import { InvalidOptionError } from '../errors.js';
import { randomizedFactors, randomizedSteps, type RandomizedParams } from '../lowrank/randomized.js';
import { reconstruct } from '../lowrank/reconstruct.js';
import { svd } from '../svd.js';
import type { BackendName, Dtype, Matrix } from '../types.js';
import { checkOptions, dtypeBackendChecks, is, type OptionCheck } from '../validate.js';
import { precisionCheck } from '../lowrank/quantize.js';
import { channelPlane, checkImage, hasAlpha, type CheckedImage } from './input.js';
import { checkSpec, fixedRank, resolveRank } from './rank-spec.js';
import { jointSpectrum, makeStats, type StatsShape } from './stats.js';
import { encodeImageFactors } from './factors-file.js';
import type {
  CompressedImage,
  CompressImageOptions,
  Image16,
  Image8,
  ImageInput,
  ImageInput16,
  ImageRankSpec,
  ToBytesImageOptions,
} from './types.js';

const FN = 'compressImage';
const optionChecks = {
  ...dtypeBackendChecks,
  compressAlpha: is.boolean,
  method: is.oneOf('auto', 'exact', 'randomized'),
  onProgress: (v: unknown) => (typeof v === 'function' ? null : 'must be a function (done, total, stage) => void'),
} satisfies Record<keyof CompressImageOptions, OptionCheck>;

/** Below this min(width, height), 'auto' always runs the exact SVD (it takes under a second). */
export const RANDOMIZED_MIN_SIDE = 512;
/**
 * Power iterations of the randomized method: 4, or 3 when k + oversamples ≤ min(m, n)/8, where
 * the spectrum past the sketch decays enough. Measured on photo-like images (bench/photo-data.ts,
 * float32): the error ratio to the exact truncation stays below 1.0045 with 4 at the 'auto' limit
 * (k + 10 = min(m, n)/4) and below 1.0032 with 3 at k + 10 = min(m, n)/8.
 */
export function powerIterationsFor(k: number, p: number): number {
  return k + OVERSAMPLES <= p / 8 ? 3 : 4;
}
/** Oversamples of the randomized method. */
export const OVERSAMPLES = 10;
/** The first sketch rank of an energy search. */
const FIRST_SKETCH = 32;

/** One channel's kept factors: U m×kept, S kept, Vt kept×n. */
interface ChannelFactors {
  U: Matrix;
  S: Float64Array<ArrayBuffer>;
  Vt: Matrix;
}

/** What the worker sends back: the kept factors, the spectra, and the alpha plane kept exact. */
export interface ImageParts {
  shape: StatsShape;
  rank: number;
  backend: BackendName;
  method: 'exact' | 'randomized';
  dtype: Dtype;
  /** Triplets kept per channel: min(m, n) (exact) or the rank (randomized). */
  kept: number;
  /** Power iterations of the randomized method; 0 for exact. */
  powerIterations: number;
  /** Per channel: all min(m, n) singular values (exact), or the kept ones (randomized). */
  spectra: Float64Array<ArrayBuffer>[];
  factors: ChannelFactors[];
  /** Σ of all squared samples of the compressed channels (randomized: the error's reference), else null. */
  totalEnergy: number | null;
  /** Per compressed channel, Σ of its squared samples (= Σσᵢ² over its full spectrum). */
  channelEnergy: number[];
  /** The input samples when an alpha channel is kept exact, else null. */
  exact: Uint8ClampedArray | Uint16Array | null;
}

/** Whether 'auto' takes the randomized method for a sketch of rank k (null: rank not known yet). */
export function randomizedFits(k: number | null, p: number): boolean {
  return p >= RANDOMIZED_MIN_SIDE && (k === null || k + OVERSAMPLES <= p / 4);
}

/** Step 1 (the worker's side): checks, one decomposition per channel, the rank rule. */
export function compressParts(
  image: ImageInput | ImageInput16,
  spec: ImageRankSpec,
  opts: CompressImageOptions = {},
): ImageParts {
  checkOptions(FN, opts, optionChecks);
  const img = checkImage(image, FN, true);
  const m = img.height,
    n = img.width,
    p = Math.min(m, n);
  const compressed = hasAlpha(img.channels) && !opts.compressAlpha ? img.channels - 1 : img.channels;
  const shape: StatsShape = { m, n, channels: img.channels, compressed, peak: img.depth === 16 ? 65535 : 255 };
  checkSpec(FN, spec, shape);
  const exactAlpha =
    img.channels === compressed ? null : img.depth === 16 ? new Uint16Array(img.data) : new Uint8ClampedArray(img.data);
  const known = fixedRank(spec, shape);
  const method = opts.method ?? 'auto';
  if (method === 'randomized' || (method === 'auto' && randomizedFits(known, p))) {
    const r = randomizedParts(img, spec, shape, known, opts, method === 'auto');
    if (r) return { ...r, exact: exactAlpha };
  }
  return { ...exactParts(img, spec, shape, opts), exact: exactAlpha };
}

type Decomposed = Omit<ImageParts, 'exact'>;

function exactParts(img: CheckedImage, spec: ImageRankSpec, shape: StatsShape, opts: CompressImageOptions): Decomposed {
  const { m, n, compressed } = shape;
  const factors: ChannelFactors[] = [];
  let backend: BackendName = 'js';
  const dtype = opts.dtype ?? 'float64';
  for (let c = 0; c < compressed; c++) {
    opts.onProgress?.(c, compressed, `SVD of channel ${c + 1}/${compressed}`);
    const r = svd({ rows: m, cols: n, data: channelPlane(img, c) }, { backend: opts.backend, dtype });
    backend = r.backend;
    factors.push({ U: r.U!, S: Float64Array.from(r.S), Vt: r.Vt! });
  }
  opts.onProgress?.(compressed, compressed, 'SVD done');
  const spectra = factors.map((f) => f.S);
  const rank = resolveRank(spec, jointSpectrum(spectra), shape);
  const channelEnergy = spectra.map((sv) => sv.reduce((t, x) => t + x * x, 0));
  return {
    shape,
    rank,
    backend,
    method: 'exact',
    dtype,
    kept: Math.min(m, n),
    powerIterations: 0,
    spectra,
    factors,
    totalEnergy: null,
    channelEnergy,
  };
}

/** Channel c as a float32 (or float64) m×n plane scaled by 2^-e, with e the exponent of its largest sample. */
function scaledPlane(img: CheckedImage, c: number, dtype: Dtype): { A: Matrix; e: number; sumSq: number } {
  const count = img.width * img.height,
    step = img.channels;
  const d =
    img.data instanceof Uint8ClampedArray
      ? new Uint8Array(img.data.buffer, img.data.byteOffset, img.data.length)
      : img.data;
  let big = 0,
    sumSq = 0;
  for (let i = 0, j = c; i < count; i++, j += step) {
    const x = d[j];
    if (x > big) big = x;
    sumSq += x * x;
  }
  // Samples are integers, so the exponent is exact and the scaled plane has its largest entry in
  // [1, 2): the randomized SVD then needs no scaled copy of its own.
  const e = big === 0 ? 0 : 31 - Math.clz32(big);
  const data = fill(allocate(dtype, count), d, c, step, 2 ** -e);
  return { A: { rows: img.height, cols: img.width, data }, e, sumSq };
}

function fill<T extends Float32Array | Float64Array>(
  out: T,
  d: Uint8Array | Uint16Array,
  c: number,
  step: number,
  s: number,
): T {
  for (let i = 0, j = c; i < out.length; i++, j += step) out[i] = d[j] * s;
  return out;
}

/** x rounded to the nearest integer (ties to even, as Uint8ClampedArray does) and clamped to 0…65535. */
export function to16(x: number): number {
  if (!(x > 0)) return 0;
  if (x >= 65535) return 65535;
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 === 1 ? r - 1 : r;
}

/** Rows rebuilt per product in toImage: bounds the temporary m×n planes to a few MB. */
const ROWS_PER_BLOCK = 256;

/** Rank-k channel c written into the interleaved `out`, a block of rows at a time. */
function rebuildChannel(
  f: ChannelFactors,
  k: number,
  out: Uint8ClampedArray | Uint16Array,
  c: number,
  channels: number,
): void {
  const { U, Vt } = f,
    n = Vt.cols;
  const vt = { rows: k, cols: n, data: Vt.data.subarray(0, k * n) };
  for (let r0 = 0; r0 < U.rows; r0 += ROWS_PER_BLOCK) {
    const r1 = Math.min(U.rows, r0 + ROWS_PER_BLOCK);
    const u = { rows: r1 - r0, cols: U.cols, data: U.data.subarray(r0 * U.cols, r1 * U.cols) };
    const a = reconstruct({ U: u, S: f.S, Vt: vt }, k).data;
    // Uint8ClampedArray stores round-half-even and clamps to 0…255; 16-bit samples do the same by hand.
    if (out instanceof Uint8ClampedArray)
      for (let i = 0, j = r0 * n * channels + c; i < a.length; i++, j += channels) out[j] = a[i];
    else for (let i = 0, j = r0 * n * channels + c; i < a.length; i++, j += channels) out[j] = to16(a[i]);
  }
}

/**
 * The randomized method: every channel sketched at rank kk (the fixed rank, or 32, 64, … for an
 * energy spec until the joint rule is met). Null when 'auto' should fall back to exact.
 */
function randomizedParts(
  img: CheckedImage,
  spec: ImageRankSpec,
  shape: StatsShape,
  known: number | null,
  opts: CompressImageOptions,
  auto: boolean,
): Decomposed | null {
  const { m, n, compressed } = shape,
    p = Math.min(m, n);
  const dtype = opts.dtype ?? 'float32';
  const planes = Array.from({ length: compressed }, (_, c) => scaledPlane(img, c, dtype));
  const total = planes.reduce((s, x) => s + x.sumSq, 0);
  for (let kk = known ?? Math.min(p, FIRST_SKETCH); ; kk = Math.min(p, 2 * kk)) {
    if (auto && !randomizedFits(kk, p)) return null;
    const rp: RandomizedParams = { oversamples: OVERSAMPLES, powerIterations: powerIterationsFor(kk, p), seed: 0 };
    const per = randomizedSteps(rp);
    const factors: ChannelFactors[] = [];
    let backend: BackendName = 'js';
    planes.forEach(({ A, e }, c) => {
      const stage = (i: number) =>
        `channel ${c + 1}/${compressed}: ${i < per - 1 ? `power iteration ${i}/${per - 2}` : 'small SVD'}`;
      opts.onProgress?.(c * per, compressed * per, stage(0));
      const r = randomizedFactors(FN, A, kk, dtype, opts.backend, rp, (i) =>
        opts.onProgress?.(c * per + i, compressed * per, stage(i)),
      );
      backend = r.backend;
      factors.push({ U: r.U, S: Float64Array.from(r.S, (x) => x * 2 ** e), Vt: r.Vt });
    });
    const spectra = factors.map((f) => f.S);
    const rank = known ?? searchRank(spec, jointSpectrum(spectra), total);
    if (rank > 0 || kk === p) {
      const k = rank > 0 ? rank : p;
      opts.onProgress?.(compressed * per, compressed * per, 'SVD done');
      return {
        shape,
        rank: k,
        backend,
        method: 'randomized',
        dtype,
        kept: k,
        powerIterations: rp.powerIterations,
        spectra: spectra.map((s) => s.slice(0, k)),
        factors: factors.map((f) => truncate(f, k)),
        totalEnergy: total,
        channelEnergy: planes.map((x) => x.sumSq),
      };
    }
  }
}

/**
 * The energy rule on leading values against the exact total; relativeError r is the energy rule
 * with e = 1 − r² (‖A − A_k‖² = total − head). -1 when kk values do not suffice.
 */
function searchRank(spec: ImageRankSpec, joint: Float64Array, total: number): number {
  const e =
    'energy' in (spec as object)
      ? (spec as { energy: number }).energy
      : 1 - (spec as { relativeError: number }).relativeError ** 2;
  if (total === 0) return 1;
  let head = 0;
  for (let k = 1; k <= joint.length; k++) {
    head += joint[k - 1] * joint[k - 1];
    if (head >= e * total) return k;
  }
  return -1;
}

function truncate(f: ChannelFactors, k: number): ChannelFactors {
  if (f.S.length === k) return f;
  const { Vt } = f;
  return {
    U: leadingColumns(f.U, k),
    S: f.S.slice(0, k),
    Vt: { rows: k, cols: Vt.cols, data: Vt.data.slice(0, k * Vt.cols) },
  };
}

function checkK(what: string, k: unknown, max: number, why: string): void {
  if (!Number.isSafeInteger(k) || (k as number) < 1 || (k as number) > max) {
    throw new InvalidOptionError(`${FN}(…).${what}: k must be an integer from 1 to ${max} (${why}), got ${String(k)}`);
  }
}

const bytesChecks = {
  precision: precisionCheck,
  label: (v: unknown) =>
    typeof v === 'string' && /^[\x20-\x7e]{0,32}$/.test(v) ? null : 'must be at most 32 printable ASCII characters',
} satisfies Record<keyof ToBytesImageOptions, OptionCheck>;

/** Step 2 (the caller's side): the {@link CompressedImage} made from the parts. */
export function assemble(parts: ImageParts): CompressedImage<Image8 | Image16> {
  const { shape, rank, factors, exact, kept, method } = parts;
  const { m, n, channels, compressed } = shape;
  const p = Math.min(m, n);
  const stats = makeStats(shape, parts.spectra, parts.totalEnergy ?? undefined);
  const deep = shape.peak === 65535;
  const statsMax = method === 'exact' ? p : kept;
  const keptWhy =
    method === 'exact'
      ? 'min(width, height)'
      : "the randomized method kept that many triplets; for a larger k, compress with that rank or method: 'exact'";
  return {
    width: n,
    height: m,
    channels: channels as 1 | 2 | 3 | 4,
    depth: deep ? 16 : 8,
    compressedChannels: compressed,
    rank,
    maxRank: p,
    kept,
    method,
    powerIterations: parts.powerIterations,
    singularValues: parts.spectra,
    backend: parts.backend,
    stats(k = rank) {
      checkK('stats', k, statsMax, keptWhy);
      return stats(k);
    },
    toBytes(k = rank, opts: ToBytesImageOptions = {}): Uint8Array {
      checkK('toBytes', k, kept, keptWhy);
      checkOptions(`${FN}(…).toBytes`, opts, bytesChecks);
      return encodeImageFactors({
        width: n,
        height: m,
        channels: channels as 1 | 2 | 3 | 4,
        depth: deep ? 16 : 8,
        k,
        method,
        exact,
        precision: opts.precision ?? (deep ? 'float32' : 'float16'),
        label: opts.label,
        factors: factors.map((f, c) => ({ ...f, total: parts.channelEnergy[c] })),
      });
    },
    toImage(k = rank): Image8 | Image16 {
      checkK('toImage', k, kept, keptWhy);
      const data = exact
        ? exact.slice()
        : deep
          ? new Uint16Array(m * n * channels)
          : new Uint8ClampedArray(m * n * channels);
      for (let c = 0; c < compressed; c++) rebuildChannel(factors[c], k, data, c, channels);
      return { width: n, height: m, channels: channels as 1 | 2 | 3 | 4, data } as Image8 | Image16;
    },
  };
}
