/**
 * The singular value decomposition A = U·diag(S)·Vt of any real m×n matrix.
 *
 * Orientation: the backends decompose a tall working matrix W (M ≥ N). For m ≥ n, W = A; for
 * m < n, W = Aᵀ, whose column-major storage is A's row-major data as is, and the factors swap:
 * A = (V_W)·Σ·(U_W)ᵀ.
 * @module
 */
import { allocate, dtypeOf, identity, transpose } from './arrays.js';
import { InvalidOptionError } from './errors.js';
import { defaultParams } from './params.js';
import { selectBackend } from './backend/select.js';
import { svdKernelFor, type SvdMethod } from './svd-method.js';
import { negateRow, positiveColumns, positiveRows } from './signs.js';
import type { Backend, UMode } from './backend/types.js';
import { SvdFactorization, type SolveOptions, type SvdParts } from './factorization.js';
import {
  checkInRange,
  checkOptions,
  computeOptionChecks,
  is,
  matrixShape,
  readMatrixAs,
  resolveDtype,
} from './validate.js';
import type {
  BackendName,
  ComputeOptions,
  Dtype,
  FloatArray,
  Matrix,
  MatrixLike,
  NumericArray,
  ResultArray,
} from './types.js';

/** Options of {@link svd}. */
export interface SvdOptions extends ComputeOptions {
  /** false (default): U is m×p and Vt is p×n, p = min(m, n). true: U is m×m and Vt is n×n. */
  fullMatrices?: boolean;
  /** true (default): compute U and Vt. false: only S (faster); U and Vt are absent. */
  computeUV?: boolean;
  /**
   * Cap before {@link ConvergenceError}: Jacobi sweeps, or for the bidiagonal method QR sweeps
   * per singular value on average (maxSweeps·p in all); default 60 (see params.ts).
   */
  maxSweeps?: number;
  /**
   * 'auto' (default): bidiagonalization and implicit QR (LAPACK's route, fastest), unless the
   * columns of A (rows, when m < n) differ in norm by more than 16×: then one-sided Jacobi, which
   * computes the small singular values of such graded matrices to high relative accuracy.
   * 'jacobi' or 'bidiagonal' force one.
   */
  method?: SvdMethod;
  /**
   * Keep only the k largest singular triplets, 1 ≤ k ≤ min(m, n): U is m×k, S has k values, Vt
   * is k×n. Exact (the thin SVD is computed, then truncated). Not allowed with fullMatrices.
   */
  k?: number;
}

/** Methods of every {@link svd} result; they reuse its singular values (no new decomposition). */
export interface SvdValueMethods {
  /**
   * Numerical rank: the number of singular values above `tol` (absolute; default
   * max(m, n)·ε·σ₁, numpy's matrix_rank rule). As {@link matrixRank}, without a new SVD.
   * @throws {@link InvalidOptionError} tol negative or not finite; the svd kept only k < min(m, n) values.
   */
  rank(tol?: number): number;
  /**
   * 2-norm condition number σ₁/σ_p, Infinity for a singular matrix. As {@link cond}, without a new SVD.
   * @throws {@link InvalidMatrixError} an empty matrix.
   * @throws {@link InvalidOptionError} the svd kept only k < min(m, n) values.
   */
  cond(): number;
}

/** Methods of an {@link svd} result with U and Vt: solves and the pseudo-inverse from its factors. */
export interface SvdSolveMethods<T extends FloatArray> {
  /**
   * The minimum-norm least-squares solution of A·x ≈ b from these factors: as {@link lstsq}
   * (b a vector of length m → x of length n; b m×r → x n×r), (m + n)·r multiply-adds per
   * column, no new SVD. After `svd(a, { k })`, the truncated-SVD solution over the k triplets.
   * @example
   * ```ts
   * const f = svd([[1, 0], [1, 1], [1, 2]]);
   * f.solve([1, 2, 2]); f.solve([0, 1, 3]);   // two right-hand sides, one decomposition
   * ```
   * @throws {@link InvalidMatrixError} b's length (rows) differs from A's rows, malformed b.
   */
  solve(b: NumericArray | ArrayLike<number>, opts?: SolveOptions): T;
  /** With an m×r matrix b: x is n×r, the solution for each column of b. */
  solve(b: MatrixLike, opts?: SolveOptions): Matrix<T>;
  /** The Moore–Penrose pseudo-inverse (n×m) from these factors: as {@link pinv}, without a new SVD. */
  pinv(opts?: SolveOptions): Matrix<T>;
}

/** Result of {@link svd} with `computeUV` true (the default). */
export interface SvdResult<T extends FloatArray = FloatArray> extends SvdValueMethods, SvdSolveMethods<T> {
  /** Left singular vectors as columns: m×p (thin), m×m (fullMatrices) or m×k (option k). */
  U: Matrix<T>;
  /** Singular values, descending, non-negative; length p = min(m, n) (k with option k). */
  S: T;
  /** Right singular vectors as rows: p×n (thin), n×n (fullMatrices) or k×n (option k). */
  Vt: Matrix<T>;
  /** The backend that ran the decomposition. */
  backend: BackendName;
}

