/**
 * LAPACK-style test ratios (as in LAPACK's dchkbd/ddrvbd): a decomposition passes when each is
 * below a small constant (50 here) whatever the size, shape or scaling.
 * All computed in float64 after scaling A, S by the same power of two, so that matrices with
 * entries near 1e±300 are checked without overflow or subnormal loss.
 */
import type { FloatArray, Matrix } from '../../src/index.js';

/** Unit roundoff of each dtype. */
export const eps = { float64: 2 ** -53, float32: 2 ** -24 } as const;

/** Max column absolute sum of a row-major r×c matrix given by an accessor. */
function norm1(r: number, c: number, at: (i: number, j: number) => number): number {
  let best = 0;
  for (let j = 0; j < c; j++) {
    let s = 0;
    for (let i = 0; i < r; i++) s += Math.abs(at(i, j));
    best = Math.max(best, s);
  }
  return best;
}

function powerOfTwoBelow(x: number): number {
  return x > 0 ? 2 ** Math.floor(Math.log2(x)) : 1;
}

/** ‖A − U·diag(S)·Vt‖₁ / (‖A‖₁·max(m,n)·ε); for A = 0 the residual itself over ε. */
export function reconstructionRatio(a: Matrix, U: Matrix, S: FloatArray, Vt: Matrix, e: number): number {
  const { rows: m, cols: n } = a;
  let big = 0;
  for (let k = 0; k < a.data.length; k++) big = Math.max(big, Math.abs(a.data[k]));
  const c = powerOfTwoBelow(big);
  const p = S.length;
  const r = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += U.data[i * U.cols + k] * (S[k] / c) * Vt.data[k * n + j];
      r[i * n + j] = a.data[i * n + j] / c - s;
    }
  }
  const normA = norm1(m, n, (i, j) => a.data[i * n + j] / c);
  const normR = norm1(m, n, (i, j) => r[i * n + j]);
  if (m === 0 || n === 0) return 0;
  return normA === 0 ? normR / e : normR / (normA * Math.max(m, n) * e);
}

/** ‖I − QᵀQ‖₁ / (rows·ε) for the columns of Q (row-major). */
export function orthogonalityRatio(q: Matrix, e: number): number {
  const { rows: m, cols: k } = q;
  if (m === 0 || k === 0) return 0;
  const g = new Float64Array(k * k);
  for (let a = 0; a < k; a++) {
    for (let b = 0; b < k; b++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += q.data[i * k + a] * q.data[i * k + b];
      g[a * k + b] = (a === b ? 1 : 0) - s;
    }
  }
  return norm1(k, k, (i, j) => g[i * k + j]) / (m * e);
}

/** The same ratio for the rows of Vt: ‖I − Vt·Vtᵀ‖₁ / (cols·ε). */
export function rowOrthogonalityRatio(vt: Matrix, e: number): number {
  const t = new Float64Array(vt.rows * vt.cols);
  for (let i = 0; i < vt.rows; i++) for (let j = 0; j < vt.cols; j++) t[j * vt.rows + i] = vt.data[i * vt.cols + j];
  return orthogonalityRatio({ rows: vt.cols, cols: vt.rows, data: t }, e);
}

/** ‖A·V − V·diag(λ)‖₁ / (‖A‖₁·n·ε) for eigenpairs (V's columns). */
export function eigenResidualRatio(a: Matrix, values: FloatArray, v: Matrix, e: number): number {
  const n = a.rows;
  if (n === 0) return 0;
  let big = 0;
  for (let k = 0; k < a.data.length; k++) big = Math.max(big, Math.abs(a.data[k]));
  const c = powerOfTwoBelow(big);
  const r = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += (a.data[i * n + k] / c) * v.data[k * n + j];
      r[i * n + j] = s - v.data[i * n + j] * (values[j] / c);
    }
  }
  const normA = norm1(n, n, (i, j) => a.data[i * n + j] / c);
  const normR = norm1(n, n, (i, j) => r[i * n + j]);
  return normA === 0 ? normR / e : normR / (normA * n * e);
}

/** True when s is non-increasing and non-negative. */
export function isSortedNonNegative(s: ArrayLike<number>): boolean {
  for (let i = 0; i < s.length; i++) {
    if (!(s[i] >= 0)) return false;
    if (i > 0 && s[i] > s[i - 1]) return false;
  }
  return true;
}
