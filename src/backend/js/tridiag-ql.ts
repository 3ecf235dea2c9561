/**
 * Implicit QL/QR with Wilkinson shifts on a symmetric tridiagonal matrix (LAPACK dsteqr), and
 * the rotation-sequence kernel (dlasr). Mirror of `assembly/tridiag/ql.ts` and
 * `assembly/tridiag/rotseq.ts` (full headers there); differs in: the rotations are applied
 * column pair by column pair (the wasm SIMD build walks row strips; every element sees the
 * same operations in the same order), and d, e, c, s live in Float64Arrays. Bitwise equal to
 * the scalar wasm build in float64.
 * @module
 */
import type { FloatArray } from '../../types.js';
import type { JacobiResult } from '../shared.js';
import { gC, givens, gR, gS, hypot1, sign } from './givens.js';

/** Outcome of {@link tridiagQL}: sweeps performed and the largest remaining |e|. */
export type QLResult = Pick<JacobiResult, 'converged' | 'sweeps' | 'offMax'>;

/**
 * Applies rotations (c, s)[o..o+count) to columns 0 … count of the rows-tall column-major block
 * z[zo..] (leading dimension ldz): rotation j acts on x = Z(:, j+1), y = Z(:, j) as
 * (x, y) ← (c·x − s·y, s·x + c·y), for j descending (backward) or ascending (forward).
 */
export function rotateSequence(
  rows: number,
  z: FloatArray,
  zo: number,
  ldz: number,
  cs: Float64Array,
  sn: Float64Array,
  o: number,
  count: number,
  backward: boolean,
): void {
  for (let t = 0; t < count; t++) {
    const j = backward ? count - 1 - t : t;
    const c = cs[o + j],
      s = sn[o + j];
    const py = zo + j * ldz,
      px = py + ldz;
    for (let i = 0; i < rows; i++) {
      const x = z[px + i],
        y = z[py + i];
      z[px + i] = c * x - s * y;
      z[py + i] = s * x + c * y;
    }
  }
}

const SAFMIN = 2.2250738585072014e-308;

/** Results of eig2(): the unit eigenvector (eC, eS) of rt1, and the eigenvalues rt1, rt2. */
let eC = 0,
  eS = 0;
let rt1 = 0,
  rt2 = 0;

/**
 * Eigen-decomposition of [a b; b c] (LAPACK dlaev2): rt1 ≥ rt2 in absolute value, and (eC, eS)
 * the unit eigenvector of rt1, so [c s; −s c]·[a b; b c]·[c −s; s c] = diag(rt1, rt2).
 */
function eig2(a: number, b: number, c: number): void {
  const sm = a + c,
    df = a - c,
    adf = Math.abs(df),
    tb = b + b,
    ab = Math.abs(tb);
  let acmx = a,
    acmn = c;
  if (Math.abs(a) <= Math.abs(c)) {
    acmx = c;
    acmn = a;
  }
  let rt: number;
  if (adf > ab) rt = adf * hypot1(ab / adf);
  else if (adf < ab) rt = ab * hypot1(adf / ab);
  else rt = ab * Math.SQRT2;
  let sgn1: number;
  if (sm < 0) {
    rt1 = 0.5 * (sm - rt);
    sgn1 = -1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b; // the smaller one without cancellation
  } else if (sm > 0) {
    rt1 = 0.5 * (sm + rt);
    sgn1 = 1;
    rt2 = (acmx / rt1) * acmn - (b / rt1) * b;
  } else {
    rt1 = 0.5 * rt;
    rt2 = -0.5 * rt;
    sgn1 = 1;
  }
  let cs: number, sgn2: number;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: number, sn1: number;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / hypot1(ct);
    cs1 = ct * sn1;
  } else if (ab === 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / hypot1(tn);
    sn1 = tn * cs1;
  }
  if (sgn1 === sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  eC = cs1;
  eS = sn1;
}

/**
 * Diagonalises the symmetric tridiagonal (d[0..n), e[0..n−1)), f64, in place: d receives the
 * eigenvalues (unordered). When z ≠ 0, the rotations are accumulated into the n columns of the
 * rows×n column-major z (leading dimension rows): pass Q from the reduction to get the
 * eigenvectors of A. `work` holds tridiagQLScratch(n) bytes. Writes the outcome to `status`
 * (converged, sweeps, largest remaining |e|) and returns whether it converged.
 */
