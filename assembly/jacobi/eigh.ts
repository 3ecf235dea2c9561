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
 * Reference: Golub & Van Loan, Matrix Computations 4th ed., §8.5.
 * Mirror of `src/backend/js/jacobi-eigh.ts`; the 2×2 parameters are computed in f64.
 */
import { rot, rotStrided } from '../kernels/rot';
import { at } from '../kernels/simd';
import { jacobiTangent, writeStatus } from './rotation';

/** Frobenius norm of the n×n array a, summed in f64 (entries scaled to at most 2, so no overflow). */
function frobenius<T>(a: usize, n: usize): f64 {
  let s: f64 = 0;
  const nn = n * n;
  for (let k: usize = 0; k < nn; k++) {
    const x = <f64>load<T>(at<T>(a, k));
    s += x * x;
  }
  return Math.sqrt(s);
}

/**
 * Diagonalises the symmetric n×n column-major `a` in place, accumulating rotations into `v`
 * (when v ≠ 0). Writes the outcome to `status`; returns whether it converged.
 */
export function twoSidedJacobi<T>(
  n: usize, a: usize, v: usize, tol: f64, unit: f64, maxSweeps: i32, status: usize,
): bool {
  const floor = unit * frobenius<T>(a, n);
  let offMax: f64 = 0;
  for (let sweep: i32 = 1; sweep <= maxSweeps; sweep++) {
    let rotations: i32 = 0;
    offMax = 0;
    for (let p: usize = 0; p + 1 < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const pq = at<T>(a, q * n + p), qp = at<T>(a, p * n + q);
        const pp = at<T>(a, p * n + p), qq = at<T>(a, q * n + q);
        const apq = <f64>load<T>(pq);
        const app = <f64>load<T>(pp), aqq = <f64>load<T>(qq);
        const scale = Math.sqrt(Math.abs(app)) * Math.sqrt(Math.abs(aqq));
        const rel = Math.abs(apq) / Math.max(scale, floor / tol);
        if (rel > offMax) offMax = rel;
        if (Math.abs(apq) <= Math.max(tol * scale, floor)) continue;
        const t = jacobiTangent((aqq - app) / (2 * apq));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        rot<T>(at<T>(a, p * n), at<T>(a, q * n), n, c, s); // columns: A·J
        rotStrided<T>(at<T>(a, p), at<T>(a, q), n, n, c, s); // rows: Jᵀ·(A·J)
        store<T>(pp, <T>(app - t * apq));
        store<T>(qq, <T>(aqq + t * apq));
        store<T>(pq, <T>0);
        store<T>(qp, <T>0);
        if (v) rot<T>(at<T>(v, p * n), at<T>(v, q * n), n, c, s);
        rotations++;
      }
    }
    if (rotations == 0) {
      writeStatus(status, true, sweep, offMax);
      return true;
    }
  }
  writeStatus(status, false, maxSweeps, offMax);
  return false;
}
