// Caught by test/hostile.test.ts: eigh averaged the two triangles as (x + y)/2, which overflows
// for entries near the float64 limit even when the eigenvalues are in range. The wasm kernel then
// returned finite but wrong eigenvalues from the Infinity entries, the js one a ConvergenceError
// with offNorm 0. The average is now x + (y − x)/2.
import { describe, expect, it } from 'vitest';
import { eigh } from '../../src/index.js';
import { backends } from '../harness/cases.js';

describe.each(backends)('%s', (backend) => {
  it('entries of 1e308 whose eigenvalues are ±√2·1e308', () => {
    const big = 1e308,
      near = big * (1 - 2 ** -52); // triangles differ by an ulp: averaged, not rejected
    const { values, vectors } = eigh(
      [
        [big, near],
        [near, -big],
      ],
      { backend },
    );
    expect(values.every(Number.isFinite) && vectors.data.every(Number.isFinite)).toBe(true);
    expect(Math.abs(values[0] / (big * Math.SQRT2) - 1)).toBeLessThan(1e-15);
    expect(Math.abs(values[1] / (big * Math.SQRT2) + 1)).toBeLessThan(1e-15);
  });

  it('eigenvalues beyond the range are an error, not Infinity', () => {
    expect(() =>
      eigh(
        [
          [1.7e308, 1.7e308],
          [1.7e308, 1.7e308],
        ],
        { backend },
      ),
    ).toThrow(/largest eigenvalue exceeds the float64 range/);
  });
});
