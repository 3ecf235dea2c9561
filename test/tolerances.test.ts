// Default rank tolerances and the options that move them, pinned so that a default off by 10×
// either way, or an option that is ignored, fails a test:
// - matrixRank / pinv / lstsq / subspaces: the default cutoff is max(m, n)·ε·σ₁ (numpy's rule,
//   ε = 2⁻⁵² or 2⁻²³). The matrix below has σ = 2, 3·t, 0.3·t with t that cutoff, so the rank is 2
//   at the default, 1 at 10× the cutoff and 3 at a tenth of it. Its columns are orthogonal (a
//   permuted, sign-flipped diagonal): its SVD is exact, and Jacobi keeps such columns' norms to
//   relative accuracy, so the test does not depend on rounding at the cutoff.
// - rcond / tol: larger drops more singular values (lower rank, smaller ‖x‖, larger null space).
// - randomizedSvd / lowRank 'randomized': more oversamples or power iterations give a smaller
//   error ‖A − U·diag(S)·Vt‖_F (HMT 2011), measured here directly in float64.
import { describe, expect, it } from 'vitest';
import { lowRank, lstsq, matrixRank, pinv, randomizedSvd, subspaces, type Dtype, type Matrix } from '../src/index.js';
import { cases } from './harness/cases.js';
import { withSingularValues } from './harness/matrices.js';

const machineEps = { float64: 2 ** -52, float32: 2 ** -23 };

/** 5×3, entries 2 at (3,0), −3t at (0,1), 0.3t at (4,2): σ = 2, 3t, 0.3t with t = 5·ε·2. */
function straddling(dtype: Dtype): { a: Matrix; t: number } {
  const t = 5 * machineEps[dtype] * 2;
  const data = new Float64Array(15);
  data[3 * 3 + 0] = 2;
  data[0 * 3 + 1] = -3 * t;
  data[4 * 3 + 2] = 0.3 * t;
  return { a: { rows: 5, cols: 3, data: dtype === 'float32' ? Float32Array.from(data) : data }, t };
}

/** ‖A − U·diag(S)·Vt‖_F in float64. */
function residual(a: Matrix, U: Matrix, S: ArrayLike<number>, Vt: Matrix): number {
  let s2 = 0;
  for (let i = 0; i < a.rows; i++) {
    for (let j = 0; j < a.cols; j++) {
      let x = a.data[i * a.cols + j];
      for (let k = 0; k < S.length; k++) x -= U.data[i * U.cols + k] * S[k] * Vt.data[k * Vt.cols + j];
      s2 += x * x;
    }
  }
  return Math.sqrt(s2);
}

