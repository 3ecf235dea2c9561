/**
 * Householder QR of a tall column-major matrix, A = Q·R (LAPACK dgeqrf / dlarft / dlarfb, and
 * dormqr for applying Q; blocked), the preconditioner that lets Jacobi run on the N×N triangle R
 * instead of the M×N matrix, and the bidiagonal route's first step. Each reflector
 * H_k = I − τ_k·v_k·v_kᵀ has v_k(k) = 1 and its tail stored below R's diagonal.
 * Blocked over panels of NB columns: inside a panel the unblocked steps (dgeqr2: β, τ and the
 * scaled tail, then the panel's own columns one reflector at a time); then the panel's
 * H_0·…·H_{NB−1} = I − V·T·Vᵀ in compact WY form (T from dlarft, forward columnwise, the helpers
 * of tridiag/formq.ts) and the trailing columns take Qᵀ_panel = I − V·Tᵀ·Vᵀ as two matrix
 * products on the wasm gemm kernel: W = Vᵀ·X, X ← X − V·(Tᵀ·W) (dlarfb). applyQ runs the panels
 * backward with T itself (dormqr). No iteration.
 * Accuracy: blocked Householder QR is columnwise backward stable like the unblocked one: the
 * computed Q·R equals A + E with ‖E(:, j)‖ ≤ c·M·N·u·‖A(:, j)‖ (Higham, ASNA §19.3, §19.5 for the
 * WY form), which is what the Jacobi route's relative accuracy on graded columns relies on.
 * The reflector parameters (norm, β, τ) are computed in f64; the dot and update run in the
 * element type (SIMD). Mirror of `src/backend/js/householder.ts`.
 */
import { dot, nrm2 } from '../kernels/dot';
import { gemmScratchBytes, macStrided } from '../kernels/gemm';
import { align16, at } from '../kernels/address';
import { axpy, scal } from '../kernels/vec';
import { formT, negTW, packV } from '../tridiag/formq';

/** Applies H = I − τ·v·vᵀ (v(0) = 1, tail at v[1..len)) to x[0..len). */
@inline function reflect<T>(v: usize, tau: f64, x: usize, len: usize): void {
  const B = sizeof<T>();
  const x0 = <f64>load<T>(x);
  const d = (x0 + dot<T>(v + B, x + B, len - 1)) * tau;
  store<T>(x, <T>(x0 - d));
  axpy<T>(-d, v + B, x + B, len - 1);
}

/** Columns per panel (reflectors per WY block). */
const NB: usize = 32;

/**
 * √(a² + b²) without overflow, as big·√(1 + (small/big)²): the JS mirror computes it with the
 * same operations (engines' Math.hypot differ in the last bit), so both backends agree bitwise.
 */
export function hypot(a: f64, b: f64): f64 {
  const x = Math.abs(a), y = Math.abs(b);
  const big = Math.max(x, y), small = Math.min(x, y);
  if (big == 0) return 0;
  const r = small / big;
  return big * Math.sqrt(1 + r * r);
}

/**
 * Bytes of scratch {@link householderQR} (cols = n) and {@link applyQ} (cols = k) need: V packed
 * twice (m×NB row-major and transposed), W (cols×NB), T (NB² f64), z (NB f64) and the gemm
 * workspace, each 16-aligned.
 */
export function householderScratch<T>(m: f64, cols: f64): f64 {
  const b = <f64>sizeof<T>(), nb = <f64>NB, up = (x: f64): f64 => Math.ceil(x / 16) * 16;
  return 2 * up(nb * m * b) + up(nb * cols * b) + up(nb * nb * 8) + up(nb * 8) + gemmScratchBytes<T>(m, m, m);
}

/**
 * Each row w of W (cols×k row-major) ← −Tᵀ·w, in place (Tᵀ lower triangular: descending rows,
 * each sum over d ≤ c in ascending order). T is k×k upper triangular, f64, row-major.
 */
function negTtW<T>(cols: usize, k: usize, w: usize, t: usize): void {
  for (let j: usize = 0; j < cols; j++) {
    const row = at<T>(w, j * k);
    for (let c = <isize>k - 1; c >= 0; c--) {
      let s: f64 = 0;
      for (let d: isize = 0; d <= c; d++) {
        s += load<f64>(t + ((<usize>d * k + <usize>c) << 3)) * <f64>load<T>(at<T>(row, <usize>d));
      }
      store<T>(at<T>(row, <usize>c), <T>(-s));
    }
  }
}

