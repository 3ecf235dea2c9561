/**
 * lstsq: the minimum-norm least-squares solution x = A⁺b = V_r·diag(1/σᵢ)·U_rᵀ·b, over the r
 * singular values σᵢ > rcond·σ₁ (rcond = max(m, n)·ε by default, numpy's lstsq with rcond = None).
 * Among all minimisers of ‖Ax − b‖₂ it has the least ‖x‖₂; rank-deficient and under-determined
 * problems are fine. Two products on the gemm kernel, (m + n)·r·(columns of b) multiply-adds.
 * Accuracy: the SVD solution is backward stable; forward error ≈ u·κ_r·‖x‖ (+ u·κ_r²·‖r‖/… for
 * large residuals), κ_r = σ₁/σ_r.
 * @module
 */
import { allocate } from '../arrays.js';
import { InvalidMatrixError } from '../errors.js';
import { checkOptions, computeOptionChecks, readMatrix } from '../validate.js';
import type { ComputeOptions, FloatArray, Matrix, MatrixLike, NumericArray, ResultArray } from '../types.js';
import { decompose } from './decompose.js';
import { matmul } from './matmul.js';
import { columnsOf, isVector, readVector } from './take.js';
import { countAbove, nonNegative } from './tolerance.js';

/** Options of {@link lstsq}. */
export interface LstsqOptions extends ComputeOptions {
  /** Relative cutoff: singular values ≤ rcond·σ₁ are treated as zero. Default max(m, n)·ε. */
  rcond?: number;
  /** Jacobi sweep cap, as in {@link SvdOptions}. */
  maxSweeps?: number;
}

/**
 * Minimum-norm least-squares solution of A·x ≈ b.
 * @param a m×n matrix (any rank, any shape).
 * @param b a vector of length m (→ x of length n), or an m×r matrix (→ x n×r, one solution per column).
 * @param opts `rcond` (default max(m, n)·ε), `dtype`, `backend`.
 * @returns x; empty inputs give zeros of the right shape (n entries, or n×r).
 * @example
 * ```ts
 * lstsq([[1, 0], [1, 1], [1, 2]], [1, 2, 2]); // ≈ [1.1667, 0.5], the line fit
 * lstsq([[1, 1]], [2]);                        // [1, 1], the minimum-norm solution
 * ```
 * @throws {@link InvalidMatrixError} b's length (rows) differs from A's rows, malformed input.
 */
export function lstsq<A extends MatrixLike, O extends LstsqOptions = {}>(a: A, b: NumericArray | ArrayLike<number>, opts?: O): ResultArray<A, O>;
/** With an m×r matrix b: x is n×r, the solution for each column of b. */
export function lstsq<A extends MatrixLike, O extends LstsqOptions = {}>(a: A, b: MatrixLike, opts?: O): Matrix<ResultArray<A, O>>;
export function lstsq(a: MatrixLike, b: FloatArray | ArrayLike<number> | MatrixLike, opts: LstsqOptions = {}): FloatArray | Matrix {
  checkOptions('lstsq', opts, { ...computeOptionChecks, rcond: nonNegative });
  const d = decompose(a, opts, 'thin');
  const { m, n, S, dtype } = d;
  const vec = isVector(b);
  const B: Matrix = vec ? { rows: 0, cols: 1, data: readVector(b, dtype, 'b') } : readMatrix(b as MatrixLike, dtype, 'b');
  if (vec) B.rows = B.data.length;
  if (B.rows !== m) {
    throw new InvalidMatrixError(`lstsq: b must have m = ${m} ${vec ? 'entries' : 'rows'} (A is ${m}×${n}), got ${B.rows}`);
  }
  const r = S.length === 0 ? 0 : countAbove(S, (opts.rcond ?? d.rcond) * S[0]);
  let x: Matrix = { rows: n, cols: B.cols, data: allocate(dtype, n * B.cols) };
  if (r > 0) {
    const c = matmul('lstsq', opts.backend, dtype, columnsOf(d.U!, r, dtype), true, B, false); // U_rᵀb, r×cols
    for (let i = 0; i < r; i++) for (let j = 0; j < c.cols; j++) c.data[i * c.cols + j] /= S[i];
    x = matmul('lstsq', opts.backend, dtype, { rows: r, cols: n, data: d.Vt!.data.subarray(0, r * n) }, true, c, false);
  }
  return vec ? x.data : x;
}
