/**
 * Householder bidiagonalization of a square matrix, QᵀAP = B upper bidiagonal (LAPACK dgebrd /
 * dlabrd, panels of NB steps). Mirror of `assembly/bidiag/reduce.ts` (full header there);
 * differs in: Float64Array storage only (the JS SVD path runs on float64), the trailing update
 * is a plain loop with each entry summed in the wasm gemm's order (V·Yᵀ terms, then X·U terms,
 * each in index order), the update of the row to reduce and its write-back are loops of their
 * own (the wasm kernel fuses them into the passes over the trailing columns; same values), and
 * scratch is allocated here. Float64 results are bitwise those of
 * the scalar wasm build.
 * @module
 */
import { nrm2 } from './blas.js';
import { gemvSub, gemvT } from './tridiag-reduce.js';

/** The JS SVD path's storage. */
type F64 = Float64Array<ArrayBuffer>;

/** Steps per panel (NB in the wasm kernel). */
const NB = 32;

/** y[yo + j] = Σ_k A(k, j)·w[k], k < rows, j < cols; column j at a[o + j·lda]. */
function colDots(rows: number, cols: number, a: F64, o: number, lda: number, w: F64, y: F64, yo: number): void {
  for (let j = 0; j < cols; j++) {
    const cj = o + j * lda;
    let t = 0;
    for (let k = 0; k < rows; k++) t += a[cj + k] * w[k];
    y[yo + j] = t;
  }
}

/** z[k] = Σ_j u[j]·A(k, j), column by column. */
function colAxpy(rows: number, cols: number, a: F64, o: number, lda: number, u: F64, z: F64): void {
  z.fill(0, 0, rows);
  for (let j = 0; j < cols; j++) {
    const cj = o + j * lda,
      f = u[j];
    for (let k = 0; k < rows; k++) z[k] = z[k] + f * a[cj + k];
  }
}

/** Householder reflector for x[o..o+len) (see the wasm kernel); returns β, stores τ in tau[ti]. */
function reflector(len: number, x: F64, o: number, tinySq: number, tau: F64, ti: number): number {
  const alpha = x[o];
  const xnorm = nrm2(x, o + 1, len - 1);
  x[o] = 1;
  if (xnorm * xnorm < tinySq) {
    tau[ti] = 0;
    x.fill(0, o + 1, o + len);
    return alpha;
  }
  const beta = -(alpha >= 0 ? 1 : -1) * Math.sqrt(alpha * alpha + xnorm * xnorm);
  tau[ti] = (beta - alpha) / beta;
  const r = 1 / (alpha - beta);
  for (let k = 1; k < len; k++) x[o + k] *= r;
  return beta;
}

/** Reduces the n×n column-major a in place; d, e, tauq, taup: n each (see the wasm header). */
export function bidiagonalize(n: number, a: F64, d: F64, e: F64, tauq: F64, taup: F64, tinySq: number): void {
  const X = new Float64Array(n * NB),
    Y = new Float64Array(n * NB);
  const wb = new Float64Array(n),
    zb = new Float64Array(n),
    ub = new Float64Array(n);
  const t1 = new Float64Array(NB),
    t2 = new Float64Array(NB);
  for (let i0 = 0; i0 < n; ) {
    const nb = Math.min(NB, n - i0),
      v0 = i0 * n;
    for (let c = 0; c < nb; c++) {
      const i = i0 + c,
        rows = n - i,
        col = i * n + i;
      if (c > 0) {
        for (let p = 0; p < c; p++) t1[p] = Y[p * n + i];
        gemvSub(rows, c, a, v0 + i, n, t1, a, col);
        for (let p = 0; p < c; p++) t1[p] = a[i * n + i0 + p];
        gemvSub(rows, c, X, i, n, t1, a, col);
      }
      d[i] = reflector(rows, a, col, tinySq, tauq, i);
      if (rows === 1) {
        e[i] = 0;
        taup[i] = 0;
        continue;
      }
      const m1 = rows - 1,
        tail = (i + 1) * n + i0,
        y = c * n + i + 1,
        x = c * n + i + 1;
      gemvT(rows, c, X, i, n, a, col, t1);
      for (let p = 0; p < c; p++) wb[p] = -t1[p];
      wb.set(a.subarray(col, col + rows), c);
      for (let j = 0; j < m1; j++) {
        const cj = tail + j * n;
        let s = a[cj + c];
        for (let p = 0; p < c; p++) s -= a[cj + p] * X[p * n + i];
        ub[j] = s;
      }
      colDots(rows + c, m1, a, tail, n, wb, Y, y);
      if (c > 0) {
        gemvT(rows, c, a, v0 + i, n, a, col, t1);
        gemvSub(m1, c, Y, i + 1, n, t1, Y, y);
      }
      const tq = tauq[i];
      for (let k = 0; k < m1; k++) Y[y + k] *= tq;
      for (let p = 0; p < c; p++) t1[p] = a[v0 + p * n + i];
      gemvSub(m1, c, Y, i + 1, n, t1, ub, 0);
      for (let k = 0; k < m1; k++) ub[k] -= Y[y + k];
      e[i] = reflector(m1, ub, 0, tinySq, taup, i);
      for (let k = 0; k < m1; k++) a[(i + 1 + k) * n + i] = ub[k];
      const tp = taup[i];
      if (tp === 0) {
        X.fill(0, x, x + m1);
        continue;
      }
      colAxpy(rows + c, m1, a, tail, n, ub, zb);
      for (let p = 0; p < c; p++) t2[p] = zb[p];
      X.set(zb.subarray(c + 1, c + 1 + m1), x);
      gemvT(m1, c + 1, Y, i + 1, n, ub, 0, t1);
      gemvSub(m1, c + 1, a, v0 + i + 1, n, t1, X, x);
      gemvSub(m1, c, X, i + 1, n, t2, X, x);
      for (let k = 0; k < m1; k++) X[x + k] *= tp;
    }
    // A(s:, s:) −= V·Yᵀ + X·U, each entry summed as the wasm gemm does.
    const s = i0 + nb;
    for (let cj = s; cj < n; cj++) {
      for (let r = s; r < n; r++) {
        let acc = a[cj * n + r];
        for (let p = 0; p < nb; p++) acc += -Y[p * n + cj] * a[v0 + p * n + r];
        for (let p = 0; p < nb; p++) acc += -a[cj * n + i0 + p] * X[p * n + r];
        a[cj * n + r] = acc;
      }
    }
    i0 += nb;
  }
}
