// Parity below the shared wrapper: each backend's raw svdTall output (src/backend/*) against an
// independent reference (numpy), against the other backend, and against what svd() in src/svd.ts
// returns from it. A change to S, U or Vt made by the wrapper (shared by both backends, so the
// wasm-vs-js comparison of test/parity.test.ts cannot see it) fails here in float64 and float32.
import { describe, expect, it } from 'vitest';
import { svd, type Dtype } from '../src/index.js';
import { jsBackend } from '../src/backend/js/index.js';
import { wasmBackend } from '../src/backend/wasm/index.js';
import { svdKernelFor, type SvdMethod } from '../src/svd-method.js';
import type { Backend, SvdOutput } from '../src/backend/types.js';
import { defaultParams } from '../src/params.js';
import { eps } from './harness/ratios.js';

/**
 * An 8×6 integer matrix (exact in float32), entry (i, j) = ((5i² + 3j + 2ij² + 1) mod 17) − 8, and
 * its singular values from numpy 2.4.6 (LAPACK dgesdd, float64):
 *   A = np.array([[((5*i*i + 3*j + 2*i*j*j + 1) % 17) - 8 for j in range(6)] for i in range(8)], float)
 *   np.linalg.svd(A, compute_uv=False)            # κ(A) = 5.19
 */
const A = [
  [-7, -4, -1, 2, 5, 8],
  [-2, 3, -5, 8, 8, -5],
  [-4, 3, 1, 7, 4, -8],
  [4, -4, 0, -1, -7, -1],
  [5, -1, -8, 1, -8, -1],
  [-1, -5, -6, -4, 1, -8],
  [3, 1, 6, 1, 3, -5],
  [0, 0, -6, -1, -2, 8],
];
const NUMPY_S = [
  20.757183931972655, 17.073246985660237, 14.203515770759088, 10.060284070546423, 5.6282471878825655, 4.002150714640763,
];
const m = 8,
  n = 6;

/**
 * Allowed |σᵢ − σᵢ(numpy)| / σ₁, in units of u. Measured on this matrix (2026-11-29): float64
 * 2.3u (wasm) and 4.6u (js), float32 2.4u and 0.9u. float32's 8u leaves room for kernel changes
 * yet catches S scaled by 1 + 1e-6, which is 16.8u of float32 (and 9·10⁹u of float64).
 */
const S_TOL = { float64: 50, float32: 8 };

const backends: [string, Backend | null][] = [
  ['wasm', wasmBackend()],
  ['js', jsBackend],
];

/** The tall working matrix W = A (8×6), column-major, in the dtype. */
function working(dtype: Dtype) {
  const w = dtype === 'float32' ? new Float32Array(m * n) : new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * m + i] = A[i][j];
  return w;
}

/** The backend's svdTall with the kernel `method` picks for W (as svd() does). */
function raw(b: Backend, dtype: Dtype, method: SvdMethod): SvdOutput {
  const w = working(dtype);
  const kernel = svdKernelFor(method, w, m, n);
  return b.svdTall({ dtype, method: kernel, rows: m, cols: n, w, u: 'thin', v: true, params: { ...defaultParams } });
}

const cases = (['float64', 'float32'] as Dtype[]).flatMap((d) =>
  (['auto', 'jacobi', 'bidiagonal'] as SvdMethod[]).map((k) => [d, k] as const),
);
describe.each(cases)('raw backend output (%s, method %s)', (dtype, method) => {
  const u = eps[dtype];
  describe.each(backends)('%s', (name, b) => {
    const run = it.skipIf(!b); // only without a wasm build; test/package.test.ts fails CI then

    run('S matches numpy to S_TOL·u·σ₁, raw and through svd()', () => {
      const parts = raw(b!, dtype, method);
      const wrapped = svd(A, { backend: name as 'wasm' | 'js', dtype, method });
      for (const s of [parts.s, wrapped.S]) {
        expect(s.length).toBe(n);
        for (let i = 0; i < n; i++)
          expect(Math.abs(s[i] - NUMPY_S[i]) / NUMPY_S[0]).toBeLessThanOrEqual(S_TOL[dtype] * u);
      }
    });

    run("svd() returns the backend's S, U and V unchanged but for one sign per triplet", () => {
      const parts = raw(b!, dtype, method);
      const r = svd(A, { backend: name as 'wasm' | 'js', dtype, method });
      expect(Array.from(r.S)).toEqual(Array.from(parts.s));
      for (let j = 0; j < n; j++) {
        // The sign the wrapper chose for triplet j, read off U's largest entry; Vt's row j carries the same sign.
        let best = 0;
        for (let i = 1; i < m; i++) if (Math.abs(parts.u![j * m + i]) > Math.abs(parts.u![j * m + best])) best = i;
        const sign = Math.sign(r.U!.data[best * n + j] / parts.u![j * m + best]);
        for (let i = 0; i < m; i++) expect(r.U!.data[i * n + j]).toBe(sign * parts.u![j * m + i]);
        for (let t = 0; t < n; t++) expect(r.Vt!.data[j * n + t]).toBe(sign * parts.v![j * n + t]);
      }
      // wide input: svd(Aᵀ) is the same working matrix, so the same S bit for bit
      const at = A[0].map((_, j) => A.map((row) => row[j]));
      expect(Array.from(svd(at, { backend: name as 'wasm' | 'js', dtype, method }).S)).toEqual(Array.from(parts.s));
    });
  });

  it.skipIf(!backends[0][1])('wasm and js raw S agree to S_TOL·u·σ₁', () => {
    const w = raw(backends[0][1]!, dtype, method).s,
      j = raw(jsBackend, dtype, method).s;
    for (let i = 0; i < n; i++) expect(Math.abs(w[i] - j[i]) / NUMPY_S[0]).toBeLessThanOrEqual(S_TOL[dtype] * u);
  });
});
