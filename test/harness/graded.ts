/**
 * Graded test matrices A = B·D (columns of B scaled by a diagonal D) and their references, for
 * Jacobi's high relative accuracy (Demmel & Veselić, SIMAX 1992): each σᵢ, however small, is
 * determined to relative error O(κ(B)·u).
 *
 * Reference: when consecutive scales differ by at least 2^27 (2^13 in float32), σⱼ = dⱼ·|rⱼⱼ|·
 * (1 + O((dⱼ₊₁/dⱼ)²)), R the Householder-QR factor of B's columns ordered by decreasing scale,
 * so a float64 QR gives every σ to about u₆₄ (the grading ratios here are 2^30 and 2^14).
 * Likewise for H = D·C·D with C positive definite, λⱼ = dⱼ²·rⱼⱼ², R the Cholesky factor of C.
 */
import type { Dtype } from '../../src/index.js';
import { createRng } from '../../src/random.js';
import { withSingularValues, type M64 } from './matrices.js';

/** log2 of the ratio between consecutive column scales: 2^-30 (float64), 2^-14 (float32). */
export const gradeStep = { float64: -30, float32: -14 } as const;

/** A seeded m×n matrix with singular values evenly spaced from 1 to 1/κ, rounded to the dtype. */
export function conditioned(m: number, n: number, kappa: number, seed: number, dtype: Dtype): M64 {
  // min(m, n) values: a wide matrix has only m (passing n read past Q₁ and gave NaN entries).
  const p = Math.min(m, n);
  const sigma = Array.from({ length: p }, (_, j) => 1 - (j / Math.max(1, p - 1)) * (1 - 1 / kappa));
  const b = withSingularValues(m, n, sigma, seed);
  if (dtype === 'float32')
    b.data.forEach((x, k) => {
      b.data[k] = Math.fround(x);
    });
  return b;
}

/** Column orders: the position of each scale 2^(step·k), k = 0 the largest. */
export function columnOrder(n: number, order: 'decreasing' | 'increasing' | 'shuffled', seed: number): number[] {
  const k = Array.from({ length: n }, (_, j) => j);
  if (order === 'increasing') k.reverse();
  if (order === 'shuffled') {
    const rng = createRng(seed);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(rng.uniform() * (i + 1));
      [k[i], k[j]] = [k[j], k[i]];
    }
  }
  return k;
}

/** A = B·D with column j scaled by 2^(step·k[j]) (exact: powers of two). */
export function gradeColumns(b: M64, k: number[], step: number): M64 {
  const data = new Float64Array(b.data.length);
  for (let i = 0; i < b.rows; i++)
    for (let j = 0; j < b.cols; j++) data[i * b.cols + j] = b.data[i * b.cols + j] * 2 ** (step * k[j]);
  return { rows: b.rows, cols: b.cols, data };
}

/** |rⱼⱼ| of the Householder QR of the m×n row-major b's columns taken in the order `cols`. */
export function qrDiagonal(b: M64, cols: number[]): number[] {
  const m = b.rows,
    n = cols.length;
  const a = cols.map((j) => Array.from({ length: m }, (_, i) => b.data[i * b.cols + j]));
  const r: number[] = [];
  for (let j = 0; j < n; j++) {
    const x = a[j];
    let norm = 0;
    for (let i = j; i < m; i++) norm = Math.hypot(norm, x[i]);
    r.push(norm);
    const alpha = x[j] >= 0 ? -norm : norm;
    const v = x.slice();
    for (let i = 0; i < j; i++) v[i] = 0;
    v[j] -= alpha;
    let vv = 0;
    for (let i = j; i < m; i++) vv += v[i] * v[i];
    if (vv === 0) continue;
    for (let c = j; c < n; c++) {
      let d = 0;
      for (let i = j; i < m; i++) d += v[i] * a[c][i];
      for (let i = j; i < m; i++) a[c][i] -= ((2 * d) / vv) * v[i];
    }
  }
  return r;
}

/** Reference singular values of gradeColumns(b, k, step), descending (see the header). */
export function gradedReference(b: M64, k: number[], step: number): number[] {
  const byScale = k.map((_, j) => j).sort((p, q) => k[p] - k[q]);
  const r = qrDiagonal(b, byScale);
  return byScale.map((j, i) => r[i] * 2 ** (step * k[j])).sort((x, y) => y - x);
}

/** Largest |x − ref|/ref over paired entries. */
export function maxRelativeError(x: ArrayLike<number>, ref: ArrayLike<number>): number {
  let e = 0;
  for (let i = 0; i < ref.length; i++) e = Math.max(e, Math.abs(x[i] - ref[i]) / ref[i]);
  return e;
}
