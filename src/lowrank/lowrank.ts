/**
 * lowRank: a rank-k approximation A_k of A with k chosen by a {@link RankSpec}.
 *
 * Method 'exact' (default): the thin SVD of A, k by {@link chooseRank} on the full spectrum,
 *   error = √(Σ_{i>k} σᵢ²) — optimal (Eckart–Young), error exact to rounding.
 * Method 'randomized' (Halko–Martinsson–Tropp 2011, via {@link randomizedSvd}): for a rank k or
 *   maxStored spec, one sketch of rank k. For energy / relativeError, the rank is unknown in
 *   advance: sketches of rank k₀ = min(p, 16), 2k₀, 4k₀, … until the leading values satisfy the
 *   rule against the true total ‖A‖_F² (a rule on Σ_{i≤k}σᵢ² versus ‖A‖_F², see stats.ts), then
 *   the first k triplets are kept. error = √(‖A‖_F² − Σ_{i≤k} σᵢ²) (the tail is unknown).
 * @module
 */
import { leadingColumns } from '../arrays.js';
import { InvalidMatrixError, InvalidOptionError } from '../errors.js';
import {
  computeOptionChecks,
  checkOptions,
  is,
  matrixShape,
  readMatrix,
  resolveDtype,
  type OptionCheck,
} from '../validate.js';
import { svd } from '../svd.js';
import type { ComputeOptions, Dtype, FloatArray, Matrix, MatrixLike, ResultArray } from '../types.js';
import { LowRank } from './lowrank-result.js';
import {
  checkSketchFits,
  randomizedChecks,
  randomizedFactors,
  randomizedParams,
  type RandomizedSvdResult,
} from './randomized.js';
import { applyRule } from './rank.js';
import { parseSpec, type ParsedSpec, type RankSpec } from './spec.js';
import { maxAbs } from '../scale.js';
import { scaledSumSquares, statsFromNorm, statsFromTail } from './stats.js';

/** Options of {@link lowRank}. */
export interface LowRankOptions extends ComputeOptions {
  /** 'exact' (default): the full thin SVD. 'randomized': {@link randomizedSvd}, for k ≪ min(m, n). */
  method?: 'exact' | 'randomized';
  /** Method 'randomized' only: see {@link RandomizedSvdOptions}. */
  oversamples?: number;
  /** Method 'randomized' only: see {@link RandomizedSvdOptions}. */
  powerIterations?: number;
  /** Method 'randomized' only: seed of the test matrix, default 0. */
  seed?: number;
  /** Method 'exact' only: the Jacobi sweep cap (see {@link SvdOptions}). */
  maxSweeps?: number;
}

const checks = {
  ...computeOptionChecks,
  method: is.oneOf('exact', 'randomized'),
  ...randomizedChecks,
} satisfies Record<keyof LowRankOptions, OptionCheck>;

function checkMethodOptions(opts: LowRankOptions): void {
  const method = opts.method ?? 'exact';
  const foreign = method === 'exact' ? ['oversamples', 'powerIterations', 'seed'] : ['maxSweeps'];
  for (const key of foreign) {
    if ((opts as Record<string, unknown>)[key] !== undefined) {
      throw new InvalidOptionError(`lowRank: option '${key}' does not apply to method '${method}'`);
    }
  }
}

function truncated(U: Matrix, S: FloatArray, Vt: Matrix, k: number, dtype: Dtype) {
  return { U: leadingColumns(U, k, dtype).data, S: S.slice(0, k), Vt: Vt.data.slice(0, k * Vt.cols) };
}

function exact(a: MatrixLike, m: number, n: number, spec: ParsedSpec, dtype: Dtype, opts: LowRankOptions): LowRank {
  // svd validates and copies `a` after its own size check.
  const r = svd(a, { dtype, backend: opts.backend, maxSweeps: opts.maxSweeps });
  const k = applyRule(spec, Float64Array.from(r.S), { rows: m, cols: n });
  const f = truncated(r.U!, r.S, r.Vt!, k, dtype);
  return new LowRank({ m, n, k, dtype, method: 'exact', ...f, ...statsFromTail(r.S, k) }, opts.backend);
}

