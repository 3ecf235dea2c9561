/** Linear algebra on the SVD: rank, pseudo-inverse, least squares, norms, fundamental subspaces. @module */
export { matrixRank } from './matrix-rank.js';
export type { MatrixRankOptions } from './matrix-rank.js';
export { pinv } from './pinv.js';
export type { PinvOptions } from './pinv.js';
export { lstsq } from './lstsq.js';
export type { LstsqOptions, LstsqFullOptions, LstsqXOptions, LstsqResult } from './lstsq.js';
export { cond, norm2, nuclearNorm } from './norms.js';
export type { NormOptions } from './norms.js';
export { subspaces } from './subspaces.js';
export type { Subspaces, SubspacesOptions } from './subspaces.js';
