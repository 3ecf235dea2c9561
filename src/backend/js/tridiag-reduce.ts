/**
 * Householder reduction of a symmetric matrix to tridiagonal form, QᵀAQ = T (LAPACK dsytd2,
 * lower, unblocked). Mirror of `assembly/tridiag/reduce.ts` (full header there); differs in:
 * nothing for float64 (same operation order, bitwise equal to the scalar wasm build); float32
 * storage rounds each stored value once where the wasm kernel computes in f32.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { nrm2 } from './blas.js';

/** y[0..len) = tau·A22·v, A22 lower at a[o..] (leading dimension lda), v = a[vo..], y = w[0..]. */
function symvLower(len: number, a: FloatArray, o: number, lda: number, vo: number, y: FloatArray, tau: number): void {
  y.fill(0, 0, len);
  for (let j = 0; j < len; j++) {
    const col = o + j * lda;
    const t1 = tau * a[vo + j];
    let t2 = 0;
    for (let k = j + 1; k < len; k++) {
      const x = a[col + k];
      y[k] += t1 * x;
      t2 += x * a[vo + k];
    }
    y[j] = y[j] + t1 * a[col + j] + tau * t2;
  }
}

/** A22 ← A22 − v·wᵀ − w·vᵀ on the lower triangle (LAPACK dsyr2 with α = −1). */
function syr2Lower(len: number, a: FloatArray, o: number, lda: number, vo: number, w: FloatArray): void {
  for (let j = 0; j < len; j++) {
    const col = o + j * lda;
    const vj = a[vo + j], wj = w[j];
    for (let k = j; k < len; k++) a[col + k] -= a[vo + k] * wj + w[k] * vj;
  }
}

/**
 * Reduces the symmetric n×n column-major `a` (lower triangle; leading dimension n) in place:
 * d, e receive T's diagonal and subdiagonal, tau the reflector factors, a's strictly lower part
 * the reflectors (v_i(0) = 1 at A(i+1, i)). `w` is scratch of n elements.
 */
export function tridiagonalize(
  n: number, a: FloatArray, d: Float64Array, e: Float64Array, tau: Float64Array, w: FloatArray, tinySq: number,
): void {
  for (let i = 0; i + 1 < n; i++) {
    const len = n - i - 1;
    const x = i * n + i + 1;
    const alpha = a[x];
    const xnorm = nrm2(a, x + 1, len - 1);
    d[i] = a[i * n + i];
    if (xnorm * xnorm < tinySq) {
      e[i] = alpha;
      tau[i] = 0;
      continue;
    }
    const beta = -(alpha >= 0 ? 1 : -1) * Math.sqrt(alpha * alpha + xnorm * xnorm);
    const t = (beta - alpha) / beta;
    e[i] = beta;
    tau[i] = t;
    const r = 1 / (alpha - beta);
    for (let k = 1; k < len; k++) a[x + k] *= r;
    a[x] = 1;
    const a22 = (i + 1) * n + i + 1;
    symvLower(len, a, a22, n, x, w, t);
    let yv = 0;
    for (let k = 0; k < len; k++) yv += w[k] * a[x + k];
    const c = -0.5 * t * yv;
    for (let k = 0; k < len; k++) w[k] += c * a[x + k];
    syr2Lower(len, a, a22, n, x, w);
  }
  if (n > 0) d[n - 1] = a[(n - 1) * n + n - 1];
}
