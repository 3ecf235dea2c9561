/** The low-rank toolkit: truncated, randomized and compressed SVD factorisations. @module */
export { lowRank } from './lowrank.js';
export type { LowRankOptions } from './lowrank.js';
export { LowRank } from './lowrank-result.js';
export type { ToBytesOptions, FromBytesOptions } from './lowrank-result.js';
export type { Precision } from './quantize.js';
export { randomizedSvd } from './randomized.js';
export type { RandomizedSvdOptions, RandomizedSvdResult } from './randomized.js';
export { reconstruct } from './reconstruct.js';
export type { Factorization, ReconstructOptions } from './reconstruct.js';
export { chooseRank } from './rank.js';
export type { RankSpec, MatrixShape } from './spec.js';
