/**
 * randomizedSvd: the k leading singular triplets of A by randomized subspace iteration
 * (Halko, Martinsson & Tropp, "Finding structure with randomness", SIAM Review 53(2), 2011,
 * Algorithms 4.4 and 5.1):
 *   ℓ = min(k + oversamples, min(m, n)), Ω an n×ℓ standard Gaussian matrix (seeded);
 *   Q = orth(A·Ω); q times: Q = orth(A·orth(Aᵀ·Q))   (re-orthonormalised at every half step);
 *   B = Qᵀ·A (ℓ×n); B = Ũ·Σ·Vᵀ exactly (the Jacobi svd); U = Q·Ũ; keep the first k triplets.
 * Accuracy (HMT Cor. 10.10): E‖A − A_k‖ ≤ [1 + 4√(2 min(m,n)/(k−1))]^{1/(2q+1)}·σ_{k+1} in the
 * spectral norm for p ≥ 2 oversamples; in practice, with the default q, the Frobenius error is
 * within 1% of the optimal √(Σ_{i>k} σᵢ²) even for slowly decaying spectra (σᵢ = i^-½).
 * Default q (as scikit-learn's randomized_svd): 7 when k < 0.1·min(m, n), else 4.
 * Cost: (2q + 2)·m·n·ℓ multiply-accumulates on the gemm kernel, plus O((m + n)·ℓ²).
 * Deterministic: the same seed (default 0), data, dtype and backend give bit-identical results
 * (the two backends' gemm kernels round differently, so wasm and js agree only to rounding).
 * The products run on the gemm kernel, and so does most of the re-orthonormalisation (block
 * Gram–Schmidt twice, core/orth-blocked.ts; within blocks of 16 rows, MGS in JS).
 * @module
 */
import { allocate, leadingColumns } from '../arrays.js';
import { InvalidOptionError } from '../errors.js';
import { matmul } from '../core/matmul.js';
import { orthonormalizeRowsBlocked } from '../core/orth-blocked.js';
import { createRng, fillNormal } from '../random.js';
import { svd } from '../svd.js';
import {
  checkInRange,
  checkOptions,
  dtypeBackendChecks,
  is,
  matrixShape,
  readMatrix,
  resolveDtype,
  type OptionCheck,
} from '../validate.js';
import { selectBackend } from '../backend/select.js';
import { exponentOf, maxAbs, scaleExp2 } from '../scale.js';
import { negateRow, positiveColumns } from '../signs.js';
import type {
  BackendChoice,
  BackendName,
  ComputeOptions,
  Dtype,
  FloatArray,
  Matrix,
  MatrixLike,
  ResultArray,
} from '../types.js';

/** Options of {@link randomizedSvd}. */
export interface RandomizedSvdOptions extends ComputeOptions {
  /** Extra sample directions beyond k (ℓ = k + oversamples, capped at min(m, n)); default 10. */
  oversamples?: number;
  /** Power (subspace) iterations q; default 7 when k < 0.1·min(m, n), else 4. */
  powerIterations?: number;
  /** Seed of the Gaussian test matrix, an integer 0…2³²−1; default 0. */
  seed?: number;
}

/** Result of {@link randomizedSvd}: the k leading approximate triplets. */
export interface RandomizedSvdResult<T extends FloatArray = FloatArray> {
  /** m×k, orthonormal columns. */
  U: Matrix<T>;
  /** k approximate singular values, descending, non-negative. */
  S: T;
  /** k×n, orthonormal rows. */
  Vt: Matrix<T>;
  /** The backend that ran the products and the small SVD. */
  backend: BackendName;
}

/** The randomized options once defaults are applied. */
export interface RandomizedParams {
  oversamples: number;
  powerIterations: number;
  seed: number;
}

/** Option checks of the randomized parameters, shared with lowRank. */
export const randomizedChecks = {
  oversamples: is.integer(0, 1e6),
  powerIterations: is.integer(0, 1000),
  seed: is.integer(0, 2 ** 32 - 1),
} satisfies Record<Exclude<keyof RandomizedSvdOptions, keyof ComputeOptions>, OptionCheck>;

const randomizedSvdChecks = { ...dtypeBackendChecks, ...randomizedChecks } satisfies Record<
  keyof RandomizedSvdOptions,
  OptionCheck
>;

/** Applies the defaults, given k and p = min(m, n). */
export function randomizedParams(o: Partial<RandomizedParams>, k: number, p: number): RandomizedParams {
  return {
    oversamples: o.oversamples ?? 10,
    powerIterations: o.powerIterations ?? (k < 0.1 * p ? 7 : 4),
    seed: o.seed ?? 0,
  };
}

/** Orthonormal rows spanning (approximately) the leading row space of Aᵀ, i.e. Qᵀ (ℓ×m). */
function rangeFinder(
  fn: string,
  be: BackendChoice | undefined,
  dtype: Dtype,
  A: Matrix,
  l: number,
  rp: RandomizedParams,
  tick: () => void,
): Matrix {
  const orth = (x: Matrix) => orthonormalizeRowsBlocked(fn, be, dtype, x.data, x.rows, x.cols);
  const omegaT = { rows: l, cols: A.cols, data: fillNormal(allocate(dtype, l * A.cols), createRng(rp.seed)) };
  let qT = matmul(fn, be, dtype, omegaT, false, A, true); // (AΩ)ᵀ = Ωᵀ·Aᵀ, ℓ×m
  orth(qT);
  tick();
  for (let it = 0; it < rp.powerIterations; it++) {
    const zT = matmul(fn, be, dtype, qT, false, A, false); // (AᵀQ)ᵀ = Qᵀ·A, ℓ×n
    orth(zT);
    qT = matmul(fn, be, dtype, zT, false, A, true); // (A·Z)ᵀ = Zᵀ·Aᵀ, ℓ×m
    orth(qT);
    tick();
  }
  return qT;
}

