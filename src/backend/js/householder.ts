/**
 * Householder QR of a tall column-major matrix, A = Q·R (LAPACK dgeqr2 / dorm2r, unblocked),
 * the preconditioner that lets Jacobi run on the N×N triangle R instead of the M×N matrix.
 * Each reflector H_k = I − τ_k·v_k·v_kᵀ has v_k(k) = 1 and its tail stored below R's diagonal.
 * Backward stable: the computed Q·R equals A + E with ‖E‖ ≤ c·M·N·u·‖A‖ (Higham, ASNA §19.3).
 * Mirror of `assembly/qr/householder.ts`.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { dot, nrm2, scal } from './blas.js';

/** Applies H = I − τ·v·vᵀ (v(0) = 1, tail at a[vi+1..vi+len)) to x = b[xi..xi+len). */
function reflect(a: FloatArray, vi: number, tau: number, b: FloatArray, xi: number, len: number): void {
  const d = (b[xi] + dot(a, vi + 1, b, xi + 1, len - 1)) * tau;
  b[xi] -= d;
  for (let k = 1; k < len; k++) b[xi + k] -= d * a[vi + k];
}

/**
 * In-place QR of the M×N column-major `a` (M ≥ N): R on and above the diagonal, reflector
 * tails below it, τ in `tau[0..N)`. A tail with ‖x‖² < tinySq (see params.ts: negligible beside
 * σ₁ ≥ 1 of the scaled matrix) is left as it is with H = I: normalising a subnormal tail would
 * overflow 1/(α − β) when α is tiny too, as in exactly rank-deficient input.
 */
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

export function householderQR(m: number, n: number, a: FloatArray, tau: FloatArray, tinySq: number): void {
  for (let k = 0; k < n; k++) {
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
    for (let j = k + 1; j < n; j++) reflect(a, kk, t, a, j * m + k, len);
  }
}

/** Copies the N×N upper triangle of the M×N QR result into `r` (N×N column-major), zero below. */
export function extractR(m: number, n: number, a: FloatArray, r: FloatArray): void {
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) r[j * n + i] = i <= j ? a[j * m + i] : 0;
  }
}

/** x ← Q·x for the K columns of the M×K column-major `x`, Q = H_0·H_1·…·H_{N−1}. */
export function applyQ(m: number, n: number, a: FloatArray, tau: FloatArray, x: FloatArray, k: number): void {
  for (let r = n - 1; r >= 0; r--) {
    const t = tau[r];
    if (t === 0) continue;
    for (let j = 0; j < k; j++) reflect(a, r * m + r, t, x, j * m + r, m - r);
  }
}
