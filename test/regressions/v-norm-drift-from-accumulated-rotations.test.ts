// Issue: V accumulated every Jacobi rotation, whose rounded (c, s) satisfy c² + s² = 1 + O(u),
// so V's columns drifted in norm by about u per rotation: max|VᵀV − I| was 7e-14 at 300×300
// (40× numpy's), all of it on the diagonal. V's columns are now normalised after Jacobi, which
// leaves rounding-level orthogonality (σ is unchanged, so svdvals still equals svd(…).S).
import { describe, expect, it } from 'vitest';
import { svd } from '../../src/index.js';
import { cases } from '../harness/cases.js';
import { createRng } from '../../src/random.js';
import { unitRoundoff } from '../../src/params.js';

describe.each(cases)('%s / %s', (backend, dtype) => {
  it('V of a 160×160 uniform matrix is orthogonal to 10·√n·u, U·Σ·Vᵀ reconstructs A to √n·u·σ₁', () => {
    const n = 160,
      rng = createRng(7);
    const data = Float64Array.from({ length: n * n }, () => rng.uniform());
    const a = dtype === 'float32' ? Float32Array.from(data) : data;
    const r = svd({ rows: n, cols: n, data: a }, { backend, dtype });
    const vt = r.Vt!.data,
      u = r.U!.data,
      s = r.S;
    const bound = 10 * Math.sqrt(n) * unitRoundoff[dtype];
    let orth = 0;
    for (let i = 0; i < n; i++) {
      for (let j = i; j < n; j++) {
        let d = 0;
        for (let k = 0; k < n; k++) d += vt[i * n + k] * vt[j * n + k];
        orth = Math.max(orth, Math.abs(d - (i === j ? 1 : 0)));
      }
    }
    expect(orth).toBeLessThan(bound);
    let rec = 0;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let x = 0;
        for (let k = 0; k < n; k++) x += u[i * n + k] * s[k] * vt[k * n + j];
        rec = Math.max(rec, Math.abs(a[i * n + j] - x));
      }
    }
    expect(rec / s[0]).toBeLessThan(Math.sqrt(n) * unitRoundoff[dtype]);
  });
});
