/**
 * The whole SVD and eigh pipelines on the JS backend, step for step what the wasm module's
 * `assembly/driver.ts` does: scale by a power of two, Householder QR when tall, Jacobi on the
 * square factor, normalise and complete U, sort, form U = Q·U_R, scale back.
 * @module
 */
import { allocate, identity } from '../../arrays.js';
import { ConvergenceError } from '../../errors.js';
import { defaultParams, tinySquaredNorm, unitRoundoff } from '../../params.js';
import type { Dtype, FloatArray } from '../../types.js';
import type { EighParts, EighTask, SvdParts, SvdTask } from '../types.js';
import { nrm2, scal } from './blas.js';
import { completeBasis } from './complete.js';
import { applyQ, extractR, householderQR } from './householder.js';
import { twoSidedJacobi } from './jacobi-eigh.js';
import { formQ } from './tridiag-formq.js';
import { tridiagQL } from './tridiag-ql.js';
import { tridiagonalize } from './tridiag-reduce.js';
import { oneSidedJacobi, zeroColumns, type JacobiResult } from './jacobi-svd.js';
import { normalizeExp2, scaleExp2 } from './scale.js';
import { sortDescending } from './sort.js';

/** Throws the typed non-convergence error that both backends share. */
export function checkConverged(what: string, r: JacobiResult, maxSweeps: number): void {
  if (r.converged) return;
  throw new ConvergenceError(
    `${what} did not converge within ${maxSweeps} sweeps (largest remaining relative ` +
      `off-diagonal ${r.offMax.toExponential(2)}); raise the maxSweeps option`,
    r.sweeps, r.offMax,
  );
}

/**
 * Norms of the n columns of `work` (rows × n) into s, normalising them when `unit` is set; the
 * columns flagged `missing` (see zeroColumns) get σ = 0.
 */
function columnNorms(rows: number, n: number, work: FloatArray, s: FloatArray, unit: boolean, missing: Uint8Array): void {
  for (let j = 0; j < n; j++) {
    if (missing[j]) {
      s[j] = 0;
      continue;
    }
    s[j] = nrm2(work, j * rows, rows);
    if (unit) scal(1 / s[j], work, j * rows, rows);
  }
}

/** Full U from the QR reflectors and U_R: Q·[U_R; 0] (thin) or Q·[U_R 0; 0 I] (full). */
function formU(m: number, n: number, full: boolean, qr: FloatArray, tau: FloatArray, ur: FloatArray, dtype: Dtype): FloatArray {
  const k = full ? m : n;
  const u = allocate(dtype, m * k);
  for (let j = 0; j < n; j++) u.set(ur.subarray(j * n, j * n + n), j * m);
  for (let j = n; j < k; j++) u[j * m + j] = 1;
  applyQ(m, n, qr, tau, u, k);
  return u;
}

/** SVD of the tall column-major task.w (M ≥ N ≥ 1). */
export function svdTall(task: SvdTask): SvdParts {
  const { dtype, rows: m, cols: n, w, params } = task;
  const unit = unitRoundoff[dtype], tinySq = tinySquaredNorm[dtype];
  const e = normalizeExp2(w, m * n);
  const tall = m > n;
  const tau = allocate(dtype, n);
  let work = w;
  if (tall) {
    householderQR(m, n, w, tau, tinySq);
    work = allocate(dtype, n * n);
    extractR(m, n, w, work);
  }
  const rows = tall ? n : m;
  const v = task.v ? identity(dtype, n) : null;
  const nrm = new Float64Array(n), tol = Math.sqrt(rows) * unit;
  const r = oneSidedJacobi(rows, n, work, v, tol, tinySq, params.maxSweeps,
    params.normRecompute ?? defaultParams.normRecompute, nrm);
  checkConverged('SVD (one-sided Jacobi)', r, params.maxSweeps);
  const s = allocate(dtype, n);
  const wantU = task.u !== 'none';
  const missing = new Uint8Array(n);
  const anyMissing = zeroColumns(rows, n, work, nrm, r.floor, tinySq, tol, missing);
  columnNorms(rows, n, work, s, wantU, missing);
  if (anyMissing && wantU) {
    completeBasis(n, work, missing, new Float64Array(n));
  }
  sortDescending(n, s, wantU ? work : null, rows, v, n);
  scaleExp2(s, n, e);
  let u: FloatArray | undefined;
  if (wantU) u = tall ? formU(m, n, task.u === 'full', w, tau, work, dtype) : work;
  return { s, u, v: v ?? undefined, sweeps: r.sweeps };
}

