/**
 * Tuning constants of the algorithms, in one place. Each default has its reason.
 * @module
 */

/** Tuning constants shared by both backends. */
export interface JacobiParams {
  /**
   * Hard cap on Jacobi sweeps. One-sided Jacobi converges quadratically once the columns are
   * nearly orthogonal; test matrices here need 6–12 sweeps (dgesvj caps at 30). 60 leaves a wide
   * margin while still bounding a pathological run; hitting it throws {@link ConvergenceError}.
   */
  maxSweeps: number;
}

/** The defaults used when a call does not override them. */
export const defaultParams: Readonly<Required<JacobiParams>> = Object.freeze({ maxSweeps: 60 });

/** Unit roundoff u of each dtype (half the gap between 1 and the next float): 2^-53 and 2^-24. */
export const unitRoundoff = { float64: 2 ** -53, float32: 2 ** -24 } as const;

/**
 * Householder QR leaves a column alone (H = I) when the squared norm of its part below the
 * diagonal is under this: each column is scaled so its largest entry is in [1, 2), so such a
 * tail is far below the column's own rounding, and normalising it could overflow 1/(α − β).
 */
export const tinySquaredNorm = { float64: 1e-280, float32: 1e-32 } as const;

/**
 * Off-diagonal magnitude below which two-sided Jacobi (eigh) never rotates: the smallest normal
 * number over u (2^-969 and 2^-102), so the rotation's products never meet subnormal arithmetic.
 * On the scaled matrix (largest entry in [1, 2)) it is far below any eigenvalue's rounding.
 */
export const rotationFloor = { float64: 2 ** -969, float32: 2 ** -102 } as const;

/**
 * One-sided Jacobi tracks squared column norms through each rotation (a' = a ∓ t·γ) instead of
 * recomputing them; an updated norm² below normRecompute × its previous value is recomputed
 * exactly, because the update's relative error grows as old/new (about 2u·old/new per step).
 * 1/16 bounds that amplification to 16× (4 bits) per update while recomputing rarely (dgesvj
 * uses a looser √u).
 */
export const normRecompute = 1 / 16;

/**
 * One-sided Jacobi keeps each stored column's squared norm in [normLow, normHigh] = [2^-200,
 * 2^200] by rescaling it with a power of two: entries stay far from under- and overflow, and two
 * stored norms compare exactly through one ldexp.
 */
export const normLow = 2 ** -200;
/** See {@link normLow}. */
export const normHigh = 2 ** 200;

/** Above this |ζ| the Jacobi tangent is 1/(2ζ) to full precision (ζ² would overflow). */
export const hugeZeta = 1e150;

/**
 * `svd(…, { method: 'auto' })` takes the bidiagonal route (several times fewer flops than
 * Jacobi) only when the largest column norm of the tall working matrix W is at most this times
 * its smallest nonzero one. Bidiagonalization is backward stable in norm: each σ gets an error
 * of O(u·‖A‖), which for A = B·D is O(u·‖B‖·max dⱼ) against σ ≥ σ_min(B)·min dⱼ, so its relative
 * error is within spread · O(κ(B)·u) — Jacobi's column-graded guarantee up to this factor of 16.
 * Matrices whose columns differ more (graded columns, mixed units) go to Jacobi, which keeps it
 * without the factor.
 */
export const bidiagonalMaxSpread = 16;
