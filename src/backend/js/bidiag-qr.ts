/**
 * Mirror of `assembly/bidiag/qr.ts` (full header there): singular values and vectors of an
 * upper bidiagonal matrix by implicit QR with Demmel–Kahan's zero shift (LAPACK dbdsqr).
 * Differs in: each sweep's rotations are applied to U and V at once, column pair by column pair
 * (rotateSequence; the wasm build queues sweeps and walks row strips — every element sees the
 * same operations in the same order), and d, e, c, s live in Float64Arrays. Bitwise equal to
 * the scalar wasm build in float64.
 * @module
 */
import type { FloatArray } from '../../types.js';
import type { JacobiResult } from '../shared.js';
import { cL, cR, sL, sMax, sMin, sR, sv2, svd2 } from './bidiag-svd2.js';
import { gC, givens, gR, gS, sign } from './givens.js';
import { rotateSequence } from './tridiag-ql.js';

const SAFMIN = 2.2250738585072014e-308;
/** dbdsqr's MAXITR: the split threshold never falls below THRESH_FLOOR·n²·safmin. */
const THRESH_FLOOR = 6;

/** tol = max(10, min(100, u^(−1/8)))·u; the eighth root by three square roots (exact in both backends). */
function relativeTolerance(eps: number): number {
  return Math.max(10, Math.min(100, 1 / Math.sqrt(Math.sqrt(Math.sqrt(eps))))) * eps;
}

/** thresh = max(tol·σ̂/√n, 6·n²·safmin), σ̂ the μ recurrence's estimate of σ_min. */
function splitThreshold(n: number, d: Float64Array, e: Float64Array, tol: number): number {
  let smin = Math.abs(d[0]);
  if (smin !== 0) {
    let mu = smin;
    for (let i = 1; i < n; i++) {
      mu = Math.abs(d[i]) * (mu / (mu + Math.abs(e[i - 1])));
      smin = Math.min(smin, mu);
      if (smin === 0) break;
    }
  }
  return Math.max(tol * (smin / Math.sqrt(n)), THRESH_FLOOR * (n * (n * SAFMIN)));
}

/** The rotations of the sweep being built: left ones for U, right ones for V. */
interface Rotations {
  cu: Float64Array;
  su: Float64Array;
  cv: Float64Array;
  sv: Float64Array;
}

/** Zero-shift sweep on B(ll..m), top to bottom. */
function zeroShiftDown(d: Float64Array, e: Float64Array, ll: number, m: number, thresh: number, w: Rotations): void {
  let cs = 1,
    oldcs = 1,
    oldsn = 0;
  for (let i = ll; i < m; i++) {
    givens(d[i] * cs, e[i]);
    cs = gC;
    const sn = gS,
      r = gR;
    if (i > ll) e[i - 1] = oldsn * r;
    givens(oldcs * r, d[i + 1] * sn);
    oldcs = gC;
    oldsn = gS;
    d[i] = gR;
    const j = i - ll;
    w.cv[j] = cs;
    w.sv[j] = sn;
    w.cu[j] = oldcs;
    w.su[j] = oldsn;
  }
  const h = d[m] * cs;
  d[m] = h * oldcs;
  e[m - 1] = h * oldsn;
  if (Math.abs(e[m - 1]) <= thresh) e[m - 1] = 0;
}

/** Zero-shift sweep on B(ll..m), bottom to top. */
function zeroShiftUp(d: Float64Array, e: Float64Array, ll: number, m: number, thresh: number, w: Rotations): void {
  let cs = 1,
    oldcs = 1,
    oldsn = 0;
  for (let i = m; i > ll; i--) {
    givens(d[i] * cs, e[i - 1]);
    cs = gC;
    const sn = gS,
      r = gR;
    if (i < m) e[i] = oldsn * r;
    givens(oldcs * r, d[i - 1] * sn);
    oldcs = gC;
    oldsn = gS;
    d[i] = gR;
    const j = i - ll - 1;
    w.cu[j] = cs;
    w.su[j] = -sn;
    w.cv[j] = oldcs;
    w.sv[j] = -oldsn;
  }
  const h = d[ll] * cs;
  d[ll] = h * oldcs;
  e[ll] = h * oldsn;
  if (Math.abs(e[ll]) <= thresh) e[ll] = 0;
}

