/**
 * A small seeded pseudo-random generator: xoshiro128** (Blackman & Vigna, 2018), 32-bit state
 * words seeded through splitmix32, with Box–Muller for standard normal variates. The same seed
 * gives the same stream on every platform (only 32-bit integer arithmetic and Math.log/sqrt/cos,
 * whose results are the same in every current JS engine for these inputs, are used).
 * Not for cryptography.
 * @module
 */
import type { FloatArray } from './types.js';

/** A stream of pseudo-random numbers. */
export interface Rng {
  /** A uniformly distributed 32-bit unsigned integer. */
  uint32(): number;
  /** Uniform on [0, 1), 32 random bits. */
  uniform(): number;
  /** Standard normal N(0, 1) (Box–Muller). */
  normal(): number;
}

function splitmix32(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** A generator seeded by the integer `seed` (taken modulo 2³²). */
export function createRng(seed: number): Rng {
  const init = splitmix32(seed);
  let a = init(),
    b = init(),
    c = init(),
    d = init();
  if ((a | b | c | d) === 0) a = 1; // the all-zero state is a fixed point
  let spare: number | null = null;
  const uint32 = (): number => {
    const r = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return r;
  };
  const uniform = () => uint32() / 4294967296;
  const normal = (): number => {
    if (spare !== null) {
      const s = spare;
      spare = null;
      return s;
    }
    const u1 = 1 - uniform(),
      u2 = uniform(); // u1 in (0, 1]: log is finite
    const r = Math.sqrt(-2 * Math.log(u1)),
      t = 2 * Math.PI * u2;
    spare = r * Math.sin(t);
    return r * Math.cos(t);
  };
  return { uint32, uniform, normal };
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** Fills `out` with independent standard normal variates from `rng`; returns `out`. */
export function fillNormal<T extends FloatArray>(out: T, rng: Rng): T {
  for (let i = 0; i < out.length; i++) out[i] = rng.normal();
  return out;
}
