/**
 * Eigenvalues (and optionally eigenvectors) of a symmetric tridiagonal matrix by implicit QL
 * or QR with Wilkinson shifts (LAPACK dsteqr): the matrix splits where an off-diagonal is
 * negligible, and each unreduced block is swept by QL (|d_last| ≥ |d_first|) or QR (otherwise),
 * so the shift chases the smaller end; each sweep's rotations are applied to the columns of Z.
 *
 * Stopping rule: e_m is set to zero when e_m² ≤ u²·|d_m·d_{m+1}| + safmin (before a block is
 * started, when |e_m| ≤ u·√|d_m|·√|d_{m+1}|); at most `maxIter` sweeps over the whole matrix,
 * after which the call reports non-convergence with the largest remaining |e_m|.
 * Accuracy: backward stable for T: the computed eigenvalues are exact for T + E with
 * ‖E‖ = O(u·‖T‖) and Z stays orthogonal to O(n·u) (Parlett, The Symmetric Eigenvalue
 * Problem, §8); with Z = Q on entry, Z·diag(d)·Zᵀ = A + O(n·u·‖A‖).
 * Reference: LAPACK dsteqr (with dlaev2, and dlartg from kernels/givens.ts). d, e and the rotations
 * are f64 also for f32 data; Z is in the element type. Mirror of `src/backend/js/tridiag-ql.ts`.
 */
import { writeStatus } from '../jacobi/rotation';
import { gC, givens, gR, gS, hypot1, sign } from '../kernels/givens';
import { queueC, queueFlush, queueInit, queuePush, queueReserve, queueS, rotQueueScratch } from './rotseq';

const SAFMIN: f64 = 2.2250738585072014e-308;

/** Results of eig2(): the unit eigenvector (eC, eS) of rt1, and the eigenvalues rt1, rt2. */
let eC: f64 = 0, eS: f64 = 0;
let rt1: f64 = 0, rt2: f64 = 0;

/**
 * Eigen-decomposition of [a b; b c] (LAPACK dlaev2): rt1 ≥ rt2 in absolute value, and (eC, eS)
 * the unit eigenvector of rt1, so [c s; −s c]·[a b; b c]·[c −s; s c] = diag(rt1, rt2).
 */
function eig2(a: f64, b: f64, c: f64): void {
  const sm = a + c, df = a - c, adf = Math.abs(df), tb = b + b, ab = Math.abs(tb);
  let acmx = a, acmn = c;
  if (Math.abs(a) <= Math.abs(c)) {
    acmx = c;
    acmn = a;
  }
  let rt: f64;
  if (adf > ab) rt = adf * hypot1(ab / adf);
  else if (adf < ab) rt = ab * hypot1(adf / ab);
  else rt = ab * Math.SQRT2;
  let sgn1: i32;
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
  let cs: f64, sgn2: i32;
  if (df >= 0) {
    cs = df + rt;
    sgn2 = 1;
  } else {
    cs = df - rt;
    sgn2 = -1;
  }
  let cs1: f64, sn1: f64;
  if (Math.abs(cs) > ab) {
    const ct = -tb / cs;
    sn1 = 1 / hypot1(ct);
    cs1 = ct * sn1;
  } else if (ab == 0) {
    cs1 = 1;
    sn1 = 0;
  } else {
    const tn = -cs / tb;
    cs1 = 1 / hypot1(tn);
    sn1 = tn * cs1;
  }
  if (sgn1 == sgn2) {
    const tn = cs1;
    cs1 = -sn1;
    sn1 = tn;
  }
  eC = cs1;
  eS = sn1;
}

@inline function ld(p: usize, i: usize): f64 {
  return load<f64>(p + (i << 3));
}

@inline function st(p: usize, i: usize, x: f64): void {
  store<f64>(p + (i << 3), x);
}

/** Bytes of scratch {@link tridiagQL} needs: the queue of deferred sweeps (see rotseq.ts). */
export function tridiagQLScratch(n: f64): f64 {
  return rotQueueScratch(n);
}

/**
 * Diagonalises the symmetric tridiagonal (d[0..n), e[0..n−1)), f64, in place: d receives the
 * eigenvalues (unordered). When z ≠ 0, the rotations are accumulated into the n columns of the
 * rows×n column-major z (leading dimension rows): pass Q from the reduction to get the
 * eigenvectors of A. `work` holds tridiagQLScratch(n) bytes. Writes the outcome to `status`
 * (converged, sweeps, largest remaining |e|) and returns whether it converged.
 */
