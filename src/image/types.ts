/** Public types of `svdkit/image`. @module */
import type { ComputeOptions } from '../types.js';
import type { RankSpec } from '../lowrank/spec.js';

/**
 * An 8-bit image, interleaved row by row: sample c of pixel (x, y) is
 * `data[(y * width + x) * channels + c]`. Browser `ImageData` (RGBA) fits as it is.
 */
export interface ImageInput {
  /** Pixels per row (n, the columns of each channel's matrix). */
  width: number;
  /** Rows of pixels (m, the rows of each channel's matrix). */
  height: number;
  /** width·height·channels samples, interleaved. */
  data: Uint8Array | Uint8ClampedArray;
  /**
   * 1 = gray, 2 = gray + alpha, 3 = RGB, 4 = RGBA. Default: `data.length / (width · height)`,
   * which must then be one of these.
   */
  channels?: number;
}

/**
 * A 16-bit image (e.g. a 16-bit PNG): samples 0…65535 in a Uint16Array, interleaved as in
 * {@link ImageInput}. compressImage keeps it 16-bit: toImage gives {@link Image16}, PSNR is
 * taken against peak 65535.
 */
export interface ImageInput16 {
  /** Pixels per row. */
  width: number;
  /** Rows of pixels. */
  height: number;
  /** width·height·channels 16-bit samples, interleaved. */
  data: Uint16Array;
  /** 1 = gray, 2 = gray + alpha, 3 = RGB, 4 = RGBA; default data.length / (width · height). */
  channels?: number;
}

/** A 16-bit image made by svdkit. */
export interface Image16 {
  /** Pixels per row. */
  width: number;
  /** Rows of pixels. */
  height: number;
  /** 1 = gray, 2 = gray + alpha, 3 = RGB, 4 = RGBA. */
  channels: 1 | 2 | 3 | 4;
  /** width·height·channels samples 0…65535, interleaved row by row. */
  data: Uint16Array;
}

/** An 8-bit image made by svdkit: always `Uint8ClampedArray` data and an explicit channel count. */
export interface Image8 {
  /** Pixels per row. */
  width: number;
  /** Rows of pixels. */
  height: number;
  /** 1 = gray, 2 = gray + alpha, 3 = RGB, 4 = RGBA. */
  channels: 1 | 2 | 3 | 4;
  /** width·height·channels samples, interleaved row by row (over a plain ArrayBuffer: fits `new ImageData(…)`). */
  data: Uint8ClampedArray<ArrayBuffer>;
}

/**
 * What {@link compressImage} keeps: the rank vocabulary of `lowRank` ({@link RankSpec}), for all
 * compressed channels together, plus a compression ratio:
 * - a number k: rank k (1 ≤ k ≤ min(width, height));
 * - `{ energy }`: the smallest k whose kept energy (sum of the first k squared singular values
 *   over the sum of all, all compressed channels together) is at least `energy` (0 < energy ≤ 1);
 * - `{ relativeError }`: the smallest k with ‖A − A_k‖_F ≤ relativeError·‖A‖_F over the
 *   compressed channels together (0 ≤ relativeError ≤ 1);
 * - `{ maxStored }`: the largest k whose stored values ({@link RankStats.storedValues}, alpha kept
 *   exact included) are at most maxStored;
 * - `{ ratio }`: the largest k whose compression ratio is at most `ratio` (at least k = 1; a
 *   ratio too small even for k = 1 is an error).
 *
 * With several channels one k serves them all (the rank is chosen jointly).
 */
export type ImageRankSpec =
  | RankSpec
  | {
      /** Largest compression ratio (stored values / samples) allowed. */
      ratio: number;
    };

/** Options of {@link compressImage}. */
export interface CompressImageOptions extends ComputeOptions {
  /** false (default): the alpha channel is kept exact. true: it is compressed like the others. */
  compressAlpha?: boolean;
  /**
   * How each channel is decomposed:
   * - `'exact'`: the full thin SVD (float64 unless `dtype` says otherwise); keeps all min(m, n)
   *   triplets, so {@link CompressedImage.toImage} takes any k up to min(m, n).
   * - `'randomized'`: the leading triplets by randomized subspace iteration (4 power iterations,
   *   3 when k + 10 ≤ min(m, n)/8; 10 oversamples, fixed seed: the same output every run), float32 unless `dtype` says
   *   otherwise; keeps the chosen rank's triplets. Error within 1% of the exact truncation's.
   * - `'auto'` (default): randomized when min(width, height) ≥ 512 and the rank plus 10 is at most
   *   min(width, height)/4 (an energy spec: while the rank search stays under that), else exact.
   */
  method?: 'auto' | 'exact' | 'randomized';
  /**
   * Progress of the decompositions, for progress bars: `done` steps of `total` finished, `stage`
   * naming the next (a step is one channel's SVD for the exact method, one power iteration for
   * the randomized one); called once more at the end with done = total. Runs synchronously
   * between steps.
   */
  onProgress?: (done: number, total: number, stage?: string) => void;
}

