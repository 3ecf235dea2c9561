/**
 * Q and P of the bidiagonalization formed explicitly (LAPACK dorgbr, m = n). Mirror of
 * `assembly/bidiag/formqp.ts` (full header there); differs in: Float64Array storage only, and
 * the transposed copy of the right reflectors is allocated here. Both go through
 * tridiag-formq.ts's formQ (shift 0 for Q, 1 for P), so float64 results are bitwise those of
 * the scalar wasm build.
 * @module
 */
import { formQ } from './tridiag-formq.js';

/** The JS SVD path's storage. */
type F64 = Float64Array<ArrayBuffer>;

/** q (n×n column-major) ← Q = H_0·…·H_{n−1}. */
export function formBidiagQ(n: number, a: F64, tauq: F64, q: F64): void {
  q.fill(0, 0, n * n);
  formQ(n, a, tauq, q, 'float64', 0);
}

/** p (n×n column-major) ← P = G_0·…·G_{n−2}, so that A = Q·B·Pᵀ. */
export function formBidiagP(n: number, a: F64, taup: F64, p: F64): void {
  // W(j, i) = A(i, j) for j ≥ i + 2: the right reflectors as columns, unit at row i + 1.
  const w = new Float64Array(n * n);
  for (let i = 0; i + 2 < n; i++) for (let j = i + 2; j < n; j++) w[i * n + j] = a[j * n + i];
  p.fill(0, 0, n * n);
  formQ(n, w, taup, p, 'float64', 1);
}
