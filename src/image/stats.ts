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
  /** The PSNR peak: 255 for 8-bit samples (default), 65535 for 16-bit. */
  peak?: number;
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
  const p = spectra[0].length,
    out = new Float64Array(p);
  for (const s of spectra) for (let i = 0; i < p; i++) out[i] += s[i] * s[i];
  for (let i = 0; i < p; i++) out[i] = Math.sqrt(out[i]);
  return out;
}

/**
 * ‖A − A_k‖_F, relative error and energy when only the leading values are known: the error of
 * the projection A_k = U_kU_kᵀA is √(‖A‖_F² − Σ_{i≤k} σᵢ²), with ‖A‖_F² = `total` summed exactly
 * from the samples; the difference is clamped at 0.
 */
function statsFromTotal(
  joint: Float64Array,
  k: number,
  total: number,
): { error: number; relativeError: number; energy: number } {
  if (total === 0) return { error: 0, relativeError: 0, energy: 1 };
  let head = 0;
  for (let i = 0; i < k; i++) head += joint[i] * joint[i];
  const tail = Math.max(0, total - head);
  return { error: Math.sqrt(tail), relativeError: Math.sqrt(tail / total), energy: Math.min(1, head / total) };
}

/**
 * Makes the {@link RankStats} function for one decomposed image: from the full spectra, or, when
 * `total` (Σ of the squared samples of the compressed channels) is given, from the leading
 * values and that total.
 */
export function makeStats(
  shape: StatsShape,
  spectra: readonly Float64Array[],
  total?: number,
): (k: number) => RankStats {
  const joint = jointSpectrum(spectra),
    samples = shape.m * shape.n * shape.compressed;
  return (k) => {
    // ‖A − A_k‖_F over all compressed channels = √(Σ_{i>k} joint[i]²): the low-rank toolkit's tail rule.
    const { error, relativeError, energy } =
      total === undefined ? statsFromTail(joint, k) : statsFromTotal(joint, k, total);
    return {
      rank: k,
      storedValues: storedValues(shape, k),
      compressionRatio: compressionRatio(shape, k),
      relativeError,
      psnr: error > 0 ? 10 * Math.log10(((shape.peak ?? 255) ** 2 * samples) / (error * error)) : Infinity,
      energy,
    };
  };
}
