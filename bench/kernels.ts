/**
 * Kernel bench: GFLOP/s of the level-1 kernels that one-sided Jacobi spends its time in (the
 * plane rotation of two columns, 6 flops per entry pair, and the dot product, 2 flops per
 * entry) and of the reconstruction U·diag(S)·Vt (the backend gemm, 2·m·n·k flops), wasm against
 * js, float64 and float32; then the wasm memory one 1024×1024 float64 svd needs.
 *   node --expose-gc --import tsx bench/kernels.ts [--quick]
 * Called by bench/index.ts after the SVD bench. The wasm rotation and dot are timed through
 * bench-only exports (assembly/kernels/bench.ts) that repeat the kernel inside the module.
 */
import { jsBackend } from '../src/backend/js/index.js';
import { dot as jsDot, rot as jsRot } from '../src/backend/js/blas.js';
import { wasmBackend } from '../src/backend/wasm/index.js';
import { loadedModule } from '../src/backend/wasm/load.js';
import { svd } from '../src/index.js';
import type { Dtype, FloatArray } from '../src/types.js';
import { uniformData } from './data.js';
import { save } from './report.js';

interface KernelExports {
  benchRotF64(x: number, y: number, n: number, c: number, s: number, reps: number): void;
  benchRotF32(x: number, y: number, n: number, c: number, s: number, reps: number): void;
  benchDotF64(x: number, y: number, n: number, reps: number): number;
  benchDotF32(x: number, y: number, n: number, reps: number): number;
}

/**
 * A fresh copy of a self-contained kernel function, so that its type feedback is its own: the
 * backend's kernels see Float64Array and Float32Array (and, in a long bench process, many call
 * sites), and V8's polymorphic element access then runs them several times slower. Timing a
 * clone per dtype gives the monomorphic JS figure; `backend` in the row says which was timed.
 */
function fresh<F extends (...args: never[]) => unknown>(fn: F): F {
  return new Function(`return (${fn.toString()})`)() as F;
}

/** Median milliseconds of fn over `runs` runs after three warm-ups (so JS reaches its top tier). */
function median(fn: () => void, runs: number): number {
  for (let w = 0; w < 3; w++) fn();
  const t: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  t.sort((a, b) => a - b);
  return t[runs >> 1];
}

const gflops = (flops: number, ms: number) => flops / (ms * 1e6);
const fmt = (x: number) => x.toFixed(1);

export interface KernelRow {
  kernel: string;
  size: string;
  dtype: Dtype;
  wasm: number | null;
  js: number;
}

