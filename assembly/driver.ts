/**
 * The whole SVD and eigh pipelines, step for step what `src/backend/js/driver.ts` does. SVD by
 * Jacobi: scale each column by its own power of two, Householder QR when tall (column scaling
 * commutes with it, and its columnwise backward error keeps relative accuracy), Jacobi on the
 * square factor with the column exponents, normalise and complete U, sort, form U = Q·[U_R; 0]
 * (thin) or Q·[U_R 0; 0 I] (full). SVD by bidiagonalization: scale by one power of two, QR when
 * tall, bidiagonalize the square factor, form its Q and P, implicit QR on the bidiagonal into
 * them, sort, scale back, form U as above. eigh: scale by a power of two, two-sided Jacobi (or
 * tridiagonal reduction and QL/QR), sort, scale back.
 *
 * ABI (all pointers are byte addresses in linear memory, laid out by the caller; the kernels
 * never allocate and never read memory they did not write, so the arena needs no clearing):
 *   svdF64/svdF32(m, n, w, s, u, v, uMode, wantV, scratch, maxSweeps, status) → 0 | 1
 *     w: m×n column-major working copy (m ≥ n ≥ 1), overwritten; s: n singular values;
 *     u: m×n (uMode 1, thin) or m×m (uMode 2, full), 0 for uMode 0; when m = n, u may equal w;
 *     v: n×n (wantV ≠ 0) else 0; scratch: svdScratch*(m, n) bytes; status: 3 f64
 *     (converged 1/0, sweeps, offMax). Returns 1 when Jacobi hit maxSweeps (outputs undefined).
 *   eighF64/eighF32(n, a, values, vectors, scratch, maxSweeps, status) → 0 | 1
 *     a: n×n column-major symmetric, overwritten; values: n; vectors: n×n or 0;
 *     scratch: eighScratch*(n) bytes (a padded copy of A for n·sizeof = 0 mod 256, else 0).
 *   eighTridiagF64/F32(n, a, values, vectors, scratch, maxIter, status) → 0 | 1
 *     as eigh, by tridiagonal reduction and implicit QL/QR; vectors = 0 computes values only
 *     (O(n²) after the reduction); maxIter caps QL sweeps over the whole matrix;
 *     scratch: eighTridiagScratch*(n) bytes; status: converged, sweeps, largest remaining |e|.
 *   svdBidiagF64/F32(m, n, w, s, u, v, uMode, wantV, scratch, maxIter, status) → 0 | 1
 *     as svd, by bidiagonalization and implicit bidiagonal QR; u never aliases w; maxIter caps
 *     the QR sweeps over the whole bidiagonal; scratch: svdBidiagScratch*(m, n, uMode ≠ 0).
 *   bidiagBlock*, bidiagQR*: the route's two building blocks, exported for tests and benches.
 * Every region should be 16-byte aligned (unaligned works, slower).
 */
import { nrm2 } from './kernels/dot';
import { ldexp, normalizeExp2, scaleExp2 } from './kernels/scale';
import { align16, align16f, at } from './kernels/address';
import { sortDescending } from './kernels/sort';
import { divide, setIdentity } from './kernels/vec';
import { completeBasis } from './jacobi/complete';
import { twoSidedJacobi } from './jacobi/eigh';
import { normalizeColumn, oneSidedJacobi } from './jacobi/svd';
import { applyQ, extractR, householderQR, householderScratch } from './qr/householder';
import { rotationFloor, tinySquaredNorm, unitRoundoff } from './params';
import { formQ, formQScratch } from './tridiag/formq';
import { tridiagQL, tridiagQLScratch } from './tridiag/ql';
import { tridiagonalize, tridiagScratch } from './tridiag/reduce';
import { bidiagonalize, bidiagScratch } from './bidiag/reduce';
import { formBidiagP, formBidiagQ, formQPScratch } from './bidiag/formqp';
import { bidiagQR, bidiagQRScratch } from './bidiag/qr';

