/**
 * Householder reduction of a symmetric matrix to tridiagonal form, QᵀAQ = T (LAPACK dsytrd with
 * dlatrd panels, lower triangle). Step i builds H_i = I − τ_i·v_i·v_iᵀ that zeroes A(i+2:n, i);
 * the update A22 ← H_i·A22·H_i = A22 − v·wᵀ − w·vᵀ, w = y − ½τ(yᵀv)·v, y = τ·A22·v, is deferred
 * over a panel of NB steps: each panel column is brought up to date from the panel's earlier
 * v's and w's just before its reflector is built, y is the symmetric product with the trailing
 * matrix as it was at the panel's start minus the panel's corrections (V·(Wᵀv) + W·(Vᵀv)), and
 * the trailing matrix takes the whole rank-2·NB update A22 ← A22 − V·Wᵀ − W·Vᵀ at the panel's
 * end as one matrix product on the wasm gemm kernel (dsyr2k). So the trailing matrix is read once
 * per step (the symmetric product, memory-bound) and updated once per panel, instead of read
 * twice and written once per step.
 * Q = H_0·H_1·…·H_{n−2}; v_i is stored in A(i+1:n, i) with v_i(0) = 1 written in place.
 * No iteration, so no stopping rule. A tail with ‖x‖² < tinySq (negligible beside the scaled
 * ‖A‖ ≥ 1) is dropped: H = I, and the column below the subdiagonal is zeroed.
 * Accuracy: backward stable, T = Qᵀ(A + E)Q with ‖E‖ ≤ c·n²·u·‖A‖ (Higham, ASNA §19.3),
 * Q orthogonal to working precision.
 * Reference: LAPACK dsytrd / dlatrd / dsymv / dsyr2k; Golub & Van Loan 4th ed., §8.3.1.
 * The diagonal d and off-diagonal e are returned in f64 (the tridiagonal solver works in f64);
 * the products run in the element type (SIMD). Mirror of `src/backend/js/tridiag-reduce.ts`:
 * the scalar build sums each dot and each product entry in f64 (T for f32 products) in index
 * order, as the mirror does.
 */
import { nrm2 } from '../kernels/dot';
import { gemmScratchBytes, macStrided } from '../kernels/gemm';
import { align16, at } from '../kernels/address';
import { hsum } from '../kernels/lanes';

/**
 * y[0..len) = tau·A22·v for the symmetric A22 (lower triangle, leading dimension lda, starting
 * at a22) and v[0..len). One pass per column j: y(j+1:) += τv_j·A(j+1:, j) and
 * y_j += τ(A_jj·v_j + A(j+1:, j)ᵀv(j+1:)), fused so each column is read once (LAPACK dsymv).
 * The SIMD build takes two columns per pass, so y is loaded and stored once for both: this
 * product is memory-bound, and y's traffic is half of it.
 */
