/**
 * The LowRank object: a rank-k factorisation A_k = U·diag(S)·Vt with its error statistics, and the
 * operations on it — reconstruct, apply (U(Σ(Vt·x)), k(m + n) multiply-accumulates per vector,
 * on the gemm kernel), the balanced factors U√Σ and √ΣVt, and (de)serialisation.
 * @module
 */
import { InvalidMatrixError } from '../errors.js';
import { matmul } from '../core/matmul.js';
import { isVector, readVector as readVectorArg } from '../core/read-factors.js';
import { checkOptions, dtypeBackendChecks, readMatrix, type OptionCheck } from '../validate.js';
import type { BackendChoice, Dtype, FloatArray, Matrix, MatrixLike, NumericArray } from '../types.js';
import { decode, encode, type LowRankData } from './codec.js';
import { precisionCheck, type Precision } from './quantize.js';
import { scaleColumns } from './reconstruct.js';

/** Options of {@link LowRank.toBytes}. */
export interface ToBytesOptions {
  /**
   * Storage of U and Vt; S is always float64. Default: the LowRank's dtype. See docs/format.md for
   * the error bounds.
   */
  precision?: Precision;
}

/** Options of {@link LowRank.fromBytes}. */
export interface FromBytesOptions {
  /** Backend of later reconstruct/apply calls; default 'auto'. */
  backend?: BackendChoice;
}

function scaleRows(a: Matrix, s: ArrayLike<number>): void {
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) a.data[i * a.cols + j] *= s[i];
}

const toBytesChecks = { precision: precisionCheck } satisfies Record<keyof ToBytesOptions, OptionCheck>;
const fromBytesChecks = { backend: dtypeBackendChecks.backend } satisfies Record<keyof FromBytesOptions, OptionCheck>;

/**
 * A rank-k approximation A_k = U·diag(S)·Vt of an m×n matrix A, made by {@link lowRank} or
 * {@link LowRank.fromBytes}. The arrays are this object's own (not shared with the input);
 * treat them as read-only.
 */
export class LowRank<T extends FloatArray = FloatArray> {
  /** m×k, orthonormal columns. */
  readonly U: Matrix<T>;
  /** k singular values, descending. */
  readonly S: T;
  /** k×n, orthonormal rows. */
  readonly Vt: Matrix<T>;
  /** The rank: number of singular triplets kept. */
  readonly k: number;
  /** Rows of A (and of U). */
  readonly m: number;
  /** Columns of A (and of Vt). */
  readonly n: number;
  /** Element type of U, S, Vt and of every result. */
  readonly dtype: Dtype;
  /** How U, S, Vt were computed: the exact SVD, or randomizedSvd. */
  readonly method: 'exact' | 'randomized';
  /** Numbers stored by the factors: k(m + n + 1). */
  readonly storedValues: number;
  /** storedValues / (m·n): below 1 means the factors are smaller than A. */
  readonly compressionRatio: number;
  /**
   * ‖A − A_k‖_F. Method 'exact': √(Σ_{i>k} σᵢ²) from the tail singular values (Eckart–Young).
   * Method 'randomized' (tail unknown): √(‖A‖_F² − Σ_{i≤k} σᵢ²), which is exact for the projection
   * A_k = U·Uᵀ·A, computed with scaled compensated sums (absolute accuracy about u·‖A‖_F²).
   */
  readonly error: number;
  /** error / ‖A‖_F; 0 for a zero matrix. */
  readonly relativeError: number;
  /** Σ_{i≤k} σᵢ² / ‖A‖_F², in [0, 1]; 1 for a zero matrix. */
  readonly energy: number;
  readonly #backend: BackendChoice | undefined;

  /**
   * Use {@link lowRank} or {@link LowRank.fromBytes}.
   * @internal
   */
  constructor(d: LowRankData, backend?: BackendChoice) {
    const { m, n, k } = d;
    this.U = { rows: m, cols: k, data: d.U as T };
    this.S = d.S as T;
    this.Vt = { rows: k, cols: n, data: d.Vt as T };
    this.k = k;
    this.m = m;
    this.n = n;
    this.dtype = d.dtype;
    this.method = d.method;
    this.storedValues = k * (m + n + 1);
    this.compressionRatio = this.storedValues / (m * n);
    this.error = d.error;
    this.relativeError = d.relativeError;
    this.energy = d.energy;
    this.#backend = backend;
  }

