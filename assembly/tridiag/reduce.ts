/**
 * Householder reduction of a symmetric matrix to tridiagonal form, QᵀAQ = T (LAPACK dsytd2,
 * lower triangle, unblocked). Step i builds H_i = I − τ_i·v_i·v_iᵀ that zeroes A(i+2:n, i),
 * then updates the trailing block A22 ← H_i·A22·H_i as one symmetric product and one rank-2
 * update: y = τ·A22·v, w = y − ½τ(yᵀv)·v, A22 ← A22 − v·wᵀ − w·vᵀ (lower triangle only).
 * Q = H_0·H_1·…·H_{n−2}; v_i is stored in A(i+1:n, i) with v_i(0) = 1 written in place.
 * No iteration, so no stopping rule. A tail with ‖x‖² < tinySq (negligible beside the scaled
 * ‖A‖ ≥ 1) is left alone with H = I.
 * Accuracy: backward stable, T = Qᵀ(A + E)Q with ‖E‖ ≤ c·n²·u·‖A‖ (Higham, ASNA §19.3),
 * Q orthogonal to working precision.
 * Reference: LAPACK dsytd2 / dsymv / dsyr2; Golub & Van Loan 4th ed., §8.3.1.
 * The diagonal d and off-diagonal e are returned in f64 (the tridiagonal solver works in f64);
 * the symmetric product and the rank-2 update run in the element type (SIMD).
 * Mirror of `src/backend/js/tridiag-reduce.ts`: the scalar build accumulates each dot in f64 in
 * index order, as the mirror does.
 */
import { nrm2 } from '../kernels/dot';
import { at, hsum } from '../kernels/simd';

/**
 * y[0..len) = tau·A22·v for the symmetric A22 (lower triangle, leading dimension lda, starting
 * at a22) and v[0..len). One pass per column j: y(j+1:) += τv_j·A(j+1:, j) and
 * y_j += τ(A_jj·v_j + A(j+1:, j)ᵀv(j+1:)), fused so each column is read once (LAPACK dsymv).
 */
function symvLower<T>(len: usize, a22: usize, lda: usize, v: usize, y: usize, tau: f64): void {
  memory.fill(y, 0, len << alignof<T>());
  for (let j: usize = 0; j < len; j++) {
    const col = at<T>(a22, j * lda);
    const vj = <f64>load<T>(at<T>(v, j));
    const t1 = tau * vj;
    let t2: f64 = 0;
    let k = j + 1;
    if (ASC_FEATURE_SIMD) {
      const L: usize = 16 / sizeof<T>();
      const vt1 = v128.splat<T>(<T>t1);
      let acc0 = v128.splat<T>(<T>0), acc1 = acc0;
      for (; k + 2 * L <= len; k += 2 * L) {
        const pa = at<T>(col, k), py = at<T>(y, k), pv = at<T>(v, k);
        const a0 = v128.load(pa), a1 = v128.load(pa, 16);
        v128.store(py, v128.add<T>(v128.load(py), v128.mul<T>(vt1, a0)));
        v128.store(py, v128.add<T>(v128.load(py, 16), v128.mul<T>(vt1, a1)), 16);
        acc0 = v128.add<T>(acc0, v128.mul<T>(a0, v128.load(pv)));
        acc1 = v128.add<T>(acc1, v128.mul<T>(a1, v128.load(pv, 16)));
      }
      t2 = hsum<T>(v128.add<T>(acc0, acc1));
    }
    const t1t = <T>t1;
    for (; k < len; k++) {
      const x = load<T>(at<T>(col, k));
      const py = at<T>(y, k);
      store<T>(py, load<T>(py) + t1t * x);
      t2 += <f64>x * <f64>load<T>(at<T>(v, k));
    }
    const py = at<T>(y, j);
    store<T>(py, <T>(<f64>load<T>(py) + t1 * <f64>load<T>(at<T>(col, j)) + tau * t2));
  }
}