function symvLower<T>(len: usize, a22: usize, lda: usize, v: usize, y: usize, tau: f64): void {
  memory.fill(y, 0, len << alignof<T>());
  let j: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    for (; j + 1 < len; j += 2) {
      const ca = at<T>(a22, j * lda), cb = at<T>(a22, (j + 1) * lda);
      const ta = tau * <f64>load<T>(at<T>(v, j)), tb = tau * <f64>load<T>(at<T>(v, j + 1));
      // Row j+1 of column j, the one entry column j+1 does not share.
      const x1 = <f64>load<T>(at<T>(ca, j + 1));
      let sa: f64 = x1 * <f64>load<T>(at<T>(v, j + 1)), sb: f64 = 0;
      const py1 = at<T>(y, j + 1);
      store<T>(py1, <T>(<f64>load<T>(py1) + ta * x1));
      const va = v128.splat<T>(<T>ta), vb = v128.splat<T>(<T>tb);
      let acca = v128.splat<T>(<T>0), accb = acca;
      let k = j + 2;
      for (; k + L <= len; k += L) {
        const xa = v128.load(at<T>(ca, k)), xb = v128.load(at<T>(cb, k)), vv = v128.load(at<T>(v, k));
        const py = at<T>(y, k);
        v128.store(py, v128.add<T>(v128.load(py), v128.add<T>(v128.mul<T>(va, xa), v128.mul<T>(vb, xb))));
        acca = v128.add<T>(acca, v128.mul<T>(xa, vv));
        accb = v128.add<T>(accb, v128.mul<T>(xb, vv));
      }
      sa += hsum<T>(acca);
      sb += hsum<T>(accb);
      for (; k < len; k++) {
        const xa = <f64>load<T>(at<T>(ca, k)), xb = <f64>load<T>(at<T>(cb, k)), vk = <f64>load<T>(at<T>(v, k));
        const py = at<T>(y, k);
        store<T>(py, <T>(<f64>load<T>(py) + ta * xa + tb * xb));
        sa += xa * vk;
        sb += xb * vk;
      }
      const py0 = at<T>(y, j);
      store<T>(py0, <T>(<f64>load<T>(py0) + ta * <f64>load<T>(at<T>(ca, j)) + tau * sa));
      store<T>(py1, <T>(<f64>load<T>(py1) + tb * <f64>load<T>(at<T>(cb, j + 1)) + tau * sb));
    }
  }
  for (; j < len; j++) {
    const col = at<T>(a22, j * lda);
    const vj = <f64>load<T>(at<T>(v, j));
    const t1 = tau * vj;
    let t2: f64 = 0;
    const t1t = <T>t1;
    for (let k = j + 1; k < len; k++) {
      const x = load<T>(at<T>(col, k));
      const py = at<T>(y, k);
      store<T>(py, load<T>(py) + t1t * x);
      t2 += <f64>x * <f64>load<T>(at<T>(v, k));
    }
    const py = at<T>(y, j);
    store<T>(py, <T>(<f64>load<T>(py) + t1 * <f64>load<T>(at<T>(col, j)) + tau * t2));
  }
}

/** Steps per panel (the depth of the trailing update is 2·NB). */
const NB: usize = 32;
/** Columns of the trailing matrix per product call (rows from the block's diagonal down). */
const CB: usize = 64;

/**
 * Bytes of scratch {@link tridiagonalize} needs: W (n×NB), the packed update operands (2·n×2NB),
 * NB f64, gemm workspace.
 */
export function tridiagScratch<T>(n: f64): f64 {
  const b = <f64>sizeof<T>(), nb = <f64>NB, up = (x: f64): f64 => Math.ceil(x / 16) * 16;
  return up(n * nb * b) + 2 * up(n * 2 * nb * b) + up(nb * 8) + gemmScratchBytes<T>(n, n, 2 * nb);
}

/**
 * y[0..len) −= Σ_{p<c} x_p[0..len)·s_p, x_p at x + p·ld (column by column, as dgemv 'N'): each
 * y_k takes its c subtractions in order of p. Four columns per pass keep y_k in a register
 * across them (one load and store of y per four columns), same operations, same bits.
 */
