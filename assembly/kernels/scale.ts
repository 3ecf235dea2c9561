/**
 * Exact power-of-two scaling, so that entries near 1e±300 neither overflow nor underflow while
 * iterating, and scaling back restores the exact magnitudes (a power of two changes only the
 * exponent). For f32 the multiply is done in f64 and rounded once to f32, so the result is the
 * exactly rounded x·2^e, as in the JS backend. Mirror of `src/backend/js/scale.ts`.
 */
import { at } from './address';
import { hmax } from './lanes';

/** Largest |a[k]| over a[0..n). */
export function maxAbs<T>(a: usize, n: usize): f64 {
  let m: f64 = 0;
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    const L: usize = 16 / sizeof<T>();
    let m0 = v128.splat<T>(<T>0), m1 = m0;
    let p = a;
    for (; k + 2 * L <= n; k += 2 * L) {
      m0 = v128.max<T>(m0, v128.abs<T>(v128.load(p)));
      m1 = v128.max<T>(m1, v128.abs<T>(v128.load(p, 16)));
      p += 32;
    }
    m = hmax<T>(v128.max<T>(m0, m1));
  }
  for (; k < n; k++) {
    const x = Math.abs(<f64>load<T>(at<T>(a, k)));
    if (x > m) m = x;
  }
  return m;
}

/** The exponent e with 2^e ≤ x < 2^(e+1), for finite x > 0 (subnormals included); exact. */
export function exponentOf(x: f64): i32 {
  const bits = reinterpret<u64>(x);
  const biased = <i32>((bits >> 52) & 0x7ff);
  if (biased != 0) return biased - 1023;
  const mant = bits & 0xfffffffffffff; // subnormal: x = mant·2^-1074
  return (63 - <i32>clz<u64>(mant)) - 1074;
}

/** 2^e for -1022 ≤ e ≤ 1023 (a normal double), built from its bits. */
@inline function pow2(e: i32): f64 {
  return reinterpret<f64>(<u64>(e + 1023) << 52);
}

/** x·2^e without an intermediate overflow or underflow (two normal factors, |e| ≤ 2098). */
export function ldexp(x: f64, e: i32): f64 {
  const e1 = max<i32>(-1000, min<i32>(1000, e));
  return x * pow2(e1) * pow2(e - e1);
}

/** a[0..n) ← a·2^e. Exact unless a result under- or overflows. */
export function scaleExp2<T>(a: usize, n: usize, e: i32): void {
  if (e == 0) return;
  const e1 = max<i32>(-1000, min<i32>(1000, e));
  const f1 = pow2(e1), f2 = pow2(e - e1);
  let k: usize = 0;
  if (ASC_FEATURE_SIMD) {
    let p = a;
    if (sizeof<T>() == 8) {
      const v1 = f64x2.splat(f1), v2 = f64x2.splat(f2);
      for (; k + 2 <= n; k += 2) {
        v128.store(p, f64x2.mul(f64x2.mul(v128.load(p), v1), v2));
        p += 16;
      }
    } else {
      // f32: |e| < 300 here, so f1·f2 is one exact f64 factor; promote, multiply, demote once.
      const f = f64x2.splat(f1 * f2);
      for (; k + 4 <= n; k += 4) {
        const x = v128.load(p);
        const lo = f32x4.demote_f64x2_zero(f64x2.mul(f64x2.promote_low_f32x4(x), f));
        const hi = f32x4.demote_f64x2_zero(
          f64x2.mul(f64x2.promote_low_f32x4(v128.shuffle<f32>(x, x, 2, 3, 0, 1)), f),
        );
        v128.store(p, v128.shuffle<f32>(lo, hi, 0, 1, 4, 5));
        p += 16;
      }
    }
  }
  for (; k < n; k++) {
    const p = at<T>(a, k);
    store<T>(p, <T>(<f64>load<T>(p) * f1 * f2));
  }
}

/**
 * Scales a[0..n) so its largest entry lies in [1, 2) and returns the exponent to undo it with
 * (0 for an all-zero array).
 */
export function normalizeExp2<T>(a: usize, n: usize): i32 {
  const m = maxAbs<T>(a, n);
  if (m == 0) return 0;
  const e = exponentOf(m);
  scaleExp2<T>(a, n, -e);
  return e;
}
