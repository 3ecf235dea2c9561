// The core harness on the scalar (non-SIMD) wasm build, for engines without WebAssembly SIMD.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendInfo, eigh, eigvalsh, init, type FloatArray } from '../src/index.js';
import { dtypes } from './harness/cases.js';
import { checkEigh } from './harness/check-eigh.js';
import { checkSvd } from './harness/check-svd.js';
import { profiles, scaled, uniformMatrix, withSingularValues } from './harness/matrices.js';
import { randomSymmetric, withEigenvalues } from './harness/symmetric.js';

beforeAll(() => init({ simd: false }));
afterAll(() => init({ simd: true }));

describe.each(dtypes)('scalar wasm build, %s', (dtype) => {
  it('is the build in use', () => {
    expect(backendInfo()).toMatchObject({ wasm: true, simd: false, active: 'wasm' });
  });
  it.each([
    [0, 4],
    [1, 1],
    [3, 7],
    [17, 5],
    [33, 33],
    [120, 40],
    [40, 120],
  ])('svd harness %i×%i', (m, n) => {
    checkSvd(uniformMatrix(m, n, m * 7 + n), 'wasm', dtype);
  });
  it('prescribed spectra, zero, extreme scaling', () => {
    for (const profile of Object.values(profiles)) checkSvd(withSingularValues(25, 18, profile(18), 3), 'wasm', dtype);
    checkSvd({ rows: 5, cols: 4, data: new Float64Array(20) }, 'wasm', dtype);
    const c = dtype === 'float64' ? 1e300 : 1e30;
    checkSvd(scaled(uniformMatrix(9, 6, 1), c), 'wasm', dtype);
    checkSvd(scaled(uniformMatrix(9, 6, 1), 1 / c), 'wasm', dtype);
  });
  it.each([1, 5, 33])('eigh harness %i×%i', (n) => {
    checkEigh(randomSymmetric(n, n), 'wasm', dtype);
    checkEigh(randomSymmetric(n, n), 'wasm', dtype, 'tridiagonal');
  });
});

/** The bytes of a typed array, to compare results bit for bit (−0 and NaN payloads included). */
const bits = (x: FloatArray) => new Uint8Array(x.buffer, x.byteOffset, x.byteLength);

describe('tridiagonal eigh mirror', () => {
  const repeated = withEigenvalues(
    Array.from({ length: 24 }, (_, i) => (i < 12 ? 2 : i - 15)),
    3,
  );
  const matrices = [1, 2, 3, 8, 17, 40, 100, 130].map((n) => randomSymmetric(n, n + 7)).concat([repeated]);
  it.each(matrices.map((a) => [a.rows, a] as const))(
    'float64: backend js returns the bits of the scalar wasm build (n = %i)',
    (_, a) => {
      const w = eigh(a, { backend: 'wasm', method: 'tridiagonal' }),
        j = eigh(a, { backend: 'js', method: 'tridiagonal' });
      expect(bits(w.values)).toEqual(bits(j.values));
      expect(bits(w.vectors.data)).toEqual(bits(j.vectors.data));
      const wv = eigvalsh(a, { backend: 'wasm', method: 'tridiagonal' }),
        jv = eigvalsh(a, { backend: 'js', method: 'tridiagonal' });
      expect(bits(wv)).toEqual(bits(jv));
    },
  );
});
