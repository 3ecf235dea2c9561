/**
 * Plane rotation of two slices: (x, y) ← (c·x − s·y, s·x + c·y). The contiguous form rotates
 * two columns of a column-major matrix (SIMD, two vectors per step); the strided form rotates
 * two rows (stride = leading dimension). c and s arrive in f64 and are rounded once to the
 * element type. `rotDot` fuses the contiguous rotation with the next dot product.
 * The contiguous forms take two sines, (x, y) ← (c·x − sx·y, sy·x + c·y): one-sided Jacobi keeps
 * each column scaled by its own power of two, so the rotation of the true columns reads, on the
 * stored ones, sx = s·2^(eⱼ−eᵢ) and sy = s·2^(eᵢ−eⱼ) (sx = sy = s for columns of one scale).
 * Mirror of `rot` and `rotDot` in `src/backend/js/blas.ts`.
 */
import { at } from './address';
import { hsum } from './lanes';

/** Rotates x[0..n) and y[0..n) (contiguous): (x, y) ← (c·x − sx·y, sy·x + c·y). */
export function rot<T>(x: usize, y: usize, n: usize, c: f64, sx: f64, sy: f64): void {
  const ct = <T>c, st = <T>sx, su = <T>sy;
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    const vc = v128.splat<T>(ct), vs = v128.splat<T>(st), vu = v128.splat<T>(su);
    let px = x, py = y;
    for (; k + 2 * L <= n; k += 2 * L) {
      const x0 = v128.load(px), x1 = v128.load(px, 16);
      const y0 = v128.load(py), y1 = v128.load(py, 16);
      v128.store(px, v128.sub<T>(v128.mul<T>(vc, x0), v128.mul<T>(vs, y0)));
      v128.store(px, v128.sub<T>(v128.mul<T>(vc, x1), v128.mul<T>(vs, y1)), 16);
      v128.store(py, v128.add<T>(v128.mul<T>(vu, x0), v128.mul<T>(vc, y0)));
      v128.store(py, v128.add<T>(v128.mul<T>(vu, x1), v128.mul<T>(vc, y1)), 16);
      px += 32;
      py += 32;
    }
    if (k + L <= n) {
      const x0 = v128.load(px), y0 = v128.load(py);
      v128.store(px, v128.sub<T>(v128.mul<T>(vc, x0), v128.mul<T>(vs, y0)));
      v128.store(py, v128.add<T>(v128.mul<T>(vu, x0), v128.mul<T>(vc, y0)));
      k += L;
    }
  }
  for (; k < n; k++) {
    const px = at<T>(x, k), py = at<T>(y, k);
    const a = load<T>(px), b = load<T>(py);
    store<T>(px, ct * a - st * b);
    store<T>(py, su * a + ct * b);
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

/**
 * Rotates x[0..n) and y[0..n) as {@link rot} does and returns x'ᵀz, the dot product of the
 * rotated x with z[0..n), from the same pass (x' is used as stored, and the sum is accumulated
 * exactly as `dot` in dot.ts does, so the value is bitwise that of rot then dot). One-sided
 * Jacobi uses it to get the next pair's wᵢᵀwⱼ₊₁ while column i is in registers.
 */
export function rotDot<T>(x: usize, y: usize, z: usize, n: usize, c: f64, sx: f64, sy: f64): f64 {
  const ct = <T>c, st = <T>sx, su = <T>sy;
  let k: usize = 0;
  let d: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    const vc = v128.splat<T>(ct), vs = v128.splat<T>(st), vu = v128.splat<T>(su);
    let d0 = v128.splat<T>(<T>0), d1 = d0;
    let px = x, py = y, pz = z;
    for (; k + 2 * L <= n; k += 2 * L) {
      const x0 = v128.load(px), x1 = v128.load(px, 16);
      const y0 = v128.load(py), y1 = v128.load(py, 16);
      const u0 = v128.sub<T>(v128.mul<T>(vc, x0), v128.mul<T>(vs, y0));
      const u1 = v128.sub<T>(v128.mul<T>(vc, x1), v128.mul<T>(vs, y1));
      v128.store(px, u0);
      v128.store(px, u1, 16);
      v128.store(py, v128.add<T>(v128.mul<T>(vu, x0), v128.mul<T>(vc, y0)));
      v128.store(py, v128.add<T>(v128.mul<T>(vu, x1), v128.mul<T>(vc, y1)), 16);
      d0 = v128.add<T>(d0, v128.mul<T>(u0, v128.load(pz)));
      d1 = v128.add<T>(d1, v128.mul<T>(u1, v128.load(pz, 16)));
      px += 32;
      py += 32;
      pz += 32;
    }
    if (k + L <= n) {
      const x0 = v128.load(px), y0 = v128.load(py);
      const u0 = v128.sub<T>(v128.mul<T>(vc, x0), v128.mul<T>(vs, y0));
      v128.store(px, u0);
      v128.store(py, v128.add<T>(v128.mul<T>(vu, x0), v128.mul<T>(vc, y0)));
      d0 = v128.add<T>(d0, v128.mul<T>(u0, v128.load(pz)));
      k += L;
    }
    d = hsum<T>(v128.add<T>(d0, d1));
  } else {
    let d0: T = 0, d1: T = 0;
    for (; k + 2 <= n; k += 2) {
      const p0 = at<T>(x, k), q0 = at<T>(y, k), p1 = at<T>(x, k + 1), q1 = at<T>(y, k + 1);
      const a0 = load<T>(p0), b0 = load<T>(q0), a1 = load<T>(p1), b1 = load<T>(q1);
      const u0 = ct * a0 - st * b0, u1 = ct * a1 - st * b1;
      store<T>(p0, u0);
      store<T>(q0, su * a0 + ct * b0);
      store<T>(p1, u1);
      store<T>(q1, su * a1 + ct * b1);
      d0 += u0 * load<T>(at<T>(z, k));
      d1 += u1 * load<T>(at<T>(z, k + 1));
    }
    d = <f64>d0 + <f64>d1;
  }
  for (; k < n; k++) {
    const px = at<T>(x, k), py = at<T>(y, k);
    const a = load<T>(px), b = load<T>(py);
    const u = ct * a - st * b;
    store<T>(px, u);
    store<T>(py, su * a + ct * b);
    d += <f64>u * <f64>load<T>(at<T>(z, k));
  }
  return d;
}
