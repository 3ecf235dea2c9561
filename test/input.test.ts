import { describe, expect, it } from 'vitest';
import {
  ConvergenceError,
  eigh,
  InvalidMatrixError,
  InvalidOptionError,
  svd,
  svdvals,
  type BackendName,
} from '../src/index.js';
import { uniformMatrix } from './harness/matrices.js';

const backends: BackendName[] = ['wasm', 'js'];

describe.each(backends)('input checking on %s', (backend) => {
  const bad: [string, unknown, RegExp][] = [
    [
      'NaN entry',
      [
        [1, NaN],
        [2, 3],
      ],
      /a\[0\]\[1\] is NaN/,
    ],
    [
      'Infinity entry',
      [
        [1, 2],
        [Infinity, 3],
      ],
      /a\[1\]\[0\] is Infinity/,
    ],
    ['-Infinity in data', { rows: 1, cols: 2, data: new Float64Array([1, -Infinity]) }, /-Infinity/],
    [
      'ragged rows',
      [
        [1, 2, 3],
        [4, 5],
      ],
      /ragged: row 0 has 3 entries but row 1 has 2/,
    ],
    ['string entry', [[1, '2']], /a\[0\]\[1\] is string "2"/],
    ['hole in a sparse row', [[1, , 3]], /a\[0\]\[1\] is undefined/], // eslint-disable-line no-sparse-arrays
    ['null matrix', null, /got null/],
    ['a number', 7, /got number 7/],
    ['a flat typed array', new Float64Array(4), /wrap flat data as \{ rows, cols, data \}/],
    ['wrong data length', { rows: 2, cols: 3, data: new Float64Array(5) }, /length 5 but rows·cols = 2·3 = 6/],
    ['negative rows', { rows: -1, cols: 3, data: [] }, /rows must be a non-negative integer/],
    ['fractional cols', { rows: 1, cols: 1.5, data: [1] }, /cols must be a non-negative integer/],
    ['null row', [null], /a\[0\] must be an array of numbers/],
    ['float32 overflow', { rows: 1, cols: 1, data: [1e300] }, /beyond the float32 range/],
  ];
  it.each(bad)('%s → InvalidMatrixError', (_, a, message) => {
    const dtype = _ === 'float32 overflow' ? 'float32' : 'float64';
    expect(() => svd(a as never, { backend, dtype })).toThrow(InvalidMatrixError);
    expect(() => svd(a as never, { backend, dtype })).toThrow(message);
    expect(() => svdvals(a as never, { backend, dtype })).toThrow(InvalidMatrixError);
  });

  it.each([
    [{ fullMatrix: true }, /unknown option 'fullMatrix'; known options: .*fullMatrices/],
    [{ dtype: 'float16' }, /option 'dtype' must be one of 'float64', 'float32'/],
    [{ backend: 'gpu' }, /option 'backend' must be one of 'auto', 'wasm', 'js'/],
    [{ computeUV: 1 }, /option 'computeUV' must be true or false/],
    [{ maxSweeps: 0 }, /option 'maxSweeps' must be an integer from 1/],
  ])('bad option %j → InvalidOptionError', (opts, message) => {
    expect(() => svd([[1]], { backend, ...opts } as never)).toThrow(InvalidOptionError);
    expect(() => svd([[1]], { backend, ...opts } as never)).toThrow(message);
  });

  it('svdvals and eigh reject options that are not theirs', () => {
    expect(() => svdvals([[1]], { backend, fullMatrices: true } as never)).toThrow(/unknown option 'fullMatrices'/);
    expect(() => eigh([[1]], { backend, computeUV: false } as never)).toThrow(/unknown option 'computeUV'/);
  });

  it('integer typed arrays are converted, not rejected', () => {
    const S = svdvals({ rows: 2, cols: 2, data: new Int32Array([3, 0, 0, -4]) }, { backend });
    expect(Array.from(S)).toEqual([4, 3]);
    expect(svdvals({ rows: 1, cols: 3, data: new Uint8Array([3, 4, 0]) }, { backend })[0]).toBeCloseTo(5, 12);
  });

  it('data views with a byte offset are read from their offset', () => {
    const buf = new Float64Array([99, 99, 3, 0, 0, 4]);
    const S = svdvals({ rows: 2, cols: 2, data: buf.subarray(2) }, { backend });
    expect(Array.from(S)).toEqual([4, 3]);
  });

  it('-0 and subnormal entries work', () => {
    const S = svdvals(
      [
        [-0, 5e-324],
        [0, -0],
      ],
      { backend },
    );
    expect(S[0]).toBe(5e-324);
    expect(S[1]).toBe(0);
  });

  it('never mutates the input', () => {
    const a = uniformMatrix(9, 6, 42);
    const copy = Float64Array.from(a.data);
    const rows = [
      [1, 2],
      [3, 4],
      [5, 6],
    ];
    const f32 = { rows: 3, cols: 3, data: Float32Array.from([2, 1, 0, 1, 2, 1, 0, 1, 2]) };
    const f32copy = Float32Array.from(f32.data);
    svd(a, { backend, fullMatrices: true });
    svd(a, { backend, computeUV: false });
    svd(rows, { backend });
    eigh(f32, { backend });
    expect(a.data).toEqual(copy);
    expect(rows).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    expect(f32.data).toEqual(f32copy);
  });

  it('dtype follows the input: Float32Array data computes in float32', () => {
    const f32 = { rows: 2, cols: 2, data: new Float32Array([1, 2, 3, 4]) };
    expect(svd(f32, { backend }).S).toBeInstanceOf(Float32Array);
    expect(
      svd(
        [
          [1, 2],
          [3, 4],
        ],
        { backend },
      ).S,
    ).toBeInstanceOf(Float64Array);
    expect(svd(f32, { backend, dtype: 'float64' }).S).toBeInstanceOf(Float64Array);
  });

  it('a tiny sweep cap reports non-convergence with the sweeps done and the remaining measure', () => {
    const a = uniformMatrix(30, 30, 7);
    let err: unknown;
    try {
      svd(a, { backend, maxSweeps: 1 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConvergenceError);
    const c = err as ConvergenceError;
    expect(c.sweeps).toBe(1);
    expect(c.offNorm).toBeGreaterThan(0);
    expect(c.message).toMatch(/did not converge within 1 sweeps.*raise the maxSweeps option/);
    expect(() =>
      eigh(
        [
          [1, 2, 3],
          [2, 1, 4],
          [3, 4, 1],
        ],
        { backend, maxSweeps: 1 },
      ),
    ).toThrow(ConvergenceError);
    // The default cap is never reached on the harness matrices.
    expect(() => svd(a, { backend })).not.toThrow();
  });
});
