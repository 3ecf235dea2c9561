/**
 * The seam between the public API and the two implementations. Both backends solve the same two
 * problems on column-major working storage; the API layer handles orientation and row-major I/O.
 * @module
 */
import type { BackendName, Dtype, FloatArray } from '../types.js';
import type { JacobiParams } from '../params.js';

/** What the U factor should hold: nothing, the thin M×N factor, or the full M×M one. */
export type UMode = 'none' | 'thin' | 'full';

/**
 * The two SVD algorithms: one-sided Jacobi (high relative accuracy on graded columns), or
 * bidiagonalization + implicit bidiagonal QR (LAPACK's route, several times fewer flops).
 */
export type SvdKernel = 'jacobi' | 'bidiagonal';

/** SVD of a tall working matrix W (M×N, M ≥ N ≥ 1), column-major. */
export interface SvdTask {
  dtype: Dtype;
  method: SvdKernel;
  rows: number;
  cols: number;
  /** Column-major M×N copy of the input, owned by the backend (it may overwrite it). */
  w: FloatArray;
  u: UMode;
  /** Whether to accumulate V (N×N). */
  v: boolean;
  params: JacobiParams;
}

/** Result of {@link SvdTask}: W = U·diag(s)·Vᵀ with s descending. All column-major. */
export interface SvdOutput {
  s: FloatArray;
  /** M×N (thin) or M×M (full), column-major; absent when `u` was `'none'`. */
  u?: FloatArray;
  /** N×N column-major; absent when `v` was false. */
  v?: FloatArray;
  /** Jacobi sweeps, or bidiagonal QR sweeps per singular value (the unit maxSweeps caps). */
  sweeps: number;
}

/** The two eigh algorithms: two-sided Jacobi, or tridiagonal reduction + implicit QL/QR. */
export type EighKernel = 'jacobi' | 'tridiagonal';

/** Symmetric eigenproblem of an n×n matrix (column-major, exactly symmetric). */
export interface EighTask {
  dtype: Dtype;
  n: number;
  a: FloatArray;
  /** Whether to compute the eigenvectors (values only when false: no accumulation at all). */
  vectors: boolean;
  method: EighKernel;
  params: JacobiParams;
}

/** Result of {@link EighTask}: eigenvalues descending, eigenvectors as columns (column-major). */
export interface EighOutput {
  values: FloatArray;
  vectors?: FloatArray;
  /** Jacobi sweeps, or tridiagonal QL/QR sweeps per eigenvalue (the unit maxSweeps caps). */
  sweeps: number;
}

/**
 * Dense product C = op(A)·op(B), all row-major: A is m×k (k×m when `transA`), B is k×n (n×k
 * when `transB`), C is m×n. The multiply-accumulate kernel behind reconstruction, the factored
 * product and the randomized range finder.
 */
export interface GemmTask {
  dtype: Dtype;
  m: number;
  n: number;
  k: number;
  a: FloatArray;
  transA: boolean;
  b: FloatArray;
  transB: boolean;
}

/** One implementation of the kernels. */
export interface Backend {
  readonly name: BackendName;
  /** Most bytes of working memory one call may use (wasm32: 4 GiB less the module's own). */
  readonly memoryLimit: number;
  /** Bytes of working memory an {@link SvdTask} of this shape needs. */
  svdBytes(dtype: Dtype, rows: number, cols: number, u: UMode, v: boolean, method: SvdKernel): number;
  /** Bytes of working memory an {@link EighTask} of this shape needs. */
  eighBytes(dtype: Dtype, n: number, vectors: boolean, method: EighKernel): number;
  /** Bytes of working memory a {@link GemmTask} of this shape needs. */
  gemmBytes(dtype: Dtype, m: number, n: number, k: number): number;
  svdTall(task: SvdTask): SvdOutput;
  eighSym(task: EighTask): EighOutput;
  /** Returns a fresh C = op(A)·op(B) (row-major m×n); never writes to a or b. */
  gemm(task: GemmTask): FloatArray;
}
