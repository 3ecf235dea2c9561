/** Public types of `svdkit/image`. @module */
import type { ComputeOptions } from '../types.js';

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
 * What {@link compressImage} keeps:
 * - a number k: rank k (1 ≤ k ≤ min(width, height));
 * - `{ energy }`: the smallest k whose kept energy (sum of the first k squared singular values
 *   over the sum of all, all compressed channels together) is at least `energy` (0 < energy ≤ 1);
 * - `{ ratio }`: the largest k whose compression ratio is at most `ratio` (at least k = 1; a
 *   ratio too small even for k = 1 is an error).
 *
 * With several channels one k serves them all (the rank is chosen jointly).
 */
export type ImageRankSpec =
  | number
  | {
    /** Fraction of the summed squared singular values to keep, 0 < energy ≤ 1. */
    energy: number;
  }
  | {
    /** Largest compression ratio (stored values / samples) allowed. */
    ratio: number;
  };

/** Options of {@link compressImage}. */
export interface CompressImageOptions extends ComputeOptions {
  /** false (default): the alpha channel is kept exact. true: it is compressed like the others. */
  compressAlpha?: boolean;
  /**
   * Called before each channel's decomposition (`done` channels finished of `total`) and once
   * more at the end; for progress bars. Runs synchronously between decompositions.
   */
  onProgress?: (done: number, total: number) => void;
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
   * Peak signal-to-noise ratio in dB, peak 255, over the compressed channels (real-valued
   * approximation); `Infinity` when the approximation is exact.
   */
  psnr: number;
  /** Fraction of the energy (sum of squared singular values) kept: 1 − relativeError². */
  energy: number;
}

/** Result of {@link compressImage}. */
export interface CompressedImage {
  /** Width of the input in pixels. */
  width: number;
  /** Height of the input in pixels. */
  height: number;
  /** Channels of the input (and of every {@link CompressedImage.toImage} result). */
  channels: 1 | 2 | 3 | 4;
  /** How many channels are compressed (alpha excluded unless `compressAlpha`). */
  compressedChannels: number;
  /** The rank the spec chose: the largest k that {@link CompressedImage.toImage} accepts. */
  rank: number;
  /** min(width, height): the largest rank a channel has. */
  maxRank: number;
  /**
   * All min(m, n) singular values of each compressed channel, descending, in channel order
   * (R, G, B, A or gray, A); for plots.
   */
  singularValues: Float64Array<ArrayBuffer>[];
  /** The backend that ran the decompositions. */
  backend: 'wasm' | 'js';
  /** Size and quality figures at rank k (default {@link CompressedImage.rank}); any 1 ≤ k ≤ maxRank. */
  stats(k?: number): RankStats;
  /**
   * The image rebuilt from the first k singular triplets of each compressed channel, samples
   * rounded and clamped to 0…255; default k = {@link CompressedImage.rank}. No new
   * decomposition: 1 ≤ k ≤ rank.
   */
  toImage(k?: number): Image8;
}
