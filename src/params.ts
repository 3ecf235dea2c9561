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
 * Squared column norm below which a column of the scaled working matrix counts as zero.
 * The working matrix is scaled so its largest entry is in [1, 2), so σ₁ ≥ 1: a column of norm
 * below 1e-140 (float64) or 1e-16 (float32) is far below u·σ₁ and contributes nothing normwise,
 * while its squared entries are still normal numbers, so dot products of larger columns never
 * meet subnormal arithmetic.
 */
export const tinySquaredNorm = { float64: 1e-280, float32: 1e-32 } as const;

/**
 * Off-diagonal magnitude below which two-sided Jacobi (eigh) never rotates: the smallest normal
 * number over u (2^-969 and 2^-102), so the rotation's products never meet subnormal arithmetic.
 * On the scaled matrix (largest entry in [1, 2)) it is far below any eigenvalue's rounding.
 */
export const rotationFloor = { float64: 2 ** -969, float32: 2 ** -102 } as const;
