/**
 * Householder bidiagonalization of a square matrix, QᵀAP = B upper bidiagonal (LAPACK dgebrd
 * with dlabrd panels, m = n). Step i builds H_i = I − τq_i·v·vᵀ zeroing A(i+1:n, i), then
 * G_i = I − τp_i·u·uᵀ zeroing A(i, i+2:n). The two-sided update of the trailing matrix,
 * A22 ← A22 − v·yᵀ − x·uᵀ with y = τq·A22ᵀ·v and x = τp·A22·u (A22 already hit by H_i), is
 * deferred over a panel of NB steps: each panel column and row is brought up to date from the
 * panel's earlier V, Y, X, U just before its reflector is built, y and x are products with the
 * trailing matrix as it was at the panel's start minus the panel's corrections, and at the
 * panel's end the trailing matrix takes A22 ← A22 − V·Yᵀ − X·Uᵀ as one matrix product (depth
 * 2·NB) on the wasm gemm kernel. Each step reads the trailing columns twice (Aᵀ·v, then A·u;
 * both column-oriented, memory-bound), and each product's pass also covers the panel's rows
 * above (the U rows), so Uᵀ·(Xᵀv), U·u, the update of the row to reduce and its write-back
 * come from the same passes, not from extra strided ones.
 * Layout on return (LAPACK's, upper case): d[i] = B(i, i), e[i] = B(i, i+1) (f64, e[n−1] = 0);
 * the left reflector H_i has v(0) = 1 implicit and v(1:) in A(i+1:n, i); the right reflector
 * G_i has u(0) = 1 implicit (at column i+1) and u(1:) in A(i, i+2:n); the entries at the unit
 * positions hold 1. Q = H_0·…·H_{n−1}, P = G_0·…·G_{n−2}, A = Q·B·Pᵀ.
 * No iteration, so no stopping rule. A tail with ‖x‖² < tinySq (negligible beside the scaled
 * ‖A‖ ≥ 1) is dropped: τ = 0, the tail is zeroed (the same rule as the tridiagonal reduction).
 * Accuracy: backward stable, B = Qᵀ(A + E)P with ‖E‖_F ≤ c·n²·u·‖A‖_F, Q and P orthogonal to
 * working precision (Higham, ASNA §19.3 for products of Householder matrices; Golub & Van Loan
 * 4th ed., §5.4.8). Reference: LAPACK dgebrd / dlabrd / dgebd2 (storage), dorgbr (forming).
 * d, e, τ are f64; the products run in the element type T (SIMD). Mirror of
 * `src/backend/js/bidiag-reduce.ts`: the scalar build sums each dot in f64 and each product
 * entry in index order, as the mirror does.
 */
import { nrm2 } from '../kernels/dot';
import { gemmScratchBytes, macStrided } from '../kernels/gemm';
import { align16, at } from '../kernels/address';
import { hsum } from '../kernels/lanes';
import { gemvSub, gemvT } from '../tridiag/reduce';

/** Steps per panel (the depth of the trailing update is 2·NB). */
const NB: usize = 32;

/**
 * Bytes of scratch {@link bidiagonalize} needs for an n×n matrix of element type T: X and Y
 * (n×NB each), the packed update operands (2 · n×2NB), three length-n vectors, 2·NB f64 and the
 * gemm workspace, each 16-aligned.
 */
export function bidiagScratch<T>(n: f64): f64 {
  const b = <f64>sizeof<T>(), nb = <f64>NB, up = (x: f64): f64 => Math.ceil(x / 16) * 16;
  const panels = 2 * up(n * nb * b) + 2 * up(n * 2 * nb * b);
  return panels + 3 * up(n * b) + 2 * up(nb * 8) + gemmScratchBytes<T>(n, n, 2 * nb);
}

