import { describe, expect, it } from 'vitest';
import {
  chooseRank,
  InvalidMatrixError,
  InvalidOptionError,
  lowRank,
  randomizedSvd,
  reconstruct,
  svd,
  type Matrix,
} from '../src/index.js';
import { createRng } from '../src/random.js';
import { uniformMatrix, withSingularValues } from './harness/matrices.js';
import { cases, wasmMissing, asDtype, frobDiff, mul } from './harness/cases.js';

function frob(a: Matrix): number {
  let s = 0;
  for (const x of a.data) s += x * x;
  return Math.sqrt(s);
}

function gaussian(m: number, n: number, seed: number): Matrix {
  const rng = createRng(seed);
  return { rows: m, cols: n, data: Float64Array.from({ length: m * n }, () => rng.normal()) };
}

/** ‖QᵀQ − I‖_max for the columns of Q. */
function orthoError(q: Matrix): number {
  let worst = 0;
  for (let a = 0; a < q.cols; a++) {
    for (let b = 0; b < q.cols; b++) {
      let d = 0;
      for (let i = 0; i < q.rows; i++) d += q.data[i * q.cols + a] * q.data[i * q.cols + b];
      worst = Math.max(worst, Math.abs(d - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

function transposed(a: Matrix): Matrix {
  const d = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) d[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data: d };
}

/**
 * A large m×n matrix with singular values `s` (length min(m, n)), cheaply: diag(s) between a few
 * random Householder reflections on each side (randomized SVD's error law is rotation-invariant).
 */
function largeWithSpectrum(m: number, n: number, s: ArrayLike<number>, seed: number): Matrix {
  const rng = createRng(seed),
    a = new Float64Array(m * n);
  for (let i = 0; i < s.length; i++) a[i * n + i] = s[i];
  for (let r = 0; r < 6; r++) {
    const w = Float64Array.from({ length: m }, () => rng.normal());
    const ww = w.reduce((t, x) => t + x * x, 0),
      d = new Float64Array(n);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) d[j] += w[i] * a[i * n + j];
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) a[i * n + j] -= (2 / ww) * w[i] * d[j];
    const v = Float64Array.from({ length: n }, () => rng.normal());
    const vv = v.reduce((t, x) => t + x * x, 0);
    for (let i = 0; i < m; i++) {
      let e = 0;
      for (let j = 0; j < n; j++) e += a[i * n + j] * v[j];
      for (let j = 0; j < n; j++) a[i * n + j] -= (2 / vv) * e * v[j];
    }
  }
  return { rows: m, cols: n, data: a };
}

const spectrum = [10, 8, 6, 5, 3, 2, 1, 0.5, 0.3, 0.2, 0.1, 0.05];

describe.each(cases)('low-rank toolkit on %s / %s', (backend, dtype) => {
  const run = it.skipIf(backend === 'wasm' && wasmMissing); // the wasm rows wait for the wasm backend
  const opts = { backend, dtype };
  const tight = dtype === 'float64' ? 1e-10 : 2e-4; // relative tolerances of exact identities
  const u = dtype === 'float64' ? 2 ** -53 : 2 ** -24;

  describe('svd(a, { k })', () => {
    run('returns the k largest triplets of the thin SVD, exactly', () => {
      const a = asDtype(withSingularValues(30, 20, spectrum, 1), dtype);
      const full = svd(a, opts);
      for (const k of [1, 5, 12, 20]) {
        const t = svd(a, { ...opts, k });
        expect([t.U!.rows, t.U!.cols, t.S.length, t.Vt!.rows, t.Vt!.cols]).toEqual([30, k, k, k, 20]);
        expect(Array.from(t.S)).toEqual(Array.from(full.S.slice(0, k)));
        for (let i = 0; i < 30; i++)
          for (let j = 0; j < k; j++) expect(t.U!.data[i * k + j]).toBe(full.U!.data[i * 20 + j]);
        expect(Array.from(t.Vt!.data)).toEqual(Array.from(full.Vt!.data.slice(0, k * 20)));
      }
      expect(svd(transposed(a), { ...opts, k: 3 }).S.length).toBe(3);
      expect(Array.from(svd(a, { ...opts, k: 4, computeUV: false }).S)).toEqual(Array.from(full.S.slice(0, 4)));
    });

    run('rejects k out of range and k with fullMatrices', () => {
      const a = uniformMatrix(5, 3, 2);
      for (const k of [0, 4, 1.5, -1]) expect(() => svd(a, { ...opts, k })).toThrow(InvalidOptionError);
      expect(() => svd(a, { ...opts, k: 2, fullMatrices: true })).toThrow(/fullMatrices/);
      expect(() => svd({ rows: 0, cols: 3, data: [] }, { ...opts, k: 1 })).toThrow(/min\(m, n\) = 0/);
    });
  });

  describe('Eckart–Young', () => {
    run('the truncation error equals the tail formula and the measured ‖A − A_k‖_F', () => {
      const a = asDtype(withSingularValues(40, 25, spectrum, 3), dtype);
      for (const k of [1, 3, 6, 11]) {
        const lr = lowRank(a, k, opts);
        const tail = Math.sqrt(spectrum.slice(k).reduce((t, s) => t + s * s, 0));
        expect(Math.abs(lr.error - tail)).toBeLessThanOrEqual(tail * tight + 50 * u * frob(a));
        const measured = frobDiff(a, lr.reconstruct());
        expect(Math.abs(lr.error - measured)).toBeLessThanOrEqual(
          measured * tight + (dtype === 'float32' ? 1e-5 * frob(a) : 0),
        );
        expect(lr.relativeError).toBeCloseTo(lr.error / frob(a), dtype === 'float64' ? 12 : 5);
        expect(lr.energy).toBeCloseTo(1 - lr.relativeError ** 2, dtype === 'float64' ? 12 : 5);
      }
    });

    run('no other rank-k matrix does better', () => {
      const a = asDtype(withSingularValues(30, 20, spectrum, 4), dtype);
      const k = 4,
        best = lowRank(a, k, opts).error;
      const f = svd(a, { ...opts, k });
      for (let t = 0; t < 20; t++) {
        // random rank-k: X·Y, a perturbed optimum, and the projection of A on a random k-dim subspace
        const rand = mul(gaussian(30, k, 100 + t), gaussian(k, 20, 200 + t));
        const noisyU = { ...f.U!, data: f.U!.data.map((x, i) => x + 1e-3 * Math.sin(i + t)) };
        const perturbed = reconstruct({ U: noisyU, S: f.S, Vt: f.Vt }, k, { backend });
        const q = svd(gaussian(30, k, 300 + t), { k }).U!;
        const projected = mul(q, mul(transposed(q), a));
        for (const b of [rand, perturbed, projected]) expect(frobDiff(a, b)).toBeGreaterThanOrEqual(best * (1 - 1e-6));
      }
    });
  });

  describe('lowRank', () => {
    run('every spec picks the rank its rule says', () => {
      const a = asDtype(withSingularValues(30, 20, spectrum, 5), dtype);
      const total = spectrum.reduce((t, s) => t + s * s, 0);
      const energyAt = (k: number) => spectrum.slice(0, k).reduce((t, s) => t + s * s, 0) / total;
      expect(lowRank(a, 3, opts).k).toBe(3);
      expect(lowRank(a, { energy: energyAt(4) - 1e-6 }, opts).k).toBe(4);
      expect(lowRank(a, { energy: energyAt(4) + 1e-6 }, opts).k).toBe(5);
      expect(lowRank(a, { energy: 1 }, opts).k).toBeGreaterThanOrEqual(12);
      const lr = lowRank(a, { relativeError: 0.05 }, opts);
      expect(lr.relativeError).toBeLessThanOrEqual(0.05);
      expect(lowRank(a, lr.k - 1, opts).relativeError).toBeGreaterThan(0.05);
      const stored = lowRank(a, { maxStored: 3 * 51 + 50 }, opts);
      expect([stored.k, stored.storedValues, stored.compressionRatio]).toEqual([3, 153, 153 / 600]);
    });

    run('rank rules find the rank of a matrix with noise below the tolerance, and not above it', () => {
      const exact = withSingularValues(30, 20, [5, 4, 3, 2, 1], 6);
      const noisy = (level: number) => {
        const rng = createRng(7);
        return asDtype({ ...exact, data: exact.data.map((x) => x + level * rng.normal()) }, dtype);
      };
      const below = noisy(1e-9),
        above = noisy(1e-1); // ‖noise‖_F ≈ 2.4e-8 and 2.4 against ‖A‖_F ≈ 7.4
      expect(lowRank(below, { relativeError: 1e-4 }, opts).k).toBe(5);
      expect(lowRank(above, { relativeError: 1e-4 }, opts).k).toBeGreaterThan(5);
      expect(chooseRank(svd(below, opts).S, { energy: 1 - 1e-8 })).toBe(5);
      expect(chooseRank(svd(above, opts).S, { energy: 1 - 1e-8 })).toBeGreaterThan(5);
    });

    run('apply, reconstruct and factors agree, and inputs are never written', () => {
      const a = asDtype(uniformMatrix(25, 18, 8), dtype);
      const before = a.data.slice();
      const lr = lowRank(a, 6, opts);
      expect(Array.from(a.data)).toEqual(Array.from(before));
      const full = lr.reconstruct();
      const x = Float64Array.from({ length: 18 }, (_, i) => Math.cos(i));
      const xCopy = x.slice();
      const y = lr.apply(x);
      expect(Array.from(x)).toEqual(Array.from(xCopy));
      expect(y.length).toBe(25);
      const yRef = mul(full, { rows: 18, cols: 1, data: x });
      for (let i = 0; i < 25; i++) expect(Math.abs(y[i] - yRef.data[i])).toBeLessThan(100 * u * 18 * 10);
      const X = { rows: 18, cols: 2, data: Float64Array.from({ length: 36 }, (_, i) => Math.sin(i)) };
      const Y = lr.apply(X);
      expect([Y.rows, Y.cols]).toEqual([25, 2]);
      const { left, right } = lr.factors();
      expect([left.rows, left.cols, right.rows, right.cols]).toEqual([25, 6, 6, 18]);
      expect(frobDiff(mul(left, right), full)).toBeLessThan(100 * u * frob(full));
      expect(() => lr.apply(new Float64Array(17))).toThrow(/n = 18/);
      expect(() => lr.apply([1, NaN, ...new Array(16).fill(0)])).toThrow(InvalidMatrixError);
      expect(lr.U.data).toBeInstanceOf(dtype === 'float64' ? Float64Array : Float32Array);
      expect(y).toBeInstanceOf(dtype === 'float64' ? Float64Array : Float32Array);
    });

    run('a zero matrix has rank 1, error 0 and energy 1 under every rule, never NaN', () => {
      const z = { rows: 4, cols: 3, data: new Float64Array(12) };
      for (const method of ['exact', 'randomized'] as const) {
        for (const spec of [{ energy: 0.9 }, { relativeError: 0.1 }, 2] as const) {
          const lr = lowRank(z, spec, { ...opts, method });
          expect(lr.k).toBe(typeof spec === 'number' ? spec : 1);
          expect([lr.error, lr.relativeError, lr.energy]).toEqual([0, 0, 1]);
        }
      }
    });

    run('bad specs and options fail with InvalidOptionError', () => {
      const a = uniformMatrix(6, 4, 9);
      const bad: unknown[] = [
        0,
        5,
        2.5,
        -1,
        NaN,
        '2',
        null,
        [],
        {},
        { energy: 0 },
        { energy: 1.01 },
        { energy: -0.5 },
        { energy: NaN },
        { relativeError: -0.1 },
        { relativeError: 2 },
        { maxStored: 0 },
        { maxStored: 10 },
        { maxStored: 2.5 },
        { ratio: 0.5 },
        { energy: 0.9, k: 2 },
      ];
      for (const spec of bad)
        expect(() => lowRank(a, spec as never, opts), JSON.stringify(spec)).toThrow(InvalidOptionError);
      expect(() => lowRank(a, 2, { ...opts, seed: 1 })).toThrow(/does not apply to method 'exact'/);
      expect(() => lowRank(a, 2, { ...opts, method: 'fast' as never })).toThrow(/method/);
      expect(() => lowRank(a, 2, { ...opts, bogus: 1 } as never)).toThrow(/unknown option 'bogus'/);
      expect(() => lowRank({ rows: 0, cols: 4, data: [] }, 1, opts)).toThrow(InvalidMatrixError);
      expect(() => lowRank(a, { energy: 1.5 }, opts)).toThrow(/energy must be in \(0, 1\]/);
      expect(() => lowRank(a, { maxStored: 10 }, opts)).toThrow(/m \+ n \+ 1 = 11/);
    });
  });

  describe('reconstruct', () => {
    run('is U_k·diag(S_k)·Vt_k for every k, from svd results and plain objects', () => {
      const a = asDtype(uniformMatrix(12, 9, 10), dtype);
      const f = svd(a, opts);
      expect(frobDiff(reconstruct(f, undefined, { backend }), a)).toBeLessThan(200 * u * frob(a));
      for (const k of [0, 1, 4, 9]) {
        const r = reconstruct({ U: f.U, S: Array.from(f.S), Vt: f.Vt }, k, { backend });
        expect([r.rows, r.cols]).toEqual([12, 9]);
        const tail = Math.sqrt(Array.from(f.S.slice(k)).reduce((t, s) => t + s * s, 0));
        expect(Math.abs(frobDiff(r, a) - tail)).toBeLessThan(200 * u * frob(a));
      }
      expect(reconstruct(f, 2, { backend }).data).toBeInstanceOf(dtype === 'float64' ? Float64Array : Float32Array);
    });

    run('rejects missing factors, bad k and unknown options', () => {
      const f = svd(uniformMatrix(5, 4, 11), opts);
      expect(() => reconstruct({ S: f.S }, 1)).toThrow(/computeUV: false/);
      expect(() => reconstruct(f, 5, { backend })).toThrow(/from 0 to 4/);
      expect(() => reconstruct(f, -1, { backend })).toThrow(InvalidOptionError);
      expect(() => reconstruct(f, 1, { backend, fast: true } as never)).toThrow(/unknown option/);
      expect(() => reconstruct({ ...f, U: { rows: 5, cols: 4, data: [1, 2] } }, 1, { backend })).toThrow(
        InvalidMatrixError,
      );
    });
  });

  describe('randomizedSvd', () => {
    run('is deterministic for a seed and has orthonormal factors', () => {
      const a = asDtype(withSingularValues(60, 40, spectrum, 12), dtype);
      const r1 = randomizedSvd(a, 5, { ...opts, seed: 42 }),
        r2 = randomizedSvd(a, 5, { ...opts, seed: 42 });
      expect(r1.backend).toBe(backend);
      expect(Array.from(r1.U.data)).toEqual(Array.from(r2.U.data));
      expect(Array.from(r1.S)).toEqual(Array.from(r2.S));
      expect(Array.from(r1.Vt.data)).toEqual(Array.from(r2.Vt.data));
      expect(orthoError(r1.U)).toBeLessThan(1e3 * u);
      expect(orthoError(transposed(r1.Vt))).toBeLessThan(1e3 * u);
      for (let i = 0; i < 5; i++) expect(r1.S[i]).toBeCloseTo(spectrum[i], dtype === 'float64' ? 8 : 4);
      const r3 = randomizedSvd(a, 5, { ...opts, seed: 43, powerIterations: 0, oversamples: 0 });
      expect(Array.from(r3.S)).not.toEqual(Array.from(r1.S));
    });

    run('on σᵢ = i^-½ (1000×800, k = 50) the error is within 1% of the optimum with the defaults', () => {
      const s = Float64Array.from({ length: 800 }, (_, i) => (i + 1) ** -0.5);
      const a = asDtype(largeWithSpectrum(1000, 800, s, 13), dtype);
      let opt = 0;
      for (let i = 799; i >= 50; i--) opt += s[i] * s[i];
      opt = Math.sqrt(opt);
      const lr = lowRank(a, 50, { ...opts, method: 'randomized' });
      const measured = frobDiff(a, lr.reconstruct());
      expect(measured / opt).toBeLessThan(1.01);
      expect(Math.abs(lr.error - measured)).toBeLessThan(dtype === 'float64' ? 1e-8 * measured : 1e-3 * measured);
    });

    run('lowRank with a randomized energy rule grows the sketch until the rule holds', () => {
      const s = Float64Array.from({ length: 60 }, (_, i) => 0.85 ** i);
      const a = asDtype(withSingularValues(80, 60, s, 14), dtype);
      const exact = lowRank(a, { energy: 0.999 }, opts);
      const rnd = lowRank(a, { energy: 0.999 }, { ...opts, method: 'randomized', seed: 3 });
      expect(rnd.method).toBe('randomized');
      expect(Math.abs(rnd.k - exact.k)).toBeLessThanOrEqual(1);
      expect(rnd.energy).toBeGreaterThanOrEqual(0.999 - 1e-6);
      expect(Math.abs(rnd.error - frobDiff(a, rnd.reconstruct()))).toBeLessThan(dtype === 'float64' ? 1e-9 : 1e-3);
    });

    run('rejects bad k and options', () => {
      const a = uniformMatrix(6, 4, 15);
      for (const k of [0, 5, 1.5]) expect(() => randomizedSvd(a, k, opts)).toThrow(InvalidOptionError);
      expect(() => randomizedSvd(a, 2, { ...opts, seed: -1 })).toThrow(/seed/);
      expect(() => randomizedSvd(a, 2, { ...opts, oversamples: 1.5 })).toThrow(/oversamples/);
      expect(() => randomizedSvd(a, 2, { ...opts, powerIterations: -1 })).toThrow(/powerIterations/);
    });
  });
});

describe('chooseRank', () => {
  it('applies each rule to the singular values alone', () => {
    expect(chooseRank([4, 2, 1], 2)).toBe(2);
    expect(chooseRank([4, 2, 1], { energy: 0.9 })).toBe(2);
    expect(chooseRank([4, 2, 1], { energy: 16 / 21 })).toBe(1);
    expect(chooseRank([4, 2, 1], { energy: 1 })).toBe(3);
    expect(chooseRank([4, 2, 1], { relativeError: 1 / Math.sqrt(21) })).toBe(2);
    expect(chooseRank([4, 2, 1], { relativeError: 0 })).toBe(3);
    expect(chooseRank([4, 2, 0], { relativeError: 0 })).toBe(2);
    expect(chooseRank(new Float32Array([4, 2, 1]), { maxStored: 20 }, { rows: 3, cols: 5 })).toBe(2);
    expect(chooseRank([4, 2, 1], { maxStored: 1e9 }, { rows: 3, cols: 5 })).toBe(3);
    expect(chooseRank([0, 0], { energy: 0.5 })).toBe(1);
    expect(chooseRank([1e300, 1e300], { energy: 0.6 })).toBe(2); // no overflow of σ²
  });

  it('rejects bad singular values, specs and shapes', () => {
    expect(() => chooseRank([1, 2], 1)).toThrow(/descending/);
    expect(() => chooseRank([1, -1], 1)).toThrow(InvalidMatrixError);
    expect(() => chooseRank([1, NaN], 1)).toThrow(InvalidMatrixError);
    expect(() => chooseRank('12' as never, 1)).toThrow(InvalidMatrixError);
    expect(() => chooseRank([2, 1], 0)).toThrow(/from 1 to min\(m, n\) = 2/);
    expect(() => chooseRank([2, 1], 3)).toThrow(InvalidOptionError);
    expect(() => chooseRank([2, 1], { energy: 0 })).toThrow(InvalidOptionError);
    expect(() => chooseRank([2, 1], { maxStored: 10 })).toThrow(/needs the matrix shape/);
    expect(() => chooseRank([2, 1], { maxStored: 5 }, { rows: 3, cols: 3 })).toThrow(/cannot hold even rank 1/);
    expect(() => chooseRank([2, 1], { maxStored: 50 }, [3, 3] as never)).toThrow(/shape must be/);
    expect(() => chooseRank([3, 2, 1], 1, { rows: 2, cols: 5 })).toThrow(/at most 2/);
    expect(() => chooseRank([], { energy: 0.5 })).toThrow(/empty/);
  });
});
