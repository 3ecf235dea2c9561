/**
 * Memory over many calls, errors included, through the public API. test/wasm-memory.test.ts
 * covers the arena itself (2,000 direct calls, exact planners, a refused 4 GiB plan, one growth
 * between two svd calls); this file adds: 10,000 mixed public calls — svd, eigh, the gemm-based
 * toolkit — interleaved with errors thrown before, inside and after the kernels (bad input,
 * ConvergenceError at maxSweeps: 1, SizeLimitError), with the wasm memory and the JS heap
 * bounded and the results unchanged afterwards; and a fresh module whose memory grows inside
 * nearly every call, giving bit-identical results to a module that never grows.
 */
import { readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  eigh,
  InvalidMatrixError,
  lowRank,
  lstsq,
  pinv,
  randomizedSvd,
  reconstruct,
  SizeLimitError,
  svd,
  svdvals,
  type Dtype,
  type Matrix,
} from '../src/index.js';
import { initWasm } from '../src/backend/wasm/index.js';
import { currentModule } from '../src/backend/wasm/load.js';
import { createRng } from '../src/random.js';
import { wasmMissing } from './harness/cases.js';

/** A forced full GC: V8's own, exposed for this process (vitest does not pass --expose-gc). */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const memory = () => currentModule()!.exports.memory;

function matrix(m: number, n: number, seed: number, dtype: Dtype = 'float64'): Matrix {
  const rng = createRng(seed);
  const data = dtype === 'float64' ? new Float64Array(m * n) : new Float32Array(m * n);
  for (let k = 0; k < data.length; k++) data[k] = 2 * rng.uniform() - 1;
  return { rows: m, cols: n, data };
}

function symmetric(n: number, seed: number, dtype: Dtype): Matrix {
  const a = matrix(n, n, seed, dtype);
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) a.data[i * n + j] = a.data[j * n + i];
  return a;
}

/** Expects `f` to throw an error of class `E`. */
function throws(f: () => unknown, E: new (...args: never[]) => Error): void {
  try {
    f();
  } catch (e) {
    if (e instanceof E) return;
    throw e;
  }
  throw new Error(`expected ${E.name}`);
}

/** Every number of a result, in order, for bitwise comparisons. */
function bits(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (ArrayBuffer.isView(x)) for (const v of x as unknown as ArrayLike<number>) out.push(v);
  else if (x !== null && typeof x === 'object')
    for (const k of Object.keys(x).sort()) bits((x as Record<string, unknown>)[k], out);
  return out;
}

function expectSameBits(a: unknown, b: unknown): void {
  const x = bits(a),
    y = bits(b);
  expect(x.length).toBe(y.length);
  expect(x.findIndex((v, i) => !Object.is(v, y[i]))).toBe(-1);
}

/** A fixed set of calls touching every wasm entry point, for before/after comparisons. */
function reference(): unknown[] {
  const a = matrix(17, 11, 1),
    s = symmetric(9, 2, 'float64'),
    f = matrix(13, 6, 3, 'float32');
  return [
    svd(a, { backend: 'wasm' }),
    svd(f, { backend: 'wasm', fullMatrices: true }),
    eigh(s, { backend: 'wasm' }),
    reconstruct(svd(a, { backend: 'wasm' }), 4, { backend: 'wasm' }),
    randomizedSvd(a, 3, { backend: 'wasm', seed: 9 }),
    pinv(f, { backend: 'wasm' }),
  ];
}

/** Call number i of the mixed run: 16 kinds, shapes up to 24, both dtypes, a third of them errors. */
function mixedCall(i: number): void {
  const dtype: Dtype = i % 5 < 2 ? 'float32' : 'float64';
  const m = 1 + ((i * 7) % 24),
    n = 1 + ((i * 13) % 24),
    seed = i;
  const backend = 'wasm' as const;
  switch (i % 16) {
    case 0:
      svd(matrix(m, n, seed, dtype), { backend });
      break;
    case 1:
      svdvals(matrix(m, n, seed, dtype), { backend });
      break;
    case 2:
      svd(matrix(m, n, seed, dtype), { backend, fullMatrices: true });
      break;
    case 3:
      eigh(symmetric(n, seed, dtype), { backend });
      break;
    // A ConvergenceError is thrown after the kernel ran in the arena.
    case 4:
      throws(() => svd(matrix(16, 12, seed, dtype), { backend, maxSweeps: 1 }), ConvergenceError);
      break;
    case 5:
      throws(() => eigh(symmetric(12, seed, dtype), { backend, maxSweeps: 1 }), ConvergenceError);
      break;
    // Bad input: the whole matrix is read before the NaN in its last entry stops the call.
    case 6: {
      const a = matrix(m, n, seed);
      a.data[a.data.length - 1] = NaN;
      throws(() => svd(a, { backend }), InvalidMatrixError);
      break;
    }
    // Beyond wasm32: refused before anything is allocated.
    case 7:
      throws(
        () => svd({ rows: 40000, cols: 40000, data: { length: 1.6e9 } as ArrayLike<number> }, { backend }),
        SizeLimitError,
      );
      break;
    case 8:
      reconstruct(svd(matrix(m, n, seed, dtype), { backend }), Math.min(m, n), { backend });
      break;
    case 9:
      randomizedSvd(matrix(m, n, seed, dtype), 1 + (i % Math.min(m, n)), { backend, seed: i });
      break;
    case 10:
      lowRank(matrix(m, n, seed, dtype), { energy: 0.9 }, { backend }).apply(new Float64Array(n).fill(1));
      break;
    case 11:
      lowRank(matrix(m, n, seed, dtype), 1, { backend, method: 'randomized', seed: i }).reconstruct();
      break;
    case 12:
      pinv(matrix(m, n, seed, dtype), { backend });
      break;
    case 13:
      lstsq(matrix(m, n, seed, dtype), new Float64Array(m).fill(1), { backend });
      break;
    // An error after a decomposition ran: b has the wrong length.
    case 14:
      throws(() => lstsq(matrix(m, n, seed, dtype), new Float64Array(m + 1), { backend }), InvalidMatrixError);
      break;
    default:
      svd(matrix(n, m, seed, dtype), { backend, k: 1 });
      break;
  }
}