/** g = A(c, j) − Σ_{p<c} A(p, j)·xi[p] for the column at cj (f64 in index order; xi: c f64). */
@inline function gather<T>(cj: usize, c: usize, xi: usize, g: usize): void {
  let s = <f64>load<T>(at<T>(cj, c));
  for (let p: usize = 0; p < c; p++) s -= <f64>load<T>(at<T>(cj, p)) * load<f64>(xi + (p << 3));
  store<T>(g, <T>s);
}

/** {@link gather} for four columns at once: four independent sums hide the add latency. */
@inline function gather4<T>(c0: usize, c1: usize, c2: usize, c3: usize, c: usize, xi: usize, g: usize): void {
  let s0 = <f64>load<T>(at<T>(c0, c)), s1 = <f64>load<T>(at<T>(c1, c));
  let s2 = <f64>load<T>(at<T>(c2, c)), s3 = <f64>load<T>(at<T>(c3, c));
  for (let p: usize = 0; p < c; p++) {
    const x = load<f64>(xi + (p << 3));
    s0 -= <f64>load<T>(at<T>(c0, p)) * x;
    s1 -= <f64>load<T>(at<T>(c1, p)) * x;
    s2 -= <f64>load<T>(at<T>(c2, p)) * x;
    s3 -= <f64>load<T>(at<T>(c3, p)) * x;
  }
  store<T>(g, <T>s0);
  store<T>(at<T>(g, 1), <T>s1);
  store<T>(at<T>(g, 2), <T>s2);
  store<T>(at<T>(g, 3), <T>s3);
}

/**
 * y[j] = Σ_k A(k, j)·w[k] for j < cols, k < rows; column j at a + j·lda (Aᵀ·w, dgemv 'T',
 * each column read once), and beside it g[j] = A(c, j) − Σ_{p<c} A(p, j)·xi[p] (the row to
 * reduce next, brought up to date from the rows above it while its cache lines are loaded).
 * Scalar: f64 in index order. SIMD: four columns per pass share w's loads.
 */
function colDots<T>(
  rows: usize, cols: usize, a: usize, lda: usize, w: usize, y: usize, c: usize, xi: usize, g: usize,
): void {
  let j: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    for (; j + 4 <= cols; j += 4) {
      const c0 = at<T>(a, j * lda), c1 = at<T>(a, (j + 1) * lda);
      const c2 = at<T>(a, (j + 2) * lda), c3 = at<T>(a, (j + 3) * lda);
      gather4<T>(c0, c1, c2, c3, c, xi, at<T>(g, j));
      let s0 = v128.splat<T>(<T>0), s1 = s0, s2 = s0, s3 = s0;
      let k: usize = 0;
      for (; k + L <= rows; k += L) {
        const wv = v128.load(at<T>(w, k));
        s0 = v128.add<T>(s0, v128.mul<T>(v128.load(at<T>(c0, k)), wv));
        s1 = v128.add<T>(s1, v128.mul<T>(v128.load(at<T>(c1, k)), wv));
        s2 = v128.add<T>(s2, v128.mul<T>(v128.load(at<T>(c2, k)), wv));
        s3 = v128.add<T>(s3, v128.mul<T>(v128.load(at<T>(c3, k)), wv));
      }
      let t0 = hsum<T>(s0), t1 = hsum<T>(s1), t2 = hsum<T>(s2), t3 = hsum<T>(s3);
      for (; k < rows; k++) {
        const wk = <f64>load<T>(at<T>(w, k));
        t0 += <f64>load<T>(at<T>(c0, k)) * wk;
        t1 += <f64>load<T>(at<T>(c1, k)) * wk;
        t2 += <f64>load<T>(at<T>(c2, k)) * wk;
        t3 += <f64>load<T>(at<T>(c3, k)) * wk;
      }
      store<T>(at<T>(y, j), <T>t0);
      store<T>(at<T>(y, j + 1), <T>t1);
      store<T>(at<T>(y, j + 2), <T>t2);
      store<T>(at<T>(y, j + 3), <T>t3);
    }
  }
  for (; j < cols; j++) {
    const cj = at<T>(a, j * lda);
    gather<T>(cj, c, xi, at<T>(g, j));
    let t: f64 = 0;
    let k: usize = 0;
    if (ASC_FEATURE_SIMD) {
      const L: usize = 16 / sizeof<T>();
      let s0 = v128.splat<T>(<T>0);
      for (; k + L <= rows; k += L) s0 = v128.add<T>(s0, v128.mul<T>(v128.load(at<T>(cj, k)), v128.load(at<T>(w, k))));
      t = hsum<T>(s0);
    }
    for (; k < rows; k++) t += <f64>load<T>(at<T>(cj, k)) * <f64>load<T>(at<T>(w, k));
    store<T>(at<T>(y, j), <T>t);
  }
}