/**
 * X ← (I − V·op(T)·Vᵀ)·X for the block of reflectors lo … lo+k−1 (columns of `a`, leading
 * dimension m) and the `cols` columns of X = x(lo:m, :) (leading dimension m): op(T) = Tᵀ for
 * the QR's Qᵀ, T for applyQ's Q. Wᵀ (cols×k) = Xᵀ·V, then Xᵀ += (−op(T)·W)ᵀ·Vᵀ (dlarfb).
 */
function applyBlock<T>(
  m: usize, a: usize, tau: usize, lo: usize, k: usize, x: usize, cols: usize, trans: bool, scratch: usize,
): void {
  const vb = align16((NB * m) << alignof<T>());
  const vr = scratch, vt = vr + vb, w = vt + vb, t = w + align16((NB * cols) << alignof<T>());
  const z = t + align16(NB * NB * 8), gs = z + align16(NB * 8), len = m - lo;
  packV<T, T>(m, a, tau, lo, k, vr, vt, 0);
  formT<T, T>(len, k, vt, tau, lo, t, z);
  macStrided<T>(cols, k, len, x, m, 1, vr, k, w, k, 1, gs, false);
  if (trans) negTtW<T>(cols, k, w, t);
  else negTW<T>(cols, k, w, t);
  macStrided<T>(cols, len, k, w, k, 1, vt, len, x, m, 1, gs, true);
}

/**
 * In-place QR of the m×n column-major `a` (m ≥ n): R on and above the diagonal, reflector
 * tails below it, τ in `tau[0..n)`. A tail with ‖x‖² < tinySq is left with H = I (τ = 0).
 * scratch: householderScratch<T>(m, n) bytes.
 */
export function householderQR<T>(m: usize, n: usize, a: usize, tau: usize, tinySq: f64, scratch: usize): void {
  const B = sizeof<T>();
  for (let k0: usize = 0; k0 < n; k0 += NB) {
    const k1 = min<usize>(n, k0 + NB);
    for (let k = k0; k < k1; k++) {
      const kk = at<T>(a, k * m + k), len = m - k;
      const alpha = <f64>load<T>(kk);
      const xnorm = nrm2<T>(kk + B, len - 1);
      if (xnorm * xnorm < tinySq) {
        // Negligible tail (see the JS mirror): H = I; normalising it could overflow 1/(α − β).
        store<T>(at<T>(tau, k), <T>0);
        continue;
      }
      const beta = -(alpha >= 0 ? 1.0 : -1.0) * hypot(alpha, xnorm);
      store<T>(at<T>(tau, k), <T>((beta - alpha) / beta));
      scal<T>(1 / (alpha - beta), kk + B, len - 1);
      store<T>(kk, <T>beta);
      const t = <f64>load<T>(at<T>(tau, k));
      for (let j = k + 1; j < k1; j++) reflect<T>(kk, t, at<T>(a, j * m + k), len);
    }
    if (k1 < n) applyBlock<T>(m, a, tau, k0, k1 - k0, at<T>(a, k1 * m + k0), n - k1, true, scratch);
  }
}

/** Copies the n×n upper triangle of the m×n QR result into `r` (n×n column-major), zero below. */
export function extractR<T>(m: usize, n: usize, a: usize, r: usize): void {
  for (let j: usize = 0; j < n; j++) {
    const col = at<T>(r, j * n);
    memory.copy(col, at<T>(a, j * m), (j + 1) << alignof<T>());
    memory.fill(at<T>(col, j + 1), 0, (n - j - 1) << alignof<T>());
  }
}

/**
 * x ← Q·x for the k columns of the m×k column-major `x`, Q = H_0·H_1·…·H_{n−1}: the panels of
 * householderQR last first, each as one WY block (dormqr). scratch: householderScratch<T>(m, k).
 */
export function applyQ<T>(m: usize, n: usize, a: usize, tau: usize, x: usize, k: usize, scratch: usize): void {
  if (n == 0 || k == 0) return;
  let k0 = ((n - 1) / NB) * NB;
  while (true) {
    applyBlock<T>(m, a, tau, k0, min<usize>(NB, n - k0), at<T>(x, k0), k, false, scratch);
    if (k0 == 0) break;
    k0 -= NB;
  }
}
