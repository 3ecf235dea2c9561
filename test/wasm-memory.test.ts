// The wasm backend's memory discipline and loader: bounded arena, fresh views after growth,
// exact byte planners, the scalar build, the loader's sources and the no-WebAssembly path.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ConvergenceError, SizeLimitError, eigh, svd, svdvals } from '../src/index.js';
import type { Backend, SvdTask } from '../src/backend/types.js';
import { initWasm, wasmBackend, wasmState } from '../src/backend/wasm/index.js';
import { currentModule } from '../src/backend/wasm/load.js';
import type { Dtype } from '../src/types.js';

const wasmUrl = (simd: boolean) =>
  new URL(`../src/backend/wasm/${simd ? 'svdkit' : 'svdkit-nosimd'}.wasm`, import.meta.url);

/** Deterministic uniform numbers in [-1, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 31 - 1;
  };
}

function matrix(m: number, n: number, seed: number) {
  const r = rng(seed);
  return { rows: m, cols: n, data: Float64Array.from({ length: m * n }, r) };
}

function wasm(): Backend {
  const b = wasmBackend();
  if (!b) throw new Error(`wasm backend unavailable: ${wasmState().error}`);
  return b;
}

const memory = () => currentModule()!.exports.memory;
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  expect(a.length).toBe(b.length);
  let d = 0;
  for (let i = 0; i < a.length; i++) d = Math.max(d, Math.abs(a[i] - b[i]));
  return d;
};

/** ‖A − U·diag(S)·Vt‖_max / (‖A‖_max·max(m, n)·u). */
function reconstruction(a: { rows: number; cols: number; data: Float64Array }, dtype: Dtype, backend: 'wasm' | 'js') {
  const { U, S, Vt } = svd(a, { backend, dtype });
  const m = a.rows,
    n = a.cols,
    p = S.length;
  let err = 0,
    big = 0;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < p; q++) s += U!.data[i * U!.cols + q] * S[q] * Vt!.data[q * n + j];
      err = Math.max(err, Math.abs(a.data[i * n + j] - s));
      big = Math.max(big, Math.abs(a.data[i * n + j]));
    }
  }
  return err / ((big || 1) * Math.max(m, n) * (dtype === 'float64' ? 2 ** -53 : 2 ** -24));
}

afterAll(async () => {
  await initWasm({}); // leave the default build loaded for whatever runs next in this worker
});

