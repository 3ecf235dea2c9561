/**
 * The SVD harness (as Eigen's svd_common.h): decomposes one matrix thin, full and values-only
 * and asserts the invariants: reconstruction, orthogonality of U and V, S sorted and ≥ 0,
 * values-only S = full S, thin and full factors agree on the first p columns up to sign.
 */
import { expect } from 'vitest';
import { svd, type BackendChoice, type Dtype, type Matrix, type SvdMethod } from '../../src/index.js';
import { asDtype } from './cases.js';
import { eps, isSortedNonNegative, orthogonalityRatio, reconstructionRatio, rowOrthogonalityRatio } from './ratios.js';

/** Every ratio must stay below this, whatever the matrix. */
export const RATIO_LIMIT = 50;

/** Largest |x − y| over the first `count` columns of two row-major matrices, allowing a sign per column. */
export function columnsDiffUpToSign(x: Matrix, y: Matrix, count: number): number {
  let worst = 0;
  for (let j = 0; j < count; j++) {
    let same = 0,
      flip = 0;
    for (let i = 0; i < x.rows; i++) {
      const a = x.data[i * x.cols + j],
        b = y.data[i * y.cols + j];
      same = Math.max(same, Math.abs(a - b));
      flip = Math.max(flip, Math.abs(a + b));
    }
    worst = Math.max(worst, Math.min(same, flip));
  }
  return worst;
}

export function transposeM(a: Matrix): Matrix {
  const data = new Float64Array(a.rows * a.cols);
  for (let i = 0; i < a.rows; i++) for (let j = 0; j < a.cols; j++) data[j * a.rows + i] = a.data[i * a.cols + j];
  return { rows: a.cols, cols: a.rows, data };
}

/** Both SVD algorithms; the harness holds each to the same invariants ('auto' picks one of them). */
export const svdMethods = ['jacobi', 'bidiagonal'] as const;

/**
 * Runs every SVD invariant on `a0` for one backend and dtype, once per algorithm, and checks
 * that `method: 'auto'` returns one of them bit for bit. `run` is the svd under test (another
 * module instance's, for the no-WebAssembly suite).
 */
export function checkSvd(a0: Matrix, backend: BackendChoice, dtype: Dtype, run: typeof svd = svd): void {
  const auto = run(asDtype(a0, dtype), { backend, dtype, computeUV: false }).S;
  const same = svdMethods.filter((method) => {
    const S = checkSvdWith(a0, backend, dtype, run, method);
    return S.length === auto.length && S.every((x, i) => Object.is(x, auto[i]));
  });
  expect(same.length).toBeGreaterThan(0);
}

/** {@link checkSvd} for one algorithm; returns the values-only S. */
function checkSvdWith(
  a0: Matrix,
  backend: BackendChoice,
  dtype: Dtype,
  run: typeof svd,
  method: SvdMethod,
): ArrayLike<number> {
  const a = asDtype(a0, dtype);
  const { rows: m, cols: n } = a;
  const p = Math.min(m, n),
    e = eps[dtype];
  const thin = run(a, { backend, dtype, method });
  const full = run(a, { backend, dtype, method, fullMatrices: true });
  const values = run(a, { backend, dtype, method, computeUV: false });
  if (backend !== 'auto') expect(thin.backend).toBe(backend);
  const ctor = dtype === 'float64' ? Float64Array : Float32Array;
  for (const r of [thin, full, values]) {
    expect(r.S).toBeInstanceOf(ctor);
    expect(r.S.length).toBe(p);
    expect(isSortedNonNegative(r.S)).toBe(true);
  }
  expect(values.U).toBeUndefined();
  expect(values.Vt).toBeUndefined();
  const U = thin.U!,
    Vt = thin.Vt!,
    Uf = full.U!,
    Vtf = full.Vt!;
  expect([U.rows, U.cols, Vt.rows, Vt.cols]).toEqual([m, p, p, n]);
  expect([Uf.rows, Uf.cols, Vtf.rows, Vtf.cols]).toEqual([m, m, n, n]);
  for (const x of [U, Vt, Uf, Vtf]) {
    expect(x.data).toBeInstanceOf(ctor);
    expect(x.data.every(Number.isFinite)).toBe(true);
  }
  expect(reconstructionRatio(a, U, thin.S, Vt, e)).toBeLessThan(RATIO_LIMIT);
  expect(reconstructionRatio(a, Uf, full.S, Vtf, e)).toBeLessThan(RATIO_LIMIT);
  expect(orthogonalityRatio(U, e)).toBeLessThan(RATIO_LIMIT);
  expect(rowOrthogonalityRatio(Vt, e)).toBeLessThan(RATIO_LIMIT);
  expect(orthogonalityRatio(Uf, e)).toBeLessThan(RATIO_LIMIT);
  expect(rowOrthogonalityRatio(Vtf, e)).toBeLessThan(RATIO_LIMIT);
  const s1 = p > 0 ? thin.S[0] : 0;
  for (let i = 0; i < p; i++) {
    expect(Math.abs(values.S[i] - thin.S[i])).toBeLessThanOrEqual(RATIO_LIMIT * p * e * s1);
    expect(Math.abs(full.S[i] - thin.S[i])).toBeLessThanOrEqual(RATIO_LIMIT * p * e * s1);
  }
  // Thin and full run the same rotations, so their first p vectors agree (up to sign) even
  // where σ is repeated and the vectors themselves are not unique.
  expect(columnsDiffUpToSign(U, Uf, p)).toBeLessThanOrEqual(100 * p * e);
  expect(columnsDiffUpToSign(transposeM(Vt), transposeM(Vtf), p)).toBeLessThanOrEqual(100 * p * e);
  return values.S;
}

/** Indices i whose σ is separated from its neighbours by more than √ε·σ₁ (vectors well defined). */
export function separatedIndices(s: ArrayLike<number>, e: number): number[] {
  const out: number[] = [];
  const gap = Math.sqrt(e) * (s.length ? s[0] : 0);
  for (let i = 0; i < s.length; i++) {
    const left = i > 0 ? s[i - 1] - s[i] : Infinity,
      right = i + 1 < s.length ? s[i] - s[i + 1] : Infinity;
    if (Math.min(left, right) > gap) out.push(i);
  }
  return out;
}
