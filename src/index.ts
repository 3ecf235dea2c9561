/**
 * svdkit: the singular value decomposition for JavaScript, on WebAssembly SIMD or pure JS.
 * @module svdkit
 * @packageDocumentation
 */
export { svd, svdvals } from './svd.js';
export type {
  SvdOptions,
  SvdResult,
  SvdValuesResult,
  SvdValuesOptions,
  SvdVectorsOptions,
  SvdvalsOptions,
  SvdValueMethods,
  SvdSolveMethods,
} from './svd.js';
export type { SvdMethod } from './svd-method.js';
export type { SolveOptions } from './factorization.js';
export { eigh, eigvalsh } from './eigh.js';
export type { EighMethod, EighOptions, EighResult } from './eigh.js';
export {
  lowRank,
  LowRank,
  randomizedSvd,
  reconstruct,
  chooseRank,
} from './lowrank/index.js';
export type {
  LowRankOptions,
  ToBytesOptions,
  FromBytesOptions,
  Precision,
  RandomizedSvdOptions,
  RandomizedSvdResult,
  Factorization,
  ReconstructOptions,
  RankSpec,
  MatrixShape,
} from './lowrank/index.js';
export { matrixRank, pinv, lstsq, cond, norm2, nuclearNorm, subspaces } from './linalg/index.js';
export type {
  MatrixRankOptions,
  PinvOptions,
  LstsqOptions,
  LstsqFullOptions,
  LstsqXOptions,
  LstsqResult,
  NormOptions,
  Subspaces,
  SubspacesOptions,
} from './linalg/index.js';
export { init, backendInfo } from './init.js';
export type { BackendInfo, InitOptions } from './init.js';
export {
  SvdkitError,
  InvalidMatrixError,
  InvalidOptionError,
  ConvergenceError,
  BackendUnavailableError,
  SizeLimitError,
} from './errors.js';
export { defaultParams } from './params.js';
export type { JacobiParams } from './params.js';
export type {
  Matrix,
  MatrixLike,
  FloatArray,
  Dtype,
  BackendName,
  BackendChoice,
  ComputeOptions,
  NumericArray,
  ArrayOf,
  InputDtype,
  ResultDtype,
  ResultArray,
  WasmSource,
  WasmResponse,
  UrlLike,
  DenseMatrixLike,
  MatrixObjectLike,
  NdArrayLike,
} from './types.js';
