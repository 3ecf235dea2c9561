// The bidiagonalization building block QᵀAP = B and the forming of Q and P, below the SVD
// driver: wasm (bidiagBlockF64 / F32 through the raw module, SIMD build) and the JS mirror
// (float64 only), on sizes around the panel width 32, rank-deficient, zero and scaled inputs;
// and the mirror contract: JS float64 equals the scalar wasm build bit for bit.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bidiagonalize } from '../src/backend/js/bidiag-reduce.js';
import { formBidiagP, formBidiagQ } from '../src/backend/js/bidiag-formqp.js';
import { loadedModule } from '../src/backend/wasm/load.js';
import { init } from '../src/index.js';
import { tinySquaredNorm } from '../src/params.js';
import { uniformMatrix } from './harness/matrices.js';
import { eps } from './harness/ratios.js';

type Dtype = 'float64' | 'float32';
interface Result {
  d: Float64Array;
  e: Float64Array;
  q: Float64Array;
  p: Float64Array;
  a: Float64Array;
}

const align16 = (x: number) => Math.ceil(x / 16) * 16;

/** bidiagBlock on the loaded wasm module; a is n×n column-major (rounded to f32 for float32). */
function runWasm(n: number, a: Float64Array<ArrayBuffer>, dtype: Dtype, forms = true): Result {
  const mod = loadedModule();
  if (!mod) throw new Error('the wasm module did not load');
  const { exports: x, arena } = mod;
  const b = dtype === 'float64' ? 8 : 4,
    nn = align16(n * n * b),
    nv = align16(n * 8);
  const scratch = dtype === 'float64' ? x.bidiagBlockScratchF64(n) : x.bidiagBlockScratchF32(n);
  const base = arena.reserve(3 * nn + 2 * nv + align16(scratch));
  const pa = base,
    pd = pa + nn,
    pe = pd + nv,
    pq = pe + nv,
    pp = pq + nn,
    ps = pp + nn;
  arena.write(dtype, pa, dtype === 'float64' ? a : Float32Array.from(a), n * n);
  (dtype === 'float64' ? x.bidiagBlockF64 : x.bidiagBlockF32)(n, pa, pd, pe, forms ? pq : 0, forms ? pp : 0, ps);
  const f64 = (ptr: number, len: number) => Float64Array.from(arena.read(dtype, ptr, len));
  return {
    d: new Float64Array(x.memory.buffer, pd, n).slice(),
    e: new Float64Array(x.memory.buffer, pe, n).slice(),
    q: f64(pq, n * n),
    p: f64(pp, n * n),
    a: f64(pa, n * n),
  };
}

/** The JS mirror on a copy of a. */
function runJs(n: number, a: Float64Array<ArrayBuffer>): Result {
  const w = Float64Array.from(a),
    d = new Float64Array(n),
    e = new Float64Array(n);
  const tq = new Float64Array(n),
    tp = new Float64Array(n),
    q = new Float64Array(n * n),
    p = new Float64Array(n * n);
  bidiagonalize(n, w, d, e, tq, tp, tinySquaredNorm.float64);
  formBidiagQ(n, w, tq, q);
  formBidiagP(n, w, tp, p);
  return { d, e, q, p, a: w };
}

function frob(x: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return Math.sqrt(s);
}

/** ‖A − Q·B·Pᵀ‖_F for column-major n×n A, Q, P and B = bidiag(d, e). */
function residual(n: number, a: Float64Array, r: Result): number {
  const qb = new Float64Array(n * n); // (Q·B)(:, j) = d_j·Q(:, j) + e_{j−1}·Q(:, j−1)
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++)
      qb[j * n + i] = r.d[j] * r.q[j * n + i] + (j > 0 ? r.e[j - 1] * r.q[(j - 1) * n + i] : 0);
  }
  const diff = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += qb[k * n + i] * r.p[k * n + j];
      diff[j * n + i] = a[j * n + i] - s;
    }
  }
  return frob(diff);
}

/** ‖XᵀX − I‖_F for column-major n×n X. */
function orthLoss(n: number, x: Float64Array): number {
  let s = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let t = 0;
      for (let k = 0; k < n; k++) t += x[i * n + k] * x[j * n + k];
      t -= i === j ? 1 : 0;
      s += t * t;
    }
  }
  return Math.sqrt(s);
}

/** a scaled by a power of two so its largest |entry| lies in [1, 2), as the SVD driver does. */
function normalized(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  let big = 0;
  for (let i = 0; i < a.length; i++) big = Math.max(big, Math.abs(a[i]));
  if (big === 0) return a;
  const s = 2 ** -Math.floor(Math.log2(big));
  return a.map((v) => v * s);
}

