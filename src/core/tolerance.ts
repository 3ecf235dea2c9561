/**
 * Default tolerances, as numpy: singular values at or below max(m, n)·ε·σ₁ count as zero, with ε
 * the machine epsilon of the dtype (2⁻⁵² for float64, 2⁻²³ for float32) — numpy's matrix_rank
 * `tol`, and pinv / lstsq `rcond` (relative) = max(m, n)·ε.
 * @module
 */
import { InvalidOptionError } from '../errors.js';
import type { Dtype } from '../types.js';

/** Machine epsilon (gap between 1 and the next float) of each dtype, numpy's finfo.eps. */
const machineEpsilon = { float64: 2 ** -52, float32: 2 ** -23 } as const;

/** The default relative cutoff max(m, n)·ε. */
export function defaultRcond(dtype: Dtype, m: number, n: number): number {
  return Math.max(m, n) * machineEpsilon[dtype];
}

/** Number of singular values strictly above `cutoff` (S descending). */
export function countAbove(S: ArrayLike<number>, cutoff: number): number {
  let r = 0;
  while (r < S.length && S[r] > cutoff) r++;
  return r;
}

/** Option check for a non-negative finite tolerance. */
export const nonNegative = (v: unknown): string | null =>
  typeof v === 'number' && v >= 0 && Number.isFinite(v) ? null : 'must be a finite number ≥ 0';

/** Throws unless `x` is a non-negative finite number (for direct checks outside checkOptions). */
export function checkTolerance(fn: string, name: string, x: unknown): void {
  const problem = nonNegative(x);
  if (problem) throw new InvalidOptionError(`${fn}: ${name} ${problem}, got ${String(x)}`);
}
