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

/** One double and its two 32-bit halves (little-endian, as every JS engine here), for bit access. */
const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** The exponent e with 2^e ≤ x < 2^(e+1), for finite x > 0 (subnormals included); from the bits. */
export function exponentOf(x: number): number {
  bits[0] = x;
  const biased = (words[1] >>> 20) & 0x7ff;
  if (biased !== 0) return biased - 1023;
  // subnormal: x = mantissa·2^-1074, mantissa < 2^52 in the low 52 bits
  const hi = words[1] & 0xfffff;
  return hi !== 0 ? 31 - Math.clz32(hi) + 32 - 1074 : 31 - Math.clz32(words[0]) - 1074;
}

/** 2^e for -1022 ≤ e ≤ 1023 (a normal double), built from its bits. */
function pow2(e: number): number {
  words[0] = 0;
  words[1] = (e + 1023) << 20;
  return bits[0];
}

/**
 * x·2^e without an intermediate overflow or underflow, as two normal factors 2^e1·2^(e−e1) with
 * |e1| ≤ 1000 (|e| ≤ 2023), so x·f1·f2 rounds at most once. Mirror of ldexp in
 * assembly/kernels/scale.ts.
 */
export function ldexp(x: number, e: number): number {
  const e1 = Math.max(-1000, Math.min(1000, e));
  return x * pow2(e1) * pow2(e - e1);
}

/** a[0..n) ← a·2^e. Exact unless a result under- or overflows. */
export function scaleExp2(a: FloatArray, n: number, e: number): void {
  if (e === 0) return;
  const e1 = Math.max(-1000, Math.min(1000, e));
  const f1 = pow2(e1), f2 = pow2(e - e1);
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
