/**
 * One-sided Jacobi SVD with high relative accuracy, on columns stored with their own power-of-two
 * exponents, with dgesvj's Gram–Schmidt steps for columns of very different norm.
 * Mirror of `assembly/jacobi/svd.ts` (the header there has the algorithm, stopping rule,
 * accuracy and references); differs in: the exponents, norms and flags are JS arrays and the
 * outcome is returned instead of written to a status block.
 * @module
 */
import { normHigh as NORM_HIGH, normLow as NORM_LOW, normRecompute as NORM_RECOMPUTE } from '../../params.js';
import type { FloatArray } from '../../types.js';
import type { JacobiResult } from '../shared.js';
import { dot, rot, rotDot, swap } from './blas.js';
import { jacobiTangent } from './rotation.js';
import { exponentOf, ldexp, maxAbs, scaleExp2 } from '../../scale.js';

/**
 * Scales column a[off..off+rows) by a power of two so its largest entry lies in [1, 2), adds the
 * exponent to ex[j], and returns the new squared norm (0 for a zero column).
 */
export function normalizeColumn(a: FloatArray, off: number, rows: number, ex: Float64Array, j: number): number {
  const col = a.subarray(off, off + rows);
  const big = maxAbs(col, rows);
  if (big === 0) return 0;
  const e = exponentOf(big);
  scaleExp2(col, rows, -e);
  ex[j] += e;
  return dot(a, off, a, off, rows);
}

/** Exchanges a[i] and a[j] of a per-column f64 array (norms, exponents, marks). */
function exchange(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/** Whether na·4^ea > nb·4^eb, for stored squared norms in [NORM_LOW, NORM_HIGH] or 0. */
function larger(na: number, ea: number, nb: number, eb: number): boolean {
  if (na === 0 || nb === 0) return nb === 0 && na > 0;
  const d = eb - ea;
  if (d > 256) return false;
  if (d < -256) return true;
  return na > ldexp(nb, 2 * d);
}

/** Stored squared norm of column j, renormalised (with its exponent) when out of range. */
function checkedNorm(w: FloatArray, rows: number, j: number, x: number, ex: Float64Array): number {
  if (x >= NORM_LOW && x <= NORM_HIGH) return x;
  return normalizeColumn(w, j * rows, rows, ex, j);
}

/** log2 of column j's true squared norm x·4^e, rounded down (x > 0). */
function log2Norm(x: number, e: number): number {
  return 2 * e + exponentOf(x);
}

/** Stored squared norm of column j after a step (see updatedNorm in assembly/jacobi/svd.ts). */
function updatedNorm(
  w: FloatArray,
  rows: number,
  j: number,
  tracked: number,
  old: number,
  tolExp: number,
  ex: Float64Array,
  mark: Float64Array,
): number {
  const x = tracked < NORM_RECOMPUTE * old ? dot(w, j * rows, w, j * rows, rows) : tracked;
  const lx = x > 0 ? log2Norm(x, ex[j]) : -Infinity;
  if (lx - mark[j] < tolExp) {
    w.fill(0, j * rows, j * rows + rows);
    return 0;
  }
  if (lx > mark[j]) mark[j] = lx;
  return checkedNorm(w, rows, j, x, ex);
}

/**
 * Rotates columns of `w` (m×n, column j scaled by 2^ex[j]) to mutual orthogonality, applying the
 * same rotations (and pivoting exchanges) to the columns of `v` (n×n) when given. `nrm` receives
 * the last sweep's stored squared norms; `unit` is u of the dtype.
 */
export function oneSidedJacobi(
  m: number,
  n: number,
  w: FloatArray,
  v: FloatArray | null,
  tol: number,
  unit: number,
  maxSweeps: number,
  nrm: Float64Array,
  ex: Float64Array,
  mark: Float64Array = new Float64Array(n),
): JacobiResult {
  let offMax = 0,
    total = 0;
  const tolExp = exponentOf(tol * tol);
  mark.fill(-Infinity);
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    let rotations = 0;
    offMax = 0;
    for (let j = 0; j < n; j++) {
      const x = (nrm[j] = checkedNorm(w, m, j, dot(w, j * m, w, j * m, m), ex));
      const lx = x > 0 ? log2Norm(x, ex[j]) : -Infinity;
      if (lx > mark[j]) mark[j] = lx;
    }
    for (let i = 0; i < n - 1; i++) {
      let big = i;
      for (let k = i + 1; k < n; k++) if (larger(nrm[k], ex[k], nrm[big], ex[big])) big = k;
      if (big !== i) {
        swap(w, i * m, big * m, m);
        if (v) swap(v, i * n, big * n, n);
        exchange(nrm, i, big);
        exchange(ex, i, big);
        exchange(mark, i, big);
      }
      const wi = i * m;
      let next = 0;
      let haveNext = false;
      for (let j = i + 1; j < n; j++) {
        const aa = nrm[i],
          bb = nrm[j];
        const fused = haveNext;
        haveNext = false;
        if (aa === 0 || bb === 0) continue;
        const ab = fused ? next : dot(w, wi, w, j * m, m);
        const cos = Math.abs(ab) / (Math.sqrt(aa) * Math.sqrt(bb));
        if (cos > offMax) offMax = cos;
        if (cos <= tol) continue;
        const d = ex[j] - ex[i];
        const r2 = d === 0 ? bb / aa : d < -550 ? 0 : d > 550 ? Infinity : ldexp(bb / aa, 2 * d);
        let c = 1,
          s: number,
          sx: number,
          sy: number,
          ai = aa,
          aj = bb;
        if (r2 <= unit) {
          sx = 0;
          sy = -ab / aa;
          s = ldexp(sy, d);
          aj = bb + sy * ab;
        } else if (r2 * unit >= 1) {
          sx = ab / bb;
          sy = 0;
          s = ldexp(sx, -d);
          ai = aa - sx * ab;
        } else {
          const same = d === 0; // columns of one scale: every ldexp below is the identity
          const abi = same ? ab : ldexp(ab, d);
          const t = jacobiTangent(((same ? bb : ldexp(bb, 2 * d)) - aa) / (2 * abi));
          c = 1 / Math.sqrt(1 + t * t);
          s = t * c;
          sx = same ? s : ldexp(s, d);
          sy = same ? s : ldexp(s, -d);
          ai = aa - t * abi;
          aj = bb + t * (same ? ab : ldexp(ab, -d));
        }
        if (j + 1 < n) {
          next = rotDot(w, wi, j * m, (j + 1) * m, m, c, sx, sy);
          haveNext = true;
        } else {
          rot(w, wi, j * m, m, 1, c, sx, sy);
        }
        if (v) {
          const cv = c === 1 ? 1 / Math.sqrt(1 + s * s) : c;
          const sv = c === 1 ? s * cv : s;
          rot(v, i * n, j * n, n, 1, cv, sv, sv);
        }
        nrm[i] = updatedNorm(w, m, i, ai, aa, tolExp, ex, mark);
        if (nrm[i] !== ai) haveNext = false;
        nrm[j] = updatedNorm(w, m, j, aj, bb, tolExp, ex, mark);
        rotations++;
      }
    }
    total += rotations;
    if (rotations === 0) return { converged: true, sweeps: sweep, offMax, rotations: total };
  }
  return { converged: false, sweeps: maxSweeps, offMax, rotations: total };
}
