/**
 * The browser test page: loads svdkit the way a bundled app does (the built package through
 * Vite) and exposes `window.svdkitTest` for the Playwright tests. Query: `?load=default`
 * (init()), `nosimd` (init({ simd: false })), `inline` (svdkit/inline's embedded binary).
 */
import * as api from 'svdkit';
import * as inline from 'svdkit/inline';
import { compressImage } from 'svdkit/image';
import { createWorker } from 'svdkit/worker';
import { runCases } from './cases';

async function load(): Promise<unknown> {
  const mode = new URLSearchParams(location.search).get('load') ?? 'default';
  try {
    if (mode === 'nosimd') await api.init({ simd: false });
    else if (mode === 'inline') await inline.init();
    else await api.init();
    return null;
  } catch (e) {
    return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
  }
}

/** A wasm-or-js round trip of every error class through the worker. */
async function workerChecks(): Promise<Record<string, unknown>> {
  const w = createWorker();
  try {
    const info = await w.backendInfo();
    const r = await w.svd([
      [3, 2, 2],
      [2, 3, -2],
    ]);
    const errors: Record<string, unknown> = {};
    const attempts: [string, () => Promise<unknown>][] = [
      ['InvalidMatrixError', () => w.svd([[NaN]])],
      ['InvalidOptionError', () => w.svd([[1]], { bogus: 1 } as never)],
      [
        'ConvergenceError',
        () =>
          w.svd(
            { rows: 30, cols: 30, data: Float64Array.from({ length: 900 }, (_, i) => Math.sin(i * i)) },
            { maxSweeps: 1 },
          ),
      ],
    ];
    for (const [name, run] of attempts) {
      try {
        await run();
        errors[name] = 'no error';
      } catch (e) {
        const cls = (api as unknown as Record<string, new (...a: never[]) => Error>)[name];
        errors[name] = {
          instance: e instanceof cls,
          svdkit: e instanceof api.SvdkitError,
          code: (e as { code?: string }).code,
          sweeps: (e as { sweeps?: number }).sweeps,
        };
      }
    }
    // A 1024×1024 decomposition must not block the page. Counted in events, not milliseconds:
    // the page runs a chain of its own tasks (each setTimeout schedules the next) while the worker
    // computes; a blocked main thread would run none of them before the result arrives.
    const n = 1024,
      big = new Float32Array(n * n); // float32 values only: about 2 s on wasm SIMD
    for (let i = 0; i < big.length; i++) big[i] = Math.sin(i * 0.618) + ((i * 7919) % 13) / 13;
    let ticks = 0,
      done = false;
    const tick = () => {
      if (!done) {
        ticks++;
        setTimeout(tick, 0);
      }
    };
    setTimeout(tick, 0);
    const s = await w.svd({ rows: n, cols: n, data: big }, { computeUV: false });
    done = true;
    const ticksBeforeResult = ticks;
    const lr = await w.lowRank(
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      1,
    );
    const img = { width: 6, height: 4, data: Uint8Array.from({ length: 24 }, (_, i) => (i * 37) % 256) };
    const c = await w.compressImage(img, 2);
    const local = compressImage(img, 2);
    return {
      info,
      S: Array.from(r.S),
      backend: r.backend,
      errors,
      big: { ticks: ticksBeforeResult, s1: s.S[0], length: s.S.length },
      lowRank: { isLowRank: lr instanceof api.LowRank, k: lr.k, error: lr.error },
      image: {
        same: Array.from(c.toImage(2).data).join() === Array.from(local.toImage(2).data).join(),
        stats: c.stats(1),
      },
    };
  } finally {
    w.terminate();
  }
}

declare global {
  interface Window {
    svdkitTest: unknown;
  }
}

const loadError = await load();
window.svdkitTest = {
  loadError,
  info: () => api.backendInfo(),
  run: (backend: 'wasm' | 'js', dtype: 'float64' | 'float32') => runCases(api, backend, dtype),
  smoke: () => {
    const r = api.svd([
      [3, 2, 2],
      [2, 3, -2],
    ]);
    let wasmError: unknown = null;
    try {
      api.svd([[1]], { backend: 'wasm' });
    } catch (e) {
      wasmError = {
        name: (e as Error).name,
        unavailable: e instanceof api.BackendUnavailableError,
        message: (e as Error).message,
      };
    }
    return { S: Array.from(r.S), backend: r.backend, wasmError };
  },
  workerChecks,
};
document.getElementById('status')!.textContent = 'ready';
document.body.dataset.ready = '1';
