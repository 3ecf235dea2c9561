/**
 * Products on a computed SVD A = U·diag(S)·Vt, shared by lstsq, pinv and the methods of svd's
 * result (which reuse one decomposition for any number of solves):
 * - solve: x = V_r·diag(1/σᵢ)·U_rᵀ·b over the r leading triplets, (m + n)·r·(columns of b)
 *   multiply-adds; the least-squares residual b − U_r·(U_rᵀ·b) from the same product U_rᵀ·b;
 * - pseudo-inverse: A⁺ = V_r·diag(1/σᵢ)·U_rᵀ, n·m·r multiply-adds.
 * Both on the gemm kernel. U may be thin or full (only its first r columns are read), Vt's first
 * r rows likewise. Accuracy: as lstsq / pinv (backward stable SVD solution; forward error
 * ≈ u·κ_r·‖x‖ with κ_r = σ₁/σ_r).
 * @module
 */
import { allocate, leadingColumns } from '../arrays.js';
import { InvalidMatrixError } from '../errors.js';
import { readMatrix } from '../validate.js';
import type { BackendChoice, Dtype, FloatArray, Matrix, MatrixLike } from '../types.js';
import { matmul } from './matmul.js';
import { isVector, readVector } from './read-factors.js';
import { countAbove } from './tolerance.js';

/** A computed SVD as the products need it. */
export interface Factors {
  dtype: Dtype;
  /** m×p (thin) or m×m (full), orthonormal columns. */
  U: Matrix;
  /** Singular values, descending. */
  S: FloatArray;
  /** p×n or n×n, orthonormal rows. */
  Vt: Matrix;
}

/** A computed SVD with A's shape, U and Vt possibly absent (then nothing can be solved). */
export interface SolveInput {
  m: number;
  n: number;
  dtype: Dtype;
  S: FloatArray;
  U?: Matrix;
  Vt?: Matrix;
}

/** Result of {@link solveFactors}. */
interface Solved {
  /** n×(columns of b). */
  x: Matrix;
  /** Per column of b, ‖b − A·x‖₂² (computed as ‖b − U_r·U_rᵀ·b‖₂²); empty unless asked for. */
  residuals: FloatArray;
}

/**
 * x = V_r·diag(1/σ)·U_rᵀ·B for the r leading triplets; with `residuals`, also the squared
 * residual of each column (one more product, m·r·(columns of B)); else an empty array.
 */
function solveFactors(
  fn: string,
  choice: BackendChoice | undefined,
  f: Factors,
  r: number,
  B: Matrix,
  residuals = false,
): Solved {
  const { dtype } = f,
    m = f.U.rows,
    n = f.Vt.cols;
  if (r === 0) {
    return {
      x: { rows: n, cols: B.cols, data: allocate(dtype, n * B.cols) },
      residuals: residuals ? sumSquares(B, dtype) : allocate(dtype, 0),
    };
  }
  const Ur = leadingColumns(f.U, r, dtype);
  const c = matmul(fn, choice, dtype, Ur, true, B, false); // U_rᵀB, r×cols
  let res = allocate(dtype, 0);
  if (residuals) {
    const fitted = matmul(fn, choice, dtype, Ur, false, c, false); // U_r·U_rᵀ·B = A·x, m×cols
    for (let k = 0; k < m * B.cols; k++) fitted.data[k] = B.data[k] - fitted.data[k];
    res = sumSquares(fitted, dtype);
  }
  for (let i = 0; i < r; i++) for (let j = 0; j < c.cols; j++) c.data[i * c.cols + j] /= f.S[i];
  const x = matmul(fn, choice, dtype, { rows: r, cols: n, data: f.Vt.data.subarray(0, r * n) }, true, c, false);
  return { x, residuals: res };
}

/** A⁺ = V_r·diag(1/σ)·U_rᵀ, n×m. */
export function pinvFactors(fn: string, choice: BackendChoice | undefined, f: Factors, r: number): Matrix {
  const { dtype } = f,
    m = f.U.rows,
    n = f.Vt.cols;
  if (r === 0) return { rows: n, cols: m, data: allocate(dtype, n * m) };
  const vt = { rows: r, cols: n, data: f.Vt.data.slice(0, r * n) };
  for (let i = 0; i < r; i++) for (let j = 0; j < n; j++) vt.data[i * n + j] /= f.S[i];
  return matmul(fn, choice, dtype, vt, true, leadingColumns(f.U, r, dtype), true);
}

/** Squared 2-norm of each column, scaled so that neither overflow nor underflow spoils it. */
function sumSquares(a: Matrix, dtype: Dtype): FloatArray {
  const out = allocate(dtype, a.cols);
  for (let j = 0; j < a.cols; j++) {
    let big = 0;
    for (let i = 0; i < a.rows; i++) big = Math.max(big, Math.abs(a.data[i * a.cols + j]));
    if (big === 0) continue;
    let s = 0;
    for (let i = 0; i < a.rows; i++) s += (a.data[i * a.cols + j] / big) ** 2;
    out[j] = s * big * big;
  }
  return out;
}

/**
 * lstsq on a computed thin or full SVD (also the `solve` of svd's result): reads b, solves,
 * and shapes the answer as lstsq returns it.
 */
export function solveWith(
  fn: string,
  d: SolveInput,
  b: unknown,
  rcond: number,
  backend: BackendChoice | undefined,
  full: boolean,
): unknown {
  const { m, n, S, dtype } = d;
  const vec = isVector(b);
  const B: Matrix = vec
    ? { rows: 0, cols: 1, data: readVector(b, dtype, 'b') }
    : readMatrix(b as MatrixLike, dtype, 'b');
  if (vec) B.rows = B.data.length;
  if (B.rows !== m) {
    throw new InvalidMatrixError(
      `${fn}: b must have m = ${m} ${vec ? 'entries' : 'rows'} (A is ${m}×${n}), got ${B.rows}`,
    );
  }
  const r = S.length === 0 ? 0 : countAbove(S, rcond * S[0]);
  const wantResiduals = full && r === n && m > n;
  const { x, residuals } =
    r > 0
      ? solveFactors(fn, backend, { dtype, U: d.U!, S, Vt: d.Vt! }, r, B, wantResiduals)
      : { x: { rows: n, cols: B.cols, data: allocate(dtype, n * B.cols) }, residuals: allocate(dtype, 0) };
  const out = vec ? x.data : x;
  return full ? { x: out, residuals, rank: r, S: S.slice() } : out;
}
