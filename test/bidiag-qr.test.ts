// The bidiagonal QR kernel (dbdsqr: zero-shift / shifted implicit QR) on its own, below the
// public API: the wasm building blocks bidiagQRF64 / bidiagQRF32 and the JS function, on random,
// graded, zero, split, repeated and Wilkinson-like bidiagonals. Singular values of graded
// bidiagonals must be relatively accurate (reference: one-sided Jacobi on Bᵀ, whose columns are
// graded and where Jacobi is relatively accurate); with vectors, LAPACK-style ratios < 50; the
// JS mirror equals the scalar wasm build bit for bit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bidiagQR as jsBidiagQR } from '../src/backend/js/bidiag-qr.js';
import { currentModule, loadedModule } from '../src/backend/wasm/load.js';
import { init, svdvals } from '../src/index.js';
import { createRng } from '../src/random.js';
import { eps } from './harness/ratios.js';

type Dtype = 'float64' | 'float32';
type Backend = 'wasm' | 'js';

/** An upper bidiagonal: d (n), e (n, the last entry unused). */
interface Bidiag {
  d: Float64Array;
  e: Float64Array;
}

interface Run {
  d: Float64Array;
  u: Float64Array | Float32Array | null;
  v: Float64Array | Float32Array | null;
  converged: boolean;
  sweeps: number;
  offMax: number;
}

function identity(n: number, dtype: Dtype): Float64Array | Float32Array {
  const q = dtype === 'float64' ? new Float64Array(n * n) : new Float32Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  return q;
}

/** The wasm building block on a copy of b, U and V starting from I when `vectors`. */
function runWasm(b: Bidiag, vectors: boolean | 'u' | 'v', dtype: Dtype, maxIter: number): Run {
  const wantU = vectors === true || vectors === 'u',
    wantV = vectors === true || vectors === 'v';
  const mod = currentModule() ?? loadedModule();
  if (!mod) throw new Error('the wasm module did not load');
  const x = mod.exports,
    n = b.d.length,
    bytes = dtype === 'float64' ? 8 : 4;
  const a16 = (k: number) => Math.ceil(k / 16) * 16;
  const nd = a16(8 * Math.max(n, 1)),
    nq = a16(bytes * n * n);
  const scratch = a16(x.bidiagQRScratchBytes(n));
  const base = mod.arena.reserve(2 * nd + 2 * nq + scratch + 32);
  const pd = base,
    pe = pd + nd,
    pu = pe + nd,
    pv = pu + nq,
    ps = pv + nq,
    pst = ps + scratch;
  const buf = mod.exports.memory.buffer;
  new Float64Array(buf, pd, n).set(b.d);
  new Float64Array(buf, pe, n).set(b.e);
  if (vectors) {
    const view = (p: number) =>
      dtype === 'float64' ? new Float64Array(buf, p, n * n) : new Float32Array(buf, p, n * n);
    view(pu).set(identity(n, dtype));
    view(pv).set(identity(n, dtype));
  }
  const f = dtype === 'float64' ? x.bidiagQRF64 : x.bidiagQRF32;
  const rc = f(n, pd, pe, wantU ? pu : 0, wantV ? pv : 0, ps, maxIter, pst);
  const out = mod.exports.memory.buffer;
  const read = (p: number) =>
    dtype === 'float64' ? new Float64Array(out, p, n * n).slice() : new Float32Array(out, p, n * n).slice();
  const st = mod.arena.status(pst);
  expect(rc === 0).toBe(st.converged);
  return {
    d: new Float64Array(out, pd, n).slice(),
    u: wantU ? read(pu) : null,
    v: wantV ? read(pv) : null,
    converged: st.converged,
    sweeps: st.sweeps,
    offMax: st.offMax,
  };
}

