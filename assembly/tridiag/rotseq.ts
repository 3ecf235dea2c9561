/**
 * Applies a sequence of plane rotations to adjacent columns of Z (LAPACK dlasr, SIDE = 'R',
 * PIVOT = 'V'): rotation j acts on columns (j, j+1) as
 *   x = Z(:, j+1), y = Z(:, j):  Z(:, j+1) ← c_j·x − s_j·y,  Z(:, j) ← s_j·x + c_j·y,
 * for j = count−1 … 0 (backward, the QL sweep) or j = 0 … count−1 (forward, QR).
 * Rows are independent, so the SIMD build walks the rows in strips of four vectors and carries
 * the column shared by consecutive rotations in registers: one load and one store per element
 * per rotation instead of two of each, on a strip that stays in L1. Every element sees the same
 * operations in the same order as the column-by-column form, so the result is bitwise the same.
 * c and s arrive in f64 and are rounded once to the element type.
 * Reference: LAPACK dlasr. Mirror of `rotateSequence` in `src/backend/js/tridiag-ql.ts`.
 */
import { at } from '../kernels/address';

@inline function rotX<T>(c: v128, s: v128, x: v128, y: v128): v128 {
  return v128.sub<T>(v128.mul<T>(c, x), v128.mul<T>(s, y));
}

@inline function rotY<T>(c: v128, s: v128, x: v128, y: v128): v128 {
  return v128.add<T>(v128.mul<T>(s, x), v128.mul<T>(c, y));
}

/**
 * One row strip (64 bytes a column, columns ldzB bytes apart) of the sequence, carrying the
 * shared column in four registers (six measured 10–20 % slower: they spill).
 */
function strip<T>(z: usize, ldzB: usize, cs: usize, sn: usize, count: usize, backward: bool): void {
  if (backward) {
    let p = z + count * ldzB;
    let x0 = v128.load(p), x1 = v128.load(p, 16), x2 = v128.load(p, 32), x3 = v128.load(p, 48);
    for (let j = <isize>count - 1; j >= 0; j--) {
      const c = v128.splat<T>(<T>load<f64>(cs + (<usize>j << 3)));
      const s = v128.splat<T>(<T>load<f64>(sn + (<usize>j << 3)));
      const q = p - ldzB;
      const y0 = v128.load(q), y1 = v128.load(q, 16), y2 = v128.load(q, 32), y3 = v128.load(q, 48);
      v128.store(p, rotX<T>(c, s, x0, y0));
      v128.store(p, rotX<T>(c, s, x1, y1), 16);
      v128.store(p, rotX<T>(c, s, x2, y2), 32);
      v128.store(p, rotX<T>(c, s, x3, y3), 48);
      x0 = rotY<T>(c, s, x0, y0);
      x1 = rotY<T>(c, s, x1, y1);
      x2 = rotY<T>(c, s, x2, y2);
      x3 = rotY<T>(c, s, x3, y3);
      p = q;
    }
    v128.store(p, x0);
    v128.store(p, x1, 16);
    v128.store(p, x2, 32);
    v128.store(p, x3, 48);
  } else {
    let p = z;
    let y0 = v128.load(p), y1 = v128.load(p, 16), y2 = v128.load(p, 32), y3 = v128.load(p, 48);
    for (let j: usize = 0; j < count; j++) {
      const c = v128.splat<T>(<T>load<f64>(cs + (j << 3))), s = v128.splat<T>(<T>load<f64>(sn + (j << 3)));
      const q = p + ldzB;
      const x0 = v128.load(q), x1 = v128.load(q, 16), x2 = v128.load(q, 32), x3 = v128.load(q, 48);
      v128.store(p, rotY<T>(c, s, x0, y0));
      v128.store(p, rotY<T>(c, s, x1, y1), 16);
      v128.store(p, rotY<T>(c, s, x2, y2), 32);
      v128.store(p, rotY<T>(c, s, x3, y3), 48);
      y0 = rotX<T>(c, s, x0, y0);
      y1 = rotX<T>(c, s, x1, y1);
      y2 = rotX<T>(c, s, x2, y2);
      y3 = rotX<T>(c, s, x3, y3);
      p = q;
    }
    v128.store(p, y0);
    v128.store(p, y1, 16);
    v128.store(p, y2, 32);
    v128.store(p, y3, 48);
  }
}

