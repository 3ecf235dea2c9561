/**
 * Input checking and conversion: every public function goes through here before any work, so
 * bad input fails with a message that says what to fix, and the caller's data is only read.
 * @module
 */
import { InvalidMatrixError, InvalidOptionError } from './errors.js';
import { allocate, dtypeOf, transpose } from './arrays.js';
import { describe, describeEntry } from './describe.js';
import type { ComputeOptions, Dtype, FloatArray, Matrix, MatrixLike } from './types.js';

/** Largest element count accepted at all: typed arrays in V8 stop at 2^32 − 1 elements. */
const MAX_ELEMENTS = 2 ** 32 - 1;

/** The accepted forms, for messages. */
const FORMS =
  "a matrix: { rows, cols, data } (row-major, or order: 'col'), an array of rows, " +
  'an ml-matrix Matrix (rows, columns, get or to1DArray) or a 2-D ndarray ({ data, shape, stride, offset })';

/** A matrix input once its structure is checked: where entry (i, j) comes from. No entry read yet. */
type Source =
  | { kind: 'dense'; rows: number; cols: number; data: ArrayLike<unknown>; col: boolean }
  | { kind: 'rows'; rows: number; cols: number; a: ArrayLike<ArrayLike<unknown>> }
  | { kind: 'object'; rows: number; cols: number; m: Record<string, unknown> }
  | { kind: 'nd'; rows: number; cols: number; data: ArrayLike<unknown>; offset: number; s0: number; s1: number };

function has(a: object, ...keys: string[]): boolean {
  return keys.every((k) => k in a);
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
    throw new InvalidMatrixError(
      `${name} is ${rows}×${cols} = ${rows * cols} entries; at most ${MAX_ELEMENTS} are supported`,
    );
  }
}

/** The dtype a call computes in: the explicit option, else float32 for Float32Array data, else float64. */
export function resolveDtype(a: MatrixLike, dtype: Dtype | undefined): Dtype {
  if (dtype !== undefined) return dtype;
  return dtypeOf(a !== null && typeof a === 'object' && 'data' in a ? a.data : undefined);
}

function badEntry(name: string, i: number, j: number, x: unknown, dtype: Dtype): InvalidMatrixError {
  return new InvalidMatrixError(
    `${name}[${i}][${j}] is ${describeEntry(x)}; svdkit needs finite real numbers (${dtype})`,
  );
}

/** `data` of an object form: an array-like of numbers (BigInt arrays refused with a hint). */
function checkData(src: unknown, name: string): ArrayLike<unknown> {
  if (src === null || typeof src !== 'object' || typeof (src as ArrayLike<unknown>).length !== 'number') {
    throw new InvalidMatrixError(`${name}.data must be a typed array or an array of numbers, got ${describe(src)}`);
  }
  if (src instanceof BigInt64Array || src instanceof BigUint64Array) {
    throw new InvalidMatrixError(
      `${name}.data is a ${src.constructor.name}; svdkit needs numbers: pass Float64Array.from(data, Number)`,
    );
  }
  return src as ArrayLike<unknown>;
}

function denseSource(a: { rows: unknown; cols: unknown; data: unknown; order?: unknown }, name: string): Source {
  const rows = checkSize(a.rows, 'rows', name),
    cols = checkSize(a.cols, 'cols', name);
  const src = checkData(a.data, name);
  if (a.order !== undefined && a.order !== 'row' && a.order !== 'col') {
    throw new InvalidMatrixError(`${name}.order must be 'row' or 'col', got ${describe(a.order)}`);
  }
  checkCount(rows, cols, name);
  if (src.length !== rows * cols) {
    throw new InvalidMatrixError(
      `${name}.data has length ${src.length} but rows·cols = ${rows}·${cols} = ${rows * cols}`,
    );
  }
  return { kind: 'dense', rows, cols, data: src, col: a.order === 'col' };
}

function rowsSource(a: ArrayLike<unknown>, name: string): Source {
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
  return { kind: 'rows', rows, cols, a: a as ArrayLike<ArrayLike<unknown>> };
}

/** ml-matrix's Matrix and look-alikes: rows, columns, and get(i, j) or to1DArray(). */
function objectSource(a: Record<string, unknown>, name: string): Source {
  const rows = checkSize(a.rows, 'rows', name),
    cols = checkSize(a.columns, 'columns', name);
  checkCount(rows, cols, name);
  return { kind: 'object', rows, cols, m: a };
}