/** The JS kernel on a copy of b (float64 only). */
function runJs(b: Bidiag, vectors: boolean | 'u' | 'v', maxIter: number): Run {
  const n = b.d.length,
    d = b.d.slice(),
    e = b.e.slice();
  const wantU = vectors === true || vectors === 'u',
    wantV = vectors === true || vectors === 'v';
  const u = wantU ? (identity(n, 'float64') as Float64Array) : null,
    v = wantV ? (identity(n, 'float64') as Float64Array) : null;
  const r = jsBidiagQR(n, d, e, u, n, n, v, n, n, eps.float64, maxIter);
  return { d, u, v, ...r };
}

function run(
  backend: Backend,
  b: Bidiag,
  vectors: boolean | 'u' | 'v',
  dtype: Dtype,
  maxIter = 60 * Math.max(b.d.length, 1),
): Run {
  return backend === 'wasm' ? runWasm(b, vectors, dtype, maxIter) : runJs(b, vectors, maxIter);
}

// ---- bidiagonals -------------------------------------------------------------------------------

function make(d: ArrayLike<number>, e: ArrayLike<number>): Bidiag {
  const n = d.length,
    ee = new Float64Array(n);
  for (let i = 0; i + 1 < n; i++) ee[i] = e[i];
  return { d: Float64Array.from(d), e: ee };
}

/** Entries uniform in (−1, 1). */
function randomBidiag(n: number, seed: number): Bidiag {
  const rng = createRng(seed);
  return make(
    Array.from({ length: n }, () => 2 * rng.uniform() - 1),
    Array.from({ length: Math.max(n - 1, 0) }, () => 2 * rng.uniform() - 1),
  );
}

/**
 * Row-graded B = D·B̂: d_i = ±(1 … 2)·g^i, e_i = (−½ … ½)·g^i with g = 10^(−decades/(n−1)), so the
 * entries span 1 … 10^−decades. B̂ = diag(d̂)(I + N), ‖N‖ ≤ ½, is well conditioned: every σ is
 * determined to high relative accuracy, and Jacobi on Bᵀ (columns graded) finds them.
 */
function gradedBidiag(n: number, decades: number, seed: number, increasing = false): Bidiag {
  const rng = createRng(seed),
    g = n > 1 ? 10 ** (-decades / (n - 1)) : 1;
  const d: number[] = [],
    e: number[] = [];
  for (let i = 0; i < n; i++) {
    const k = increasing ? n - 1 - i : i,
      s = g ** k;
    d.push((rng.uniform() < 0.5 ? -1 : 1) * (1 + rng.uniform()) * s);
    if (i + 1 < n) e.push((rng.uniform() - 0.5) * s);
  }
  return make(d, e);
}

/** Dense row-major B. */
function dense(b: Bidiag): Float64Array {
  const n = b.d.length,
    a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    a[i * n + i] = b.d[i];
    if (i + 1 < n) a[i * n + i + 1] = b.e[i];
  }
  return a;
}

/** σ of B by one-sided Jacobi on Bᵀ in float64 (descending). */
function reference(b: Bidiag): Float64Array {
  const n = b.d.length,
    a = dense(b),
    t = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) t[j * n + i] = a[i * n + j];
  return Float64Array.from(
    svdvals({ rows: n, cols: n, data: t }, { method: 'jacobi', backend: 'js', dtype: 'float64' }),
  );
}

const descending = (d: Float64Array) => Float64Array.from(d).sort((x, y) => y - x);

/** max_i |σ_i − ref_i| / ref_i (0/0 counts 0). */
function maxRelErr(s: Float64Array, ref: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < s.length; i++) {
    const err = Math.abs(s[i] - ref[i]);
    worst = Math.max(worst, err === 0 ? 0 : err / ref[i]);
  }
  return worst;
}

