/**
 * Every dense product of the low-rank and linear-algebra modules goes through here, so it runs on
 * the backend's multiply-accumulate kernel (`Backend.gemm`: wasm SIMD when loaded, else JS).
 * @module
 */
import { allocate } from '../arrays.js';
import { selectBackend } from '../backend/select.js';
import { InvalidMatrixError } from '../errors.js';
import type { BackendChoice, Dtype, FloatArray, Matrix } from '../types.js';

/**
 * C = op(A)·op(B) for row-major operands already in `dtype`; op transposes when the flag is set.
 * Empty products (a zero dimension) never reach the backend.
 */
export function matmul(
  fn: string,
  choice: BackendChoice | undefined,
  dtype: Dtype,
  a: Matrix,
  transA: boolean,
  b: Matrix,
  transB: boolean,
): Matrix {
  const m = transA ? a.cols : a.rows,
    k = transA ? a.rows : a.cols;
  const n = transB ? b.rows : b.cols;
  const backend = selectBackend(fn, choice, (be) => be.gemmBytes(dtype, m, n, k));
  if (m === 0 || n === 0 || k === 0) return { rows: m, cols: n, data: allocate(dtype, m * n) };
  const data = backend.gemm({ dtype, m, n, k, a: a.data, transA, b: b.data, transB });
  checkProduct(fn, data, dtype);
  return { rows: m, cols: n, data };
}

/**
 * Finite operands can still give a product beyond the dtype's range (large factors, 1/σ of a
 * tiny σ in pinv/lstsq); that is an error, never Infinity or NaN handed back as a result.
 */
function checkProduct(fn: string, c: FloatArray, dtype: Dtype): void {
  for (let i = 0; i < c.length; i++) {
    if (Number.isFinite(c[i])) continue;
    throw new InvalidMatrixError(
      `${fn}: the result overflows the ${dtype} range (an entry beyond ` +
        `±${dtype === 'float64' ? '1.8e308' : '3.4e38'}); ` +
        (dtype === 'float32' ? "compute in dtype 'float64' or scale the input down" : 'scale the input down'),
    );
  }
}
