/**
 * The binary format of a {@link LowRank} (docs/format.md): a 64-byte little-endian header with
 * magic, version, shapes, precision and two CRC-32 checksums, then S as float64 and the factors
 * vector by vector at the chosen precision. Decoding checks everything before trusting it, so
 * corrupt or truncated bytes fail with a message that says which.
 * @module
 */
import { allocate } from '../arrays.js';
import { InvalidMatrixError } from '../errors.js';
import type { Dtype, FloatArray } from '../types.js';
import { crc32 } from './crc32.js';
import { readVector, vectorBytes, writeVector, type Precision } from './quantize.js';

/** Everything a {@link LowRank} stores. */
export interface LowRankData {
  m: number;
  n: number;
  k: number;
  dtype: Dtype;
  method: 'exact' | 'randomized';
  U: FloatArray;
  S: FloatArray;
  Vt: FloatArray;
  error: number;
  relativeError: number;
  energy: number;
}

/** The format version this code writes and reads. */
const FORMAT_VERSION = 1;
/** Bytes of the fixed header before the payload. */
const HEADER_BYTES = 64;
const MAGIC = [0x53, 0x56, 0x44, 0x4b]; // "SVDK"
const KIND_LOW_RANK = 1;
const precisions: Precision[] = ['float64', 'float32', 'float16', 'int8']; // codes 1…4
const dtypes: Dtype[] = ['float64', 'float32']; // codes 1, 2
const methods = ['exact', 'randomized'] as const; // codes 1, 2

function payloadBytes(m: number, n: number, k: number, p: Precision): number {
  return 8 * k + k * vectorBytes(p, m) + k * vectorBytes(p, n);
}

/** Serialises `d` with the factors at `precision`. */
export function encode(d: LowRankData, precision: Precision): Uint8Array<ArrayBuffer> {
  const { m, n, k } = d;
  const payload = payloadBytes(m, n, k, precision);
  const bytes = new Uint8Array(HEADER_BYTES + payload),
    view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint16(4, FORMAT_VERSION, true);
  view.setUint8(6, KIND_LOW_RANK);
  view.setUint8(7, precisions.indexOf(precision) + 1);
  view.setUint8(8, dtypes.indexOf(d.dtype) + 1);
  view.setUint8(9, methods.indexOf(d.method) + 1);
  view.setUint32(12, m, true);
  view.setUint32(16, n, true);
  view.setUint32(20, k, true);
  view.setFloat64(24, d.error, true);
  view.setFloat64(32, d.relativeError, true);
  view.setFloat64(40, d.energy, true);
  view.setUint32(48, payload % 2 ** 32, true);
  view.setUint32(52, Math.floor(payload / 2 ** 32), true);
  let off = HEADER_BYTES;
  for (let i = 0; i < k; i++, off += 8) view.setFloat64(off, d.S[i], true);
  for (let j = 0; j < k; j++) off = writeVector(view, off, { data: d.U, start: j, stride: k, len: m }, precision);
  for (let j = 0; j < k; j++) off = writeVector(view, off, { data: d.Vt, start: j * n, stride: 1, len: n }, precision);
  view.setUint32(56, crc32(bytes, HEADER_BYTES), true);
  view.setUint32(60, crc32(bytes, 0, 60), true);
  return bytes;
}

function corrupt(problem: string): never {
  throw new InvalidMatrixError(`LowRank.fromBytes: ${problem}`);
}

function asBytes(x: unknown): Uint8Array {
  if (x instanceof Uint8Array) return x;
  if (x instanceof ArrayBuffer) return new Uint8Array(x);
  if (ArrayBuffer.isView(x)) return new Uint8Array(x.buffer, x.byteOffset, x.byteLength);
  throw new InvalidMatrixError('LowRank.fromBytes: bytes must be a Uint8Array (or ArrayBuffer) from LowRank.toBytes()');
}

function readHeader(bytes: Uint8Array, view: DataView) {
  if (bytes.length < HEADER_BYTES) corrupt(`truncated: ${bytes.length} bytes, but the header alone is ${HEADER_BYTES}`);
  if (MAGIC.some((b, i) => bytes[i] !== b)) corrupt('not svdkit low-rank data (the first 4 bytes are not "SVDK")');
  const version = view.getUint16(4, true);
  if (version !== FORMAT_VERSION) {
    corrupt(
      version > FORMAT_VERSION
        ? `format version ${version} is newer than this svdkit reads (${FORMAT_VERSION}); upgrade svdkit`
        : `unknown format version ${version}`,
    );
  }
  if (view.getUint32(60, true) !== crc32(bytes, 0, 60)) corrupt('header checksum mismatch: the bytes are corrupt');
  const precision = precisions[view.getUint8(7) - 1],
    dtype = dtypes[view.getUint8(8) - 1],
    method = methods[view.getUint8(9) - 1];
  if (view.getUint8(6) !== KIND_LOW_RANK || !precision || !dtype || !method || view.getUint16(10, true) !== 0) {
    corrupt('unknown kind, precision, dtype or method code in the header');
  }
  const m = view.getUint32(12, true),
    n = view.getUint32(16, true),
    k = view.getUint32(20, true);
  if (m < 1 || n < 1 || k < 1 || k > Math.min(m, n)) corrupt(`impossible shape m = ${m}, n = ${n}, k = ${k}`);
  const payload = view.getUint32(48, true) + view.getUint32(52, true) * 2 ** 32;
  if (payload !== payloadBytes(m, n, k, precision))
    corrupt('the payload length in the header does not match the shapes');
  return { m, n, k, precision, dtype, method, payload };
}

/** Parses bytes written by {@link encode}; throws {@link InvalidMatrixError} on any inconsistency. */
export function decode(input: unknown): LowRankData & { precision: Precision } {
  const bytes = asBytes(input),
    view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const h = readHeader(bytes, view),
    total = HEADER_BYTES + h.payload;
  if (bytes.length < total) corrupt(`truncated: ${bytes.length} bytes, but the header announces ${total}`);
  if (bytes.length > total)
    corrupt(`${bytes.length - total} unexpected bytes after the end of the data (${total} bytes)`);
  if (view.getUint32(56, true) !== crc32(bytes, HEADER_BYTES))
    corrupt('payload checksum mismatch: the bytes are corrupt');
  const { m, n, k, dtype } = h;
  const S = allocate(dtype, k),
    U = allocate(dtype, m * k),
    Vt = allocate(dtype, k * n);
  let off = HEADER_BYTES;
  for (let i = 0; i < k; i++, off += 8) {
    S[i] = view.getFloat64(off, true);
    if (!(S[i] >= 0 && Number.isFinite(S[i])) || (i > 0 && S[i] > S[i - 1]))
      corrupt(`S[${i}] = ${S[i]} is not a valid singular value`);
  }
  for (let j = 0; j < k; j++)
    off = readVector(view, off, { data: U, start: j, stride: k, len: m }, h.precision, `column ${j} of U`);
  for (let j = 0; j < k; j++)
    off = readVector(view, off, { data: Vt, start: j * n, stride: 1, len: n }, h.precision, `row ${j} of Vt`);
  const error = view.getFloat64(24, true),
    relativeError = view.getFloat64(32, true),
    energy = view.getFloat64(40, true);
  return { m, n, k, dtype, method: h.method, U, S, Vt, error, relativeError, energy, precision: h.precision };
}