/**
 * Bytes of scratch {@link svd} needs for an m×n problem: R / U_R (n×n, only when m > n), τ
 * (n), Jacobi's tracked column norms, column exponents and norm marks (n f64 each), the completion's row
 * sums (n f64) and the missing-column flags (n bytes), then (only when m > n) the blocked QR's
 * workspace, shared by householderQR at the start and applyQ in formU at the end (sized for the
 * full U's m columns), each 16-aligned. In f64 so that sizes beyond 4 GiB are reported, not wrapped.
 */
function svdScratch<T>(m: f64, n: f64): f64 {
  const b = <f64>sizeof<T>(), qr = m > n ? align16f(n * n * b) + align16f(householderScratch<T>(m, m)) : 0;
  return qr + align16f(n * b) + 4 * align16f(n * 8) + align16f(n);
}

/**
 * σⱼ = ‖w̃ⱼ‖·2^ex[j] of the n stored columns of `work` (rows × n) into s, normalising the
 * columns when `unit` is set; a column whose last stored squared norm `nrm` is zero gets σ = 0
 * and a u8 flag in `missing`. Returns whether any column is missing.
 */
function columnNorms<T>(
  rows: usize, n: usize, work: usize, s: usize, unit: bool, nrm: usize, ex: usize, missing: usize,
): bool {
  let any = false;
  for (let j: usize = 0; j < n; j++) {
    const zero = load<f64>(at<f64>(nrm, j)) == 0;
    store<u8>(missing + j, zero ? 1 : 0);
    any = any || zero;
    if (zero) {
      store<T>(at<T>(s, j), <T>0);
      continue;
    }
    const col = at<T>(work, j * rows);
    const norm = nrm2<T>(col, rows);
    store<T>(at<T>(s, j), <T>ldexp(norm, <i32>load<f64>(at<f64>(ex, j))));
    if (unit) divide<T>(col, rows, norm);
  }
  return any;
}

/**
 * Normalises the columns of the accumulated V (n×n). A rounded rotation has c² + s² = 1 + O(u),
 * so V's columns drift in norm by about u per rotation touching them (max|VᵀV − I| 7e-14 at
 * 300², against 4e-15 off the diagonal). σ stays ‖wⱼ‖, so `svdvals` equals `svd(…).S` bit for bit.
 */
function normalizeV<T>(n: usize, v: usize): void {
  for (let j: usize = 0; j < n; j++) {
    const col = at<T>(v, j * n);
    divide<T>(col, n, nrm2<T>(col, n));
  }
}

/** U (m×k, k = n or m) from the QR reflectors and U_R: Q·[U_R; 0] (thin) or Q·[U_R 0; 0 I] (full). */
function formU<T>(
  m: usize, n: usize, full: bool, qr: usize, tau: usize, ur: usize, u: usize, scratch: usize,
): void {
  const k = full ? m : n;
  memory.fill(u, 0, (m * k) << alignof<T>());
  for (let j: usize = 0; j < n; j++) memory.copy(at<T>(u, j * m), at<T>(ur, j * n), n << alignof<T>());
  for (let j = n; j < k; j++) store<T>(at<T>(u, j * m + j), <T>1);
  applyQ<T>(m, n, qr, tau, u, k, scratch);
}