/** Quality and size figures of the rank-k approximation. */
export interface RankStats {
  /** The rank k. */
  rank: number;
  /**
   * Numbers stored: k(m + n + 1) per compressed channel (U_k, S_k, V_k), summed, plus m·n for an
   * alpha channel kept exact.
   */
  storedValues: number;
  /** storedValues / (m·n·channels): the fraction of the raw sample count that is stored. */
  compressionRatio: number;
  /**
   * ‖A − A_k‖_F / ‖A‖_F over the compressed channels together, from the singular values (the
   * real-valued approximation, before rounding to 8 bits); 0 for an all-black image.
   */
  relativeError: number;
  /**
   * Peak signal-to-noise ratio in dB, peak 255 (65535 for 16-bit input), over the compressed
   * channels (real-valued approximation); `Infinity` when the approximation is exact.
   */
  psnr: number;
  /** Fraction of the energy (sum of squared singular values) kept: 1 − relativeError². */
  energy: number;
}

/** Result of {@link compressImage}: toImage gives I, {@link Image8} or (16-bit input) {@link Image16}. */
export interface CompressedImage<I extends Image8 | Image16 = Image8> {
  /** Width of the input in pixels. */
  width: number;
  /** Height of the input in pixels. */
  height: number;
  /** Bits a sample of the input and of every {@link CompressedImage.toImage} result: 8 or 16. */
  depth: 8 | 16;
  /** Channels of the input (and of every {@link CompressedImage.toImage} result). */
  channels: 1 | 2 | 3 | 4;
  /** How many channels are compressed (alpha excluded unless `compressAlpha`). */
  compressedChannels: number;
  /** The rank the spec chose: the default k of {@link CompressedImage.toImage} and `stats`. */
  rank: number;
  /** min(width, height): the largest rank a channel has. */
  maxRank: number;
  /**
   * Singular triplets kept per channel, the largest k that {@link CompressedImage.toImage}
   * accepts: maxRank for the exact method, {@link CompressedImage.rank} for the randomized one.
   */
  kept: number;
  /** The method that ran (see {@link CompressImageOptions.method}). */
  method: 'exact' | 'randomized';
  /** Power iterations of the randomized method (3 or 4); 0 for exact. */
  powerIterations: number;
  /**
   * The singular values of each compressed channel, descending, in channel order (R, G, B, A or
   * gray, A); for plots. All min(m, n) of them (exact method) or the leading `kept` (randomized).
   */
  singularValues: Float64Array<ArrayBuffer>[];
  /** The backend that ran the decompositions. */
  backend: 'wasm' | 'js';
  /**
   * Size and quality figures at rank k (default {@link CompressedImage.rank}): any 1 ≤ k ≤ maxRank
   * (exact method) or 1 ≤ k ≤ kept (randomized, where the spectrum past `kept` is unknown).
   */
  stats(k?: number): RankStats;
  /**
   * The compressed form at rank k (default {@link CompressedImage.rank}, at most `kept`): the
   * image factors format of docs/format.md — a small header, one LowRank blob per compressed
   * channel (float16 factors by default) and the alpha plane when kept exact. Read it back with
   * {@link decompressImage}.
   */
  toBytes(k?: number, opts?: ToBytesImageOptions): Uint8Array;
  /**
   * The image rebuilt from the first k singular triplets of each compressed channel, samples
   * rounded (ties to even) and clamped to 0…255 (0…65535 for 16-bit input); default
   * k = {@link CompressedImage.rank}. No new decomposition: 1 ≤ k ≤ {@link CompressedImage.kept}.
   */
  toImage(k?: number): I;
}

/** Options of {@link CompressedImage.toBytes}. */
export interface ToBytesImageOptions {
  /**
   * Storage of U and Vt: 'float16' (default for 8-bit images: rebuilt samples within ±1 level),
   * 'float32' (default for 16-bit ones, where float16's 2⁻¹¹ would cost tens of levels), 'float64'
   * or 'int8'; S is always float64.
   */
  precision?: 'float64' | 'float32' | 'float16' | 'int8';
  /** Up to 32 printable ASCII characters stored in the header (svdkit's CLI stores the input's identity). */
  label?: string;
}
