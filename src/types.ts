/** Shared public types. @module */

/**
 * Floating-point typed array svdkit returns: always over a plain `ArrayBuffer` (never shared),
 * so results go straight into `Blob`, `ImageData`, `postMessage` transfer lists and other
 * `BufferSource` parameters.
 */
export type FloatArray = Float64Array<ArrayBuffer> | Float32Array<ArrayBuffer>;

/** Element type of a computation: IEEE double or single precision. */
export type Dtype = 'float64' | 'float32';

/** The typed array of a dtype: `Float32Array` for `'float32'`, `Float64Array` for `'float64'` (a union for `Dtype`). */
export type ArrayOf<D extends Dtype> = D extends 'float32' ? Float32Array<ArrayBuffer> : Float64Array<ArrayBuffer>;

/**
 * The dtype svdkit picks for input of type `A` without a `dtype` option: `'float32'` when its
 * data is a Float32Array, `'float64'` when it certainly is not, `Dtype` when the type leaves it open.
 */
export type InputDtype<A> = A extends {
  /** The input's entries. */
  data: infer D;
}
  ? [D] extends [Float32Array<ArrayBufferLike>]
    ? 'float32'
    : Float32Array<ArrayBufferLike> extends D
      ? Dtype
      : 'float64'
  : 'float64';

/**
 * The dtype of a call on input `A` with options `O`: the `dtype` option when it is a literal,
 * else {@link InputDtype} when `O` has no dtype, else either.
 */
export type ResultDtype<A, O> = O extends {
  /** A literal dtype option. */
  dtype: infer D extends Dtype;
}
  ? D
  : // keyof, not `O extends { dtype?: undefined }`: an all-optional type only matches objects sharing a key.
    'dtype' extends keyof O
    ? O extends {
        /** The dtype option's declared type. */
        dtype?: infer D;
      }
      ? [D] extends [undefined]
        ? InputDtype<A>
        : Dtype
      : Dtype
    : InputDtype<A>;

/** The typed array a call on input `A` with options `O` returns (see {@link ResultDtype}). */
export type ResultArray<A, O> = ArrayOf<ResultDtype<A, O>>;

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
  | Float64Array
  | Float32Array
  | Int8Array
  | Uint8Array
  | Uint8ClampedArray
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array;

/**
 * A fetch `Response` as {@link init} uses it; typed structurally so svdkit's declarations need
 * neither the DOM lib nor Node's globals.
 */
export interface WasmResponse {
  /** The body's bytes. */
  arrayBuffer(): Promise<ArrayBuffer>;
  /** Its headers: `content-type` decides on streaming compilation. */
  readonly headers: {
    /** One header's value, or null. */
    get(name: string): string | null;
  };
}

/** A WHATWG `URL` (typed structurally: the declarations need no DOM lib or Node globals). */
export interface UrlLike {
  /** The whole URL. */
  readonly href: string;
  /** Its scheme with the colon, such as `'file:'`. */
  readonly protocol: string;
}

/**
 * What {@link init} loads: a URL or path, bytes, a fetch `Response`, or a compiled
 * `WebAssembly.Module` (an `object` here: the declarations name no ambient `WebAssembly` type).
 */
export type WasmSource = string | UrlLike | ArrayBuffer | ArrayBufferView | WasmResponse | object;

/**
 * A dense matrix object: `{ rows, cols, data }` with the m·n entries row by row, or column by
 * column with `order: 'col'` (entry (i, j) at `data[j * rows + i]`; a tall column-major matrix is
 * the backends' working layout, so svd skips a transpose).
 */
export interface DenseMatrixLike {
  /** Number of rows, m. */
  rows: number;
  /** Number of columns, n. */
  cols: number;
  /** The m·n entries (any numeric typed array or array of numbers). */
  data: NumericArray | ArrayLike<number>;
  /** Storage order of `data`: `'row'` (default) or `'col'`. */
  order?: 'row' | 'col';
}

/**
 * An ml-matrix `Matrix` or anything shaped like it (duck-typed): `rows`, `columns`, and
 * `get(i, j)` or `to1DArray()` (row-major).
 */
export type MatrixObjectLike =
  | {
      /** Number of rows, m. */
      readonly rows: number;
      /** Number of columns, n. */
      readonly columns: number;
      /** Entry (i, j). */
      get(rowIndex: number, columnIndex: number): number;
    }
  | {
      /** Number of rows, m. */
      readonly rows: number;
      /** Number of columns, n. */
      readonly columns: number;
      /** The entries row by row. */
      to1DArray(): ArrayLike<number>;
    };

/**
 * A 2-D ndarray view (the `ndarray` package and its kin): entry (i, j) is
 * `data[offset + i * stride[0] + j * stride[1]]`; any strides, negative and transposed views included.
 */
export interface NdArrayLike {
  /** The backing store. */
  data: NumericArray | ArrayLike<number>;
  /** [rows, cols]. */
  shape: ArrayLike<number>;
  /** Step in `data` per row and per column. */
  stride: ArrayLike<number>;
  /** Index of entry (0, 0); default 0. */
  offset?: number;
}

/**
 * Every form of matrix svdkit reads: `{ rows, cols, data }` (row-major, or `order: 'col'`), an
 * array of rows (`number[][]`), an ml-matrix `Matrix`-like object, or a 2-D ndarray.
 */
export type MatrixLike = DenseMatrixLike | ArrayLike<ArrayLike<number>> | MatrixObjectLike | NdArrayLike;

/** Options every decomposition accepts. */
export interface ComputeOptions {
  /** Element type. Default: `'float32'` when the input data is a Float32Array, else `'float64'`. */
  dtype?: Dtype;
  /** Implementation. Default `'auto'`: wasm when available, else js. */
  backend?: BackendChoice;
}
