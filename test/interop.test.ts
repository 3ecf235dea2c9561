// Input interop (issue 15, finding 7): an ml-matrix Matrix (and duck-typed look-alikes), 2-D
// ndarray views with any strides (transposed, negative, offset), and column-major
// { rows, cols, data, order: 'col' } give exactly the result of the same matrix as a row-major
// { rows, cols, data }, on both backends and both dtypes; any other object is refused with a
// message naming the accepted forms.
import { Matrix as MlMatrix } from 'ml-matrix';
import { describe, expect, it } from 'vitest';
import { eigh, InvalidMatrixError, lowRank, lstsq, matrixRank, pinv, reconstruct, svd, svdvals } from '../src/index.js';
import { cases } from './harness/cases.js';

const m = 7,
  n = 4;
const rowMajor = Float64Array.from({ length: m * n }, (_, k) => Math.sin(k * 1.3) + (k % 3));
const dense = { rows: m, cols: n, data: rowMajor };
const at = (i: number, j: number) => rowMajor[i * n + j];

function colMajor(): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) c[j * m + i] = at(i, j);
  return c;
}

/** The same 7×4 matrix in every accepted form (and the 4×7 transpose where a view makes one). */
function forms(): [string, unknown][] {
  const c = colMajor();
  // A transposed ndarray view: the column-major buffer read with strides [1, m].
  const transposedView = { data: c, shape: [m, n], stride: [1, m], offset: 0 };
  // Rows reversed: negative row stride from the last row.
  const flipped = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) flipped[(m - 1 - i) * n + j] = at(i, j);
  const negative = { data: flipped, shape: [m, n], stride: [-n, 1], offset: (m - 1) * n };
  // A padded buffer with an offset and a row stride larger than the row (a sub-matrix view).
  const padded = new Float64Array(3 + m * (n + 2)).fill(Number.NaN);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) padded[3 + i * (n + 2) + j] = at(i, j);
  const sub = { data: padded, shape: [m, n], stride: [n + 2, 1], offset: 3 };
  const getOnly = { rows: m, columns: n, get: (i: number, j: number) => at(i, j) };
  const flatOnly = { rows: m, columns: n, to1DArray: () => Array.from(rowMajor) };
  return [
    [
      'ml-matrix Matrix',
      new MlMatrix(Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => at(i, j)))),
    ],
    ['duck-typed get(i, j)', getOnly],
    ['duck-typed to1DArray()', flatOnly],
    ['ndarray, row-major strides', { data: rowMajor, shape: [m, n], stride: [n, 1], offset: 0 }],
    ['ndarray, transposed view (column strides)', transposedView],
    ['ndarray, negative row stride', negative],
    ['ndarray, offset and padded rows, no offset key on a plain view', sub],
    ['column-major { order: "col" }', { rows: m, cols: n, data: c, order: 'col' }],
    ['row-major { order: "row" }', { rows: m, cols: n, data: rowMajor, order: 'row' }],
  ];
}

describe.each(cases)('interop on %s / %s', (backend, dtype) => {
  const ref = svd(dense, { backend, dtype });
  it.each(forms())('%s: svd bit-identical to row-major input', (_, a) => {
    const r = svd(a as never, { backend, dtype });
    expect(Array.from(r.S)).toEqual(Array.from(ref.S));
    expect(Array.from(r.U.data)).toEqual(Array.from(ref.U.data));
    expect(Array.from(r.Vt.data)).toEqual(Array.from(ref.Vt.data));
  });

  it('wide column-major input and a wide transposed view', () => {
    const wide = { rows: n, cols: m, data: rowMajor, order: 'col' as const }; // Aᵀ, 4×7
    const wideRef = svd({ rows: n, cols: m, data: colMajor() }, { backend, dtype });
    const r = svd(wide, { backend, dtype });
    expect(Array.from(r.S)).toEqual(Array.from(wideRef.S));
    expect(Array.from(r.U.data)).toEqual(Array.from(wideRef.U.data));
    const view = svd({ data: rowMajor, shape: [n, m], stride: [1, n], offset: 0 }, { backend, dtype });
    expect(Array.from(view.Vt.data)).toEqual(Array.from(wideRef.Vt.data));
  });

  it('every entry point reads the forms: svdvals, eigh, pinv, lstsq, lowRank, matrixRank', () => {
    const ml = new MlMatrix([
      [2, 1],
      [1, 3],
    ]);
    expect(Array.from(eigh(ml, { backend, dtype }).values)).toEqual(
      Array.from(
        eigh(
          [
            [2, 1],
            [1, 3],
          ],
          { backend, dtype },
        ).values,
      ),
    );
    const col = { rows: m, cols: n, data: colMajor(), order: 'col' as const };
    expect(Array.from(svdvals(col, { backend, dtype }))).toEqual(Array.from(ref.S));
    expect(Array.from(pinv(col, { backend, dtype }).data)).toEqual(Array.from(pinv(dense, { backend, dtype }).data));
    const b = Array.from({ length: m }, (_, i) => i);
    expect(Array.from(lstsq(col, b, { backend, dtype }))).toEqual(Array.from(lstsq(dense, b, { backend, dtype })));
    const bMat = new MlMatrix(b.map((x) => [x, 2 * x]));
    expect(lstsq(dense, bMat, { backend, dtype }).cols).toBe(2);
    expect(lowRank(col, 2, { backend, dtype }).error).toBe(lowRank(dense, 2, { backend, dtype }).error);
    expect(
      matrixRank(
        new MlMatrix([
          [1, 2],
          [2, 4],
        ]),
        { backend, dtype },
      ),
    ).toBe(1);
  });
});

