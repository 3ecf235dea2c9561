// Block Gram–Schmidt twice (the randomized SVD's re-orthonormalisation) on both backends and dtypes.
import { describe, expect, it } from 'vitest';
import { orthonormalizeRowsBlocked } from '../src/core/orth-blocked.js';
import { createRng, fillNormal } from '../src/random.js';
import { cases, wasmMissing } from './harness/cases.js';

function gramError(q: ArrayLike<number>, r: number, m: number): number {
  let worst = 0;
  for (let i = 0; i < r; i++) {
    for (let j = 0; j <= i; j++) {
      let d = 0;
      for (let t = 0; t < m; t++) d += q[i * m + t] * q[j * m + t];
      worst = Math.max(worst, Math.abs(d - (i === j ? 1 : 0)));
    }
  }
  return worst;
}

describe.each(cases)('orthonormalizeRowsBlocked on %s / %s', (backend, dtype) => {
  const skip = backend === 'wasm' && wasmMissing;
  const tol = dtype === 'float32' ? 2e-5 : 1e-13;
  const make = (r: number, m: number, seed: number) => {
    const q = dtype === 'float32' ? new Float32Array(r * m) : new Float64Array(r * m);
    return fillNormal(q, createRng(seed));
  };

  it.skipIf(skip)('orthonormal rows across several blocks, spanning the input', () => {
    const r = 45,
      m = 120,
      q = make(r, m, 3),
      a = q.slice();
    orthonormalizeRowsBlocked('test', backend, dtype, q, r, m);
    expect(gramError(q, r, m)).toBeLessThan(tol);
    // Each input row lies in the span: its residual after projection onto the rows is tiny.
    for (const i of [0, 20, 44]) {
      const x = Array.from(a.subarray(i * m, i * m + m));
      for (let j = 0; j < r; j++) {
        let d = 0;
        for (let t = 0; t < m; t++) d += q[j * m + t] * x[t];
        for (let t = 0; t < m; t++) x[t] -= d * q[j * m + t];
      }
      expect(Math.hypot(...x)).toBeLessThan(tol * 100 * Math.hypot(...Array.from(a.subarray(i * m, i * m + m))));
    }
  });

  it.skipIf(skip)(
    'rank-deficient input (zero, repeated and dependent rows, a row across blocks) still gives r orthonormal rows',
    () => {
      const r = 40,
        m = 50,
        q = make(r, m, 5);
      q.fill(0, 3 * m, 4 * m); // zero row
      q.copyWithin(20 * m, 2 * m, 3 * m); // row 20 = row 2, in another block
      for (let t = 0; t < m; t++) q[33 * m + t] = 2 * q[17 * m + t] - q[5 * m + t]; // dependent
      q.fill(1e-30, 38 * m, 39 * m); // tiny but not zero
      orthonormalizeRowsBlocked('test', backend, dtype, q, r, m);
      expect(gramError(q, r, m)).toBeLessThan(tol * 10);
    },
  );

  it.skipIf(skip)('r = m: a full orthonormal basis', () => {
    const r = 33,
      q = make(r, r, 9);
    q.fill(0, 0, r); // the first row zero too
    orthonormalizeRowsBlocked('test', backend, dtype, q, r, r);
    expect(gramError(q, r, r)).toBeLessThan(tol * 10);
  });
});
