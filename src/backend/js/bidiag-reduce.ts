/**
 * STUB (interface fixed; body to come). Mirror of `assembly/bidiag/reduce.ts` (header there):
 * Householder bidiagonalization of a square matrix, QᵀAP = B upper bidiagonal.
 * @module
 */

/** Reduces the n×n column-major a in place; d, e, tauq, taup: n each (see the wasm header). */
export function bidiagonalize(
  n: number, a: Float64Array, d: Float64Array, e: Float64Array, tauq: Float64Array, taup: Float64Array, tinySq: number,
): void {
  for (let i = 0; i < n; i++) {
    d[i] = a[i * n + i];
    e[i] = i + 1 < n ? a[(i + 1) * n + i] : 0;
    tauq[i] = 0;
    taup[i] = 0;
  }
  if (tinySq < 0) d[0] = 0;
}
