// Caught by `npm run test:fuzz` (seed 20261125, case 449 of "scaling by a power of two scales S
// exactly"): a 252×227 float32 matrix with entries near 6e24 scaled by 2^57 has entries near
// 6e41, beyond float32. svdkit rightly refused it with an InvalidMatrixError; the property
// decomposed before checking its own skip condition, and failed on the error. The property now
// checks first; this test keeps both behaviours: past the range a typed error that says so,
// within it S scales exactly.
import { describe, expect, it } from 'vitest';
import { InvalidMatrixError, svdvals } from '../../src/index.js';
import { backends } from '../harness/cases.js';
import { scaled, withSingularValues } from '../harness/matrices.js';

const graded = (p: number) => Array.from({ length: p }, (_, i) => 1e-15 ** (i / (p - 1)));
const a = scaled(withSingularValues(252, 227, graded(227), 187845443), 1e26);

describe.each(backends)('%s', (backend) => {
  it('the counterexample scaled by 2^57: an InvalidMatrixError naming the float32 range', () => {
    expect(() => svdvals(scaled(a, 2 ** 57), { backend, dtype: 'float32' })).toThrow(InvalidMatrixError);
    expect(() => svdvals(scaled(a, 2 ** 57), { backend, dtype: 'float32' })).toThrow(
      /a\[0\]\[0\] is 5\.69\d*e\+41, beyond the float32 range \(use dtype 'float64'\)/,
    );
  });

  it('scaled by 2^30 (within float32), S scales exactly', () => {
    const s = svdvals(a, { backend, dtype: 'float32' }),
      s2 = svdvals(scaled(a, 2 ** 30), { backend, dtype: 'float32' });
    for (let i = 0; i < s.length; i++) {
      // Exact where σ stays a normal float32 (the graded tail reaches 1e-15·σ₁).
      if (Math.abs(s[i]) >= 2 ** -126) expect(s2[i]).toBe(Math.fround(s[i] * 2 ** 30));
    }
  });
});
