import { describe, expect, it } from 'vitest';
import { eigh, InvalidMatrixError } from '../src/index.js';
import { checkEigh } from './harness/check-eigh.js';
import { scaled } from './harness/matrices.js';
import { randomSymmetric, withEigenvalues } from './harness/symmetric.js';
import { cases } from './harness/cases.js';

describe.each(cases)('eigh on %s / %s', (backend, dtype) => {
  it.each([0, 1, 2, 3, 5, 8, 17, 33, 64])('random symmetric %i×%i', (n) => {
    checkEigh(randomSymmetric(n, n + 1), backend, dtype);
  });

  const spectra: Record<string, number[]> = {
    indefinite: [5, 3, 1, -1, -2, -4, 0.5, -0.5],
    repeated: [2, 2, 2, 1, 1, -1, -1, -1],
    singular: [3, 1, 0, 0, 0, -2, 0, 0],
    graded: [1, 1e-3, 1e-6, 1e-9, 1e-12, 1e-15, -1e-4, -1e-8],
    zero: [0, 0, 0, 0],
  };
  it.each(Object.entries(spectra))('prescribed eigenvalues: %s', (_, lambda) => {
    const a = withEigenvalues(lambda, lambda.length * 13);
    checkEigh(a, backend, dtype);
    const { values } = eigh(a, { backend, dtype });
    const e = dtype === 'float64' ? 2 ** -53 : 2 ** -24;
    const sorted = [...lambda].sort((x, y) => y - x);
    const scale = Math.max(...lambda.map(Math.abs));
    for (let i = 0; i < values.length; i++)
      expect(Math.abs(values[i] - sorted[i])).toBeLessThanOrEqual(50 * lambda.length * e * scale);
  });

  it('entries near overflow and underflow', () => {
    const big = dtype === 'float64' ? 1e300 : 1e30,
      small = dtype === 'float64' ? 1e-300 : 1e-30;
    for (const c of [big, small]) checkEigh(scaled(randomSymmetric(12, 3), c), backend, dtype);
  });

  it('identity and diagonal input', () => {
    const { values } = eigh(
      [
        [1, 0, 0],
        [0, 3, 0],
        [0, 0, 2],
      ],
      { backend, dtype },
    );
    expect(Array.from(values)).toEqual([3, 2, 1]);
  });

  it('rejects non-square and non-symmetric input', () => {
    expect(() =>
      eigh(
        [
          [1, 2, 3],
          [2, 1, 0],
        ],
        { backend, dtype },
      ),
    ).toThrow(InvalidMatrixError);
    expect(() =>
      eigh(
        [
          [1, 2],
          [3, 1],
        ],
        { backend, dtype },
      ),
    ).toThrow(/symmetric/);
  });
});