  /**
   * A_k = U·diag(S)·Vt as a fresh m×n matrix (m·n·k multiply-accumulates on the gemm kernel).
   * @example
   * ```ts
   * const approx = lowRank(a, 10).reconstruct(); // m×n
   * ```
   */
  reconstruct(): Matrix<T> {
    const left = { rows: this.m, cols: this.k, data: this.U.data.slice() };
    scaleColumns(left, this.S);
    return matmul('LowRank.reconstruct', this.#backend, this.dtype, left, false, this.Vt, false) as Matrix<T>;
  }

  /**
   * y = A_k·x = U·(S ⊙ (Vt·x)) without forming A_k: k(m + n) multiply-accumulates per vector.
   * @param x a vector of length n (typed array or number[]), or an n×r matrix (each column a vector).
   * @returns a vector of length m (in this LowRank's dtype), or an m×r matrix.
   * @example
   * ```ts
   * const y = lr.apply(new Float64Array(lr.n).fill(1)); // length lr.m
   * ```
   * @throws {@link InvalidMatrixError} wrong length, non-finite entries.
   */
  apply(x: NumericArray | ArrayLike<number>): T;
  apply(x: MatrixLike): Matrix<T>;
  apply(x: NumericArray | ArrayLike<number> | MatrixLike): FloatArray | Matrix {
    // As lstsq's b: a typed array or number[] is the vector, anything else (arrays of rows too) a matrix.
    const isMat = !isVector(x);
    const X = isMat
      ? readMatrix(x as MatrixLike, this.dtype, 'x')
      : { rows: 0, cols: 1, data: readVectorArg(x, this.dtype, 'x') };
    if (!isMat) X.rows = X.data.length;
    if (X.rows !== this.n) {
      throw new InvalidMatrixError(
        `LowRank.apply: x must have n = ${this.n} ${isMat ? 'rows' : 'entries'}, got ${X.rows}`,
      );
    }
    const t = matmul('LowRank.apply', this.#backend, this.dtype, this.Vt, false, X, false); // k×r
    scaleRows(t, this.S);
    const y = matmul('LowRank.apply', this.#backend, this.dtype, this.U, false, t, false); // m×r
    return isMat ? y : y.data;
  }

  /**
   * The balanced factors left = U·√Σ (m×k) and right = √Σ·Vt (k×n), so A_k = left·right
   * (fresh arrays).
   * @example
   * ```ts
   * const { left, right } = lr.factors(); // e.g. embeddings of rows and columns
   * ```
   */
  factors(): {
    /** U·diag(√S): m×k. */
    left: Matrix<T>;
    /** diag(√S)·Vt: k×n. */
    right: Matrix<T>;
  } {
    const root = Array.from(this.S, Math.sqrt);
    const left = { rows: this.m, cols: this.k, data: this.U.data.slice() as T };
    const right = { rows: this.k, cols: this.n, data: this.Vt.data.slice() as T };
    scaleColumns(left, root);
    scaleRows(right, root);
    return { left, right };
  }

  /**
   * Serialises the factorisation (format: docs/format.md, version 1): header with shapes,
   * precision and CRC-32 checksums; S in float64; U and Vt at `precision`.
   * Size: 64 + 8k + k(m + n)·b bytes (b = 8, 4, 2, 1), plus 8k for int8's per-vector scales.
   * Round trip: exact at 'float64' (and at 'float32' for a float32 LowRank); otherwise each
   * entry of U and Vt is within 2⁻²⁴|x| (float32), 2⁻¹¹|x| (float16) or s/2 with
   * s = max|vector|/127 (int8, one scale per column of U and row of Vt).
   * @example
   * ```ts
   * const bytes = lr.toBytes({ precision: 'float16' });
   * const back = LowRank.fromBytes(bytes);
   * ```
   */
  toBytes(opts: ToBytesOptions = {}): Uint8Array<ArrayBuffer> {
    checkOptions('LowRank.toBytes', opts, toBytesChecks);
    const precision = opts.precision ?? this.dtype;
    const { m, n, k, dtype, method, S, error, relativeError, energy } = this;
    return encode(
      { m, n, k, dtype, method, U: this.U.data, S, Vt: this.Vt.data, error, relativeError, energy },
      precision,
    );
  }

  /**
   * Reads bytes written by {@link LowRank.toBytes}; the result has the original dtype, shapes
   * and error statistics (those describe the approximation before any quantisation).
   * @example
   * ```ts
   * const lr = LowRank.fromBytes(await fs.readFile('a.svdk'));
   * ```
   * @throws {@link InvalidMatrixError} not svdkit data, an unsupported version, truncated or corrupt
   *   bytes (checksum mismatch), or inconsistent header fields.
   */
  static fromBytes(bytes: Uint8Array | ArrayBuffer, opts: FromBytesOptions = {}): LowRank {
    checkOptions('LowRank.fromBytes', opts, fromBytesChecks);
    return new LowRank(decode(bytes), opts.backend);
  }
}
