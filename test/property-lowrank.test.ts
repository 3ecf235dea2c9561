/**
 * Property-based tests of the low-rank toolkit (fast-check, seeded, as test/property.test.ts:
 * `npm test` runs a bounded number of cases, `npm run test:fuzz` (FUZZ=1) 100× more on larger
 * shapes). Random shapes, dtypes, backends, spectra and scalings from 1e-300 to 1e300:
 * - Eckart–Young: lowRank's error is ‖A − A_k‖_F = √(Σ_{i>k} σᵢ²), measured directly, and no
 *   rank-k approximation (the randomized one included) does better;
 * - reconstruct at full rank reproduces A;
 * - toBytes/fromBytes at the dtype's own precision is exact, bit for bit.
 * A counterexample becomes a fixed test in test/regressions/, named after what it caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LowRank, lowRank, reconstruct, svd, svdvals, type BackendName, type Dtype, type Matrix,
} from '../src/index.js';
import { asDtype } from './harness/cases.js';
import { eps } from './harness/ratios.js';
import { scaled, withSingularValues } from './harness/matrices.js';

const FUZZ = process.env.FUZZ === '1';
const RUNS = FUZZ ? 2000 : 20;
const MAX_DIM = FUZZ ? 300 : 48;
const SEED = 20261126;

type Profile = 'graded' | 'clustered' | 'repeated' | 'zeros' | 'random';

function sigmaFor(profile: Profile, u: number[]): number[] {
  const p = u.length;
  switch (profile) {
    case 'graded': return u.map((_, i) => (p > 1 ? 1e-15 ** (i / (p - 1)) : 1));
    case 'clustered': return u.map((x) => 1 + 1e-10 * x);
    case 'repeated': return u.map((x) => (x < 0.5 ? 1 : 3));
    case 'zeros': return u.map((x, i) => (i % 3 === 0 ? 0 : x + 0.1));
    default: return u.map((x) => x * x);
  }
}

/** A non-empty matrix (the toolkit needs one row and one column), 1×n and n×1 included, and a rank k. */
const problem = fc.record({
  m: fc.integer({ min: 1, max: MAX_DIM }),
  n: fc.integer({ min: 1, max: MAX_DIM }),
  thin: fc.constantFrom<'row' | 'col' | 'none'>('row', 'col', 'none'),
  profile: fc.constantFrom<Profile>('graded', 'clustered', 'repeated', 'zeros', 'random'),
  log10scale: fc.integer({ min: -300, max: 300 }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  kFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  dtype: fc.constantFrom<Dtype>('float64', 'float32'),
  backend: fc.constantFrom<BackendName>('wasm', 'js'),
}).map((r) => {
  const m = r.thin === 'row' ? 1 : r.m, n = r.thin === 'col' ? 1 : r.n;
  const p = Math.min(m, n);
  const u = Array.from({ length: p }, (_, i) => ((r.seed * (i + 1) * 2654435761) % 1000) / 1000);
  const log10 = r.dtype === 'float32' ? Math.round(r.log10scale / 10) : r.log10scale;
  const a = asDtype(scaled(withSingularValues(m, n, sigmaFor(r.profile, u), r.seed), 10 ** log10), r.dtype);
  const k = Math.min(p, 1 + Math.floor(r.kFraction * p));
  return { ...r, m, n, p, k, a };
});

/** ‖x − y‖_F and ‖x‖_F of equal-shaped data, scaled by max|x| so that 1e±300 neither overflows nor underflows. */
function frobenius(x: ArrayLike<number>, y?: ArrayLike<number>): number {
  let big = 0;
  for (let i = 0; i < x.length; i++) big = Math.max(big, Math.abs(x[i]));
  if (big === 0) big = 1;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const d = (x[i] - (y ? y[i] : 0)) / big;
    s += d * d;
  }
  return big * Math.sqrt(s);
}

/** Entries of the dtype's range: a product of up to ~√(mn)·max|a| stays finite (else the case is skipped). */
function inRange(a: Matrix, dtype: Dtype): boolean {
  let big = 0;
  for (let i = 0; i < a.data.length; i++) big = Math.max(big, Math.abs(a.data[i]));
  return big * Math.sqrt(a.rows * a.cols) < (dtype === 'float64' ? 1e307 : 1e37);
}

const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

describe('low-rank properties', () => {
  it('Eckart–Young: error = ‖A − A_k‖_F = √(Σ_{i>k} σᵢ²), and the randomized A_k is no better', () => {
    fc.assert(fc.property(problem, ({ a, k, m, n, dtype, backend }) => {
      if (!inRange(a, dtype)) return;
      const u = eps[dtype], normA = frobenius(a.data);
      const tol = 50 * Math.max(m, n) * u * normA;
      const exact = lowRank(a, k, { backend, dtype });
      const direct = frobenius(a.data, exact.reconstruct().data);
      expect(Math.abs(exact.error - direct)).toBeLessThanOrEqual(tol);
      const S = svdvals(a, { backend, dtype });
      expect(Math.abs(exact.error - frobenius(S.subarray(k)))).toBeLessThanOrEqual(tol);
      if (normA > 0) expect(Math.abs(exact.relativeError - exact.error / normA)).toBeLessThanOrEqual(tol / normA);
      const rand = lowRank(a, k, { backend, dtype, method: 'randomized', seed: 1 });
      expect(frobenius(a.data, rand.reconstruct().data)).toBeGreaterThanOrEqual(direct - tol);
    }), params);
  });

  it('reconstruct at full rank reproduces A', () => {
    fc.assert(fc.property(problem, ({ a, p, m, n, dtype, backend }) => {
      if (!inRange(a, dtype)) return;
      const tol = 50 * Math.max(m, n) * eps[dtype] * frobenius(a.data);
      const f = svd(a, { backend, dtype });
      expect(frobenius(a.data, reconstruct(f, p, { backend }).data)).toBeLessThanOrEqual(tol);
      expect(frobenius(a.data, lowRank(a, p, { backend, dtype }).reconstruct().data)).toBeLessThanOrEqual(tol);
    }), params);
  });

  it('toBytes/fromBytes at the dtype\'s precision round-trips bit for bit', () => {
    fc.assert(fc.property(problem, fc.boolean(), ({ a, k, dtype, backend }, randomized) => {
      if (!inRange(a, dtype)) return;
      const x = lowRank(a, k, { backend, dtype, ...(randomized ? { method: 'randomized', seed: 2 } : {}) });
      const bytes = x.toBytes();
      const y = LowRank.fromBytes(bytes);
      for (const key of ['m', 'n', 'k', 'dtype', 'method', 'error', 'relativeError', 'energy'] as const) {
        expect(Object.is(y[key], x[key]), key).toBe(true);
      }
      for (const [p, q] of [[x.U.data, y.U.data], [x.S, y.S], [x.Vt.data, y.Vt.data]]) {
        expect(q.constructor).toBe(p.constructor);
        expect(Buffer.from(q.buffer, q.byteOffset, q.byteLength).equals(Buffer.from(p.buffer, p.byteOffset, p.byteLength))).toBe(true);
      }
      expect(Buffer.from(y.toBytes()).equals(Buffer.from(bytes))).toBe(true);
      // float64 bytes of a float32 LowRank are exact as well (widening is exact).
      if (dtype === 'float32') expect(Array.from(LowRank.fromBytes(x.toBytes({ precision: 'float64' })).U.data)).toEqual(Array.from(x.U.data));
    }), params);
  });
});
