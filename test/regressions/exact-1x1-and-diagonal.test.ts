// Issue: a 1×1 or diagonal matrix came back inexact (svd([[-1e-300]]) reconstructed as
// −9.999999999999999e-301; diag(7e150, 3, 2.5) lost 3 and 2.5). Each column now keeps its own
// power-of-two scale and U's columns are divided by their norm (not multiplied by a rounded
// reciprocal), so both are exact over the whole float range, subnormals included.
import { describe, expect, it } from 'vitest';
import { svd } from '../../src/index.js';
import { cases } from '../harness/cases.js';

const values = {
  float64: [
    1, -1, 0.1, -1e-300, 1e-300, 1e300, -1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, -3.7e-310, 123.456,
  ],
  float32: [1, -1, 0.1, 1e-30, -3.4028234663852886e38, 1.1754943508222875e-38, 2 ** -149, -3e-42, 123.456].map(
    Math.fround,
  ),
};

describe.each(cases)('%s / %s', (backend, dtype) => {
  const asArray = (d: number[]) => (dtype === 'float32' ? Float32Array.from(d) : Float64Array.from(d));
  it.each(values[dtype])('svd([[%d]]): σ = |x| and U·σ·Vt = x bit for bit', (x) => {
    const r = svd({ rows: 1, cols: 1, data: asArray([x]) }, { backend });
    expect(r.S[0]).toBe(Math.abs(x));
    expect(r.U.data[0] * r.S[0] * r.Vt.data[0]).toBe(x);
  });
  it('a diagonal matrix returns its sorted |dᵢ| exactly, whatever their range', () => {
    const d = values[dtype];
    const n = d.length;
    const data = new Array<number>(n * n).fill(0);
    d.forEach((x, i) => {
      data[i * n + i] = x;
    });
    const r = svd({ rows: n, cols: n, data: asArray(data) }, { backend });
    expect(Array.from(r.S)).toEqual(d.map(Math.abs).sort((p, q) => q - p));
    // tall: the same values through the QR path
    const tall = svd(
      { rows: n + 3, cols: n, data: asArray([...data, ...new Array<number>(3 * n).fill(0)]) },
      { backend },
    );
    expect(Array.from(tall.S)).toEqual(d.map(Math.abs).sort((p, q) => q - p));
  });
});
