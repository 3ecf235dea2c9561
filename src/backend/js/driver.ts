/**
 * The whole SVD and eigh pipelines on the JS backend, step for step what the wasm module's
 * `assembly/driver.ts` does (its header says why): SVD — scale each column by its own power of
 * two, Householder QR when tall, Jacobi on the square factor with the column exponents,
 * normalise and complete U, sort, form U = Q·U_R; eigh — scale, two-sided Jacobi, sort, scale back.
 * @module
 */
import { allocate, identity } from '../../arrays.js';
import { rotationFloor, tinySquaredNorm, unitRoundoff } from '../../params.js';
import type { Dtype, FloatArray } from '../../types.js';
import type { EighOutput, EighTask, SvdOutput, SvdTask } from '../types.js';
import { divide, nrm2 } from './blas.js';
import { completeBasis } from './complete.js';
import { applyQ, extractR, householderQR } from './householder.js';
import { twoSidedJacobi } from './jacobi-eigh.js';
import { checkConverged, checkQLConverged, qlMaxIter } from '../shared.js';
import { normalizeColumn, oneSidedJacobi } from './jacobi-svd.js';
import { ldexp, normalizeExp2, scaleExp2 } from '../../scale.js';
import { formQ } from './tridiag-formq.js';
import { tridiagQL } from './tridiag-ql.js';
import { tridiagonalize } from './tridiag-reduce.js';
import { sortDescending } from './sort.js';
import { bidiagonalize } from './bidiag-reduce.js';
import { formBidiagP, formBidiagQ } from './bidiag-formqp.js';
import { bidiagQR } from './bidiag-qr.js';

/**
 * σⱼ = ‖w̃ⱼ‖·2^ex[j] of the n stored columns of `work` (rows × n) into s, normalising the columns
 * when `unit` is set; a column whose last stored squared norm is zero gets σ = 0 and a flag in
 * `missing`. Returns whether any column is missing.
 */
function columnNorms(
  rows: number,
  n: number,
  work: FloatArray,
  s: FloatArray,
  unit: boolean,
  nrm: Float64Array,
  ex: Float64Array,
  missing: Uint8Array,
): boolean {
  let any = false;
  for (let j = 0; j < n; j++) {
    missing[j] = nrm[j] === 0 ? 1 : 0;
    if (missing[j]) {
      any = true;
      s[j] = 0;
      continue;
    }
    const norm = nrm2(work, j * rows, rows);
    s[j] = ldexp(norm, ex[j]);
    if (unit) divide(work, j * rows, rows, norm);
  }
  return any;
}

/**
 * Normalises the columns of the accumulated V (n×n). A rounded rotation has c² + s² = 1 + O(u),
 * so V's columns drift in norm by about u per rotation touching them (max|VᵀV − I| 7e-14 at
 * 300², against 4e-15 off the diagonal). σ stays ‖wⱼ‖, so `svdvals` equals `svd(…).S` bit for bit.
 */
function normalizeV(n: number, v: FloatArray): void {
  for (let j = 0; j < n; j++) divide(v, j * n, n, nrm2(v, j * n, n));
}

/** Full U from the QR reflectors and U_R: Q·[U_R; 0] (thin) or Q·[U_R 0; 0 I] (full). */
function formU(m: number, n: number, full: boolean, qr: FloatArray, tau: FloatArray, ur: FloatArray): FloatArray {
  const k = full ? m : n;
  const u = allocate('float64', m * k);
  for (let j = 0; j < n; j++) u.set(ur.subarray(j * n, j * n + n), j * m);
  for (let j = n; j < k; j++) u[j * m + j] = 1;
  applyQ(m, n, qr, tau, u, k);
  return u;
}

/**
 * SVD of the tall column-major task.w (M ≥ N ≥ 1). A float32 task runs on float64 storage with
 * float32's constants (tolerance, thresholds) and is rounded to float32 once at the end, so the
 * SVD kernels only ever see Float64Array: V8 keeps them monomorphic (one element type per load
 * and store site) in a process that runs both dtypes, where mixed feedback once cost 20–80%.
 * (The wasm f32 kernels round every product to f32; this path never did, see test/mirror.test.ts.)
 */
export function svdTall(task: SvdTask): SvdOutput {
  if (task.dtype === 'float64') return svdOn(task);
  const p = svdOn({ ...task, w: Float64Array.from(task.w) });
  return {
    s: Float32Array.from(p.s),
    u: p.u && Float32Array.from(p.u),
    v: p.v && Float32Array.from(p.v),
    sweeps: p.sweeps,
  };
}

/** {@link svdTall} on Float64Array storage; task.dtype selects only the constants. */
function svdOn(task: SvdTask): SvdOutput {
  return task.method === 'jacobi' ? svdJacobi(task) : svdBidiag(task);
}

/**
 * SVD by Householder QR when tall, bidiagonalization of the square factor, Q and P formed and
 * implicit bidiagonal QR accumulating into them (mirror of svdBidiag in assembly/driver.ts).
 */