/** A22 ← A22 − v·wᵀ − w·vᵀ on the lower triangle (LAPACK dsyr2 with α = −1). */
function syr2Lower<T>(len: usize, a22: usize, lda: usize, v: usize, w: usize): void {
  for (let j: usize = 0; j < len; j++) {
    const col = at<T>(a22, j * lda);
    const vj = load<T>(at<T>(v, j)), wj = load<T>(at<T>(w, j));
    let k = j;
    if (ASC_FEATURE_SIMD) {
      const L: usize = 16 / sizeof<T>();
      const vv = v128.splat<T>(vj), vw = v128.splat<T>(wj);
      for (; k + L <= len; k += L) {
        const pa = at<T>(col, k);
        const t = v128.add<T>(v128.mul<T>(v128.load(at<T>(v, k)), vw), v128.mul<T>(v128.load(at<T>(w, k)), vv));
        v128.store(pa, v128.sub<T>(v128.load(pa), t));
      }
    }
    for (; k < len; k++) {
      const pa = at<T>(col, k);
      store<T>(pa, load<T>(pa) - (load<T>(at<T>(v, k)) * wj + load<T>(at<T>(w, k)) * vj));
    }
  }
}

/**
 * Reduces the symmetric n×n column-major `a` (lower triangle read; leading dimension n) to
 * tridiagonal form in place: d[0..n) and e[0..n−1) (f64) receive T's diagonal and
 * subdiagonal, tau[0..n−1) (f64) the reflector factors, a's strictly lower part the reflectors
 * (v_i(0) = 1 stored at A(i+1, i)). `w` is T scratch of n elements.
 */
export function tridiagonalize<T>(n: usize, a: usize, d: usize, e: usize, tau: usize, w: usize, tinySq: f64): void {
  for (let i: usize = 0; i + 1 < n; i++) {
    const len = n - i - 1; // length of x = A(i+1:n, i)
    const x = at<T>(a, i * n + i + 1);
    const alpha = <f64>load<T>(x);
    const xnorm = nrm2<T>(at<T>(x, 1), len - 1);
    store<f64>(d + (i << 3), <f64>load<T>(at<T>(a, i * n + i)));
    if (xnorm * xnorm < tinySq) {
      store<f64>(e + (i << 3), alpha);
      store<f64>(tau + (i << 3), 0);
      continue;
    }
    // sqrt, not hypot: sqrt is correctly rounded in every engine, hypot is not, and the mirror
    // must match bitwise;
    // xnorm² ≥ tinySq is normal and |α| ≤ ‖A‖ ≤ 2n after scaling, so nothing over- or underflows.
    const beta = -(alpha >= 0 ? 1.0 : -1.0) * Math.sqrt(alpha * alpha + xnorm * xnorm);
    const t = (beta - alpha) / beta;
    store<f64>(e + (i << 3), beta);
    store<f64>(tau + (i << 3), t);
    const r = <T>(1 / (alpha - beta));
    for (let k: usize = 1; k < len; k++) store<T>(at<T>(x, k), load<T>(at<T>(x, k)) * r);
    store<T>(x, <T>1);
    const a22 = at<T>(a, (i + 1) * n + i + 1);
    symvLower<T>(len, a22, n, x, w, t);
    // w ← y − ½τ(yᵀv)·v, so that H·A22·H = A22 − v·wᵀ − w·vᵀ.
    let yv: f64 = 0;
    for (let k: usize = 0; k < len; k++) yv += <f64>load<T>(at<T>(w, k)) * <f64>load<T>(at<T>(x, k));
    const c = <T>(-0.5 * t * yv);
    for (let k: usize = 0; k < len; k++) {
      const pw = at<T>(w, k);
      store<T>(pw, load<T>(pw) + c * load<T>(at<T>(x, k)));
    }
    syr2Lower<T>(len, a22, n, x, w);
  }
  if (n > 0) store<f64>(d + ((n - 1) << 3), <f64>load<T>(at<T>(a, (n - 1) * n + n - 1)));
}
