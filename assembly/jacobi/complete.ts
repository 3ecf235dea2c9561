/**
 * Orthonormal completion: fills the columns of an n×n column-major matrix marked as missing so
 * that all n columns form an orthonormal basis. Needed where σ = 0 leaves no direction to
 * normalise (rank-deficient or zero input) — never a NaN column.
 *
 * Each missing column starts from the unit vector e_r whose row r is least covered by the
 * columns so far (smallest Σⱼ u_rj², so ‖(I − UUᵀ)e_r‖² ≥ (n − #cols)/n ≥ 1/n) and is
 * orthogonalised twice by classical Gram–Schmidt ("twice is enough": Giraud et al. 2005),
 * giving orthogonality to O(n·u). Mirror of `src/backend/js/complete.ts`.
 */
import { dot, nrm2 } from '../kernels/dot';
import { at } from '../kernels/address';
import { axpy, scal } from '../kernels/vec';

/**
 * Completes u (n×n): the u8 flags `missing[j]` mark the columns to fill; the others must be
 * orthonormal. `rowSq` is n f64 of scratch. Clears the flags it fills.
 */
export function completeBasis<T>(n: usize, u: usize, missing: usize, rowSq: usize): void {
  memory.fill(rowSq, 0, n << 3);
  for (let j: usize = 0; j < n; j++) {
    if (load<u8>(missing + j)) continue;
    const col = at<T>(u, j * n);
    for (let r: usize = 0; r < n; r++) {
      const x = <f64>load<T>(at<T>(col, r));
      store<f64>(at<f64>(rowSq, r), load<f64>(at<f64>(rowSq, r)) + x * x);
    }
  }
  for (let j: usize = 0; j < n; j++) {
    if (!load<u8>(missing + j)) continue;
    let best: usize = 0;
    for (let r: usize = 1; r < n; r++) {
      if (load<f64>(at<f64>(rowSq, r)) < load<f64>(at<f64>(rowSq, best))) best = r;
    }
    const col = at<T>(u, j * n);
    memory.fill(col, 0, n << alignof<T>());
    store<T>(at<T>(col, best), <T>1);
    for (let pass = 0; pass < 2; pass++) {
      for (let i: usize = 0; i < n; i++) {
        if (load<u8>(missing + i)) continue;
        const ci = at<T>(u, i * n);
        axpy<T>(-dot<T>(ci, col, n), ci, col, n);
      }
    }
    scal<T>(1 / nrm2<T>(col, n), col, n);
    store<u8>(missing + j, 0);
    for (let r: usize = 0; r < n; r++) {
      const x = <f64>load<T>(at<T>(col, r));
      store<f64>(at<f64>(rowSq, r), load<f64>(at<f64>(rowSq, r)) + x * x);
    }
  }
}
