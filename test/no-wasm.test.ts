// The suite's view of a runtime without WebAssembly: 'auto' falls back to js, 'wasm' says why.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checkSvd } from './harness/check-svd.js';
import { uniformMatrix } from './harness/matrices.js';

type Api = typeof import('../src/index.js');
let api: Api;

beforeAll(async () => {
  vi.stubGlobal('WebAssembly', undefined);
  vi.resetModules();
  api = await import('../src/index.js');
});
afterAll(() => {
  vi.unstubAllGlobals();
  vi.resetModules();
});

describe('without WebAssembly', () => {
  it('backendInfo reports js, no engine SIMD, and why wasm is not loaded', async () => {
    await api.init();
    expect(api.backendInfo()).toEqual({
      wasm: false,
      simd: false,
      active: 'js',
      simdSupported: false,
      error: expect.stringMatching(/WebAssembly is not available/),
    });
  });
  it('init resolves and auto runs on js', async () => {
    await expect(api.init()).resolves.toBeUndefined();
    expect(
      api.svd([
        [1, 2],
        [3, 4],
      ]).backend,
    ).toBe('js');
    expect(
      api.eigh([
        [2, 1],
        [1, 2],
      ]).backend,
    ).toBe('js');
  });
  it("backend 'wasm' throws BackendUnavailableError saying what to do", () => {
    expect(() => api.svd([[1]], { backend: 'wasm' })).toThrow(api.BackendUnavailableError);
    expect(() => api.svd([[1]], { backend: 'wasm' })).toThrow(/WebAssembly is unavailable.*backend: 'js'/);
  });
  it.each(['float64', 'float32'] as const)("'auto' passes the harness on the fallback (%s)", (dtype) => {
    for (const [m, n] of [
      [0, 3],
      [1, 1],
      [9, 4],
      [4, 9],
      [6, 6],
      [40, 17],
    ]) {
      const a = uniformMatrix(m, n, m + n);
      checkSvd(a, 'auto', dtype, api.svd);
      expect(api.svd(a, { dtype }).backend).toBe('js');
    }
  });
});
