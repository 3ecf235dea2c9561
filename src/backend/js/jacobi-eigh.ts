/**
 * Cyclic two-sided Jacobi for the symmetric eigenproblem: A ← JᵀAJ over all pairs (p, q) in
 * row order until the off-diagonal is negligible; the diagonal converges to the eigenvalues and
 * the accumulated J's to the eigenvectors.
 *
 * Stopping rule (relative, as in Demmel & Veselić 1992): (p, q) is skipped when
 * |a_pq| ≤ max(tol·√(|a_pp|·|a_qq|), tiny), tol = √n·u, tiny = (smallest normal)/u; the run ends
 * after a sweep with no rotation. The test is invariant under diagonal scaling, so a block that
 * is decoupled from a much larger one is diagonalised to its own accuracy, and eigenvalues of
 * graded positive definite matrices come out to high relative accuracy. `tiny` only keeps the
 * rotations out of subnormal arithmetic (entries below it are far beneath any eigenvalue's
 * rounding); a rotation zeroes a_pq exactly, and the fill it leaves in a block of rounding-level
 * entries shrinks by a factor u per sweep, so indefinite and singular A terminate too.
 * At most `maxSweeps` sweeps.
 * Accuracy: backward stable, ‖AV − VΛ‖ = O(n·u·‖A‖), ‖VᵀV − I‖ = O(n·u).
 * Reference: Golub & Van Loan, Matrix Computations 4th ed., §8.5. Mirror of `assembly/jacobi/eigh.ts`.
 *
 * Storage: A has leading dimension `lda` ≥ n. The row rotation walks a row with stride lda, and
 * when lda·bytes is a multiple of 256 (n = 256, 384, 512, … in float64) every entry of a row
 * falls in the same few cache sets and the sweep runs several times slower (7.4 s at n = 512
 * against 1.2 s at 384); the driver then pads lda by 16 bytes' worth of elements, as the wasm
 * driver does. Padding changes no arithmetic: the results are bitwise the same.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { rot } from './blas.js';
import { jacobiTangent } from './rotation.js';
import type { JacobiResult } from '../shared.js';

/**
 * Diagonalises the symmetric n×n column-major `a` (leading dimension lda) in place,
 * accumulating rotations into `v` (n×n).
 */
export function twoSidedJacobi(
  n: number,
  a: FloatArray,
  lda: number,
  v: FloatArray | null,
  tol: number,
  tiny: number,
  maxSweeps: number,
): JacobiResult {
  let offMax = 0;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let rotations = 0;
    offMax = 0;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = a[q * lda + p];
        const app = a[p * lda + p],
          aqq = a[q * lda + q];
        const scale = Math.sqrt(Math.abs(app)) * Math.sqrt(Math.abs(aqq));
        const rel = Math.abs(apq) / Math.max(scale, tiny);
        if (rel > offMax) offMax = rel;
        if (Math.abs(apq) <= Math.max(tol * scale, tiny)) continue;
        const t = jacobiTangent((aqq - app) / (2 * apq));
        const c = 1 / Math.sqrt(1 + t * t),
          s = t * c;
        rot(a, p * lda, q * lda, n, 1, c, s, s); // columns: A·J
        rot(a, p, q, n, lda, c, s, s); // rows: Jᵀ·(A·J)
        a[p * lda + p] = app - t * apq;
        a[q * lda + q] = aqq + t * apq;
        a[q * lda + p] = 0;
        a[p * lda + q] = 0;
        if (v) rot(v, p * n, q * n, n, 1, c, s, s);
        rotations++;
      }
    }
    if (rotations === 0) return { converged: true, sweeps: sweep, offMax };
  }
  return { converged: false, sweeps: maxSweeps, offMax };
}
