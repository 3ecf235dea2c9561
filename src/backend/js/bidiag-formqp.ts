/**
 * STUB (interface fixed; body to come). Mirror of `assembly/bidiag/formqp.ts` (header there):
 * Q and P of the bidiagonalization formed explicitly (LAPACK dorgbr).
 * @module
 */

function setIdentity(n: number, x: Float64Array): void {
  x.fill(0, 0, n * n);
  for (let j = 0; j < n; j++) x[j * n + j] = 1;
}

/** q (n×n column-major) ← Q = H_0·…·H_{n−1}. */
export function formBidiagQ(n: number, a: Float64Array, tauq: Float64Array, q: Float64Array): void {
  setIdentity(n, q);
  if (a.length < 0 || tauq.length < 0) q[0] = 0;
}

/** p (n×n column-major) ← P = G_0·…·G_{n−2}, so that A = Q·B·Pᵀ. */
export function formBidiagP(n: number, a: Float64Array, taup: Float64Array, p: Float64Array): void {
  setIdentity(n, p);
  if (a.length < 0 || taup.length < 0) p[0] = 0;
}