/**
 * z[k] = Σ_j u[j]·A(k, j) for k < rows, j < cols; column j at a + j·lda (A·u, dgemv 'N' in axpy
 * form, each column read once), after storing u[j] into A(c, j) (the reduced row written back
 * while its cache line is loaded; z[c] is then meaningless). Scalar: column by column in T.
 * SIMD: four columns per pass, so z is loaded and stored once for four columns.
 */
function colAxpy<T>(rows: usize, cols: usize, a: usize, lda: usize, u: usize, z: usize, c: usize): void {
  memory.fill(z, 0, rows << alignof<T>());
  let j: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    for (; j + 4 <= cols; j += 4) {
      const c0 = at<T>(a, j * lda), c1 = at<T>(a, (j + 1) * lda);
      const c2 = at<T>(a, (j + 2) * lda), c3 = at<T>(a, (j + 3) * lda);
      store<T>(at<T>(c0, c), load<T>(at<T>(u, j)));
      store<T>(at<T>(c1, c), load<T>(at<T>(u, j + 1)));
      store<T>(at<T>(c2, c), load<T>(at<T>(u, j + 2)));
      store<T>(at<T>(c3, c), load<T>(at<T>(u, j + 3)));
      const f0 = load<T>(at<T>(u, j)), f1 = load<T>(at<T>(u, j + 1));
      const f2 = load<T>(at<T>(u, j + 2)), f3 = load<T>(at<T>(u, j + 3));
      const v0 = v128.splat<T>(f0), v1 = v128.splat<T>(f1), v2 = v128.splat<T>(f2), v3 = v128.splat<T>(f3);
      let k: usize = 0;
      for (; k + L <= rows; k += L) {
        const pz = at<T>(z, k);
        const s01 = v128.add<T>(v128.mul<T>(v0, v128.load(at<T>(c0, k))), v128.mul<T>(v1, v128.load(at<T>(c1, k))));
        const s23 = v128.add<T>(v128.mul<T>(v2, v128.load(at<T>(c2, k))), v128.mul<T>(v3, v128.load(at<T>(c3, k))));
        v128.store(pz, v128.add<T>(v128.load(pz), v128.add<T>(s01, s23)));
      }
      for (; k < rows; k++) {
        const pz = at<T>(z, k);
        store<T>(pz, load<T>(pz) + ((f0 * load<T>(at<T>(c0, k)) + f1 * load<T>(at<T>(c1, k))) +
          (f2 * load<T>(at<T>(c2, k)) + f3 * load<T>(at<T>(c3, k)))));
      }
    }
  }
  for (; j < cols; j++) {
    const cj = at<T>(a, j * lda), f = load<T>(at<T>(u, j));
    store<T>(at<T>(cj, c), f);
    let k: usize = 0;
    if (ASC_FEATURE_SIMD) {
      const L: usize = 16 / sizeof<T>();
      const vf = v128.splat<T>(f);
      for (; k + L <= rows; k += L) {
        const pz = at<T>(z, k);
        v128.store(pz, v128.add<T>(v128.load(pz), v128.mul<T>(vf, v128.load(at<T>(cj, k)))));
      }
    }
    for (; k < rows; k++) {
      const pz = at<T>(z, k);
      store<T>(pz, load<T>(pz) + f * load<T>(at<T>(cj, k)));
    }
  }
}

