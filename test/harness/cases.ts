/** The backend × dtype grid every decomposition test runs over, and small dense helpers. */
import { backendInfo, type BackendName, type Dtype, type Matrix } from '../../src/index.js';

export const backends: BackendName[] = ['wasm', 'js'];
export const dtypes: Dtype[] = ['float64', 'float32'];
/** [backend, dtype] pairs, for `describe.each(cases)('… %s / %s', …)`. */
export const cases = backends.flatMap((backend) => dtypes.map((dtype) => [backend, dtype] as const));
/** True where the wasm module could not be loaded (the CI build always has it). */
export const wasmMissing = !backendInfo().wasm;
/** Under CI (CI set, not 'false' or '0') a missing capability fails instead of skipping. */
export const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';
/** Why the wasm cases skip here (shown in the test name), or '' when wasm is loaded. */
export const wasmSkipReason = wasmMissing ? ' — SKIPPED: the wasm module could not be loaded (run npm run build)' : '';

/** The matrix as the dtype stores it (float32 rounds each entry once). */
export function asDtype(a: Matrix, dtype: Dtype): Matrix {
  return {
    rows: a.rows,
    cols: a.cols,
    data: dtype === 'float32' ? Float32Array.from(a.data) : Float64Array.from(a.data),
  };
}

/** ‖a − b‖_F, entrywise over equal-shaped matrices. */
export function frobDiff(a: Matrix, b: Matrix): number {
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return Math.sqrt(s);
}

/** The float64 product a·b of row-major matrices (a reference, not a kernel). */
export function mul(a: Matrix, b: Matrix): Matrix {
  const c = new Float64Array(a.rows * b.cols);
  for (let i = 0; i < a.rows; i++) {
    for (let p = 0; p < a.cols; p++) {
      const x = a.data[i * a.cols + p];
      for (let j = 0; j < b.cols; j++) c[i * b.cols + j] += x * b.data[p * b.cols + j];
    }
  }
  return { rows: a.rows, cols: b.cols, data: c };
}
