/**
 * Singular values, and optionally vectors, of an n×n upper bidiagonal B = bidiag(d, e) by
 * implicit QR with Demmel–Kahan's zero shift (LAPACK dbdsqr). The matrix splits where an e_k is
 * negligible; on each unreduced block B(ll..m) the bulge is chased from the end with the larger
 * |d| towards the smaller (the shift then converges at the small end), either with the shift
 * σmin of the trailing 2×2 (sv2) or, when that shift would spoil the relative accuracy of the
 * smallest singular value, with a zero shift, whose sweep forms every entry without
 * subtraction. 2×2 blocks are solved directly (svd2). The left rotations of each sweep are
 * queued for U, the right ones for V (tridiag/rotseq.ts, one queue each), applied to columns.
 *
 * Stopping rule, with tol = max(10, min(100, u^(−1/8)))·u (u: unit roundoff of the data's type):
 *   e_k ← 0 when |e_k| ≤ thresh = max(tol·σ̂/√n, 6·n²·safmin), σ̂ = min_i μ_i of the recurrence
 *   μ_0 = |d_0|, μ_{i+1} = |d_{i+1}|·μ_i/(μ_i + |e_i|) (1/σ̂ is a 1- or ∞-norm of B⁻¹, so
 *   σ̂/√n ≤ σ_min);
 *   and within a block, chasing down: e_{m−1} ← 0 when |e_{m−1}| ≤ tol·|d_m|, and e_k ← 0 when
 *   |e_k| ≤ tol·μ_k with μ run forward from |d_ll| (chasing up: the mirror image, μ run backward
 *   from |d_m|). The zero shift is used when n·tol·μ_min / max(|d|, |e| of the block) ≤
 *   max(u, tol/100), or when the shift s satisfies (s/|d at the far end|)² < u. At most
 *   `maxIter` sweeps (chases) in all; then the call reports non-convergence with the largest
 *   remaining |e_k| relative to max|d|.
 * Accuracy: every singular value of B, also the tiny ones, to relative error O(n·tol) (in
 * practice within 1.5·n·u, measured in test/bidiag-qr.test.ts; Demmel & Kahan: a zero-shift
 * sweep and each split perturb every σ by a small relative amount, and the shift is only used
 * where it cannot spoil the smallest σ); U and V stay orthogonal to O(n·u), and
 * U·diag(σ)·Vᵀ = B + O(n·u·‖B‖).
 * References: J. Demmel and W. Kahan, "Accurate singular values of bidiagonal matrices", SIAM
 * J. Sci. Stat. Comput. 11 (1990) 873–912; LAPACK dbdsqr (with dlas2, dlasv2, dlartg, dlasr).
 * d, e and the rotations are f64 also for f32 data; U and V are in the element type.
 * Mirror of `src/backend/js/bidiag-qr.ts`.
 */
import { writeStatus } from '../jacobi/rotation';
import { gC, givens, gR, gS, sign } from '../kernels/givens';
import { at } from '../kernels/address';
import { queueC, queueFlush, queueInit, queuePush, queueReserve, queueS, rotQueueScratch } from '../tridiag/rotseq';
import { cL, cR, sL, sMax, sMin, sR, sv2, svd2 } from './svd2';

const SAFMIN: f64 = 2.2250738585072014e-308;
/** dbdsqr's MAXITR: the split threshold never falls below THRESH_FLOOR·n²·safmin. */
const THRESH_FLOOR: f64 = 6;

@inline function ld(p: usize, i: usize): f64 {
  return load<f64>(p + (i << 3));
}

@inline function st(p: usize, i: usize, x: f64): void {
  store<f64>(p + (i << 3), x);
}

/** tol = max(10, min(100, u^(−1/8)))·u; the eighth root by three square roots (exact in both backends). */
@inline function relativeTolerance(eps: f64): f64 {
  return Math.max(10, Math.min(100, 1 / Math.sqrt(Math.sqrt(Math.sqrt(eps))))) * eps;
}

/** thresh = max(tol·σ̂/√n, 6·n²·safmin), σ̂ the μ recurrence's estimate of σ_min (see the header). */
function splitThreshold(n: usize, d: usize, e: usize, tol: f64): f64 {
  let smin = Math.abs(ld(d, 0));
  if (smin != 0) {
    let mu = smin;
    for (let i: usize = 1; i < n; i++) {
      mu = Math.abs(ld(d, i)) * (mu / (mu + Math.abs(ld(e, i - 1))));
      smin = Math.min(smin, mu);
      if (smin == 0) break;
    }
  }
  const nf = <f64>n;
  return Math.max(tol * (smin / Math.sqrt(nf)), THRESH_FLOOR * (nf * (nf * SAFMIN)));
}

