/**
 * The error statistics of a rank-k truncation A_k, from the singular values.
 *
 * Full spectrum known (exact SVD), t_k = Σ_{i>k} σᵢ²:
 *   error = ‖A − A_k‖_F = √t_k (Eckart–Young), energy = 1 − t_k/Σσᵢ², relativeError = √(t_k/Σσᵢ²).
 *   Tails are summed smallest first on (σᵢ/σ₁)², accurate to a few ulps relative even when tiny.
 * Only the leading k values known (randomized or truncated SVD): since A_k = U_kU_kᵀA is an
 *   orthogonal projection of A, ‖A − A_k‖_F² = ‖A‖_F² − Σ_{i≤k} σᵢ² exactly in exact arithmetic.
 *   Both sums are taken on values scaled by max|aᵢⱼ| with Neumaier compensation and the
 *   difference clamped at 0; its absolute error is O(u·‖A‖_F²), so error is accurate to about
 *   u·‖A‖_F²/error relative (fine unless the approximation is nearly exact).
 * A zero matrix has error 0, relativeError 0 and energy 1 (A_k = A), never NaN.
 * @module
 */
import { maxAbs } from '../scale.js';
import type { FloatArray } from '../types.js';
import { scaledTails } from './rank.js';

/** error, relativeError and energy of a rank-k truncation. */
export interface TruncationStats {
  error: number;
  relativeError: number;
  energy: number;
}

/** From the full spectrum S (descending). */
export function statsFromTail(S: ArrayLike<number>, k: number): TruncationStats {
  if (S.length === 0 || S[0] === 0) return { error: 0, relativeError: 0, energy: 1 };
  const tails = scaledTails(S, S[0]);
  const total = tails[0],
    tail = tails[k];
  return { error: S[0] * Math.sqrt(tail), relativeError: Math.sqrt(tail / total), energy: 1 - tail / total };
}

/** Σ (x/scale)² with Neumaier compensation. */
export function scaledSumSquares(x: ArrayLike<number>, count: number, scale: number): number {
  let s = 0,
    c = 0;
  for (let i = 0; i < count; i++) {
    const v = x[i] / scale,
      y = v * v,
      t = s + y;
    c += Math.abs(s) >= y ? s - t + y : y - t + s;
    s = t;
  }
  return s + c;
}

/** From ‖A‖_F (data of A) and the leading k values of S, when the tail is unknown. */
export function statsFromNorm(a: FloatArray, S: ArrayLike<number>, k: number): TruncationStats {
  const c = maxAbs(a, a.length);
  if (c === 0) return { error: 0, relativeError: 0, energy: 1 };
  const total = scaledSumSquares(a, a.length, c),
    head = scaledSumSquares(S, k, c);
  const tail = Math.max(0, total - head);
  return { error: c * Math.sqrt(tail), relativeError: Math.sqrt(tail / total), energy: Math.min(1, head / total) };
}
