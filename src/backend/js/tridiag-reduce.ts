/**
 * Householder reduction of a symmetric matrix to tridiagonal form, QᵀAQ = T (LAPACK dsytrd /
 * dlatrd, lower, panels of NB steps). Mirror of `assembly/tridiag/reduce.ts` (full header
 * there); differs in: the trailing update is a plain loop over the lower triangle only (the wasm
 * kernel also writes never-read entries above the diagonal of its column blocks), each entry
 * summed in the same order; float32 storage rounds each stored value once where the wasm kernel
 * computes in f32. Float64 results are bitwise those of the scalar wasm build.
 * @module
 */
import { allocate } from '../../arrays.js';
import type { Dtype, FloatArray } from '../../types.js';
import { nrm2 } from './blas.js';

/** w[y..y+len) = tau·A22·v, A22 lower at a[o..] (leading dimension lda), v = a[vo..]. */
function symvLower(
  len: number,
  a: FloatArray,
  o: number,
  lda: number,
  vo: number,
  w: FloatArray,
  y: number,
  tau: number,
): void {
  w.fill(0, y, y + len);
  for (let j = 0; j < len; j++) {
    const col = o + j * lda;
    const t1 = tau * a[vo + j];
    let t2 = 0;
    for (let k = j + 1; k < len; k++) {
      const x = a[col + k];
      w[y + k] += t1 * x;
      t2 += x * a[vo + k];
    }
    w[y + j] = w[y + j] + t1 * a[col + j] + tau * t2;
  }
}

/** Steps per panel (NB in the wasm kernel). */
const NB = 32;

/** y[yo..yo+len) −= Σ_{p<c} x[xo + p·ld ..]·s[p], column by column. */
export function gemvSub(
  len: number,
  c: number,
  x: FloatArray,
  xo: number,
  ld: number,
  s: Float64Array,
  y: FloatArray,
  yo: number,
): void {
  for (let p = 0; p < c; p++) {
    const f = s[p],
      xp = xo + p * ld;
    for (let k = 0; k < len; k++) y[yo + k] -= x[xp + k] * f;
  }
}

/** s[p] = x[xo + p·ld ..]ᵀ·v[vo..] over len entries, p < c. */
export function gemvT(
  len: number,
  c: number,
  x: FloatArray,
  xo: number,
  ld: number,
  v: FloatArray,
  vo: number,
  s: Float64Array,
): void {
  for (let p = 0; p < c; p++) {
    const xp = xo + p * ld;
    let t = 0;
    for (let k = 0; k < len; k++) t += x[xp + k] * v[vo + k];
    s[p] = t;
  }
}

/**
 * Reduces the symmetric n×n column-major `a` (lower triangle; leading dimension n) in place:
 * d, e receive T's diagonal and subdiagonal, tau the reflector factors, a's strictly lower part
 * the reflectors (v_i(0) = 1 at A(i+1, i)).
 */
export function tridiagonalize(
  n: number,
  a: FloatArray,
  d: Float64Array,
  e: Float64Array,
  tau: Float64Array,
  tinySq: number,
  dtype: Dtype,
): void {
  const w = allocate(dtype, n * NB),
    tmp = new Float64Array(NB);
  for (let i0 = 0; i0 + 1 < n; ) {
    const nb = Math.min(NB, n - 1 - i0);
    for (let c = 0; c < nb; c++) {
      const i = i0 + c,
        rows = n - i,
        col = i * n + i;
      if (c > 0) {
        for (let p = 0; p < c; p++) tmp[p] = w[p * n + i];
        gemvSub(rows, c, a, i0 * n + i, n, tmp, a, col);
        for (let p = 0; p < c; p++) tmp[p] = a[(i0 + p) * n + i];
        gemvSub(rows, c, w, i, n, tmp, a, col);
      }
      d[i] = a[col];
      const len = rows - 1,
        x = col + 1,
        y = c * n + i + 1;
      const alpha = a[x];
      const xnorm = nrm2(a, x + 1, len - 1);
      if (xnorm * xnorm < tinySq) {
        e[i] = alpha;
        tau[i] = 0;
        a.fill(0, x, x + len);
        w.fill(0, y, y + len);
        continue;
      }
      const beta = -(alpha >= 0 ? 1 : -1) * Math.sqrt(alpha * alpha + xnorm * xnorm);
      const t = (beta - alpha) / beta;
      e[i] = beta;
      tau[i] = t;
      const r = 1 / (alpha - beta);
      for (let k = 1; k < len; k++) a[x + k] *= r;
      a[x] = 1;
      symvLower(len, a, (i + 1) * n + i + 1, n, x, w, y, 1);
      if (c > 0) {
        gemvT(len, c, w, i + 1, n, a, x, tmp);
        gemvSub(len, c, a, i0 * n + i + 1, n, tmp, w, y);
        gemvT(len, c, a, i0 * n + i + 1, n, a, x, tmp);
        gemvSub(len, c, w, i + 1, n, tmp, w, y);
      }
      for (let k = 0; k < len; k++) w[y + k] *= t;
      let yv = 0;
      for (let k = 0; k < len; k++) yv += w[y + k] * a[x + k];
      const cc = -0.5 * t * yv;
      for (let k = 0; k < len; k++) w[y + k] += cc * a[x + k];
    }
    // A(s:, s:) −= V·Wᵀ + W·Vᵀ on the lower triangle, each entry summed over p in order.
    const s = i0 + nb;
    for (let cj = s; cj < n; cj++) {
      for (let r = cj; r < n; r++) {
        let acc = a[cj * n + r];
        for (let p = 0; p < nb; p++) acc += -w[p * n + cj] * a[(i0 + p) * n + r];
        for (let p = 0; p < nb; p++) acc += -a[(i0 + p) * n + cj] * w[p * n + r];
        a[cj * n + r] = acc;
      }
    }
    i0 += nb;
  }
  if (n > 0) d[n - 1] = a[(n - 1) * n + n - 1];
}