/** x[0..len) ← t·x. */
function scaleVec<T>(len: usize, x: usize, t: f64): void {
  const tt = <T>t;
  for (let k: usize = 0; k < len; k++) store<T>(at<T>(x, k), load<T>(at<T>(x, k)) * tt);
}

/**
 * Householder reflector for x[0..len) (LAPACK dlarfg): x ← (1, v(1:)) with I − τvvᵀ mapping x
 * to β·e_0; returns β and stores τ at tau. A tail with ‖x(1:)‖² < tinySq is zeroed, τ = 0, β = x(0).
 */
function reflector<T>(len: usize, x: usize, tinySq: f64, tau: usize): f64 {
  const alpha = <f64>load<T>(x);
  const xnorm = nrm2<T>(at<T>(x, 1), len - 1);
  store<T>(x, <T>1);
  if (xnorm * xnorm < tinySq) {
    store<f64>(tau, 0);
    memory.fill(at<T>(x, 1), 0, (len - 1) << alignof<T>());
    return alpha;
  }
  // sqrt, not hypot: sqrt is correctly rounded in every engine, hypot is not, and the mirror
  // must match bitwise; xnorm² ≥ tinySq is normal and |α| ≤ ‖A‖ ≤ 2n after scaling.
  const beta = -(alpha >= 0 ? 1.0 : -1.0) * Math.sqrt(alpha * alpha + xnorm * xnorm);
  store<f64>(tau, (beta - alpha) / beta);
  const r = <T>(1 / (alpha - beta));
  for (let k: usize = 1; k < len; k++) store<T>(at<T>(x, k), load<T>(at<T>(x, k)) * r);
  return beta;
}

/**
 * Reduces the n×n column-major `a` (leading dimension n) to upper bidiagonal form in place; d,
 * e, tauq, taup: n f64 each (layout in the file header). scratch: bidiagScratch bytes.
 */
