// The core harness on the scalar (non-SIMD) wasm build, for engines without WebAssembly SIMD.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendInfo, init } from '../src/index.js';
import { dtypes } from './harness/cases.js';
import { checkEigh } from './harness/check-eigh.js';
import { checkSvd } from './harness/check-svd.js';
import { profiles, scaled, uniformMatrix, withSingularValues } from './harness/matrices.js';
import { randomSymmetric } from './harness/symmetric.js';

beforeAll(() => init({ simd: false }));
afterAll(() => init({ simd: true }));

describe.each(dtypes)('scalar wasm build, %s', (dtype) => {
  it('is the build in use', () => {
    expect(backendInfo()).toMatchObject({ wasm: true, simd: false, active: 'wasm' });
  });
  it.each([[0, 4], [1, 1], [3, 7], [17, 5], [33, 33], [120, 40], [40, 120]])('svd harness %i×%i', (m, n) => {
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
  });
});
