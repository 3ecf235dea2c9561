/**
 * Orthonormal completion: fills the columns of an n×n column-major matrix marked as missing so
 * that all n columns form an orthonormal basis. Needed where σ = 0 leaves no direction to
 * normalise (rank-deficient or zero input) — never a NaN column.
 *
 * Each missing column starts from the unit vector e_r whose row r is least covered by the
 * columns so far (smallest Σⱼ u_rj², so ‖(I − UUᵀ)e_r‖² ≥ (n − #cols)/n ≥ 1/n) and is
 * orthogonalised twice by classical Gram–Schmidt ("twice is enough": Giraud et al. 2005),
 * giving orthogonality to O(n·u). Mirror of `assembly/jacobi/complete.ts`.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { axpy, dot, nrm2, scal } from './blas.js';

/**
 * Completes u (n×n): `missing[j]` marks the columns to fill; the others must be orthonormal.
 * `rowSq` is n-long scratch.
 */
export function completeBasis(n: number, u: FloatArray, missing: Uint8Array, rowSq: Float64Array): void {
  rowSq.fill(0);
  for (let j = 0; j < n; j++) {
    if (missing[j]) continue;
    for (let r = 0; r < n; r++) rowSq[r] += u[j * n + r] * u[j * n + r];
  }
  for (let j = 0; j < n; j++) {
    if (!missing[j]) continue;
    let best = 0;
    for (let r = 1; r < n; r++) if (rowSq[r] < rowSq[best]) best = r;
    const col = j * n;
    u.fill(0, col, col + n);
    u[col + best] = 1;
    for (let pass = 0; pass < 2; pass++) {
      for (let i = 0; i < n; i++) {
        if (missing[i]) continue;
        axpy(-dot(u, i * n, u, col, n), u, i * n, u, col, n);
      }
    }
    scal(1 / nrm2(u, col, n), u, col, n);
    missing[j] = 0;
    for (let r = 0; r < n; r++) rowSq[r] += u[col + r] * u[col + r];
  }
}
