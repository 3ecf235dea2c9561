/**
 * The wasm backend: the AssemblyScript kernels of `assembly/` behind the {@link Backend}
 * interface. Each call plans its memory from the shapes (see arena.ts), copies the column-major
 * input into the module's arena, runs one entry point and copies the results out. Loading
 * (sync in Node, `initWasm` elsewhere, SIMD or scalar build) lives in load.ts.
 * @module
 */
import type { Dtype, FloatArray } from '../../types.js';
import { checkConverged, checkQLConverged, qlMaxIter } from '../shared.js';
import type {
  Backend,
  EighKernel,
  EighOutput,
  EighTask,
  GemmTask,
  SvdKernel,
  SvdOutput,
  SvdTask,
  UMode,
} from '../types.js';
import { Plan, bytesOf } from './arena.js';
import { currentModule, initWasm, loadError, loadedModule, type LoadedModule, type SvdkitExports } from './load.js';

export type { WasmInitOptions, WasmSource } from './load.js';
export { initWasm };
export { simdSupported } from './load.js';

/** Byte offsets (from the arena base) of an SVD call's regions; -1 when absent. */
interface SvdPlan {
  w: number;
  s: number;
  u: number;
  v: number;
  scratch: number;
  status: number;
  total: number;
}

function svdPlan(
  x: SvdkitExports,
  dtype: Dtype,
  m: number,
  n: number,
  u: UMode,
  v: boolean,
  method: SvdKernel,
): SvdPlan {
  const b = bytesOf(dtype),
    p = new Plan(),
    f64 = dtype === 'float64',
    jacobi = method === 'jacobi';
  const w = p.take(m * n * b);
  const s = p.take(n * b);
  // Square Jacobi normalises U in place in w, so U needs no region of its own.
  const uo = u === 'none' ? -1 : m > n || !jacobi ? p.take(m * (u === 'full' ? m : n) * b) : w;
  const vo = v ? p.take(n * n * b) : -1;
  const wantU = u === 'none' ? 0 : 1;
  const scratch = p.take(
    jacobi
      ? f64
        ? x.svdScratchF64(m, n)
        : x.svdScratchF32(m, n)
      : f64
        ? x.svdBidiagScratchF64(m, n, wantU)
        : x.svdBidiagScratchF32(m, n, wantU),
  );
  const status = p.take(24);
  return { w, s, u: uo, v: vo, scratch, status, total: p.total };
}

interface EighPlan {
  a: number;
  values: number;
  vectors: number;
  scratch: number;
  status: number;
  total: number;
}

function eighPlan(x: SvdkitExports, dtype: Dtype, n: number, vectors: boolean, method: EighKernel): EighPlan {
  const b = bytesOf(dtype),
    p = new Plan(),
    f64 = dtype === 'float64';
  const a = p.take(n * n * b);
  const values = p.take(n * b);
  const vo = vectors ? p.take(n * n * b) : -1;
  const scratch = p.take(
    method === 'jacobi'
      ? f64
        ? x.eighScratchF64(n)
        : x.eighScratchF32(n)
      : f64
        ? x.eighTridiagScratchF64(n)
        : x.eighTridiagScratchF32(n),
  );
  const status = p.take(24);
  return { a, values, vectors: vo, scratch, status, total: p.total };
}

interface GemmPlan {
  a: number;
  b: number;
  c: number;
  scratch: number;
  total: number;
}

function gemmPlan(x: SvdkitExports, dtype: Dtype, m: number, n: number, k: number): GemmPlan {
  const e = bytesOf(dtype),
    p = new Plan();
  const a = p.take(m * k * e);
  const b = p.take(k * n * e);
  const c = p.take(m * n * e);
  const scratch = p.take(dtype === 'float64' ? x.gemmScratchF64(m, n, k) : x.gemmScratchF32(m, n, k));
  return { a, b, c, scratch, total: p.total };
}

const UMODE: Record<UMode, number> = { none: 0, thin: 1, full: 2 };

