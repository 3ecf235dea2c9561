/**
 * One-sided (Hestenes) Jacobi SVD with high relative accuracy: rotates pairs of columns of
 * W (M×N, column-major) until every pair is numerically orthogonal, which diagonalises WᵀW
 * without forming it. At convergence W·V = U·Σ: the column norms are σ, the normalised columns
 * are U, and V is the product of the rotations.
 *
 * Column scaling: each column is stored as w̃ⱼ with wⱼ = w̃ⱼ·2^eⱼ (eⱼ in `ex`, as dgesvj's D), so
 * columns of any relative size, up to the whole float range, are held without under- or
 * overflow. The caller scales each column so its largest entry lies in [1, 2)
 * ({@link normalizeColumn}); a stored squared norm that leaves [2^-200, 2^200] is renormalised
 * the same way. A rotation of the true columns by (c, s) is, on the stored ones,
 * (w̃ᵢ, w̃ⱼ) ← (c·w̃ᵢ − s·2^(eⱼ−eᵢ)·w̃ⱼ, s·2^(eᵢ−eⱼ)·w̃ᵢ + c·w̃ⱼ) (powers of two: exact).
 *
 * Sweep: row-cyclic over pairs (i, j), i < j, with de Rijk pivoting — before row i, the
 * remaining column of largest norm (among i..N−1) is exchanged into position i (with its column
 * of V), so the large columns are orthogonalised first and a sweep does more useful work
 * (de Rijk, SISC 1989; cuts sweeps ~14 → ~11 on uniform 512² matrices).
 * Tracked norms: the squared column norms are computed exactly at the start of every sweep and
 * then updated through each rotation as aᵢ' = aᵢ − t·γ, aⱼ' = aⱼ + t·γ (γ = wᵢᵀwⱼ, exact for
 * the Gram matrix), so a pair costs one dot product wᵢᵀwⱼ instead of three, and after a
 * rotation of (i, j) the next product wᵢᵀwⱼ₊₁ comes from the rotation's own pass over the new
 * wᵢ (rotDot: bitwise the same value, one pass less over wᵢ); an updated norm that shrinks
 * below NORM_RECOMPUTE times its old value is recomputed, since its relative error grows as
 * old/new (LAPACK dgesvj does the same).
 *
 * One-sided (Gram–Schmidt) steps: when ρ² = ‖w_small‖²/‖w_big‖² ≤ u, the rotation would change
 * the larger column by |t|·‖w_small‖ ≈ ρ²·‖w_big‖ ≤ u·‖w_big‖, below its own rounding; only
 * the smaller column is updated, w_small ← w_small − (γ/‖w_big‖²)·w_big, and ‖w_small‖² ←
 * ‖w_small‖² − γ²/‖w_big‖² (dgesvj's modified Gram–Schmidt branch). Every column then keeps a
 * columnwise backward error O(u)·‖wⱼ‖, which is what relative accuracy needs, and columns of
 * rounding noise (rank-deficient input) no longer stir the large ones, so flat images converge
 * in as few sweeps as full-rank ones. V is rotated in full in every case, so it stays orthogonal.
 *
 * Stopping rule (LAPACK dgesvj): pair (i, j) is done when |wᵢᵀwⱼ| ≤ tol·‖wᵢ‖·‖wⱼ‖ with
 * tol = √M·u (scale-free: computed on the stored columns); the run ends after the first sweep
 * that rotates nothing — in that sweep no norm is updated, so every test used the exactly
 * recomputed norms. A column whose norm falls to tol times the largest it has had (to a factor
 * of 2) is numerically dependent on the others: what remains is its own rounding noise, which
 * would otherwise be orthogonalised again and again (it stays in the span of the large columns
 * when the input repeats rows, as flat images do), so it is set to zero. The test is relative
 * to the column itself, not to the largest one, so a graded column (A = B·D) never meets it
 * while κ(B)·tol < 1/2: orthogonalisation shrinks a column of B·D by at most about 1/κ(B). Zero columns take part
 * in no rotation (σ = 0, U completed by the caller). At most `maxSweeps` sweeps.
 *
 * Accuracy: for A = B·D with D diagonal, every σᵢ, however small, has relative error
 * O(κ(B)·√M·u), κ(B) the condition number of B with unit columns (Demmel & Veselić,
 * "Jacobi's method is more accurate than QR", SIMAX 1992); U and V orthogonal to O(tol).
 * Reference: LAPACK dgesvj; Drmač & Veselić, "New fast and accurate Jacobi SVD algorithm I/II",
 * SIMAX 2008. Mirror of `src/backend/js/jacobi-svd.ts`.
 *
 * Precision: the f32 kernel accumulates the dot products in f32 lanes; the tracked norms, cos,
 * ζ, t, c and s are always f64.
 */
