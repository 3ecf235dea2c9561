/** Shared public types. @module */

/** Floating-point typed array svdkit computes in. */
export type FloatArray = Float64Array | Float32Array;

/** Element type of a computation: IEEE double or single precision. */
export type Dtype = 'float64' | 'float32';

/** Which implementation runs a decomposition. */
export type BackendName = 'wasm' | 'js';

/** Backend request: `'auto'` picks wasm when it is loaded, else js. */
export type BackendChoice = 'auto' | BackendName;

/**
 * A dense real matrix stored row-major: entry (i, j) is `data[i * cols + j]`.
 * `data.length` must equal `rows * cols`.
 */
export interface Matrix<T extends FloatArray = FloatArray> {
  /** Number of rows, m. */
  rows: number;
  /** Number of columns, n. */
  cols: number;
  /** The m·n entries, row by row. */
  data: T;
}

/** Any typed array svdkit accepts as matrix data; integer kinds are converted, never rejected. */
export type NumericArray =
  | Float64Array | Float32Array | Int8Array | Uint8Array | Uint8ClampedArray
  | Int16Array | Uint16Array | Int32Array | Uint32Array;

/** A matrix as `{ rows, cols, data }` (row-major) or as an array of rows (`number[][]`). */
export type MatrixLike =
  | {
    /** Number of rows, m. */
    rows: number;
    /** Number of columns, n. */
    cols: number;
    /** The m·n entries, row by row (any numeric typed array or array of numbers). */
    data: NumericArray | ArrayLike<number>;
  }
  | ArrayLike<ArrayLike<number>>;

/** Options every decomposition accepts. */
export interface ComputeOptions {
  /** Element type. Default: `'float32'` when the input data is a Float32Array, else `'float64'`. */
  dtype?: Dtype;
  /** Implementation. Default `'auto'`: wasm when available, else js. */
  backend?: BackendChoice;
}