/** Rows [r0, rows) of the sequence, one element at a time, rotation by rotation. */
function columns<T>(
  r0: usize, rows: usize, z: usize, ldz: usize, cs: usize, sn: usize, count: usize, backward: bool,
): void {
  for (let t: usize = 0; t < count; t++) {
    const j = backward ? count - 1 - t : t;
    const c = <T>load<f64>(cs + (j << 3)), s = <T>load<f64>(sn + (j << 3));
    const py = at<T>(z, j * ldz), px = at<T>(z, (j + 1) * ldz);
    for (let i = r0; i < rows; i++) {
      const x = load<T>(at<T>(px, i)), y = load<T>(at<T>(py, i));
      store<T>(at<T>(px, i), c * x - s * y);
      store<T>(at<T>(py, i), s * x + c * y);
    }
  }
}

/**
 * Deferred sweeps. The QL/QR iterations need Z only at the end, so whole sweeps are queued
 * (their c, s in a buffer) and applied together: for each row strip, every queued sweep in
 * order. A strip of Z (4 vectors × the active columns) then stays in L1/L2 across the queued
 * sweeps instead of streaming all of Z through memory once per sweep. Each element still sees
 * the same rotations in the same order, so the result is bitwise that of immediate application.
 * A queue's state lives in its own buffer (a 16-byte header: capacity, rotations used, sweeps
 * queued), so several queues coexist: the bidiagonal QR keeps one for U and one for V.
 * Buffer layout: header, c[cap], s[cap], sweep table (16 bytes a sweep), packed row strip.
 */
/** Sweeps queued at most, and rotations buffered at most per column of Z (see rotQueueScratch). */
const MAX_SWEEPS: usize = 64;
const ROTS_PER_COLUMN: usize = 16;
const HEADER: usize = 16;

/**
 * Bytes of a queue for an n-column Z: the header, c and s for ROTS_PER_COLUMN·n rotations,
 * the sweep table, and one packed row strip (64 bytes a column). A multiple of 16.
 */
export function rotQueueScratch(n: f64): f64 {
  return <f64>HEADER + 16 * <f64>ROTS_PER_COLUMN * Math.max(n, 1) + 16 * <f64>MAX_SWEEPS + 64 * Math.max(n, 1);
}

@inline function qCap(q: usize): usize {
  return <usize>load<u32>(q);
}

@inline function qUsed(q: usize): usize {
  return <usize>load<u32>(q, 4);
}

@inline function qSweeps(q: usize): usize {
  return <usize>load<u32>(q, 8);
}

/** Starts an empty queue in the buffer q (rotQueueScratch(n) bytes, 16-aligned) for a Z of n columns. */
export function queueInit(q: usize, n: usize): void {
  store<u32>(q, <u32>(ROTS_PER_COLUMN * max<usize>(n, 1)));
  store<u32>(q, 0, 4);
  store<u32>(q, 0, 8);
}

/** Cosine slot of rotation i of the sweep being built in queue q (after queueReserve). */
@inline export function queueC(q: usize, i: usize): usize {
  return q + HEADER + ((qUsed(q) + i) << 3);
}

/** Sine slot of rotation i of the sweep being built in queue q. */
@inline export function queueS(q: usize, i: usize): usize {
  return q + HEADER + ((qCap(q) + qUsed(q) + i) << 3);
}

