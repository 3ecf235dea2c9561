/**
 * Forms the orthogonal Q = H_0·H_1·…·H_{n−2} of the tridiagonal reduction explicitly (LAPACK
 * dorgtr / dorgqr, lower, blocked), so the tridiagonal solver can accumulate its rotations
 * straight into the eigenvectors of A (Z = Q·G) instead of back-transforming afterwards. A shift
 * parameter (the row of v_i's unit entry is i + shift) lets the same code form the bidiagonal
 * reduction's Q (shift 0, dorgqr) and P (shift 1 on the transposed row reflectors, dorgbr).
 * Backward accumulation over blocks of KB reflectors H_lo … H_hi, last block first:
 *  - the columns right of the block take the whole block at once in compact WY form,
 *    H_lo·…·H_hi = I − V·T·Vᵀ (T upper triangular, LAPACK dlarft), as two matrix products
 *    W = Vᵀ·X, X ← X − V·(T·W) on the wasm gemm kernel (dlarfb);
 *  - the block's own columns are formed one reflector at a time (dorg2r): when H_i arrives,
 *    column i+1 is still e, so it becomes e − τv, and the block's columns right of it take
 *    q ← q − τ(vᵀq)·v.
 * No iteration. Accuracy: ‖QᵀQ − I‖ = O(n·u) (Higham, ASNA §19.3, §19.5 for the WY form).
 * Reference: LAPACK dorgqr / dorg2r / dlarft / dlarfb. Mirror of `src/backend/js/tridiag-formq.ts`:
 * the same blocks, sums in the same order (the scalar gemm sums each entry in index order).
 */
import { gemmScratchBytes, macStrided } from '../kernels/gemm';
import { align16, at } from '../kernels/address';
import { hsum } from '../kernels/lanes';

/** vᵀx over v[0..len), x[0..len): f64 in index order (scalar build), or T lanes then f64. */
@inline function dotT<T>(v: usize, x: usize, len: usize): f64 {
  let k: usize = 0, s: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    let s0 = v128.splat<T>(<T>0), s1 = s0;
    for (; k + 2 * L <= len; k += 2 * L) {
      s0 = v128.add<T>(s0, v128.mul<T>(v128.load(at<T>(v, k)), v128.load(at<T>(x, k))));
      s1 = v128.add<T>(s1, v128.mul<T>(v128.load(at<T>(v, k), 16), v128.load(at<T>(x, k), 16)));
    }
    s = hsum<T>(v128.add<T>(s0, s1));
  }
  for (; k < len; k++) s += <f64>load<T>(at<T>(v, k)) * <f64>load<T>(at<T>(x, k));
  return s;
}

/** x[0..len) ← x − α·v. */
@inline function axmy<T>(alpha: f64, v: usize, x: usize, len: usize): void {
  const a = <T>alpha;
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    const va = v128.splat<T>(a);
    for (; k + L <= len; k += L) {
      const px = at<T>(x, k);
      v128.store(px, v128.sub<T>(v128.load(px), v128.mul<T>(va, v128.load(at<T>(v, k)))));
    }
  }
  for (; k < len; k++) {
    const px = at<T>(x, k);
    store<T>(px, load<T>(px) - a * load<T>(at<T>(v, k)));
  }
}

/** Reflectors per block (the depth of the WY products). */
const KB: usize = 32;

/** H_i·x for x = Q(r:, j) whose first entry (row r = i + shift) is still zero: x ← x − τ(vᵀx)·v. */
@inline function reflectZeroHead<T>(t: f64, v: usize, x: usize, len: usize): void {
  const s = t * dotT<T>(at<T>(v, 1), at<T>(x, 1), len - 1);
  store<T>(x, <T>(-s));
  axmy<T>(s, at<T>(v, 1), at<T>(x, 1), len - 1);
}

/**
 * Bytes of scratch {@link formQ} needs: V twice (row-major and transposed), W, T and the gemm
 * workspace, whose depth is the first product's (Vᵀ·X sums over up to n rows, not KB).
 */
