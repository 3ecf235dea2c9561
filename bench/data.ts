/** Bench inputs: uniform [0, 1) from a fixed seed, row-major float64. */
import { createRng } from '../src/random.js';
import type { Dtype, FloatArray } from '../src/types.js';

export function uniformData(rows: number, cols: number, seed = 20261125): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = rng.uniform();
  return out;
}

/**
 * A flat image: a disc of 255 on a background of 30 (rank 59 at 300×450), the rank-deficient
 * input where one-sided Jacobi once spent most sweeps rotating rounding noise.
 */
export function discData(rows: number, cols: number): Float64Array {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++)
      out[i * cols + j] = (i - rows / 2) ** 2 + (j - cols / 2) ** 2 < (rows / 3) ** 2 ? 255 : 30;
  }
  return out;
}

/**
 * The backends' working matrix of the row-major m×n `data`: column-major M×N, M = max(m, n) —
 * A itself when m ≥ n, else Aᵀ, whose column-major storage is A's row-major data as is.
 */
export function workingMatrix(data: Float64Array, m: number, n: number, dtype: Dtype): FloatArray {
  const M = Math.max(m, n),
    N = Math.min(m, n);
  const w = dtype === 'float64' ? new Float64Array(M * N) : new Float32Array(M * N);
  if (m >= n) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * m + i] = data[i * n + j];
  else w.set(data);
  return w;
}
