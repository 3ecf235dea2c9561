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
 *
 * Storage: A has leading dimension `lda` ≥ n. The row rotation walks a row with stride lda, and
 * when lda·sizeof(T) is a multiple of 256 bytes (n = 256, 384, 512, …) every entry of a row
 * falls in the same few cache sets and the sweep runs several times slower; the driver then
 * pads lda by one vector. Padding changes no arithmetic: the results are bitwise the same.
 */
import { rot, rotStrided } from '../kernels/rot';
import { at } from '../kernels/simd';
import { jacobiTangent, writeStatus } from './rotation';

/** Frobenius norm of the n×n array a (leading dimension lda), summed in f64 in storage order (entries scaled to at most 2, so no overflow). */
function frobenius<T>(a: usize, n: usize, lda: usize): f64 {
  let s: f64 = 0;
  for (let j: usize = 0; j < n; j++) {
    const col = at<T>(a, j * lda);
    for (let i: usize = 0; i < n; i++) {
      const x = <f64>load<T>(at<T>(col, i));
      s += x * x;
    }
  }
  return Math.sqrt(s);
}

/**
 * Diagonalises the symmetric n×n column-major `a` (leading dimension lda) in place,
 * accumulating rotations into `v` (n×n, when v ≠ 0). Writes the outcome to `status`; returns
 * whether it converged.
 */
export function twoSidedJacobi<T>(
  n: usize, a: usize, lda: usize, v: usize, tol: f64, unit: f64, maxSweeps: i32, status: usize,
): bool {
  const floor = unit * frobenius<T>(a, n, lda);
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
        const rel = Math.abs(apq) / Math.max(scale, floor / tol);
        if (rel > offMax) offMax = rel;
        if (Math.abs(apq) <= Math.max(tol * scale, floor)) continue;
        const t = jacobiTangent((aqq - app) / (2 * apq));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        rot<T>(at<T>(a, p * lda), at<T>(a, q * lda), n, c, s); // columns: A·J
        rotStrided<T>(at<T>(a, p), at<T>(a, q), n, lda, c, s); // rows: Jᵀ·(A·J)
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