describe('wasm arena', () => {
  it('memory stays bounded over 2,000 calls of mixed sizes', () => {
    const b = wasm();
    const shapes: [number, number][] = [
      [1, 1],
      [5, 3],
      [3, 5],
      [24, 24],
      [60, 12],
      [12, 60],
      [33, 17],
    ];
    const mats = shapes.map(([m, n], i) => matrix(m, n, i + 1));
    const sizes: number[] = [];
    for (let call = 0; call < 2000; call++) {
      const a = mats[call % mats.length];
      const dtype: Dtype = call % 3 === 0 ? 'float32' : 'float64';
      switch (call % 4) {
        case 0:
          svd(a, { backend: 'wasm', dtype });
          break;
        case 1:
          svdvals(a, { backend: 'wasm', dtype });
          break;
        case 2:
          svd(a, { backend: 'wasm', dtype, fullMatrices: true });
          break;
        default: {
          const n = Math.min(a.rows, a.cols);
          const s = matrix(n, n, call);
          eigh(
            { rows: n, cols: n, data: s.data.map((_, k) => s.data[k] + s.data[(k % n) * n + Math.floor(k / n)]) },
            { backend: 'wasm', dtype },
          );
          b.gemm({
            dtype,
            m: a.rows,
            n: a.cols,
            k: 7,
            a: new Float64Array(a.rows * 7).fill(1),
            b: new Float64Array(7 * a.cols).fill(2),
            transA: false,
            transB: false,
          });
        }
      }
      sizes.push(memory().buffer.byteLength);
    }
    // Once every shape has been seen, memory never grows again.
    const settled = sizes[4 * mats.length * 3];
    expect(new Set(sizes.slice(4 * mats.length * 3))).toEqual(new Set([settled]));
    // And it is no larger than the base plus the biggest plan, rounded up to a page.
    const arena = currentModule()!.arena;
    let plan = 0;
    for (const [m, n] of shapes) {
      const M = Math.max(m, n),
        N = Math.min(m, n);
      for (const dtype of ['float64', 'float32'] as const) {
        plan = Math.max(
          plan,
          b.svdBytes(dtype, M, N, 'full', true, 'jacobi'),
          b.svdBytes(dtype, M, N, 'full', true, 'bidiagonal'),
          b.eighBytes(dtype, N, true),
          b.gemmBytes(dtype, m, n, 7),
        );
      }
    }
    expect(settled).toBeLessThanOrEqual(Math.max(65536, Math.ceil((arena.base + plan) / 65536) * 65536));
  });

  it('a call after memory grew between calls still gives correct results (views are fresh)', () => {
    const a = matrix(40, 30, 7);
    const before = svd(a, { backend: 'wasm' });
    memory().grow(3); // detaches every view of the old buffer
    const after = svd(a, { backend: 'wasm' });
    expect(maxDiff(after.S, before.S)).toBe(0);
    expect(maxDiff(after.U!.data, before.U!.data)).toBe(0);
    // A big call grows memory inside the call; the next small call must see the new buffer.
    const grown = memory().buffer.byteLength;
    svd(matrix(300, 200, 8), { backend: 'wasm' });
    expect(memory().buffer.byteLength).toBeGreaterThan(grown);
    const again = svd(a, { backend: 'wasm' });
    expect(maxDiff(again.S, before.S)).toBe(0);
    expect(reconstruction(a, 'float64', 'wasm')).toBeLessThan(50);
  });

  it('the byte planners cover every byte the kernels touch', () => {
    const b = wasm();
    const arena = currentModule()!.arena;
    const cases: { what: string; bytes: number; run: () => void }[] = [];
    for (const dtype of ['float64', 'float32'] as const) {
      for (const [m, n] of [
        [1, 1],
        [9, 4],
        [7, 7],
        [50, 13],
        [13, 13],
        // Past one block of 32 reflectors (the blocked QR), and deep enough that formQ's gemm packs
        // a full 256-deep panel.
        [130, 65],
        [300, 300],
      ]) {
        for (const u of ['none', 'thin', 'full'] as const) {
          for (const method of ['jacobi', 'bidiagonal'] as const) {
            const w = Float64Array.from({ length: m * n }, rng(m * n));
            const task: SvdTask = {
              dtype,
              method,
              rows: m,
              cols: n,
              w: dtype === 'float64' ? w : Float32Array.from(w),
              u,
              v: u !== 'none',
              params: { maxSweeps: 60 },
            };
            cases.push({
              what: `svd ${method} ${dtype} ${m}×${n} ${u}`,
              bytes: b.svdBytes(dtype, m, n, u, u !== 'none', method),
              run: () => b.svdTall(task),
            });
          }
        }
        const k = n;
        const A = Float64Array.from({ length: m * k }, rng(3)),
          B = Float64Array.from({ length: k * m }, rng(4));
        for (const [ta, tb] of [
          [false, false],
          [true, false],
          [false, true],
          [true, true],
        ]) {
          cases.push({
            what: `gemm ${dtype} ${m}×${m}×${k} ${ta}${tb}`,
            bytes: b.gemmBytes(dtype, m, m, k),
            run: () =>
              b.gemm({
                dtype,
                m,
                n: m,
                k,
                a: dtype === 'float64' ? A : Float32Array.from(A),
                b: dtype === 'float64' ? B : Float32Array.from(B),
                transA: ta,
                transB: tb,
              }),
          });
        }
      }
      cases.push({
        what: `gemm ${dtype} 40×300×600`,
        bytes: b.gemmBytes(dtype, 40, 300, 600),
        run: () =>
          b.gemm({
            dtype,
            m: 40,
            n: 300,
            k: 600,
            a: new Float64Array(40 * 600).fill(1),
            b: new Float64Array(600 * 300).fill(1),
            transA: false,
            transB: false,
          }),
      });
      // 32 and 64 make a column a multiple of 256 bytes: the kernel then works on a padded copy.
      for (const n of [12, 32, 64]) {
        const a = symmetric(n).data;
        cases.push({
          what: `eigh ${dtype} ${n}`,
          bytes: b.eighBytes(dtype, n, true),
          run: () =>
            b.eighSym({
              dtype,
              n,
              a: dtype === 'float64' ? a.slice() : Float32Array.from(a),
              vectors: true,
              params: { maxSweeps: 60 },
            }),
        });
      }
    }
    for (const c of cases) {
      arena.reserve(c.bytes + 4096);
      const guard = new Uint8Array(memory().buffer, arena.base + c.bytes, 4096);
      guard.fill(0xa5);
      c.run();
      const after = new Uint8Array(memory().buffer, arena.base + c.bytes, 4096);
      expect(
        after.every((x) => x === 0xa5),
        c.what,
      ).toBe(true);
    }
  });

  it('refuses a plan beyond 4 GiB before touching memory', () => {
    const b = wasm();
    const before = memory().buffer.byteLength;
    expect(b.memoryLimit).toBe(2 ** 32 - currentModule()!.arena.base);
    expect(b.svdBytes('float64', 30000, 20000, 'thin', true, 'bidiagonal')).toBeGreaterThan(b.memoryLimit);
    expect(() => currentModule()!.arena.reserve(2 ** 32)).toThrow(SizeLimitError);
    expect(memory().buffer.byteLength).toBe(before);
  });

  it("reports non-convergence with the js backend's ConvergenceError", () => {
    const a = matrix(30, 20, 5);
    let js: unknown, wa: unknown;
    try {
      svd(a, { backend: 'js', maxSweeps: 1 });
    } catch (e) {
      js = e;
    }
    try {
      svd(a, { backend: 'wasm', maxSweeps: 1 });
    } catch (e) {
      wa = e;
    }
    expect(wa).toBeInstanceOf(ConvergenceError);
    expect((wa as ConvergenceError).sweeps).toBe(1);
    expect((wa as Error).message.replace(/[\d.e+-]+\)/, ')')).toBe((js as Error).message.replace(/[\d.e+-]+\)/, ')'));
    expect(() => eigh(symmetric(8), { backend: 'wasm', maxSweeps: 1 })).toThrow(ConvergenceError);
  });
});