/** Progress steps of one {@link randomizedFactors} call: the sketch, each power iteration, the final products. */
export function randomizedSteps(rp: RandomizedParams): number {
  return rp.powerIterations + 2;
}

/**
 * Refuses, before A is copied, a matrix whose smallest product (A against one sketch vector)
 * already exceeds what the requested backend can hold (backend 'wasm': SizeLimitError).
 */
export function checkSketchFits(
  fn: string,
  backend: BackendChoice | undefined,
  dtype: Dtype,
  m: number,
  n: number,
): void {
  selectBackend(fn, backend, (b) => b.gemmBytes(dtype, 1, m, n));
}

/**
 * A scaled by a power of two so its largest entry lies in [1, 2), and the exponent to undo it
 * with, as svd does: the sketch products AΩ of entries near 1e±300 would otherwise overflow,
 * or lose everything to underflow. Exact unless an entry is far below the largest one; A itself
 * is returned when no scaling is needed.
 */
function normalized(A: Matrix, dtype: Dtype): { A: Matrix; e: number } {
  const big = maxAbs(A.data, A.data.length);
  const e = big === 0 ? 0 : exponentOf(big);
  if (e === 0) return { A, e };
  const data = allocate(dtype, A.data.length);
  data.set(A.data);
  scaleExp2(data, data.length, -e);
  return { A: { rows: A.rows, cols: A.cols, data }, e };
}

/** The randomized SVD of an already validated matrix A (m×n, in dtype), k ≤ min(m, n). */
export function randomizedFactors(
  fn: string,
  A0: Matrix,
  k: number,
  dtype: Dtype,
  backend: BackendChoice | undefined,
  rp: RandomizedParams,
  onStep: (done: number) => void = () => {},
): RandomizedSvdResult {
  const { A, e } = normalized(A0, dtype);
  const l = Math.min(k + rp.oversamples, A.rows, A.cols);
  let done = 0;
  const qT = rangeFinder(fn, backend, dtype, A, l, rp, () => onStep(++done));
  const B = matmul(fn, backend, dtype, qT, false, A, false); // ℓ×n
  const small = svd(B, { dtype, backend });
  scaleExp2(small.S, small.S.length, e);
  checkInRange(small.S, dtype, 'singular value');
  const Ub = small.U!,
    Vb = small.Vt!;
  const UbK = leadingColumns(Ub, k, dtype);
  const U = matmul(fn, backend, dtype, qT, true, UbK, false); // Q·Ũ_k, m×k
  const Vt = { rows: k, cols: A.cols, data: Vb.data.slice(0, k * A.cols) };
  positiveColumns(U, (j) => negateRow(Vt, j));
  onStep(++done);
  return { U, S: small.S.slice(0, k), Vt, backend: small.backend };
}

/**
 * The k largest singular triplets of A, approximately, by the randomized range finder with power
 * iterations (Halko–Martinsson–Tropp 2011): much faster than the exact {@link svd} when
 * k ≪ min(m, n), at a cost of (2q + 2)·m·n·(k + oversamples) multiply-accumulates.
 *
 * Shapes: U is m×k (orthonormal columns), S has k values (descending), Vt is k×n (orthonormal
 * rows); signs as in {@link svd}. Deterministic for a given `seed` (default 0).
 *
 * @param a the m×n matrix.
 * @param k number of triplets, 1 ≤ k ≤ min(m, n).
 * @param opts `oversamples` (default 10), `powerIterations` (default 7 if k < min(m,n)/10, else 4),
 *   `seed` (default 0), `dtype`, `backend`.
 * @example
 * ```ts
 * const { U, S, Vt } = randomizedSvd(a, 20, { seed: 42 });
 * ```
 * @throws {@link InvalidOptionError} k outside 1…min(m, n), unknown options or bad values.
 * @throws {@link InvalidMatrixError} malformed input.
 */
export function randomizedSvd<A extends MatrixLike, O extends RandomizedSvdOptions = {}>(
  a: A,
  k: number,
  opts?: O,
): RandomizedSvdResult<ResultArray<A, O>>;
export function randomizedSvd(a: MatrixLike, k: number, opts: RandomizedSvdOptions = {}): RandomizedSvdResult {
  checkOptions('randomizedSvd', opts, randomizedSvdChecks);
  const dtype = resolveDtype(a, opts.dtype);
  const { rows, cols } = matrixShape(a);
  const p = Math.min(rows, cols);
  if (!Number.isSafeInteger(k) || k < 1 || k > p) {
    throw new InvalidOptionError(
      `randomizedSvd: k must be an integer from 1 to min(m, n) = ${p} for a ${rows}×${cols} matrix, got ${String(k)}`,
    );
  }
  checkSketchFits('randomizedSvd', opts.backend, dtype, rows, cols);
  return randomizedFactors('randomizedSvd', readMatrix(a, dtype), k, dtype, opts.backend, randomizedParams(opts, k, p));
}
