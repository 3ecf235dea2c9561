/**
 * svdkit's WebAssembly module: the entry points the loader (src/backend/wasm) calls.
 * Re-exports only; each kernel lives in its own file, generic over f32/f64. Built twice from
 * this source (asconfig.json): svdkit.wasm with SIMD, svdkit-nosimd.wasm without.
 */
export { heapBase, simdBuild } from './build';
export {
  svdF64, svdF32, svdScratchF64, svdScratchF32,
  eighF64, eighF32, eighScratchF64, eighScratchF32,
  eighTridiagF64, eighTridiagF32, eighTridiagScratchF64, eighTridiagScratchF32,
  svdBidiagF64, svdBidiagF32, svdBidiagScratchF64, svdBidiagScratchF32,
  bidiagBlockF64, bidiagBlockF32, bidiagBlockScratchF64, bidiagBlockScratchF32,
  bidiagQRF64, bidiagQRF32, bidiagQRScratchBytes,
} from './driver';
export { gemmF64, gemmF32, gemmScratchF64, gemmScratchF32 } from './kernels/gemm';
export {
  UNIT_ROUNDOFF_F64, UNIT_ROUNDOFF_F32, TINY_SQUARED_NORM_F64, TINY_SQUARED_NORM_F32,
  ROTATION_FLOOR_F64, ROTATION_FLOOR_F32, NORM_RECOMPUTE, NORM_LOW, NORM_HIGH, HUGE_ZETA,
} from './params';
export { benchRotF64, benchRotF32, benchDotF64, benchDotF32 } from './kernels/bench';
