import { describe, expect, it } from 'vitest';
import {
  cond,
  InvalidMatrixError,
  svdvals,
  InvalidOptionError,
  lstsq,
  matrixRank,
  norm2,
  nuclearNorm,
  pinv,
  subspaces,
  type Matrix,
} from '../src/index.js';
import { createRng } from '../src/random.js';
import { uniformMatrix, withSingularValues } from './harness/matrices.js';
import { cases, wasmMissing, asDtype, mul } from './harness/cases.js';

function t(a: Matrix): Matrix {
  const d = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) d[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data: d };
}

function frob(a: Matrix): number {
  let s = 0;
  for (const x of a.data) s += x * x;
  return Math.sqrt(s);
}

function diff(a: Matrix, b: Matrix): number {
  expect([a.rows, a.cols]).toEqual([b.rows, b.cols]);
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(s);
}

function vec(x: ArrayLike<number>): Matrix {
  return { rows: x.length, cols: 1, data: Float64Array.from(x) };
}

/** Solves the SPD system G·x = r by Cholesky (test reference for the normal equations). */
function cholSolve(g: Matrix, r: Float64Array): Float64Array {
  const n = g.rows,
    l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = g.data[j * n + j];
    for (let k = 0; k < j; k++) d -= l[j * n + k] ** 2;
    l[j * n + j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = g.data[i * n + j];
      for (let k = 0; k < j; k++) s -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = s / l[j * n + j];
    }
  }
  const y = new Float64Array(n),
    x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = r[i];
    for (let k = 0; k < i; k++) s -= l[i * n + k] * y[k];
    y[i] = s / l[i * n + i];
  }
  for (let i = n - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < n; k++) s -= l[k * n + i] * x[k];
    x[i] = s / l[i * n + i];
  }
  return x;
}

const rankDeficient = [6, 4, 3, 2, 1.5, 0, 0, 0];

