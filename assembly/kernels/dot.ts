/**
 * Dot products on column slices of flat column-major arrays: the fused three-way dot product
 * that drives the Jacobi stopping rule (one pass over x and y gives xᵀx, yᵀy and xᵀy), the plain
 * dot product, and the underflow-safe Euclidean norm.
 * Mirror of `dot` and `nrm2` in `src/backend/js/blas.ts`.
 *
 * Precision: dot accumulates in the element type (f64x2 or f32x4 lanes, two vectors
 * unrolled, so 4 or 8 partial sums) and add the lanes in f64; nrm2 always accumulates in f64.
 */
import { at } from './address';
import { hsum } from './lanes';

/** xᵀy over x[0..n) and y[0..n). */
export function dot<T>(x: usize, y: usize, n: usize): f64 {
  let k: usize = 0;
  let s: f64 = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    let s0 = v128.splat<T>(<T>0), s1 = s0;
    let px = x, py = y;
    for (; k + 2 * L <= n; k += 2 * L) {
      s0 = v128.add<T>(s0, v128.mul<T>(v128.load(px), v128.load(py)));
      s1 = v128.add<T>(s1, v128.mul<T>(v128.load(px, 16), v128.load(py, 16)));
      px += 32;
      py += 32;
    }
    if (k + L <= n) {
      s0 = v128.add<T>(s0, v128.mul<T>(v128.load(px), v128.load(py)));
      k += L;
    }
    s = hsum<T>(v128.add<T>(s0, s1));
  } else {
    let s0: T = 0, s1: T = 0;
    for (; k + 2 <= n; k += 2) {
      s0 += load<T>(at<T>(x, k)) * load<T>(at<T>(y, k));
      s1 += load<T>(at<T>(x, k + 1)) * load<T>(at<T>(y, k + 1));
    }
    s = <f64>s0 + <f64>s1;
  }
  for (; k < n; k++) s += <f64>load<T>(at<T>(x, k)) * <f64>load<T>(at<T>(y, k));
  return s;
}

/**
 * Euclidean norm of x[0..n) without spurious underflow: the plain sum of squares (in f64) when
 * it is comfortably normal, else a rescaled second pass (as LAPACK's dnrm2 guards).
 */
export function nrm2<T>(x: usize, n: usize): f64 {
  let ss: f64 = 0;
  for (let k: usize = 0; k < n; k++) {
    const a = <f64>load<T>(at<T>(x, k));
    ss += a * a;
  }
  if (ss > 1e-200 && ss < 1e200) return Math.sqrt(ss);
  let big: f64 = 0;
  for (let k: usize = 0; k < n; k++) big = Math.max(big, Math.abs(<f64>load<T>(at<T>(x, k))));
  if (big == 0 || !isFinite(big)) return big;
  ss = 0;
  for (let k: usize = 0; k < n; k++) {
    const a = <f64>load<T>(at<T>(x, k)) / big;
    ss += a * a;
  }
  return big * Math.sqrt(ss);
}
