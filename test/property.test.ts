/**
 * Property-based tests (fast-check, seeded): random shapes, dtypes, backends, singular-value
 * profiles and scalings. `npm test` runs a bounded number of cases; `npm run test:fuzz`
 * (FUZZ=1) runs 100× more on larger shapes. A counterexample becomes a fixed test in
 * test/regressions/, named after what it caught.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { svd, svdvals, type BackendName, type Dtype } from '../src/index.js';
import { checkSvd } from './harness/check-svd.js';
import { eps } from './harness/ratios.js';
import { scaled, withSingularValues, type M64 } from './harness/matrices.js';

const FUZZ = process.env.FUZZ === '1';
const RUNS = FUZZ ? 2000 : 20;
const MAX_DIM = FUZZ ? 300 : 48;
const SEED = 20261125;

type Profile = 'graded' | 'clustered' | 'repeated' | 'zeros' | 'random';

/** σ of length p for a named profile; `u` ∈ [0,1)^p supplies the randomness. */
function sigmaFor(profile: Profile, u: number[]): number[] {
  const p = u.length;
  switch (profile) {
    case 'graded': return u.map((_, i) => (p > 1 ? 1e-15 ** (i / (p - 1)) : 1));
    case 'clustered': return u.map((x) => 1 + 1e-10 * x);
    case 'repeated': return u.map((x) => (x < 0.5 ? 1 : 3));
    case 'zeros': return u.map((x, i) => (i % 3 === 0 ? 0 : x + 0.1));
    default: return u.map((x) => x * x);
  }
}

const problem = fc.record({
  m: fc.integer({ min: 0, max: MAX_DIM }),
  n: fc.integer({ min: 0, max: MAX_DIM }),
  thin: fc.constantFrom<'row' | 'col' | 'none'>('row', 'col', 'none'),
  profile: fc.constantFrom<Profile>('graded', 'clustered', 'repeated', 'zeros', 'random'),
  log10scale: fc.integer({ min: -300, max: 300 }),
  seed: fc.integer({ min: 1, max: 2 ** 30 }),
  dtype: fc.constantFrom<Dtype>('float64', 'float32'),
  backend: fc.constantFrom<BackendName>('wasm', 'js'),
}).map((r) => {
  // 1×n and n×1 get their own share of the cases.
  const m = r.thin === 'row' ? 1 : r.m, n = r.thin === 'col' ? 1 : r.n;
  const p = Math.min(m, n);
  const u = Array.from({ length: p }, (_, i) => ((r.seed * (i + 1) * 2654435761) % 1000) / 1000);
  // float32 spans about 1e±38; keep its scaling inside that range.
  const log10 = r.dtype === 'float32' ? Math.round(r.log10scale / 10) : r.log10scale;
  const a = scaled(withSingularValues(m, n, sigmaFor(r.profile, u), r.seed), 10 ** log10);
  return { ...r, m, n, a };
});

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
  it('the harness ratios hold', () => {
    fc.assert(fc.property(problem, ({ a, backend, dtype }) => checkSvd(a, backend, dtype)), params);
  });

  it('svdvals equals svd(...).S', () => {
    fc.assert(fc.property(problem, ({ a, backend, dtype }) => {
      expectSameS(svdvals(a, { backend, dtype }), svd(a, { backend, dtype }).S, dtype);
    }), params);
  });

  it('both backends agree', () => {
    fc.assert(fc.property(problem, ({ a, dtype }) => {
      expectSameS(svdvals(a, { backend: 'wasm', dtype }), svdvals(a, { backend: 'js', dtype }), dtype);
    }), params);
  });

  it('svd(Aᵀ) has the singular values of A', () => {
    fc.assert(fc.property(problem, ({ a, backend, dtype }) => {
      const at = transposed(a);
      expectSameS(svdvals(at, { backend, dtype }), svdvals(a, { backend, dtype }), dtype);
      const r = svd(at, { backend, dtype });
      expect([r.U!.rows, r.Vt!.cols]).toEqual([a.cols, a.rows]);
    }), params);
  });

  it('scaling by a power of two scales S exactly', () => {
    fc.assert(fc.property(problem, fc.integer({ min: -60, max: 60 }), ({ a, backend, dtype }, k) => {
      // Exact unless a σ (or an entry) falls into the subnormal range or overflows. Checked
      // before decomposing: an entry scaled past the dtype's range is (rightly) an error
      // (test/regressions/power-of-two-scaling-past-the-float32-range.test.ts).
      const tiny = dtype === 'float64' ? 2 ** -1000 : 2 ** -100, huge = dtype === 'float64' ? 2 ** 1000 : 2 ** 100;
      if (a.data.some((x) => x !== 0 && (Math.abs(x * 2 ** k) < tiny || Math.abs(x * 2 ** k) > huge || Math.abs(x) < tiny))) return;
      const s = svdvals(a, { backend, dtype });
      const s2 = svdvals(scaled(a, 2 ** k), { backend, dtype });
      for (let i = 0; i < s.length; i++) expect(s2[i]).toBe(dtype === 'float64' ? s[i] * 2 ** k : Math.fround(s[i] * 2 ** k));
    }), params);
  });

  it('permuting rows or columns leaves S unchanged', () => {
    fc.assert(fc.property(problem, fc.integer({ min: 1, max: 1000 }), ({ a, backend, dtype }, shift) => {
      const { rows: m, cols: n } = a;
      if (m === 0 || n === 0) return;
      const data = new Float64Array(m * n);
      // rows rotated by `shift`, columns reversed
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) data[((i + shift) % m) * n + (n - 1 - j)] = a.data[i * n + j];
      expectSameS(svdvals({ rows: m, cols: n, data }, { backend, dtype }), svdvals(a, { backend, dtype }), dtype);
    }), params);
  });
});
