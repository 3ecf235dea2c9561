/**
 * svdkit: the singular value decomposition for JavaScript, on WebAssembly SIMD or pure JS.
 * @packageDocumentation
 */
export { svd, svdvals } from './svd.js';
export type { SvdOptions, SvdResult, SvdvalsOptions } from './svd.js';
export { eigh } from './eigh.js';
export type { EighOptions, EighResult } from './eigh.js';
export { init, backendInfo } from './init.js';
export type { InitOptions } from './init.js';
export {
  SvdkitError, InvalidMatrixError, InvalidOptionError, ConvergenceError, BackendUnavailableError, SizeLimitError,
} from './errors.js';
export { defaultParams } from './params.js';
export type { JacobiParams } from './params.js';
export type { Matrix, MatrixLike, FloatArray, Dtype, BackendName, BackendChoice, ComputeOptions, NumericArray } from './types.js';
