// eigh by tridiagonal reduction + implicit QL/QR (method 'tridiagonal', the 'auto' default above
// n = 4), eigvalsh, and the method option, over both backends × both dtypes; Jacobi's relative
// accuracy on graded positive definite matrices.
import { describe, expect, it } from 'vitest';
import { ConvergenceError, eigh, eigvalsh, InvalidOptionError, svdvals, type Dtype } from '../src/index.js';
import { asDtype, cases } from './harness/cases.js';
import { checkEigh } from './harness/check-eigh.js';
import { identityMatrix, scaled, uniformMatrix, type M64 } from './harness/matrices.js';
import { eps } from './harness/ratios.js';
import { randomSymmetric, withEigenvalues } from './harness/symmetric.js';

/** A symmetric tridiagonal matrix from its diagonal and off-diagonal. */
function tridiagonal(d: number[], e: number[]): M64 {
  const n = d.length,
    data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) data[i * n + i] = d[i];
  for (let i = 0; i + 1 < n; i++) data[i * n + i + 1] = data[(i + 1) * n + i] = e[i];
  return { rows: n, cols: n, data };
}

/** Wilkinson's W⁺_{2m+1}: diagonal |m − i|, off-diagonal 1 (pairs of nearly equal eigenvalues). */
function wilkinson(m: number): { d: number[]; e: number[] } {
  const d = Array.from({ length: 2 * m + 1 }, (_, i) => Math.abs(m - i));
  return { d, e: new Array(2 * m).fill(1) };
}

/** `copies` W⁺₂₁ blocks glued by off-diagonal entries `glue`: clusters of close eigenvalues. */
function gluedWilkinson(copies: number, glue: number): M64 {
  const w = wilkinson(10),
    d: number[] = [],
    e: number[] = [];
  for (let c = 0; c < copies; c++) {
    d.push(...w.d);
    e.push(...w.e);
    if (c + 1 < copies) e.push(glue);
  }
  return tridiagonal(d, e);
}

function rankOne(n: number, seed: number): M64 {
  const x = uniformMatrix(n, 1, seed).data,
    data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = x[i] * x[j];
  return { rows: n, cols: n, data };
}

/** BᵀB for a random B: positive semidefinite, its eigenvalues the squared singular values of B. */
function gram(n: number, seed: number): M64 {
  const b = uniformMatrix(n, n, seed).data,
    data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += b[k * n + i] * b[k * n + j];
      data[i * n + j] = data[j * n + i] = s;
    }
  }
  return { rows: n, cols: n, data };
}

function maxAbs(x: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < x.length; i++) m = Math.max(m, Math.abs(x[i]));
  return m;
}

const special: Record<string, (dtype: Dtype) => M64> = {
  'Wilkinson W⁺₂₁': () => tridiagonal(wilkinson(10).d, wilkinson(10).e),
  'glued Wilkinson (3 × W⁺₂₁, glue 1e-12)': () => gluedWilkinson(3, 1e-12),
  'glued Wilkinson (4 × W⁺₂₁, glue √u)': (dtype) => gluedWilkinson(4, Math.sqrt(eps[dtype])),
  'clustered (20 within 1e-12)': () =>
    withEigenvalues(
      Array.from({ length: 30 }, (_, i) => (i < 20 ? 1 + i * 1e-12 : -i)),
      5,
    ),
  'repeated, multiplicity n/2': () =>
    withEigenvalues(
      Array.from({ length: 32 }, (_, i) => (i < 16 ? 2 : i - 20)),
      6,
    ),
  'repeated, two of multiplicity n/2': () =>
    withEigenvalues(
      Array.from({ length: 24 }, (_, i) => (i < 12 ? 1 : -1)),
      7,
    ),
  zero: () => ({ rows: 20, cols: 20, data: new Float64Array(400) }),
  identity: () => identityMatrix(20, 20),
  'rank one': () => rankOne(25, 8),
  'near overflow': (dtype) => scaled(randomSymmetric(20, 9), dtype === 'float64' ? 1e300 : 1e30),
  'near underflow': (dtype) => scaled(randomSymmetric(20, 10), dtype === 'float64' ? 1e-300 : 1e-30),
  'graded diagonal blocks': () => withEigenvalues([1, 1e-3, 1e-6, 1e-9, 1e-12, 1e-15, -1e-4, -1e-8, 0, 0], 11),
};

