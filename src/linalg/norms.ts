/**
 * Norms and the condition number from the singular values (σ₁ ≥ … ≥ σ_p, p = min(m, n)):
 * norm2 = σ₁ (spectral norm), nuclearNorm = Σσᵢ (summed smallest first), cond = σ₁/σ_p, the
 * 2-norm condition number (numpy's cond with p = None). σ_p = 0 (a singular matrix, a zero
 * matrix) gives cond = Infinity, never NaN. Accuracy: the Jacobi SVD gives each σᵢ to high
 * relative accuracy, so these are accurate to a few ulps times a modest factor of p.
 * @module
 */
import { InvalidMatrixError } from '../errors.js';
import { checkOptions, computeOptionChecks, type OptionCheck } from '../validate.js';
import type { ComputeOptions, MatrixLike } from '../types.js';
import { decompose } from './decompose.js';

/** Options of {@link norm2}, {@link nuclearNorm} and {@link cond}. */
export interface NormOptions extends ComputeOptions {
  /** Jacobi sweep cap, as in {@link SvdOptions}. */
  maxSweeps?: number;
}

const normChecks = computeOptionChecks satisfies Record<keyof NormOptions, OptionCheck>;

/**
 * Spectral norm ‖A‖₂ = σ₁, the largest singular value; 0 for an empty matrix.
 * @example
 * ```ts
 * norm2([[3, 0], [0, -4]]); // 4
 * ```
 */
export function norm2(a: MatrixLike, opts: NormOptions = {}): number {
  checkOptions('norm2', opts, normChecks);
  const { S } = decompose(a, opts, 'values');
  return S.length === 0 ? 0 : S[0];
}

/**
 * Nuclear (trace) norm ‖A‖_* = Σσᵢ; 0 for an empty matrix.
 * @example
 * ```ts
 * nuclearNorm([[3, 0], [0, -4]]); // 7
 * ```
 */
export function nuclearNorm(a: MatrixLike, opts: NormOptions = {}): number {
  checkOptions('nuclearNorm', opts, normChecks);
  const { S } = decompose(a, opts, 'values');
  let s = 0;
  for (let i = S.length - 1; i >= 0; i--) s += S[i];
  // Each σᵢ is finite, but p of them near the float64 limit sum past it.
  if (!Number.isFinite(s)) {
    throw new InvalidMatrixError(
      `nuclearNorm: the sum of the singular values exceeds the float64 range (σ₁ = ${S[0]}); scale the input down`,
    );
  }
  return s;
}

/**
 * 2-norm condition number σ₁/σ_p (p = min(m, n)) of any m×n matrix; Infinity when σ_p = 0
 * (singular or zero matrices), never NaN.
 * @example
 * ```ts
 * cond([[1, 0], [0, 1e-3]]); // 1000
 * cond([[0, 0], [0, 0]]);    // Infinity
 * ```
 * @throws {@link InvalidMatrixError} an empty matrix (no condition number exists).
 */
export function cond(a: MatrixLike, opts: NormOptions = {}): number {
  checkOptions('cond', opts, normChecks);
  const { S, m, n } = decompose(a, opts, 'values');
  if (S.length === 0)
    throw new InvalidMatrixError(`cond: a is ${m}×${n}; the condition number of an empty matrix is undefined`);
  const small = S[S.length - 1];
  return small === 0 ? Infinity : S[0] / small;
}