/** A 2-D strided view; every index it can touch must lie inside data. */
function ndSource(a: { data: unknown; shape: unknown; stride: unknown; offset?: unknown }, name: string): Source {
  const data = checkData(a.data, name);
  const pair = (v: unknown, what: string): [unknown, unknown] => {
    if (v === null || typeof v !== 'object' || (v as ArrayLike<unknown>).length !== 2) {
      throw new InvalidMatrixError(`${name}.${what} must have 2 entries (a 2-D ndarray), got ${describe(v)}`);
    }
    return [(v as ArrayLike<unknown>)[0], (v as ArrayLike<unknown>)[1]];
  };
  const [r, c] = pair(a.shape, 'shape'),
    [t0, t1] = pair(a.stride, 'stride');
  const rows = checkSize(r, 'shape[0]', name),
    cols = checkSize(c, 'shape[1]', name);
  const int = (v: unknown, what: string) => {
    if (typeof v !== 'number' || !Number.isSafeInteger(v))
      throw new InvalidMatrixError(`${name}.${what} must be an integer, got ${describe(v)}`);
    return v;
  };
  const s0 = int(t0, 'stride[0]'),
    s1 = int(t1, 'stride[1]');
  const offset = a.offset === undefined ? 0 : int(a.offset, 'offset');
  checkCount(rows, cols, name);
  if (rows > 0 && cols > 0) {
    const lo = offset + Math.min(0, (rows - 1) * s0) + Math.min(0, (cols - 1) * s1);
    const hi = offset + Math.max(0, (rows - 1) * s0) + Math.max(0, (cols - 1) * s1);
    if (lo < 0 || hi >= data.length) {
      throw new InvalidMatrixError(
        `${name}: shape [${rows}, ${cols}], stride [${s0}, ${s1}] and offset ${offset} reach ` +
          `data[${lo < 0 ? lo : hi}], ` +
          `outside data of length ${data.length}`,
      );
    }
  }
  return { kind: 'nd', rows, cols, data, offset, s0, s1 };
}

function describeObject(a: object): string {
  const keys = Object.keys(a).slice(0, 6);
  return keys.length === 0 ? 'an object with no own keys' : `an object with keys ${keys.join(', ')}`;
}

/** Classifies and checks the structure of `a` (sizes, lengths, bounds); reads no entry. */
function source(a: MatrixLike, name: string): Source {
  if (a === null || typeof a !== 'object') throw new InvalidMatrixError(`${name} must be ${FORMS}; got ${describe(a)}`);
  if (ArrayBuffer.isView(a)) {
    throw new InvalidMatrixError(
      `${name} must be ${FORMS}; got ${describe(a)}; wrap flat data as { rows, cols, data }`,
    );
  }
  const o = a as Record<string, unknown>;
  if (has(a, 'rows', 'cols', 'data')) return denseSource(o as { rows: unknown; cols: unknown; data: unknown }, name);
  if (has(a, 'rows', 'columns') && (typeof o.get === 'function' || typeof o.to1DArray === 'function'))
    return objectSource(o, name);
  if (has(a, 'data', 'shape', 'stride')) return ndSource(o as { data: unknown; shape: unknown; stride: unknown }, name);
  if (typeof (a as ArrayLike<unknown>).length === 'number') return rowsSource(a as ArrayLike<unknown>, name);
  throw new InvalidMatrixError(`${name} must be ${FORMS}; got ${describeObject(a)}`);
}

/**
 * rows and cols of `a` after checking its structure (sizes, data length, row lengths, strides)
 * without reading an entry or allocating anything, so a call can refuse a size (or pick its
 * backend) before it copies the data. Throws {@link InvalidMatrixError} for a malformed structure.
 */
export function matrixShape(a: MatrixLike, name = 'a'): { rows: number; cols: number } {
  const { rows, cols } = source(a, name);
  return { rows, cols };
}

/** Copies one entry into data[k] as entry (i, j), rejecting anything but a finite number of the dtype. */
function put(data: FloatArray, k: number, x: unknown, name: string, i: number, j: number, dtype: Dtype): void {
  if (typeof x !== 'number') throw badEntry(name, i, j, x, dtype);
  data[k] = x;
  if (!Number.isFinite(data[k])) throw badEntry(name, i, j, x, dtype);
}

/** An ml-matrix-like object's entries, row by row: to1DArray() when it has one, else get(i, j). */
function objectEntries(s: Extract<Source, { kind: 'object' }>, name: string): (i: number, j: number) => unknown {
  const { m, rows, cols } = s;
  if (typeof m.to1DArray === 'function') {
    const flat = (m.to1DArray as () => unknown).call(m);
    const src = checkData(flat, `${name}.to1DArray()`);
    if (src.length !== rows * cols) {
      throw new InvalidMatrixError(`${name}.to1DArray() has length ${src.length} but rows·columns = ${rows * cols}`);
    }
    return (i, j) => src[i * cols + j];
  }
  const get = m.get as (i: number, j: number) => unknown;
  return (i, j) => get.call(m, i, j);
}

