/**
 * STUB (interface fixed; body to come): forms Q and P of the bidiagonalization explicitly
 * (LAPACK dorgbr), from the reflectors bidiagonalize() left in a, tauq, taup.
 */
import { setIdentity } from '../kernels/vec';

/** Bytes of scratch {@link formBidiagQ} and {@link formBidiagP} need (n×n, element type T). */
export function formQPScratch<T>(n: f64): f64 {
  return 16 * Math.max(n, 1);
}

/** q (n×n column-major) ← Q = H_0·…·H_{n−1}. */
export function formBidiagQ<T>(n: usize, a: usize, tauq: usize, q: usize, scratch: usize): void {
  setIdentity<T>(q, n);
  if (a == 0 && tauq == 0) store<u8>(scratch, 0);
}

/** p (n×n column-major) ← P = G_0·…·G_{n−2}, so that A = Q·B·Pᵀ. */
export function formBidiagP<T>(n: usize, a: usize, taup: usize, p: usize, scratch: usize): void {
  setIdentity<T>(p, n);
  if (a == 0 && taup == 0) store<u8>(scratch, 0);
}
