/**
 * Cyclic two-sided Jacobi for the symmetric eigenproblem: A ← JᵀAJ over all pairs (p, q) in
 * row order until the off-diagonal is negligible; the diagonal converges to the eigenvalues and
 * the accumulated J's to the eigenvectors.
 *
 * Stopping rule: (p, q) is skipped when |a_pq| ≤ max(tol·√(|a_pp|·|a_qq|), u·‖A‖_F),
 * tol = √n·u; the run ends after a sweep with no rotation. The relative term gives eigenvalues
 * of definite matrices to high relative accuracy (Demmel & Veselić 1992); the absolute floor
 * (u·‖A‖_F, below which a rotation changes A by less than its rounding) guarantees termination
 * for indefinite or singular A. At most `maxSweeps` sweeps.
 * Accuracy: backward stable, ‖AV − VΛ‖ = O(n·u·‖A‖), ‖VᵀV − I‖ = O(n·u).
 * Reference: Golub & Van Loan, Matrix Computations 4th ed., §8.5. Mirror of `assembly/jacobi/eigh.ts`.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { rot } from './blas.js';
import { jacobiTangent } from './rotation.js';
import type { JacobiResult } from './jacobi-svd.js';

/** Frobenius norm of the n×n array a (entries scaled to at most 2, so no overflow). */
function frobenius(a: FloatArray, n: number): number {
  let s = 0;
  for (let k = 0; k < n * n; k++) s += a[k] * a[k];
  return Math.sqrt(s);
}

/** Diagonalises the symmetric n×n column-major `a` in place, accumulating rotations into `v`. */
export function twoSidedJacobi(
  n: number, a: FloatArray, v: FloatArray | null, tol: number, unit: number, maxSweeps: number,
): JacobiResult {
  const floor = unit * frobenius(a, n);
  let offMax = 0;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let rotations = 0;
    offMax = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[q * n + p];
        const app = a[p * n + p], aqq = a[q * n + q];
        const scale = Math.sqrt(Math.abs(app)) * Math.sqrt(Math.abs(aqq));
        const rel = Math.abs(apq) / Math.max(scale, floor / tol);
        if (rel > offMax) offMax = rel;
        if (Math.abs(apq) <= Math.max(tol * scale, floor)) continue;
        const t = jacobiTangent((aqq - app) / (2 * apq));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        rot(a, p * n, q * n, n, 1, c, s); // columns: A·J
        rot(a, p, q, n, n, c, s); // rows: Jᵀ·(A·J)
        a[p * n + p] = app - t * apq;
        a[q * n + q] = aqq + t * apq;
        a[q * n + p] = 0;
        a[p * n + q] = 0;
        if (v) rot(v, p * n, q * n, n, 1, c, s);
        rotations++;
      }
    }
    if (rotations === 0) return { converged: true, sweeps: sweep, offMax };
  }
  return { converged: false, sweeps: maxSweeps, offMax };
}
