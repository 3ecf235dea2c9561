/**
 * Householder QR of a tall column-major matrix, A = Q·R, and x ← Q·x (LAPACK dgeqrf / dlarft /
 * dlarfb / dormqr, blocked over panels of NB columns). Mirror of `assembly/qr/householder.ts`
 * (full header there); differs in: the WY blocks' two matrix products are plain loops (each
 * entry summed in index order, as the scalar wasm gemm does), Vᵀ is packed once (the wasm kernel
 * packs V too, for its gemm) and the workspace is allocated here, so float64 results are bitwise
 * those of the scalar wasm build.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { dot, nrm2, scal } from './blas.js';
import { formT, packVt } from './tridiag-formq.js';

/** Columns per panel (NB in the wasm kernel). */
const NB = 32;

/** Workspace of the WY blocks: Vᵀ (NB×m), W (cols×NB), T (NB×NB) and z (NB). */
interface Block {
  vt: Float64Array<ArrayBuffer>;
  w: Float64Array<ArrayBuffer>;
  t: Float64Array<ArrayBuffer>;
  z: Float64Array<ArrayBuffer>;
}

function blockSpace(m: number, cols: number): Block {
  return {
    vt: new Float64Array(NB * m),
    w: new Float64Array(NB * cols),
    t: new Float64Array(NB * NB),
    z: new Float64Array(NB),
  };
}

/**
 * X ← (I − V·op(T)·Vᵀ)·X for the reflectors lo … lo+k−1 and the `cols` columns of X starting at
 * x[x0] (leading dimension m): op(T) = Tᵀ (trans, the QR's Qᵀ) or T (applyQ's Q).
 */
function applyBlock(
  m: number,
  a: FloatArray,
  tau: FloatArray,
  lo: number,
  k: number,
  x: FloatArray,
  x0: number,
  cols: number,
  trans: boolean,
  { vt, w, t, z }: Block,
): void {
  const len = m - lo;
  packVt(a, m, tau, lo, k, lo, len, vt);
  formT(len, k, vt, tau, lo, t, z);
  // Wᵀ (cols×k) = Xᵀ·V.
  for (let i = 0; i < cols; i++) {
    const xi = x0 + i * m;
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let p = 0; p < len; p++) s += x[xi + p] * vt[c * len + p];
      w[i * k + c] = s;
    }
  }
  // Each row of Wᵀ ← (−op(T)·w)ᵀ: Tᵀ is lower triangular (descending c), T upper (ascending c).
  for (let j = 0; j < cols; j++) {
    const r = j * k;
    if (trans) {
      for (let c = k - 1; c >= 0; c--) {
        let s = 0;
        for (let d = 0; d <= c; d++) s += t[d * k + c] * w[r + d];
        w[r + c] = -s;
      }
    } else {
      for (let c = 0; c < k; c++) {
        let s = 0;
        for (let d = c; d < k; d++) s += t[c * k + d] * w[r + d];
        w[r + c] = -s;
      }
    }
  }
  // Xᵀ += Wᵀ·Vᵀ.
  for (let i = 0; i < cols; i++) {
    const xi = x0 + i * m;
    for (let p = 0; p < len; p++) {
      let s = x[xi + p];
      for (let c = 0; c < k; c++) s += w[i * k + c] * vt[c * len + p];
      x[xi + p] = s;
    }
  }
}

/** Applies H = I − τ·v·vᵀ (v(0) = 1, tail at a[vi+1..vi+len)) to x = b[xi..xi+len). */
function reflect(a: FloatArray, vi: number, tau: number, b: FloatArray, xi: number, len: number): void {
  const d = (b[xi] + dot(a, vi + 1, b, xi + 1, len - 1)) * tau;
  b[xi] -= d;
  for (let k = 1; k < len; k++) b[xi + k] -= d * a[vi + k];
}

/** √(a² + b²) without overflow; mirror of `hypot` in assembly/qr/householder.ts (not Math.hypot). */
function hypot(a: number, b: number): number {
  const x = Math.abs(a),
    y = Math.abs(b);
  const big = Math.max(x, y),
    small = Math.min(x, y);
  if (big === 0) return 0;
  const r = small / big;
  return big * Math.sqrt(1 + r * r);
}

/**
 * In-place QR of the M×N column-major `a` (M ≥ N): R on and above the diagonal, reflector
 * tails below it, τ in `tau[0..N)`. A tail with ‖x‖² < tinySq (see params.ts: negligible beside
 * σ₁ ≥ 1 of the scaled matrix) is left as it is with H = I: normalising a subnormal tail would
 * overflow 1/(α − β) when α is tiny too, as in exactly rank-deficient input. Panels of NB columns;
 * the trailing columns take each panel's Qᵀ as one WY block.
 */
export function householderQR(m: number, n: number, a: FloatArray, tau: FloatArray, tinySq: number): void {
  const space = n > NB ? blockSpace(m, n) : null;
  for (let k0 = 0; k0 < n; k0 += NB) {
    const k1 = Math.min(n, k0 + NB);
    for (let k = k0; k < k1; k++) {
      const kk = k * m + k,
        len = m - k;
      const alpha = a[kk];
      const xnorm = nrm2(a, kk + 1, len - 1);
      if (xnorm * xnorm < tinySq) {
        tau[k] = 0; // upper triangular in this column up to a negligible tail: H = I
        continue;
      }
      const beta = -(alpha >= 0 ? 1 : -1) * hypot(alpha, xnorm);
      tau[k] = (beta - alpha) / beta;
      scal(1 / (alpha - beta), a, kk + 1, len - 1);
      a[kk] = beta;
      const t = tau[k];
      for (let j = k + 1; j < k1; j++) reflect(a, kk, t, a, j * m + k, len);
    }
    if (space && k1 < n) applyBlock(m, a, tau, k0, k1 - k0, a, k1 * m + k0, n - k1, true, space);
  }
}

/** Copies the N×N upper triangle of the M×N QR result into `r` (N×N column-major), zero below. */
export function extractR(m: number, n: number, a: FloatArray, r: FloatArray): void {
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) r[j * n + i] = i <= j ? a[j * m + i] : 0;
  }
}

/** x ← Q·x for the K columns of the M×K column-major `x`, Q = H_0·H_1·…·H_{N−1}: panels last first. */
export function applyQ(m: number, n: number, a: FloatArray, tau: FloatArray, x: FloatArray, k: number): void {
  if (n === 0 || k === 0) return;
  const space = blockSpace(m, k);
  for (let k0 = Math.floor((n - 1) / NB) * NB; k0 >= 0; k0 -= NB) {
    applyBlock(m, a, tau, k0, Math.min(NB, n - k0), x, k0, k, false, space);
  }
}