function symmetric(n: number) {
  const a = matrix(n, n, 11);
  const s = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) s[i * n + j] = a.data[i * n + j] + a.data[j * n + i];
  return { rows: n, cols: n, data: s };
}

describe('wasm builds', () => {
  it('the scalar build loads and agrees with the SIMD build', async () => {
    const shapes: [number, number][] = [
      [1, 1],
      [5, 3],
      [3, 5],
      [64, 64],
      [120, 40],
      [40, 120],
    ];
    const run = () =>
      shapes.flatMap(([m, n]) =>
        (['float64', 'float32'] as const).map((dtype) => {
          const a = matrix(m, n, m * 31 + n);
          const r = svd(a, { backend: 'wasm', dtype });
          const e = eigh(symmetric(Math.min(m, n)), { backend: 'wasm', dtype });
          const g = wasm().gemm({
            dtype,
            m,
            n,
            k: 37,
            a: matrix(m, 37, 1).data,
            b: matrix(37, n, 2).data,
            transA: false,
            transB: false,
          });
          return { dtype, m, n, S: r.S, recon: reconstruction(a, dtype, 'wasm'), values: e.values, g };
        }),
      );
    await initWasm({ simd: true });
    expect(wasmState()).toEqual({ loaded: true, simd: true });
    const simd = run();
    const scalarInit = initWasm({ simd: false });
    expect(initWasm({ simd: false })).toBe(scalarInit); // idempotent: the same promise
    await scalarInit;
    expect(wasmState()).toEqual({ loaded: true, simd: false });
    expect(wasmBackend()!.name).toBe('wasm');
    const scalar = run();
    for (let i = 0; i < simd.length; i++) {
      const { dtype, m, n } = simd[i];
      const u = dtype === 'float64' ? 2 ** -53 : 2 ** -24,
        p = Math.min(m, n);
      expect(scalar[i].recon).toBeLessThan(50);
      expect(maxDiff(scalar[i].S, simd[i].S)).toBeLessThanOrEqual(50 * p * u * simd[i].S[0]);
      expect(maxDiff(scalar[i].values, simd[i].values)).toBeLessThanOrEqual(
        50 * p * u * Math.abs(simd[i].values[0]) + 1e-300,
      );
      expect(maxDiff(scalar[i].g, simd[i].g)).toBeLessThanOrEqual(37 * 4 * u * 37);
    }
    await initWasm({ simd: true });
    expect(wasmState().simd).toBe(true);
  });

  it('initWasm accepts bytes, a view, a Response, a compiled Module, a URL and a path', async () => {
    const { readFileSync } = await import('node:fs');
    const { fileURLToPath } = await import('node:url');
    const bytes = readFileSync(wasmUrl(false));
    const sources = [
      bytes,
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      new Response(bytes),
      new Response(bytes, { headers: { 'Content-Type': 'application/wasm' } }),
      new WebAssembly.Module(bytes),
      wasmUrl(false),
      fileURLToPath(wasmUrl(false)),
    ];
    const a = matrix(20, 10, 3);
    const ref = svd(a, { backend: 'js' }).S;
    for (const source of sources) {
      await initWasm({ wasm: source });
      expect(wasmState()).toEqual({ loaded: true, simd: false });
      expect(maxDiff(svd(a, { backend: 'wasm' }).S, ref)).toBeLessThan(1e-13);
    }
    await expect(initWasm({ wasm: new Uint8Array([0, 97, 115, 109, 9, 9]) })).rejects.toThrow();
    expect(wasmState().loaded).toBe(true); // a failed load keeps the module in use
    expect(wasmState().error).toMatch(/could not load/);
    await initWasm({ simd: true });
    expect(wasmState()).toEqual({ loaded: true, simd: true });
  });
});

describe('without WebAssembly', () => {
  it('wasmBackend() is null, wasmState() says why, initWasm resolves', async () => {
    vi.stubGlobal('WebAssembly', undefined);
    vi.resetModules();
    try {
      const mod = await import('../src/backend/wasm/index.js');
      expect(mod.wasmBackend()).toBeNull();
      expect(mod.wasmState()).toEqual({
        loaded: false,
        simd: false,
        error: expect.stringMatching(/WebAssembly is not available/),
      });
      await expect(mod.initWasm()).resolves.toBeUndefined();
      const api = await import('../src/index.js');
      expect(
        api.svd([
          [3, 0],
          [0, 4],
        ]).backend,
      ).toBe('js');
    } finally {
      vi.unstubAllGlobals();
      vi.resetModules();
    }
  });
});
