/**
 * pinv: the Moore–Penrose pseudo-inverse A⁺ = V_r·diag(1/σᵢ)·U_rᵀ over the r singular values
 * σᵢ > rcond·σ₁, rcond = max(m, n)·ε by default (numpy's pinv with rtol = None). One product of
 * n·m·r multiply-accumulates on the gemm kernel. Accuracy: ‖A⁺ − fl(A⁺)‖ ≈ u·κ_r/σ_r with
 * κ_r = σ₁/σ_r — the usual sensitivity of the pseudo-inverse.
 * @module
 */
import { allocate } from '../arrays.js';
import { checkOptions, computeOptionChecks, type OptionCheck } from '../validate.js';
import type { ComputeOptions, Matrix, MatrixLike, ResultArray } from '../types.js';
import { decompose } from './decompose.js';
import { pinvFactors } from '../core/solve.js';
import { countAbove, nonNegative } from '../core/tolerance.js';

/** Options of {@link pinv}. */
export interface PinvOptions extends ComputeOptions {
  /** Relative cutoff: singular values ≤ rcond·σ₁ are treated as zero. Default max(m, n)·ε. */
  rcond?: number;
  /** Jacobi sweep cap, as in {@link SvdOptions}. */
  maxSweeps?: number;
}

const pinvChecks = { ...computeOptionChecks, rcond: nonNegative } satisfies Record<keyof PinvOptions, OptionCheck>;

/**
 * Moore–Penrose pseudo-inverse of an m×n matrix: the n×m matrix X with AXA = A, XAX = X and
 * AX, XA symmetric. Singular values ≤ rcond·σ₁ count as zero.
 * @param a m×n; an empty input gives an empty n×m result, a zero matrix the zero n×m matrix.
 * @param opts `rcond` (default max(m, n)·ε), `dtype`, `backend`.
 * @example
 * ```ts
 * pinv([[1, 2], [2, 4]]); // rank 1: { rows: 2, cols: 2, data: [0.04, 0.08, 0.08, 0.16] }
 * ```
 * @throws {@link InvalidOptionError} rcond negative or not finite, unknown options.
 */
export function pinv<A extends MatrixLike, O extends PinvOptions = {}>(a: A, opts?: O): Matrix<ResultArray<A, O>>;
export function pinv(a: MatrixLike, opts: PinvOptions = {}): Matrix {
  checkOptions('pinv', opts, pinvChecks);
  const d = decompose(a, opts, 'thin');
  const { m, n, S, dtype } = d;
  const r = S.length === 0 ? 0 : countAbove(S, (opts.rcond ?? d.rcond) * S[0]);
  if (r === 0) return { rows: n, cols: m, data: allocate(dtype, n * m) };
  return pinvFactors('pinv', opts.backend, { dtype, U: d.U!, S, Vt: d.Vt! }, r);
}
