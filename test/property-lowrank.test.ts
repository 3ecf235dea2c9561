/**
 * Property-based tests of the low-rank toolkit (fast-check, seeded, as test/property.test.ts:
 * `npm test` runs 100 cases per property up to 64×64, `npm run test:fuzz` (FUZZ=1) 2000 up to
 * 300×300). Random shapes, dtypes, backends, spectra and scalings from 1e-300 to 1e300:
 * - Eckart–Young: lowRank's error is ‖A − A_k‖_F = √(Σ_{i>k} σᵢ²), measured directly, and no
 *   rank-k approximation (the randomized one included) does better;
 * - reconstruct at full rank reproduces A;
 * - toBytes/fromBytes at the dtype's own precision is exact, bit for bit.
 * A counterexample becomes a fixed test in test/regressions/, named after what it caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LowRank, lowRank, reconstruct, svd, svdvals, type Dtype, type Matrix } from '../src/index.js';
import { asDtype } from './harness/cases.js';
import { eps } from './harness/ratios.js';
import { problems, RUNS } from './harness/fuzz.js';

const SEED = 20261126;

/** A non-empty matrix (the toolkit needs one row and one column), 1×n and n×1 included, and a rank k. */
const problem = fc.tuple(problems(1), fc.double({ min: 0, max: 1, noNaN: true })).map(([r, kFraction]) => ({
  ...r,
  a: asDtype(r.a, r.dtype),
  k: Math.min(r.p, 1 + Math.floor(kFraction * r.p)),
}));

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
    fc.assert(
      fc.property(problem, ({ a, k, m, n, dtype, backend }) => {
        if (!inRange(a, dtype)) return;
        const u = eps[dtype],
          normA = frobenius(a.data);
        const tol = 50 * Math.max(m, n) * u * normA;
        const exact = lowRank(a, k, { backend, dtype });
        const direct = frobenius(a.data, exact.reconstruct().data);
        expect(Math.abs(exact.error - direct)).toBeLessThanOrEqual(tol);
        const S = svdvals(a, { backend, dtype });
        expect(Math.abs(exact.error - frobenius(S.subarray(k)))).toBeLessThanOrEqual(tol);
        if (normA > 0) expect(Math.abs(exact.relativeError - exact.error / normA)).toBeLessThanOrEqual(tol / normA);
        const rand = lowRank(a, k, { backend, dtype, method: 'randomized', seed: 1 });
        expect(frobenius(a.data, rand.reconstruct().data)).toBeGreaterThanOrEqual(direct - tol);
      }),
      params,
    );
  });

  it('reconstruct at full rank reproduces A', () => {
    fc.assert(
      fc.property(problem, ({ a, p, m, n, dtype, backend }) => {
        if (!inRange(a, dtype)) return;
        const tol = 50 * Math.max(m, n) * eps[dtype] * frobenius(a.data);
        const f = svd(a, { backend, dtype });
        expect(frobenius(a.data, reconstruct(f, p, { backend }).data)).toBeLessThanOrEqual(tol);
        expect(frobenius(a.data, lowRank(a, p, { backend, dtype }).reconstruct().data)).toBeLessThanOrEqual(tol);
      }),
      params,
    );
  });

  it("toBytes/fromBytes at the dtype's precision round-trips bit for bit", () => {
    fc.assert(
      fc.property(problem, fc.boolean(), ({ a, k, dtype, backend }, randomized) => {
        if (!inRange(a, dtype)) return;
        const x = lowRank(a, k, { backend, dtype, ...(randomized ? { method: 'randomized', seed: 2 } : {}) });
        const bytes = x.toBytes();
        const y = LowRank.fromBytes(bytes);
        for (const key of ['m', 'n', 'k', 'dtype', 'method', 'error', 'relativeError', 'energy'] as const) {
          expect(Object.is(y[key], x[key]), key).toBe(true);
        }
        for (const [p, q] of [
          [x.U.data, y.U.data],
          [x.S, y.S],
          [x.Vt.data, y.Vt.data],
        ]) {
          expect(q.constructor).toBe(p.constructor);
          expect(
            Buffer.from(q.buffer, q.byteOffset, q.byteLength).equals(Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
          ).toBe(true);
        }
        expect(Buffer.from(y.toBytes()).equals(Buffer.from(bytes))).toBe(true);
        // float64 bytes of a float32 LowRank are exact as well (widening is exact).
        if (dtype === 'float32')
          expect(Array.from(LowRank.fromBytes(x.toBytes({ precision: 'float64' })).U.data)).toEqual(
            Array.from(x.U.data),
          );
      }),
      params,
    );
  });
});