export function gemvSub<T>(len: usize, c: usize, x: usize, ld: usize, s: usize, y: usize): void {
  let p: usize = 0;
  for (; p + 4 <= c; p += 4) {
    const f0 = <T>load<f64>(s + (p << 3)), f1 = <T>load<f64>(s + ((p + 1) << 3));
    const f2 = <T>load<f64>(s + ((p + 2) << 3)), f3 = <T>load<f64>(s + ((p + 3) << 3));
    const x0 = at<T>(x, p * ld), x1 = at<T>(x, (p + 1) * ld), x2 = at<T>(x, (p + 2) * ld), x3 = at<T>(x, (p + 3) * ld);
    let k: usize = 0;
    if (ASC_FEATURE_SIMD) {
      const L: usize = 16 / sizeof<T>();
      const v0 = v128.splat<T>(f0), v1 = v128.splat<T>(f1), v2 = v128.splat<T>(f2), v3 = v128.splat<T>(f3);
      for (; k + L <= len; k += L) {
        const py = at<T>(y, k);
        let t = v128.sub<T>(v128.load(py), v128.mul<T>(v128.load(at<T>(x0, k)), v0));
        t = v128.sub<T>(t, v128.mul<T>(v128.load(at<T>(x1, k)), v1));
        t = v128.sub<T>(t, v128.mul<T>(v128.load(at<T>(x2, k)), v2));
        v128.store(py, v128.sub<T>(t, v128.mul<T>(v128.load(at<T>(x3, k)), v3)));
      }
    }
    for (; k < len; k++) {
      const py = at<T>(y, k);
      let t: T = load<T>(py) - load<T>(at<T>(x0, k)) * f0;
      t = t - load<T>(at<T>(x1, k)) * f1;
      t = t - load<T>(at<T>(x2, k)) * f2;
      store<T>(py, t - load<T>(at<T>(x3, k)) * f3);
    }
  }
  for (; p < c; p++) {
    const f = <T>load<f64>(s + (p << 3));
    const xp = at<T>(x, p * ld);
    let k: usize = 0;
    if (ASC_FEATURE_SIMD) {
      const L: usize = 16 / sizeof<T>();
      const vf = v128.splat<T>(f);
      for (; k + L <= len; k += L) {
        const py = at<T>(y, k);
        v128.store(py, v128.sub<T>(v128.load(py), v128.mul<T>(v128.load(at<T>(xp, k)), vf)));
      }
    }
    for (; k < len; k++) {
      const py = at<T>(y, k);
      store<T>(py, load<T>(py) - load<T>(at<T>(xp, k)) * f);
    }
  }
}

/** s[p] = x_pᵀ·v over len entries for p < c, x_p at x + p·ld (f64, index order in the scalar build). */
export function gemvT<T>(len: usize, c: usize, x: usize, ld: usize, v: usize, s: usize): void {
  for (let p: usize = 0; p < c; p++) {
    const xp = at<T>(x, p * ld);
    let k: usize = 0, t: f64 = 0;
    if (ASC_FEATURE_SIMD) {
      const L: usize = 16 / sizeof<T>();
      let s0 = v128.splat<T>(<T>0), s1 = s0;
      for (; k + 2 * L <= len; k += 2 * L) {
        s0 = v128.add<T>(s0, v128.mul<T>(v128.load(at<T>(xp, k)), v128.load(at<T>(v, k))));
        s1 = v128.add<T>(s1, v128.mul<T>(v128.load(at<T>(xp, k), 16), v128.load(at<T>(v, k), 16)));
      }
      t = hsum<T>(v128.add<T>(s0, s1));
    }
    for (; k < len; k++) t += <f64>load<T>(at<T>(xp, k)) * <f64>load<T>(at<T>(v, k));
    store<f64>(s + (p << 3), t);
  }
}

/**
 * Reduces the symmetric n×n column-major `a` (lower triangle read; leading dimension n) to
 * tridiagonal form in place: d[0..n) and e[0..n−1) (f64) receive T's diagonal and
 * subdiagonal, tau[0..n−1) (f64) the reflector factors, a's strictly lower part the reflectors
 * (v_i(0) = 1 stored at A(i+1, i)). scratch: tridiagScratch bytes.
 */
