import { describe, expect, it } from 'vitest';
import { eigh, svd, type Dtype } from '../src/index.js';
import { columnsDiffUpToSign, separatedIndices, transposeM } from './harness/check-svd.js';
import { eps } from './harness/ratios.js';
import { profiles, uniformMatrix, withSingularValues } from './harness/matrices.js';
import { randomSymmetric } from './harness/symmetric.js';

/** Columns of x, y restricted to `idx`. */
function pick(a: { rows: number; cols: number; data: ArrayLike<number> }, idx: number[]) {
  const data = new Float64Array(a.rows * idx.length);
  for (let i = 0; i < a.rows; i++)
    idx.forEach((j, c) => {
      data[i * idx.length + c] = a.data[i * a.cols + j];
    });
  return { rows: a.rows, cols: idx.length, data };
}

describe.each(['float64', 'float32'] as Dtype[])('wasm and js agree (%s)', (dtype) => {
  const e = eps[dtype];
  const shapes: [number, number][] = [
    [1, 1],
    [7, 3],
    [3, 7],
    [40, 40],
    [120, 30],
    [30, 120],
  ];
  it.each(shapes)('svd of a random %i×%i', (m, n) => {
    const a = uniformMatrix(m, n, m * 101 + n);
    const w = svd(a, { backend: 'wasm', dtype }),
      j = svd(a, { backend: 'js', dtype });
    const p = Math.min(m, n),
      s1 = j.S[0];
    for (let i = 0; i < p; i++) expect(Math.abs(w.S[i] - j.S[i])).toBeLessThanOrEqual(50 * p * e * s1);
    // Singular vectors are compared where they are well defined: σ separated from its neighbours.
    const idx = separatedIndices(j.S, e);
    // Perturbation theory (Wedin): a vector moves by about ε·σ₁ / (its gap to the other σ).
    const gap = Math.min(
      s1,
      ...idx.map((i) => Math.min(i > 0 ? j.S[i - 1] - j.S[i] : Infinity, i + 1 < p ? j.S[i] - j.S[i + 1] : Infinity)),
    );
    const tol = (1e3 * p * e * s1) / gap;
    expect(columnsDiffUpToSign(pick(w.U!, idx), pick(j.U!, idx), idx.length)).toBeLessThanOrEqual(tol);
    expect(
      columnsDiffUpToSign(pick(transposeM(w.Vt!), idx), pick(transposeM(j.Vt!), idx), idx.length),
    ).toBeLessThanOrEqual(tol);
  });

  it('singular values of prescribed spectra', () => {
    for (const profile of Object.values(profiles)) {
      const a = withSingularValues(30, 20, profile(20), 9);
      const w = svd(a, { backend: 'wasm', dtype, computeUV: false }).S;
      const j = svd(a, { backend: 'js', dtype, computeUV: false }).S;
      for (let i = 0; i < 20; i++) expect(Math.abs(w[i] - j[i])).toBeLessThanOrEqual(50 * 20 * e * j[0]);
    }
  });

  it('eigh eigenvalues', () => {
    const a = randomSymmetric(25, 4);
    const w = eigh(a, { backend: 'wasm', dtype }).values,
      j = eigh(a, { backend: 'js', dtype }).values;
    for (let i = 0; i < 25; i++) expect(Math.abs(w[i] - j[i])).toBeLessThanOrEqual(50 * 25 * e * Math.abs(j[0]));
  });
});
