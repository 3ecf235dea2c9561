/**
 * The remaining level-1 kernels on slices: y ← y + α·x, x ← α·x, exchange, identity fill.
 * Mirror of `axpy`, `scal` and `swap` in `src/backend/js/blas.ts`. α arrives in f64 and is
 * rounded once to the element type.
 */
import { at } from './address';

/** y[0..n) ← y + alpha·x[0..n). */
export function axpy<T>(alpha: f64, x: usize, y: usize, n: usize): void {
  const a = <T>alpha;
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    const va = v128.splat<T>(a);
    let px = x, py = y;
    for (; k + 2 * L <= n; k += 2 * L) {
      v128.store(py, v128.add<T>(v128.load(py), v128.mul<T>(va, v128.load(px))));
      v128.store(py, v128.add<T>(v128.load(py, 16), v128.mul<T>(va, v128.load(px, 16))), 16);
      px += 32;
      py += 32;
    }
    if (k + L <= n) {
      v128.store(py, v128.add<T>(v128.load(py), v128.mul<T>(va, v128.load(px))));
      k += L;
    }
  }
  for (; k < n; k++) {
    const py = at<T>(y, k);
    store<T>(py, load<T>(py) + a * load<T>(at<T>(x, k)));
  }
}

/** x[0..n) ← alpha·x. */
export function scal<T>(alpha: f64, x: usize, n: usize): void {
  const a = <T>alpha;
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    const va = v128.splat<T>(a);
    let px = x;
    for (; k + 2 * L <= n; k += 2 * L) {
      v128.store(px, v128.mul<T>(va, v128.load(px)));
      v128.store(px, v128.mul<T>(va, v128.load(px, 16)), 16);
      px += 32;
    }
    if (k + L <= n) {
      v128.store(px, v128.mul<T>(va, v128.load(px)));
      k += L;
    }
  }
  for (; k < n; k++) {
    const px = at<T>(x, k);
    store<T>(px, a * load<T>(px));
  }
}

/**
 * x[0..n) ← x / d, each entry rounded once: a column with one nonzero entry of magnitude d
 * becomes exactly ±1 (multiplying by a rounded 1/d need not), so the SVD of a diagonal or
 * 1×1 matrix reproduces it bit for bit.
 */
export function divide<T>(x: usize, n: usize, d: f64): void {
  const dt = <T>d;
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    const vd = v128.splat<T>(dt);
    let px = x;
    for (; k + L <= n; k += L) {
      v128.store(px, v128.div<T>(v128.load(px), vd));
      px += 16;
    }
  }
  for (; k < n; k++) {
    const px = at<T>(x, k);
    store<T>(px, load<T>(px) / dt);
  }
}

/** Exchanges x[0..n) and y[0..n). */
export function swap<T>(x: usize, y: usize, n: usize): void {
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    let px = x, py = y;
    for (; k + L <= n; k += L) {
      const a = v128.load(px);
      v128.store(px, v128.load(py));
      v128.store(py, a);
      px += 16;
      py += 16;
    }
  }
  for (; k < n; k++) {
    const px = at<T>(x, k), py = at<T>(y, k);
    const a = load<T>(px);
    store<T>(px, load<T>(py));
    store<T>(py, a);
  }
}

/** a ← the n×n identity. */
export function setIdentity<T>(a: usize, n: usize): void {
  memory.fill(a, 0, (n * n) << alignof<T>());
  for (let i: usize = 0; i < n; i++) store<T>(at<T>(a, i * n + i), <T>1);
}
