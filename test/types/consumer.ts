// Consumer type test (issue 15, findings 1, 3): compiled by test/types.test.ts with `tsc --noEmit`
// under strict, TypeScript 5.9 and 7, moduleResolution node16 and bundler, with and without the
// DOM lib, skipLibCheck false. Every line states a type a user relies on; @ts-expect-error lines
// state what must not compile.
import {
  eigh,
  lowRank,
  LowRank,
  lstsq,
  pinv,
  randomizedSvd,
  svd,
  svdvals,
  init,
  backendInfo,
  SvdkitError,
  type FloatArray,
  type Matrix,
  type MatrixLike,
  type SvdOptions,
  type SvdResult,
} from 'svdkit';

type F64 = Float64Array<ArrayBuffer>;
type F32 = Float32Array<ArrayBuffer>;
/** Compiles only when X and Y are the same type. */
type Equal<X, Y> = (<T>() => T extends X ? 1 : 2) extends <T>() => T extends Y ? 1 : 2 ? true : false;
function same<X, Y>(_proof: Equal<X, Y>): void {}

const rows = [
  [1, 2],
  [3, 4],
  [5, 6],
];
const m64 = { rows: 2, cols: 2, data: new Float64Array(4) };
const m32 = { rows: 2, cols: 2, data: new Float32Array(4) };

// Finding 1: U and Vt are there by default and with computeUV: true; absent with computeUV: false.
const { U, S, Vt } = svd(rows);
const u0: number = U.data[0] + Vt.data[0] + S[0];
const full = svd(rows, { computeUV: true, fullMatrices: true });
full.U.rows;
const only = svd(rows, { computeUV: false });
same<typeof only.U, undefined>(true);
// @ts-expect-error U is not computed
only.U.data;
declare const anyOpts: SvdOptions;
const maybe = svd(rows, anyOpts);
// @ts-expect-error computeUV unknown at compile time: U may be absent
maybe.U.data;
maybe.U?.data;

// Finding 3: the element type follows the input and dtype.
const s1: Float64Array = svdvals([
  [1, 2],
  [3, 4],
]);
same<ReturnType<typeof svdvals<number[][]>>, F64>(true);
same<typeof S, F64>(true);
same<typeof U.data, F64>(true);
same<ReturnType<typeof svdvals<typeof m32>>, F32>(true);
const s32: Float32Array = svdvals(m32);
const s32b: Float32Array = svdvals(rows, { dtype: 'float32' });
const s64b: Float64Array = svdvals(m32, { dtype: 'float64' });
same<typeof s64b, Float64Array>(true);
// @ts-expect-error float32 input gives Float32Array
const wrong: Float64Array<ArrayBuffer> = svdvals(m32);
same<ReturnType<typeof svdvals<typeof m64>>, F64>(true);
same<ReturnType<typeof svdvals<MatrixLike>>, FloatArray>(true); // unknown input: either
const e = eigh([
  [2, 1],
  [1, 2],
]);
same<typeof e.values, F64>(true);
same<typeof e.vectors, Matrix<F64>>(true);
const e32 = eigh(m32);
same<typeof e32.values, F32>(true);
const lr = lowRank(rows, 1);
same<typeof lr, LowRank<F64>>(true);
const y: Float64Array = lr.apply([1, 2]);
const rec: Matrix<F64> = lr.reconstruct();
const lr32 = lowRank(rows, 1, { dtype: 'float32' });
const y32: Float32Array = lr32.apply([1, 2]);
const r = randomizedSvd(m32, 1, { seed: 1 });
same<typeof r.S, F32>(true);
const p: Matrix<F64> = pinv(rows);
const p32: Matrix<F32> = pinv(m32);
const x: Float64Array = lstsq(rows, [1, 2, 3]);
const X: Matrix<F64> = lstsq(rows, [[1], [2], [3]]);
const x32: Float32Array = lstsq(rows, [1, 2, 3], { dtype: 'float32' });

// The reusable factorization and lstsq's full result.
const fx: Float64Array = svd(rows).solve([1, 2, 3]);
const fX: Matrix<F32> = svd(m32).solve([[1], [2]]);
const fp: Matrix<F64> = svd(rows).pinv();
const fr: number = only.rank() + only.cond();
// @ts-expect-error no U and Vt: nothing to solve with
only.solve([1, 2, 3]);
const ls = lstsq(rows, [1, 2, 3], { full: true });
same<typeof ls.x, F64>(true);
same<typeof ls.residuals, F64>(true);
const lsM = lstsq(m32, [[1], [2]], { full: true });
same<typeof lsM.x, Matrix<F32>>(true);
const lsRank: number = ls.rank;

// Results over ArrayBuffer (finding 2, the part that needs no DOM): usable where an ArrayBuffer is required.
const buf: ArrayBuffer = S.buffer;
const bytes: Uint8Array<ArrayBuffer> = lr.toBytes();
const back: LowRank = LowRank.fromBytes(bytes);

// Generic code over any result still works.
function norm(r: SvdResult): number {
  return r.S[0];
}
norm(svd(m32));
norm(svd(rows));

await init();
const info: { active: 'wasm' | 'js' } = backendInfo();
try {
  svd(rows);
} catch (err) {
  if (err instanceof SvdkitError) err.code.toUpperCase();
}

export { fx, fX, fp, fr, lsRank, u0, s1, s32, s32b, wrong, y, rec, y32, p, p32, x, X, x32, buf, back, info };