/** ‖B − U·diag(σ)·Vᵀ‖_max / (n·u·‖B‖_max), U, V column-major. */
function residualRatio(b: Bidiag, r: Run, u: number): number {
  const n = b.d.length,
    a = dense(b);
  let big = 0,
    res = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += r.u![k * n + i] * r.d[k] * r.v![k * n + j];
      res = Math.max(res, Math.abs(a[i * n + j] - s));
      big = Math.max(big, Math.abs(a[i * n + j]));
    }
  }
  return big === 0 ? res / u : res / (n * u * big);
}

/** ‖QᵀQ − I‖_max / (n·u). */
function orthRatio(q: ArrayLike<number>, n: number, u: number): number {
  let worst = 0;
  for (let a = 0; a < n; a++) {
    for (let c = 0; c <= a; c++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[a * n + k] * q[c * n + k];
      worst = Math.max(worst, Math.abs(s - (a === c ? 1 : 0)));
    }
  }
  return worst / (Math.max(n, 1) * u);
}

function checkVectors(b: Bidiag, r: Run, dtype: Dtype): void {
  const n = b.d.length,
    u = eps[dtype];
  if (n === 0) return;
  expect(residualRatio(b, r, u)).toBeLessThan(50);
  expect(orthRatio(r.u!, n, u)).toBeLessThan(50);
  expect(orthRatio(r.v!, n, u)).toBeLessThan(50);
}

/** Converged, values ≥ 0 and finite, values-only run equal to the values of the vectors run. */
function checkRun(b: Bidiag, backend: Backend, dtype: Dtype): Run {
  const r = run(backend, b, true, dtype),
    only = run(backend, b, false, dtype);
  expect(r.converged).toBe(true);
  expect(r.offMax).toBe(0);
  for (const x of r.d) {
    expect(Number.isFinite(x)).toBe(true);
    expect(x >= 0 && !Object.is(x, -0)).toBe(true);
  }
  // The values do not depend on whether vectors are accumulated.
  expect(Array.from(only.d)).toEqual(Array.from(r.d));
  expect(only.sweeps).toBe(r.sweeps);
  checkVectors(b, r, dtype);
  return r;
}

const sizes = [0, 1, 2, 3, 4, 7, 16, 33, 64, 100, 200];
const cases: [Backend, Dtype][] = [
  ['wasm', 'float64'],
  ['wasm', 'float32'],
  ['js', 'float64'],
];

