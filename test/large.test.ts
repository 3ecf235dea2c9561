/**
 * Large problems:
 * - a 4000×3000 float32 svd on wasm completes (about a minute on one core here), with sampled
 *   residual and orthogonality checks — part of `npm test`;
 * - wasm addresses above 2 GiB and up to nearly 4 GiB work: a rank-1 reconstruct whose output
 *   alone is 3.8 GiB (needs about 8 GB of RAM: the wasm copy and the returned array) — only
 *   under `npm run test:large` (LARGE=1).
 */
import { describe, expect, it } from 'vitest';
import { reconstruct, svd } from '../src/index.js';
import { currentModule } from '../src/backend/wasm/load.js';
import { createRng } from '../src/random.js';

const LARGE = process.env.LARGE === '1';

describe('large problems', () => {
  it('a 4000×3000 float32 svd on wasm completes, accurate', { timeout: 900_000 }, () => {
    const m = 4000,
      n = 3000,
      u = 2 ** -24;
    const rng = createRng(1);
    const data = new Float32Array(m * n);
    for (let k = 0; k < data.length; k++) data[k] = 2 * rng.uniform() - 1;
    const t0 = performance.now();
    const { U, S, Vt, backend } = svd({ rows: m, cols: n, data }, { backend: 'wasm' });
    console.log(`4000×3000 float32 svd on wasm: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    expect(backend).toBe('wasm');
    for (let i = 1; i < n; i++) expect(S[i]).toBeLessThanOrEqual(S[i - 1]);
    // 20 sampled columns: ‖A·vⱼ − σⱼ·uⱼ‖_max and |uⱼᵀuₖ − δⱼₖ| against the harness's scale.
    const cols = Array.from({ length: 20 }, (_, t) => Math.floor((t * n) / 20));
    for (const j of cols) {
      let res = 0;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let c = 0; c < n; c++) s += data[i * n + c] * Vt!.data[j * n + c];
        res = Math.max(res, Math.abs(s - S[j] * U!.data[i * n + j]));
      }
      expect(res / (S[0] * m * u)).toBeLessThan(50);
      for (const k of cols) {
        let d = 0;
        for (let i = 0; i < m; i++) d += U!.data[i * n + j] * U!.data[i * n + k];
        expect(Math.abs(d - (j === k ? 1 : 0)) / (m * u)).toBeLessThan(50);
      }
    }
  });

  it.skipIf(!LARGE)('wasm memory beyond 2 GiB: a 31500×31500 float32 rank-1 reconstruct (3.8 GiB) is exact', () => {
    const N = 31500;
    const u = new Float32Array(N).map((_, i) => 1 + (i % 7)),
      v = new Float32Array(N).map((_, j) => 1 + (j % 5));
    const r = reconstruct({ U: { rows: N, cols: 1, data: u }, S: [2], Vt: { rows: 1, cols: N, data: v } }, 1, {
      backend: 'wasm',
    });
    expect(currentModule()!.exports.memory.buffer.byteLength).toBeGreaterThan(3.5 * 2 ** 30);
    let wrong = 0;
    for (let i = N - 64; i < N; i++) for (let j = 0; j < N; j++) if (r.data[i * N + j] !== 2 * u[i] * v[j]) wrong++;
    for (let i = 0; i < N; i += 997) for (let j = 0; j < N; j += 13) if (r.data[i * N + j] !== 2 * u[i] * v[j]) wrong++;
    expect(wrong).toBe(0);
  });
});
