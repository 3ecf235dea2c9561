// Caught by the flags example: on an image with large flat areas (a disc, rank 59 of 300) Jacobi
// spent 18 of its 27 sweeps orthogonalising columns of pure rounding noise, close enough to the
// 60-sweep cap for a real photo to hit it. A column that cancels to its own rounding level (tol
// times the largest norm it has had) is now numerically zero; a column that is merely small
// next to the largest keeps its σ (relative accuracy, test/regressions/graded-*.test.ts).
import { describe, expect, it } from 'vitest';
import { pinv, svd } from '../../src/index.js';
import { cases } from '../harness/cases.js';
import { checkSvd } from '../harness/check-svd.js';

function disc(m: number, n: number) {
  const data = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) data[i * n + j] = (i - m / 2) ** 2 + (j - n / 2) ** 2 < (m / 3) ** 2 ? 255 : 30;
  }
  return { rows: m, cols: n, data };
}

describe.each(cases)('%s / %s', (backend, dtype) => {
  it('a 300×450 disc converges in at most 12 sweeps, with rounding-level σ past its rank', () => {
    const r = svd(disc(300, 450), { backend, dtype, maxSweeps: 12 });
    const e = dtype === 'float64' ? 2 ** -53 : 2 ** -24;
    const rank = r.S.findIndex((s) => s < r.S[0] * 1e-4);
    expect(rank).toBeGreaterThan(50);
    expect(rank).toBeLessThan(70);
    // past the rank: zero in exact arithmetic, so within the backward error LAPACK's tests allow
    for (let i = rank; i < r.S.length; i++) expect(r.S[i]).toBeLessThanOrEqual(50 * 450 * e * r.S[0]);
  });
  it('the harness passes on a smaller disc', () => checkSvd(disc(60, 90), backend, dtype));
  it('an exactly graded matrix keeps its tiny singular value', () => {
    // far below u·σ₁ (the floor), above the absolute zero threshold of params.ts
    const tiny = dtype === 'float64' ? 1e-20 : Math.fround(1e-12);
    const S = svd(
      [
        [1, 0],
        [0, tiny],
      ],
      { backend, dtype },
    ).S;
    expect(S[1]).toBe(tiny);
    const inv = pinv(
      [
        [1, 0],
        [0, tiny],
      ],
      { backend, dtype, rcond: 0 },
    ).data[3];
    expect(Math.abs(inv * tiny - 1)).toBeLessThan(dtype === 'float64' ? 1e-15 : 1e-7);
  });
});