export async function benchKernels(
  argv: string[],
): Promise<{ rows: KernelRow[]; memory: Record<string, number> | null; md: string }> {
  const quick = argv.includes('--quick');
  const runs = quick ? 3 : 7;
  const rows: KernelRow[] = [];
  const mod = loadedModule();
  const kx = mod ? (mod.exports as unknown as KernelExports) : null;
  const c = Math.cos(0.3),
    s = Math.sin(0.3);

  // Level-1 kernels on two columns of length n: 512 (in L1, the Jacobi case at 512²) and 4096 (L2).
  for (const n of [512, 4096]) {
    for (const dtype of ['float64', 'float32'] as Dtype[]) {
      const f64 = dtype === 'float64';
      const x: FloatArray = f64 ? new Float64Array(2 * n) : new Float32Array(2 * n);
      for (let k = 0; k < 2 * n; k++) x[k] = Math.sin(k);
      const reps = Math.max(1, Math.round((quick ? 2e6 : 2e7) / n));
      // js: the backend's own kernels (fresh monomorphic copies), on one array as the sweep calls them
      const rotJ = fresh(jsRot),
        dotJ = fresh(jsDot);
      const jsRotMs = median(() => {
        for (let r = 0; r < reps; r++) rotJ(x, 0, n, n, 1, c, s);
      }, runs);
      let sink = 0;
      const jsDotMs = median(() => {
        for (let r = 0; r < reps; r++) sink += dotJ(x, 0, x, n, n);
      }, runs);
      let wRot: number | null = null,
        wDot: number | null = null;
      if (mod && kx) {
        const bytes = f64 ? 8 : 4;
        const base = mod.arena.reserve(2 * n * bytes);
        (f64
          ? new Float64Array(mod.exports.memory.buffer, base, 2 * n)
          : new Float32Array(mod.exports.memory.buffer, base, 2 * n)
        ).set(x);
        const xp = base,
          yp = base + n * bytes;
        wRot = median(() => (f64 ? kx.benchRotF64 : kx.benchRotF32)(xp, yp, n, c, s, reps), runs);
        wDot = median(() => {
          sink += (f64 ? kx.benchDotF64 : kx.benchDotF32)(xp, yp, n, reps);
        }, runs);
      }
      if (sink === 42) process.stderr.write(''); // keep the dot results alive
      rows.push({
        kernel: 'rotation',
        size: `2×${n}`,
        dtype,
        wasm: wRot === null ? null : gflops(6 * n * reps, wRot),
        js: gflops(6 * n * reps, jsRotMs),
      });
      rows.push({
        kernel: 'dot',
        size: `2×${n}`,
        dtype,
        wasm: wDot === null ? null : gflops(2 * n * reps, wDot),
        js: gflops(2 * n * reps, jsDotMs),
      });
    }
  }

  // Reconstruction U·diag(S)·Vt through the backend gemm (what reconstruct() runs), copies included.
  for (const [m, n, k] of (quick
    ? [[256, 256, 256]]
    : [
        [512, 512, 512],
        [1024, 1024, 128],
      ]) as [number, number, number][]) {
    for (const dtype of ['float64', 'float32'] as Dtype[]) {
      const mk = (len: number, seed: number) => {
        const d = uniformData(1, len, seed);
        return dtype === 'float64' ? d : Float32Array.from(d);
      };
      const us = mk(m * k, 1),
        vt = mk(k * n, 2); // U with diag(S) folded into its columns
      const task = { dtype, m, n, k, a: us, transA: false, b: vt, transB: false };
      const flops = 2 * m * n * k;
      const wb = wasmBackend();
      const wMs = wb ? median(() => wb.gemm(task), runs) : null;
      const jMs = median(() => jsBackend.gemm(task), quick ? 1 : 3);
      rows.push({
        kernel: 'reconstruction U·diag(S)·Vt',
        size: `${m}×${k}·${k}×${n}`,
        dtype,
        wasm: wMs === null ? null : gflops(flops, wMs),
        js: gflops(flops, jMs),
      });
    }
  }

  // Peak wasm memory of one 1024×1024 float64 svd (U,S,Vt): the planner's bytes and the buffer.
  let memory: Record<string, number> | null = null;
  const wb = wasmBackend();
  if (mod && wb) {
    const N = 1024;
    const planned = wb.svdBytes('float64', N, N, 'thin', true, 'bidiagonal');
    svd({ rows: N, cols: N, data: uniformData(N, N) }, { backend: 'wasm' });
    memory = {
      plannedSvdBytes: planned,
      arenaBase: mod.arena.base,
      bufferByteLength: mod.exports.memory.buffer.byteLength,
    };
  }

  const lines = [
    '| kernel | size | dtype | wasm GFLOP/s | js GFLOP/s | wasm / js |',
    '|---|---|---|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.kernel} | ${r.size} | ${r.dtype} | ${r.wasm === null ? '–' : fmt(r.wasm)} | ${fmt(r.js)} | ${r.wasm === null ? '–' : (r.wasm / r.js).toFixed(1) + '×'} |`,
    ),
  ];
  let md =
    `Kernels (${mod?.simd ? 'wasm SIMD' : 'wasm scalar/none'}), median of ${runs} runs. js rotation/dot: fresh ` +
    `(monomorphic) copies of the backend's kernels; js reconstruction: the backend gemm as the process left it ` +
    `(after the SVD bench its type feedback is polymorphic, which costs JS several-fold).\n\n${lines.join('\n')}\n`;
  if (memory) {
    const mib = (b: number) => (b / 2 ** 20).toFixed(1);
    md +=
      `\nWasm memory for svd of a 1024×1024 float64 matrix (U,S,Vt): planned ${memory.plannedSvdBytes} bytes ` +
      `(${mib(memory.plannedSvdBytes)} MiB: working copy, S, U, V, scratch (bidiagonal route), status) above the arena base ${memory.arenaBase}; ` +
      `memory.buffer.byteLength after the call ${memory.bufferByteLength} bytes (${mib(memory.bufferByteLength)} MiB; ` +
      `memory only grows, so in a process that ran larger calls first this is their peak).\n`;
  }
  return { rows, memory, md };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchKernels(process.argv.slice(2));
  process.stdout.write(r.md);
  const where = save('kernels', { date: new Date().toISOString(), rows: r.rows, memory: r.memory }, r.md);
  process.stderr.write(`wrote ${where}.{json,md}\n`);
}