describe.skipIf(wasmMissing)('memory over many calls', () => {
  afterAll(async () => {
    await initWasm({}); // leave the shipped build loaded for whatever runs next in this worker
  });

  it('10,000 mixed calls with errors: wasm memory settles, the heap stays flat, results are unchanged', () => {
    const before = reference();
    for (let i = 0; i < 1600; i++) mixedCall(i); // warm-up: every kind and shape once at least
    gc();
    const heap0 = process.memoryUsage().heapUsed;
    const settled = memory().buffer.byteLength;
    let grew = 0;
    for (let i = 0; i < 10_000; i++) {
      mixedCall(i);
      if (memory().buffer.byteLength !== settled) grew++;
    }
    gc();
    const heapGrowth = process.memoryUsage().heapUsed - heap0;
    expect(grew, 'wasm memory grew after every shape had been seen').toBe(0);
    // Problems up to 24×24 plan a few tens of KiB; 4 MiB is a generous ceiling.
    expect(settled).toBeLessThanOrEqual(4 * 2 ** 20);
    // Nothing accumulates per call: a leak of even 100 bytes a call would show as 1 MB.
    expect(heapGrowth, `heap grew by ${(heapGrowth / 2 ** 20).toFixed(2)} MiB`).toBeLessThan(2 ** 20);
    expectSameBits(reference(), before);
  });

  it('a failed call leaves a grown arena reusable, and repeating it grows nothing', () => {
    const small = matrix(5, 4, 1),
      ref = svd(small, { backend: 'wasm' });
    const big = matrix(160, 150, 2);
    throws(() => svd(big, { backend: 'wasm', maxSweeps: 1 }), ConvergenceError); // grows the arena, then fails
    const grown = memory().buffer.byteLength;
    for (let i = 0; i < 5; i++) {
      throws(() => svd(big, { backend: 'wasm', maxSweeps: 1 }), ConvergenceError);
      expectSameBits(svd(small, { backend: 'wasm' }), ref);
    }
    expect(memory().buffer.byteLength).toBe(grown);
  });

  it('a fresh module whose memory grows inside calls gives the same bits as one that never grows', async () => {
    const bytes = readFileSync(new URL('../src/backend/wasm/svdkit.wasm', import.meta.url));
    let growths = 0,
      calls = 0;
    /** Counts the calls after which memory is larger than before them. */
    const counted = <T>(f: () => T): T => {
      const was = memory().buffer.byteLength;
      const r = f();
      calls++;
      if (memory().buffer.byteLength > was) growths++;
      return r;
    };
    // Sizes that only increase, so that from n = 60 on (one 64 KiB page holds the smaller ones)
    // the first calls of each size need more memory than any call before them.
    const sizes = [4, 20, 60, 90, 120, 150];
    const run = () =>
      sizes.flatMap((n, j) => {
        const a = matrix(n + 3, n, 40 + j),
          f = matrix(n, n + 5, 50 + j, 'float32'),
          s = symmetric(n, 60 + j, 'float64');
        return [
          counted(() => svd(a, { backend: 'wasm' })),
          counted(() => svd(f, { backend: 'wasm', fullMatrices: true })),
          counted(() => eigh(s, { backend: 'wasm' })),
          counted(() => randomizedSvd(a, Math.min(3, n), { backend: 'wasm', seed: j })),
          counted(() => lowRank(f, { energy: 0.8 }, { backend: 'wasm', method: 'randomized' })),
          counted(() => reconstruct(svd(a, { backend: 'wasm' }), Math.min(5, n), { backend: 'wasm' })),
        ];
      });
    // Two fresh instances of the same binary (a new source object each time loads a new one).
    await initWasm({ wasm: new Uint8Array(bytes) });
    run();
    const warm = run(); // on memory already grown to the largest size
    await initWasm({ wasm: new Uint8Array(bytes) });
    growths = calls = 0;
    const cold = run();
    expect(growths, `memory grew in ${growths} of ${calls} calls`).toBeGreaterThanOrEqual(sizes.length - 2);
    expectSameBits(cold, warm);
  });
});