/** Where the sweep being built writes its rotations: left ones go to U's queue, right ones to V's. */
let cu: usize = 0, su: usize = 0, cv: usize = 0, sv: usize = 0;

/** Zero-shift sweep on B(ll..m), top to bottom (Demmel–Kahan: no subtraction anywhere). */
function zeroShiftDown(d: usize, e: usize, ll: usize, m: usize, thresh: f64): void {
  let cs: f64 = 1, oldcs: f64 = 1, oldsn: f64 = 0;
  for (let i = ll; i < m; i++) {
    givens(ld(d, i) * cs, ld(e, i));
    cs = gC;
    const sn = gS, r = gR;
    if (i > ll) st(e, i - 1, oldsn * r);
    givens(oldcs * r, ld(d, i + 1) * sn);
    oldcs = gC;
    oldsn = gS;
    st(d, i, gR);
    const j = (i - ll) << 3;
    store<f64>(cv + j, cs);
    store<f64>(sv + j, sn);
    store<f64>(cu + j, oldcs);
    store<f64>(su + j, oldsn);
  }
  const h = ld(d, m) * cs;
  st(d, m, h * oldcs);
  st(e, m - 1, h * oldsn);
  if (Math.abs(ld(e, m - 1)) <= thresh) st(e, m - 1, 0);
}

/** Zero-shift sweep on B(ll..m), bottom to top. */
function zeroShiftUp(d: usize, e: usize, ll: usize, m: usize, thresh: f64): void {
  let cs: f64 = 1, oldcs: f64 = 1, oldsn: f64 = 0;
  for (let i = m; i > ll; i--) {
    givens(ld(d, i) * cs, ld(e, i - 1));
    cs = gC;
    const sn = gS, r = gR;
    if (i < m) st(e, i, oldsn * r);
    givens(oldcs * r, ld(d, i - 1) * sn);
    oldcs = gC;
    oldsn = gS;
    st(d, i, gR);
    const j = (i - ll - 1) << 3;
    store<f64>(cu + j, cs);
    store<f64>(su + j, -sn);
    store<f64>(cv + j, oldcs);
    store<f64>(sv + j, -oldsn);
  }
  const h = ld(d, ll) * cs;
  st(d, ll, h * oldcs);
  st(e, ll, h * oldsn);
  if (Math.abs(ld(e, ll)) <= thresh) st(e, ll, 0);
}

/** Shifted sweep on B(ll..m), top to bottom: implicit QR on BᵀB − shift²·I. */
function shiftedDown(d: usize, e: usize, ll: usize, m: usize, shift: f64, thresh: f64): void {
  const dl = ld(d, ll);
  let f = (Math.abs(dl) - shift) * (sign(1, dl) + shift / dl);
  let g = ld(e, ll);
  for (let i = ll; i < m; i++) {
    givens(f, g);
    const cosr = gC, sinr = gS;
    if (i > ll) st(e, i - 1, gR);
    const di = ld(d, i), ei = ld(e, i), dn = ld(d, i + 1);
    f = cosr * di + sinr * ei;
    const ei2 = cosr * ei - sinr * di;
    g = sinr * dn;
    const dn2 = cosr * dn;
    givens(f, g);
    const cosl = gC, sinl = gS;
    st(d, i, gR);
    f = cosl * ei2 + sinl * dn2;
    st(d, i + 1, cosl * dn2 - sinl * ei2);
    st(e, i, ei2);
    if (i + 1 < m) {
      const en = ld(e, i + 1);
      g = sinl * en;
      st(e, i + 1, cosl * en);
    }
    const j = (i - ll) << 3;
    store<f64>(cv + j, cosr);
    store<f64>(sv + j, sinr);
    store<f64>(cu + j, cosl);
    store<f64>(su + j, sinl);
  }
  st(e, m - 1, f);
  if (Math.abs(f) <= thresh) st(e, m - 1, 0);
}

