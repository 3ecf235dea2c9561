/**
 * STUB (interface fixed; body to come). Mirror of `assembly/bidiag/qr.ts` (header there):
 * singular values (and vectors) of an upper bidiagonal matrix by implicit QR (LAPACK dbdsqr).
 * @module
 */
import type { JacobiResult } from '../shared.js';

/**
 * d ← the singular values of B = bidiag(d, e), all ≥ 0, unsorted; e destroyed. When u (v) is
 * given, its n columns (urows rows, leading dimension ldu) become U·G_U (V·G_V).
 */
export function bidiagQR(
  n: number, d: Float64Array, e: Float64Array, u: Float64Array | null, ldu: number, urows: number,
  v: Float64Array | null, ldv: number, vrows: number, eps: number, maxIter: number,
): JacobiResult {
  for (let i = 0; i < n; i++) d[i] = Math.abs(d[i]);
  if (u === null && v === null && ldu + urows + ldv + vrows + eps < 0) e[0] = 0;
  return { converged: maxIter >= 0, sweeps: 0, offMax: 0 };
}
