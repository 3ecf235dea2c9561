/**
 * The algorithms' constants, one source with `src/params.ts` (whose comments give each reason):
 * exported from the module as globals, and test/params.test.ts checks every value against the
 * TypeScript one, so the two backends cannot drift apart.
 */

/** Unit roundoff u: 2^-53 and 2^-24. */
export const UNIT_ROUNDOFF_F64: f64 = 1.1102230246251565e-16;
export const UNIT_ROUNDOFF_F32: f64 = 5.960464477539063e-8;
/** Householder QR's negligible squared tail (`tinySquaredNorm`). */
export const TINY_SQUARED_NORM_F64: f64 = 1e-280;
export const TINY_SQUARED_NORM_F32: f64 = 1e-32;
/** Two-sided Jacobi's absolute rotation floor, smallest normal / u (`rotationFloor`). */
export const ROTATION_FLOOR_F64: f64 = 2.004168360008973e-292;
export const ROTATION_FLOOR_F32: f64 = 1.9721522630525295e-31;
/** One-sided Jacobi's norm recomputation ratio (`normRecompute`). */
export const NORM_RECOMPUTE: f64 = 0.0625;
/** One-sided Jacobi's range of stored squared norms, 2^-200 and 2^200 (`normLow`, `normHigh`). */
export const NORM_LOW: f64 = 6.223015277861142e-61;
export const NORM_HIGH: f64 = 1.6069380442589903e60;
/** |ζ| above which the Jacobi tangent is 1/(2ζ) (`hugeZeta`). */
export const HUGE_ZETA: f64 = 1e150;

/** u of T. */
@inline export function unitRoundoff<T>(): f64 {
  return sizeof<T>() == 8 ? UNIT_ROUNDOFF_F64 : UNIT_ROUNDOFF_F32;
}

/** Householder QR's negligible squared tail for T. */
@inline export function tinySquaredNorm<T>(): f64 {
  return sizeof<T>() == 8 ? TINY_SQUARED_NORM_F64 : TINY_SQUARED_NORM_F32;
}

/** Two-sided Jacobi's rotation floor for T. */
@inline export function rotationFloor<T>(): f64 {
  return sizeof<T>() == 8 ? ROTATION_FLOOR_F64 : ROTATION_FLOOR_F32;
}