function makeBackend(mod: LoadedModule): Backend {
  const { exports: x, arena } = mod;
  const at = (base: number, off: number) => (off < 0 ? 0 : base + off);

  function svdTall(task: SvdTask): SvdOutput {
    const { dtype, rows: m, cols: n, params } = task;
    const jacobi = task.method === 'jacobi',
      f64 = dtype === 'float64';
    const plan = svdPlan(x, dtype, m, n, task.u, task.v, task.method);
    const base = arena.reserve(plan.total);
    arena.write(dtype, base + plan.w, task.w, m * n);
    const run = jacobi ? (f64 ? x.svdF64 : x.svdF32) : f64 ? x.svdBidiagF64 : x.svdBidiagF32;
    const cap = jacobi ? params.maxSweeps : qlMaxIter(n, params.maxSweeps);
    run(
      m,
      n,
      base + plan.w,
      base + plan.s,
      at(base, plan.u),
      at(base, plan.v),
      UMODE[task.u],
      task.v ? 1 : 0,
      base + plan.scratch,
      cap,
      base + plan.status,
    );
    const status = arena.status(base + plan.status);
    if (jacobi) checkConverged('SVD (one-sided Jacobi)', status, params.maxSweeps);
    else checkQLConverged(status, n, params.maxSweeps, 'SVD (bidiagonal QR)');
    const k = task.u === 'full' ? m : n;
    return {
      s: arena.read(dtype, base + plan.s, n),
      u: plan.u < 0 ? undefined : arena.read(dtype, base + plan.u, m * k),
      v: plan.v < 0 ? undefined : arena.read(dtype, base + plan.v, n * n),
      sweeps: jacobi ? status.sweeps : status.sweeps / n,
    };
  }

  function eighSym(task: EighTask): EighOutput {
    const { dtype, n, params } = task;
    const jacobi = task.method === 'jacobi';
    const plan = eighPlan(x, dtype, n, task.vectors, task.method);
    const base = arena.reserve(plan.total);
    arena.write(dtype, base + plan.a, task.a, n * n);
    const f64 = dtype === 'float64';
    const run = jacobi ? (f64 ? x.eighF64 : x.eighF32) : f64 ? x.eighTridiagF64 : x.eighTridiagF32;
    const cap = jacobi ? params.maxSweeps : qlMaxIter(n, params.maxSweeps);
    run(n, base + plan.a, base + plan.values, at(base, plan.vectors), base + plan.scratch, cap, base + plan.status);
    const status = arena.status(base + plan.status);
    if (jacobi) checkConverged('eigh (two-sided Jacobi)', status, params.maxSweeps);
    else checkQLConverged(status, n, params.maxSweeps, 'eigh (tridiagonal QL/QR)');
    return {
      values: arena.read(dtype, base + plan.values, n),
      vectors: plan.vectors < 0 ? undefined : arena.read(dtype, base + plan.vectors, n * n),
      sweeps: jacobi ? status.sweeps : status.sweeps / n, // QL: sweeps per eigenvalue, as maxSweeps counts
    };
  }

  function gemm(task: GemmTask): FloatArray {
    const { dtype, m, n, k } = task;
    const plan = gemmPlan(x, dtype, m, n, k);
    const base = arena.reserve(plan.total);
    arena.write(dtype, base + plan.a, task.a, m * k);
    arena.write(dtype, base + plan.b, task.b, k * n);
    const run = dtype === 'float64' ? x.gemmF64 : x.gemmF32;
    run(
      m,
      n,
      k,
      base + plan.a,
      task.transA ? 1 : 0,
      base + plan.b,
      task.transB ? 1 : 0,
      base + plan.c,
      base + plan.scratch,
    );
    return arena.read(dtype, base + plan.c, m * n);
  }

  return {
    name: 'wasm',
    memoryLimit: arena.limit,
    svdBytes: (dtype, rows, cols, u, v, method) => svdPlan(x, dtype, rows, cols, u, v, method).total,
    eighBytes: (dtype, n, vectors, method) => eighPlan(x, dtype, n, vectors, method).total,
    gemmBytes: (dtype, m, n, k) => gemmPlan(x, dtype, m, n, k).total,
    svdTall,
    eighSym,
    gemm,
  };
}

let backend: { mod: LoadedModule; backend: Backend } | null = null;

/** The loaded wasm backend, loading it synchronously (Node) on first use; null if unavailable. */
export function wasmBackend(): Backend | null {
  const mod = loadedModule();
  if (!mod) return null;
  if (backend?.mod !== mod) backend = { mod, backend: makeBackend(mod) };
  return backend.backend;
}

/**
 * Whether wasm is loaded, whether the SIMD build runs, and why loading failed, if it did.
 * A pure query: it never loads the module (wasmBackend() does).
 */
export function wasmState(): { loaded: boolean; simd: boolean; error?: string } {
  const mod = currentModule();
  const error = loadError();
  const state = { loaded: mod !== null, simd: mod?.simd ?? false };
  return error === undefined ? state : { ...state, error };
}
