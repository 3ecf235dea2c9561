import { describe, expect, it } from 'vitest';
import { svd, svdvals } from '../src/index.js';
import { checkSvd } from './harness/check-svd.js';
import { identityMatrix, profiles, scaled, uniformMatrix, withSingularValues } from './harness/matrices.js';
import { cases } from './harness/cases.js';

const sizes = [0, 1, 2, 3, 5, 8, 17, 33];

describe.each(cases)('svd on %s / %s', (backend, dtype) => {
  describe('every shape', () => {
    for (const m of sizes) {
      it(`${m}×n for n in ${sizes.join(',')}`, () => {
        for (const n of sizes) checkSvd(uniformMatrix(m, n, 1000 * m + n), backend, dtype);
      });
    }
    it.each([
      [200, 50],
      [50, 200],
      [128, 128],
    ])('%i×%i', (m, n) => {
      checkSvd(uniformMatrix(m, n, m + 7 * n), backend, dtype);
    });
  });

  describe('prescribed singular values', () => {
    for (const [name, profile] of Object.entries(profiles)) {
      it.each([
        [40, 25],
        [25, 40],
        [30, 30],
      ])(`${name} %i×%i`, (m, n) => {
        const sigma = profile(Math.min(m, n));
        const a = withSingularValues(m, n, sigma, m * 31 + n);
        checkSvd(a, backend, dtype);
        const S = svd(a, { backend, dtype, computeUV: false }).S;
        const e = dtype === 'float64' ? 2 ** -53 : 2 ** -24;
        const sorted = [...sigma].sort((x, y) => y - x);
        for (let i = 0; i < S.length; i++)
          expect(Math.abs(S[i] - sorted[i])).toBeLessThan(50 * Math.max(m, n) * e * sorted[0]);
      });
    }
  });

  describe('special matrices', () => {
    it.each([
      [6, 4],
      [4, 6],
      [5, 5],
    ])('zero %i×%i: S = 0, U and V orthonormal, no NaN', (m, n) => {
      const a = { rows: m, cols: n, data: new Float64Array(m * n) };
      checkSvd(a, backend, dtype);
      expect(Array.from(svdvals(a, { backend, dtype }))).toEqual(new Array(Math.min(m, n)).fill(0));
    });
    it.each([
      [6, 4],
      [4, 6],
      [5, 5],
    ])('identity %i×%i', (m, n) => {
      checkSvd(identityMatrix(m, n), backend, dtype);
      expect(Array.from(svdvals(identityMatrix(m, n), { backend, dtype }))).toEqual(new Array(Math.min(m, n)).fill(1));
    });
    it('1×1 gives |a| with sign in U', () => {
      const r = svd([[-3]], { backend, dtype });
      expect(Array.from(r.S)).toEqual([3]);
      expect(r.U!.data[0] * r.Vt!.data[0]).toBe(-1);
    });
    it('rank-1 outer product', () => {
      const u = [1, 2, 3, 4, 5, 6, 7],
        v = [3, -1, 2, 0.5];
      const a = u.map((x) => v.map((y) => x * y));
      checkSvd({ rows: 7, cols: 4, data: Float64Array.from(a.flat()) }, backend, dtype);
      const S = svdvals(a, { backend, dtype });
      expect(S[1]).toBeLessThan(1e-5 * S[0]);
    });
  });

  describe('extreme scaling', () => {
    // Near the dtype's overflow and underflow thresholds: scaling is exact, results too.
    const big = dtype === 'float64' ? 1e300 : 1e30,
      small = dtype === 'float64' ? 1e-300 : 1e-30;
    it.each([[big], [small]])('entries of size %d', (c) => {
      for (const [m, n] of [
        [12, 7],
        [7, 12],
        [9, 9],
      ]) {
        const a = scaled(uniformMatrix(m, n, m + n), c);
        checkSvd(a, backend, dtype);
      }
    });
    it('a power-of-two scale scales S exactly', () => {
      const a = uniformMatrix(20, 13, 5);
      const s1 = svdvals(a, { backend, dtype }),
        s2 = svdvals(scaled(a, 2 ** 40), { backend, dtype });
      for (let i = 0; i < s1.length; i++) expect(s2[i]).toBe(s1[i] * 2 ** 40);
    });
  });
});
