/**
 * Symmetric eigen-decomposition A = V·diag(values)·Vᵀ: Householder tridiagonalization with
 * implicit QL/QR (the fast default), or cyclic two-sided Jacobi (relatively accurate on graded
 * positive definite matrices). `eigvalsh` is the values-only call.
 * @module
 */
import { allocate, transpose } from './arrays.js';
import { InvalidMatrixError } from './errors.js';
import { defaultParams, unitRoundoff } from './params.js';
import { selectBackend } from './backend/select.js';
import {
  checkInRange,
  checkOptions,
  computeOptionChecks,
  is,
  matrixShape,
  readMatrix,
  resolveDtype,
  type OptionCheck,
} from './validate.js';
import { positiveColumns } from './signs.js';
import type { Backend, EighKernel, EighOutput } from './backend/types.js';
import type { BackendName, ComputeOptions, Dtype, FloatArray, Matrix, MatrixLike, ResultArray } from './types.js';

/** Which eigh algorithm runs: see {@link EighOptions.method}. */
export type EighMethod = 'auto' | 'jacobi' | 'tridiagonal';

/** Options of {@link eigh} and {@link eigvalsh}. */
export interface EighOptions extends ComputeOptions {
  /**
   * `'tridiagonal'`: Householder reduction to tridiagonal form, then implicit QL/QR with
   * Wilkinson shifts (LAPACK dsytrd + dsteqr): O(n³) once, the fast choice; eigenvalues to
   * absolute accuracy O(n·u·‖A‖). `'jacobi'`: cyclic two-sided Jacobi, several O(n³) sweeps,
   * slower, but it computes the small eigenvalues of a graded positive definite matrix
   * (A = D·B·D with B well conditioned) to high relative accuracy. `'auto'` (default):
   * tridiagonal, except Jacobi for n ≤ 4, where both take the same few microseconds.
   */
  method?: EighMethod;
  /**
   * Cap before {@link ConvergenceError}: Jacobi sweeps, or for the tridiagonal method QL/QR
   * sweeps per eigenvalue on average (maxSweeps·n in all; LAPACK allows 30·n); default 60.
   */
  maxSweeps?: number;
}

/**
 * Largest n for which `method: 'auto'` runs Jacobi. Measured (wasm and js, 2–24): Jacobi is
 * never faster, and they tie at n ≤ 4 (about 10 µs, mostly call overhead), where Jacobi's
 * relative accuracy then comes free; from n = 6 on tridiagonal is up to 2.5× faster.
 */
const JACOBI_MAX_N = 4;

const eighOptionChecks = {
  ...computeOptionChecks,
  method: is.oneOf('auto', 'jacobi', 'tridiagonal'),
} satisfies Record<keyof EighOptions, OptionCheck>;

/** The kernel `method` selects for an n×n problem. */
function kernelFor(method: EighMethod | undefined, n: number): EighKernel {
  if (method === 'jacobi' || method === 'tridiagonal') return method;
  return n <= JACOBI_MAX_N ? 'jacobi' : 'tridiagonal';
}

/** Result of {@link eigh}. */
export interface EighResult<T extends FloatArray = FloatArray> {
  /** Eigenvalues, descending. */
  values: T;
  /** Eigenvectors as the columns of an n×n matrix (row-major storage), orthonormal. */
  vectors: Matrix<T>;
  /** The backend that ran the decomposition. */
  backend: BackendName;
}

/**
 * Symmetry tolerance: |a_ij − a_ji| ≤ 100·n·u·max|a|. Rounding in a product such as AᵀA
 * formed in a different order leaves asymmetry of a few u·‖A‖; anything larger is a mistake.
 */
function symmetrize(a: FloatArray, n: number, dtype: Dtype, fn: string): void {
  let big = 0;
  for (let k = 0; k < n * n; k++) big = Math.max(big, Math.abs(a[k]));
  const tol = 100 * n * unitRoundoff[dtype] * big;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = a[i * n + j],
        y = a[j * n + i];
      if (Math.abs(x - y) > tol) {
        throw new InvalidMatrixError(
          `${fn} needs a symmetric matrix, but a[${i}][${j}] = ${x} and a[${j}][${i}] = ${y} differ by more than ` +
            `${tol.toExponential(2)}; use svd for general matrices`,
        );
      }
      // x + (y − x)/2, not (x + y)/2: the sum overflows for entries near the float limit.
      a[i * n + j] = a[j * n + i] = x + (y - x) / 2;
    }
  }
}

/**
 * Eigenvalues (descending) and orthonormal eigenvectors (columns) of a real symmetric matrix.
 * The input must be symmetric to within rounding; its two triangles are averaged.
 * @example
 * ```ts
 * const { values, vectors } = eigh([[2, 1], [1, 2]]); // values ≈ [3, 1]
 * ```
 * @throws {@link InvalidMatrixError} non-square or non-symmetric input, NaN/±Infinity entries.
 */
export function eigh<A extends MatrixLike, O extends EighOptions = {}>(a: A, opts?: O): EighResult<ResultArray<A, O>>;
export function eigh(a: MatrixLike, opts: EighOptions = {}): EighResult {
  const { dtype, n, backend, parts } = decompose('eigh', a, opts, true);
  if (n === 0)
    return {
      values: allocate(dtype, 0),
      vectors: { rows: 0, cols: 0, data: allocate(dtype, 0) },
      backend: backend.name,
    };
  const v = transpose(dtype, parts!.vectors!, n, n);
  positiveColumns({ rows: n, cols: n, data: v });
  return { values: parts!.values, vectors: { rows: n, cols: n, data: v }, backend: backend.name };
}

/**
 * Eigenvalues only (descending) of a real symmetric matrix: numpy's `eigvalsh`, but in
 * svdkit's descending order. With the tridiagonal method this costs the reduction (4/3·n³)
 * plus O(n²); no eigenvectors are formed.
 * @example
 * ```ts
 * eigvalsh([[2, 1], [1, 2]]); // Float64Array [3, 1]
 * ```
 * @throws {InvalidMatrixError} non-square or non-symmetric input, NaN/±Infinity entries.
 */
export function eigvalsh(a: MatrixLike, opts: EighOptions = {}): FloatArray {
  const { dtype, n, parts } = decompose('eigvalsh', a, opts, false);
  return n === 0 ? allocate(dtype, 0) : parts!.values;
}

/** Validation, backend choice and the backend call shared by {@link eigh} and {@link eigvalsh}. */
function decompose(
  fn: string,
  a: MatrixLike,
  opts: EighOptions,
  vectors: boolean,
): { dtype: Dtype; n: number; backend: Backend; parts?: EighOutput } {
  checkOptions(fn, opts, eighOptionChecks);
  const dtype = resolveDtype(a, opts.dtype);
  const { rows: n, cols } = matrixShape(a);
  if (n !== cols) throw new InvalidMatrixError(`${fn} needs a square matrix, got ${n}×${cols}`);
  const method = kernelFor(opts.method, n);
  const backend = selectBackend(fn, opts.backend, (b) => b.eighBytes(dtype, n, vectors, method));
  const { data } = readMatrix(a, dtype); // after the size check: nothing big is copied in vain
  if (n === 0) return { dtype, n, backend };
  symmetrize(data, n, dtype, fn);
  const params = { ...defaultParams, maxSweeps: opts.maxSweeps ?? defaultParams.maxSweeps };
  const parts = backend.eighSym({ dtype, n, a: data, vectors, method, params });
  checkInRange(parts.values, dtype, 'eigenvalue');
  return { dtype, n, backend, parts };
}
