/**
 * matrixRank: the numerical rank, #{i : σᵢ > tol}, tol = max(m, n)·ε·σ₁ by default (numpy's
 * matrix_rank). The singular values come from the Jacobi SVD, which computes them to high
 * relative accuracy, so the count is reliable whenever no σᵢ lies within a few ulps of tol.
 * @module
 */
import { checkOptions, computeOptionChecks, type OptionCheck } from '../validate.js';
import type { ComputeOptions, MatrixLike } from '../types.js';
import { decompose } from './decompose.js';
import { countAbove, nonNegative } from '../core/tolerance.js';

/** Options of {@link matrixRank}. */
export interface MatrixRankOptions extends ComputeOptions {
  /** Absolute threshold: singular values > tol count. Default max(m, n)·ε·σ₁ (ε of the dtype). */
  tol?: number;
  /** Jacobi sweep cap, as in {@link SvdOptions}. */
  maxSweeps?: number;
}

const matrixRankChecks = { ...computeOptionChecks, tol: nonNegative } satisfies Record<
  keyof MatrixRankOptions,
  OptionCheck
>;

/**
 * Numerical rank of A: the number of singular values above `tol`.
 * @param a an m×n matrix; an empty matrix has rank 0.
 * @param opts `tol` (absolute; default max(m, n)·ε·σ₁, numpy's rule), `dtype`, `backend`.
 * @example
 * ```ts
 * matrixRank([[1, 2], [2, 4]]); // 1
 * matrixRank([[1, 0], [0, 1e-9]], { tol: 1e-6 }); // 1
 * ```
 * @throws {@link InvalidOptionError} tol negative or not finite, unknown options.
 */
export function matrixRank(a: MatrixLike, opts: MatrixRankOptions = {}): number {
  checkOptions('matrixRank', opts, matrixRankChecks);
  const d = decompose(a, opts, 'values');
  if (d.S.length === 0) return 0;
  return countAbove(d.S, opts.tol ?? d.rcond * d.S[0]);
}
