/**
 * orthonormalizeRowsBlocked: the rows of a row-major r×m matrix made orthonormal in place, as
 * {@link orthonormalizeRows} does, with most of the work on the backend's gemm kernel.
 *
 * Block classical Gram–Schmidt run twice (BCGS2, Barlow & Smoktunowicz, "Reorthogonalized block
 * classical Gram–Schmidt", Numer. Math. 123, 2013): rows are taken in blocks of b; each block is,
 * twice, projected off every earlier row with two products (C = Q_prev·Xᵀ, X −= Cᵀ·Q_prev, on
 * the gemm kernel) and then orthonormalised within itself by one modified Gram–Schmidt pass.
 * Twice is enough: ‖QQᵀ − I‖ = O(u) for input of numerically full rank, as with MGS twice.
 * Stopping rule: none (a fixed number of passes). A row whose norm falls below 64·u of its norm
 * at the start of the pass (numerically dependent on earlier rows, or zero) is replaced, as in
 * orthonormalizeRows, by a unit coordinate vector projected twice off every earlier row in JS,
 * so the output always has r orthonormal rows spanning at least the input's span.
 * Cost: 2·r²·m multiply-accumulates on gemm, about b·r·m in JS (b = 16) (MGS twice: 2·r²·m in JS).
 * @module
 */
import { norm } from './orth.js';
import { matmul } from './matmul.js';
import type { BackendChoice, Dtype, FloatArray } from '../types.js';

/** Rows per block: large enough that the products dominate, small enough that MGS within stays cheap. */
const BLOCK = 16;

/** Row i −= (row j · row i)·row j for j in [from, i), once. */
function mgs(q: FloatArray, m: number, from: number, i: number): void {
  const oi = i * m;
  for (let j = from; j < i; j++) {
    const oj = j * m;
    let d = 0;
    for (let t = 0; t < m; t++) d += q[oj + t] * q[oi + t];
    if (d !== 0) for (let t = 0; t < m; t++) q[oi + t] -= d * q[oj + t];
  }
}

function scaleRow(q: FloatArray, off: number, m: number, nrm: number): void {
  const inv = 1 / nrm;
  // A subnormal norm has no finite reciprocal; dividing is slower but cannot overflow.
  if (Number.isFinite(inv)) for (let t = 0; t < m; t++) q[off + t] *= inv;
  else for (let t = 0; t < m; t++) q[off + t] /= nrm;
}

/** Replaces row i by a unit coordinate vector orthogonal to rows 0…i−1 (they are orthonormal). */
function replaceRow(q: FloatArray, m: number, i: number, probe: { next: number }): void {
  // Some e_j keeps ‖(I − P)e_j‖ ≥ √((m − i)/m); capped all the same so non-finite data cannot spin.
  const enough = 0.5 * Math.sqrt((m - i) / m);
  let after = 0,
    tries = 0;
  do {
    q.fill(0, i * m, i * m + m);
    q[i * m + (probe.next++ % m)] = 1;
    mgs(q, m, 0, i);
    mgs(q, m, 0, i);
    after = norm(q, i * m, m);
  } while (!(after > enough) && ++tries < 2 * m);
  scaleRow(q, i * m, m, after);
}

/** Subtracts from rows [i0, i1) their components along rows [0, i0), on the gemm kernel. */
function projectOff(
  fn: string,
  be: BackendChoice | undefined,
  dtype: Dtype,
  q: FloatArray,
  m: number,
  i0: number,
  i1: number,
): void {
  const prev = { rows: i0, cols: m, data: q.subarray(0, i0 * m) };
  const block = { rows: i1 - i0, cols: m, data: q.subarray(i0 * m, i1 * m) };
  const c = matmul(fn, be, dtype, prev, false, block, true); // i0×b: Q_prev·Xᵀ
  const p = matmul(fn, be, dtype, c, true, prev, false).data; // b×m: Cᵀ·Q_prev
  const x = block.data;
  for (let t = 0; t < x.length; t++) x[t] -= p[t];
}

/** In place: rows of q (r×m, r ≤ m) become orthonormal, spanning at least the span of the input rows. */
export function orthonormalizeRowsBlocked(
  fn: string,
  be: BackendChoice | undefined,
  dtype: Dtype,
  q: FloatArray,
  r: number,
  m: number,
): void {
  const tiny = 64 * (dtype === 'float32' ? 2 ** -24 : 2 ** -53);
  const probe = { next: 0 };
  for (let i0 = 0; i0 < r; i0 += BLOCK) {
    const i1 = Math.min(r, i0 + BLOCK);
    for (let pass = 0; pass < 2; pass++) {
      const before = new Float64Array(i1 - i0);
      for (let i = i0; i < i1; i++) before[i - i0] = norm(q, i * m, m);
      if (i0 > 0) projectOff(fn, be, dtype, q, m, i0, i1);
      for (let i = i0; i < i1; i++) {
        mgs(q, m, i0, i);
        const after = norm(q, i * m, m);
        if (after > before[i - i0] * tiny) scaleRow(q, i * m, m, after);
        else replaceRow(q, m, i, probe);
      }
    }
  }
}
