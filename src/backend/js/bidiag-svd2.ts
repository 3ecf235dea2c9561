/**
 * Mirror of `assembly/bidiag/svd2.ts` (header there): singular values (LAPACK dlas2) and the
 * singular value decomposition (dlasv2) of a 2×2 upper triangular matrix; differs in nothing.
 * @module
 */
import { sign } from './givens.js';

/** Unit roundoff of f64 (the arithmetic here, whatever the data's type). */
const EPS = 1.1102230246251565e-16;

/** Results of sv2 / svd2: module globals so the callers allocate nothing. */
export let sMin = 0,
  sMax = 0;
export let cL = 1,
  sL = 0,
  cR = 1,
  sR = 0;

/** sMin ≤ sMax, the singular values (≥ 0) of [f g; 0 h] (LAPACK dlas2). */
export function sv2(f: number, g: number, h: number): void {
  const fa = Math.abs(f),
    ga = Math.abs(g),
    ha = Math.abs(h);
  const lo = Math.min(fa, ha),
    hi = Math.max(fa, ha);
  if (lo === 0) {
    sMin = 0;
    if (hi === 0) sMax = ga;
    else {
      const big = Math.max(hi, ga),
        small = Math.min(hi, ga) / big;
      sMax = big * Math.sqrt(1 + small * small);
    }
    return;
  }
  if (ga < hi) {
    const as = 1 + lo / hi,
      at = (hi - lo) / hi,
      gr = ga / hi,
      au = gr * gr;
    const c = 2 / (Math.sqrt(as * as + au) + Math.sqrt(at * at + au));
    sMin = lo * c;
    sMax = hi / c;
    return;
  }
  const au = hi / ga;
  if (au === 0) {
    // hi·lo/ga would lose nothing; h, f are negligible beside g.
    sMin = (lo * hi) / ga;
    sMax = ga;
    return;
  }
  const as = 1 + lo / hi,
    at = (hi - lo) / hi;
  const x = as * au,
    y = at * au;
  const c = 1 / (Math.sqrt(1 + x * x) + Math.sqrt(1 + y * y));
  const t = lo * c * au;
  sMin = t + t;
  sMax = ga / (c + c);
}

/** The signed singular values and both rotations of [f g; 0 h] (LAPACK dlasv2; see the header). */
export function svd2(f: number, g: number, h: number): void {
  let ft = f,
    fa = Math.abs(f),
    ht = h,
    ha = Math.abs(h);
  // pmax: which entry is largest in magnitude (1 = f, 2 = g, 3 = h); work with |ft| ≥ |ht|.
  let pmax = 1;
  const swap = ha > fa;
  if (swap) {
    pmax = 3;
    let t = ft;
    ft = ht;
    ht = t;
    t = fa;
    fa = ha;
    ha = t;
  }
  const gt = g,
    ga = Math.abs(g);
  let clt = 1,
    crt = 1,
    slt = 0,
    srt = 0,
    smin = ha,
    smax = fa;
  if (ga !== 0) {
    let gSmall = true;
    if (ga > fa) {
      pmax = 2;
      if (fa / ga < EPS) {
        // g dominates: the values are g and f·h/g to full accuracy.
        gSmall = false;
        smax = ga;
        smin = ha > 1 ? fa / (ga / ha) : (fa / ga) * ha;
        clt = 1;
        slt = ht / gt;
        srt = 1;
        crt = ft / gt;
      }
    }
    if (gSmall) {
      const dd = fa - ha;
      let l = dd === fa ? 1 : dd / fa; // 0 ≤ l ≤ 1
      const m = gt / ft;
      let t = 2 - l;
      const mm = m * m,
        tt = t * t;
      const s = Math.sqrt(tt + mm);
      const r = l === 0 ? Math.abs(m) : Math.sqrt(l * l + mm);
      const a = 0.5 * (s + r); // 1 ≤ a ≤ 1 + |m|
      smin = ha / a;
      smax = fa * a;
      if (mm === 0) {
        // m is tiny.
        if (l === 0) t = sign(2, ft) * sign(1, gt);
        else t = gt / sign(dd, ft) + m / t;
      } else {
        t = (m / (s + t) + m / (r + l)) * (1 + a);
      }
      l = Math.sqrt(t * t + 4);
      crt = 2 / l;
      srt = t / l;
      clt = (crt + srt * m) / a;
      slt = ((ht / ft) * srt) / a;
    }
  }
  if (swap) {
    cL = srt;
    sL = crt;
    cR = slt;
    sR = clt;
  } else {
    cL = clt;
    sL = slt;
    cR = crt;
    sR = srt;
  }
  // Signs of the values: the product of the signs of the entries of the factorization.
  let tsign: number;
  if (pmax === 1) tsign = sign(1, cR) * sign(1, cL) * sign(1, f);
  else if (pmax === 2) tsign = sign(1, sR) * sign(1, cL) * sign(1, g);
  else tsign = sign(1, sR) * sign(1, sL) * sign(1, h);
  sMax = sign(smax, tsign);
  sMin = sign(smin, tsign * sign(1, f) * sign(1, h));
}
