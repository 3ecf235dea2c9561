/**
 * Forms Q = H_0·H_1·…·H_{n−2} of the tridiagonal reduction explicitly (LAPACK dorgqr / dorg2r
 * / dlarft / dlarfb, lower, blocked). Mirror of `assembly/tridiag/formq.ts` (full header there);
 * differs in: the two WY products are plain loops (each entry summed in index order, as the
 * scalar wasm gemm does), so float64 results are bitwise those of the scalar wasm build.
 * @module
 */
import { allocate } from '../../arrays.js';
import type { Dtype, FloatArray } from '../../types.js';

/** Reflectors per block (KB in the wasm kernel). */
const KB = 32;

/** x ← H_i·x for x = q[x0..x0+len) whose first entry is still zero; v = a[v0..v0+len). */
function reflectZeroHead(t: number, a: FloatArray, v0: number, q: FloatArray, x0: number, len: number): void {
  let dot = 0;
  for (let k = 1; k < len; k++) dot += a[v0 + k] * q[x0 + k];
  const s = t * dot;
  q[x0] = -s;
  for (let k = 1; k < len; k++) q[x0 + k] -= s * a[v0 + k];
}

/**
 * q (n×n column-major, zero on entry) ← Q = H_0·…·H_{n−1−shift} from the reflectors in `a`
 * (v_i at A(i+shift:n, i)) and tau; shift 1 for the tridiagonal Q and the bidiagonal P, 0 for
 * the bidiagonal Q.
 */
export function formQ(n: number, a: FloatArray, tau: Float64Array, q: FloatArray, dtype: Dtype, shift = 1): void {
  for (let j = 0; j < n; j++) q[j * n + j] = 1;
  if (n <= shift) return;
  const vt = allocate(dtype, KB * n),
    w = allocate(dtype, KB * n);
  const t = new Float64Array(KB * KB),
    z = new Float64Array(KB);
  for (let hi = n - 1 - shift; hi >= 0; ) {
    const lo = Math.max(0, hi - KB + 1),
      k = hi + 1 - lo;
    const r0 = lo + shift,
      len = n - r0,
      c0 = hi + 1 + shift,
      cols = n - c0;
    if (cols > 0) {
      packVt(a, n, tau, lo, k, r0, len, vt);
      formT(len, k, vt, tau, lo, t, z);
      // Wᵀ = Xᵀ·V, X = Q(r0:, c0:).
      for (let i = 0; i < cols; i++) {
        const x = (c0 + i) * n + r0;
        for (let c = 0; c < k; c++) {
          let s = 0;
          for (let p = 0; p < len; p++) s += q[x + p] * vt[c * len + p];
          w[i * k + c] = s;
        }
      }
      // Each row of Wᵀ ← (−T·w)ᵀ.
      for (let j = 0; j < cols; j++) {
        for (let c = 0; c < k; c++) {
          let s = 0;
          for (let d = c; d < k; d++) s += t[c * k + d] * w[j * k + d];
          w[j * k + c] = -s;
        }
      }
      // Xᵀ += Wᵀ·Vᵀ.
      for (let i = 0; i < cols; i++) {
        const x = (c0 + i) * n + r0;
        for (let p = 0; p < len; p++) {
          let s = q[x + p];
          for (let c = 0; c < k; c++) s += w[i * k + c] * vt[c * len + p];
          q[x + p] = s;
        }
      }
    }
    for (let i = hi; i >= lo; i--) {
      const r = i + shift,
        rl = n - r,
        ti = tau[i];
      if (ti === 0) continue;
      const v = i * n + r;
      for (let j = r + 1; j < c0; j++) reflectZeroHead(ti, a, v, q, j * n + r, rl);
      const x = r * n + r;
      q[x] = 1 - ti;
      const mt = -ti;
      for (let p = 1; p < rl; p++) q[x + p] = mt * a[v + p];
    }
    hi = lo - 1;
  }
}

/**
 * Vᵀ (k×len row-major) of the reflectors lo … lo+k−1, rows r0 … r0+len−1 of A's columns (leading
 * dimension lda): zero above the unit diagonal, a zero column where τ = 0 (packV in the wasm kernel).
 */
export function packVt(
  a: FloatArray,
  lda: number,
  tau: ArrayLike<number>,
  lo: number,
  k: number,
  r0: number,
  len: number,
  vt: FloatArray,
): void {
  for (let c = 0; c < k; c++) {
    const i = lo + c,
      zero = tau[i] === 0,
      col = i * lda + r0;
    for (let p = 0; p < len; p++) vt[c * len + p] = zero || p < c ? 0 : p === c ? 1 : a[col + p];
  }
}

/** T of the block (dlarft, forward, columnwise); see formT in the wasm kernel. */
export function formT(
  len: number,
  k: number,
  vt: FloatArray,
  tau: ArrayLike<number>,
  lo: number,
  t: Float64Array,
  z: Float64Array,
): void {
  for (let i = 0; i < k; i++) {
    const ti = tau[lo + i];
    for (let c = 0; c < i; c++) {
      let s = 0;
      for (let p = i; p < len; p++) s += vt[c * len + p] * vt[i * len + p];
      z[c] = -ti * s;
    }
    for (let c = 0; c < i; c++) {
      let s = 0;
      for (let d = c; d < i; d++) s += t[c * k + d] * z[d];
      t[c * k + i] = s;
    }
    t[i * k + i] = ti;
    for (let c = i + 1; c < k; c++) t[c * k + i] = 0;
  }
}