export function tridiagQL(
  n: number,
  d: Float64Array,
  e: Float64Array,
  z: FloatArray | null,
  rows: number,
  eps: number,
  maxIter: number,
): QLResult {
  const cw = new Float64Array(n),
    sw = new Float64Array(n);
  const eps2 = eps * eps;
  let jtot = 0;
  let l1 = 0;
  while (l1 < n) {
    if (l1 > 0) e[l1 - 1] = 0;
    // Find the end m of the unreduced block starting at l1.
    let m = l1;
    for (; m + 1 < n; m++) {
      const tst = Math.abs(e[m]);
      if (tst === 0) break;
      if (tst <= Math.sqrt(Math.abs(d[m])) * Math.sqrt(Math.abs(d[m + 1])) * eps) {
        e[m] = 0;
        break;
      }
    }
    let l = l1;
    const lsv = l,
      lendsv = m;
    let lend = m;
    l1 = m + 1;
    if (lend === l) continue;
    // QL when the top is smaller (the shift then converges at the top), QR otherwise.
    if (Math.abs(d[lend]) < Math.abs(d[l])) {
      lend = lsv;
      l = lendsv;
    }
    if (lend > l) {
      // QL iteration: eigenvalues found at the top, l moves down.
      while (true) {
        let mm = l;
        for (; mm < lend; mm++) {
          const t = Math.abs(e[mm]);
          if (t * t <= eps2 * Math.abs(d[mm]) * Math.abs(d[mm + 1]) + SAFMIN) break;
        }
        if (mm < lend) e[mm] = 0;
        let p = d[l];
        if (mm === l) {
          // d_l is an eigenvalue.
          d[l] = p;
          l++;
          if (l <= lend) continue;
          break;
        }
        if (mm === l + 1) {
          // A 2×2 block: solve it directly.
          eig2(d[l], e[l], d[l + 1]);
          if (z) {
            cw[l] = eC;
            sw[l] = eS;
            rotateSequence(rows, z, l * rows, rows, cw, sw, l, 1, true);
          }
          d[l] = rt1;
          d[l + 1] = rt2;
          e[l] = 0;
          l += 2;
          if (l <= lend) continue;
          break;
        }
        if (jtot === maxIter) break;
        jtot++;
        // Wilkinson shift from the top 2×2, then chase the bulge from mm up to l.
        let g = (d[l + 1] - p) / (2 * e[l]);
        let r = hypot1(g);
        g = d[mm] - p + e[l] / (g + sign(r, g));
        let s = 1,
          c = 1;
        p = 0;
        for (let i = mm - 1; i >= l; i--) {
          const f = s * e[i],
            b = c * e[i];
          givens(g, f);
          c = gC;
          s = gS;
          if (i !== mm - 1) e[i + 1] = gR;
          g = d[i + 1] - p;
          r = (d[i] - g) * s + 2 * c * b;
          p = s * r;
          d[i + 1] = g + p;
          g = c * r - b;
          cw[i] = c;
          sw[i] = -s;
        }
        if (z) rotateSequence(rows, z, l * rows, rows, cw, sw, l, mm - l, true);
        d[l] = d[l] - p;
        e[l] = g;
      }
    } else {
      // QR iteration: eigenvalues found at the bottom, l moves up.
      while (true) {
        let mm = l;
        for (; mm > lend; mm--) {
          const t = Math.abs(e[mm - 1]);
          if (t * t <= eps2 * Math.abs(d[mm]) * Math.abs(d[mm - 1]) + SAFMIN) break;
        }
        if (mm > lend) e[mm - 1] = 0;
        let p = d[l];
        if (mm === l) {
          d[l] = p;
          if (l === lend) break;
          l--;
          continue;
        }
        if (mm === l - 1) {
          eig2(d[l - 1], e[l - 1], d[l]);
          if (z) {
            cw[mm] = eC;
            sw[mm] = eS;
            rotateSequence(rows, z, (l - 1) * rows, rows, cw, sw, mm, 1, false);
          }
          d[l - 1] = rt1;
          d[l] = rt2;
          e[l - 1] = 0;
          if (l < lend + 2) break;
          l -= 2;
          continue;
        }
        if (jtot === maxIter) break;
        jtot++;
        let g = (d[l - 1] - p) / (2 * e[l - 1]);
        let r = hypot1(g);
        g = d[mm] - p + e[l - 1] / (g + sign(r, g));
        let s = 1,
          c = 1;
        p = 0;
        for (let i = mm; i < l; i++) {
          const f = s * e[i],
            b = c * e[i];
          givens(g, f);
          c = gC;
          s = gS;
          if (i !== mm) e[i - 1] = gR;
          g = d[i] - p;
          r = (d[i + 1] - g) * s + 2 * c * b;
          p = s * r;
          d[i] = g + p;
          g = c * r - b;
          cw[i] = c;
          sw[i] = s;
        }
        if (z) rotateSequence(rows, z, mm * rows, rows, cw, sw, mm, l - mm, false);
        d[l] = d[l] - p;
        e[l - 1] = g;
      }
    }
    if (jtot === maxIter) break;
  }
  // Converged when no off-diagonal is left.
  let off = 0;
  for (let i = 0; i + 1 < n; i++) off = Math.max(off, Math.abs(e[i]));
  return { converged: off === 0 || jtot < maxIter, sweeps: jtot, offMax: off };
}