export function formQScratch<T>(n: f64): f64 {
  const b = <f64>sizeof<T>(), kb = <f64>KB, up = (x: f64): f64 => Math.ceil(x / 16) * 16;
  return 3 * up(kb * n * b) + up(kb * kb * 8) + up(kb * 8) + gemmScratchBytes<T>(n, n, n);
}

/**
 * Packs the block's reflectors v_lo … v_hi (rows lo+shift … n−1 of A's columns lo … hi) as V
 * (len×k row-major, vr) and Vᵀ (k×len row-major, vt): V(p, c) = 0 above the unit diagonal,
 * and a whole column is zero where τ = 0 (H = I, its tail was left in A unscaled). A's leading
 * dimension is n, so the tall QR's m×n reflectors pack with n = m, shift 0; τ is of type U.
 */
export function packV<T, U>(
  n: usize, a: usize, tau: usize, lo: usize, k: usize, vr: usize, vt: usize, shift: usize,
): void {
  const len = n - lo - shift;
  for (let c: usize = 0; c < k; c++) {
    const i = lo + c, zero = load<U>(tau + (i << alignof<U>())) == 0;
    const col = at<T>(a, i * n + lo + shift);
    for (let p: usize = 0; p < len; p++) {
      const x: T = zero || p < c ? <T>0 : p == c ? <T>1 : load<T>(at<T>(col, p));
      store<T>(at<T>(vr, p * k + c), x);
      store<T>(at<T>(vt, c * len + p), x);
    }
  }
}

/**
 * T (k×k upper triangular, f64, row-major) of H_lo·…·H_{lo+k−1} = I − V·T·Vᵀ (dlarft, forward,
 * columnwise): T(i, i) = τ_i, T(0:i, i) = −τ_i·T(0:i, 0:i)·(V(:, 0:i)ᵀ·v_i). `z` holds k f64; τ of type U.
 */
export function formT<T, U>(len: usize, k: usize, vt: usize, tau: usize, lo: usize, t: usize, z: usize): void {
  for (let i: usize = 0; i < k; i++) {
    const ti = <f64>load<U>(tau + ((lo + i) << alignof<U>()));
    // z(c) = −τ_i·V(:, c)ᵀ·v_i over rows p ≥ i, where v_i is nonzero; two c at a time, so two
    // independent sums (each in index order) hide the add latency.
    const vi = at<T>(vt, i * len);
    let c: usize = 0;
    for (; c + 1 < i; c += 2) {
      const va = at<T>(vt, c * len), vb = at<T>(vt, (c + 1) * len);
      let sa: f64 = 0, sb: f64 = 0;
      for (let p = i; p < len; p++) {
        const x = <f64>load<T>(at<T>(vi, p));
        sa += <f64>load<T>(at<T>(va, p)) * x;
        sb += <f64>load<T>(at<T>(vb, p)) * x;
      }
      store<f64>(z + (c << 3), -ti * sa);
      store<f64>(z + ((c + 1) << 3), -ti * sb);
    }
    for (; c < i; c++) {
      let s: f64 = 0;
      for (let p = i; p < len; p++) s += <f64>load<T>(at<T>(vt, c * len + p)) * <f64>load<T>(at<T>(vi, p));
      store<f64>(z + (c << 3), -ti * s);
    }
    for (let c: usize = 0; c < i; c++) {
      let s: f64 = 0;
      for (let d = c; d < i; d++) s += load<f64>(t + ((c * k + d) << 3)) * load<f64>(z + (d << 3));
      store<f64>(t + ((c * k + i) << 3), s);
    }
    store<f64>(t + ((i * k + i) << 3), ti);
    for (let c = i + 1; c < k; c++) store<f64>(t + ((c * k + i) << 3), 0);
  }
}

