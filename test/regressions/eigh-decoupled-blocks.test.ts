// Issue: eigh skipped rotations by a threshold relative to the whole matrix, so a block decoupled
// from a much larger one was never diagonalised (eigh([[1e20,0,0],[0,1,.5],[0,.5,2]]) gave
// [1e20, 2, 1]). The two-sided Jacobi now rotates when |a_pq| > tol·√|a_pp·a_qq| (Demmel &
// Veselić), which also gives graded positive definite matrices their eigenvalues to high
// relative accuracy.
import { describe, expect, it } from 'vitest';
import { eigh } from '../../src/index.js';
import { cases } from '../harness/cases.js';
import { eps } from '../harness/ratios.js';
import { gradeStep, maxRelativeError } from '../harness/graded.js';
import { randomSymmetric } from '../harness/symmetric.js';
import { withSingularValues } from '../harness/matrices.js';

/** Cholesky diagonal r_jj² of the n×n row-major positive definite c (float64). */
function choleskyPivots(c: Float64Array, n: number): number[] {
  const a = Float64Array.from(c);
  const piv: number[] = [];
  for (let j = 0; j < n; j++) {
    const p = a[j * n + j];
    piv.push(p);
    for (let i = j + 1; i < n; i++) for (let k = j + 1; k < n; k++) a[i * n + k] -= (a[i * n + j] * a[j * n + k]) / p;
  }
  return piv;
}

describe.each(cases)('%s / %s', (backend, dtype) => {
  const u = eps[dtype];
  it.each(['jacobi', 'tridiagonal'] as const)(
    '%s: a block 1e20 times smaller than the rest is diagonalised: (3 ± √2)/2',
    (method) => {
      const v = eigh(
        [
          [1e20, 0, 0],
          [0, 1, 0.5],
          [0, 0.5, 2],
        ],
        { backend, dtype, method },
      ).values;
      expect(maxRelativeError(v, [1e20, (3 + Math.SQRT2) / 2, (3 - Math.SQRT2) / 2])).toBeLessThanOrEqual(8 * u);
    },
  );
  it("graded positive definite H = D·C·D, method 'jacobi': every eigenvalue to relative error ≤ 50·κ(C)·u", () => {
    const n = dtype === 'float64' ? 6 : 4,
      kappa = 100;
    // C = Q·diag(λ)·Qᵀ with λ from 1 to 1/κ: symmetric positive definite, κ(C) = 100
    const q = withSingularValues(
      n,
      n,
      Array.from({ length: n }, () => 1),
      11,
    ).data;
    const lam = Array.from({ length: n }, (_, j) => 1 - (j / (n - 1)) * (1 - 1 / kappa));
    const c = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) for (let k = 0; k < n; k++) c[i * n + j] += q[i * n + k] * lam[k] * q[j * n + k];
    for (let i = 0; i < n; i++)
      for (let j = 0; j < i; j++)
        c[i * n + j] = c[j * n + i] = dtype === 'float32' ? Math.fround(c[j * n + i]) : c[j * n + i];
    if (dtype === 'float32') for (let i = 0; i < n; i++) c[i * n + i] = Math.fround(c[i * n + i]);
    const d = Array.from({ length: n }, (_, j) => 2 ** (gradeStep[dtype] * j));
    const h = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) h[i * n + j] = d[i] * c[i * n + j] * d[j];
    const ref = choleskyPivots(c, n).map((p, j) => p * d[j] ** 2);
    const v = eigh({ rows: n, cols: n, data: h }, { backend, dtype, method: 'jacobi' }).values;
    expect(maxRelativeError(v, ref)).toBeLessThanOrEqual(50 * kappa * u);
  });
  it('a random symmetric matrix still converges (indefinite, no absolute floor)', () => {
    const v = eigh(randomSymmetric(40, 3), { backend, dtype, maxSweeps: 30, method: 'jacobi' }).values;
    expect(v.length).toBe(40);
  });
});
