/**
 * C = op(A)·op(B) for row-major operands, the JS twin of `assembly/kernels/gemm.ts`.
 * Loop orders keep the innermost loop on contiguous memory: C's row i accumulates rows of B
 * (axpy form) unless B is transposed, where each C(i, j) is a dot product of two contiguous rows.
 * @module
 */
import { allocate } from '../../arrays.js';
import type { FloatArray } from '../../types.js';
import type { GemmTask } from '../types.js';

/** x itself when it is float64, else a float64 copy (exact). */
function wide(x: FloatArray): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

export function gemm(t: GemmTask): FloatArray {
  const { m, n, k, transA, transB } = t;
  // Float32 operands are read through float64 copies (the same values, so the same sums): the
  // loops below then only ever see Float64Array and stay monomorphic when both dtypes run.
  const a = wide(t.a),
    b = wide(t.b);
  const c = allocate(t.dtype, m * n);
  const acc = new Float64Array(n); // accumulate in double, store once in the dtype
  for (let i = 0; i < m; i++) {
    if (transB) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < k; p++) s += (transA ? a[p * m + i] : a[i * k + p]) * b[j * k + p];
        acc[j] = s;
      }
    } else {
      acc.fill(0);
      for (let p = 0; p < k; p++) {
        const x = transA ? a[p * m + i] : a[i * k + p];
        if (x === 0) continue;
        const row = p * n;
        for (let j = 0; j < n; j++) acc[j] += x * b[row + j];
      }
    }
    c.set(acc, i * n);
  }
  return c;
}
