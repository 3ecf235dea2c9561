/**
 * Which SVD algorithm `method: 'auto'` runs: the bidiagonal route unless the working matrix's
 * columns differ in norm by more than {@link bidiagonalMaxSpread} (graded columns keep Jacobi
 * and its high relative accuracy). O(m·n), against the O(m·n²) decomposition it chooses.
 * @module
 */
import type { SvdKernel } from './backend/types.js';
import { norm } from './core/orth.js';
import { bidiagonalMaxSpread } from './params.js';
import type { FloatArray } from './types.js';

/** The algorithms `svd`, `svdvals` and the low-rank functions accept. */
export type SvdMethod = 'auto' | 'jacobi' | 'bidiagonal';

/**
 * Largest over smallest nonzero column norm of the column-major rows×cols w; 1 when fewer than
 * two columns are nonzero (zero columns give exact zero singular values on either route).
 */
export function columnSpread(w: FloatArray, rows: number, cols: number): number {
  let lo = Infinity,
    hi = 0;
  for (let j = 0; j < cols; j++) {
    const x = norm(w, j * rows, rows);
    if (x === 0) continue;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return hi === 0 ? 1 : hi / lo;
}

/** The kernel `method` selects for the tall column-major working matrix w (rows×cols). */
export function svdKernelFor(method: SvdMethod | undefined, w: FloatArray, rows: number, cols: number): SvdKernel {
  if (method === 'jacobi' || method === 'bidiagonal') return method;
  return columnSpread(w, rows, cols) <= bidiagonalMaxSpread ? 'bidiagonal' : 'jacobi';
}
