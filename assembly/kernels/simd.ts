/**
 * Small helpers shared by the kernels: alignment, element addressing and the horizontal sum of a v128.
 * Everything here is inlined; the SIMD helpers are only referenced from `if (ASC_FEATURE_SIMD)`
 * branches, so the scalar build never compiles them.
 */

/** x rounded up to a multiple of 16 bytes (scratch regions stay 16-byte aligned for v128 loads). */
@inline export function align16(x: usize): usize {
  return (x + 15) & ~(<usize>15);
}

/** x rounded up to a multiple of 16, in f64: scratch sizes beyond 4 GiB are reported, not wrapped. */
@inline export function align16f(x: f64): f64 {
  return Math.ceil(x / 16) * 16;
}

/** Address of element i of a T array starting at p. */
@inline export function at<T>(p: usize, i: usize): usize {
  return p + (i << alignof<T>());
}

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
