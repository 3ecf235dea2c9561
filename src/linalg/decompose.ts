/** The SVD step shared by the linear-algebra functions: read and validate once, decompose, keep the shape. @module */
import { svd } from '../svd.js';
import { matrixShape, resolveDtype } from '../validate.js';
import type { BackendChoice, Dtype, MatrixLike } from '../types.js';
import type { SolveInput } from '../core/solve.js';
import { defaultRcond } from '../core/tolerance.js';

/** A decomposed matrix with its shape and the default relative cutoff max(m, n)·ε. */
export interface Decomposed extends SolveInput {
  /** max(m, n)·ε of the dtype (numpy's default rcond). */
  rcond: number;
}

/** Options the linear-algebra functions pass on to svd. */
export interface DecomposeOptions {
  dtype?: Dtype;
  backend?: BackendChoice;
  maxSweeps?: number;
}

/** SVD of `a`: singular values only ('values'), thin factors ('thin') or full factors ('full'). */
export function decompose(a: MatrixLike, opts: DecomposeOptions, what: 'values' | 'thin' | 'full'): Decomposed {
  const dtype = resolveDtype(a, opts.dtype);
  // svd validates and copies `a` itself, after its size check; only the shape is needed here.
  const { rows: m, cols: n } = matrixShape(a);
  const r = svd(a, {
    dtype,
    backend: opts.backend,
    maxSweeps: opts.maxSweeps,
    computeUV: what !== 'values',
    fullMatrices: what === 'full',
  });
  return { m, n, dtype, S: r.S, U: r.U, Vt: r.Vt, rcond: defaultRcond(dtype, m, n) };
}