/** The randomized rank search for energy / relativeError specs: doubling sketches. */
function adaptive(
  A: Matrix,
  spec: ParsedSpec,
  dtype: Dtype,
  opts: LowRankOptions,
): { r: RandomizedSvdResult; k: number } {
  const p = Math.min(A.rows, A.cols),
    c = maxAbs(A.data, A.data.length);
  const total = c === 0 ? 0 : scaledSumSquares(A.data, A.data.length, c);
  for (let kk = Math.min(p, 16); ; kk = Math.min(p, 2 * kk)) {
    const r = randomizedFactors('lowRank', A, kk, dtype, opts.backend, randomizedParams(opts, kk, p));
    const s1 = r.S[0];
    const k = s1 === 0 ? 1 : applyRule(spec, Float64Array.from(r.S), undefined, total * (c / s1) ** 2);
    if (k > 0) return { r, k };
    if (kk === p) return { r, k: p };
  }
}

function randomized(A: Matrix, spec: ParsedSpec, dtype: Dtype, opts: LowRankOptions): LowRank {
  const p = Math.min(A.rows, A.cols);
  let r: RandomizedSvdResult, k: number;
  if (spec.kind === 'k' || spec.kind === 'maxStored') {
    k = applyRule(spec, new Float64Array(p), { rows: A.rows, cols: A.cols });
    r = randomizedFactors('lowRank', A, k, dtype, opts.backend, randomizedParams(opts, k, p));
  } else {
    ({ r, k } = adaptive(A, spec, dtype, opts));
  }
  const f = truncated(r.U, r.S, r.Vt, k, dtype);
  return new LowRank(
    { m: A.rows, n: A.cols, k, dtype, method: 'randomized', ...f, ...statsFromNorm(A.data, r.S, k) },
    opts.backend,
  );
}

/**
 * A rank-k approximation A_k = U·diag(S)·Vt of A (m×n), the best one of its rank (Eckart–Young)
 * with method 'exact', with k chosen by `spec`:
 * - `k` (number): 1 ≤ k ≤ min(m, n);
 * - `{ energy: e }`: smallest k keeping a fraction e ∈ (0, 1] of Σσᵢ² = ‖A‖_F²;
 * - `{ relativeError: r }`: smallest k with ‖A − A_k‖_F ≤ r·‖A‖_F, r ∈ [0, 1];
 * - `{ maxStored: N }`: largest k with k(m + n + 1) ≤ N.
 * A zero matrix gives k = 1 for energy / relativeError, with error 0 and energy 1.
 *
 * @param a the m×n matrix (not modified).
 * @param spec the rank rule, see {@link RankSpec}.
 * @param opts `method` ('exact' default, or 'randomized' with `oversamples`, `powerIterations`,
 *   `seed`), `dtype`, `backend` (also used by the result's reconstruct/apply).
 * @returns a {@link LowRank}: U m×k, S k, Vt k×n, error statistics, reconstruct/apply/factors/toBytes.
 * @example
 * ```ts
 * const lr = lowRank(a, { energy: 0.99 });
 * lr.k; lr.error; lr.compressionRatio;
 * const y = lr.apply(x);                        // A_k·x in k(m+n) multiply-adds
 * const fast = lowRank(big, 20, { method: 'randomized', seed: 1 });
 * ```
 * @throws {@link InvalidOptionError} a bad spec (k = 0, k > min(m, n), energy outside (0, 1], unknown
 *   key, maxStored below m + n + 1), unknown options, or options of the other method.
 * @throws {@link InvalidMatrixError} malformed input, including an empty matrix.
 */
export function lowRank<A extends MatrixLike, O extends LowRankOptions = {}>(
  a: A,
  spec: RankSpec,
  opts?: O,
): LowRank<ResultArray<A, O>>;
export function lowRank(a: MatrixLike, spec: RankSpec, opts: LowRankOptions = {}): LowRank {
  checkOptions('lowRank', opts, checks);
  checkMethodOptions(opts);
  const dtype = resolveDtype(a, opts.dtype);
  const { rows: m, cols: n } = matrixShape(a);
  if (m === 0 || n === 0) {
    throw new InvalidMatrixError(
      `lowRank: a is ${m}×${n}; a low-rank approximation needs at least one row and one column`,
    );
  }
  const parsed = parseSpec('lowRank', spec, Math.min(m, n));
  if ((opts.method ?? 'exact') === 'exact') return exact(a, m, n, parsed, dtype, opts);
  checkSketchFits('lowRank', opts.backend, dtype, m, n);
  return randomized(readMatrix(a, dtype), parsed, dtype, opts);
}
