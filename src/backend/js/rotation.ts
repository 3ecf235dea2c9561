/**
 * The 2×2 symmetric Schur step shared by one-sided (SVD) and two-sided (eigh) Jacobi.
 *
 * For the Gram block [[α, γ], [γ, β]] the rotation J = [[c, s], [−s, c]] with
 * t = s/c the smaller root of t² + 2ζt − 1 = 0, ζ = (β − α)/(2γ), zeroes the off-diagonal:
 * t = sign(ζ)/(|ζ| + √(1 + ζ²)) (Rutishauser, Handbook for Automatic Computation II/1, 1971).
 * Choosing the smaller root keeps |θ| ≤ π/4, which is what makes cyclic Jacobi converge.
 * Mirror of `assembly/jacobi/rotation.ts`.
 * @module
 */

import { hugeZeta as HUGE_ZETA } from '../../params.js';

/** Tangent of the Jacobi angle for ζ = (β − α)/(2γ). */
export function jacobiTangent(zeta: number): number {
  const az = Math.abs(zeta);
  if (az > HUGE_ZETA) return 0.5 / zeta;
  const t = 1 / (az + Math.sqrt(1 + zeta * zeta));
  return zeta < 0 ? -t : t;
}