describe.each(cases)('eigh, tridiagonal method, on %s / %s', (backend, dtype) => {
  const e = eps[dtype];

  it('every n from 0 to 40 (random symmetric)', () => {
    for (let n = 0; n <= 40; n++) checkEigh(randomSymmetric(n, 100 + n), backend, dtype, 'tridiagonal');
  });

  it.each([64, 100, 257])('random symmetric, n = %i', (n) => {
    checkEigh(randomSymmetric(n, n), backend, dtype, 'tridiagonal');
  });

  it.each(Object.entries(special))('%s', (_, make) => {
    checkEigh(make(dtype), backend, dtype, 'tridiagonal');
  });

  it('eigenvalues of prescribed spectra within n·u·‖A‖', () => {
    const lambda = Array.from({ length: 30 }, (_, i) => (i % 3 === 0 ? 3 : Math.sin(i)));
    const { values } = eigh(withEigenvalues(lambda, 12), { backend, dtype, method: 'tridiagonal' });
    const sorted = [...lambda].sort((x, y) => y - x);
    for (let i = 0; i < 30; i++) expect(Math.abs(values[i] - sorted[i])).toBeLessThanOrEqual(50 * 30 * e * 3);
  });

  it('eigenvalues of a positive semidefinite BᵀB equal svdvals(BᵀB)', () => {
    for (const n of [1, 7, 30, 64]) {
      const a = asDtype(gram(n, n + 3), dtype);
      const values = eigh(a, { backend, dtype, method: 'tridiagonal' }).values;
      const s = svdvals(a, { backend, dtype });
      for (let i = 0; i < n; i++) expect(Math.abs(values[i] - s[i])).toBeLessThanOrEqual(50 * n * e * s[0]);
    }
  });

  it('eigvalsh equals the values of the full call', () => {
    for (const [n, a] of [
      [0, randomSymmetric(0, 1)],
      [1, randomSymmetric(1, 1)],
      [33, randomSymmetric(33, 2)],
      [21, special['Wilkinson W⁺₂₁'](dtype)],
      [32, special['repeated, multiplicity n/2'](dtype)],
    ] as const) {
      for (const method of ['tridiagonal', 'jacobi', 'auto'] as const) {
        const full = eigh(a, { backend, dtype, method }).values;
        const only = eigvalsh(a, { backend, dtype, method });
        expect(only).toBeInstanceOf(dtype === 'float64' ? Float64Array : Float32Array);
        expect(only.length).toBe(n);
        const scale = maxAbs(full);
        for (let i = 0; i < n; i++) expect(Math.abs(only[i] - full[i])).toBeLessThanOrEqual(50 * n * e * scale);
      }
    }
  });

  it('agrees with Jacobi', () => {
    const a = randomSymmetric(45, 3);
    const t = eigh(a, { backend, dtype, method: 'tridiagonal' }).values;
    const j = eigh(a, { backend, dtype, method: 'jacobi' }).values;
    for (let i = 0; i < 45; i++) expect(Math.abs(t[i] - j[i])).toBeLessThanOrEqual(50 * 45 * e * maxAbs(j));
  });

  it('Jacobi stays reachable and passes the harness', () => {
    checkEigh(randomSymmetric(30, 4), backend, dtype, 'jacobi');
    checkEigh(randomSymmetric(30, 4), backend, dtype, 'auto');
  });

  it('an iteration cap ends in ConvergenceError, never NaN', () => {
    const a = randomSymmetric(40, 5);
    expect(() => eigh(a, { backend, dtype, method: 'tridiagonal', maxSweeps: 1 })).toThrow(ConvergenceError);
    expect(() => eigvalsh(a, { backend, dtype, method: 'tridiagonal', maxSweeps: 1 })).toThrow(ConvergenceError);
  });

  it('rejects a bad method', () => {
    expect(() => eigh([[1]], { backend, dtype, method: 'qr' as never })).toThrow(InvalidOptionError);
    expect(() => eigvalsh([[1]], { backend, dtype, method: 1 as never })).toThrow(InvalidOptionError);
    expect(() =>
      eigvalsh(
        [
          [1, 2],
          [3, 4],
        ],
        { backend, dtype },
      ),
    ).toThrow(/eigvalsh needs a symmetric matrix/);
  });
});

/** Lower Cholesky factor of a positive definite row-major matrix, in float64. */
function cholesky(a: ArrayLike<number>, n: number): Float64Array {
  const l = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let s = a[j * n + j];
    for (let k = 0; k < j; k++) s -= l[j * n + k] ** 2;
    l[j * n + j] = Math.sqrt(s);
    for (let i = j + 1; i < n; i++) {
      let t = a[i * n + j];
      for (let k = 0; k < j; k++) t -= l[i * n + k] * l[j * n + k];
      l[i * n + j] = t / l[j * n + j];
    }
  }
  return l;
}

describe.each(cases)('method jacobi keeps high relative accuracy on %s / %s', (backend, dtype) => {
  // Two-sided Jacobi's relative rotation test (issue 11); with the old test |a_pq| ≤ u·‖A‖_F the
  // eigenvalues below u·‖A‖ came out with relative errors up to 0.1 (8e-11 at 1e-12, 0.1 at 1e-20).
  it('graded positive definite D·B·D: every eigenvalue to relative error ≤ 50·κ(B)·u', () => {
    // B(i, j) = 0.3^|i−j| (κ(B) < 3.5), D = diag(10^(−2i)): eigenvalues from 1 down to about 1e-28.
    const n = 8,
      kappaB = 3.5;
    const a0 = new Float64Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) a0[i * n + j] = 0.3 ** Math.abs(i - j) * 10 ** (-2 * i) * 10 ** (-2 * j);
    const a = asDtype({ rows: n, cols: n, data: a0 }, dtype);
    // Reference: λ = σ(Lᵀ)², A = L·Lᵀ in float64; Lᵀ = L_Bᵀ·D is column-graded, where one-sided Jacobi
    // is relatively accurate (its error governed by κ(L_B) = √κ(B)).
    const l = cholesky(a.data, n),
      lt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) lt[i * n + j] = l[j * n + i];
    const ref = Array.from(svdvals({ rows: n, cols: n, data: lt }, { backend, dtype: 'float64' }), (s) => s * s);
    const { values } = eigh(a, { backend, dtype, method: 'jacobi' });
    expect(values[n - 1]).toBeLessThan(1e-25);
    for (let i = 0; i < n; i++)
      expect(Math.abs(values[i] - ref[i]) / ref[i]).toBeLessThanOrEqual(50 * kappaB * eps[dtype]);
  });
});
