/** Facts about this build that the loader needs: where free memory starts and whether it is SIMD. */

/** First byte after the module's static data: the caller's arena starts at or after it. */
export function heapBase(): usize {
  return __heap_base;
}

/** 1 for the SIMD build (svdkit.wasm), 0 for the scalar one (svdkit-nosimd.wasm). */
export function simdBuild(): i32 {
  return ASC_FEATURE_SIMD ? 1 : 0;
}
