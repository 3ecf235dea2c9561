/**
 * One-sided (Hestenes) Jacobi SVD: rotates pairs of columns of W (M×N, column-major) until every
 * pair is numerically orthogonal, which diagonalises WᵀW without forming it. At convergence
 * W·V = U·Σ: the column norms are σ, the normalised columns are U, and V is the product of the
 * rotations.
 *
 * Stopping rule (LAPACK dgesvj): pair (i, j) is done when |wᵢᵀwⱼ| ≤ tol·‖wᵢ‖·‖wⱼ‖ with
 * tol = √M·u; the run ends after the first sweep that rotates nothing. Columns with
 * ‖w‖² < tinySq are treated as zero (see src/params.ts). At most `maxSweeps` sweeps.
 *
 * Accuracy: σ with small relative error for well-scaled columns (Demmel & Veselić, SIMAX 1992);
 * computed U and V orthogonal to O(tol). Reference: Drmač & Veselić, "New fast and accurate
 * Jacobi SVD algorithm I/II", SIMAX 2008. Mirror of `src/backend/js/jacobi-svd.ts`.
 *
 * Precision: the f32 kernel accumulates the three dots in f32 lanes; cos, ζ, t, c and s are
 * always computed in f64.
 */
import { dots3, dotXX, dotXY, dotYY } from '../kernels/dot';
import { rot } from '../kernels/rot';
import { at } from '../kernels/simd';
import { jacobiTangent, writeStatus } from './rotation';

/**
 * Rotates columns of `w` (m×n) to mutual orthogonality, applying the same rotations to the
 * columns of `v` (n×n) when v ≠ 0. Writes the outcome to `status`; returns whether it converged.
 */
export function oneSidedJacobi<T>(
  m: usize, n: usize, w: usize, v: usize, tol: f64, tinySq: f64, maxSweeps: i32, status: usize,
): bool {
  let offMax: f64 = 0;
  for (let sweep: i32 = 1; sweep <= maxSweeps; sweep++) {
    let rotations: i32 = 0;
    offMax = 0;
    for (let i: usize = 0; i + 1 < n; i++) {
      const wi = at<T>(w, i * m);
      for (let j = i + 1; j < n; j++) {
        const wj = at<T>(w, j * m);
        dots3<T>(wi, wj, m);
        const aa = dotXX, bb = dotYY, ab = dotXY;
        if (aa < tinySq || bb < tinySq) continue;
        const cos = Math.abs(ab) / (Math.sqrt(aa) * Math.sqrt(bb));
        if (cos > offMax) offMax = cos;
        if (cos <= tol) continue;
        const t = jacobiTangent((bb - aa) / (2 * ab));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        rot<T>(wi, wj, m, c, s);
        if (v) rot<T>(at<T>(v, i * n), at<T>(v, j * n), n, c, s);
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