/** Shifted sweep on B(ll..m), top to bottom. */
function shiftedDown(
  d: Float64Array,
  e: Float64Array,
  ll: number,
  m: number,
  shift: number,
  thresh: number,
  w: Rotations,
): void {
  const dl = d[ll];
  let f = (Math.abs(dl) - shift) * (sign(1, dl) + shift / dl);
  let g = e[ll];
  for (let i = ll; i < m; i++) {
    givens(f, g);
    const cosr = gC,
      sinr = gS;
    if (i > ll) e[i - 1] = gR;
    const di = d[i],
      ei = e[i],
      dn = d[i + 1];
    f = cosr * di + sinr * ei;
    const ei2 = cosr * ei - sinr * di;
    g = sinr * dn;
    const dn2 = cosr * dn;
    givens(f, g);
    const cosl = gC,
      sinl = gS;
    d[i] = gR;
    f = cosl * ei2 + sinl * dn2;
    d[i + 1] = cosl * dn2 - sinl * ei2;
    e[i] = ei2;
    if (i + 1 < m) {
      const en = e[i + 1];
      g = sinl * en;
      e[i + 1] = cosl * en;
    }
    const j = i - ll;
    w.cv[j] = cosr;
    w.sv[j] = sinr;
    w.cu[j] = cosl;
    w.su[j] = sinl;
  }
  e[m - 1] = f;
  if (Math.abs(f) <= thresh) e[m - 1] = 0;
}

/** Shifted sweep on B(ll..m), bottom to top. */
function shiftedUp(
  d: Float64Array,
  e: Float64Array,
  ll: number,
  m: number,
  shift: number,
  thresh: number,
  w: Rotations,
): void {
  const dm = d[m];
  let f = (Math.abs(dm) - shift) * (sign(1, dm) + shift / dm);
  let g = e[m - 1];
  for (let i = m; i > ll; i--) {
    givens(f, g);
    const cosr = gC,
      sinr = gS;
    if (i < m) e[i] = gR;
    const di = d[i],
      ep = e[i - 1],
      dp = d[i - 1];
    f = cosr * di + sinr * ep;
    const ep2 = cosr * ep - sinr * di;
    g = sinr * dp;
    const dp2 = cosr * dp;
    givens(f, g);
    const cosl = gC,
      sinl = gS;
    d[i] = gR;
    f = cosl * ep2 + sinl * dp2;
    d[i - 1] = cosl * dp2 - sinl * ep2;
    e[i - 1] = ep2;
    if (i > ll + 1) {
      const epp = e[i - 2];
      g = sinl * epp;
      e[i - 2] = cosl * epp;
    }
    const j = i - ll - 1;
    w.cu[j] = cosr;
    w.su[j] = -sinr;
    w.cv[j] = cosl;
    w.sv[j] = -sinl;
  }
  e[ll] = f;
  if (Math.abs(f) <= thresh) e[ll] = 0;
}

/**
 * d ← the singular values of B = bidiag(d, e), all ≥ 0, unsorted; e destroyed. When u (v) is
 * given, its n columns (urows rows, leading dimension ldu) become U·G_U (V·G_V), so that
 * B = G_U·diag(d)·G_Vᵀ. maxIter caps the sweeps; offMax is the largest remaining |e| / max d;
 * rotations counts the plane rotations each of U and V receives (for the bench's flop count).
 */