/** Shifted sweep on B(ll..m), bottom to top. */
function shiftedUp(d: usize, e: usize, ll: usize, m: usize, shift: f64, thresh: f64): void {
  const dm = ld(d, m);
  let f = (Math.abs(dm) - shift) * (sign(1, dm) + shift / dm);
  let g = ld(e, m - 1);
  for (let i = m; i > ll; i--) {
    givens(f, g);
    const cosr = gC, sinr = gS;
    if (i < m) st(e, i, gR);
    const di = ld(d, i), ep = ld(e, i - 1), dp = ld(d, i - 1);
    f = cosr * di + sinr * ep;
    const ep2 = cosr * ep - sinr * di;
    g = sinr * dp;
    const dp2 = cosr * dp;
    givens(f, g);
    const cosl = gC, sinl = gS;
    st(d, i, gR);
    f = cosl * ep2 + sinl * dp2;
    st(d, i - 1, cosl * dp2 - sinl * ep2);
    st(e, i - 1, ep2);
    if (i > ll + 1) {
      const epp = ld(e, i - 2);
      g = sinl * epp;
      st(e, i - 2, cosl * epp);
    }
    const j = (i - ll - 1) << 3;
    store<f64>(cu + j, cosr);
    store<f64>(su + j, -sinr);
    store<f64>(cv + j, cosl);
    store<f64>(sv + j, -sinl);
  }
  st(e, ll, f);
  if (Math.abs(f) <= thresh) st(e, ll, 0);
}

/** Bytes of scratch {@link bidiagQR} needs for order n: two rotation queues (U's and V's). */
export function bidiagQRScratch(n: f64): f64 {
  return 2 * rotQueueScratch(n);
}

/**
 * On return d holds the singular values of B, all ≥ 0, in any order (the caller sorts); e is
 * destroyed. B = G_U·diag(d)·G_Vᵀ: when u ≠ 0 its n columns (urows rows, leading dimension ldu)
 * become U·G_U; when v ≠ 0 its n columns (vrows rows, ldv) become V·G_V (a σ made positive
 * negates its column of V). eps: unit roundoff of the data's type. maxIter caps the QR sweeps
 * (each chase over an unreduced block counts one). Writes status (converged 1/0, sweeps,
 * largest remaining |e| relative to the largest |d|) and returns whether it converged.
 */