/** Result of {@link svd} with `computeUV: false`: the singular values only. */
export interface SvdValuesResult<T extends FloatArray = FloatArray> extends SvdValueMethods {
  /** Not computed. */
  U?: undefined;
  /** Singular values, descending, non-negative; length p = min(m, n) (k with option k). */
  S: T;
  /** Not computed. */
  Vt?: undefined;
  /** The backend that ran the decomposition. */
  backend: BackendName;
}

/** {@link SvdOptions} that ask for the singular values only. */
export interface SvdValuesOptions extends SvdOptions {
  /** false: only S is computed; the result has no U and Vt. */
  computeUV: false;
}

/** {@link SvdOptions} that ask for U and Vt too (computeUV true or absent, the default). */
export interface SvdVectorsOptions extends SvdOptions {
  /** true or absent: U and Vt are computed. */
  computeUV?: true;
}

/** The arrays of either result, as the implementation builds them before wrapping. */
type AnySvd = SvdParts;

const svdChecks = {
  ...computeOptionChecks,
  fullMatrices: is.boolean,
  computeUV: is.boolean,
  method: is.oneOf('auto', 'jacobi', 'bidiagonal'),
  k: (v: unknown) => (Number.isSafeInteger(v) && (v as number) >= 1 ? null : 'must be an integer from 1 to min(m, n)'),
} satisfies Record<keyof SvdOptions, (value: unknown) => string | null>;

/**
 * The sign convention (src/signs.ts) on U, with the matching rows of Vt; Vt's extra rows
 * (fullMatrices) on their own.
 */
function fixSigns(U: Matrix, Vt: Matrix, p: number): void {
  positiveColumns(U, (j) => {
    if (j < p) negateRow(Vt, j);
  });
  positiveRows(Vt, p);
}

function emptySvd(dtype: Dtype, m: number, n: number, full: boolean, computeUV: boolean, backend: BackendName): AnySvd {
  const S = allocate(dtype, 0);
  if (!computeUV) return { S, backend };
  const U = full ? { rows: m, cols: m, data: identity(dtype, m) } : { rows: m, cols: 0, data: allocate(dtype, 0) };
  const Vt = full ? { rows: n, cols: n, data: identity(dtype, n) } : { rows: 0, cols: n, data: allocate(dtype, 0) };
  return { U, S, Vt, backend };
}

/** Checks the `k` option against the shape; returns it, or null when absent. */
function checkK(fn: string, k: number | undefined, m: number, n: number, full: boolean): number | null {
  if (k === undefined) return null;
  if (full)
    throw new InvalidOptionError(
      `${fn}: k (the ${k} largest triplets) cannot be combined with fullMatrices: true; drop one`,
    );
  if (k > Math.min(m, n)) {
    throw new InvalidOptionError(
      `${fn}: k must be an integer from 1 to min(m, n) = ${Math.min(m, n)} for a ${m}×${n} matrix, got ${k}`,
    );
  }
  return k;
}

/** The k largest triplets of a thin SVD: U's first k columns, S's first k values, Vt's first k rows. */
function truncate(r: AnySvd, k: number): AnySvd {
  const S = r.S.slice(0, k);
  if (!r.U || !r.Vt) return { S, backend: r.backend };
  const { rows: m, cols: p } = r.U,
    n = r.Vt.cols;
  const U = allocate(dtypeOf(S), m * k);
  for (let i = 0; i < m; i++) U.set(r.U.data.subarray(i * p, i * p + k), i * k);
  return {
    U: { rows: m, cols: k, data: U },
    S,
    Vt: { rows: k, cols: n, data: r.Vt.data.slice(0, k * n) },
    backend: r.backend,
  };
}

/**
 * Singular value decomposition A = U·diag(S)·Vt by one-sided Jacobi (with Householder QR first
 * when the working matrix is tall), on the wasm or the JS backend.
 *
 * Shapes, p = min(m, n): thin (default) U is m×p, S has p entries, Vt is p×n; with
 * `fullMatrices` U is m×m and Vt n×n, their extra columns/rows an orthonormal completion.
 * S is descending and non-negative. Signs: each column of U has its largest-magnitude entry
 * positive (singular vectors are only defined up to sign; this makes results reproducible).
 * Empty input (0×n, m×0) gives empty S. With `k`, only the k largest triplets are returned
 * (U m×k, S k, Vt k×n), exactly those of the thin SVD.
 *
 * @example
 * ```ts
 * const { U, S, Vt } = svd([[3, 2, 2], [2, 3, -2]]);
 * // S ≈ [5, 3]; U is 2×2, Vt is 2×3
 * const top = svd([[3, 2, 2], [2, 3, -2]], { k: 1 }); // S ≈ [5]; U is 2×1, Vt is 1×3
 * ```
 * @throws {@link InvalidMatrixError} NaN/±Infinity entries, ragged rows, wrong data length.
 * @throws {@link InvalidOptionError} an unknown option name or a bad value; k > min(m, n); k with fullMatrices.
 * @throws {@link BackendUnavailableError} backend 'wasm' when WebAssembly cannot be loaded.
 * @throws {@link ConvergenceError} the sweep cap was reached (not seen with the default cap).
 */
