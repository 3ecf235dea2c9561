/**
 * Convergence caps. test/input.test.ts checks that svd and eigh at maxSweeps: 1 throw a
 * ConvergenceError with the sweeps done and the remaining off-diagonal measure; this file
 * checks the same through every function that takes maxSweeps, and that the default cap (60)
 * keeps a wide margin: the hardest harness spectra converge in at most half of it.
 */
import { describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  cond,
  defaultParams,
  eigh,
  lowRank,
  lstsq,
  matrixRank,
  norm2,
  nuclearNorm,
  pinv,
  subspaces,
  svd,
  svdvals,
  type Dtype,
} from '../src/index.js';
import { jsBackend } from '../src/backend/js/index.js';
import { wasmBackend } from '../src/backend/wasm/index.js';
import type { Backend } from '../src/backend/types.js';
import { backends, wasmMissing, wasmSkipReason } from './harness/cases.js';
import { profiles, uniformMatrix, withSingularValues } from './harness/matrices.js';
import { withEigenvalues } from './harness/symmetric.js';

function convergenceError(f: () => unknown): ConvergenceError {
  try {
    f();
  } catch (e) {
    if (e instanceof ConvergenceError) return e;
    throw e;
  }
  throw new Error('expected a ConvergenceError');
}

describe.each(backends)('a sweep cap of 1 on %s', (backend) => {
  const a = uniformMatrix(30, 24, 3);
  const calls: [string, () => unknown][] = [
    ['svd', () => svd(a, { backend, maxSweeps: 1 })],
    ['svdvals', () => svdvals(a, { backend, maxSweeps: 1 })],
    ['svd of the wide transpose', () => svd({ rows: 24, cols: 30, data: a.data }, { backend, maxSweeps: 1 })],
    [
      'eigh',
      () =>
        eigh(
          withEigenvalues(
            Array.from({ length: 20 }, (_, i) => i - 7),
            4,
          ),
          { backend, maxSweeps: 1 },
        ),
    ],
    ['lowRank', () => lowRank(a, 3, { backend, maxSweeps: 1 })],
    ['matrixRank', () => matrixRank(a, { backend, maxSweeps: 1 })],
    ['pinv', () => pinv(a, { backend, maxSweeps: 1 })],
    ['lstsq', () => lstsq(a, new Float64Array(30).fill(1), { backend, maxSweeps: 1 })],
    ['cond', () => cond(a, { backend, maxSweeps: 1 })],
    ['norm2', () => norm2(a, { backend, maxSweeps: 1 })],
    ['nuclearNorm', () => nuclearNorm(a, { backend, maxSweeps: 1 })],
    ['subspaces', () => subspaces(a, { backend, maxSweeps: 1 })],
  ];
  it.skipIf(backend === 'wasm' && wasmMissing).each(calls)(
    '%s: ConvergenceError with sweeps = 1 and the remaining measure',
    (_, call) => {
      const e = convergenceError(call);
      expect(e.code).toBe('NO_CONVERGENCE');
      expect(e.sweeps).toBe(1);
      expect(e.offNorm).toBeGreaterThan(0);
      expect(Number.isFinite(e.offNorm)).toBe(true);
      expect(e.message).toMatch(
        /did not converge within 1 sweeps \(largest remaining relative off-diagonal \d\.\d\de[+-]\d+\); raise the maxSweeps option/,
      );
    },
  );
});

describe('the default cap has a wide margin', () => {
  const impls: [string, Backend | null][] = [
    ['js', jsBackend],
    ['wasm', wasmBackend()],
  ];
  const params = { maxSweeps: defaultParams.maxSweeps };

  // Without wasm the wasm row is an explicit skip (test/capabilities.test.ts fails CI then).
  it.for(impls)('%s: the hardest harness spectra take at most half the default sweeps', ([name, be], ctx) => {
    if (!be) return ctx.skip(`${name}${wasmSkipReason}`);
    let worst = 0;
    for (const dtype of ['float64', 'float32'] as Dtype[]) {
      for (const [m, n] of [
        [64, 64],
        [120, 50],
        [33, 33],
      ]) {
        for (const [name, profile] of Object.entries(profiles)) {
          const a = withSingularValues(m, n, profile(n), m * 7 + n + name.length);
          const w = dtype === 'float64' ? Float64Array.from(a.data) : Float32Array.from(a.data);
          // a.data read column-major is Aᵀ (n×m): a tall m×n working matrix with the same σ.
          for (const method of ['jacobi', 'bidiagonal'] as const) {
            const r = be.svdTall({ dtype, method, rows: m, cols: n, w: w.slice(), u: 'thin', v: true, params });
            worst = Math.max(worst, r.sweeps);
          }
        }
        const lambda = Array.from({ length: n }, (_, i) => (i % 2 ? -1 : 1) * 1e-8 ** (i / n));
        const s = withEigenvalues(lambda, n);
        const e = be.eighSym({
          dtype,
          n,
          a: dtype === 'float64' ? Float64Array.from(s.data) : Float32Array.from(s.data),
          vectors: true,
          params,
        });
        worst = Math.max(worst, e.sweeps);
      }
    }
    expect(worst).toBeLessThanOrEqual(defaultParams.maxSweeps / 2);
  });
});
