/**
 * Level-1 kernels on column slices of a flat column-major array: dot products, the plane
 * rotation (alone and fused with the next dot product), scaling and exchange.
 * JS mirror of `assembly/kernels/dot.ts` and `assembly/kernels/rot.ts`.
 * @module
 */
import type { FloatArray } from '../../types.js';

/**
 * Dot product of a[xi..xi+n) and b[yi..yi+n), summed as the scalar wasm build does: two
 * accumulators over pairs (even and odd k), then the odd tail, so float64 results are bitwise
 * those of `init({ simd: false })`. (The wasm f32 kernel accumulates in f32; this one in f64.)
 */
export function dot(a: FloatArray, xi: number, b: FloatArray, yi: number, n: number): number {
  let s0 = 0,
    s1 = 0,
    k = 0;
  for (; k + 2 <= n; k += 2) {
    s0 += a[xi + k] * b[yi + k];
    s1 += a[xi + k + 1] * b[yi + k + 1];
  }
  let s = s0 + s1;
  for (; k < n; k++) s += a[xi + k] * b[yi + k];
  return s;
}

/** y ← y + alpha·x on slices of one or two arrays. */
export function axpy(alpha: number, a: FloatArray, xi: number, b: FloatArray, yi: number, n: number): void {
  for (let k = 0; k < n; k++) b[yi + k] += alpha * a[xi + k];
}

/** x ← alpha·x on a[xi..xi+n). */
export function scal(alpha: number, a: FloatArray, xi: number, n: number): void {
  for (let k = 0; k < n; k++) a[xi + k] *= alpha;
}

/**
 * Plane rotation of two slices with stride `inc`: (x, y) ← (c·x − s·y, sy·x + c·y); sy = s but
 * for one-sided Jacobi's scaled columns (see assembly/kernels/rot.ts).
 * Contiguous columns use inc = 1; rows of a column-major matrix use inc = leading dimension.
 */
export function rot(
  a: FloatArray,
  xi: number,
  yi: number,
  n: number,
  inc: number,
  c: number,
  s: number,
  sy: number,
): void {
  for (let k = 0, p = xi, q = yi; k < n; k++, p += inc, q += inc) {
    const x = a[p],
      y = a[q];
    a[p] = c * x - s * y;
    a[q] = sy * x + c * y;
  }
}

/**
 * Rotates the contiguous slices a[xi..xi+n) and a[yi..yi+n) as {@link rot} does and returns
 * x'ᵀz over z = a[zi..zi+n), from the same pass, accumulated as {@link dot} does, so in float64
 * the value is bitwise that of rot then dot (in float32 x' is used before its rounding to f32). One-sided Jacobi
 * uses it for the next pair's wᵢᵀwⱼ₊₁.
 */
export function rotDot(
  a: FloatArray,
  xi: number,
  yi: number,
  zi: number,
  n: number,
  c: number,
  s: number,
  sy: number,
): number {
  let d0 = 0,
    d1 = 0,
    k = 0;
  for (; k + 2 <= n; k += 2) {
    const x0 = a[xi + k],
      y0 = a[yi + k],
      x1 = a[xi + k + 1],
      y1 = a[yi + k + 1];
    const u0 = c * x0 - s * y0,
      u1 = c * x1 - s * y1;
    a[xi + k] = u0;
    a[yi + k] = sy * x0 + c * y0;
    a[xi + k + 1] = u1;
    a[yi + k + 1] = sy * x1 + c * y1;
    d0 += u0 * a[zi + k];
    d1 += u1 * a[zi + k + 1];
  }
  let d = d0 + d1;
  for (; k < n; k++) {
    const x = a[xi + k],
      y = a[yi + k];
    const u = c * x - s * y;
    a[xi + k] = u;
    a[yi + k] = sy * x + c * y;
    d += u * a[zi + k];
  }
  return d;
}

/** x ← x / d on a[xi..xi+n), each entry rounded once (mirror of `divide` in assembly/kernels/vec.ts). */
export function divide(a: FloatArray, xi: number, n: number, d: number): void {
  for (let k = 0; k < n; k++) a[xi + k] /= d;
}

/** Exchanges slices a[xi..xi+n) and a[yi..yi+n). */
export function swap(a: FloatArray, xi: number, yi: number, n: number): void {
  for (let k = 0; k < n; k++) {
    const t = a[xi + k];
    a[xi + k] = a[yi + k];
    a[yi + k] = t;
  }
}

/**
 * Euclidean norm of a[xi..xi+n) without spurious underflow: the plain sum of squares when it
 * is comfortably normal, else a rescaled second pass (as LAPACK's dnrm2 guards).
 */
export function nrm2(a: FloatArray, xi: number, n: number): number {
  let ss = 0;
  for (let k = 0; k < n; k++) ss += a[xi + k] * a[xi + k];
  if (ss > 1e-200 && ss < 1e200) return Math.sqrt(ss);
  let big = 0;
  for (let k = 0; k < n; k++) big = Math.max(big, Math.abs(a[xi + k]));
  if (big === 0 || !Number.isFinite(big)) return big;
  ss = 0;
  for (let k = 0; k < n; k++) {
    const x = a[xi + k] / big;
    ss += x * x;
  }
  return big * Math.sqrt(ss);
}
