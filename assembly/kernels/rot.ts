/**
 * Plane rotation of two slices: (x, y) ← (c·x − s·y, s·x + c·y). The contiguous form rotates
 * two columns of a column-major matrix (SIMD, two vectors per step); the strided form rotates
 * two rows (stride = leading dimension). c and s arrive in f64 and are rounded once to the
 * element type. Mirror of `rot` in `src/backend/js/blas.ts`.
 */
import { at } from './simd';

/** Rotates x[0..n) and y[0..n) (contiguous). */
export function rot<T>(x: usize, y: usize, n: usize, c: f64, s: f64): void {
  const ct = <T>c, st = <T>s;
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    const vc = v128.splat<T>(ct), vs = v128.splat<T>(st);
    let px = x, py = y;
    for (; k + 2 * L <= n; k += 2 * L) {
      const x0 = v128.load(px), x1 = v128.load(px, 16);
      const y0 = v128.load(py), y1 = v128.load(py, 16);
      v128.store(px, v128.sub<T>(v128.mul<T>(vc, x0), v128.mul<T>(vs, y0)));
      v128.store(px, v128.sub<T>(v128.mul<T>(vc, x1), v128.mul<T>(vs, y1)), 16);
      v128.store(py, v128.add<T>(v128.mul<T>(vs, x0), v128.mul<T>(vc, y0)));
      v128.store(py, v128.add<T>(v128.mul<T>(vs, x1), v128.mul<T>(vc, y1)), 16);
      px += 32;
      py += 32;
    }
    if (k + L <= n) {
      const x0 = v128.load(px), y0 = v128.load(py);
      v128.store(px, v128.sub<T>(v128.mul<T>(vc, x0), v128.mul<T>(vs, y0)));
      v128.store(py, v128.add<T>(v128.mul<T>(vs, x0), v128.mul<T>(vc, y0)));
      k += L;
    }
  }
  for (; k < n; k++) {
    const px = at<T>(x, k), py = at<T>(y, k);
    const a = load<T>(px), b = load<T>(py);
    store<T>(px, ct * a - st * b);
    store<T>(py, st * a + ct * b);
  }
}

/** Rotates x[0], x[inc], … and y[0], y[inc], … (n entries each). */
export function rotStrided<T>(x: usize, y: usize, n: usize, inc: usize, c: f64, s: f64): void {
  const ct = <T>c, st = <T>s;
  const step = inc << alignof<T>();
  let px = x, py = y;
  for (let k: usize = 0; k < n; k++) {
    const a = load<T>(px), b = load<T>(py);
    store<T>(px, ct * a - st * b);
    store<T>(py, st * a + ct * b);
    px += step;
    py += step;
  }
}
