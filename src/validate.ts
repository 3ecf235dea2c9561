/**
 * Input checking and conversion: every public function goes through here before any work, so
 * bad input fails with a message that says what to fix, and the caller's data is only read.
 * @module
 */
import { InvalidMatrixError, InvalidOptionError } from './errors.js';
import { allocate } from './arrays.js';
import type { Dtype, FloatArray, Matrix, MatrixLike } from './types.js';

/** Largest element count accepted at all: typed arrays in V8 stop at 2^32 − 1 elements. */
const MAX_ELEMENTS = 2 ** 32 - 1;

function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name}`;
  if (typeof x === 'number') return `number ${String(x)}`; // JSON.stringify(NaN) would say "null"
  return typeof x === 'string' ? `string ${JSON.stringify(x)}` : typeof x;
}

function isMatrixObject(a: object): a is { rows: number; cols: number; data: ArrayLike<number> } {
  return 'rows' in a && 'cols' in a && 'data' in a;
}

function checkSize(value: unknown, what: string, name: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidMatrixError(`${name}.${what} must be a non-negative integer, got ${describe(value)}`);
  }
  return value;
}

/** Refuses shapes no typed array can hold, before anything is allocated. */
function checkCount(rows: number, cols: number, name: string): void {
  if (rows * cols > MAX_ELEMENTS) {
    throw new InvalidMatrixError(`${name} is ${rows}×${cols} = ${rows * cols} entries; at most ${MAX_ELEMENTS} are supported`);
  }
}

/** The dtype a call computes in: the explicit option, else float32 for Float32Array data, else float64. */
export function resolveDtype(a: MatrixLike, dtype: Dtype | undefined): Dtype {
  if (dtype !== undefined) return dtype;
  return a !== null && typeof a === 'object' && 'data' in a && a.data instanceof Float32Array ? 'float32' : 'float64';
}

function badEntry(name: string, i: number, j: number, x: unknown, dtype: Dtype): InvalidMatrixError {
  const what = typeof x === 'number'
    ? (Number.isNaN(x) ? 'NaN' : Number.isFinite(x) ? `${x}, beyond the float32 range (use dtype 'float64')` : String(x))
    : describe(x);
  return new InvalidMatrixError(`${name}[${i}][${j}] is ${what}; svdkit needs finite real numbers (${dtype})`);
}

function objectShape(a: { rows: unknown; cols: unknown; data: unknown }, name: string): { rows: number; cols: number } {
  const rows = checkSize(a.rows, 'rows', name), cols = checkSize(a.cols, 'cols', name);
  const src = a.data as ArrayLike<unknown> | null;
  if (src === null || typeof src !== 'object' || typeof src.length !== 'number') {
    throw new InvalidMatrixError(`${name}.data must be a typed array or an array of numbers, got ${describe(src)}`);
  }
  if (src instanceof BigInt64Array || src instanceof BigUint64Array) {
    throw new InvalidMatrixError(`${name}.data is a ${src.constructor.name}; svdkit needs numbers: pass Float64Array.from(data, Number)`);
  }
  checkCount(rows, cols, name);
  if (src.length !== rows * cols) {
    throw new InvalidMatrixError(`${name}.data has length ${src.length} but rows·cols = ${rows}·${cols} = ${rows * cols}`);
  }
  return { rows, cols };
}

function rowsShape(a: ArrayLike<unknown>, name: string): { rows: number; cols: number } {
  const rows = a.length;
  const first = rows > 0 ? a[0] : [];
  const cols = first !== null && typeof first === 'object' ? (first as ArrayLike<unknown>).length : -1;
  if (typeof cols !== 'number' || !Number.isSafeInteger(cols) || cols < 0) {
    throw new InvalidMatrixError(`${name}[0] must be an array of numbers, got ${describe(first)}`);
  }
  checkCount(rows, cols, name);
  for (let i = 0; i < rows; i++) {
    const row = a[i] as ArrayLike<unknown> | null;
    if (row === null || typeof row !== 'object' || typeof row.length !== 'number') {
      throw new InvalidMatrixError(`${name}[${i}] must be an array of numbers, got ${describe(row)}`);
    }
    if (row.length !== cols) {
      throw new InvalidMatrixError(`${name} is ragged: row 0 has ${cols} entries but row ${i} has ${row.length}`);
    }
  }
  return { rows, cols };
}

/**
 * rows and cols of `a` after checking its structure (sizes, data length, row lengths) without
 * reading an entry or allocating anything, so a call can refuse a size (or pick its backend)
 * before it copies the data. Throws {@link InvalidMatrixError} for a malformed structure.
 */
export function matrixShape(a: MatrixLike, name = 'a'): { rows: number; cols: number } {
  if (a === null || typeof a !== 'object') {
    throw new InvalidMatrixError(`${name} must be a matrix ({ rows, cols, data } or an array of rows), got ${describe(a)}`);
  }
  if (isMatrixObject(a)) return objectShape(a, name);
  if (typeof (a as ArrayLike<unknown>).length !== 'number' || ArrayBuffer.isView(a)) {
    throw new InvalidMatrixError(
      `${name} must be a matrix ({ rows, cols, data } or an array of rows), got ${describe(a)}` +
        (ArrayBuffer.isView(a) ? '; wrap flat data as { rows, cols, data }' : ''),
    );
  }
  return rowsShape(a as ArrayLike<unknown>, name);
}

/** Copies one entry into data[k], rejecting anything but a finite number of the dtype. */
function put(data: FloatArray, k: number, x: unknown, name: string, cols: number, dtype: Dtype): void {
  if (typeof x !== 'number') throw badEntry(name, Math.floor(k / cols), k % cols, x, dtype);
  data[k] = x;
  if (!Number.isFinite(data[k])) throw badEntry(name, Math.floor(k / cols), k % cols, x, dtype);
}

/**
 * Validates `a` and returns a fresh row-major copy in `dtype`. Throws {@link InvalidMatrixError}
 * for anything that is not a finite real matrix.
 */
export function readMatrix(a: MatrixLike, dtype: Dtype, name = 'a'): Matrix {
  const { rows, cols } = matrixShape(a, name);
  const data = allocate(dtype, rows * cols);
  if (isMatrixObject(a)) {
    const src = a.data as ArrayLike<unknown>;
    for (let k = 0; k < data.length; k++) put(data, k, src[k], name, cols, dtype);
  } else {
    for (let i = 0; i < rows; i++) {
      const row = (a as ArrayLike<ArrayLike<unknown>>)[i];
      for (let j = 0; j < cols; j++) put(data, i * cols + j, row[j], name, cols, dtype);
    }
  }
  return { rows, cols, data };
}

/** How one option is checked: returns an error text for a bad value, or null. */
export type OptionCheck = (value: unknown) => string | null;

/** Option checks used by several functions. */
export const is = {
  boolean: (v: unknown) => (typeof v === 'boolean' ? null : 'must be true or false'),
  oneOf: (...values: string[]) => (v: unknown) =>
    values.includes(v as string) ? null : `must be one of ${values.map((x) => `'${x}'`).join(', ')}`,
  integer: (min: number, max = Number.MAX_SAFE_INTEGER) => (v: unknown) =>
    Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
      ? null : `must be an integer from ${min} to ${max}`,
  number: (min: number, max: number, openMin = false) => (v: unknown) =>
    typeof v === 'number' && (openMin ? v > min : v >= min) && v <= max
      ? null : `must be a number in ${openMin ? '(' : '['}${min}, ${max}]`,
};

/** The options every decomposition accepts. */
export const computeOptionChecks: Record<string, OptionCheck> = {
  dtype: is.oneOf('float64', 'float32'),
  backend: is.oneOf('auto', 'wasm', 'js'),
  maxSweeps: is.integer(1, 10000),
};

/**
 * Rejects unknown option names and bad values; `undefined` values count as absent.
 * `fn` names the function in the message.
 */
export function checkOptions(fn: string, opts: unknown, checks: Record<string, OptionCheck>): void {
  if (opts === undefined) return;
  if (opts === null || typeof opts !== 'object' || Array.isArray(opts)) {
    throw new InvalidOptionError(`${fn}: options must be an object, got ${describe(opts)}`);
  }
  // for…in, not Object.entries: options inherited from a prototype are read too, so they are checked too.
  for (const key in opts) {
    const value = (opts as Record<string, unknown>)[key];
    const check = Object.hasOwn(checks, key) ? checks[key] : undefined; // not Object.prototype's 'constructor'
    if (!check) {
      throw new InvalidOptionError(`${fn}: unknown option '${key}'; known options: ${Object.keys(checks).join(', ')}`);
    }
    if (value === undefined) continue;
    const problem = check(value);
    if (problem) throw new InvalidOptionError(`${fn}: option '${key}' ${problem}, got ${describe(value)}`);
  }
}

/**
 * Throws when a computed result left the dtype's range: the input was finite, but σ₁ (or |λ|)
 * can exceed the largest float by up to √(m·n) after scaling back.
 */
export function checkInRange(x: FloatArray, dtype: Dtype, what: string): void {
  for (let i = 0; i < x.length; i++) {
    if (!Number.isFinite(x[i])) {
      throw new InvalidMatrixError(
        `the largest ${what} exceeds the ${dtype} range; ` +
          (dtype === 'float32' ? "compute in dtype 'float64'" : 'scale the input down and the result back up'),
      );
    }
  }
}