describe.each(cases)('bidiagQR on %s / %s', (backend, dtype) => {
  const u = eps[dtype];
  /** dbdsqr's tolerance: each σ is relatively accurate to a small multiple of n·tol. */
  const tol = Math.max(10, Math.min(100, u ** (-1 / 8))) * u;

  it.each(sizes)('random bidiagonal, n = %i: values (vs Jacobi), vectors, sweeps', (n) => {
    const b = randomBidiag(n, 1000 + n);
    const r = checkRun(b, backend, dtype);
    const s = descending(r.d),
      ref = reference(b);
    for (let i = 0; i < n; i++) expect(Math.abs(s[i] - ref[i])).toBeLessThanOrEqual(10 * n * u * ref[0]);
    if (n > 2) expect(r.sweeps / n).toBeLessThan(4);
  });

  it.each(sizes.filter((n) => n > 0))('graded bidiagonals down to 1e-200, n = %i: every σ relatively accurate', (n) => {
    // Steep (20 decades a step, at most 200 in all: deflates at once) and mild (0.3 decades a
    // step: sweeps with zero and nonzero shifts), large end at the top and at the bottom.
    // Measured: at most 1.3·n·u (f64), against the bound of dbdsqr, about n·tol.
    for (const step of [20, 0.3]) {
      for (const increasing of [false, true]) {
        const b = gradedBidiag(n, Math.min(200, step * (n - 1)), 7 * n + (increasing ? 1 : 0), increasing);
        const r = checkRun(b, backend, dtype);
        const s = descending(r.d),
          ref = reference(b);
        if (n > 1 && step === 20) expect(ref[n - 1] / ref[0]).toBeLessThan(1e-18);
        expect(maxRelErr(s, ref)).toBeLessThanOrEqual(Math.min(10 * Math.max(n, 2) * u, tol * n));
      }
    }
  });

  it('zero diagonal entries give an exact zero singular value', () => {
    // With every e ≠ 0, B has rank ≥ n − 1 (its superdiagonal is a nonsingular triangle), so any
    // number of zero d's gives exactly one zero σ; the zero-shift sweep must find it exactly.
    for (const [n, zeros] of [
      [1, [0]],
      [2, [0]],
      [2, [1]],
      [2, [0, 1]],
      [5, [0]],
      [5, [2]],
      [5, [4]],
      [12, [0, 5, 11]],
      [40, [3, 4, 20, 39]],
    ] as const) {
      const b = randomBidiag(n, 50 + n);
      for (const z of zeros) b.d[z] = 0;
      const r = checkRun(b, backend, dtype);
      const s = descending(r.d),
        ref = reference(b);
      expect(s[n - 1]).toBe(0);
      for (let i = 0; i < n; i++) expect(Math.abs(s[i] - ref[i])).toBeLessThanOrEqual(10 * n * u * ref[0]);
    }
  });

  it('an all-zero and a diagonal bidiagonal', () => {
    const zero = make(new Float64Array(9), new Float64Array(8));
    const r0 = checkRun(zero, backend, dtype);
    expect(Array.from(r0.d)).toEqual(new Array(9).fill(0));
    expect(r0.sweeps).toBe(0);
    const diag = make([3, -1, 0.5, -2e-150, 7], [0, 0, 0, 0]);
    const r = checkRun(diag, backend, dtype);
    expect(Array.from(r.d)).toEqual([3, 1, 0.5, 2e-150, 7]);
    expect(r.sweeps).toBe(0);
  });

  it('zero e split the matrix into independent blocks; repeated σ', () => {
    // Three copies of one 5×5 block glued by zero e: every σ has multiplicity three.
    const blk = randomBidiag(5, 9),
      d: number[] = [],
      e: number[] = [];
    for (let c = 0; c < 3; c++) {
      d.push(...blk.d);
      e.push(...blk.e.subarray(0, 4), 0);
    }
    const b = make(d, e.slice(0, 14));
    const r = checkRun(b, backend, dtype);
    const s = descending(r.d),
      ref = descending(run(backend, blk, false, dtype).d);
    for (let i = 0; i < 15; i++) expect(Math.abs(s[i] - ref[Math.floor(i / 3)])).toBeLessThanOrEqual(30 * u * ref[0]);
    // d all equal, e zero: σ = |d| repeated, no sweep.
    const rep = checkRun(make(new Array(10).fill(-1.5), new Array(9).fill(0)), backend, dtype);
    expect(Array.from(rep.d)).toEqual(new Array(10).fill(1.5));
  });

  it('Wilkinson-like and constant bidiagonals (close and clustered σ)', () => {
    for (const n of [21, 41]) {
      const m = (n - 1) / 2;
      const wil = make(
        Array.from({ length: n }, (_, i) => Math.abs(m - i) + 1),
        new Array(n - 1).fill(1),
      );
      const cst = make(new Array(n).fill(1), new Array(n - 1).fill(1));
      const tiny = make(new Array(n).fill(1), new Array(n - 1).fill(1e-9));
      for (const b of [wil, cst, tiny]) {
        const r = checkRun(b, backend, dtype);
        const s = descending(r.d),
          ref = reference(b);
        for (let i = 0; i < n; i++) expect(Math.abs(s[i] - ref[i])).toBeLessThanOrEqual(10 * n * u * ref[0]);
      }
      // σ of the constant bidiagonal (d = e = 1): 2·cos(kπ/(2n+1)), k = 1 … n.
      const s = descending(run(backend, cst, false, dtype).d);
      for (let k = 1; k <= n; k++) {
        expect(Math.abs(s[k - 1] - 2 * Math.cos((k * Math.PI) / (2 * n + 1)))).toBeLessThanOrEqual(10 * n * u);
      }
    }
  });

  it('huge and tiny entries side by side (1e-300 … 2) stay finite and accurate', () => {
    const d = [2, 1e-300, 1, 1e-150, 1.5, 3e-200, 1e-300, 1],
      e = [1, 1e-300, 1e-150, 1, 1e-250, 1e-300, 0.5];
    const b = make(d, e);
    const r = checkRun(b, backend, dtype);
    const s = descending(r.d),
      ref = reference(b);
    for (let i = 0; i < 8; i++) expect(Math.abs(s[i] - ref[i])).toBeLessThanOrEqual(100 * u * ref[0]);
  });

  it('U alone and V alone equal the U and V of the call with both', () => {
    for (const n of [5, 37, 100]) {
      const b = randomBidiag(n, 77 + n),
        both = run(backend, b, true, dtype);
      const u = run(backend, b, 'u', dtype),
        v = run(backend, b, 'v', dtype);
      expect(u.v).toBe(null);
      expect(v.u).toBe(null);
      expect(Array.from(u.d)).toEqual(Array.from(both.d));
      expect(Array.from(v.d)).toEqual(Array.from(both.d));
      expect(Array.from(u.u!)).toEqual(Array.from(both.u!));
      expect(Array.from(v.v!)).toEqual(Array.from(both.v!));
    }
  });

  it('a tiny sweep cap: not converged, a finite result, never NaN', () => {
    const b = randomBidiag(30, 4);
    for (const maxIter of [0, 1, 3]) {
      const r = run(backend, b, true, dtype, maxIter);
      expect(r.converged).toBe(false);
      expect(r.sweeps).toBe(maxIter);
      expect(r.offMax).toBeGreaterThan(0);
      for (const x of [...r.d, ...r.u!, ...r.v!]) expect(Number.isFinite(x)).toBe(true);
    }
    // A 2×2 or a diagonal needs no sweep at all.
    expect(run(backend, make([1, 2], [3]), true, dtype, 0).converged).toBe(true);
  });
});