export function bidiagQR<T>(
  n: usize, d: usize, e: usize, u: usize, ldu: usize, urows: usize, v: usize, ldv: usize, vrows: usize,
  scratch: usize, eps: f64, maxIter: i32, status: usize,
): bool {
  // Both queues always exist: a matrix that is not wanted still receives its rotations in
  // the queue's slots (never pushed), so the sweeps store without a branch.
  const qu = scratch, qv = scratch + <usize>rotQueueScratch(<f64>n);
  queueInit(qu, n);
  queueInit(qv, n);
  const tol = relativeTolerance(eps), nf = <f64>n;
  const thresh = n > 0 ? splitThreshold(n, d, e, tol) : 0;
  const zeroShiftBelow = Math.max(eps, 0.01 * tol);
  let sweeps: i32 = 0, ok = true;
  let oldll: isize = -1, oldm: isize = -1, down = true;
  // Every pass either sweeps, or splits off a block, or zeroes a nonzero e_k: at most
  // maxIter + 2n + 2 passes.
  const maxPasses = <f64>maxIter + 2 * nf + 2;
  let passes: f64 = 0;
  let m = <isize>n - 1;
  while (m > 0) {
    if (++passes > maxPasses) {
      ok = false;
      break;
    }
    // The unreduced block B(ll..m): scan up from m for a negligible e.
    let smax = Math.abs(ld(d, m));
    let ll: isize = 0;
    for (let k = m - 1; k >= 0; k--) {
      const abss = Math.abs(ld(d, k)), abse = Math.abs(ld(e, k));
      if (abse <= thresh || abse == 0) {
        ll = k + 1;
        break;
      }
      smax = Math.max(smax, Math.max(abss, abse));
    }
    if (ll > 0) {
      st(e, ll - 1, 0);
      if (ll == m) {
        m--; // d_m has converged
        continue;
      }
    }
    const l = <usize>ll, mu_ = <usize>m;
    if (ll == m - 1) {
      // A 2×2 block: its singular values and vectors directly.
      svd2(ld(d, l), ld(e, l), ld(d, mu_));
      st(d, l, sMax);
      st(e, l, 0);
      st(d, mu_, sMin);
      if (u) {
        queueReserve<T>(qu, 1, urows, u, ldu);
        store<f64>(queueC(qu, 0), cL);
        store<f64>(queueS(qu, 0), sL);
        queuePush(qu, l, 1, false);
      }
      if (v) {
        queueReserve<T>(qv, 1, vrows, v, ldv);
        store<f64>(queueC(qv, 0), cR);
        store<f64>(queueS(qv, 0), sR);
        queuePush(qv, l, 1, false);
      }
      m -= 2;
      continue;
    }
    // A new block: chase from its larger end towards the smaller.
    if (ll > oldm || m < oldll) down = Math.abs(ld(d, l)) >= Math.abs(ld(d, mu_));
    // Convergence tests at the small end, then the μ recurrence along the block.
    let smin: f64, split = false;
    if (down) {
      if (Math.abs(ld(e, mu_ - 1)) <= tol * Math.abs(ld(d, mu_))) {
        st(e, mu_ - 1, 0);
        continue;
      }
      let mu = Math.abs(ld(d, l));
      smin = mu;
      for (let k = l; k < mu_; k++) {
        const ak = Math.abs(ld(e, k));
        if (ak <= tol * mu) {
          st(e, k, 0);
          split = true;
          break;
        }
        mu = Math.abs(ld(d, k + 1)) * (mu / (mu + ak));
        smin = Math.min(smin, mu);
      }
    } else {
      if (Math.abs(ld(e, l)) <= tol * Math.abs(ld(d, l))) {
        st(e, l, 0);
        continue;
      }
      let mu = Math.abs(ld(d, mu_));
      smin = mu;
      for (let k = m - 1; k >= ll; k--) {
        const ak = Math.abs(ld(e, <usize>k));
        if (ak <= tol * mu) {
          st(e, <usize>k, 0);
          split = true;
          break;
        }
        mu = Math.abs(ld(d, <usize>k)) * (mu / (mu + ak));
        smin = Math.min(smin, mu);
      }
    }
    if (split) continue;
    oldll = ll;
    oldm = m;
    // The shift: zero when it would spoil the relative accuracy of σ_min, or is negligible.
    let shift: f64 = 0;
    if (!(nf * tol * (smin / smax) <= zeroShiftBelow)) {
      let far: f64;
      if (down) {
        far = Math.abs(ld(d, l));
        sv2(ld(d, mu_ - 1), ld(e, mu_ - 1), ld(d, mu_));
      } else {
        far = Math.abs(ld(d, mu_));
        sv2(ld(d, l), ld(e, l), ld(d, l + 1));
      }
      shift = sMin;
      if (far > 0) {
        const ratio = shift / far;
        if (ratio * ratio < eps) shift = 0;
      }
    }
    if (sweeps == maxIter) {
      ok = false;
      break;
    }
    sweeps++;
    const count = mu_ - l;
    if (u) queueReserve<T>(qu, count, urows, u, ldu);
    if (v) queueReserve<T>(qv, count, vrows, v, ldv);
    cu = queueC(qu, 0);
    su = queueS(qu, 0);
    cv = queueC(qv, 0);
    sv = queueS(qv, 0);
    if (shift == 0) {
      if (down) zeroShiftDown(d, e, l, mu_, thresh);
      else zeroShiftUp(d, e, l, mu_, thresh);
    } else {
      if (down) shiftedDown(d, e, l, mu_, shift, thresh);
      else shiftedUp(d, e, l, mu_, shift, thresh);
    }
    if (u) queuePush(qu, l, count, !down);
    if (v) queuePush(qv, l, count, !down);
  }
  if (u) queueFlush<T>(qu, urows, u, ldu);
  if (v) queueFlush<T>(qv, vrows, v, ldv);
  // Make the values non-negative (and never −0): a negative σ negates its column of V.
  for (let i: usize = 0; i < n; i++) {
    const x = ld(d, i);
    if (x == 0) st(d, i, 0);
    else if (x < 0) {
      st(d, i, -x);
      if (v) {
        const col = at<T>(v, i * ldv);
        for (let r: usize = 0; r < vrows; r++) store<T>(at<T>(col, r), -load<T>(at<T>(col, r)));
      }
    }
  }
  let off: f64 = 0, dmax: f64 = 0;
  for (let i: usize = 0; i + 1 < n; i++) off = Math.max(off, Math.abs(ld(e, i)));
  for (let i: usize = 0; i < n; i++) dmax = Math.max(dmax, ld(d, i));
  if (dmax > 0) off /= dmax;
  writeStatus(status, ok, sweeps, off);
  return ok;
}
