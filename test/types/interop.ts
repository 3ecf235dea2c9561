// Consumer type test of the input forms (finding 7): an ml-matrix Matrix, ndarray views and
// column-major objects are MatrixLike, with the element type following their data.
import { Matrix } from 'ml-matrix';
import { svd, svdvals, type MatrixLike } from 'svdkit';

const fromMl: Float64Array = svd(
  new Matrix([
    [1, 2],
    [3, 4],
  ]),
).S;
const view: Float32Array = svdvals({ data: new Float32Array(4), shape: [2, 2], stride: [1, 2], offset: 0 });
const col: Float64Array = svd({ rows: 2, cols: 2, data: new Float64Array(4), order: 'col' }).U.data;
const duck: MatrixLike = { rows: 1, columns: 2, get: (i: number, j: number) => i + j };
// @ts-expect-error not a matrix form
svd({ width: 2, height: 2 });
// @ts-expect-error order is 'row' or 'col'
svd({ rows: 1, cols: 1, data: [1], order: 'column' });
export { fromMl, view, col, duck };
