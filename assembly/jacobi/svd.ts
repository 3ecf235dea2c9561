/**
 * One-sided (Hestenes) Jacobi SVD: rotates pairs of columns of W (M×N, column-major) until every
 * pair is numerically orthogonal, which diagonalises WᵀW without forming it. At convergence
 * W·V = U·Σ: the column norms are σ, the normalised columns are U, and V is the product of the
 * rotations.
 *
 * Sweep: row-cyclic over pairs (i, j), i < j, with de Rijk pivoting — before row i, the
 * remaining column of largest norm (among i..N−1) is exchanged into position i (with its column
 * of V), so the large columns are orthogonalised first and a sweep does more useful work
 * (de Rijk, SISC 1989; cuts sweeps ~14 → ~11 on uniform 512² matrices).
 * Tracked norms: the squared column norms are computed exactly at the start of every sweep and
 * then updated through each rotation as aᵢ' = aᵢ − t·γ, aⱼ' = aⱼ + t·γ (γ = wᵢᵀwⱼ, exact for
 * the Gram matrix), so a pair costs one dot product wᵢᵀwⱼ instead of three, and after a
 * rotation of (i, j) the next product wᵢᵀwⱼ₊₁ comes from the rotation's own pass over the new
 * wᵢ (rotDot: bitwise the same value, one pass less over wᵢ); an updated norm
 * that shrinks below NORM_RECOMPUTE times its old value is recomputed, since its relative error
 * grows as old/new (LAPACK dgesvj does the same).
 *
 * Stopping rule (LAPACK dgesvj): pair (i, j) is done when |wᵢᵀwⱼ| ≤ tol·‖wᵢ‖·‖wⱼ‖ with
 * tol = √M·u; the run ends after the first sweep that rotates nothing — in that sweep no norm
 * is updated, so every test used the exactly recomputed norms. At most `maxSweeps` sweeps.
 *
 * Numerically zero columns: in each sweep a column with ‖w‖² < floor, floor = max(tinySq,
 * tol²·max_k ‖w_k‖²), takes part in no rotation, and the caller gives it σ = 0 and a completed
 * U column (the final sweep's floor, {@link jacobiFloor}, and norms are what it tests). Such a column is below the
 * rounding error of the largest one (σ < √M·u·max‖w_k‖ ≤ √M·u·σ₁), so dropping it is within the
 * backward error; chasing its orthogonality only stirs rounding noise (a rank-59 300×450 image
 * took 27 sweeps, 18 of them rotating noise alone). A column below the floor that is already
 * orthogonal to every other keeps its σ ({@link zeroColumns}), so an exactly graded matrix such
 * as diag(1, 1e-20) keeps Jacobi's relative accuracy.
 *
 * Accuracy: σ with small relative error for well-scaled columns (Demmel & Veselić, SIMAX 1992);
 * computed U and V orthogonal to O(tol). Reference: Drmač & Veselić, "New fast and accurate
 * Jacobi SVD algorithm I/II", SIMAX 2008. Mirror of `src/backend/js/jacobi-svd.ts`.
 *
 * Precision: the f32 kernel accumulates the dot products in f32 lanes; the tracked norms, cos,
 * ζ, t, c and s are always f64.
 */
import { dot } from '../kernels/dot';
import { rot, rotDot } from '../kernels/rot';
import { at } from '../kernels/simd';
import { swap } from '../kernels/vec';
import { jacobiTangent, writeStatus } from './rotation';

/** Mirror of `defaultParams.normRecompute` in src/params.ts (why 1/16 is documented there). */
const NORM_RECOMPUTE: f64 = 1.0 / 16;

/** The floor of the last sweep of {@link oneSidedJacobi}: columns with ‖w‖² below it are zero. */
export let jacobiFloor: f64 = 0;


/**
 * Rotates columns of `w` (m×n) to mutual orthogonality, applying the same rotations (and
 * pivoting exchanges) to the columns of `v` (n×n) when v ≠ 0. `nrm` is n f64 of scratch.
 * Writes the outcome to `status`; returns whether it converged.
 */