describe.each(cases)('linear algebra on %s / %s', (backend, dtype) => {
  const run = it.skipIf(backend === 'wasm' && wasmMissing); // the wasm rows wait for the wasm backend
  const opts = { backend, dtype };
  const e = dtype === 'float64' ? 2 ** -52 : 2 ** -23;

  describe('matrixRank', () => {
    run('counts the rank of matrices of known rank, with noise below and above the tolerance', () => {
      for (const [m, n] of [
        [30, 20],
        [20, 30],
        [25, 25],
      ]) {
        const exact = withSingularValues(m, n, [5, 4, 3, 2, 1], m + n);
        expect(matrixRank(asDtype(exact, dtype), opts)).toBe(5);
        const tol = Math.max(m, n) * e * 5;
        for (const [noise, expected] of [
          [tol * 1e-3, 5],
          [tol * 1e4, Math.min(m, n)],
        ]) {
          const rng = createRng(m * n);
          // Gaussian noise N with ‖N‖₂ ≈ noise; its smallest singular value is ≳ noise/(√m + √n)², far above tol in the second case
          const scale = noise / (Math.sqrt(m) + Math.sqrt(n));
          const a = asDtype({ ...exact, data: exact.data.map((x) => x + scale * rng.normal()) }, dtype);
          if (dtype === 'float32' && expected === 5) continue; // float32 rounding alone is ~1e-3·tol: covered by the exact case
          expect(matrixRank(a, opts)).toBe(expected);
        }
        expect(matrixRank(asDtype(exact, dtype), { ...opts, tol: 3.5 })).toBe(2);
      }
    });

    run('handles zero, empty and tiny matrices', () => {
      expect(matrixRank({ rows: 3, cols: 4, data: new Float64Array(12) }, opts)).toBe(0);
      expect(matrixRank({ rows: 0, cols: 4, data: [] }, opts)).toBe(0);
      expect(matrixRank([[1e-300]], { backend, dtype: 'float64' })).toBe(1);
      expect(() => matrixRank([[1]], { ...opts, tol: -1 })).toThrow(InvalidOptionError);
    });
  });

  describe('pinv', () => {
    run('satisfies the four Moore–Penrose conditions', () => {
      // Each matrix with its κ_r = σ₁/σ_r (the error of A⁺ grows with it): prescribed, or for the
      // uniform ones from the float64 singular values (the harness checks those separately).
      const kappaOf = (a: Matrix) => {
        const s = svdvals(a, { dtype: 'float64' });
        return s[0] / s[s.length - 1];
      };
      const uniform = [uniformMatrix(12, 8, 1), uniformMatrix(8, 12, 2)];
      const withKappa: [Matrix, number][] = [
        ...uniform.map((a) => [a, kappaOf(a)] as [Matrix, number]),
        [withSingularValues(14, 10, rankDeficient, 3), 6 / 1.5],
        [withSingularValues(10, 14, rankDeficient, 4), 6 / 1.5],
        [withSingularValues(9, 9, [1, 1e-3, 0, 0], 5), 1e3],
      ];
      for (const [a0, kappa] of withKappa) {
        const a = asDtype(a0, dtype),
          x = pinv(a, opts);
        expect([x.rows, x.cols]).toEqual([a.cols, a.rows]);
        const ax = mul(a, x),
          xa = mul(x, a);
        const tol = 200 * e * kappa;
        expect(diff(mul(ax, a), a)).toBeLessThan(tol * frob(a));
        expect(diff(mul(xa, x), x)).toBeLessThan(tol * frob(x));
        expect(diff(ax, t(ax))).toBeLessThan(tol * frob(ax));
        expect(diff(xa, t(xa))).toBeLessThan(tol * frob(xa));
      }
    });

    run('inverts a square nonsingular matrix and returns right-shaped empty and zero results', () => {
      const a = asDtype({ rows: 2, cols: 2, data: [2, 1, 1, 3] }, dtype);
      const x = pinv(a, opts);
      expect(Array.from(x.data).map((v) => +v.toFixed(5))).toEqual([0.6, -0.2, -0.2, 0.4]);
      const z = pinv({ rows: 3, cols: 2, data: new Float64Array(6) }, opts);
      expect([z.rows, z.cols, ...z.data]).toEqual([2, 3, 0, 0, 0, 0, 0, 0]);
      for (const [m, n] of [
        [0, 3],
        [3, 0],
        [0, 0],
      ]) {
        const p = pinv({ rows: m, cols: n, data: [] }, opts);
        expect([p.rows, p.cols, p.data.length]).toEqual([n, m, 0]);
      }
      // rcond 0 keeps every singular value: 1e-20 is exact in both dtypes (relative accuracy)
      const tiny = dtype === 'float64' ? 1e-20 : Math.fround(1e-20);
      expect(
        pinv(
          [
            [1, 0],
            [0, 1e-20],
          ],
          { ...opts, rcond: 0 },
        ).data[3] * tiny,
      ).toBeCloseTo(1, 6);
    });
  });

  describe('lstsq', () => {
    run('solves full-rank problems as the normal equations do', () => {
      const a = asDtype(withSingularValues(30, 6, [4, 3, 2, 1.5, 1, 0.5], 6), dtype);
      const rng = createRng(6);
      const b = Float64Array.from({ length: 30 }, () => rng.normal());
      const x = lstsq(a, b, opts);
      expect(x).toBeInstanceOf(dtype === 'float64' ? Float64Array : Float32Array);
      const a64 = { ...a, data: Float64Array.from(a.data) };
      const ref = cholSolve(mul(t(a64), a64), mul(t(a64), vec(b)).data);
      expect(diff(vec(x), vec(ref))).toBeLessThan(200 * e * 64 * frob(vec(ref)));
      const B = { rows: 30, cols: 3, data: Float64Array.from({ length: 90 }, () => rng.normal()) };
      const X = lstsq(a, B, opts);
      expect([X.rows, X.cols]).toEqual([6, 3]);
      const col1 = lstsq(
        a,
        Array.from({ length: 30 }, (_, i) => B.data[i * 3 + 1]),
        opts,
      );
      for (let i = 0; i < 6; i++) expect(X.data[i * 3 + 1]).toBeCloseTo(col1[i], dtype === 'float64' ? 12 : 5);
    });

    run('returns the minimum-norm solution of rank-deficient and under-determined problems', () => {
      for (const a0 of [withSingularValues(14, 10, rankDeficient, 7), withSingularValues(6, 12, [3, 2, 1], 8)]) {
        const a = asDtype(a0, dtype),
          m = a.rows,
          n = a.cols;
        const rng = createRng(m);
        const b = Float64Array.from({ length: m }, () => rng.normal());
        const x = vec(lstsq(a, b, opts));
        const { null: nul } = subspaces(a, opts);
        const a64 = { ...a, data: Float64Array.from(a.data) };
        // x ⟂ null(A): no component can be removed; and the residual is ⟂ range(A)
        expect(frob(mul(t(nul), x))).toBeLessThan(1e3 * e * frob(x));
        const resid = vec(mul(a64, x).data.map((v, i) => v - b[i]));
        expect(frob(mul(t(a64), resid))).toBeLessThan(1e3 * e * frob(a64) * (frob(resid) + frob(a64) * frob(x)));
        expect(diff(x, mul(pinv(a, opts), vec(b)))).toBeLessThan(1e3 * e * frob(x));
        expect(x.rows).toBe(n);
      }
    });

    run('handles empty problems and rejects mismatched b', () => {
      expect(Array.from(lstsq({ rows: 0, cols: 3, data: [] }, [], opts))).toEqual([0, 0, 0]);
      expect(lstsq({ rows: 3, cols: 0, data: [] }, [1, 2, 3], opts).length).toBe(0);
      const X = lstsq({ rows: 0, cols: 2, data: [] }, { rows: 0, cols: 4, data: [] }, opts);
      expect([X.rows, X.cols, ...X.data]).toEqual([2, 4, 0, 0, 0, 0, 0, 0, 0, 0]);
      expect(
        Array.from(
          lstsq(
            [
              [0, 0],
              [0, 0],
            ],
            [1, 1],
            opts,
          ),
        ),
      ).toEqual([0, 0]);
      expect(() =>
        lstsq(
          [
            [1, 2],
            [3, 4],
          ],
          [1, 2, 3],
          opts,
        ),
      ).toThrow(/m = 2 entries/);
      expect(() =>
        lstsq(
          [
            [1, 2],
            [3, 4],
          ],
          [[1], [2], [3]],
          opts,
        ),
      ).toThrow(/m = 2 rows/);
      expect(() =>
        lstsq(
          [
            [1, 2],
            [3, 4],
          ],
          [1, NaN],
          opts,
        ),
      ).toThrow(InvalidMatrixError);
    });
  });

  describe('subspaces', () => {
    run('gives orthonormal, mutually orthogonal bases of dimensions r, r, n − r, m − r', () => {
      for (const a0 of [
        withSingularValues(14, 10, rankDeficient, 9),
        withSingularValues(7, 11, [2, 1, 0.5], 10),
        uniformMatrix(6, 6, 11),
        { rows: 4, cols: 3, data: new Float64Array(12) },
      ]) {
        const a = asDtype(a0, dtype),
          m = a.rows,
          n = a.cols;
        const s = subspaces(a, opts);
        const r = matrixRank(a, opts);
        expect(s.rank).toBe(r);
        expect([s.column.rows, s.column.cols, s.row.rows, s.row.cols]).toEqual([m, r, n, r]);
        expect([s.null.rows, s.null.cols, s.leftNull.rows, s.leftNull.cols]).toEqual([n, n - r, m, m - r]);
        const tol = 200 * e * Math.max(m, n);
        const left = { rows: m, cols: m, data: new Float64Array(m * m) },
          right = { rows: n, cols: n, data: new Float64Array(n * n) };
        for (let i = 0; i < m; i++)
          for (let j = 0; j < m; j++)
            left.data[i * m + j] = j < r ? s.column.data[i * r + j] : s.leftNull.data[i * (m - r) + j - r];
        for (let i = 0; i < n; i++)
          for (let j = 0; j < n; j++)
            right.data[i * n + j] = j < r ? s.row.data[i * r + j] : s.null.data[i * (n - r) + j - r];
        const I = (k: number) => ({
          rows: k,
          cols: k,
          data: Float64Array.from({ length: k * k }, (_, i) => (i % (k + 1) === 0 ? 1 : 0)),
        });
        expect(diff(mul(t(left), left), I(m))).toBeLessThan(tol); // orthonormal and column ⟂ leftNull
        expect(diff(mul(t(right), right), I(n))).toBeLessThan(tol); // orthonormal and row ⟂ null
        const a64 = { ...a, data: Float64Array.from(a.data) },
          scale = Math.max(frob(a64), 1e-300);
        expect(frob(mul(a64, s.null))).toBeLessThan(tol * scale);
        expect(frob(mul(t(a64), s.leftNull))).toBeLessThan(tol * scale);
        expect(diff(mul(s.column, mul(t(s.column), a64)), a64)).toBeLessThan(tol * scale); // column spans range(A)
      }
    });

    run('works on empty matrices', () => {
      const s = subspaces({ rows: 0, cols: 3, data: [] }, opts);
      expect([s.rank, s.null.rows, s.null.cols, s.row.cols, s.leftNull.rows]).toEqual([0, 3, 3, 0, 0]);
    });
  });

  describe('norms and condition number', () => {
    run('are σ₁, Σσᵢ and σ₁/σ_p, with Infinity for singular matrices', () => {
      const a = asDtype(withSingularValues(9, 6, [8, 4, 2, 1, 0.5, 0.25], 12), dtype);
      const rel = dtype === 'float64' ? 1e-13 : 1e-5;
      expect(Math.abs(norm2(a, opts) - 8)).toBeLessThan(8 * rel);
      expect(Math.abs(nuclearNorm(a, opts) - 15.75)).toBeLessThan(16 * rel);
      expect(Math.abs(cond(a, opts) - 32)).toBeLessThan(32 * rel * 10);
      expect(cond({ rows: 3, cols: 3, data: new Float64Array(9) }, opts)).toBe(Infinity);
      expect(
        cond(
          [
            [1, 2],
            [2, 4],
          ],
          { ...opts, dtype: 'float64' },
        ),
      ).toBeGreaterThan(1e15);
      expect(cond([[0, 0, 0]], opts)).toBe(Infinity);
      expect(norm2({ rows: 0, cols: 2, data: [] }, opts)).toBe(0);
      expect(nuclearNorm({ rows: 2, cols: 0, data: [] }, opts)).toBe(0);
      expect(() => cond({ rows: 0, cols: 0, data: [] }, opts)).toThrow(/empty matrix is undefined/);
      expect(() => norm2([[1]], { ...opts, tol: 1 } as never)).toThrow(/unknown option 'tol'/);
    });
  });
});
