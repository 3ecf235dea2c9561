/**
 * reconstruct: A_k = U_k·diag(S_k)·Vt_k, the rank-k matrix of a (truncated) SVD.
 *
 * Computed as one product (U_k·diag(S_k))·Vt_k of m·n·k multiply-accumulates on the backend's
 * gemm kernel (wasm SIMD register-blocked when loaded, else JS); forming U_k·diag(S_k) costs m·k.
 * Accuracy: each entry is a k-term dot product accumulated in double, so |error| ≤ k·u·Σ|uᵢⱼσⱼvⱼₗ|
 * (u the unit roundoff of the dtype); in float64, ‖A_k − fl(A_k)‖_F ≲ k·2⁻⁵³·‖A_k‖_F·√k.
 * @module
 */
import { InvalidMatrixError, InvalidOptionError } from '../errors.js';
import { allocate, dtypeOf } from '../arrays.js';
import { matmul } from '../core/matmul.js';
import { selectBackend } from '../backend/select.js';
import { leadingBlock, readVector } from '../core/read-factors.js';
import { checkOptions, dtypeBackendChecks, matrixShape, resolveDtype, type OptionCheck } from '../validate.js';
import type { ComputeOptions, Matrix, MatrixLike } from '../types.js';

/** The factors {@link reconstruct} reads: an {@link SvdResult}, a {@link LowRank}, or any { U, S, Vt }. */
export interface Factorization {
  /** m×p left factor; only its first k columns are read. */
  U?: MatrixLike;
  /** Weights σ₁…σ_p (any finite numbers; singular values are descending and ≥ 0); the first k are read. */
  S: ArrayLike<number>;
  /** p×n right factor; only its first k rows are read. */
  Vt?: MatrixLike;
}

/** Options of {@link reconstruct}. */
export type ReconstructOptions = ComputeOptions;

const checks = dtypeBackendChecks satisfies Record<keyof ReconstructOptions, OptionCheck>;

/**
 * The rank-k matrix A_k = U_k·diag(S_k)·Vt_k from SVD factors: the first k columns of U, the
 * first k values of S and the first k rows of Vt. By Eckart–Young it is the best rank-k
 * approximation of A in the Frobenius and spectral norms when the factors are A's SVD.
 *
 * @param f `{ U, S, Vt }` with U m×p, S of length ≥ k, Vt p×n (e.g. the result of `svd`).
 * @param k rank, 0 ≤ k ≤ min(U.cols, S.length, Vt.rows); default all of them. k = 0 gives zeros.
 * @param opts `dtype` (default float32 when U's data is a Float32Array, else float64), `backend`.
 * @returns a fresh m×n matrix; the inputs are only read.
 * @example
 * ```ts
 * const f = svd(a);
 * const a2 = reconstruct(f, 2); // best rank-2 approximation of a
 * ```
 * @throws {@link InvalidMatrixError} U or Vt missing or malformed, non-finite entries.
 * @throws {@link InvalidOptionError} k out of range, unknown options.
 */
export function reconstruct(f: Factorization, k?: number, opts: ReconstructOptions = {}): Matrix {
  checkOptions('reconstruct', opts, checks);
  if (f === null || typeof f !== 'object')
    throw new InvalidMatrixError('reconstruct: pass the factors as { U, S, Vt }');
  if (f.U === undefined || f.Vt === undefined) {
    throw new InvalidMatrixError('reconstruct needs U and Vt; an svd computed with computeUV: false has only S');
  }
  const dtype = resolveDtype(f.U, opts.dtype);
  const u = matrixShape(f.U, 'U'),
    vt = matrixShape(f.Vt, 'Vt');
  const avail = Math.min(u.cols, vt.rows, (f.S as ArrayLike<number> | undefined)?.length ?? 0);
  const rank = k ?? avail;
  if (!Number.isSafeInteger(rank) || rank < 0 || rank > avail) {
    throw new InvalidOptionError(
      `reconstruct: k must be an integer from 0 to ${avail} (U has ${u.cols} columns, S ${f.S?.length ?? 0} values, ` +
        `Vt ${vt.rows} rows), got ${String(k)}`,
    );
  }
  // The product's size against the backend's limit before any factor is copied.
  selectBackend('reconstruct', opts.backend, (b) => b.gemmBytes(dtype, u.rows, vt.cols, rank));
  const s = readVector(f.S, 'float64', 'S');
  const left = leadingBlock(f.U, u.rows, rank, dtype, 'U');
  const right = leadingBlock(f.Vt, rank, vt.cols, dtype, 'Vt');
  scaleColumns(left, s);
  return product('reconstruct', opts, left, right);
}

/** Multiplies column j of the row-major `a` by s[j], in place. */
export function scaleColumns(a: Matrix, s: ArrayLike<number>): void {
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) a.data[i * a.cols + j] *= s[j];
  }
}

/** left·right on the chosen backend, for matrices already in one dtype. */
function product(fn: string, opts: ComputeOptions, left: Matrix, right: Matrix): Matrix {
  const dtype = dtypeOf(left.data);
  if (left.rows * right.cols === 0) return { rows: left.rows, cols: right.cols, data: allocate(dtype, 0) };
  return matmul(fn, opts.backend, dtype, left, false, right, false);
}