/**
 * Leading dimension the two-sided Jacobi works with: n, or n plus 16 bytes' worth of elements
 * when a column is a multiple of 256 bytes (see jacobi-eigh.ts; mirror of eighLda in
 * assembly/driver.ts).
 */
function eighLda(dtype: Dtype, n: number): number {
  const bytes = dtype === 'float64' ? 8 : 4;
  return (n * bytes) % 256 === 0 ? n + 16 / bytes : n;
}

/**
 * Throws the typed non-convergence error of the tridiagonal QL/QR (both backends). Its sweeps
 * are counted per eigenvalue (QL sweeps / n), the unit `maxSweeps` caps, so a cap of k reports
 * k sweeps; the off-diagonal is measured on A scaled to its largest entry in [1, 2).
 */
export function checkQLConverged(r: JacobiResult, n: number, maxSweeps: number): void {
  if (r.converged) return;
  throw new ConvergenceError(
    `eigh (tridiagonal QL/QR) did not converge within ${maxSweeps} sweeps (largest remaining ` +
      `relative off-diagonal ${r.offMax.toExponential(2)}); raise the maxSweeps option or use method 'jacobi'`,
    r.sweeps / n, r.offMax,
  );
}

/** Cap on QL/QR sweeps over an n×n tridiagonal: maxSweeps per eigenvalue on average (dsteqr: 30). */
export function qlMaxIter(n: number, maxSweeps: number): number {
  return Math.min(maxSweeps * n, 2 ** 31 - 1);
}

/**
 * Eigen-decomposition by Householder tridiagonalization, Q formed explicitly, then implicit
 * QL/QR accumulating its rotations into Q (mirror of eighTridiag in assembly/driver.ts).
 */
function eighTridiag(task: EighTask): EighParts {
  const { dtype, n, a, params } = task;
  const e2 = normalizeExp2(a, n * n);
  const d = new Float64Array(n), e = new Float64Array(n), tau = new Float64Array(n);
  tridiagonalize(n, a, d, e, tau, tinySquaredNorm[dtype], dtype);
  let z: FloatArray | null = null;
  if (task.vectors) {
    z = allocate(dtype, n * n);
    formQ(n, a, tau, z, dtype);
  }
  const r = tridiagQL(n, d, e, z, n, unitRoundoff[dtype], qlMaxIter(n, params.maxSweeps));
  checkQLConverged(r, n, params.maxSweeps);
  const values = allocate(dtype, n);
  values.set(d);
  sortDescending(n, values, z, n, null, 0);
  scaleExp2(values, n, e2);
  return { values, vectors: z ?? undefined, sweeps: r.sweeps / n };
}

/** Eigen-decomposition of the symmetric column-major task.a (n ≥ 1), by task.method. */
export function eighSym(task: EighTask): EighParts {
  return task.method === 'jacobi' ? eighJacobi(task) : eighTridiag(task);
}

/** Eigen-decomposition by cyclic two-sided Jacobi. */
function eighJacobi(task: EighTask): EighParts {
  const { dtype, n, a, params } = task;
  const unit = unitRoundoff[dtype];
  const e = normalizeExp2(a, n * n);
  const lda = eighLda(dtype, n);
  let work = a;
  if (lda !== n) {
    work = allocate(dtype, lda * n);
    for (let j = 0; j < n; j++) work.set(a.subarray(j * n, j * n + n), j * lda);
  }
  const v = task.vectors ? identity(dtype, n) : null;
  const r = twoSidedJacobi(n, work, lda, v, Math.sqrt(n) * unit, unit, params.maxSweeps);
  checkConverged('eigh (two-sided Jacobi)', r, params.maxSweeps);
  const values = allocate(dtype, n);
  for (let i = 0; i < n; i++) values[i] = work[i * lda + i];
  sortDescending(n, values, v, n, null, 0);
  scaleExp2(values, n, e);
  return { values, vectors: v ?? undefined, sweeps: r.sweeps };
}
