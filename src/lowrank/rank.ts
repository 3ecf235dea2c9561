/**
 * chooseRank: the rank k of a truncated SVD from the singular values alone.
 *
 * Rules (σ descending, T = Σ_{i≤p} σᵢ², tail_k = Σ_{i>k} σᵢ²), all with 1 ≤ k ≤ p:
 * - energy e:         k = min{k : Σ_{i≤k} σᵢ² ≥ e·T}
 * - relativeError r:  k = min{k : tail_k ≤ r²·T}    (‖A − A_k‖_F = √tail_k, Eckart–Young)
 * - maxStored N:      k = min(p, ⌊N / (m + n + 1)⌋), an error when that is 0
 * Accuracy: sums are taken of (σᵢ/σ₁)² (no overflow or underflow of squares); tails are
 * summed from the smallest value up, so tail_k is accurate to a few ulps even when tiny.
 * A zero matrix (σ₁ = 0) gets k = 1 under energy and relativeError: A_1 = A exactly.
 * Reference: Eckart–Young–Mirsky; the rules follow common practice (e.g. scikit-learn's
 * explained-variance threshold for `energy`).
 * @module
 */
import { InvalidMatrixError, InvalidOptionError } from '../errors.js';
import { parseShape, parseSpec, type MatrixShape, type ParsedSpec, type RankSpec } from './spec.js';

/** Checks that S is a finite, non-negative, non-increasing sequence; returns it as Float64Array. */
function readSingularValues(fn: string, S: unknown): Float64Array {
  if (
    S === null ||
    typeof S !== 'object' ||
    (!Array.isArray(S) && !(ArrayBuffer.isView(S) && !(S instanceof DataView)))
  ) {
    throw new InvalidMatrixError(`${fn}: S must be an array of singular values (typed array or number[])`);
  }
  const src = S as ArrayLike<unknown>,
    out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const x = src[i];
    if (typeof x !== 'number') throw new InvalidMatrixError(`${fn}: S[${i}] is not a number`);
    out[i] = x;
    if (!Number.isFinite(out[i]) || out[i] < 0)
      throw new InvalidMatrixError(`${fn}: S[${i}] = ${out[i]}; singular values are finite and ≥ 0`);
    if (i > 0 && out[i] > out[i - 1]) {
      throw new InvalidMatrixError(
        `${fn}: S must be in descending order, but S[${i}] = ${out[i]} > S[${i - 1}] = ${out[i - 1]}`,
      );
    }
  }
  return out;
}

/** tails[k] = Σ_{i≥k} (σᵢ/scale)² for k = 0..p (tails[p] = 0), summed smallest first. */
export function scaledTails(S: ArrayLike<number>, scale: number): Float64Array {
  const p = S.length,
    tails = new Float64Array(p + 1);
  for (let i = p - 1; i >= 0; i--) {
    const x = scale > 0 ? S[i] / scale : 0;
    tails[i] = tails[i + 1] + x * x;
  }
  return tails;
}

/**
 * Cumulative energy fractions, out[k−1] = Σ_{i≤k} σᵢ² / Σσᵢ² = 1 − tail_k/T, from the same
 * scaled tails as the rank rules (no overflow or underflow of squares, tails accurate even when
 * tiny); out[p−1] = 1 exactly. A zero spectrum gives 1 everywhere (A_1 = A).
 */
export function cumulativeEnergy(S: ArrayLike<number>): Float64Array {
  const p = S.length,
    out = new Float64Array(p);
  let scale = 0;
  for (let i = 0; i < p; i++) scale = Math.max(scale, S[i]);
  const tails = scaledTails(S, scale);
  for (let k = 1; k <= p; k++) out[k - 1] = tails[0] > 0 ? (tails[0] - tails[k]) / tails[0] : 1;
  return out;
}

/**
 * The rank rule on S. `totalScaled`, when given, is ‖A‖_F²/σ₁² for an S that is only the leading
 * part of the spectrum (randomized or truncated SVD); then -1 means "no k ≤ S.length suffices".
 */
export function applyRule(
  spec: ParsedSpec,
  S: Float64Array,
  shape: MatrixShape | undefined,
  totalScaled?: number,
): number {
  const p = S.length;
  if (spec.kind === 'k') return spec.value;
  if (spec.kind === 'maxStored') {
    const per = shape!.rows + shape!.cols + 1,
      k = Math.min(p, Math.floor(spec.value / per));
    if (k < 1) {
      throw new InvalidOptionError(
        `maxStored = ${spec.value} cannot hold even rank 1 of a ${shape!.rows}×${shape!.cols} matrix, which stores ` +
          `m + n + 1 = ${per} numbers`,
      );
    }
    return k;
  }
  if (p === 0 || S[0] === 0) return 1;
  const tails = scaledTails(S, S[0]);
  const total = totalScaled ?? tails[0];
  for (let k = 1; k <= p; k++) {
    const head = tails[0] - tails[k],
      tail = totalScaled === undefined ? tails[k] : Math.max(0, total - head);
    if (spec.kind === 'energy' ? head >= spec.value * total : tail <= spec.value * spec.value * total) return k;
  }
  return totalScaled === undefined ? p : -1;
}

/**
 * Picks the rank k of a truncated SVD from its singular values alone (see {@link RankSpec}).
 *
 * @param S singular values, descending, non-negative (e.g. `svd(a).S` or `svdvals(a)`); p = S.length.
 * @param spec a rank k (1 ≤ k ≤ p), `{ energy }`, `{ relativeError }` or `{ maxStored }`.
 * @param shape `{ rows, cols }` of the matrix: required by `maxStored` (k(rows + cols + 1) ≤ N), and
 *   checked against S (S.length ≤ min(rows, cols)) whenever given.
 * @returns k with 1 ≤ k ≤ p. Energies and errors are relative to Σ over the given S: pass the full
 *   spectrum for the rules to mean what they say about A.
 * A zero spectrum gives k = 1 for `energy` and `relativeError` (A_1 = A, error 0).
 * @example
 * ```ts
 * chooseRank([4, 2, 1], { energy: 0.9 });                       // 2: (16+4)/21 ≥ 0.9
 * chooseRank([4, 2, 1], { maxStored: 20 }, { rows: 3, cols: 5 }); // 2: 2·(3+5+1) = 18 ≤ 20
 * ```
 * @throws {@link InvalidOptionError} a bad spec (k = 0, k > p, energy outside (0, 1], an unknown key,
 *   maxStored without a shape or too small for rank 1).
 * @throws {@link InvalidMatrixError} S not finite, negative or not descending.
 */
export function chooseRank(S: ArrayLike<number>, spec: RankSpec, shape?: MatrixShape): number {
  const s = readSingularValues('chooseRank', S);
  const parsed = parseSpec('chooseRank', spec, s.length);
  const dims = shape === undefined ? undefined : parseShape('chooseRank', shape);
  if (parsed.kind === 'maxStored' && !dims) {
    throw new InvalidOptionError(
      'chooseRank: { maxStored } needs the matrix shape: chooseRank(S, spec, { rows, cols })',
    );
  }
  if (dims && s.length > Math.min(dims.rows, dims.cols)) {
    throw new InvalidOptionError(
      `chooseRank: S has ${s.length} values but a ${dims.rows}×${dims.cols} matrix has at most ` +
        `${Math.min(dims.rows, dims.cols)}`,
    );
  }
  return applyRule(parsed, s, dims);
}
