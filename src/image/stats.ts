/**
 * Size and quality figures of a rank-k image approximation, from the singular values alone
 * (Eckart–Young: ‖A − A_k‖²_F is the sum of the squared singular values past k).
 * @module
 */
import { statsFromTail } from '../lowrank/stats.js';
import type { RankStats } from './types.js';

/** The shape facts the figures depend on. */
export interface StatsShape {
  /** Rows (image height). */
  m: number;
  /** Columns (image width). */
  n: number;
  /** All channels of the image. */
  channels: number;
  /** Channels that are compressed; the others (alpha kept exact) are stored whole. */
  compressed: number;
}

/** Numbers stored at rank k: k(m + n + 1) per compressed channel, m·n per channel kept exact. */
export function storedValues(shape: StatsShape, k: number): number {
  const { m, n, channels, compressed } = shape;
  return compressed * k * (m + n + 1) + (channels - compressed) * m * n;
}

/** storedValues / (m·n·channels). */
export function compressionRatio(shape: StatsShape, k: number): number {
  return storedValues(shape, k) / (shape.m * shape.n * shape.channels);
}

/**
 * The per-index energy of all compressed channels together, Σ_c s_c[i]², and its square root:
 * a joint spectrum, descending, on which one rank rule serves every channel at once.
 */
export function jointSpectrum(spectra: readonly Float64Array[]): Float64Array {
  const p = spectra[0].length, out = new Float64Array(p);
  for (const s of spectra) for (let i = 0; i < p; i++) out[i] += s[i] * s[i];
  for (let i = 0; i < p; i++) out[i] = Math.sqrt(out[i]);
  return out;
}

/** Makes the {@link RankStats} function for one decomposed image. */
export function makeStats(shape: StatsShape, spectra: readonly Float64Array[]): (k: number) => RankStats {
  const joint = jointSpectrum(spectra), samples = shape.m * shape.n * shape.compressed;
  return (k) => {
    // ‖A − A_k‖_F over all compressed channels = √(Σ_{i>k} joint[i]²): the low-rank toolkit's tail rule.
    const { error, relativeError, energy } = statsFromTail(joint, k);
    return {
      rank: k,
      storedValues: storedValues(shape, k),
      compressionRatio: compressionRatio(shape, k),
      relativeError,
      psnr: error > 0 ? 10 * Math.log10((255 * 255 * samples) / (error * error)) : Infinity,
      energy,
    };
  };
}
