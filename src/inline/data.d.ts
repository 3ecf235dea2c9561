/**
 * The wasm binaries as base64 text, generated into dist/inline/data.js by
 * scripts/inline-wasm.mjs at build time (so there is no copy of them in the source tree).
 */
/** The SIMD build (svdkit.wasm), base64. */
export declare const SIMD_WASM: string;
/** The scalar build (svdkit-nosimd.wasm), base64. */
export declare const SCALAR_WASM: string;
