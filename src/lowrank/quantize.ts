/**
 * Per-vector storage of factor entries at a chosen precision (little-endian), and the error bound
 * of each, for an entry x of a vector v (a column of U or a row of Vt):
 *   float64  exact
 *   float32  |x̂ − x| ≤ 2⁻²⁴·|x|          (|x| ≥ 2⁻¹²⁶; ≤ 2⁻¹⁵⁰ absolute below)
 *   float16  |x̂ − x| ≤ 2⁻¹¹·|x|          (|x| ≥ 2⁻¹⁴; ≤ 2⁻²⁵ absolute below; round to nearest even)
 *   int8     |x̂ − x| ≤ s/2, s = fl32(max|v|/127), one float32 scale s per vector, q = round(x/s) ∈ [−127, 127]
 * U and Vt entries lie in [−1, 1], so float16 never overflows.
 * @module
 */
import { InvalidMatrixError } from '../errors.js';
import type { FloatArray } from '../types.js';
import { is } from '../validate.js';
import { fromFloat16Bits, toFloat16Bits } from './float16.js';

/** Storage precision of the factors in {@link LowRank.toBytes}. */
export type Precision = 'float64' | 'float32' | 'float16' | 'int8';

/** The `precision` option's check (LowRank.toBytes, CompressedImage.toBytes). */
export const precisionCheck = is.oneOf('float64', 'float32', 'float16', 'int8');

const entryBytes: Record<Precision, number> = { float64: 8, float32: 4, float16: 2, int8: 1 };

/** Bytes one stored vector of `len` entries takes (int8 adds its float32 scale). */
export function vectorBytes(p: Precision, len: number): number {
  return (p === 'int8' ? 4 : 0) + len * entryBytes[p];
}

/** Where a vector lives in a flat array: x[start + i·stride], i < len. */
export interface Strided {
  data: FloatArray;
  start: number;
  stride: number;
  len: number;
}

function int8Scale(v: Strided): number {
  let big = 0;
  for (let i = 0; i < v.len; i++) big = Math.max(big, Math.abs(v.data[v.start + i * v.stride]));
  return Math.fround(big / 127);
}

/** Writes v at `off`; returns the offset after it. */
export function writeVector(view: DataView, off: number, v: Strided, p: Precision): number {
  const { data, start, stride, len } = v;
  if (p === 'int8') {
    const s = int8Scale(v);
    view.setFloat32(off, s, true);
    off += 4;
    for (let i = 0; i < len; i++) {
      const q = s === 0 ? 0 : Math.max(-127, Math.min(127, Math.round(data[start + i * stride] / s)));
      view.setInt8(off++, q);
    }
    return off;
  }
  for (let i = 0; i < len; i++) {
    const x = data[start + i * stride];
    if (p === 'float64') view.setFloat64(off, x, true);
    else if (p === 'float32') view.setFloat32(off, x, true);
    else view.setUint16(off, toFloat16Bits(x), true);
    off += entryBytes[p];
  }
  return off;
}

/** Reads a vector written by {@link writeVector} into v; returns the offset after it. */
export function readVector(view: DataView, off: number, v: Strided, p: Precision, what: string): number {
  const { data, start, stride, len } = v;
  let s = 1;
  if (p === 'int8') {
    s = view.getFloat32(off, true);
    off += 4;
    if (!(s >= 0 && Number.isFinite(s)))
      throw new InvalidMatrixError(`LowRank.fromBytes: corrupt data, ${what} has scale ${s}`);
  }
  for (let i = 0; i < len; i++) {
    let x: number;
    if (p === 'float64') x = view.getFloat64(off, true);
    else if (p === 'float32') x = view.getFloat32(off, true);
    else if (p === 'float16') x = fromFloat16Bits(view.getUint16(off, true));
    else x = view.getInt8(off) * s;
    off += entryBytes[p];
    if (!Number.isFinite(x)) throw new InvalidMatrixError(`LowRank.fromBytes: corrupt data, ${what} holds ${x}`);
    data[start + i * stride] = x;
  }
  return off;
}
