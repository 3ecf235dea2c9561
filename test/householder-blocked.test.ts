// The tall path's blocked Householder QR (panels of 32 columns, compact-WY trailing updates) and
// its blocked Q application, on shapes straddling the panel size: n = 1, 31, 32, 33, 64, 65, 100
// with m = n + 1, 2n, 10n, on uniform, rank-deficient, zero-column and already-triangular input
// (negligible tails, τ = 0, H = I inside and across panels). Checked directly on the JS kernels
// (‖A − Q·R‖ and ‖QᵀQ − I‖), through the public svd on both backends, and bit for bit between
// the JS backend and the scalar wasm build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyQ, extractR, householderQR } from '../src/backend/js/householder.js';
import { jsBackend } from '../src/backend/js/index.js';
import type { Backend, SvdKernel } from '../src/backend/types.js';
import { wasmBackend } from '../src/backend/wasm/index.js';
import { init } from '../src/index.js';
import { defaultParams, tinySquaredNorm } from '../src/params.js';
import { cases } from './harness/cases.js';
import { checkSvd } from './harness/check-svd.js';
import { columnMajor, profiles, uniformMatrix, withSingularValues, type M64 } from './harness/matrices.js';

const u = 2 ** -53;
const shapes: [number, number][] = [1, 31, 32, 33, 64, 65, 100].flatMap((n) =>
  [n + 1, 2 * n, 10 * n].map((m) => [m, n] as [number, number]),
);

/** Zeroes every third column (from column 1) of a uniform matrix. */
function zeroColumns(m: number, n: number): M64 {
  const a = uniformMatrix(m, n, m + 3 * n);
  for (let j = 1; j < n; j += 3) for (let i = 0; i < m; i++) a.data[i * n + j] = 0;
  return a;
}

/**
 * Upper triangular in the first half of the columns up to a tail of 1e-170 (squared far below
 * tinySquaredNorm after the drivers' scaling: τ = 0, H = I), uniform in the rest.
 */
function negligibleTails(m: number, n: number): M64 {
  const a = uniformMatrix(m, n, 5 * m + n);
  const half = Math.ceil(n / 2);
  for (let j = 0; j < half; j++) for (let i = j + 1; i < m; i++) a.data[i * n + j] = i % 2 ? 1e-170 : 0;
  return a;
}

const kinds: Record<string, (m: number, n: number) => M64> = {
  uniform: (m, n) => uniformMatrix(m, n, m * 7 + n),
  rankDeficient: (m, n) => withSingularValues(m, n, profiles.rankDeficient(n), 5),
  zeroColumns,
  negligibleTails,
};

function frob(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

describe.each(Object.keys(kinds))('blocked QR on the JS kernels, %s', (kind) => {
  it.each(shapes)('%i×%i: ‖A − Q·R‖/(m·n·u·‖A‖) and ‖QᵀQ − I‖/(m·u) below 50', (m, n) => {
    const a = columnMajor(kinds[kind](m, n));
    const qr = a.slice(),
      tau = new Float64Array(n),
      r = new Float64Array(n * n);
    householderQR(m, n, qr, tau, tinySquaredNorm.float64);
    extractR(m, n, qr, r);
    const q = new Float64Array(m * n); // thin Q = Q·[I; 0]
    for (let j = 0; j < n; j++) q[j * m + j] = 1;
    applyQ(m, n, qr, tau, q, n);
    const diff = new Float64Array(m * n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let p = 0; p <= j; p++) s += q[p * m + i] * r[j * n + p];
        diff[j * m + i] = a[j * m + i] - s;
      }
    }
    const norm = frob(a);
    if (norm > 0) expect(frob(diff) / (m * n * u * norm)).toBeLessThan(50);
    const g = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let p = 0; p < m; p++) s += q[i * m + p] * q[j * m + p];
        g[i * n + j] = s - (i === j ? 1 : 0);
      }
    }
    expect(frob(g) / (m * u)).toBeLessThan(50);
  });
});

describe.each(cases)('svd harness on tall shapes around the panel size, %s / %s', (backend, dtype) => {
  // The largest three (10n rows for n ≥ 64) are left to the direct checks above: the harness
  // decomposes each matrix six times per backend and dtype.
  it.each(shapes.filter(([m, n]) => m * n <= 20000))('uniform %i×%i', (m, n) =>
    checkSvd(kinds.uniform(m, n), backend, dtype),
  );
  it.each(['rankDeficient', 'zeroColumns', 'negligibleTails'])('%s 66×33 and 130×65', (kind) => {
    checkSvd(kinds[kind](66, 33), backend, dtype);
    checkSvd(kinds[kind](130, 65), backend, dtype);
  });
});

/** Bitwise equality, NaN- and signed-zero-aware. */
function sameBits(a: ArrayLike<number> | undefined, b: ArrayLike<number> | undefined): boolean {
  if (!a || !b) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function rawSvd(b: Backend, a: M64, uMode: 'none' | 'thin' | 'full', method: SvdKernel) {
  const w = columnMajor(a);
  const { rows, cols } = a;
  return b.svdTall({ dtype: 'float64', method, rows, cols, w, u: uMode, v: uMode !== 'none', params: defaultParams });
}

describe('float64: JS backend and the scalar wasm build agree bit for bit on the blocked QR path', () => {
  beforeAll(() => init({ simd: false }));
  afterAll(() => init({ simd: true }));
  describe.each(Object.keys(kinds).flatMap((k) => (['jacobi', 'bidiagonal'] as const).map((m) => [k, m] as const)))(
    'svd, %s, %s',
    (kind, method) => {
      it.each(shapes)('%i×%i: S, U, V and sweeps', (m, n) => {
        const wasm = wasmBackend();
        if (!wasm) throw new Error('the wasm module did not load');
        const a = kinds[kind](m, n);
        for (const uMode of m <= 200 ? (['thin', 'full', 'none'] as const) : (['thin', 'none'] as const)) {
          const w = rawSvd(wasm, a, uMode, method),
            j = rawSvd(jsBackend, a, uMode, method);
          expect(w.sweeps).toBe(j.sweeps);
          expect(sameBits(w.s, j.s)).toBe(true);
          expect(sameBits(w.u, j.u)).toBe(true);
          expect(sameBits(w.v, j.v)).toBe(true);
        }
      });
    },
  );
});
