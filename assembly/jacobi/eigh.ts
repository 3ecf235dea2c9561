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
 * Reference: Golub & Van Loan, Matrix Computations 4th ed., §8.5.
 * Mirror of `src/backend/js/jacobi-eigh.ts`; the 2×2 parameters are computed in f64.
 *
 * Storage: A has leading dimension `lda` ≥ n. The row rotation walks a row with stride lda, and
 * when lda·sizeof(T) is a multiple of 256 bytes (n = 256, 384, 512, …) every entry of a row
 * falls in the same few cache sets and the sweep runs several times slower; the driver then
 * pads lda by one vector. Padding changes no arithmetic: the results are bitwise the same.
 */
import { rot, rotStrided } from '../kernels/rot';
import { at } from '../kernels/address';
import { jacobiTangent, writeStatus } from './rotation';

/**
 * Diagonalises the symmetric n×n column-major `a` (leading dimension lda) in place,
 * accumulating rotations into `v` (n×n, when v ≠ 0). Writes the outcome to `status`; returns
 * whether it converged.
 */
export function twoSidedJacobi<T>(
  n: usize, a: usize, lda: usize, v: usize, tol: f64, tiny: f64, maxSweeps: i32, status: usize,
): bool {
  let offMax: f64 = 0;
  for (let sweep: i32 = 1; sweep <= maxSweeps; sweep++) {
    let rotations: i32 = 0;
    offMax = 0;
    for (let p: usize = 0; p + 1 < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const pq = at<T>(a, q * lda + p), qp = at<T>(a, p * lda + q);
        const pp = at<T>(a, p * lda + p), qq = at<T>(a, q * lda + q);
        const apq = <f64>load<T>(pq);
        const app = <f64>load<T>(pp), aqq = <f64>load<T>(qq);
        const scale = Math.sqrt(Math.abs(app)) * Math.sqrt(Math.abs(aqq));
        const rel = Math.abs(apq) / Math.max(scale, tiny);
        if (rel > offMax) offMax = rel;
        if (Math.abs(apq) <= Math.max(tol * scale, tiny)) continue;
        const t = jacobiTangent((aqq - app) / (2 * apq));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        rot<T>(at<T>(a, p * lda), at<T>(a, q * lda), n, c, s, s); // columns: A·J
        rotStrided<T>(at<T>(a, p), at<T>(a, q), n, lda, c, s); // rows: Jᵀ·(A·J)
        store<T>(pp, <T>(app - t * apq));
        store<T>(qq, <T>(aqq + t * apq));
        store<T>(pq, <T>0);
        store<T>(qp, <T>0);
        if (v) rot<T>(at<T>(v, p * n), at<T>(v, q * n), n, c, s, s);
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