const random = (n: number, seed: number) => Float64Array.from(uniformMatrix(n, n, seed).data);
const kinds: Record<string, (n: number, dtype: Dtype) => Float64Array<ArrayBuffer>> = {
  random: (n) => random(n, 17 + n),
  'repeated and zero columns': (n) => {
    const a = random(n, 3 + n);
    for (let j = 0; j < n; j++) {
      if (j % 3 === 1) a.copyWithin(j * n, (j - 1) * n, j * n);
      if (j % 5 === 4) a.fill(0, j * n, (j + 1) * n);
    }
    return a;
  },
  'rank 2': (n) => {
    const f = random(n, 5),
      g = random(n, 6),
      a = new Float64Array(n * n); // columns 0, 1 of f and g
    for (let j = 0; j < n; j++)
      for (let i = 0; i < n; i++) a[j * n + i] = f[i] * g[j] + f[(n + i) % (n * n)] * g[(n + j) % (n * n)];
    return a;
  },
  zero: (n) => new Float64Array(n * n),
  'entries ~1e300, scaled': (n, dtype) => normalized(random(n, 7).map((x) => x * (dtype === 'float64' ? 1e300 : 1e30))),
  'entries ~1e-300, scaled': (n, dtype) =>
    normalized(random(n, 8).map((x) => x * (dtype === 'float64' ? 1e-300 : 1e-30))),
  'columns graded down to 1e-300, scaled': (n, dtype) => {
    const a = random(n, 9),
      lo = dtype === 'float64' ? -300 : -30;
    for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) a[j * n + i] *= 10 ** ((lo * j) / Math.max(1, n - 1));
    return normalized(a);
  },
};

const sizes = [0, 1, 2, 3, 5, 31, 32, 33, 64, 65, 100, 130];
const runners: [string, Dtype, (n: number, a: Float64Array<ArrayBuffer>) => Result][] = [
  ['wasm', 'float64', (n, a) => runWasm(n, a, 'float64')],
  ['wasm', 'float32', (n, a) => runWasm(n, a, 'float32')],
  ['js', 'float64', runJs],
];

describe.each(runners)('bidiagonalization on %s / %s', (_, dtype, run) => {
  const u = eps[dtype];
  describe.each(Object.keys(kinds))('%s', (kind) => {
    it.each(sizes)('n = %i: B upper bidiagonal, A = Q·B·Pᵀ, Q and P orthogonal', (n) => {
      let a = kinds[kind](n, dtype);
      if (dtype === 'float32') a = Float64Array.from(Float32Array.from(a));
      const r = run(n, a);
      expect(r.d.length).toBe(n);
      if (n > 0) expect(r.e[n - 1]).toBe(0);
      for (let i = 0; i < n; i++) expect(Number.isFinite(r.d[i]) && Number.isFinite(r.e[i])).toBe(true);
      const na = frob(a),
        m = Math.max(n, 1);
      if (na === 0) {
        expect(frob(r.d) + frob(r.e)).toBe(0);
      } else {
        expect(residual(n, a, r) / (m * u * na)).toBeLessThan(50);
      }
      expect(orthLoss(n, r.q) / (m * u)).toBeLessThan(50);
      expect(orthLoss(n, r.p) / (m * u)).toBeLessThan(50);
      // P's first row and column are e_0 (G_i acts on rows i+1:n).
      for (let k = 0; k < n; k++) expect(r.p[k]).toBe(k === 0 ? 1 : 0);
    });
  });
});

describe('float64: the JS mirror equals the scalar wasm build bit for bit', () => {
  beforeAll(() => init({ simd: false }));
  afterAll(() => init({ simd: true }));
  const same = (x: Float64Array, y: Float64Array) => x.length === y.length && x.every((v, i) => Object.is(v, y[i]));
  it('d, e, Q, P and the stored reflectors for n = 1…70, 100, 130', () => {
    expect(loadedModule()!.simd).toBe(false);
    const ns = [...Array.from({ length: 70 }, (_, i) => i + 1), 100, 130];
    for (const n of ns) {
      for (const a of [
        random(n, 100 + n),
        kinds['repeated and zero columns'](n, 'float64'),
        kinds['columns graded down to 1e-300, scaled'](n, 'float64'),
      ]) {
        const w = runWasm(n, a, 'float64'),
          j = runJs(n, a);
        expect(same(w.d, j.d), `d, n = ${n}`).toBe(true);
        expect(same(w.e, j.e), `e, n = ${n}`).toBe(true);
        expect(same(w.q, j.q), `Q, n = ${n}`).toBe(true);
        expect(same(w.p, j.p), `P, n = ${n}`).toBe(true);
        expect(same(w.a, j.a), `A, n = ${n}`).toBe(true);
      }
    }
  });
});