/** Entry (i, j) of any source. */
function entries(s: Source, name: string): (i: number, j: number) => unknown {
  switch (s.kind) {
    case 'dense': {
      const { data, rows, cols } = s;
      return s.col ? (i, j) => data[j * rows + i] : (i, j) => data[i * cols + j];
    }
    case 'rows':
      return (i, j) => s.a[i][j];
    case 'object':
      return objectEntries(s, name);
    case 'nd':
      return (i, j) => s.data[s.offset + i * s.s0 + j * s.s1];
  }
}

/** A validated copy of `s` in storage order `order`, read in that order (no transpose pass). */
function copyOf(s: Source, dtype: Dtype, order: 'row' | 'col', name: string): FloatArray {
  const { rows, cols } = s;
  const data = allocate(dtype, rows * cols);
  // The common layouts read straight, without a call per entry.
  if (s.kind === 'dense' && s.col === (order === 'col')) {
    const src = s.data,
      lead = order === 'col' ? rows : cols;
    const bad = (k: number) => {
      const major = Math.floor(k / lead),
        minor = k - major * lead;
      return order === 'col'
        ? badEntry(name, minor, major, src[k], dtype)
        : badEntry(name, major, minor, src[k], dtype);
    };
    for (let k = 0; k < data.length; k++) {
      const x = src[k];
      if (typeof x !== 'number') throw bad(k);
      data[k] = x;
      if (!Number.isFinite(data[k])) throw bad(k);
    }
    return data;
  }
  if (s.kind === 'rows' && order === 'row') {
    for (let i = 0; i < rows; i++) {
      const row = s.a[i];
      for (let j = 0; j < cols; j++) put(data, i * cols + j, row[j], name, i, j, dtype);
    }
    return data;
  }
  const at = entries(s, name);
  if (order === 'row') {
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) put(data, i * cols + j, at(i, j), name, i, j, dtype);
  } else {
    for (let j = 0; j < cols; j++) for (let i = 0; i < rows; i++) put(data, j * rows + i, at(i, j), name, i, j, dtype);
  }
  return data;
}

/**
 * Validates `a` and returns a fresh row-major copy in `dtype`. Throws {@link InvalidMatrixError}
 * for anything that is not a finite real matrix.
 */
export function readMatrix(a: MatrixLike, dtype: Dtype, name = 'a'): Matrix {
  const s = source(a, name);
  return { rows: s.rows, cols: s.cols, data: copyOf(s, dtype, 'row', name) };
}

/**
 * Validates `a` and returns a fresh copy in the storage order `order`: read straight into it
 * when the input is stored that way (a column-major `{ order: 'col' }` matrix, or a
 * column-strided ndarray, asked for 'col'), else read row by row and transposed in cache blocks.
 */
export function readMatrixAs(a: MatrixLike, dtype: Dtype, order: 'row' | 'col', name = 'a'): FloatArray {
  const s = source(a, name);
  if (order === 'row') return copyOf(s, dtype, 'row', name);
  const colStored = (s.kind === 'dense' && s.col) || (s.kind === 'nd' && Math.abs(s.s0) < Math.abs(s.s1));
  if (colStored) return copyOf(s, dtype, 'col', name);
  return transpose(dtype, copyOf(s, dtype, 'row', name), s.cols, s.rows);
}

/**
 * How one option is checked: returns an error text for a bad value, or null. Every options
 * interface has its checks object declared `satisfies Record<keyof XOptions, OptionCheck>`, so
 * an option added without a check (or a check without an option) fails to compile.
 */
export type OptionCheck = (value: unknown) => string | null;

/** Option checks used by several functions. */
export const is = {
  boolean: (v: unknown) => (typeof v === 'boolean' ? null : 'must be true or false'),
  oneOf:
    (...values: string[]) =>
    (v: unknown) =>
      values.includes(v as string) ? null : `must be one of ${values.map((x) => `'${x}'`).join(', ')}`,
  integer:
    (min: number, max = Number.MAX_SAFE_INTEGER) =>
    (v: unknown) =>
      Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
        ? null
        : `must be an integer from ${min} to ${max}`,
  number:
    (min: number, max: number, openMin = false) =>
    (v: unknown) =>
      typeof v === 'number' && (openMin ? v > min : v >= min) && v <= max
        ? null
        : `must be a number in ${openMin ? '(' : '['}${min}, ${max}]`,
};

/** The options every computing function accepts: the dtype it computes in and the backend it runs on. */
export const dtypeBackendChecks = {
  dtype: is.oneOf('float64', 'float32'),
  backend: is.oneOf('auto', 'wasm', 'js'),
} satisfies Record<keyof ComputeOptions, OptionCheck>;

/** The options every decomposition accepts. */
export const computeOptionChecks = {
  ...dtypeBackendChecks,
  maxSweeps: is.integer(1, 10000),
} satisfies Record<keyof ComputeOptions | 'maxSweeps', OptionCheck>;

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