/** SVD of the tall column-major w (m ≥ n ≥ 1); see the ABI in the file header. */
function svd<T>(
  m: usize, n: usize, w: usize, s: usize, u: usize, v: usize, uMode: i32, wantV: bool,
  scratch: usize, maxSweeps: i32, status: usize,
): i32 {
  const unit = unitRoundoff<T>(), tinySq = tinySquaredNorm<T>();
  const tall = m > n;
  let p = scratch;
  let work = w;
  if (tall) {
    work = p;
    p += align16((n * n) << alignof<T>());
  }
  const tau = p;
  p += align16(n << alignof<T>());
  const rowSq = p;
  p += align16(n << 3);
  const nrm = p;
  p += align16(n << 3);
  const ex = p;
  p += align16(n << 3);
  const mark = p;
  p += align16(n << 3);
  const missing = p;
  p += align16(n);
  const qrs = p;
  memory.fill(ex, 0, n << 3);
  for (let j: usize = 0; j < n; j++) normalizeColumn<T>(at<T>(w, j * m), m, at<f64>(ex, j));
  if (tall) {
    householderQR<T>(m, n, w, tau, tinySq, qrs);
    extractR<T>(m, n, w, work);
  }
  const rows = tall ? n : m;
  const vv: usize = wantV ? v : 0;
  if (vv) setIdentity<T>(vv, n);
  const tol = Math.sqrt(<f64>rows) * unit;
  const ok = oneSidedJacobi<T>(rows, n, work, vv, tol, unit, maxSweeps, status, nrm, ex, mark);
  if (!ok) return 1;
  const wantU = uMode != 0;
  if (vv) normalizeV<T>(n, vv);
  const anyMissing = columnNorms<T>(rows, n, work, s, wantU, nrm, ex, missing);
  if (anyMissing && wantU) {
    completeBasis<T>(n, work, missing, rowSq);
  }
  sortDescending<T>(n, s, wantU ? work : 0, rows, vv, n);
  if (wantU) {
    if (tall) formU<T>(m, n, uMode == 2, w, tau, work, u, qrs);
    else if (u != w) memory.copy(u, w, (m * n) << alignof<T>());
  }
  return 0;
}

/**
 * Leading dimension the two-sided Jacobi works with: n, or n plus one vector when a column is a
 * multiple of 256 bytes (see jacobi/eigh.ts: power-of-two row strides thrash the cache).
 */
@inline function eighLda<T>(n: usize): usize {
  return ((n << alignof<T>()) & 255) == 0 ? n + 16 / sizeof<T>() : n;
}

/** Bytes of scratch {@link eigh} needs: the padded copy of A when it is padded, else none. */
function eighScratch<T>(n: f64): f64 {
  const b = <f64>sizeof<T>();
  return (n * b) % 256 == 0 && n > 0 ? align16f((n + 16 / b) * n * b) : 0;
}

/** Eigen-decomposition of the symmetric column-major a (n ≥ 1); see the ABI in the file header. */
function eigh<T>(
  n: usize, a: usize, values: usize, vectors: usize, scratch: usize, maxSweeps: i32, status: usize,
): i32 {
  const unit = unitRoundoff<T>();
  const e = normalizeExp2<T>(a, n * n);
  const lda = eighLda<T>(n);
  let work = a;
  if (lda != n) {
    work = scratch;
    for (let j: usize = 0; j < n; j++) memory.copy(at<T>(work, j * lda), at<T>(a, j * n), n << alignof<T>());
  }
  if (vectors) setIdentity<T>(vectors, n);
  const ok = twoSidedJacobi<T>(n, work, lda, vectors, Math.sqrt(<f64>n) * unit, rotationFloor<T>(), maxSweeps, status);
  if (!ok) return 1;
  for (let i: usize = 0; i < n; i++) store<T>(at<T>(values, i), load<T>(at<T>(work, i * lda + i)));
  sortDescending<T>(n, values, vectors, n, 0, 0);
  scaleExp2<T>(values, n, e);
  return 0;
}

/**
 * Bytes of scratch {@link eighTridiag} needs: d, e, τ (n f64 each), then the
 * largest of the reduction's, formQ's and the QL queue's workspaces (each step is done when the
 * next starts), each 16-aligned.
 */
function eighTridiagScratch<T>(n: f64): f64 {
  const ql = align16f(tridiagQLScratch(n)), form = align16f(formQScratch<T>(n));
  const work = Math.max(Math.max(ql, form), align16f(tridiagScratch<T>(n)));
  return 3 * align16f(n * 8) + work;
}

/**
 * Eigen-decomposition of the symmetric column-major a (n ≥ 1) by Householder tridiagonalization,
 * Q formed explicitly and implicit QL/QR accumulating into it (dsytrd + dorgtr + dsteqr).
 */
