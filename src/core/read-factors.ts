/**
 * Reading factor matrices (U, Vt) and vectors (S, x): shape first, then a validated copy of only
 * the part a computation uses, so callers' arrays are never written and large unused parts of a
 * factor cost nothing.
 * @module
 */
import { allocate, leadingColumns } from '../arrays.js';
import { describeEntry } from '../describe.js';
import { InvalidMatrixError } from '../errors.js';
import { matrixShape, readMatrix } from '../validate.js';
import type { Dtype, FloatArray, Matrix, MatrixLike } from '../types.js';

/** A row-major `{ rows, cols, data }` (not `order: 'col'`): its leading block is read in place. */
function isObjectForm(a: object): a is { rows: unknown; cols: unknown; data: unknown } {
  return 'rows' in a && 'cols' in a && 'data' in a && (a as { order?: unknown }).order !== 'col';
}

function finiteCopy(
  src: ArrayLike<unknown>,
  from: number,
  count: number,
  dst: FloatArray,
  at: number,
  where: (k: number) => string,
): void {
  for (let t = 0; t < count; t++) {
    const x = src[from + t];
    // typeof first: a BigInt (from a BigInt64Array) would throw a TypeError on assignment.
    if (typeof x === 'number') dst[at + t] = x;
    if (typeof x !== 'number' || !Number.isFinite(dst[at + t])) {
      throw new InvalidMatrixError(`${where(from + t)} is ${describeEntry(x)}; svdkit needs finite real numbers`);
    }
  }
}

/** The leading `rows`×`cols` block of `a` as a fresh row-major matrix in `dtype`, validated. */
export function leadingBlock(a: MatrixLike, rows: number, cols: number, dtype: Dtype, name: string): Matrix {
  const shape = matrixShape(a, name);
  if (!isObjectForm(a)) {
    const full = readMatrix(a, dtype, name);
    return leadingColumns({ rows, cols: shape.cols, data: full.data }, cols, dtype); // the first `rows` rows of it
  }
  const src = a.data as ArrayLike<unknown>; // its length was checked by matrixShape
  const out = allocate(dtype, rows * cols);
  for (let i = 0; i < rows; i++)
    finiteCopy(
      src,
      i * shape.cols,
      cols,
      out,
      i * cols,
      (k) => `${name}[${Math.floor(k / shape.cols)}][${k % shape.cols}]`,
    );
  return { rows, cols, data: out };
}

/**
 * Whether an argument that may be a vector or a matrix (lstsq's b, LowRank.apply's x) is the
 * vector: a typed array, or an array that is empty or starts with a number. Anything else is
 * read as a matrix, array of rows included.
 */
export function isVector(b: unknown): boolean {
  if (ArrayBuffer.isView(b)) return !(b instanceof DataView);
  return Array.isArray(b) && (b.length === 0 || typeof b[0] === 'number');
}

/** A vector argument (typed array or number[]) as a fresh validated array in `dtype`. */
export function readVector(x: unknown, dtype: Dtype, name: string): FloatArray {
  if (
    x === null ||
    typeof x !== 'object' ||
    typeof (x as ArrayLike<unknown>).length !== 'number' ||
    (!ArrayBuffer.isView(x) && !Array.isArray(x)) ||
    x instanceof DataView
  ) {
    throw new InvalidMatrixError(`${name} must be a typed array or an array of numbers`);
  }
  const src = x as ArrayLike<unknown>;
  const out = allocate(dtype, src.length);
  finiteCopy(src, 0, src.length, out, 0, (k) => `${name}[${k}]`);
  return out;
}
