/**
 * Reading factor matrices (U, Vt) and vectors (S, x): shape first, then a validated copy of only
 * the part a computation uses, so callers' arrays are never written and large unused parts of a
 * factor cost nothing.
 * @module
 */
import { allocate } from '../arrays.js';
import { InvalidMatrixError } from '../errors.js';
import { readMatrix } from '../validate.js';
import type { Dtype, FloatArray, Matrix, MatrixLike } from '../types.js';

function isObjectForm(a: object): a is { rows: unknown; cols: unknown; data: unknown } {
  return 'rows' in a && 'cols' in a && 'data' in a;
}

/** rows and cols of a matrix argument without reading its entries. */
export function shapeOf(a: MatrixLike, name: string): { rows: number; cols: number } {
  if (a === null || typeof a !== 'object') {
    throw new InvalidMatrixError(`${name} must be a matrix ({ rows, cols, data } or an array of rows), got ${a === null ? 'null' : typeof a}`);
  }
  if (isObjectForm(a)) {
    const { rows, cols } = a;
    if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || (rows as number) < 0 || (cols as number) < 0) {
      throw new InvalidMatrixError(`${name}.rows and ${name}.cols must be non-negative integers, got ${String(rows)} and ${String(cols)}`);
    }
    return { rows: rows as number, cols: cols as number };
  }
  return readMatrix(a, 'float64', name); // array-of-rows form: validates raggedness too
}

function finiteCopy(src: ArrayLike<unknown>, from: number, count: number, dst: FloatArray, at: number,
  where: (k: number) => string): void {
  const typed = ArrayBuffer.isView(src);
  for (let t = 0; t < count; t++) {
    const x = src[from + t];
    dst[at + t] = x as number;
    if ((!typed && typeof x !== 'number') || !Number.isFinite(dst[at + t])) {
      const what = typeof x === 'number' && Number.isFinite(x) ? `${x}, beyond the float32 range (use dtype 'float64')` : String(x);
      throw new InvalidMatrixError(`${where(from + t)} is ${what}; svdkit needs finite real numbers`);
    }
  }
}

/** The leading `rows`×`cols` block of `a` as a fresh row-major matrix in `dtype`, validated. */
export function leadingBlock(a: MatrixLike, rows: number, cols: number, dtype: Dtype, name: string): Matrix {
  const shape = shapeOf(a, name);
  if (!isObjectForm(a)) {
    const full = readMatrix(a, dtype, name);
    return block(full.data, shape.cols, rows, cols, dtype);
  }
  const src = a.data as ArrayLike<unknown> | null;
  if (src === null || typeof src !== 'object' || src.length !== shape.rows * shape.cols) {
    throw new InvalidMatrixError(`${name}.data must be an array of rows·cols = ${shape.rows * shape.cols} numbers`);
  }
  const out = allocate(dtype, rows * cols);
  for (let i = 0; i < rows; i++) finiteCopy(src, i * shape.cols, cols, out, i * cols, (k) => `${name}[${Math.floor(k / shape.cols)}][${k % shape.cols}]`);
  return { rows, cols, data: out };
}

function block(data: FloatArray, stride: number, rows: number, cols: number, dtype: Dtype): Matrix {
  const out = allocate(dtype, rows * cols);
  for (let i = 0; i < rows; i++) out.set(data.subarray(i * stride, i * stride + cols), i * cols);
  return { rows, cols, data: out };
}

/** The first `count` columns of the row-major `a`, as a fresh a.rows×count matrix. */
export function columnsOf(a: Matrix, count: number, dtype: Dtype): Matrix {
  return block(a.data, a.cols, a.rows, count, dtype);
}

/** A vector argument (typed array or number[]) as a fresh validated array in `dtype`. */
export function readVector(x: unknown, dtype: Dtype, name: string): FloatArray {
  if (x === null || typeof x !== 'object' || typeof (x as ArrayLike<unknown>).length !== 'number' ||
    (!ArrayBuffer.isView(x) && !Array.isArray(x)) || x instanceof DataView) {
    throw new InvalidMatrixError(`${name} must be a typed array or an array of numbers`);
  }
  const src = x as ArrayLike<unknown>;
  const out = allocate(dtype, src.length);
  finiteCopy(src, 0, src.length, out, 0, (k) => `${name}[${k}]`);
  return out;
}