/** Each row w of W (cols×k row-major) ← −T·w, in place (T upper triangular: ascending rows). */
export function negTW<T>(cols: usize, k: usize, w: usize, t: usize): void {
  let j: usize = 0;
  // Two rows at a time: two independent sums (each in order of d) hide the add latency.
  for (; j + 1 < cols; j += 2) {
    const ra = at<T>(w, j * k), rb = at<T>(w, (j + 1) * k);
    for (let c: usize = 0; c < k; c++) {
      let sa: f64 = 0, sb: f64 = 0;
      for (let d = c; d < k; d++) {
        const tv = load<f64>(t + ((c * k + d) << 3));
        sa += tv * <f64>load<T>(at<T>(ra, d));
        sb += tv * <f64>load<T>(at<T>(rb, d));
      }
      store<T>(at<T>(ra, c), <T>(-sa));
      store<T>(at<T>(rb, c), <T>(-sb));
    }
  }
  for (; j < cols; j++) {
    const row = at<T>(w, j * k);
    for (let c: usize = 0; c < k; c++) {
      let s: f64 = 0;
      for (let d = c; d < k; d++) s += load<f64>(t + ((c * k + d) << 3)) * <f64>load<T>(at<T>(row, d));
      store<T>(at<T>(row, c), <T>(-s));
    }
  }
}

/**
 * q (n×n column-major) ← Q = H_0·…·H_{n−1−shift} from reflectors stored in the columns of `a`
 * (leading dimension n): v_i at A(i+shift:n, i), v_i(0) = 1 implicit, τ_i in tau (f64).
 * shift = 1: tridiagonalize's reflectors (dorgtr) and the bidiagonal P's (transposed, dorgbr);
 * shift = 0: the bidiagonal Q's (dorgqr). scratch: formQScratch bytes.
 */
export function formQ<T>(n: usize, a: usize, tau: usize, q: usize, scratch: usize, shift: usize = 1): void {
  memory.fill(q, 0, (n * n) << alignof<T>());
  for (let j: usize = 0; j < n; j++) store<T>(at<T>(q, j * n + j), <T>1);
  if (n <= shift) return;
  const vb = align16((KB * n) << alignof<T>());
  const vr = scratch, vt = vr + vb, w = vt + vb, t = w + vb, z = t + align16(KB * KB * 8), gs = z + align16(KB * 8);
  let hi = <isize>(n - 1 - shift);
  while (hi >= 0) {
    const lo = <usize>max<isize>(0, hi - <isize>KB + 1), k = <usize>hi + 1 - lo;
    const r0 = lo + shift, len = n - r0, c0 = <usize>hi + 1 + shift, cols = n - c0;
    if (cols > 0) {
      packV<T, f64>(n, a, tau, lo, k, vr, vt, shift);
      formT<T, f64>(len, k, vt, tau, lo, t, z);
      // Wᵀ (cols×k) = Xᵀ·V with X = Q(r0:, c0:); then Xᵀ += (−T·W)ᵀ·Vᵀ.
      macStrided<T>(cols, k, len, at<T>(q, c0 * n + r0), n, 1, vr, k, w, k, 1, gs, false);
      negTW<T>(cols, k, w, t);
      macStrided<T>(cols, len, k, w, k, 1, vt, len, at<T>(q, c0 * n + r0), n, 1, gs, true);
    }
    for (let i = hi; i >= <isize>lo; i--) {
      const r = <usize>i + shift, rl = n - r;
      const ti = load<f64>(tau + (<usize>i << 3));
      if (ti == 0) continue;
      const v = at<T>(a, <usize>i * n + r);
      for (let j = r + 1; j < c0; j++) reflectZeroHead<T>(ti, v, at<T>(q, j * n + r), rl);
      // Column r was e_r: H_i·e = e − τ·v.
      const x = at<T>(q, r * n + r);
      store<T>(x, <T>(1 - ti));
      const mt = <T>(-ti);
      for (let p: usize = 1; p < rl; p++) store<T>(at<T>(x, p), mt * load<T>(at<T>(v, p)));
    }
    hi = <isize>lo - 1;
  }
}