describe.each(cases)('default tolerances on %s / %s', (backend, dtype) => {
  const opts = { backend, dtype };
  const { a, t } = straddling(dtype);

  it('matrixRank: default cutoff max(m, n)·ε·σ₁ (rank 2), and 10× either way changes the rank', () => {
    expect(matrixRank(a, opts)).toBe(2);
    expect(matrixRank(a, { ...opts, tol: 10 * t })).toBe(1);
    expect(matrixRank(a, { ...opts, tol: 0.1 * t })).toBe(3);
  });

  it('pinv: default rcond max(m, n)·ε keeps 1/(3t) and drops 1/(0.3t)', () => {
    // pinv is 3×5 with 1/σ at the transposed positions: (0,3) = 1/2, (1,0) = −1/(3t), (2,4) = 1/(0.3t).
    const at = (x: Matrix, i: number, j: number) => x.data[i * x.cols + j];
    const p = pinv(a, opts);
    expect(at(p, 0, 3)).toBeCloseTo(0.5, 6);
    expect(at(p, 1, 0) * -3 * t).toBeCloseTo(1, 5);
    expect(at(p, 2, 4)).toBe(0);
    expect(at(pinv(a, { ...opts, rcond: 10 * machineEps[dtype] * 5 }), 1, 0)).toBe(0);
    expect(at(pinv(a, { ...opts, rcond: 0.1 * machineEps[dtype] * 5 }), 2, 4) * 0.3 * t).toBeCloseTo(1, 5);
  });

  it('lstsq: default rcond solves on σ = 2 and 3t only; rcond moves that in the documented direction', () => {
    // b = A·(1, 1, 1): x = (1, 1, 0) at the default, (1, 0, 0) with rcond 10× larger, (1, 1, 1) 10× smaller.
    const b = [-3 * t, 0, 0, 2, 0.3 * t];
    const close = (x: ArrayLike<number>, want: number[]) =>
      want.forEach((w, i) => {
        expect(Math.abs(x[i] - w)).toBeLessThan(1e-5);
      });
    close(lstsq(a, b, opts), [1, 1, 0]);
    close(lstsq(a, b, { ...opts, rcond: 10 * machineEps[dtype] * 5 }), [1, 0, 0]);
    close(lstsq(a, b, { ...opts, rcond: 0.1 * machineEps[dtype] * 5 }), [1, 1, 1]);
    // rcond large enough to drop everything but σ₁: the minimum-norm solution shrinks.
    const norm = (x: ArrayLike<number>) => Math.hypot(...Array.from(x));
    expect(norm(lstsq(a, b, { ...opts, rcond: 0.9 }))).toBeLessThan(norm(lstsq(a, b, opts)));
  });

  it('subspaces: default tol gives rank 2; a larger tol moves a direction into the null spaces', () => {
    const s = subspaces(a, opts);
    expect([s.rank, s.column.cols, s.row.cols, s.null.cols, s.leftNull.cols]).toEqual([2, 2, 2, 1, 3]);
    const big = subspaces(a, { ...opts, tol: 10 * t });
    expect([big.rank, big.column.cols, big.null.cols, big.leftNull.cols]).toEqual([1, 1, 2, 4]);
    const small = subspaces(a, { ...opts, tol: 0.1 * t });
    expect([small.rank, small.null.cols, small.leftNull.cols]).toEqual([3, 0, 2]);
  });
});

describe.each(cases)('randomized options on %s / %s', (backend, dtype) => {
  // σᵢ = i^-½, a slowly decaying spectrum on which the sketch quality shows.
  const a0 = withSingularValues(
    120,
    90,
    Array.from({ length: 90 }, (_, i) => (i + 1) ** -0.5),
    17,
  );
  const a: Matrix = dtype === 'float32' ? { ...a0, data: Float32Array.from(a0.data) } : a0;
  const k = 8;
  const optimal = Math.sqrt(Array.from({ length: 90 - k }, (_, i) => 1 / (i + k + 1)).reduce((x, y) => x + y, 0));
  const err = (o: { oversamples?: number; powerIterations?: number }) => {
    const r = randomizedSvd(a, k, { backend, dtype, ...o });
    return residual(a, r.U, r.S, r.Vt);
  };

  it('randomizedSvd: more oversamples give a smaller error', () => {
    const e0 = err({ oversamples: 0, powerIterations: 0 }),
      e20 = err({ oversamples: 20, powerIterations: 0 });
    expect(e20).toBeLessThan(e0 * 0.99);
    expect(e20).toBeGreaterThanOrEqual(optimal * (1 - 1e-6));
  });

  it('randomizedSvd: more power iterations give a smaller error', () => {
    const q0 = err({ oversamples: 0, powerIterations: 0 }),
      q3 = err({ oversamples: 0, powerIterations: 3 });
    expect(q3).toBeLessThan(q0 * 0.99);
    expect(q3).toBeGreaterThanOrEqual(optimal * (1 - 1e-6));
  });

  it('lowRank method randomized passes both options on', () => {
    const e = (o: { oversamples: number; powerIterations: number }) =>
      lowRank(a, k, { backend, dtype, method: 'randomized', ...o }).error;
    expect(e({ oversamples: 20, powerIterations: 0 })).toBeLessThan(e({ oversamples: 0, powerIterations: 0 }) * 0.99);
    expect(e({ oversamples: 0, powerIterations: 3 })).toBeLessThan(e({ oversamples: 0, powerIterations: 0 }) * 0.99);
  });
});
