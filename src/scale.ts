/**
 * Exact power-of-two scaling, so that entries near 1e±300 neither overflow nor underflow while
 * iterating, and scaling back restores the exact magnitudes (a power of two changes only the
 * exponent). Shared by the JS backend (its mirror of `assembly/kernels/scale.ts`, bit for bit) and
 * the toolkit (randomizedSvd scales its input the same way), so neither imports the other.
 * @module
 */
import type { FloatArray } from './types.js';

/** Largest |a[k]| over a[0..n). */
export function maxAbs(a: FloatArray, n: number): number {
  let m = 0;
  for (let k = 0; k < n; k++) {
    const x = Math.abs(a[k]);
    if (x > m) m = x;
  }
  return m;
}

/**
 * 2^k for k in [-POW2_BIAS, POW2_BIAS], exact (subnormals, 0 and Infinity at the ends), so that
 * {@link exponentOf} and {@link ldexp} run without Math.log2 or `**` in Jacobi's inner loop
 * (they cost about a fifth of the JS SVD's time as calls to the math library).
 */
const POW2_BIAS = 1100;
const POW2 = new Float64Array(2 * POW2_BIAS + 1);
for (let k = -POW2_BIAS; k <= POW2_BIAS; k++) POW2[k + POW2_BIAS] = 2 ** k;

/** 2^k for any integer k (a table entry inside its range, `**` outside). */
function pow2(k: number): number {
  return k >= -POW2_BIAS && k <= POW2_BIAS ? POW2[k + POW2_BIAS] : 2 ** k;
}

/** One f64 viewed as its two 32-bit halves, for reading the biased exponent. */
const bits64 = new Float64Array(1);
const bits32 = new Uint32Array(bits64.buffer);
/** Index of the half that holds the sign and exponent (1 on little-endian hosts). */
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

/** The exponent e with 2^e ≤ x < 2^(e+1), for finite x > 0 (subnormals included); exact. */
export function exponentOf(x: number): number {
  bits64[0] = x;
  const biased = (bits32[HIGH] >>> 20) & 0x7ff;
  if (biased !== 0) return biased - 1023;
  // biome-ignore lint/correctness/noPrecisionLoss: 2^64 is exact in binary; the literal avoids a runtime 2 ** 64
  bits64[0] = x * 18446744073709551616; // subnormal: scale by 2^64 (exact) into the normal range
  return ((bits32[HIGH] >>> 20) & 0x7ff) - 1023 - 64;
}

/** x·2^e without an intermediate overflow or underflow (two normal factors, as in the wasm twin). */
export function ldexp(x: number, e: number): number {
  const e1 = Math.max(-1000, Math.min(1000, e));
  return x * pow2(e1) * pow2(e - e1);
}

/** a[0..n) ← a·2^e. Exact unless a result under- or overflows. */
export function scaleExp2(a: FloatArray, n: number, e: number): void {
  if (e === 0) return;
  const e1 = Math.max(-1000, Math.min(1000, e));
  const f1 = pow2(e1),
    f2 = pow2(e - e1);
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
