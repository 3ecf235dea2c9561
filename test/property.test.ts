/**
 * Property-based tests (fast-check, seeded): random shapes, dtypes, backends, singular-value
 * profiles and scalings. `npm test` runs 100 cases per property on shapes up to 64×64 (a few
 * seconds); `npm run test:fuzz` (FUZZ=1) runs 2000 per property up to 300×300. A counterexample becomes a fixed test in
 * test/regressions/, named after what it caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { svd, svdvals, type Dtype } from '../src/index.js';
import { checkSvd } from './harness/check-svd.js';
import { eps } from './harness/ratios.js';
import { MAX_DIM, problems, RUNS } from './harness/fuzz.js';
import { scaled, type M64 } from './harness/matrices.js';

const SEED = 20261125;
const problem = problems(0);

function transposed(a: M64): M64 {
  const data = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) data[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data };
}

/** max_i |x_i − y_i| ≤ 50·p·ε·σ₁. */
function expectSameS(x: ArrayLike<number>, y: ArrayLike<number>, dtype: Dtype): void {
  expect(x.length).toBe(y.length);
  const tol = 50 * x.length * eps[dtype] * (y.length ? y[0] : 0);
  for (let i = 0; i < x.length; i++) expect(Math.abs(x[i] - y[i])).toBeLessThanOrEqual(tol);
}

const params = { seed: SEED, numRuns: RUNS, endOnFailure: true };

describe('properties', () => {
  it('the harness ratios hold, on the shapes README claims', () => {
    const shapes: [number, number][] = [];
    fc.assert(
      fc.property(problem, ({ a, backend, dtype }) => {
        shapes.push([a.rows, a.cols]);
        checkSvd(a, backend, dtype);
      }),
      params,
    );
    // What this run covered: mostly both sizes ≥ 3, sizes up to MAX_DIM (64; 300 with FUZZ=1),
    // vectors and empty matrices too.
    expect(shapes).toHaveLength(RUNS);
    expect(shapes.filter(([m, n]) => m >= 3 && n >= 3).length).toBeGreaterThan(0.6 * RUNS);
    expect(Math.max(...shapes.map(([m, n]) => Math.max(m, n)))).toBeGreaterThanOrEqual(0.9 * MAX_DIM);
    expect(shapes.filter(([m, n]) => Math.min(m, n) > MAX_DIM / 2).length).toBeGreaterThan(0);
    expect(shapes.some(([m, n]) => m === 1 || n === 1)).toBe(true);
    expect(shapes.some(([m, n]) => m === 0 || n === 0)).toBe(true);
  });

  it('svdvals equals svd(...).S', () => {
    fc.assert(
      fc.property(problem, ({ a, backend, dtype }) => {
        expectSameS(svdvals(a, { backend, dtype }), svd(a, { backend, dtype }).S, dtype);
      }),
      params,
    );
  });

  it('both backends agree', () => {
    fc.assert(
      fc.property(problem, ({ a, dtype }) => {
        expectSameS(svdvals(a, { backend: 'wasm', dtype }), svdvals(a, { backend: 'js', dtype }), dtype);
      }),
      params,
    );
  });

  it('svd(Aᵀ) has the singular values of A', () => {
    fc.assert(
      fc.property(problem, ({ a, backend, dtype }) => {
        const at = transposed(a);
        expectSameS(svdvals(at, { backend, dtype }), svdvals(a, { backend, dtype }), dtype);
        const r = svd(at, { backend, dtype });
        expect([r.U!.rows, r.Vt!.cols]).toEqual([a.cols, a.rows]);
      }),
      params,
    );
  });

  it('scaling by a power of two scales S exactly', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: -60, max: 60 }), ({ a, backend, dtype }, k) => {
        // Exact unless a σ (or an entry) falls into the subnormal range or overflows. Checked
        // before decomposing: an entry scaled past the dtype's range is (rightly) an error
        // (test/regressions/power-of-two-scaling-past-the-float32-range.test.ts).
        const tiny = dtype === 'float64' ? 2 ** -1000 : 2 ** -100,
          huge = dtype === 'float64' ? 2 ** 1000 : 2 ** 100;
        if (
          a.data.some(
            (x) => x !== 0 && (Math.abs(x * 2 ** k) < tiny || Math.abs(x * 2 ** k) > huge || Math.abs(x) < tiny),
          )
        )
          return;
        const s = svdvals(a, { backend, dtype });
        const s2 = svdvals(scaled(a, 2 ** k), { backend, dtype });
        for (let i = 0; i < s.length; i++)
          expect(s2[i]).toBe(dtype === 'float64' ? s[i] * 2 ** k : Math.fround(s[i] * 2 ** k));
      }),
      params,
    );
  });

  it('permuting rows or columns leaves S unchanged', () => {
    fc.assert(
      fc.property(problem, fc.integer({ min: 1, max: 1000 }), ({ a, backend, dtype }, shift) => {
        const { rows: m, cols: n } = a;
        if (m === 0 || n === 0) return;
        const data = new Float64Array(m * n);
        // rows rotated by `shift`, columns reversed
        for (let i = 0; i < m; i++)
          for (let j = 0; j < n; j++) data[((i + shift) % m) * n + (n - 1 - j)] = a.data[i * n + j];
        expectSameS(svdvals({ rows: m, cols: n, data }, { backend, dtype }), svdvals(a, { backend, dtype }), dtype);
      }),
      params,
    );
  });
});