/** Makes room in queue q for a sweep of `count` rotations, applying the queue to z first if it is full. */
export function queueReserve<T>(q: usize, count: usize, rows: usize, z: usize, ldz: usize): void {
  if (qUsed(q) + count > qCap(q) || qSweeps(q) == MAX_SWEEPS) queueFlush<T>(q, rows, z, ldz);
}

/** Queues the sweep whose c, s were written at queueC/queueS(q, 0 … count): columns col0 … col0+count. */
export function queuePush(q: usize, col0: usize, count: usize, backward: bool): void {
  const used = qUsed(q), sweeps = qSweeps(q);
  const t = q + HEADER + (qCap(q) << 4) + (sweeps << 4);
  store<u32>(t, <u32>col0);
  store<u32>(t, <u32>count, 4);
  store<u32>(t, backward ? 1 : 0, 8);
  store<u32>(t, <u32>used, 12);
  store<u32>(q, <u32>(used + count), 4);
  store<u32>(q, <u32>(sweeps + 1), 8);
}

/**
 * Applies every sweep queued in q to the rows×n column-major z (leading dimension ldz) and
 * empties the queue. SIMD: each row strip of the columns the sweeps touch is first packed into
 * a contiguous buffer (64 bytes a column): walking Z's own columns with a power-of-two stride
 * (n = 256, 512, 1024 in f64) would map them all to a few cache sets and evict the strip.
 */
export function queueFlush<T>(q: usize, rows: usize, z: usize, ldz: usize): void {
  const cap = qCap(q), sweeps = qSweeps(q);
  const cBase = q + HEADER, sBase = cBase + (cap << 3);
  const table = cBase + (cap << 4);
  let r: usize = 0;
  if (ASC_FEATURE_SIMD && sweeps > 0) {
    const R: usize = 64 / sizeof<T>();
    const ldzB = ldz << alignof<T>();
    const pack = table + (MAX_SWEEPS << 4);
    let c0 = <usize>load<u32>(table), c1 = c0;
    for (let k: usize = 0; k < sweeps; k++) {
      const t = table + (k << 4);
      c0 = min<usize>(c0, <usize>load<u32>(t));
      c1 = max<usize>(c1, <usize>load<u32>(t) + <usize>load<u32>(t, 4));
    }
    for (; r + R <= rows; r += R) {
      let src = at<T>(z, c0 * ldz + r);
      for (let j = c0; j <= c1; j++) {
        const dst = pack + ((j - c0) << 6);
        v128.store(dst, v128.load(src));
        v128.store(dst, v128.load(src, 16), 16);
        v128.store(dst, v128.load(src, 32), 32);
        v128.store(dst, v128.load(src, 48), 48);
        src += ldzB;
      }
      for (let k: usize = 0; k < sweeps; k++) {
        const t = table + (k << 4);
        const col0 = <usize>load<u32>(t), count = <usize>load<u32>(t, 4), off = <usize>load<u32>(t, 12);
        strip<T>(pack + ((col0 - c0) << 6), 64, cBase + (off << 3), sBase + (off << 3), count, load<u32>(t, 8) != 0);
      }
      let dst = at<T>(z, c0 * ldz + r);
      for (let j = c0; j <= c1; j++) {
        const p = pack + ((j - c0) << 6);
        v128.store(dst, v128.load(p));
        v128.store(dst, v128.load(p, 16), 16);
        v128.store(dst, v128.load(p, 32), 32);
        v128.store(dst, v128.load(p, 48), 48);
        dst += ldzB;
      }
    }
  }
  if (r < rows) {
    for (let k: usize = 0; k < sweeps; k++) {
      const t = table + (k << 4);
      const col0 = <usize>load<u32>(t), count = <usize>load<u32>(t, 4), off = <usize>load<u32>(t, 12);
      const back = load<u32>(t, 8) != 0;
      columns<T>(r, rows, at<T>(z, col0 * ldz), ldz, cBase + (off << 3), sBase + (off << 3), count, back);
    }
  }
  store<u32>(q, 0, 4);
  store<u32>(q, 0, 8);
}