export function tridiagonalize<T>(
  n: usize, a: usize, d: usize, e: usize, tau: usize, tinySq: f64, scratch: usize,
): void {
  const w = scratch, xn = w + align16((n * NB) << alignof<T>()), yp = xn + align16((n * 2 * NB) << alignof<T>());
  const tmp = yp + align16((n * 2 * NB) << alignof<T>()), gs = tmp + align16(NB * 8);
  let i0: usize = 0;
  while (i0 + 1 < n) {
    const nb = min<usize>(NB, n - 1 - i0);
    for (let c: usize = 0; c < nb; c++) {
      const i = i0 + c, rows = n - i;
      const col = at<T>(a, i * n + i);
      if (c > 0) {
        // A(i:, i) −= V(i:, 0:c)·W(i, 0:c)ᵀ + W(i:, 0:c)·V(i, 0:c)ᵀ
        for (let p: usize = 0; p < c; p++) store<f64>(tmp + (p << 3), <f64>load<T>(at<T>(w, p * n + i)));
        gemvSub<T>(rows, c, at<T>(a, i0 * n + i), n, tmp, col);
        for (let p: usize = 0; p < c; p++) store<f64>(tmp + (p << 3), <f64>load<T>(at<T>(a, (i0 + p) * n + i)));
        gemvSub<T>(rows, c, at<T>(w, i), n, tmp, col);
      }
      store<f64>(d + (i << 3), <f64>load<T>(col));
      const len = rows - 1; // x = A(i+1:n, i)
      const x = at<T>(col, 1), y = at<T>(w, c * n + i + 1);
      const alpha = <f64>load<T>(x);
      const xnorm = nrm2<T>(at<T>(x, 1), len - 1);
      if (xnorm * xnorm < tinySq) {
        store<f64>(e + (i << 3), alpha);
        store<f64>(tau + (i << 3), 0);
        memory.fill(x, 0, len << alignof<T>());
        memory.fill(y, 0, len << alignof<T>());
        continue;
      }
      // sqrt, not hypot: sqrt is correctly rounded in every engine, hypot is not, and the
      // mirror must match bitwise; xnorm² ≥ tinySq is normal and |α| ≤ ‖A‖ ≤ 2n after scaling.
      const beta = -(alpha >= 0 ? 1.0 : -1.0) * Math.sqrt(alpha * alpha + xnorm * xnorm);
      const t = (beta - alpha) / beta;
      store<f64>(e + (i << 3), beta);
      store<f64>(tau + (i << 3), t);
      const r = <T>(1 / (alpha - beta));
      for (let k: usize = 1; k < len; k++) store<T>(at<T>(x, k), load<T>(at<T>(x, k)) * r);
      store<T>(x, <T>1);
      // y = A22·v with A22 as at the panel's start, then the panel's corrections.
      symvLower<T>(len, at<T>(a, (i + 1) * n + i + 1), n, x, y, 1.0);
      if (c > 0) {
        gemvT<T>(len, c, at<T>(w, i + 1), n, x, tmp);
        gemvSub<T>(len, c, at<T>(a, i0 * n + i + 1), n, tmp, y);
        gemvT<T>(len, c, at<T>(a, i0 * n + i + 1), n, x, tmp);
        gemvSub<T>(len, c, at<T>(w, i + 1), n, tmp, y);
      }
      // w = τy − ½τ(τyᵀv)·v.
      const tt = <T>t;
      for (let k: usize = 0; k < len; k++) store<T>(at<T>(y, k), load<T>(at<T>(y, k)) * tt);
      let yv: f64 = 0;
      for (let k: usize = 0; k < len; k++) yv += <f64>load<T>(at<T>(y, k)) * <f64>load<T>(at<T>(x, k));
      const cc = <T>(-0.5 * t * yv);
      for (let k: usize = 0; k < len; k++) {
        const py = at<T>(y, k);
        store<T>(py, load<T>(py) + cc * load<T>(at<T>(x, k)));
      }
    }
    // Trailing update A(s:, s:) −= V·Wᵀ + W·Vᵀ as C += X·Y with X = −[W V] (m×2nb), Y = [V W]ᵀ.
    const s = i0 + nb, m = n - s, k2 = nb << 1;
    if (m > 0) {
      for (let j: usize = 0; j < m; j++) {
        for (let p: usize = 0; p < nb; p++) {
          const wv = load<T>(at<T>(w, p * n + s + j)), vv = load<T>(at<T>(a, (i0 + p) * n + s + j));
          store<T>(at<T>(xn, j * k2 + p), -wv);
          store<T>(at<T>(xn, j * k2 + nb + p), -vv);
          store<T>(at<T>(yp, p * m + j), vv);
          store<T>(at<T>(yp, (nb + p) * m + j), wv);
        }
      }
      for (let cb: usize = 0; cb < m; cb += CB) {
        macStrided<T>(min<usize>(CB, m - cb), m - cb, k2, at<T>(xn, cb * k2), k2, 1, at<T>(yp, cb), m,
          at<T>(a, (s + cb) * n + s + cb), n, 1, gs, true);
      }
    }
    i0 += nb;
  }
  if (n > 0) store<f64>(d + ((n - 1) << 3), <f64>load<T>(at<T>(a, (n - 1) * n + n - 1)));
}
