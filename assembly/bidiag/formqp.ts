/**
 * Forms Q = H_0·…·H_{n−1} and P = G_0·…·G_{n−2} of the bidiagonalization explicitly (LAPACK
 * dorgbr for m = n), from the reflectors bidiagonalize() left in a, tauq, taup, so that
 * A = Q·B·Pᵀ and the bidiagonal QR can accumulate its rotations straight into them.
 * Both are tridiag/formq.ts's blocked compact-WY accumulation (dorgqr / dorg2r / dlarft /
 * dlarfb): Q with the left reflectors where they are (v_i at A(i:n, i), shift 0); P with the
 * right reflectors (u_i at A(i, i+1:n), rows) first copied transposed into the columns of a
 * scratch matrix, where they sit as dorgtr's do (shift 1).
 * No iteration. Accuracy: ‖QᵀQ − I‖, ‖PᵀP − I‖ = O(n·u) (Higham, ASNA §19.3, §19.5).
 * Reference: LAPACK dorgbr / dorgqr / dorglq. Mirror of `src/backend/js/bidiag-formqp.ts`.
 */
import { formQ, formQScratch } from '../tridiag/formq';
import { align16, at } from '../kernels/address';

/** Bytes of scratch {@link formBidiagQ} and {@link formBidiagP} need: P's transposed reflectors (n×n) and formQ's. */
export function formQPScratch<T>(n: f64): f64 {
  return Math.ceil((n * n * <f64>sizeof<T>()) / 16) * 16 + formQScratch<T>(n);
}

/** q (n×n column-major) ← Q = H_0·…·H_{n−1}. scratch: formQPScratch bytes. */
export function formBidiagQ<T>(n: usize, a: usize, tauq: usize, q: usize, scratch: usize): void {
  formQ<T>(n, a, tauq, q, scratch, 0);
}

/** p (n×n column-major) ← P = G_0·…·G_{n−2}, so that A = Q·B·Pᵀ. scratch: formQPScratch bytes. */
export function formBidiagP<T>(n: usize, a: usize, taup: usize, p: usize, scratch: usize): void {
  // W(j, i) = A(i, j) for j ≥ i + 2: u_i's stored part, in column i below W's unit row i + 1.
  // Copied in TB×TB tiles, so both the strided reads and the writes stay in L1.
  const w = scratch, TB: usize = 32;
  for (let i0: usize = 0; i0 + 2 < n; i0 += TB) {
    const i1 = min<usize>(i0 + TB, n - 2);
    for (let j0 = i0; j0 < n; j0 += TB) {
      const j1 = min<usize>(j0 + TB, n);
      for (let i = i0; i < i1; i++) {
        for (let j = max<usize>(j0, i + 2); j < j1; j++) store<T>(at<T>(w, i * n + j), load<T>(at<T>(a, j * n + i)));
      }
    }
  }
  formQ<T>(n, w, taup, p, w + align16((n * n) << alignof<T>()), 1);
}
