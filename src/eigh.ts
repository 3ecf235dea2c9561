/** Symmetric eigen-decomposition A = V·diag(values)·Vᵀ by cyclic two-sided Jacobi. @module */
import { allocate, transpose } from './arrays.js';
import { InvalidMatrixError } from './errors.js';
import { defaultParams, unitRoundoff } from './params.js';
import { selectBackend } from './backend/select.js';
import { checkInRange, checkOptions, computeOptionChecks, matrixShape, readMatrix, resolveDtype } from './validate.js';
import type { BackendName, ComputeOptions, Dtype, FloatArray, Matrix, MatrixLike, ResultArray } from './types.js';

/** Options of {@link eigh}. */
export interface EighOptions extends ComputeOptions {
  /** Cap on Jacobi sweeps before {@link ConvergenceError}; default 60. */
  maxSweeps?: number;
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
function symmetrize(a: FloatArray, n: number, dtype: Dtype): void {
  let big = 0;
  for (let k = 0; k < n * n; k++) big = Math.max(big, Math.abs(a[k]));
  const tol = 100 * n * unitRoundoff[dtype] * big;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const x = a[i * n + j], y = a[j * n + i];
      if (Math.abs(x - y) > tol) {
        throw new InvalidMatrixError(
          `eigh needs a symmetric matrix, but a[${i}][${j}] = ${x} and a[${j}][${i}] = ${y} differ by more than ` +
            `${tol.toExponential(2)}; use svd for general matrices`,
        );
      }
      // x + (y − x)/2, not (x + y)/2: the sum overflows for entries near the float limit.
      a[i * n + j] = a[j * n + i] = x + (y - x) / 2;
    }
  }
}

/** Flips each eigenvector (column of the row-major n×n `v`) so its largest-magnitude entry is positive. */
function fixSigns(v: FloatArray, n: number): void {
  for (let j = 0; j < n; j++) {
    let best = 0;
    for (let i = 1; i < n; i++) if (Math.abs(v[i * n + j]) > Math.abs(v[best * n + j])) best = i;
    if (v[best * n + j] < 0) for (let i = 0; i < n; i++) v[i * n + j] = -v[i * n + j];
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
  checkOptions('eigh', opts, computeOptionChecks);
  const dtype = resolveDtype(a, opts.dtype);
  const { rows: n, cols } = matrixShape(a);
  if (n !== cols) throw new InvalidMatrixError(`eigh needs a square matrix, got ${n}×${cols}`);
  const backend = selectBackend('eigh', opts.backend, (b) => b.eighBytes(dtype, n, true));
  const { data } = readMatrix(a, dtype); // after the size check: nothing big is copied in vain
  if (n === 0) return { values: allocate(dtype, 0), vectors: { rows: 0, cols: 0, data: allocate(dtype, 0) }, backend: backend.name };
  symmetrize(data, n, dtype);
  const params = { ...defaultParams, maxSweeps: opts.maxSweeps ?? defaultParams.maxSweeps };
  const parts = backend.eighSym({ dtype, n, a: data, vectors: true, params });
  checkInRange(parts.values, dtype, 'eigenvalue');
  const v = transpose(dtype, parts.vectors!, n, n);
  fixSigns(v, n);
  return { values: parts.values, vectors: { rows: n, cols: n, data: v }, backend: backend.name };
}
