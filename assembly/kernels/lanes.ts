/**
 * Horizontal reductions of a v128 (f64x2 or f32x4) shared by the SIMD kernels. Inlined, and only
 * referenced from `if (ASC_FEATURE_SIMD)` branches, so the scalar build never compiles them.
 */

/** Sum of the lanes of v (f64x2 or f32x4), added in f64. */
@inline export function hsum<T>(v: v128): f64 {
  if (sizeof<T>() == 8) {
    return f64x2.extract_lane(v, 0) + f64x2.extract_lane(v, 1);
  }
  return (<f64>f32x4.extract_lane(v, 0) + <f64>f32x4.extract_lane(v, 1))
    + (<f64>f32x4.extract_lane(v, 2) + <f64>f32x4.extract_lane(v, 3));
}

/** Largest lane of a vector of non-negative T, as f64. */
@inline export function hmax<T>(v: v128): f64 {
  if (sizeof<T>() == 8) {
    return Math.max(f64x2.extract_lane(v, 0), f64x2.extract_lane(v, 1));
  }
  return <f64>Mathf.max(
    Mathf.max(f32x4.extract_lane(v, 0), f32x4.extract_lane(v, 1)),
    Mathf.max(f32x4.extract_lane(v, 2), f32x4.extract_lane(v, 3)),
  );
}