function eighTridiag<T>(
  n: usize, a: usize, values: usize, vectors: usize, scratch: usize, maxIter: i32, status: usize,
): i32 {
  const e2 = normalizeExp2<T>(a, n * n);
  const nb = align16(n << 3);
  const d = scratch, e = d + nb, tau = e + nb, work = tau + nb;
  tridiagonalize<T>(n, a, d, e, tau, tinySquaredNorm<T>(), work);
  if (vectors) formQ<T>(n, a, tau, vectors, work);
  const ok = tridiagQL<T>(n, d, e, vectors, n, work, unitRoundoff<T>(), maxIter, status);
  if (!ok) return 1;
  for (let i: usize = 0; i < n; i++) store<T>(at<T>(values, i), <T>load<f64>(d + (i << 3)));
  sortDescending<T>(n, values, vectors, n, 0, 0);
  scaleExp2<T>(values, n, e2);
  return 0;
}

/** Entry point: float64 eigh by tridiagonal reduction (ABI in the file header). */
export function eighTridiagF64(
  n: usize, a: usize, values: usize, vectors: usize, scratch: usize, maxIter: i32, status: usize,
): i32 {
  return eighTridiag<f64>(n, a, values, vectors, scratch, maxIter, status);
}

/** Entry point: float32 eigh by tridiagonal reduction (ABI in the file header). */
export function eighTridiagF32(
  n: usize, a: usize, values: usize, vectors: usize, scratch: usize, maxIter: i32, status: usize,
): i32 {
  return eighTridiag<f32>(n, a, values, vectors, scratch, maxIter, status);
}

/** Scratch bytes of {@link eighTridiagF64}. */
export function eighTridiagScratchF64(n: f64): f64 {
  return eighTridiagScratch<f64>(n);
}

/** Scratch bytes of {@link eighTridiagF32}. */
export function eighTridiagScratchF32(n: f64): f64 {
  return eighTridiagScratch<f32>(n);
}

/**
 * Bytes of scratch {@link svdBidiag} needs for an m×n problem: the QR's R and τ (only when
 * m > n), U_B (n×n, when U is wanted), d, e, τ_Q, τ_P (n f64 each), then the largest of the
 * reduction's, the forming's, the bidiagonal QR's and (when m > n) the blocked QR's workspaces:
 * each step is done when the next starts, and the QR (before bidiagonalize) and applyQ (in formU,
 * after bidiagQR) use the area while it is free. Each 16-aligned.
 */
function svdBidiagScratch<T>(m: f64, n: f64, wantU: bool): f64 {
  const b = <f64>sizeof<T>(), nn = align16f(n * n * b);
  const qr = m > n ? nn + align16f(n * b) : 0;
  const reduce = align16f(bidiagScratch<T>(n)), form = align16f(formQPScratch<T>(n));
  const house = m > n ? align16f(householderScratch<T>(m, wantU ? m : n)) : 0;
  const work = Math.max(Math.max(Math.max(reduce, form), align16f(bidiagQRScratch(n))), house);
  return qr + (wantU ? nn : 0) + 4 * align16f(n * 8) + work;
}

/**
 * SVD of the tall column-major w (m ≥ n ≥ 1) by Householder QR when tall, bidiagonalization of
 * the square factor, Q and P formed explicitly and implicit QR on the bidiagonal accumulating
 * into them (dgeqrf + dgebrd + dorgbr + dbdsqr). Same ABI as {@link svd} with maxIter capping
 * the QR sweeps over the whole bidiagonal and scratch from svdBidiagScratch*(m, n, uMode ≠ 0).
 */
