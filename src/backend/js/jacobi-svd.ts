/**
 * One-sided (Hestenes) Jacobi SVD: rotates pairs of columns of W (M×N, column-major) until every
 * pair is numerically orthogonal, which diagonalises WᵀW without forming it. At convergence
 * W·V = U·Σ: the column norms are σ, the normalised columns are U, and V is the product of the
 * rotations.
 *
 * Stopping rule (LAPACK dgesvj): pair (i, j) is done when |wᵢᵀwⱼ| ≤ tol·‖wᵢ‖·‖wⱼ‖ with
 * tol = √M·u; the run ends after the first sweep that rotates nothing. Columns with
 * ‖w‖² < tinySq are treated as zero (see params.ts). At most `maxSweeps` sweeps.
 *
 * Accuracy: σ with small relative error for well-scaled columns (Demmel & Veselić, SIMAX 1992);
 * computed U and V orthogonal to O(tol). Reference: Drmač & Veselić, "New fast and accurate
 * Jacobi SVD algorithm I/II", SIMAX 2008. Mirror of `assembly/jacobi/svd.ts`.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { dots3, dotsOut, rot } from './blas.js';
import { jacobiTangent } from './rotation.js';

/** Outcome of a Jacobi run: sweeps done and the largest |cos| of the last sweep. */
export interface JacobiResult {
  converged: boolean;
  sweeps: number;
  offMax: number;
}

/**
 * Rotates columns of `w` (m×n) to mutual orthogonality, applying the same rotations to the
 * columns of `v` (n×n) when given.
 */
export function oneSidedJacobi(
  m: number, n: number, w: FloatArray, v: FloatArray | null,
  tol: number, tinySq: number, maxSweeps: number,
): JacobiResult {
  let offMax = 0;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let rotations = 0;
    offMax = 0;
    for (let i = 0; i < n - 1; i++) {
      for (let j = i + 1; j < n; j++) {
        dots3(w, i * m, j * m, m);
        const aa = dotsOut[0], bb = dotsOut[1], ab = dotsOut[2];
        if (aa < tinySq || bb < tinySq) continue;
        const cos = Math.abs(ab) / (Math.sqrt(aa) * Math.sqrt(bb));
        if (cos > offMax) offMax = cos;
        if (cos <= tol) continue;
        const t = jacobiTangent((bb - aa) / (2 * ab));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        rot(w, i * m, j * m, m, 1, c, s);
        if (v) rot(v, i * n, j * n, n, 1, c, s);
        rotations++;
      }
    }
    if (rotations === 0) return { converged: true, sweeps: sweep, offMax };
  }
  return { converged: false, sweeps: maxSweeps, offMax };
}
