// svdkit/worker's full API (issue 15, finding 8): every public decomposition runs in the worker
// with the main thread's result; calls take an AbortSignal; termination, aborts and a worker that
// cannot load are SvdkitErrors with codes; a worker that is never called lets Node exit.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../dist/index.js';
import { createWorker } from '../dist/worker/node.js';

const NODE_ENTRY = fileURLToPath(new URL('../dist/worker/node.js', import.meta.url));
const w = createWorker();
afterAll(() => w.terminate());

const a = { rows: 9, cols: 6, data: Float64Array.from({ length: 54 }, (_, i) => Math.cos(i * 1.7)) };
const sym = [
  [4, 1, 0.5],
  [1, 3, 0.25],
  [0.5, 0.25, 2],
];
const same = (x: ArrayLike<number>, y: ArrayLike<number>) => expect(Array.from(x)).toEqual(Array.from(y));

function runNode(script: string) {
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
}

describe('svdkit/worker: every decomposition', () => {
  it('svdvals, eigh, randomizedSvd, pinv, lstsq equal the main thread, types and dtypes kept', async () => {
    same(await w.svdvals(a), api.svdvals(a));
    const f32 = await w.svdvals(a, { dtype: 'float32' });
    expect(f32).toBeInstanceOf(Float32Array);
    const e = await w.eigh(sym),
      eh = api.eigh(sym);
    same(e.values, eh.values);
    same(e.vectors.data, eh.vectors.data);
    const r = await w.randomizedSvd(a, 3, { seed: 5 }),
      rh = api.randomizedSvd(a, 3, { seed: 5 });
    same(r.S, rh.S);
    same(r.U.data, rh.U.data);
    same((await w.pinv(a)).data, api.pinv(a).data);
    const b = Array.from({ length: 9 }, (_, i) => i - 4);
    same(await w.lstsq(a, b), api.lstsq(a, b));
    const B = { rows: 9, cols: 2, data: Float64Array.from({ length: 18 }, (_, i) => i % 5) };
    expect((await w.lstsq(a, B)).cols).toBe(2);
    const f = await w.svd(a),
      fh = api.svd(a);
    same(f.solve(b), fh.solve(b)); // the rebuilt result's methods run here, from the worker's factors
    expect([f.rank(), f.cond()]).toEqual([fh.rank(), fh.cond()]);
    const full = await w.lstsq(a, b, { full: true });
    const fullHere = api.lstsq(a, b, { full: true });
    expect([full.rank, Array.from(full.residuals), Array.from(full.S)]).toEqual([
      fullHere.rank,
      Array.from(fullHere.residuals),
      Array.from(fullHere.S),
    ]);
    const noUV = await w.svd(a, { computeUV: false });
    expect(noUV.rank()).toBe(fh.rank());
    expect([noUV.U, noUV.Vt]).toEqual([undefined, undefined]);
  });

  it('errors of the new calls arrive as their classes', async () => {
    await expect(
      w.eigh([
        [1, 2],
        [3, 4],
      ]),
    ).rejects.toBeInstanceOf(api.InvalidMatrixError);
    await expect(w.randomizedSvd(a, 99)).rejects.toMatchObject({ code: 'INVALID_OPTION' });
  });
});

describe('svdkit/worker: AbortSignal per call', () => {
  it('an aborted signal rejects at once with code ABORTED and the reason as cause', async () => {
    const c = new AbortController();
    c.abort('stop');
    const e = await w.svd(a, { signal: c.signal }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(api.SvdkitError);
    expect(e).toMatchObject({ code: 'ABORTED', cause: 'stop' });
  });

  it('a queued call aborted is never run; a running one rejects and the next call still works', async () => {
    const big = { rows: 160, cols: 120, data: Float64Array.from({ length: 160 * 120 }, (_, i) => Math.sin(i * i)) };
    const c1 = new AbortController(),
      c2 = new AbortController();
    const running = w.svd(big, { signal: c1.signal }).catch((x: unknown) => x);
    const queued = w.svdvals(big, { signal: c2.signal }).catch((x: unknown) => x);
    const after = w.svdvals([[3, 4]]);
    c2.abort();
    c1.abort();
    expect(await running).toMatchObject({ code: 'ABORTED' });
    expect(await queued).toMatchObject({ code: 'ABORTED' });
    expect((await after)[0]).toBeCloseTo(5, 14);
    // The signal's listener is gone once the call settled: a later abort changes nothing.
    const c3 = new AbortController();
    const ok = await w.svdvals([[0, 2]], { signal: c3.signal });
    c3.abort();
    same(ok, [2]);
  });
});

describe('svdkit/worker: failures are SvdkitErrors with codes', () => {
  it('terminate() rejects pending and later calls with WORKER_TERMINATED', async () => {
    const w2 = createWorker();
    const pending = w2.svdvals(a).catch((x: unknown) => x);
    w2.terminate();
    const e = await pending;
    expect(e).toBeInstanceOf(api.SvdkitError);
    expect(e).toMatchObject({ code: 'WORKER_TERMINATED' });
    await expect(w2.svd([[1]])).rejects.toMatchObject({ code: 'WORKER_TERMINATED' });
  });

  it('a worker script that fails to load rejects with WORKER_FAILED', async () => {
    const bad = new URL('data:text/javascript,throw new Error("broken")');
    const w3 = createWorker({ url: bad });
    const e = await w3.svdvals([[1]]).catch((x: unknown) => x);
    w3.terminate();
    expect(e).toBeInstanceOf(api.SvdkitError);
    expect(e).toMatchObject({ code: 'WORKER_FAILED' });
  });
});

describe('svdkit/worker: process lifetime', () => {
  it('a worker that is never called lets Node exit', () => {
    const r = runNode(`import { createWorker } from ${JSON.stringify(NODE_ENTRY)};
      createWorker(); console.log('made');`);
    expect(r.stdout.trim()).toBe('made');
    expect(r.signal).toBeNull(); // not killed by the timeout
    expect(r.status).toBe(0);
  });

  it('a worker idle again after calls lets Node exit too', () => {
    const r = runNode(`import { createWorker } from ${JSON.stringify(NODE_ENTRY)};
      const w = createWorker(); console.log((await w.svdvals([[3, 4]]))[0], (await w.eigh([[2]])).values[0]);`);
    expect([r.stdout.trim(), r.signal, r.status]).toEqual(['5 2', null, 0]);
  });
});
