/**
 * The core harness's cases (test/svd.test.ts, test/eigh.test.ts) as plain functions that return
 * numbers instead of asserting, so the very same code runs in Node and inside a Chromium page;
 * the browser test then asserts on both and compares them.
 */
import type * as Svdkit from '../../../src/index.js';
import { identityMatrix, profiles, uniformMatrix, withSingularValues } from '../../harness/matrices.js';
import {
  eigenResidualRatio,
  eps,
  isSortedNonNegative,
  orthogonalityRatio,
  reconstructionRatio,
  rowOrthogonalityRatio,
} from '../../harness/ratios.js';
import { randomSymmetric, withEigenvalues } from '../../harness/symmetric.js';

type Api = Pick<typeof Svdkit, 'svd' | 'eigh'>;
type Matrix = Svdkit.Matrix;

/** One case's outcome: the test ratios (each must stay below 50) and the values, for comparison. */
export interface CaseResult {
  name: string;
  backend: string;
  dtype: 'float64' | 'float32';
  /** The backend that actually ran. */
  used: string;
  /** Every LAPACK-style ratio of the case; all must be < 50. */
  ratios: Record<string, number>;
  /** Whether S (or λ) is sorted as promised. */
  sorted: boolean;
  /** Singular values (or eigenvalues), as plain numbers. */
  values: number[];
  /** σ₁ (or max |λ|) and p, for tolerances. */
  scale: number;
  p: number;
}

function asDtype(a: Matrix, dtype: 'float64' | 'float32'): Matrix {
  return {
    rows: a.rows,
    cols: a.cols,
    data: dtype === 'float32' ? Float32Array.from(a.data) : Float64Array.from(a.data),
  };
}

function svdCase(api: Api, name: string, a0: Matrix, backend: 'wasm' | 'js', dtype: 'float64' | 'float32'): CaseResult {
  const a = asDtype(a0, dtype),
    e = eps[dtype],
    p = Math.min(a.rows, a.cols);
  const thin = api.svd(a, { backend, dtype });
  const full = api.svd(a, { backend, dtype, fullMatrices: true });
  const vals = api.svd(a, { backend, dtype, computeUV: false });
  const s1 = p > 0 ? thin.S[0] : 0;
  let valuesGap = 0;
  for (let i = 0; i < p; i++)
    valuesGap = Math.max(valuesGap, Math.abs(vals.S[i] - thin.S[i]), Math.abs(full.S[i] - thin.S[i]));
  return {
    name,
    backend,
    dtype,
    used: thin.backend,
    p,
    scale: s1,
    sorted: isSortedNonNegative(thin.S) && isSortedNonNegative(full.S) && isSortedNonNegative(vals.S),
    values: Array.from(thin.S),
    ratios: {
      reconstruction: reconstructionRatio(a, thin.U!, thin.S, thin.Vt!, e),
      reconstructionFull: reconstructionRatio(a, full.U!, full.S, full.Vt!, e),
      orthogonalityU: orthogonalityRatio(thin.U!, e),
      orthogonalityVt: rowOrthogonalityRatio(thin.Vt!, e),
      orthogonalityUFull: orthogonalityRatio(full.U!, e),
      orthogonalityVtFull: rowOrthogonalityRatio(full.Vt!, e),
      valuesOnly: p > 0 && s1 > 0 ? valuesGap / (p * e * s1) : 0,
    },
  };
}

function eighCase(
  api: Api,
  name: string,
  a0: Matrix,
  backend: 'wasm' | 'js',
  dtype: 'float64' | 'float32',
): CaseResult {
  const a = asDtype(a0, dtype),
    e = eps[dtype];
  const r = api.eigh(a, { backend, dtype });
  let sorted = true;
  for (let i = 1; i < r.values.length; i++) if (r.values[i] > r.values[i - 1]) sorted = false;
  return {
    name,
    backend,
    dtype,
    used: r.backend,
    p: a.rows,
    sorted,
    scale: Math.max(0, ...Array.from(r.values, Math.abs)),
    values: Array.from(r.values),
    ratios: {
      eigenResidual: eigenResidualRatio(a, r.values, r.vectors, e),
      orthogonality: orthogonalityRatio(r.vectors, e),
    },
  };
}

/** The matrices: every small shape, prescribed spectra, special matrices, symmetric ones. */
function matrices(dtype: 'float64' | 'float32'): { name: string; a: Matrix; sym?: boolean }[] {
  const out: { name: string; a: Matrix; sym?: boolean }[] = [];
  const sizes = [0, 1, 2, 3, 5, 8, 17];
  for (const m of sizes)
    for (const n of sizes) out.push({ name: `uniform ${m}×${n}`, a: uniformMatrix(m, n, 1000 * m + n) });
  for (const [m, n] of [
    [120, 40],
    [40, 120],
    [64, 64],
  ])
    out.push({ name: `uniform ${m}×${n}`, a: uniformMatrix(m, n, m + 7 * n) });
  for (const [name, profile] of Object.entries(profiles)) {
    for (const [m, n] of [
      [40, 25],
      [25, 40],
      [30, 30],
    ]) {
      out.push({ name: `${name} ${m}×${n}`, a: withSingularValues(m, n, profile(Math.min(m, n)), m * 31 + n) });
    }
  }
  out.push({ name: 'zero 6×4', a: { rows: 6, cols: 4, data: new Float64Array(24) } });
  out.push({ name: 'identity 5×5', a: identityMatrix(5, 5) });
  const big = dtype === 'float64' ? 1e300 : 1e30,
    small = dtype === 'float64' ? 1e-300 : 1e-30;
  for (const c of [big, small])
    out.push({ name: `scaled ${c}`, a: { rows: 9, cols: 7, data: uniformMatrix(9, 7, 3).data.map((x) => x * c) } });
  for (const n of [1, 2, 7, 24]) out.push({ name: `random symmetric ${n}`, a: randomSymmetric(n, n), sym: true });
  out.push({ name: 'eigenvalues ±', a: withEigenvalues([5, 3, 1, -1, -4, 0], 11), sym: true });
  return out;
}

/** Runs every case on one backend and dtype with the given svdkit API. */
export function runCases(api: Api, backend: 'wasm' | 'js', dtype: 'float64' | 'float32'): CaseResult[] {
  return matrices(dtype).map(({ name, a, sym }) =>
    sym ? eighCase(api, name, a, backend, dtype) : svdCase(api, name, a, backend, dtype),
  );
}
