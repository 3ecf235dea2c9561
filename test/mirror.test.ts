// The JS backend is a bit-exact mirror of the scalar wasm build in float64: same algorithm, same
// operation order, same constants. Compared below the public wrapper (raw backend outputs: S, U,
// V and sweep counts; eigh values and vectors), so nothing the wrapper does can hide a drift.
// Every algorithm added to both backends joins this file. (float32 differs by design: the wasm
// f32 kernels round each product to f32, the JS kernels accumulate in f64.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsBackend } from '../src/backend/js/index.js';
import type { Backend, SvdKernel } from '../src/backend/types.js';
import { wasmBackend } from '../src/backend/wasm/index.js';
import { init } from '../src/index.js';
import { defaultParams } from '../src/params.js';
import { columnOrder, conditioned, gradeColumns } from './harness/graded.js';
import { profiles, uniformMatrix, withSingularValues, type M64, columnMajor } from './harness/matrices.js';
import { randomSymmetric } from './harness/symmetric.js';

beforeAll(() => init({ simd: false }));
afterAll(() => init({ simd: true }));

/** Bitwise equality, NaN- and signed-zero-aware. */
function sameBits(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Raw svdTall on a backend: the column-major M×N working copy (M ≥ N) as the wrapper builds it. */
function rawSvd(b: Backend, a: M64, u: 'none' | 'thin' | 'full', method: SvdKernel) {
  const { rows: m, cols: n } = a;
  const M = Math.max(m, n),
    N = Math.min(m, n);
  const w = m >= n ? columnMajor(a) : Float64Array.from(a.data);
  return b.svdTall({ dtype: 'float64', method, rows: M, cols: N, w, u, v: u !== 'none', params: defaultParams });
}

const shapes: [number, number][] = [
  [1, 1],
  [2, 2],
  [3, 7],
  [7, 3],
  [17, 5],
  [5, 17],
  [33, 33],
  [40, 12],
  [64, 64],
  [120, 40],
  [40, 120],
];
const kinds: Record<string, (m: number, n: number) => M64> = {
  uniform: (m, n) => uniformMatrix(m, n, m * 7 + n),
  geometric: (m, n) => withSingularValues(m, n, profiles.geometric(Math.min(m, n)), 3),
  rankDeficient: (m, n) => withSingularValues(m, n, profiles.rankDeficient(Math.min(m, n)), 5),
  graded: (m, n) => gradeColumns(conditioned(m, n, 50, 9, 'float64'), columnOrder(n, 'shuffled', 2), -30),
};

describe('float64: backend js and the scalar wasm build return identical bits', () => {
  const wasm = () => {
    const b = wasmBackend();
    if (!b) throw new Error('the wasm module did not load');
    return b;
  };
  describe.each(Object.keys(kinds).flatMap((k) => (['jacobi', 'bidiagonal'] as const).map((m) => [k, m] as const)))(
    'svd, %s, %s',
    (kind, method) => {
      it.each(shapes)('%i×%i: S, U, V and sweeps', (m, n) => {
        const a = kinds[kind](m, n);
        for (const u of ['thin', 'full', 'none'] as const) {
          const w = rawSvd(wasm(), a, u, method),
            j = rawSvd(jsBackend, a, u, method);
          expect(w.sweeps).toBe(j.sweeps);
          expect(sameBits(w.s, j.s)).toBe(true);
          expect(sameBits(w.u, j.u)).toBe(true);
          expect(sameBits(w.v, j.v)).toBe(true);
        }
      });
    },
  );
  it.each([1, 2, 5, 17, 33, 64])('eigh %i×%i: values, vectors and sweeps', (n) => {
    const a = randomSymmetric(n, n);
    const task = (vectors: boolean) => ({
      dtype: 'float64' as const,
      n,
      a: Float64Array.from(a.data),
      vectors,
      params: defaultParams,
    });
    for (const vectors of [true, false]) {
      const w = wasm().eighSym(task(vectors)),
        j = jsBackend.eighSym(task(vectors));
      expect(w.sweeps).toBe(j.sweeps);
      expect(sameBits(w.values, j.values)).toBe(true);
      expect(sameBits(w.vectors, j.vectors)).toBe(true);
    }
  });
});
