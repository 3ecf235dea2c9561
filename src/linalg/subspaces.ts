/**
 * subspaces: orthonormal bases of the four fundamental subspaces of A (m×n, rank r) from its full
 * SVD A = U·Σ·Vᵀ (Strang's "fundamental theorem of linear algebra"):
 *   column space = span U[:, :r]      (m×r)     left null space = span U[:, r:]   (m×(m−r))
 *   row space    = span V[:, :r]      (n×r)     null space      = span V[:, r:]   (n×(n−r))
 * r = #{σᵢ > tol}, tol = max(m, n)·ε·σ₁ by default (numpy's matrix_rank). The bases are
 * orthonormal to working precision (‖QᵀQ − I‖ = O(u)) and the pairs are mutually orthogonal.
 * @module
 */
import { checkOptions, computeOptionChecks, type OptionCheck } from '../validate.js';
import type { ComputeOptions, Matrix } from '../types.js';
import type { MatrixLike } from '../types.js';
import { allocate, columnRange, transpose } from '../arrays.js';
import { decompose } from './decompose.js';
import { countAbove, nonNegative } from '../core/tolerance.js';

/** Options of {@link subspaces}. */
export interface SubspacesOptions extends ComputeOptions {
  /** Absolute rank threshold (singular values > tol count); default max(m, n)·ε·σ₁. */
  tol?: number;
  /** Jacobi sweep cap, as in {@link SvdOptions}. */
  maxSweeps?: number;
}

const subspacesChecks = { ...computeOptionChecks, tol: nonNegative } satisfies Record<
  keyof SubspacesOptions,
  OptionCheck
>;

/** Result of {@link subspaces}: each basis is the columns of a matrix. */
export interface Subspaces {
  /** The numerical rank r. */
  rank: number;
  /** Column space (range) of A: m×r. */
  column: Matrix;
  /** Row space of A (range of Aᵀ): n×r. */
  row: Matrix;
  /** Null space of A: n×(n−r). */
  null: Matrix;
  /** Left null space (null space of Aᵀ): m×(m−r). */
  leftNull: Matrix;
}

/**
 * Orthonormal bases of the column, row, null and left null spaces of A, via its full SVD.
 * Dimensions: r, r, n − r, m − r (r the numerical rank).
 * @example
 * ```ts
 * const { rank, column, null: nullSpace } = subspaces([[1, 2], [2, 4]]);
 * // rank 1; column ∝ [1, 2]ᵀ (2×1); nullSpace ∝ [2, −1]ᵀ (2×1)
 * ```
 * @throws {@link InvalidOptionError} tol negative or not finite, unknown options.
 */
export function subspaces(a: MatrixLike, opts: SubspacesOptions = {}): Subspaces {
  checkOptions('subspaces', opts, subspacesChecks);
  const d = decompose(a, opts, 'full');
  const { m, n, S, dtype } = d;
  const r = S.length === 0 ? 0 : countAbove(S, opts.tol ?? d.rcond * S[0]);
  const U = d.U!,
    V = { rows: n, cols: n, data: n === 0 ? allocate(dtype, 0) : transpose(dtype, d.Vt!.data, n, n) };
  return {
    rank: r,
    column: columnRange(U, 0, r),
    leftNull: columnRange(U, r, m),
    row: columnRange(V, 0, r),
    null: columnRange(V, r, n),
  };
}