function svdBidiag<T>(
  m: usize, n: usize, w: usize, s: usize, u: usize, v: usize, uMode: i32, wantV: bool,
  scratch: usize, maxIter: i32, status: usize,
): i32 {
  const tinySq = tinySquaredNorm<T>(), wantU = uMode != 0, tall = m > n;
  const e2 = normalizeExp2<T>(w, m * n);
  const nn = align16((n * n) << alignof<T>()), nb = align16(n << 3);
  let p = scratch, work = w, tau: usize = 0, ub: usize = 0;
  if (tall) {
    work = p;
    tau = p + nn;
    p = tau + align16(n << alignof<T>());
  }
  if (wantU) {
    ub = p;
    p += nn;
  }
  const d = p, e = d + nb, tq = e + nb, tp = tq + nb, ws = tp + nb;
  if (tall) {
    // The workspace area is free until bidiagonalize: the blocked QR works there.
    householderQR<T>(m, n, w, tau, tinySq, ws);
    extractR<T>(m, n, w, work);
  }
  bidiagonalize<T>(n, work, d, e, tq, tp, tinySq, ws);
  if (wantU) formBidiagQ<T>(n, work, tq, ub, ws);
  if (wantV) formBidiagP<T>(n, work, tp, v, ws);
  const ok = bidiagQR<T>(n, d, e, ub, n, n, wantV ? v : 0, n, n, ws, unitRoundoff<T>(), maxIter, status);
  if (!ok) return 1;
  for (let i: usize = 0; i < n; i++) store<T>(at<T>(s, i), <T>load<f64>(d + (i << 3)));
  sortDescending<T>(n, s, ub, n, wantV ? v : 0, n);
  scaleExp2<T>(s, n, e2);
  if (wantU) {
    if (tall) formU<T>(m, n, uMode == 2, w, tau, ub, u, ws);
    else memory.copy(u, ub, (n * n) << alignof<T>());
  }
  return 0;
}

/** Entry point: float64 SVD by bidiagonalization (ABI in the file header). */
export function svdBidiagF64(
  m: usize, n: usize, w: usize, s: usize, u: usize, v: usize, uMode: i32, wantV: bool,
  scratch: usize, maxIter: i32, status: usize,
): i32 {
  return svdBidiag<f64>(m, n, w, s, u, v, uMode, wantV, scratch, maxIter, status);
}

/** Entry point: float32 SVD by bidiagonalization (ABI in the file header). */
export function svdBidiagF32(
  m: usize, n: usize, w: usize, s: usize, u: usize, v: usize, uMode: i32, wantV: bool,
  scratch: usize, maxIter: i32, status: usize,
): i32 {
  return svdBidiag<f32>(m, n, w, s, u, v, uMode, wantV, scratch, maxIter, status);
}

/** Scratch bytes of {@link svdBidiagF64}. */
export function svdBidiagScratchF64(m: f64, n: f64, wantU: bool): f64 {
  return svdBidiagScratch<f64>(m, n, wantU);
}

/** Scratch bytes of {@link svdBidiagF32}. */
export function svdBidiagScratchF32(m: f64, n: f64, wantU: bool): f64 {
  return svdBidiagScratch<f32>(m, n, wantU);
}

/**
 * Building block, exported for tests: bidiagonalizes the n×n a in place (d, e: n f64) and, when
 * q / p ≠ 0, forms Q and P (n×n each) so that A = Q·B·Pᵀ. scratch: bidiagBlockScratch*(n).
 */
function bidiagBlock<T>(n: usize, a: usize, d: usize, e: usize, q: usize, p: usize, scratch: usize): void {
  const nb = align16(n << 3), tq = scratch, tp = tq + nb, ws = tp + nb;
  bidiagonalize<T>(n, a, d, e, tq, tp, tinySquaredNorm<T>(), ws);
  if (q) formBidiagQ<T>(n, a, tq, q, ws);
  if (p) formBidiagP<T>(n, a, tp, p, ws);
}

function bidiagBlockScratch<T>(n: f64): f64 {
  return 2 * align16f(n * 8) + Math.max(align16f(bidiagScratch<T>(n)), align16f(formQPScratch<T>(n)));
}

/** Building block, exported for tests: float64 {@link bidiagBlock}. */
export function bidiagBlockF64(n: usize, a: usize, d: usize, e: usize, q: usize, p: usize, scratch: usize): void {
  bidiagBlock<f64>(n, a, d, e, q, p, scratch);
}

