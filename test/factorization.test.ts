// A reusable factorization (issue 15): svd's result solves, inverts, ranks and conditions from
// its own factors — the same numbers as lstsq / pinv / matrixRank / cond, with no new SVD — and
// lstsq(a, b, { full: true }) returns numpy's { x, residuals, rank, S }. Both backends, both dtypes.
import { describe, expect, it, vi } from 'vitest';
import { cond, InvalidMatrixError, InvalidOptionError, lstsq, matrixRank, pinv, svd } from '../src/index.js';
import { jsBackend } from '../src/backend/js/index.js';
import { cases } from './harness/cases.js';

const m = 9,
  n = 5;
const a = { rows: m, cols: n, data: Float64Array.from({ length: m * n }, (_, k) => Math.cos(k * 0.9) + (k % 4) / 3) };
const b = Array.from({ length: m }, (_, i) => Math.sin(i) * 2);
const B = { rows: m, cols: 2, data: Float64Array.from({ length: 2 * m }, (_, k) => (k % 7) - 3) };
// Rank 2 (third column = first + second), with a wide companion.
const deficient = [
  [1, 2, 3],
  [4, 5, 9],
  [7, 8, 15],
  [2, 1, 3],
];

describe.each(cases)('svd(a) reused on %s / %s', (backend, dtype) => {
  const opts = { backend, dtype } as const;
  const f = svd(a, opts);

  it('solve(b) equals lstsq(a, b) bit for bit, vectors and matrices', () => {
    expect(Array.from(f.solve(b))).toEqual(Array.from(lstsq(a, b, opts)));
    const X = f.solve(B);
    expect([X.rows, X.cols]).toEqual([n, 2]);
    expect(Array.from(X.data)).toEqual(Array.from(lstsq(a, B, opts).data));
    expect(Array.from(f.solve(b, { rcond: 0.5 }))).toEqual(Array.from(lstsq(a, b, { ...opts, rcond: 0.5 })));
  });

  it('pinv(), rank(), cond() equal the free functions', () => {
    expect(Array.from(f.pinv().data)).toEqual(Array.from(pinv(a, opts).data));
    expect(f.rank()).toBe(matrixRank(a, opts));
    expect(f.cond()).toBe(cond(a, opts));
    const d = svd(deficient, opts);
    expect([d.rank(), matrixRank(deficient, opts)]).toEqual([2, 2]);
    expect(d.rank(1e300)).toBe(0);
    expect(Array.from(d.pinv().data)).toEqual(Array.from(pinv(deficient, opts).data));
    expect(Array.from(d.solve([1, 2, 3, 4]))).toEqual(Array.from(lstsq(deficient, [1, 2, 3, 4], opts)));
    expect(
      svd(
        [
          [0, 0],
          [0, 0],
        ],
        opts,
      ).cond(),
    ).toBe(Infinity);
  });

  it('with fullMatrices the same solutions (only the leading columns of U are used)', () => {
    const full = svd(a, { ...opts, fullMatrices: true });
    const x = full.solve(b),
      ref = f.solve(b);
    const tol = (dtype === 'float64' ? 1e-12 : 1e-4) * Math.max(...Array.from(ref, Math.abs));
    for (let i = 0; i < n; i++) expect(Math.abs(x[i] - ref[i])).toBeLessThan(tol);
    expect(full.pinv().rows).toBe(n);
  });

  it('computeUV: false keeps rank and cond; solve and pinv say why they cannot', () => {
    const s = svd(a, { ...opts, computeUV: false });
    expect(Object.keys(s).sort()).toEqual(['S', 'backend']);
    expect(Object.keys(f).sort()).toEqual(['S', 'U', 'Vt', 'backend']);
    expect(s.rank()).toBe(f.rank());
    expect(s.cond()).toBe(f.cond());
    const asFull = s as unknown as { solve(b: number[]): unknown; pinv(): unknown };
    expect(() => asFull.solve(b)).toThrow(InvalidOptionError);
    expect(() => asFull.pinv()).toThrow(/computeUV: false/);
  });

  it('with k: solve is the truncated-SVD solution; rank and cond refuse', () => {
    const t = svd(a, { ...opts, k: 2 });
    expect(() => t.rank()).toThrow(/only the 2 largest/);
    expect(() => t.cond()).toThrow(InvalidOptionError);
    const x = t.solve(b),
      full = svd(a, opts);
    // x = Σ_{i<2} v_i (u_iᵀ b)/σ_i from the full factors.
    for (let j = 0; j < n; j++) {
      let ref = 0;
      for (let i = 0; i < 2; i++) {
        let ub = 0;
        for (let r = 0; r < m; r++) ub += full.U.data[r * n + i] * b[r];
        ref += (full.Vt.data[i * n + j] * ub) / full.S[i];
      }
      expect(Math.abs(x[j] - ref)).toBeLessThan(dtype === 'float64' ? 1e-12 : 1e-4);
    }
  });

  it('bad arguments are typed errors; the input and the factors are not modified', () => {
    expect(() => f.solve([1, 2])).toThrow(InvalidMatrixError);
    expect(() => f.solve(b, { rcond: -1 })).toThrow(InvalidOptionError);
    expect(() => f.solve(b, { tol: 1 } as never)).toThrow(/unknown option 'tol'/);
    expect(() => f.rank(-1)).toThrow(InvalidOptionError);
    expect(() => svd({ rows: 0, cols: 3, data: [] }, opts).cond()).toThrow(InvalidMatrixError);
    const before = [f.U.data.slice(), f.S.slice(), f.Vt.data.slice()];
    f.solve(B);
    f.pinv();
    f.rank();
    f.cond();
    expect([f.U.data, f.S, f.Vt.data]).toEqual(before);
  });

  it('lstsq full: { x, residuals, rank, S } as numpy', () => {
    const r = lstsq(a, b, { ...opts, full: true });
    expect(Array.from(r.x)).toEqual(Array.from(lstsq(a, b, opts)));
    expect(r.rank).toBe(n);
    expect(Array.from(r.S)).toEqual(Array.from(f.S));
    // residual ‖b − A·x‖² computed directly in float64.
    let direct = 0;
    for (let i = 0; i < m; i++) {
      let ax = 0;
      for (let j = 0; j < n; j++) ax += a.data[i * n + j] * r.x[j];
      direct += (b[i] - ax) ** 2;
    }
    expect(r.residuals).toHaveLength(1);
    expect(Math.abs(r.residuals[0] - direct)).toBeLessThan(
      (dtype === 'float64' ? 1e-12 : 1e-4) * b.reduce((s, x) => s + x * x, 0),
    );
    const R = lstsq(a, B, { ...opts, full: true });
    expect([R.x.rows, R.x.cols, R.residuals.length]).toEqual([n, 2, 2]);
    // numpy: residuals empty when rank < n or m ≤ n.
    const d = lstsq(deficient, [1, 2, 3, 4], { ...opts, full: true });
    expect([d.rank, d.residuals.length, d.S.length]).toEqual([2, 0, 3]);
    expect(lstsq([[1, 2, 3]], [1], { ...opts, full: true }).residuals.length).toBe(0);
    expect(
      lstsq(
        [
          [1, 0],
          [0, 1],
        ],
        [1, 2],
        { ...opts, full: true },
      ).residuals.length,
    ).toBe(0);
    // numpy.linalg.lstsq([[1,0],[1,1],[1,2]], [1,2,2]): residuals [0.16666667], rank 2.
    const line = lstsq(
      [
        [1, 0],
        [1, 1],
        [1, 2],
      ],
      [1, 2, 2],
      { ...opts, full: true },
    );
    expect(line.rank).toBe(2);
    expect(line.residuals[0]).toBeCloseTo(1 / 6, dtype === 'float64' ? 12 : 5);
    expect(() => lstsq(a, b, { ...opts, full: 'yes' } as never)).toThrow(InvalidOptionError);
  });
});

describe('no new decomposition', () => {
  it('solve, pinv, rank and cond never run the SVD kernel again (js backend spied)', () => {
    const f = svd(a, { backend: 'js' });
    const spy = vi.spyOn(jsBackend, 'svdTall');
    const gemm = vi.spyOn(jsBackend, 'gemm');
    f.solve(b);
    f.solve(B);
    f.pinv();
    f.rank();
    f.cond();
    expect(spy).not.toHaveBeenCalled();
    expect(gemm).toHaveBeenCalled(); // the products did run on this backend
    spy.mockRestore();
    gemm.mockRestore();
  });
});
