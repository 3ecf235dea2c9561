/**
 * Addressing helpers shared by the kernels: element addresses in linear memory and the 16-byte
 * alignment of scratch regions. Everything here is inlined.
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
