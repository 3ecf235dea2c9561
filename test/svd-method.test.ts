// svd's `method` option and the rule 'auto' follows: the bidiagonal route unless the working
// matrix's column norms spread by more than bidiagonalMaxSpread (graded columns keep Jacobi).
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, svd, svdvals } from '../src/index.js';
import { bidiagonalMaxSpread } from '../src/params.js';
import { columnSpread, svdKernelFor } from '../src/svd-method.js';
import { cases } from './harness/cases.js';
import { columnOrder, conditioned, gradeColumns, gradedReference, maxRelativeError } from './harness/graded.js';
import { columnMajor, uniformMatrix } from './harness/matrices.js';
import { eps } from './harness/ratios.js';

describe('columnSpread and the auto rule', () => {
  it('ignores zero columns and needs no scaling help near the float range ends', () => {
    expect(columnSpread(Float64Array.from([3, 4, 0, 0, 0, 1]), 2, 3)).toBe(5);
    expect(columnSpread(new Float64Array(6), 3, 2)).toBe(1);
    expect(columnSpread(Float64Array.from([1e300, 1e300, 1e290, 0]), 2, 2) / (Math.SQRT2 * 1e10)).toBeCloseTo(1, 14);
    expect(columnSpread(Float64Array.from([1e300, 0, 1e-300, 0]), 2, 2)).toBe(Infinity); // ratio past the range: Jacobi
    const tiny = columnSpread(Float64Array.from([5e-324, 5e-324, 1e-310, 0]), 2, 2);
    expect(Number.isFinite(tiny) && tiny > 1).toBe(true);
  });
  it('uniform matrices take the bidiagonal route, graded ones Jacobi, forced methods stay forced', () => {
    const u = uniformMatrix(60, 40, 1);
    expect(svdKernelFor('auto', columnMajor(u), 60, 40)).toBe('bidiagonal');
    expect(svdKernelFor(undefined, columnMajor(u), 60, 40)).toBe('bidiagonal');
    const g = gradeColumns(conditioned(60, 40, 50, 3, 'float64'), columnOrder(40, 'shuffled', 4), -1);
    expect(svdKernelFor('auto', columnMajor(g), 60, 40)).toBe('jacobi');
    expect(svdKernelFor('bidiagonal', columnMajor(g), 60, 40)).toBe('bidiagonal');
    expect(svdKernelFor('jacobi', columnMajor(u), 60, 40)).toBe('jacobi');
  });
  it('the threshold is inclusive: spread exactly bidiagonalMaxSpread is bidiagonal, above is Jacobi', () => {
    const at = Float64Array.from([1, 0, 0, bidiagonalMaxSpread]);
    expect(svdKernelFor('auto', at, 2, 2)).toBe('bidiagonal');
    at[3] = bidiagonalMaxSpread * (1 + 2 ** -52);
    expect(svdKernelFor('auto', at, 2, 2)).toBe('jacobi');
  });
  it('an unknown method is an InvalidOptionError naming the choices', () => {
    expect(() =>
      svd(
        [
          [1, 2],
          [3, 4],
        ],
        { method: 'qr' as never },
      ),
    ).toThrow(InvalidOptionError);
    expect(() =>
      svdvals(
        [
          [1, 2],
          [3, 4],
        ],
        { method: 'dqds' as never },
      ),
    ).toThrow(/jacobi/);
  });
});

describe.each(cases)('accuracy of the route auto takes (%s / %s)', (backend, dtype) => {
  const u = eps[dtype],
    kappa = 50;
  it("columns spread within the limit: bidiagonal σ within spread·50·κ·u of Jacobi's", () => {
    // Exponent steps of 1/10 over 40 columns: a spread of 2^3.9 < 16, so auto takes bidiagonal.
    const a = gradeColumns(conditioned(80, 40, kappa, 7, dtype), columnOrder(40, 'shuffled', 8), -0.1);
    expect(svdKernelFor('auto', columnMajor(a), 80, 40)).toBe('bidiagonal');
    const auto = svdvals(a, { backend, dtype }),
      bid = svdvals(a, { backend, dtype, method: 'bidiagonal' });
    expect(Array.from(auto)).toEqual(Array.from(bid));
    const ref = svdvals(a, { backend, dtype: 'float64', method: 'jacobi' });
    expect(maxRelativeError(auto, ref)).toBeLessThanOrEqual(bidiagonalMaxSpread * 50 * kappa * u);
  });
  it('strongly graded columns: auto keeps every σ to 50·κ·u; forcing bidiagonal loses the small ones', () => {
    // Consecutive column scales 2^30 (2^14 in float32), where σⱼ = dⱼ·|rⱼⱼ| is the exact reference.
    // Increasing order: with the largest column first, Householder bidiagonalization happens to
    // keep the small σ too (it then acts like a pivoted QR), so that order would show nothing.
    const n = 6,
      k = columnOrder(n, 'increasing', 1),
      step = dtype === 'float64' ? -30 : -14;
    const b = conditioned(30, n, kappa, 11, dtype),
      a = gradeColumns(b, k, step);
    const ref = gradedReference(b, k, step);
    expect(maxRelativeError(svdvals(a, { backend, dtype }), ref)).toBeLessThanOrEqual(50 * kappa * u);
    // Bidiagonalization errs by O(u·σ₁) in every σ: σ_min/σ₁ = 2^(step·(n−1)) is far below u.
    expect(maxRelativeError(svdvals(a, { backend, dtype, method: 'bidiagonal' }), ref)).toBeGreaterThan(
      1e3 * kappa * u,
    );
  });
});