export function oneSidedJacobi<T>(
  m: usize, n: usize, w: usize, v: usize, tol: f64, tinySq: f64, maxSweeps: i32, status: usize, nrm: usize,
): bool {
  let offMax: f64 = 0;
  jacobiFloor = tinySq;
  for (let sweep: i32 = 1; sweep <= maxSweeps; sweep++) {
    let rotations: i32 = 0;
    let biggest: f64 = 0;
    offMax = 0;
    for (let j: usize = 0; j < n; j++) {
      const wj = at<T>(w, j * m);
      const x = dot<T>(wj, wj, m);
      store<f64>(at<f64>(nrm, j), x);
      if (x > biggest) biggest = x;
    }
    const floor = Math.max(tinySq, tol * tol * biggest);
    jacobiFloor = floor;
    for (let i: usize = 0; i + 1 < n; i++) {
      // de Rijk: the largest remaining column moves to position i
      let big = i;
      let nbig = load<f64>(at<f64>(nrm, i));
      for (let k = i + 1; k < n; k++) {
        const x = load<f64>(at<f64>(nrm, k));
        if (x > nbig) {
          nbig = x;
          big = k;
        }
      }
      if (big != i) {
        swap<T>(at<T>(w, i * m), at<T>(w, big * m), m);
        if (v) swap<T>(at<T>(v, i * n), at<T>(v, big * n), n);
        store<f64>(at<f64>(nrm, big), load<f64>(at<f64>(nrm, i)));
        store<f64>(at<f64>(nrm, i), nbig);
      }
      const wi = at<T>(w, i * m);
      const vi: usize = v ? at<T>(v, i * n) : 0;
      // wᵢᵀwⱼ₊₁ from the rotation pass of (i, j) when that pair rotated (see rotDot)
      let next: f64 = 0;
      let haveNext = false;
      for (let j = i + 1; j < n; j++) {
        const aa = load<f64>(at<f64>(nrm, i)), bb = load<f64>(at<f64>(nrm, j));
        const fused = haveNext;
        haveNext = false;
        if (aa < floor || bb < floor) continue;
        const wj = at<T>(w, j * m);
        const ab = fused ? next : dot<T>(wi, wj, m);
        const cos = Math.abs(ab) / (Math.sqrt(aa) * Math.sqrt(bb));
        if (cos > offMax) offMax = cos;
        if (cos <= tol) continue;
        const t = jacobiTangent((bb - aa) / (2 * ab));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        if (j + 1 < n) {
          next = rotDot<T>(wi, wj, at<T>(w, (j + 1) * m), m, c, s);
          haveNext = true;
        } else {
          rot<T>(wi, wj, m, c, s);
        }
        if (v) rot<T>(vi, at<T>(v, j * n), n, c, s);
        const ai = aa - t * ab, aj = bb + t * ab;
        store<f64>(at<f64>(nrm, i), ai < NORM_RECOMPUTE * aa ? dot<T>(wi, wi, m) : ai);
        store<f64>(at<f64>(nrm, j), aj < NORM_RECOMPUTE * bb ? dot<T>(wj, wj, m) : aj);
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

/**
 * Flags (u8) in `missing` the columns that are zero for the SVD after {@link oneSidedJacobi}:
 * those with ‖w‖² < tinySq, and those below the last sweep's floor ({@link jacobiFloor}) that
 * are not orthogonal (|cos| > tol) to every other column of ‖w‖² ≥ tinySq. The columns left are
 * mutually orthogonal. Returns whether any column is missing. `nrm` holds the last sweep's
 * squared norms. Mirror of zeroColumns in src/backend/js/jacobi-svd.ts.
 */
export function zeroColumns<T>(m: usize, n: usize, w: usize, nrm: usize, tinySq: f64, tol: f64, missing: usize): bool {
  let any = false;
  for (let j: usize = 0; j < n; j++) {
    const nj = load<f64>(at<f64>(nrm, j));
    let zero = nj < tinySq;
    for (let k: usize = 0; !zero && nj < jacobiFloor && k < n; k++) {
      const nk = load<f64>(at<f64>(nrm, k));
      if (k == j || nk < tinySq) continue;
      zero = Math.abs(dot<T>(at<T>(w, j * m), at<T>(w, k * m), m)) > tol * Math.sqrt(nj) * Math.sqrt(nk);
    }
    store<u8>(missing + j, zero ? 1 : 0);
    any = any || zero;
  }
  return any;
}
