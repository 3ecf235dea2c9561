/**
 * Householder QR of a tall column-major matrix, A = Q·R (LAPACK dgeqr2 / dorm2r, unblocked),
 * the preconditioner that lets Jacobi run on the N×N triangle R instead of the M×N matrix.
 * Each reflector H_k = I − τ_k·v_k·v_kᵀ has v_k(k) = 1 and its tail stored below R's diagonal.
 * Backward stable: the computed Q·R equals A + E with ‖E‖ ≤ c·M·N·u·‖A‖ (Higham, ASNA §19.3).
 * The reflector parameters (norm, β, τ) are computed in f64; the dot and update run in the
 * element type (SIMD). Mirror of `src/backend/js/householder.ts`.
 */
import { dot, nrm2 } from '../kernels/dot';
import { at } from '../kernels/simd';
import { axpy, scal } from '../kernels/vec';

/** Applies H = I − τ·v·vᵀ (v(0) = 1, tail at v[1..len)) to x[0..len). */
@inline function reflect<T>(v: usize, tau: f64, x: usize, len: usize): void {
  const B = sizeof<T>();
  const x0 = <f64>load<T>(x);
  const d = (x0 + dot<T>(v + B, x + B, len - 1)) * tau;
  store<T>(x, <T>(x0 - d));
  axpy<T>(-d, v + B, x + B, len - 1);
}

/**
 * In-place QR of the m×n column-major `a` (m ≥ n): R on and above the diagonal, reflector
 * tails below it, τ in `tau[0..n)`. A tail with ‖x‖² < tinySq is left with H = I.
 */
/**
 * √(a² + b²) without overflow, as big·√(1 + (small/big)²): the JS mirror computes it with the
 * same operations (engines' Math.hypot differ in the last bit), so both backends agree bitwise.
 */
export function hypot(a: f64, b: f64): f64 {
  const x = Math.abs(a), y = Math.abs(b);
  const big = Math.max(x, y), small = Math.min(x, y);
  if (big == 0) return 0;
  const r = small / big;
  return big * Math.sqrt(1 + r * r);
}

export function householderQR<T>(m: usize, n: usize, a: usize, tau: usize, tinySq: f64): void {
  const B = sizeof<T>();
  for (let k: usize = 0; k < n; k++) {
    const kk = at<T>(a, k * m + k), len = m - k;
    const alpha = <f64>load<T>(kk);
    const xnorm = nrm2<T>(kk + B, len - 1);
    if (xnorm * xnorm < tinySq) {
      // Negligible tail (see the JS mirror): H = I; normalising it could overflow 1/(α − β).
      store<T>(at<T>(tau, k), <T>0);
      continue;
    }
    const beta = -(alpha >= 0 ? 1.0 : -1.0) * hypot(alpha, xnorm);
    store<T>(at<T>(tau, k), <T>((beta - alpha) / beta));
    scal<T>(1 / (alpha - beta), kk + B, len - 1);
    store<T>(kk, <T>beta);
    const t = <f64>load<T>(at<T>(tau, k));
    for (let j = k + 1; j < n; j++) reflect<T>(kk, t, at<T>(a, j * m + k), len);
  }
}

/** Copies the n×n upper triangle of the m×n QR result into `r` (n×n column-major), zero below. */
export function extractR<T>(m: usize, n: usize, a: usize, r: usize): void {
  for (let j: usize = 0; j < n; j++) {
    const col = at<T>(r, j * n);
    memory.copy(col, at<T>(a, j * m), (j + 1) << alignof<T>());
    memory.fill(at<T>(col, j + 1), 0, (n - j - 1) << alignof<T>());
  }
}

/** x ← Q·x for the k columns of the m×k column-major `x`, Q = H_0·H_1·…·H_{n−1}. */
export function applyQ<T>(m: usize, n: usize, a: usize, tau: usize, x: usize, k: usize): void {
  for (let r = <isize>n - 1; r >= 0; r--) {
    const t = <f64>load<T>(at<T>(tau, <usize>r));
    if (t == 0) continue;
    const v = at<T>(a, <usize>r * m + <usize>r);
    for (let j: usize = 0; j < k; j++) reflect<T>(v, t, at<T>(x, j * m + <usize>r), m - <usize>r);
  }
}
