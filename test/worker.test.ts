// svdkit/worker in Node (a worker_thread), on the built package as a user imports it: results
// equal src/'s on the main thread (not dist/ compared with itself), buffers come back
// transferred, errors arrive as the same classes, progress reports reach the caller, calls in
// flight get their own results, load and exit failures reject, and an idle worker does not keep
// Node alive.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as api from '../dist/index.js';
import { createWorker } from '../dist/worker/node.js';
import { fromWire, toWire } from '../src/worker/errors.js';
import * as src from '../src/index.js';
import { compressImage as srcCompressImage } from '../src/image/index.js';

const w = createWorker();
afterAll(() => w.terminate());

describe('svdkit/worker in Node', () => {
  it('runs svd on wasm in the worker with the same result as here', async () => {
    expect(await w.backendInfo()).toEqual(api.backendInfo());
    const a = { rows: 30, cols: 20, data: Float64Array.from({ length: 600 }, (_, i) => Math.cos(i * 1.3)) };
    const r = await w.svd(a, { fullMatrices: true });
    const here = src.svd(a, { fullMatrices: true }); // src/, not dist/ compared with itself
    expect(r.backend).toBe('wasm');
    expect(r.S).toBeInstanceOf(Float64Array);
    expect(Array.from(r.S)).toEqual(Array.from(here.S));
    expect(Array.from(r.U!.data)).toEqual(Array.from(here.U!.data));
    expect(a.data.length).toBe(600); // the input was copied, not moved
  });

  it('rebuilds a LowRank whose methods run here', async () => {
    const a = { rows: 12, cols: 9, data: Float32Array.from({ length: 108 }, (_, i) => Math.sin(i)) };
    const lr = await w.lowRank(a, { energy: 0.9 });
    const here = src.lowRank(a, { energy: 0.9 });
    expect(lr).toBeInstanceOf(api.LowRank);
    expect([lr.k, lr.dtype, lr.error]).toEqual([here.k, here.dtype, here.error]);
    expect(Array.from(lr.reconstruct().data)).toEqual(Array.from(here.reconstruct().data));
  });

  it('compressImage: same ranks, stats and pixels as on the main thread; progress reported', async () => {
    const img = {
      width: 23,
      height: 17,
      data: Uint8Array.from({ length: 23 * 17 * 4 }, (_, i) => (i * 97 + (i >> 5)) % 256),
    };
    const progress: string[] = [];
    const stages: (string | undefined)[] = [];
    const c = await w.compressImage(
      img,
      { energy: 0.95 },
      {
        onProgress: (d, t, s) => {
          progress.push(`${d}/${t}`);
          stages.push(s);
        },
      },
    );
    const here = srcCompressImage(img, { energy: 0.95 });
    expect(progress).toEqual(['0/3', '1/3', '2/3', '3/3']);
    expect(stages).toEqual(['SVD of channel 1/3', 'SVD of channel 2/3', 'SVD of channel 3/3', 'SVD done']);
    expect([c.rank, c.maxRank, c.channels, c.compressedChannels, c.backend]).toEqual([
      here.rank,
      here.maxRank,
      4,
      3,
      here.backend,
    ]);
    expect(c.stats(2)).toEqual(here.stats(2));
    expect(c.toImage(1).data).toEqual(here.toImage(1).data);
    expect([c.kept, c.method]).toEqual([here.kept, here.method]);
    expect(() => c.toImage(c.kept + 1)).toThrow(api.InvalidOptionError);
  });

  it('errors arrive as the same classes with their fields', async () => {
    await expect(w.svd([[1, 2], [3]])).rejects.toBeInstanceOf(api.InvalidMatrixError);
    await expect(w.svd([[1]], { nope: true } as never)).rejects.toMatchObject({
      name: 'InvalidOptionError',
      code: 'INVALID_OPTION',
    });
    const hard = { rows: 30, cols: 30, data: Float64Array.from({ length: 900 }, (_, i) => Math.sin(i * i)) };
    const e = await w.svd(hard, { maxSweeps: 1 }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(api.ConvergenceError);
    expect(e).toBeInstanceOf(api.SvdkitError);
    expect((e as InstanceType<typeof api.ConvergenceError>).sweeps).toBe(1);
    await expect(w.compressImage({ width: 2, height: 2, data: new Uint8Array(4) }, 3)).rejects.toBeInstanceOf(
      api.InvalidOptionError,
    );
    expect((await w.svd([[3, 4]])).S[0]).toBeCloseTo(5, 14); // still serving after errors
  });

  it('wire format: every class round-trips; unknown errors stay Errors with their name', () => {
    const errors = [
      new src.InvalidMatrixError('m'),
      new src.InvalidOptionError('o'),
      new src.ConvergenceError('c', 7, 0.5),
      new src.BackendUnavailableError('b'),
      new src.SizeLimitError('s'),
      new src.SvdkitError('x', 'X'),
      new TypeError('t'),
    ];
    for (const e of errors) {
      const back = fromWire(structuredClone(toWire(e)));
      expect(back.constructor).toBe(e.constructor);
      expect([back.name, back.message, (back as { code?: string }).code]).toEqual([
        e.name,
        e.message,
        (e as { code?: string }).code,
      ]);
    }
    expect(fromWire(toWire(new src.ConvergenceError('c', 7, 0.5)))).toMatchObject({ sweeps: 7, offNorm: 0.5 });
    const odd = fromWire({ name: 'DOMException', message: 'gone' });
    expect([odd instanceof Error, odd.name]).toEqual([true, 'DOMException']);
  });

  it('terminate() rejects later calls; an idle worker lets Node exit', async () => {
    const w2 = createWorker();
    await w2.svd([[1]]);
    w2.terminate();
    await expect(w2.svd([[1]])).rejects.toThrow(/terminated/);
    const script = `import { createWorker } from ${JSON.stringify(fileURLToPath(new URL('../dist/worker/node.js', import.meta.url)))};
      const w = createWorker(); const r = await w.svd([[3, 0], [0, 4]]); console.log(r.S.join(','));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(run.stdout.trim()).toBe('4,3');
    expect(run.status).toBe(0);
  });
});

describe('svdkit/worker paths', () => {
  it('several calls in flight each get their own result', async () => {
    const inputs = [3, 5, 7].map((n) => ({
      rows: n,
      cols: n,
      data: Float64Array.from({ length: n * n }, (_, i) => Math.sin(i + n)),
    }));
    const [r3, info, r5, r7] = await Promise.all([
      w.svd(inputs[0]),
      w.backendInfo(),
      w.svd(inputs[1]),
      w.svd(inputs[2]),
    ]);
    expect(info).toEqual(api.backendInfo());
    [r3, r5, r7].forEach((r, i) => {
      expect(Array.from(r.S)).toEqual(Array.from(src.svd(inputs[i]).S));
    });
  });

  it('init() in the worker: the scalar build on request, a bad source rejected with its class', async () => {
    const w2 = createWorker();
    try {
      await w2.init({ simd: false });
      expect(await w2.backendInfo()).toMatchObject({ wasm: true, simd: false });
      await expect(w2.init({ simd: 'yes' } as never)).rejects.toBeInstanceOf(api.InvalidOptionError);
      await expect(w2.init({ wasm: new Uint8Array([1, 2, 3]) })).rejects.toBeInstanceOf(api.SvdkitError);
      expect((await w2.svd([[3, 4]])).S[0]).toBeCloseTo(5, 12); // still serving
    } finally {
      w2.terminate();
    }
  });

  it('createWorker({ url }) runs the given script', async () => {
    const w2 = createWorker({ url: new URL('../dist/worker/worker-entry.js', import.meta.url) });
    try {
      expect(
        Array.from(
          (
            await w2.svd([
              [3, 0],
              [0, 4],
            ])
          ).S,
        ),
      ).toEqual([4, 3]);
    } finally {
      w2.terminate();
    }
  });

  it('a worker script that fails to load or exits rejects the pending call with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'svdkit-worker-'));
    writeFileSync(join(dir, 'throws.mjs'), "throw new Error('cannot start here');\n");
    writeFileSync(
      join(dir, 'exits.mjs'),
      "import { parentPort } from 'node:worker_threads';\nparentPort.on('message', () => process.exit(3));\n",
    );
    const bad = createWorker({ url: pathToFileURL(join(dir, 'throws.mjs')) });
    await expect(bad.svd([[1]])).rejects.toThrow(/svdkit worker failed: cannot start here/);
    await expect(bad.svd([[1]])).rejects.toThrow(/svdkit worker/); // later calls too
    bad.terminate();
    const quits = createWorker({ url: pathToFileURL(join(dir, 'exits.mjs')) });
    await expect(quits.svd([[1]])).rejects.toThrow(/svdkit worker exited \(code 3\)/);
    quits.terminate();
  });
});
