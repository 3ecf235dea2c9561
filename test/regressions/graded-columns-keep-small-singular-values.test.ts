// Issue: columns of very different scale lost their small singular values (svdvals([[1e16, 1],
// [1, 1]]) gave [1e16, 0]). One-sided Jacobi now keeps each column at its own power-of-two scale
// and takes Gram–Schmidt steps for columns far apart in norm, so graded input A = B·D keeps every
// σ to relative error O(κ(B)·u) (Demmel & Veselić 1992), as README's "Accuracy" promises.
import { describe, expect, it } from 'vitest';
import { svd, svdvals } from '../../src/index.js';
import { cases } from '../harness/cases.js';
import { eps } from '../harness/ratios.js';
import {
  columnOrder,
  conditioned,
  gradeColumns,
  gradeStep,
  gradedReference,
  maxRelativeError,
} from '../harness/graded.js';
import { withSingularValues } from '../harness/matrices.js';

const orders = ['decreasing', 'increasing', 'shuffled'] as const;
/** Shapes: tall and square; float32 keeps ≤ 8 columns so 2^(-14·7) stays a normal float32. */
const shapes = {
  float64: [
    [8, 8],
    [20, 8],
    [30, 10],
    [12, 12],
    [40, 12],
  ],
  float32: [
    [8, 8],
    [20, 8],
    [30, 6],
    [6, 6],
  ],
};
const KAPPA = 50;

describe.each(cases)('graded columns, %s / %s', (backend, dtype) => {
  const u = eps[dtype];
  describe.each(orders)('%s scales', (order) => {
    it.each(shapes[dtype])('%i×%i: every σ to relative error ≤ 50·κ(B)·u', (m, n) => {
      const b = conditioned(m, n, KAPPA, m * 31 + n, dtype);
      const k = columnOrder(n, order, m + n);
      const a = gradeColumns(b, k, gradeStep[dtype]);
      const ref = gradedReference(b, k, gradeStep[dtype]);
      // the scales span at least 60 orders of magnitude (float64), 12 (float32)
      expect(Math.log10(ref[0] / ref[n - 1])).toBeGreaterThan(dtype === 'float64' ? 60 : 12);
      const input = { rows: m, cols: n, data: dtype === 'float32' ? Float32Array.from(a.data) : a.data };
      const s = svdvals(input, { backend });
      expect(maxRelativeError(s, ref)).toBeLessThanOrEqual(50 * KAPPA * u);
      const full = svd(input, { backend });
      expect(maxRelativeError(full.S, ref)).toBeLessThanOrEqual(50 * KAPPA * u);
    });
  });

  it("the issue's table: each small σ as numpy computes it", () => {
    const near = (x: ArrayLike<number>, y: number[]) => expect(maxRelativeError(x, y)).toBeLessThanOrEqual(8 * u);
    const opts = { backend, dtype } as const;
    near(
      svdvals(
        [
          [1e16, 1],
          [1, 1],
        ],
        opts,
      ),
      dtype === 'float64' ? [1e16, 1] : [Math.fround(1e16), 1],
    );
    near(
      svdvals(
        [
          [1e20, 1, 0],
          [1, 1, 2],
          [3, 1, 1],
          [0, 2, 1],
        ],
        opts,
      ),
      [1e20, 3.3166247903554, 1],
    );
    if (dtype === 'float64')
      near(
        svd(
          [
            [7e150, 0, 0],
            [0, 3, 0],
            [0, 0, 2.5],
          ],
          opts,
        ).S,
        [7e150, 3, 2.5],
      );
    const f = svd({ rows: 2, cols: 2, data: new Float32Array([1.5, 0, 0, 2 ** -149]) }, { backend });
    expect(Array.from(f.S)).toEqual([1.5, 2 ** -149]);
  });
});

describe.each(['wasm', 'js'] as const)('milder grading, %s (float64)', (backend) => {
  it("A = B·D, B 20×12 (κ ≈ 4.5), D = 10^(−6j): the same σ whatever the order of A's columns", () => {
    const b = withSingularValues(
      20,
      12,
      Array.from({ length: 12 }, (_, j) => 1 - j / 14.3),
      7,
    );
    const kappa = 1 / (1 - 11 / 14.3);
    const sets = orders.map((order) => {
      // A·P for a column permutation P: the exact σ do not depend on it
      const k = columnOrder(12, order, 5);
      const data = new Float64Array(240);
      for (let i = 0; i < 20; i++)
        for (let j = 0; j < 12; j++) data[i * 12 + j] = b.data[i * 12 + k[j]] * 10 ** (-6 * k[j]);
      return svdvals({ rows: 20, cols: 12, data }, { backend });
    });
    // each computed set is within 50κu of the exact σ, so within 100κu of each other
    expect(sets[0][11]).toBeGreaterThan(1e-67);
    expect(maxRelativeError(sets[1], Array.from(sets[0]))).toBeLessThanOrEqual(100 * kappa * eps.float64);
    expect(maxRelativeError(sets[2], Array.from(sets[0]))).toBeLessThanOrEqual(100 * kappa * eps.float64);
  });
});