describe('bidiagQR: JS mirror equals the scalar wasm build bit for bit (float64)', () => {
  beforeAll(() => init({ simd: false }));
  afterAll(() => init({ simd: true }));

  const sameBits = (a: ArrayLike<number> | null, b: ArrayLike<number> | null) => {
    if (!a || !b) return a === b;
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
    return true;
  };
  const compare = (b: Bidiag) => {
    expect(currentModule()!.simd).toBe(false);
    for (const vectors of [true, false]) {
      const w = runWasm(b, vectors, 'float64', 60 * b.d.length),
        j = runJs(b, vectors, 60 * b.d.length);
      expect(w.sweeps).toBe(j.sweeps);
      expect(w.converged).toBe(j.converged);
      expect(sameBits(w.d, j.d)).toBe(true);
      expect(sameBits(w.u, j.u)).toBe(true);
      expect(sameBits(w.v, j.v)).toBe(true);
    }
  };

  it('random bidiagonals, n = 1 … 70, 100, 200', () => {
    for (let n = 1; n <= 70; n++) compare(randomBidiag(n, 3 * n));
    compare(randomBidiag(100, 100));
    compare(randomBidiag(200, 200));
  });

  it('graded, zero-diagonal and capped runs', () => {
    for (const n of [9, 33, 64]) {
      compare(gradedBidiag(n, 200, n, false));
      compare(gradedBidiag(n, 200, n, true));
      const z = randomBidiag(n, n + 1);
      z.d[3] = z.d[n - 1] = 0;
      compare(z);
    }
    const b = randomBidiag(25, 2);
    const w = runWasm(b, true, 'float64', 5),
      j = runJs(b, true, 5);
    expect(w.converged).toBe(false);
    expect(sameBits(w.d, j.d) && sameBits(w.u, j.u) && sameBits(w.v, j.v)).toBe(true);
  });
});