export function bidiagonalize<T>(
  n: usize, a: usize, d: usize, e: usize, tauq: usize, taup: usize, tinySq: f64, scratch: usize,
): void {
  const bx = align16((n * NB) << alignof<T>()), bk = align16((n * 2 * NB) << alignof<T>());
  const bv = align16(n << alignof<T>());
  const X = scratch, Y = X + bx, xn = Y + bx, yp = xn + bk, wb = yp + bk, zb = wb + bv, ub = zb + bv;
  const t1 = ub + bv, t2 = t1 + align16(NB * 8), gs = t2 + align16(NB * 8);
  for (let i0: usize = 0; i0 < n;) {
    const nb = min<usize>(NB, n - i0);
    const v0 = at<T>(a, i0 * n); // V(r, p) = A(r, i0 + p) at v0 + p·n + r
    for (let c: usize = 0; c < nb; c++) {
      const i = i0 + c, rows = n - i;
      const col = at<T>(a, i * n + i);
      if (c > 0) {
        // A(i:, i) −= V(i:, 0:c)·Y(i, 0:c)ᵀ + X(i:, 0:c)·U(0:c, i), U(p, j) = A(i0 + p, j).
        for (let p: usize = 0; p < c; p++) store<f64>(t1 + (p << 3), <f64>load<T>(at<T>(Y, p * n + i)));
        gemvSub<T>(rows, c, at<T>(v0, i), n, t1, col);
        for (let p: usize = 0; p < c; p++) store<f64>(t1 + (p << 3), <f64>load<T>(at<T>(a, i * n + i0 + p)));
        gemvSub<T>(rows, c, at<T>(X, i), n, t1, col);
      }
      store<f64>(d + (i << 3), reflector<T>(rows, col, tinySq, tauq + (i << 3)));
      if (rows == 1) {
        store<f64>(e + (i << 3), 0);
        store<f64>(taup + (i << 3), 0);
        continue;
      }
      const m1 = rows - 1, tail = at<T>(a, (i + 1) * n + i0); // A(i0:, i+1:) with lda n
      const y = at<T>(Y, c * n + i + 1), x = at<T>(X, c * n + i + 1);
      // y = τq·(A22ᵀv − Y·(Vᵀv) − Uᵀ·(Xᵀv)) with one pass over A(i0:n, i+1:n) against
      // w = [−Xᵀv; v]; u = A(i, i+1:) − Uᵀ·X(i, :)ᵀ gathered beside it.
      gemvT<T>(rows, c, at<T>(X, i), n, col, t1);
      for (let p: usize = 0; p < c; p++) store<T>(at<T>(wb, p), <T>(-load<f64>(t1 + (p << 3))));
      memory.copy(at<T>(wb, c), col, rows << alignof<T>());
      for (let p: usize = 0; p < c; p++) store<f64>(t2 + (p << 3), <f64>load<T>(at<T>(X, p * n + i)));
      colDots<T>(rows + c, m1, tail, n, wb, y, c, t2, ub);
      if (c > 0) {
        gemvT<T>(rows, c, at<T>(v0, i), n, col, t1);
        gemvSub<T>(m1, c, at<T>(Y, i + 1), n, t1, y);
      }
      scaleVec<T>(m1, y, load<f64>(tauq + (i << 3)));
      // Row i: u −= Y(i+1:, 0:c)·V(i, 0:c)ᵀ + y (v(0) = 1), then its reflector, stored back.
      for (let p: usize = 0; p < c; p++) store<f64>(t1 + (p << 3), <f64>load<T>(at<T>(v0, p * n + i)));
      gemvSub<T>(m1, c, at<T>(Y, i + 1), n, t1, ub);
      for (let k: usize = 0; k < m1; k++) store<T>(at<T>(ub, k), load<T>(at<T>(ub, k)) - load<T>(at<T>(y, k)));
      store<f64>(e + (i << 3), reflector<T>(m1, ub, tinySq, taup + (i << 3)));
      const tp = load<f64>(taup + (i << 3));
      if (tp == 0) {
        for (let k: usize = 0; k < m1; k++) store<T>(at<T>(a, (i + 1 + k) * n + i), load<T>(at<T>(ub, k)));
        memory.fill(x, 0, m1 << alignof<T>());
        continue;
      }
      // x = τp·(A22·u − V·(Yᵀu) − X·(U·u)), A22·u and U·u from one pass over A(i0:n, i+1:n),
      // which also stores u back into row i.
      colAxpy<T>(rows + c, m1, tail, n, ub, zb, c);
      for (let p: usize = 0; p < c; p++) store<f64>(t2 + (p << 3), <f64>load<T>(at<T>(zb, p)));
      memory.copy(x, at<T>(zb, c + 1), m1 << alignof<T>());
      gemvT<T>(m1, c + 1, at<T>(Y, i + 1), n, ub, t1);
      gemvSub<T>(m1, c + 1, at<T>(v0, i + 1), n, t1, x);
      gemvSub<T>(m1, c, at<T>(X, i + 1), n, t2, x);
      scaleVec<T>(m1, x, tp);
    }
    // Trailing update A(s:, s:) −= V·Yᵀ + X·U as Cᵀ += [−Y −Uᵀ]·[V X]ᵀ (C's rows are A's columns).
    const s = i0 + nb, m = n - s, k2 = nb << 1;
    if (m > 0) {
      for (let j: usize = 0; j < m; j++) {
        for (let p: usize = 0; p < nb; p++) {
          store<T>(at<T>(xn, j * k2 + p), -load<T>(at<T>(Y, p * n + s + j)));
          store<T>(at<T>(xn, j * k2 + nb + p), -load<T>(at<T>(a, (s + j) * n + i0 + p)));
          store<T>(at<T>(yp, p * m + j), load<T>(at<T>(v0, p * n + s + j)));
          store<T>(at<T>(yp, (nb + p) * m + j), load<T>(at<T>(X, p * n + s + j)));
        }
      }
      macStrided<T>(m, m, k2, xn, k2, 1, yp, m, at<T>(a, s * n + s), n, 1, gs, true);
    }
    i0 += nb;
  }
}