export function tridiagQL<T>(
  n: usize, d: usize, e: usize, z: usize, rows: usize, work: usize, eps: f64, maxIter: i32, status: usize,
): bool {
  const eps2 = eps * eps;
  if (z) queueInit(work, n);
  let jtot: i32 = 0;
  let l1: usize = 0;
  while (l1 < n) {
    if (l1 > 0) st(e, l1 - 1, 0);
    // Find the end m of the unreduced block starting at l1.
    let m = l1;
    for (; m + 1 < n; m++) {
      const tst = Math.abs(ld(e, m));
      if (tst == 0) break;
      if (tst <= Math.sqrt(Math.abs(ld(d, m))) * Math.sqrt(Math.abs(ld(d, m + 1))) * eps) {
        st(e, m, 0);
        break;
      }
    }
    let l = l1;
    const lsv = l, lendsv = m;
    let lend = m;
    l1 = m + 1;
    if (lend == l) continue;
    // QL when the top is smaller (the shift then converges at the top), QR otherwise.
    if (Math.abs(ld(d, lend)) < Math.abs(ld(d, l))) {
      lend = lsv;
      l = lendsv;
    }
    if (lend > l) {
      // QL iteration: eigenvalues found at the top, l moves down.
      while (true) {
        let mm = l;
        for (; mm < lend; mm++) {
          const t = Math.abs(ld(e, mm));
          if (t * t <= eps2 * Math.abs(ld(d, mm)) * Math.abs(ld(d, mm + 1)) + SAFMIN) break;
        }
        if (mm < lend) st(e, mm, 0);
        let p = ld(d, l);
        if (mm == l) {
          // d_l is an eigenvalue.
          st(d, l, p);
          l++;
          if (l <= lend) continue;
          break;
        }
        if (mm == l + 1) {
          // A 2×2 block: solve it directly.
          eig2(ld(d, l), ld(e, l), ld(d, l + 1));
          if (z) {
            queueReserve<T>(work, 1, rows, z, rows);
            store<f64>(queueC(work, 0), eC);
            store<f64>(queueS(work, 0), eS);
            queuePush(work, l, 1, true);
          }
          st(d, l, rt1);
          st(d, l + 1, rt2);
          st(e, l, 0);
          l += 2;
          if (l <= lend) continue;
          break;
        }
        if (jtot == maxIter) break;
        jtot++;
        // Wilkinson shift from the top 2×2, then chase the bulge from mm up to l.
        let g = (ld(d, l + 1) - p) / (2 * ld(e, l));
        let r = hypot1(g);
        g = ld(d, mm) - p + ld(e, l) / (g + sign(r, g));
        let s: f64 = 1, c: f64 = 1;
        p = 0;
        if (z) queueReserve<T>(work, mm - l, rows, z, rows);
        for (let i = <isize>mm - 1; i >= <isize>l; i--) {
          const ii = <usize>i;
          const f = s * ld(e, ii), b = c * ld(e, ii);
          givens(g, f);
          c = gC;
          s = gS;
          if (ii != mm - 1) st(e, ii + 1, gR);
          g = ld(d, ii + 1) - p;
          r = (ld(d, ii) - g) * s + 2 * c * b;
          p = s * r;
          st(d, ii + 1, g + p);
          g = c * r - b;
          if (z) {
            store<f64>(queueC(work, ii - l), c);
            store<f64>(queueS(work, ii - l), -s);
          }
        }
        if (z) queuePush(work, l, mm - l, true);
        st(d, l, ld(d, l) - p);
        st(e, l, g);
      }
    } else {
      // QR iteration: eigenvalues found at the bottom, l moves up.
      while (true) {
        let mm = l;
        for (; mm > lend; mm--) {
          const t = Math.abs(ld(e, mm - 1));
          if (t * t <= eps2 * Math.abs(ld(d, mm)) * Math.abs(ld(d, mm - 1)) + SAFMIN) break;
        }
        if (mm > lend) st(e, mm - 1, 0);
        let p = ld(d, l);
        if (mm == l) {
          st(d, l, p);
          if (l == lend) break;
          l--;
          continue;
        }
        if (mm == l - 1) {
          eig2(ld(d, l - 1), ld(e, l - 1), ld(d, l));
          if (z) {
            queueReserve<T>(work, 1, rows, z, rows);
            store<f64>(queueC(work, 0), eC);
            store<f64>(queueS(work, 0), eS);
            queuePush(work, l - 1, 1, false);
          }
          st(d, l - 1, rt1);
          st(d, l, rt2);
          st(e, l - 1, 0);
          if (l < lend + 2) break;
          l -= 2;
          continue;
        }
        if (jtot == maxIter) break;
        jtot++;
        let g = (ld(d, l - 1) - p) / (2 * ld(e, l - 1));
        let r = hypot1(g);
        g = ld(d, mm) - p + ld(e, l - 1) / (g + sign(r, g));
        let s: f64 = 1, c: f64 = 1;
        p = 0;
        if (z) queueReserve<T>(work, l - mm, rows, z, rows);
        for (let i = mm; i < l; i++) {
          const f = s * ld(e, i), b = c * ld(e, i);
          givens(g, f);
          c = gC;
          s = gS;
          if (i != mm) st(e, i - 1, gR);
          g = ld(d, i) - p;
          r = (ld(d, i + 1) - g) * s + 2 * c * b;
          p = s * r;
          st(d, i, g + p);
          g = c * r - b;
          if (z) {
            store<f64>(queueC(work, i - mm), c);
            store<f64>(queueS(work, i - mm), s);
          }
        }
        if (z) queuePush(work, mm, l - mm, false);
        st(d, l, ld(d, l) - p);
        st(e, l - 1, g);
      }
    }
    if (jtot == maxIter) break;
  }
  if (z) queueFlush<T>(work, rows, z, rows);
  // Converged when no off-diagonal is left.
  let off: f64 = 0;
  for (let i: usize = 0; i + 1 < n; i++) off = Math.max(off, Math.abs(ld(e, i)));
  const ok = off == 0 || jtot < maxIter;
  writeStatus(status, ok, jtot, off);
  return ok;
}