/** Building block, exported for tests: float32 {@link bidiagBlock}. */
export function bidiagBlockF32(n: usize, a: usize, d: usize, e: usize, q: usize, p: usize, scratch: usize): void {
  bidiagBlock<f32>(n, a, d, e, q, p, scratch);
}

/** Scratch bytes of {@link bidiagBlockF64}. */
export function bidiagBlockScratchF64(n: f64): f64 {
  return bidiagBlockScratch<f64>(n);
}

/** Scratch bytes of {@link bidiagBlockF32}. */
export function bidiagBlockScratchF32(n: f64): f64 {
  return bidiagBlockScratch<f32>(n);
}

/**
 * Building block, exported for tests: the bidiagonal QR on (d, e) accumulating into the n×n u
 * and v (either may be 0), unit roundoff of T. scratch: bidiagQRScratch(n).
 */
export function bidiagQRF64(
  n: usize, d: usize, e: usize, u: usize, v: usize, scratch: usize, maxIter: i32, status: usize,
): i32 {
  return bidiagQR<f64>(n, d, e, u, n, n, v, n, n, scratch, unitRoundoff<f64>(), maxIter, status) ? 0 : 1;
}

/** Building block, exported for tests: float32 {@link bidiagQRF64} (u, v in f32). */
export function bidiagQRF32(
  n: usize, d: usize, e: usize, u: usize, v: usize, scratch: usize, maxIter: i32, status: usize,
): i32 {
  return bidiagQR<f32>(n, d, e, u, n, n, v, n, n, scratch, unitRoundoff<f32>(), maxIter, status) ? 0 : 1;
}

/** Scratch bytes of {@link bidiagQRF64} / {@link bidiagQRF32}. */
export function bidiagQRScratchBytes(n: f64): f64 {
  return bidiagQRScratch(n);
}

/** Entry point: float64 SVD (ABI in the file header). */
export function svdF64(
  m: usize, n: usize, w: usize, s: usize, u: usize, v: usize, uMode: i32, wantV: bool,
  scratch: usize, maxSweeps: i32, status: usize,
): i32 {
  return svd<f64>(m, n, w, s, u, v, uMode, wantV, scratch, maxSweeps, status);
}

/** Entry point: float32 SVD (ABI in the file header). */
export function svdF32(
  m: usize, n: usize, w: usize, s: usize, u: usize, v: usize, uMode: i32, wantV: bool,
  scratch: usize, maxSweeps: i32, status: usize,
): i32 {
  return svd<f32>(m, n, w, s, u, v, uMode, wantV, scratch, maxSweeps, status);
}

/** Scratch bytes of {@link svdF64} for an m×n problem. */
export function svdScratchF64(m: f64, n: f64): f64 {
  return svdScratch<f64>(m, n);
}

/** Scratch bytes of {@link svdF32} for an m×n problem. */
export function svdScratchF32(m: f64, n: f64): f64 {
  return svdScratch<f32>(m, n);
}

/** Entry point: float64 symmetric eigen-decomposition (ABI in the file header). */
export function eighF64(
  n: usize, a: usize, values: usize, vectors: usize, scratch: usize, maxSweeps: i32, status: usize,
): i32 {
  return eigh<f64>(n, a, values, vectors, scratch, maxSweeps, status);
}

/** Entry point: float32 symmetric eigen-decomposition (ABI in the file header). */
export function eighF32(
  n: usize, a: usize, values: usize, vectors: usize, scratch: usize, maxSweeps: i32, status: usize,
): i32 {
  return eigh<f32>(n, a, values, vectors, scratch, maxSweeps, status);
}

/** Scratch bytes of {@link eighF64}. */
export function eighScratchF64(n: f64): f64 {
  return eighScratch<f64>(n);
}

/** Scratch bytes of {@link eighF32}. */
export function eighScratchF32(n: f64): f64 {
  return eighScratch<f32>(n);
}