export function bidiagQR(
  n: number,
  d: Float64Array,
  e: Float64Array,
  u: FloatArray | null,
  ldu: number,
  urows: number,
  v: FloatArray | null,
  ldv: number,
  vrows: number,
  eps: number,
  maxIter: number,
): JacobiResult {
  const len = Math.max(n, 1);
  const w: Rotations = {
    cu: new Float64Array(len),
    su: new Float64Array(len),
    cv: new Float64Array(len),
    sv: new Float64Array(len),
  };
  const tol = relativeTolerance(eps);
  const thresh = n > 0 ? splitThreshold(n, d, e, tol) : 0;
  const zeroShiftBelow = Math.max(eps, 0.01 * tol);
  let sweeps = 0,
    rotations = 0,
    ok = true;
  let oldll = -1,
    oldm = -1,
    down = true;
  const maxPasses = maxIter + 2 * n + 2;
  let passes = 0;
  let m = n - 1;
  while (m > 0) {
    if (++passes > maxPasses) {
      ok = false;
      break;
    }
    let smax = Math.abs(d[m]);
    let ll = 0;
    for (let k = m - 1; k >= 0; k--) {
      const abss = Math.abs(d[k]),
        abse = Math.abs(e[k]);
      if (abse <= thresh || abse === 0) {
        ll = k + 1;
        break;
      }
      smax = Math.max(smax, Math.max(abss, abse));
    }
    if (ll > 0) {
      e[ll - 1] = 0;
      if (ll === m) {
        m--;
        continue;
      }
    }
    if (ll === m - 1) {
      svd2(d[ll], e[ll], d[m]);
      d[ll] = sMax;
      e[ll] = 0;
      d[m] = sMin;
      if (u) {
        w.cu[0] = cL;
        w.su[0] = sL;
        rotateSequence(urows, u, ll * ldu, ldu, w.cu, w.su, 0, 1, false);
      }
      if (v) {
        w.cv[0] = cR;
        w.sv[0] = sR;
        rotateSequence(vrows, v, ll * ldv, ldv, w.cv, w.sv, 0, 1, false);
      }
      rotations++;
      m -= 2;
      continue;
    }
    if (ll > oldm || m < oldll) down = Math.abs(d[ll]) >= Math.abs(d[m]);
    let smin: number,
      split = false;
    if (down) {
      if (Math.abs(e[m - 1]) <= tol * Math.abs(d[m])) {
        e[m - 1] = 0;
        continue;
      }
      let mu = Math.abs(d[ll]);
      smin = mu;
      for (let k = ll; k < m; k++) {
        const ak = Math.abs(e[k]);
        if (ak <= tol * mu) {
          e[k] = 0;
          split = true;
          break;
        }
        mu = Math.abs(d[k + 1]) * (mu / (mu + ak));
        smin = Math.min(smin, mu);
      }
    } else {
      if (Math.abs(e[ll]) <= tol * Math.abs(d[ll])) {
        e[ll] = 0;
        continue;
      }
      let mu = Math.abs(d[m]);
      smin = mu;
      for (let k = m - 1; k >= ll; k--) {
        const ak = Math.abs(e[k]);
        if (ak <= tol * mu) {
          e[k] = 0;
          split = true;
          break;
        }
        mu = Math.abs(d[k]) * (mu / (mu + ak));
        smin = Math.min(smin, mu);
      }
    }
    if (split) continue;
    oldll = ll;
    oldm = m;
    let shift = 0;
    if (!(n * tol * (smin / smax) <= zeroShiftBelow)) {
      let far: number;
      if (down) {
        far = Math.abs(d[ll]);
        sv2(d[m - 1], e[m - 1], d[m]);
      } else {
        far = Math.abs(d[m]);
        sv2(d[ll], e[ll], d[ll + 1]);
      }
      shift = sMin;
      if (far > 0) {
        const ratio = shift / far;
        if (ratio * ratio < eps) shift = 0;
      }
    }
    if (sweeps === maxIter) {
      ok = false;
      break;
    }
    sweeps++;
    if (shift === 0) {
      if (down) zeroShiftDown(d, e, ll, m, thresh, w);
      else zeroShiftUp(d, e, ll, m, thresh, w);
    } else {
      if (down) shiftedDown(d, e, ll, m, shift, thresh, w);
      else shiftedUp(d, e, ll, m, shift, thresh, w);
    }
    const count = m - ll;
    rotations += count;
    if (u) rotateSequence(urows, u, ll * ldu, ldu, w.cu, w.su, 0, count, !down);
    if (v) rotateSequence(vrows, v, ll * ldv, ldv, w.cv, w.sv, 0, count, !down);
  }
  for (let i = 0; i < n; i++) {
    const x = d[i];
    if (x === 0) d[i] = 0;
    else if (x < 0) {
      d[i] = -x;
      if (v) for (let r = 0, o = i * ldv; r < vrows; r++) v[o + r] = -v[o + r];
    }
  }
  let off = 0,
    dmax = 0;
  for (let i = 0; i + 1 < n; i++) off = Math.max(off, Math.abs(e[i]));
  for (let i = 0; i < n; i++) dmax = Math.max(dmax, d[i]);
  if (dmax > 0) off /= dmax;
  return { converged: ok, sweeps, offMax: off, rotations };
}
