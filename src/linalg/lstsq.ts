/**
 * lstsq: the minimum-norm least-squares solution x = A⁺b = V_r·diag(1/σᵢ)·U_rᵀ·b, over the r
 * singular values σᵢ > rcond·σ₁ (rcond = max(m, n)·ε by default, numpy's lstsq with rcond = None).
 * Among all minimisers of ‖Ax − b‖₂ it has the least ‖x‖₂; rank-deficient and under-determined
 * problems are fine. Two products on the gemm kernel, (m + n)·r·(columns of b) multiply-adds.
 * Accuracy: the SVD solution is backward stable; forward error ≈ u·κ_r·‖x‖ (+ u·κ_r²·‖r‖/… for
 * large residuals), κ_r = σ₁/σ_r.
 * @module
 */
import { checkOptions, computeOptionChecks, is, type OptionCheck } from '../validate.js';
import type { ComputeOptions, FloatArray, Matrix, MatrixLike, NumericArray, ResultArray } from '../types.js';
import { decompose } from './decompose.js';
import { solveWith } from '../core/solve.js';
import { nonNegative } from '../core/tolerance.js';

/** Options of {@link lstsq}. */
export interface LstsqOptions extends ComputeOptions {
  /** Relative cutoff: singular values ≤ rcond·σ₁ are treated as zero. Default max(m, n)·ε. */
  rcond?: number;
  /** Jacobi sweep cap, as in {@link SvdOptions}. */
  maxSweeps?: number;
  /**
   * true: return `{ x, residuals, rank, S }` as numpy's lstsq does, not x alone. Default false.
   */
  full?: boolean;
}

const lstsqChecks = { ...computeOptionChecks, rcond: nonNegative, full: is.boolean } satisfies Record<
  keyof LstsqOptions,
  OptionCheck
>;

/** {@link LstsqOptions} with `full: true`. */
export interface LstsqFullOptions extends LstsqOptions {
  /** Return residuals, rank and singular values beside x. */
  full: true;
}

/** {@link LstsqOptions} without `full: true`: lstsq returns x alone. */
export interface LstsqXOptions extends LstsqOptions {
  /** false or absent: x alone. */
  full?: false;
}

/** Result of {@link lstsq} with `full: true` (numpy's four results). */
export interface LstsqResult<X, T extends FloatArray = FloatArray> {
  /** The minimum-norm least-squares solution: length n, or n×r for an m×r b. */
  x: X;
  /**
   * ‖b − A·x‖₂² per column of b (length 1 for a vector b) when rank = n < m; otherwise empty,
   * as numpy (the fit is exact, or x is not unique).
   */
  residuals: T;
  /** The numerical rank used: singular values > rcond·σ₁. */
  rank: number;
  /** All min(m, n) singular values of A, descending. */
  S: T;
}

/**
 * Minimum-norm least-squares solution of A·x ≈ b.
 * @param a m×n matrix (any rank, any shape).
 * @param b a vector of length m (→ x of length n), or an m×r matrix (→ x n×r, one solution per column).
 * @param opts `rcond` (default max(m, n)·ε), `full` (also residuals, rank, S), `dtype`, `backend`.
 * @returns x; empty inputs give zeros of the right shape (n entries, or n×r). With `full: true`,
 *   `{ x, residuals, rank, S }`.
 * @example
 * ```ts
 * lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 2]); // ≈ [1.1667, 0.5], the line fit
 * lstsq([[1, 1]], [2]);                        // [1, 1], the minimum-norm solution
 * const { x, residuals, rank, S } = lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 2], { full: true });
 * // residuals ≈ [0.1667], rank 2
 * ```
 * @throws {@link InvalidMatrixError} b's length (rows) differs from A's rows, malformed input.
 */
export function lstsq<A extends MatrixLike, O extends LstsqFullOptions>(
  a: A,
  b: NumericArray | ArrayLike<number>,
  opts: O,
): LstsqResult<ResultArray<A, O>, ResultArray<A, O>>;
/** With an m×r matrix b and `full: true`. */
export function lstsq<A extends MatrixLike, O extends LstsqFullOptions>(
  a: A,
  b: MatrixLike,
  opts: O,
): LstsqResult<Matrix<ResultArray<A, O>>, ResultArray<A, O>>;
export function lstsq<A extends MatrixLike, O extends LstsqXOptions = {}>(
  a: A,
  b: NumericArray | ArrayLike<number>,
  opts?: O,
): ResultArray<A, O>;
/** With an m×r matrix b: x is n×r, the solution for each column of b. */
export function lstsq<A extends MatrixLike, O extends LstsqXOptions = {}>(
  a: A,
  b: MatrixLike,
  opts?: O,
): Matrix<ResultArray<A, O>>;
/** `full` not known at compile time. */
export function lstsq<A extends MatrixLike, O extends LstsqOptions>(
  a: A,
  b: NumericArray | ArrayLike<number> | MatrixLike,
  opts?: O,
):
  | ResultArray<A, O>
  | Matrix<ResultArray<A, O>>
  | LstsqResult<ResultArray<A, O> | Matrix<ResultArray<A, O>>, ResultArray<A, O>>;
export function lstsq(
  a: MatrixLike,
  b: NumericArray | ArrayLike<number> | MatrixLike,
  opts: LstsqOptions = {},
): unknown {
  checkOptions('lstsq', opts, lstsqChecks);
  const d = decompose(a, opts, 'thin');
  return solveWith('lstsq', d, b, opts.rcond ?? d.rcond, opts.backend, opts.full ?? false);
}