import { dot } from '../kernels/dot';
import { rot, rotDot } from '../kernels/rot';
import { exponentOf, ldexp, maxAbs, scaleExp2 } from '../kernels/scale';
import { at } from '../kernels/address';
import { swap } from '../kernels/vec';
import { NORM_HIGH, NORM_LOW, NORM_RECOMPUTE } from '../params';
import { jacobiTangent, writeStatus } from './rotation';

/**
 * Scales the column col[0..rows) by a power of two so its largest entry lies in [1, 2), adds the
 * exponent to the f64 at `ex`, and returns the new squared norm (0 for a zero column).
 */
export function normalizeColumn<T>(col: usize, rows: usize, ex: usize): f64 {
  const big = maxAbs<T>(col, rows);
  if (big == 0) return 0;
  const e = exponentOf(big);
  scaleExp2<T>(col, rows, -e);
  store<f64>(ex, load<f64>(ex) + <f64>e);
  return dot<T>(col, col, rows);
}

/** Whether na·4^ea > nb·4^eb, for stored squared norms in [NORM_LOW, NORM_HIGH] or 0. */
function larger(na: f64, ea: f64, nb: f64, eb: f64): bool {
  if (na == 0 || nb == 0) return nb == 0 && na > 0;
  const d = eb - ea;
  if (d > 256) return false;
  if (d < -256) return true;
  return na > ldexp(nb, <i32>(2 * d));
}

/** Stored squared norm of column j, renormalised (with its exponent) when out of range. */
function checkedNorm<T>(w: usize, rows: usize, j: usize, x: f64, ex: usize): f64 {
  if (x >= NORM_LOW && x <= NORM_HIGH) return x;
  return normalizeColumn<T>(at<T>(w, j * rows), rows, at<f64>(ex, j));
}

/** log2 of column j's true squared norm x·4^ex[j], rounded down (x > 0). */
@inline function log2Norm(x: f64, e: f64): f64 {
  return 2 * e + <f64>exponentOf(x);
}

/**
 * Stored squared norm of column j after a step that took it from `old` to `tracked`:
 * recomputed when it shrank below NORM_RECOMPUTE·old; zero, with the column cleared, when its
 * true norm² fell to about tol² times the largest it has had (mark[j], a log2; `tolExp` is
 * log2 tol², rounded down) — what is left is its own rounding noise; else range-checked, and
 * the mark raised.
 */
function updatedNorm<T>(
  w: usize, rows: usize, j: usize, tracked: f64, old: f64, tolExp: f64, ex: usize, mark: usize,
): f64 {
  const col = at<T>(w, j * rows);
  const x = tracked < NORM_RECOMPUTE * old ? dot<T>(col, col, rows) : tracked;
  const pm = at<f64>(mark, j);
  const lx = x > 0 ? log2Norm(x, load<f64>(at<f64>(ex, j))) : -Infinity;
  if (lx - load<f64>(pm) < tolExp) {
    memory.fill(col, 0, rows << alignof<T>());
    return 0;
  }
  if (lx > load<f64>(pm)) store<f64>(pm, lx);
  return checkedNorm<T>(w, rows, j, x, ex);
}

/**
 * Rotates columns of `w` (m×n, column j scaled by 2^ex[j], see the header) to mutual
 * orthogonality, applying the same rotations (and pivoting exchanges) to the columns of `v`
 * (n×n) when v ≠ 0. `nrm` is n f64 of scratch (the last sweep's stored squared norms on return),
 * `ex` the n f64 column exponents, already set by the caller, `mark` n f64 of scratch (each
 * column's largest true norm², as a log2). `unit` is u of T. Writes the
 * outcome to `status`; returns whether it converged.
 */
