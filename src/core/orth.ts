/**
 * Orthonormalises the rows of a row-major r×m matrix in place (r ≤ m) by modified Gram–Schmidt
 * applied twice ("twice is enough", Giraud–Langou–Rozložník 2005): the result has
 * ‖QQᵀ − I‖ = O(u) whatever the conditioning of the input. A row that is (numerically) in the
 * span of the previous ones — its norm drops below 64·u of its original norm after the second
 * pass (u the unit roundoff of the storage), or it was zero — is replaced by a unit coordinate
 * vector orthogonalised against the rows so far, so the output always has r orthonormal rows
 * (the span of the input is contained in the span of the output).
 * @module
 */
import { dtypeOf } from '../arrays.js';
import { unitRoundoff } from '../params.js';
import type { FloatArray } from '../types.js';

function project(q: FloatArray, m: number, i: number): void {
  for (let pass = 0; pass < 2; pass++) {
    for (let j = 0; j < i; j++) {
      let d = 0;
      for (let t = 0; t < m; t++) d += q[j * m + t] * q[i * m + t];
      if (d !== 0) for (let t = 0; t < m; t++) q[i * m + t] -= d * q[j * m + t];
    }
  }
}

/** Euclidean norm of q[off..off+m), scaled by its largest entry so it neither over- nor underflows. */
export function norm(q: FloatArray, off: number, m: number): number {
  let big = 0;
  for (let t = 0; t < m; t++) big = Math.max(big, Math.abs(q[off + t]));
  if (big === 0) return 0;
  let s = 0;
  for (let t = 0; t < m; t++) {
    const x = q[off + t] / big;
    s += x * x;
  }
  return big * Math.sqrt(s);
}

/** In place: rows of q (r×m) become orthonormal, spanning at least the span of the input rows. */
export function orthonormalizeRows(q: FloatArray, r: number, m: number): void {
  let probe = 0;
  const tiny = 64 * unitRoundoff[dtypeOf(q)];
  for (let i = 0; i < r; i++) {
    const before = norm(q, i * m, m);
    project(q, m, i);
    let after = norm(q, i * m, m);
    if (!(after > before * tiny)) {
      // Some e_j keeps ‖(I − P)e_j‖² ≥ (m − i)/m (the squares sum to m − i), so a pass over all
      // m coordinates always finds one above half that. Capped at two passes all the same: only
      // non-finite data could fail, and that must not spin forever.
      const enough = 0.5 * Math.sqrt((m - i) / m);
      let tries = 0;
      do {
        q.fill(0, i * m, i * m + m);
        q[i * m + (probe++ % m)] = 1;
        project(q, m, i);
        after = norm(q, i * m, m);
      } while (!(after > enough) && ++tries < 2 * m);
    }
    const inv = 1 / after;
    // A subnormal norm has no finite reciprocal; dividing is slower but cannot overflow.
    if (Number.isFinite(inv)) for (let t = 0; t < m; t++) q[i * m + t] *= inv;
    else for (let t = 0; t < m; t++) q[i * m + t] /= after;
  }
}
