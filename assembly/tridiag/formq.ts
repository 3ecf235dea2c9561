/**
 * Forms the orthogonal Q = H_0·H_1·…·H_{n−2} of the tridiagonal reduction explicitly (LAPACK
 * dorgtr / dorg2r, lower, unblocked), so the tridiagonal solver can accumulate its rotations
 * straight into the eigenvectors of A (Z = Q·G) instead of back-transforming afterwards.
 * Backward accumulation: Q ← I, then for i = n−2 … 0, Q(i+1:, i+1:) ← H_i·Q(i+1:, i+1:); the
 * trailing block is still the identity in row and column i+1 when H_i arrives, so column i+1
 * becomes e − τv and the others q ← q − τ(vᵀq)·v over rows i+2 on.
 * No iteration. Accuracy: ‖QᵀQ − I‖ = O(n·u) (Higham, ASNA §19.3).
 * Reference: LAPACK dorg2r / dorgtr. Mirror of `src/backend/js/tridiag-formq.ts`.
 */
import { at, hsum } from '../kernels/simd';

/** vᵀx over v[0..len), x[0..len): f64 in index order (scalar build), or T lanes then f64. */
@inline function dotT<T>(v: usize, x: usize, len: usize): f64 {
  let k: usize = 0, s: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    let s0 = v128.splat<T>(<T>0), s1 = s0;
    for (; k + 2 * L <= len; k += 2 * L) {
      s0 = v128.add<T>(s0, v128.mul<T>(v128.load(at<T>(v, k)), v128.load(at<T>(x, k))));
      s1 = v128.add<T>(s1, v128.mul<T>(v128.load(at<T>(v, k), 16), v128.load(at<T>(x, k), 16)));
    }
    s = hsum<T>(v128.add<T>(s0, s1));
  }
  for (; k < len; k++) s += <f64>load<T>(at<T>(v, k)) * <f64>load<T>(at<T>(x, k));
  return s;
}

/** x[0..len) ← x − α·v. */
@inline function axmy<T>(alpha: f64, v: usize, x: usize, len: usize): void {
  const a = <T>alpha;
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    const va = v128.splat<T>(a);
    for (; k + L <= len; k += L) {
      const px = at<T>(x, k);
      v128.store(px, v128.sub<T>(v128.load(px), v128.mul<T>(va, v128.load(at<T>(v, k)))));
    }
  }
  for (; k < len; k++) {
    const px = at<T>(x, k);
    store<T>(px, load<T>(px) - a * load<T>(at<T>(v, k)));
  }
}

/**
 * q (n×n column-major) ← Q from the reflectors stored in `a` by tridiagonalize (v_i at
 * A(i+1:n, i), v_i(0) = 1) and tau (f64).
 */
export function formQ<T>(n: usize, a: usize, tau: usize, q: usize): void {
  memory.fill(q, 0, (n * n) << alignof<T>());
  for (let j: usize = 0; j < n; j++) store<T>(at<T>(q, j * n + j), <T>1);
  for (let i = <isize>n - 2; i >= 0; i--) {
    const r = <usize>i + 1, len = n - r; // H_i acts on rows and columns r … n−1
    const t = load<f64>(tau + (<usize>i << 3));
    const v = at<T>(a, <usize>i * n + r);
    if (t == 0) continue;
    for (let j = r + 1; j < n; j++) {
      const x = at<T>(q, j * n + r);
      const s = t * dotT<T>(at<T>(v, 1), at<T>(x, 1), len - 1);
      store<T>(x, <T>(-s));
      axmy<T>(s, at<T>(v, 1), at<T>(x, 1), len - 1);
    }
    // Column r was e_r: H_i·e = e − τ·v.
    const x = at<T>(q, r * n + r);
    store<T>(x, <T>(1 - t));
    const mt = <T>(-t);
    for (let k: usize = 1; k < len; k++) store<T>(at<T>(x, k), mt * load<T>(at<T>(v, k)));
  }
}
