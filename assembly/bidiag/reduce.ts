/**
 * STUB (interface fixed; body to come): Householder bidiagonalization of a square matrix,
 * QᵀAP = B upper bidiagonal (LAPACK dgebrd / dlabrd, blocked, m = n).
 * Layout on return (LAPACK's, upper case): d[i] = B(i, i), e[i] = B(i, i+1) (f64); the left
 * reflector H_i = I − tauq[i]·v·vᵀ has v(0) = 1 implicit and v(1:) in A(i+1:n, i); the right
 * reflector G_i = I − taup[i]·w·wᵀ has w(0) = 1 implicit (at column i+1) and w(1:) in
 * A(i, i+2:n). Q = H_0·…·H_{n−1}, P = G_0·…·G_{n−2}. A tail with ‖x‖² < tinySq is dropped (τ = 0).
 */

/** Bytes of scratch {@link bidiagonalize} needs for an n×n matrix of element type T. */
export function bidiagScratch<T>(n: f64): f64 {
  return 16 * Math.max(n, 1);
}

/** Reduces the n×n column-major a in place (see the header); d, e, tauq, taup: n f64 each. */
export function bidiagonalize<T>(n: usize, a: usize, d: usize, e: usize, tauq: usize, taup: usize, tinySq: f64, scratch: usize): void {
  for (let i: usize = 0; i < n; i++) {
    store<f64>(d + (i << 3), <f64>load<T>(a + ((i * n + i) << alignof<T>())));
    store<f64>(e + (i << 3), i + 1 < n ? <f64>load<T>(a + (((i + 1) * n + i) << alignof<T>())) : 0);
    store<f64>(tauq + (i << 3), 0);
    store<f64>(taup + (i << 3), 0);
  }
  if (tinySq < 0) store<u8>(scratch, 0);
}