export function oneSidedJacobi<T>(
  m: usize, n: usize, w: usize, v: usize, tol: f64, unit: f64, maxSweeps: i32, status: usize,
  nrm: usize, ex: usize, mark: usize,
): bool {
  let offMax: f64 = 0;
  const tolExp = <f64>exponentOf(tol * tol);
  for (let j: usize = 0; j < n; j++) store<f64>(at<f64>(mark, j), -Infinity);
  for (let sweep: i32 = 1; sweep <= maxSweeps; sweep++) {
    let rotations: i32 = 0;
    offMax = 0;
    for (let j: usize = 0; j < n; j++) {
      const wj = at<T>(w, j * m);
      const x = checkedNorm<T>(w, m, j, dot<T>(wj, wj, m), ex);
      store<f64>(at<f64>(nrm, j), x);
      const lx = x > 0 ? log2Norm(x, load<f64>(at<f64>(ex, j))) : -Infinity;
      if (lx > load<f64>(at<f64>(mark, j))) store<f64>(at<f64>(mark, j), lx);
    }
    for (let i: usize = 0; i + 1 < n; i++) {
      // de Rijk: the largest remaining column moves to position i
      let big = i;
      for (let k = i + 1; k < n; k++) {
        if (larger(load<f64>(at<f64>(nrm, k)), load<f64>(at<f64>(ex, k)),
          load<f64>(at<f64>(nrm, big)), load<f64>(at<f64>(ex, big)))) big = k;
      }
      if (big != i) {
        swap<T>(at<T>(w, i * m), at<T>(w, big * m), m);
        if (v) swap<T>(at<T>(v, i * n), at<T>(v, big * n), n);
        swap<f64>(at<f64>(nrm, i), at<f64>(nrm, big), 1);
        swap<f64>(at<f64>(ex, i), at<f64>(ex, big), 1);
        swap<f64>(at<f64>(mark, i), at<f64>(mark, big), 1);
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
        if (aa == 0 || bb == 0) continue;
        const wj = at<T>(w, j * m);
        const ab = fused ? next : dot<T>(wi, wj, m);
        const cos = Math.abs(ab) / (Math.sqrt(aa) * Math.sqrt(bb));
        if (cos > offMax) offMax = cos;
        if (cos <= tol) continue;
        // d = eⱼ − eᵢ; r2 = ‖wⱼ‖²/‖wᵢ‖² of the true columns picks the step
        const d = <i32>(load<f64>(at<f64>(ex, j)) - load<f64>(at<f64>(ex, i)));
        const r2 = d == 0 ? bb / aa : d < -550 ? 0 : d > 550 ? Infinity : ldexp(bb / aa, 2 * d);
        let c: f64 = 1, s: f64, sx: f64, sy: f64, ai: f64 = aa, aj: f64 = bb;
        if (r2 <= unit) { // wⱼ ≪ wᵢ: Gram–Schmidt step on wⱼ
          sx = 0;
          sy = -ab / aa;
          s = ldexp(sy, d);
          aj = bb + sy * ab;
        } else if (r2 * unit >= 1) { // wᵢ ≪ wⱼ: Gram–Schmidt step on wᵢ
          sx = ab / bb;
          sy = 0;
          s = ldexp(sx, -d);
          ai = aa - sx * ab;
        } else {
          const same = d == 0; // columns of one scale: every ldexp below is the identity
          const abi = same ? ab : ldexp(ab, d); // γ in wᵢ's scale
          const t = jacobiTangent(((same ? bb : ldexp(bb, 2 * d)) - aa) / (2 * abi));
          c = 1 / Math.sqrt(1 + t * t);
          s = t * c;
          sx = same ? s : ldexp(s, d);
          sy = same ? s : ldexp(s, -d);
          ai = aa - t * abi;
          aj = bb + t * (same ? ab : ldexp(ab, -d));
        }
        if (j + 1 < n) {
          next = rotDot<T>(wi, wj, at<T>(w, (j + 1) * m), m, c, sx, sy);
          haveNext = true;
        } else {
          rot<T>(wi, wj, m, c, sx, sy);
        }
        if (v) {
          // a Gram–Schmidt step's s is its tangent; V gets the exact rotation of that angle
          const cv = c == 1 ? 1 / Math.sqrt(1 + s * s) : c;
          const sv = c == 1 ? s * cv : s;
          rot<T>(vi, at<T>(v, j * n), n, cv, sv, sv);
        }
        const ni = updatedNorm<T>(w, m, i, ai, aa, tolExp, ex, mark);
        if (ni != ai) haveNext = false; // wᵢ was recomputed, rescaled or cleared: recompute wᵢᵀwⱼ₊₁
        store<f64>(at<f64>(nrm, i), ni);
        store<f64>(at<f64>(nrm, j), updatedNorm<T>(w, m, j, aj, bb, tolExp, ex, mark));
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
