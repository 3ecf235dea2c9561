/**
 * Exact power-of-two scaling, so that entries near 1e±300 neither overflow nor underflow while
 * iterating, and scaling back restores the exact magnitudes (a power of two changes only the
 * exponent). Mirror of `assembly/kernels/scale.ts`.
 * @module
 */
import type { FloatArray } from '../../types.js';

/** Largest |a[k]| over a[0..n). */
export function maxAbs(a: FloatArray, n: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const x = Math.abs(a[k]);
    if (x > m) m = x;
  }
  return m;
}

/** The exponent e with 2^e ≤ x < 2^(e+1), for finite x > 0 (subnormals included). */
export function exponentOf(x: number): number {
  let e = Math.floor(Math.log2(x));
  // log2 can round across a power of two; fix up so the bracket is exact.
  if (2 ** e > x) e--;
  else if (2 ** (e + 1) <= x) e++;
  return e;
}

/**
 * 2^e as two factors, each a normal double: |e| ≤ 1074 covers every finite double's exponent,
 * and 2^±1000 neither overflows nor underflows, so x·f1·f2 rounds at most once.
 */
function exp2Factors(e: number): [number, number] {
  const e1 = Math.max(-1000, Math.min(1000, e));
  return [2 ** e1, 2 ** (e - e1)];
}

/** x·2^e without an intermediate overflow or underflow. */
export function ldexp(x: number, e: number): number {
  const [f1, f2] = exp2Factors(e);
  return x * f1 * f2;
}

/** a[0..n) ← a·2^e. Exact unless a result under- or overflows. */
export function scaleExp2(a: FloatArray, n: number, e: number): void {
  if (e === 0) return;
  const [f1, f2] = exp2Factors(e);
  for (let k = 0; k < n; k++) a[k] = a[k] * f1 * f2;
}

/**
 * Scales a[0..n) so its largest entry lies in [1, 2) and returns the exponent to undo it with
 * (0 for an all-zero array).
 */
export function normalizeExp2(a: FloatArray, n: number): number {
  const m = maxAbs(a, n);
  if (m === 0) return 0;
  const e = exponentOf(m);
  scaleExp2(a, n, -e);
  return e;
}
