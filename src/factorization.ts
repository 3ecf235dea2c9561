/**
 * The object {@link svd} returns: U, S, Vt and methods that reuse them — solve (least squares),
 * pinv, rank, cond — so one decomposition serves any number of right-hand sides. Each method
 * costs only its products (solve: (m + n)·r multiply-adds per column of b; pinv: n·m·r), never
 * a new SVD, and follows the free functions' conventions (lstsq, pinv, matrixRank, cond: numpy's
 * default tolerances max(m, n)·ε·σ₁).
 * @module
 */
import { InvalidMatrixError, InvalidOptionError } from './errors.js';
import { pinvFactors, solveWith } from './core/solve.js';
import { checkTolerance, countAbove, defaultRcond, nonNegative } from './core/tolerance.js';
import { checkOptions, type OptionCheck } from './validate.js';
import type { BackendChoice, BackendName, Dtype, FloatArray, Matrix, MatrixLike, NumericArray } from './types.js';

/** Options of the `solve` and `pinv` methods of an svd result. */
export interface SolveOptions {
  /** Relative cutoff: singular values ≤ rcond·σ₁ are treated as zero. Default max(m, n)·ε. */
  rcond?: number;
}

const solveChecks = { rcond: nonNegative } satisfies Record<keyof SolveOptions, OptionCheck>;

/** What a result knows besides its arrays (sent along when a worker returns it). */
export interface SvdMeta {
  m: number;
  n: number;
  dtype: Dtype;
  /** The backend request of the call, used again by solve and pinv. */
  choice: BackendChoice | undefined;
  /** S holds all min(m, n) singular values (false with option k < min(m, n)). */
  complete: boolean;
}

/** An svd result's arrays. */
export interface SvdParts {
  U?: Matrix;
  S: FloatArray;
  Vt?: Matrix;
  backend: BackendName;
}

/** svd's result: the arrays as own fields (plain data), the methods on the prototype. */
export class SvdFactorization {
  // `declare`: no own property unless assigned, so a computeUV: false result has no U or Vt key.
  declare U?: Matrix;
  S: FloatArray;
  declare Vt?: Matrix;
  backend: BackendName;
  readonly #meta: SvdMeta;

  constructor(parts: SvdParts, meta: SvdMeta) {
    if (parts.U) this.U = parts.U;
    this.S = parts.S;
    if (parts.Vt) this.Vt = parts.Vt;
    this.backend = parts.backend;
    this.#meta = meta;
  }

  /** Numerical rank: singular values > tol; default max(m, n)·ε·σ₁ (as matrixRank). */
  rank(tol?: number): number {
    this.#needAll('rank');
    if (tol !== undefined) checkTolerance('rank', 'tol', tol);
    const { S } = this,
      { dtype, m, n } = this.#meta;
    return S.length === 0 ? 0 : countAbove(S, tol ?? defaultRcond(dtype, m, n) * S[0]);
  }

  /** 2-norm condition number σ₁/σ_p; Infinity when σ_p = 0 (as cond). */
  cond(): number {
    this.#needAll('cond');
    const { m, n } = this.#meta;
    if (this.S.length === 0)
      throw new InvalidMatrixError(`cond: a is ${m}×${n}; the condition number of an empty matrix is undefined`);
    const small = this.S[this.S.length - 1];
    return small === 0 ? Infinity : this.S[0] / small;
  }

  /** Minimum-norm least-squares solution of A·x ≈ b from these factors (as lstsq). */
  solve(b: NumericArray | ArrayLike<number> | MatrixLike, opts: SolveOptions = {}): FloatArray | Matrix {
    checkOptions('solve', opts, solveChecks);
    const { m, n, dtype, choice } = this.#meta;
    const { U, Vt, S } = this.#factors('solve');
    return solveWith('solve', { m, n, dtype, S, U, Vt }, b, opts.rcond ?? defaultRcond(dtype, m, n), choice, false) as
      | FloatArray
      | Matrix;
  }

  /** Moore–Penrose pseudo-inverse from these factors (as pinv), n×m. */
  pinv(opts: SolveOptions = {}): Matrix {
    checkOptions('pinv', opts, solveChecks);
    const { m, n, dtype, choice } = this.#meta;
    const { U, Vt, S } = this.#factors('pinv');
    const r = S.length === 0 ? 0 : countAbove(S, (opts.rcond ?? defaultRcond(dtype, m, n)) * S[0]);
    return pinvFactors('pinv', choice, { dtype, U, S, Vt }, r);
  }

  /** The metadata a worker sends with the arrays. @internal */
  meta(): SvdMeta {
    return { ...this.#meta };
  }

  #needAll(what: string): void {
    if (!this.#meta.complete) {
      throw new InvalidOptionError(
        `${what}: this svd kept only the ${this.S.length} largest singular values (option k); ${what} needs all of ` +
          `them`,
      );
    }
  }

  #factors(what: string): { U: Matrix; S: FloatArray; Vt: Matrix } {
    if (!this.U || !this.Vt) {
      throw new InvalidOptionError(`${what}: this svd was computed with computeUV: false; ${what} needs U and Vt`);
    }
    return { U: this.U, S: this.S, Vt: this.Vt };
  }
}