describe('interop: factors in other forms', () => {
  it('reconstruct reads column-major and ml-matrix factors as the matrices they are', () => {
    const f = svd(dense);
    const p = f.S.length;
    const Ucol = new Float64Array(m * p);
    for (let i = 0; i < m; i++) for (let j = 0; j < p; j++) Ucol[j * m + i] = f.U.data[i * p + j];
    const ref = reconstruct(f, 2);
    const viaCol = reconstruct({ U: { rows: m, cols: p, data: Ucol, order: 'col' }, S: f.S, Vt: f.Vt }, 2);
    expect(Array.from(viaCol.data)).toEqual(Array.from(ref.data));
    const viaMl = reconstruct(
      {
        U: f.U,
        S: f.S,
        Vt: new MlMatrix(Array.from({ length: p }, (_, i) => Array.from(f.Vt.data.subarray(i * n, i * n + n)))),
      },
      2,
    );
    expect(Array.from(viaMl.data)).toEqual(Array.from(ref.data));
  });
});

describe('interop: dtype and caller data', () => {
  it('Float32Array data in an ndarray or column-major object computes in float32', () => {
    const f = Float32Array.from(rowMajor);
    expect(svdvals({ data: f, shape: [m, n], stride: [n, 1] })).toBeInstanceOf(Float32Array);
    expect(svdvals({ rows: n, cols: m, data: f, order: 'col' })).toBeInstanceOf(Float32Array);
    expect(svdvals(new MlMatrix([[1, 2]]))).toBeInstanceOf(Float64Array);
  });

  it('the input is never modified', () => {
    const c = colMajor(),
      before = c.slice();
    svd({ rows: m, cols: n, data: c, order: 'col' });
    svd({ data: c, shape: [m, n], stride: [1, m] });
    expect(c).toEqual(before);
  });
});

describe('interop: refusals name the accepted forms', () => {
  const forms =
    /\{ rows, cols, data \} \(row-major, or order: 'col'\), an array of rows, an ml-matrix Matrix \(rows, columns, get or to1DArray\) or a 2-D ndarray/;
  it.each([
    ['a Map', new Map()],
    ['a Date', new Date(0)],
    ['an object with other keys', { width: 2, height: 2, pixels: [1, 2, 3, 4] }],
    ['rows/columns without get or to1DArray', { rows: 2, columns: 2 }],
  ])('%s', (_, a) => {
    expect(() => svd(a as never)).toThrow(InvalidMatrixError);
    expect(() => svd(a as never)).toThrow(forms);
  });

  it.each([
    ['order neither row nor col', { rows: 1, cols: 2, data: [1, 2], order: 'column' }, /order must be 'row' or 'col'/],
    ['a 3-D ndarray', { data: new Float64Array(8), shape: [2, 2, 2], stride: [4, 2, 1] }, /shape must have 2 entries/],
    [
      'a view reaching past data',
      { data: new Float64Array(6), shape: [2, 3], stride: [4, 1], offset: 0 },
      /reach data\[6\], outside data of length 6/,
    ],
    [
      'a negative stride reaching before 0',
      { data: new Float64Array(6), shape: [2, 3], stride: [-3, 1], offset: 0 },
      /reach data\[-3\]/,
    ],
    [
      'a fractional stride',
      { data: new Float64Array(6), shape: [2, 3], stride: [3, 0.5] },
      /stride\[1\] must be an integer/,
    ],
    [
      'to1DArray of the wrong length',
      { rows: 2, columns: 2, to1DArray: () => [1, 2, 3] },
      /to1DArray\(\) has length 3 but rows·columns = 4/,
    ],
    [
      'get returning NaN',
      { rows: 1, columns: 2, get: (_i: number, j: number) => (j === 1 ? Number.NaN : 1) },
      /a\[0\]\[1\] is NaN/,
    ],
    [
      'a NaN in column-major data',
      { rows: 2, cols: 2, data: [1, 2, Number.NaN, 4], order: 'col' },
      /a\[0\]\[1\] is NaN/,
    ],
    ['a NaN reached by a view', { data: [1, Number.NaN, 3, 4], shape: [2, 2], stride: [1, 2] }, /a\[1\]\[0\] is NaN/],
  ])('%s', (_, a, message) => {
    expect(() => svd(a as never)).toThrow(InvalidMatrixError);
    expect(() => svd(a as never)).toThrow(message);
  });
});