function svdBidiag(task: SvdTask): SvdOutput {
  const { dtype, rows: m, cols: n, params } = task;
  const w = task.w as Float64Array<ArrayBuffer>;
  const tinySq = tinySquaredNorm[dtype],
    wantU = task.u !== 'none',
    tall = m > n;
  const e2 = normalizeExp2(w, m * n);
  const tau = new Float64Array(n);
  let work = w;
  if (tall) {
    householderQR(m, n, w, tau, tinySq);
    work = new Float64Array(n * n);
    extractR(m, n, w, work);
  }
  const d = new Float64Array(n),
    e = new Float64Array(n),
    tq = new Float64Array(n),
    tp = new Float64Array(n);
  bidiagonalize(n, work, d, e, tq, tp, tinySq);
  const ub = wantU ? new Float64Array(n * n) : null;
  const v = task.v ? new Float64Array(n * n) : null;
  if (ub) formBidiagQ(n, work, tq, ub);
  if (v) formBidiagP(n, work, tp, v);
  const r = bidiagQR(n, d, e, ub, n, n, v, n, n, unitRoundoff[dtype], qlMaxIter(n, params.maxSweeps));
  checkQLConverged(r, n, params.maxSweeps, 'SVD (bidiagonal QR)');
  const s = Float64Array.from(d);
  sortDescending(n, s, ub, n, v, n);
  scaleExp2(s, n, e2);
  let u: FloatArray | undefined;
  if (ub) u = tall ? formU(m, n, task.u === 'full', w, tau, ub) : ub;
  return { s, u, v: v ?? undefined, sweeps: r.sweeps / n };
}

/** SVD by one-sided Jacobi on Float64Array storage (mirror of svd in assembly/driver.ts). */
function svdJacobi(task: SvdTask): SvdOutput {
  const { dtype, rows: m, cols: n, w, params } = task;
  const unit = unitRoundoff[dtype],
    tinySq = tinySquaredNorm[dtype];
  const ex = new Float64Array(n);
  for (let j = 0; j < n; j++) normalizeColumn(w, j * m, m, ex, j);
  const tall = m > n;
  const tau = new Float64Array(n);
  let work = w;
  if (tall) {
    householderQR(m, n, w, tau, tinySq);
    work = allocate('float64', n * n);
    extractR(m, n, w, work);
  }
  const rows = tall ? n : m;
  const v = task.v ? identity('float64', n) : null;
  const nrm = new Float64Array(n),
    tol = Math.sqrt(rows) * unit;
  const r = oneSidedJacobi(rows, n, work, v, tol, unit, params.maxSweeps, nrm, ex);
  checkConverged('SVD (one-sided Jacobi)', r, params.maxSweeps);
  const s = new Float64Array(n);
  const wantU = task.u !== 'none';
  const missing = new Uint8Array(n);
  if (v) normalizeV(n, v);
  const anyMissing = columnNorms(rows, n, work, s, wantU, nrm, ex, missing);
  if (anyMissing && wantU) {
    completeBasis(n, work, missing, new Float64Array(n));
  }
  sortDescending(n, s, wantU ? work : null, rows, v, n);
  let u: FloatArray | undefined;
  if (wantU) u = tall ? formU(m, n, task.u === 'full', w, tau, work) : work;
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
 * Eigen-decomposition by Householder tridiagonalization, Q formed explicitly, then implicit
 * QL/QR accumulating its rotations into Q (mirror of eighTridiag in assembly/driver.ts).
 */
function eighTridiag(task: EighTask): EighOutput {
  const { dtype, n, a, params } = task;
  const e2 = normalizeExp2(a, n * n);
  const d = new Float64Array(n),
    e = new Float64Array(n),
    tau = new Float64Array(n);
  tridiagonalize(n, a, d, e, tau, tinySquaredNorm[dtype], dtype);
  let z: FloatArray | null = null;
  if (task.vectors) {
    z = allocate(dtype, n * n);
    formQ(n, a, tau, z, dtype);
  }
  const r = tridiagQL(n, d, e, z, n, unitRoundoff[dtype], qlMaxIter(n, params.maxSweeps));
  checkQLConverged(r, n, params.maxSweeps, 'eigh (tridiagonal QL/QR)');
  const values = allocate(dtype, n);
  values.set(d);
  sortDescending(n, values, z, n, null, 0);
  scaleExp2(values, n, e2);
  return { values, vectors: z ?? undefined, sweeps: r.sweeps / n };
}

/** Eigen-decomposition of the symmetric column-major task.a (n ≥ 1), by task.method. */
export function eighSym(task: EighTask): EighOutput {
  return task.method === 'jacobi' ? eighJacobi(task) : eighTridiag(task);
}

/** Eigen-decomposition by cyclic two-sided Jacobi. */
function eighJacobi(task: EighTask): EighOutput {
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
  const r = twoSidedJacobi(n, work, lda, v, Math.sqrt(n) * unit, rotationFloor[dtype], params.maxSweeps);
  checkConverged('eigh (two-sided Jacobi)', r, params.maxSweeps);
  const values = allocate(dtype, n);
  for (let i = 0; i < n; i++) values[i] = work[i * lda + i];
  sortDescending(n, values, v, n, null, 0);
  scaleExp2(values, n, e);
  return { values, vectors: v ?? undefined, sweeps: r.sweeps };
}
