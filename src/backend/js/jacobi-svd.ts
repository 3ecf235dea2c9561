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
 * that shrinks below `normRecompute` (params.ts, 1/16) times its old value is recomputed, since its
 * relative error grows as old/new (LAPACK dgesvj does the same).
 *
 * Stopping rule (LAPACK dgesvj): pair (i, j) is done when |wᵢᵀwⱼ| ≤ tol·‖wᵢ‖·‖wⱼ‖ with
 * tol = √M·u; the run ends after the first sweep that rotates nothing — in that sweep no norm
 * is updated, so every test used the exactly recomputed norms. At most `maxSweeps` sweeps.
 *
 * Numerically zero columns: in each sweep a column with ‖w‖² < floor, floor = max(tinySq,
 * tol²·max_k ‖w_k‖²), takes part in no rotation, and the caller gives it σ = 0 and a completed
 * U column (the final sweep's floor and norms are what it tests). Such a column is below the
 * rounding error of the largest one (σ < √M·u·max‖w_k‖ ≤ √M·u·σ₁), so dropping it is within the
 * backward error; chasing its orthogonality only stirs rounding noise (a rank-59 300×450 image
 * took 27 sweeps, 18 of them rotating noise alone). A column below the floor that is already
 * orthogonal to every other keeps its σ ({@link zeroColumns}), so an exactly graded matrix such
 * as diag(1, 1e-20) keeps Jacobi's relative accuracy.
 *
 * Accuracy: σ with small relative error for well-scaled columns (Demmel & Veselić, SIMAX 1992);
 * computed U and V orthogonal to O(tol). Reference: Drmač & Veselić, "New fast and accurate
 * Jacobi SVD algorithm I/II", SIMAX 2008. Mirror of `assembly/jacobi/svd.ts`.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { dot, rot, rotDot, swap } from './blas.js';
import { jacobiTangent } from './rotation.js';

/** Outcome of a Jacobi run: sweeps done and the largest |cos| of the last sweep. */
export interface JacobiResult {
  converged: boolean;
  sweeps: number;
  offMax: number;
}

/** One-sided Jacobi's outcome, with the last sweep's floor for numerically zero columns. */
export interface SvdJacobiResult extends JacobiResult {
  floor: number;
}

/**
 * Rotates columns of `w` (m×n) to mutual orthogonality, applying the same rotations (and
 * pivoting exchanges) to the columns of `v` (n×n) when given. `nrm` is n-long scratch.
 */
export function oneSidedJacobi(
  m: number, n: number, w: FloatArray, v: FloatArray | null,
  tol: number, tinySq: number, maxSweeps: number, recompute: number, nrm: Float64Array = new Float64Array(n),
): SvdJacobiResult {
  let offMax = 0, floor = tinySq;
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let rotations = 0, biggest = 0;
    offMax = 0;
    for (let j = 0; j < n; j++) {
      nrm[j] = dot(w, j * m, w, j * m, m);
      if (nrm[j] > biggest) biggest = nrm[j];
    }
    floor = Math.max(tinySq, tol * tol * biggest);
    for (let i = 0; i < n - 1; i++) {
      let big = i;
      for (let k = i + 1; k < n; k++) if (nrm[k] > nrm[big]) big = k;
      if (big !== i) {
        swap(w, i * m, big * m, m);
        if (v) swap(v, i * n, big * n, n);
        const t = nrm[i];
        nrm[i] = nrm[big];
        nrm[big] = t;
      }
      const wi = i * m;
      // wᵢᵀwⱼ₊₁ from the rotation pass of (i, j) when that pair rotated (see rotDot)
      let next = 0;
      let haveNext = false;
      for (let j = i + 1; j < n; j++) {
        const aa = nrm[i], bb = nrm[j];
        const fused = haveNext;
        haveNext = false;
        if (aa < floor || bb < floor) continue;
        const ab = fused ? next : dot(w, wi, w, j * m, m);
        const cos = Math.abs(ab) / (Math.sqrt(aa) * Math.sqrt(bb));
        if (cos > offMax) offMax = cos;
        if (cos <= tol) continue;
        const t = jacobiTangent((bb - aa) / (2 * ab));
        const c = 1 / Math.sqrt(1 + t * t), s = t * c;
        if (j + 1 < n) {
          next = rotDot(w, wi, j * m, (j + 1) * m, m, c, s);
          haveNext = true;
        } else {
          rot(w, wi, j * m, m, 1, c, s);
        }
        if (v) rot(v, i * n, j * n, n, 1, c, s);
        const ai = aa - t * ab, aj = bb + t * ab;
        nrm[i] = ai < recompute * aa ? dot(w, wi, w, wi, m) : ai;
        nrm[j] = aj < recompute * bb ? dot(w, j * m, w, j * m, m) : aj;
        rotations++;
      }
    }
    if (rotations === 0) return { converged: true, sweeps: sweep, offMax, floor };
  }
  return { converged: false, sweeps: maxSweeps, offMax, floor };
}

/**
 * Marks in `missing` the columns that are zero for the SVD after {@link oneSidedJacobi}: those with
 * ‖w‖² < tinySq, and those below the last sweep's `floor` that are not orthogonal
 * (|cos| > tol) to every other column of ‖w‖² ≥ tinySq. The columns left are mutually orthogonal.
 * Returns whether any column is missing. `nrm` holds the last sweep's squared norms.
 */
export function zeroColumns(
  m: number, n: number, w: FloatArray, nrm: Float64Array, floor: number, tinySq: number, tol: number,
  missing: Uint8Array,
): boolean {
  let any = false;
  for (let j = 0; j < n; j++) {
    let zero = nrm[j] < tinySq;
    for (let k = 0; !zero && nrm[j] < floor && k < n; k++) {
      if (k === j || nrm[k] < tinySq) continue;
      zero = Math.abs(dot(w, j * m, w, k * m, m)) > tol * Math.sqrt(nrm[j]) * Math.sqrt(nrm[k]);
    }
    missing[j] = zero ? 1 : 0;
    any ||= zero;
  }
  return any;
}