export function svd<A extends MatrixLike, O extends SvdValuesOptions>(
  a: A,
  opts: O,
): SvdValuesResult<ResultArray<A, O>>;
export function svd<A extends MatrixLike, O extends SvdVectorsOptions = {}>(
  a: A,
  opts?: O,
): SvdResult<ResultArray<A, O>>;
/** `computeUV` not known at compile time: U and Vt may be absent. */
export function svd<A extends MatrixLike, O extends SvdOptions>(
  a: A,
  opts?: O,
): SvdResult<ResultArray<A, O>> | SvdValuesResult<ResultArray<A, O>>;
export function svd(a: MatrixLike, opts: SvdOptions = {}): SvdResult | SvdValuesResult {
  checkOptions('svd', opts, svdChecks);
  const dtype = resolveDtype(a, opts.dtype);
  const { rows: m, cols: n } = matrixShape(a);
  const parts = svdParts(a, opts);
  const complete = parts.S.length === Math.min(m, n);
  // The class implements both interfaces; its solve overloads are typed there, per element type.
  return new SvdFactorization(parts, { m, n, dtype, choice: opts.backend, complete }) as unknown as SvdResult;
}

/** The arrays of the SVD of `a` (options checked by svd). */
function svdParts(a: MatrixLike, opts: SvdOptions): AnySvd {
  const dtype = resolveDtype(a, opts.dtype);
  // Shape first: a size beyond the backend's limit fails (or falls back) before any copy.
  const { rows: m, cols: n } = matrixShape(a);
  const full = opts.fullMatrices ?? false,
    computeUV = opts.computeUV ?? true;
  const k = checkK('svd', opts.k, m, n, full);
  const tall = m >= n,
    M = tall ? m : n,
    N = tall ? n : m;
  const uMode: UMode = computeUV ? (full ? 'full' : 'thin') : 'none';
  // Planned for the larger route before the copy: a size beyond the limit fails (or falls back) first.
  const bytes = (b: Backend) =>
    Math.max(
      b.svdBytes(dtype, M, N, uMode, computeUV, 'jacobi'),
      b.svdBytes(dtype, M, N, uMode, computeUV, 'bidiagonal'),
    );
  const backend = selectBackend('svd', opts.backend, bytes);
  // W in column-major order: A itself when tall, Aᵀ (A's row-major storage) when wide.
  const w = readMatrixAs(a, dtype, tall ? 'col' : 'row');
  if (M === 0 || N === 0) return emptySvd(dtype, m, n, full, computeUV, backend.name);
  const params = { ...defaultParams, maxSweeps: opts.maxSweeps ?? defaultParams.maxSweeps };
  const method = svdKernelFor(opts.method, w, M, N);
  const parts = backend.svdTall({ dtype, method, rows: M, cols: N, w, u: uMode, v: computeUV, params });
  checkInRange(parts.s, dtype, 'singular value');
  if (!computeUV)
    return k === null ? { S: parts.s, backend: backend.name } : truncate({ S: parts.s, backend: backend.name }, k);
  const K = full ? M : N;
  // tall: U = U_W (M×K), Vt = V_Wᵀ; wide: U = V_W (N×N), Vt = U_Wᵀ (K×M).
  const U = tall
    ? { rows: m, cols: K, data: transpose(dtype, parts.u!, M, K) }
    : { rows: m, cols: m, data: transpose(dtype, parts.v!, N, N) };
  const Vt = tall ? { rows: N, cols: n, data: parts.v! } : { rows: K, cols: n, data: parts.u! };
  fixSigns(U, Vt, N);
  const result = { U, S: parts.s, Vt, backend: backend.name };
  return k === null ? result : truncate(result, k);
}

/** Options of {@link svdvals}. */
export type SvdvalsOptions = Omit<SvdOptions, 'fullMatrices' | 'computeUV'>;

/**
 * Singular values of A only, descending (length min(m, n), or k with the `k` option). Same algorithm as {@link svd}
 * without accumulating U and V, so it is faster and needs less memory.
 * @example
 * ```ts
 * svdvals([[3, 0], [0, -4]]); // Float64Array [4, 3]
 * ```
 */
export function svdvals<A extends MatrixLike, O extends SvdvalsOptions = {}>(a: A, opts?: O): ResultArray<A, O>;
export function svdvals(a: MatrixLike, opts: SvdvalsOptions = {}): FloatArray {
  checkOptions('svdvals', opts, { ...computeOptionChecks, method: svdChecks.method, k: svdChecks.k });
  return svd(a, { ...opts, computeUV: false }).S;
}
