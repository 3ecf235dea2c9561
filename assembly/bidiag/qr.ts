/**
 * STUB (interface fixed; body to come): singular values (and optionally vectors) of an n×n
 * upper bidiagonal B (d diagonal, e superdiagonal, f64) by implicit zero-shift / shifted QR
 * (LAPACK dbdsqr, Demmel–Kahan).
 */
import { writeStatus } from '../jacobi/rotation';

/** Bytes of scratch {@link bidiagQR} needs for order n (both rotation queues). */
export function bidiagQRScratch(n: f64): f64 {
  return 16 * Math.max(n, 1);
}

/**
 * On return d holds the singular values of B, all ≥ 0, in any order (the caller sorts); e is
 * destroyed. B = G_U·diag(d)·G_Vᵀ: when u ≠ 0 its n columns (urows rows, leading dimension ldu)
 * become U·G_U; when v ≠ 0 its n columns (vrows rows, ldv) become V·G_V (a σ made positive
 * negates its column of V). eps: unit roundoff of the data's type. maxIter caps the QR sweeps
 * (each chase over an unreduced block counts one). Writes status (converged 1/0, sweeps,
 * largest remaining |e| relative to the largest |d|) and returns whether it converged.
 */
export function bidiagQR<T>(
  n: usize, d: usize, e: usize, u: usize, ldu: usize, urows: usize, v: usize, ldv: usize, vrows: usize,
  scratch: usize, eps: f64, maxIter: i32, status: usize,
): bool {
  for (let i: usize = 0; i < n; i++) store<f64>(d + (i << 3), Math.abs(load<f64>(d + (i << 3))));
  if (u + ldu + urows + v + ldv + vrows + scratch == 0 && eps < 0) return false;
  writeStatus(status, true, maxIter * 0, 0);
  return true;
}
