/**
 * The 2×2 symmetric Schur step shared by one-sided (SVD) and two-sided (eigh) Jacobi.
 *
 * For the Gram block [[α, γ], [γ, β]] the rotation J = [[c, s], [−s, c]] with
 * t = s/c the smaller root of t² + 2ζt − 1 = 0, ζ = (β − α)/(2γ), zeroes the off-diagonal:
 * t = sign(ζ)/(|ζ| + √(1 + ζ²)) (Rutishauser, Handbook for Automatic Computation II/1, 1971).
 * Choosing the smaller root keeps |θ| ≤ π/4, which is what makes cyclic Jacobi converge.
 * Always computed in f64, also by the f32 kernels. Mirror of `src/backend/js/rotation.ts`.
 */

import { HUGE_ZETA } from '../params';

/** Tangent of the Jacobi angle for ζ = (β − α)/(2γ). */
export function jacobiTangent(zeta: f64): f64 {
  const az = Math.abs(zeta);
  if (az > HUGE_ZETA) return 0.5 / zeta;
  const t = 1 / (az + Math.sqrt(1 + zeta * zeta));
  return zeta < 0 ? -t : t;
}

/** Writes a Jacobi run's outcome to status[0..3) (f64): converged (1/0), sweeps, offMax. */
export function writeStatus(status: usize, converged: bool, sweeps: i32, offMax: f64): void {
  store<f64>(status, converged ? 1.0 : 0.0);
  store<f64>(status, <f64>sweeps, 8);
  store<f64>(status, offMax, 16);
}
