/**
 * The compressed form of an image (`.svdk`, docs/format.md "Image factors"): a 64-byte header,
 * then one {@link LowRank} byte blob per compressed channel (the low-rank format, each with its
 * own checksums; float16 factors by default), then the alpha plane when it was kept exact.
 * {@link decompressImage} reads it back and rebuilds the rank-k image.
 * @module
 */
import { leadingColumns } from '../arrays.js';
import { InvalidMatrixError, InvalidOptionError } from '../errors.js';
import { crc32 } from '../lowrank/crc32.js';
import { LowRank } from '../lowrank/lowrank-result.js';
import type { Precision } from '../lowrank/quantize.js';
import { reconstruct } from '../lowrank/reconstruct.js';
import { to16 } from './compress-steps.js';
import type { Matrix } from '../types.js';
import type { Image16, Image8 } from './types.js';

/** Format version of image factors files. */
const IMAGE_FORMAT_VERSION = 1;
/** Header bytes. */
const IMAGE_HEADER_BYTES = 64;
const MAGIC = [0x53, 0x56, 0x44, 0x49]; // "SVDI"
const LABEL_AT = 24,
  LABEL_BYTES = 32;

/** One compressed channel's factors, first k triplets used: U m×≥k row-major, S, Vt ≥k×n. */
interface ChannelFactorsIn {
  U: Matrix;
  S: ArrayLike<number>;
  Vt: Matrix;
  /** ‖A_c‖_F² of the channel, for the error figures in its blob. */
  total: number;
}

/** What goes into a factors file. */
export interface ImageFactorsIn {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  k: number;
  method: 'exact' | 'randomized';
  factors: ChannelFactorsIn[];
  /** 8 or 16 bits a sample. */
  depth: 8 | 16;
  /** All samples when the last channel (alpha) is kept exact, else null. */
  exact: Uint8ClampedArray | Uint16Array | null;
  precision: Precision;
  /** Up to 32 ASCII characters of free text (the CLI writes the input's identity). */
  label?: string;
}

function channelBlob(f: ChannelFactorsIn, k: number, method: 'exact' | 'randomized', precision: Precision): Uint8Array {
  const m = f.U.rows,
    n = f.Vt.cols,
    float32 = f.U.data instanceof Float32Array;
  const U = leadingColumns(f.U, k).data;
  const S = float32
    ? Float32Array.from({ length: k }, (_, i) => f.S[i])
    : Float64Array.from({ length: k }, (_, i) => f.S[i]);
  let head = 0;
  for (let i = 0; i < k; i++) head += f.S[i] * f.S[i];
  const tail = Math.max(0, f.total - head);
  const lr = new LowRank({
    m,
    n,
    k,
    dtype: float32 ? 'float32' : 'float64',
    method,
    U,
    S,
    Vt: f.Vt.data.slice(0, k * n),
    error: Math.sqrt(tail),
    relativeError: f.total > 0 ? Math.sqrt(tail / f.total) : 0,
    energy: f.total > 0 ? Math.min(1, head / f.total) : 1,
  });
  return lr.toBytes({ precision });
}

/** The bytes of a factors file. */
export function encodeImageFactors(d: ImageFactorsIn): Uint8Array {
  const blobs = d.factors.map((f) => channelBlob(f, d.k, d.method, d.precision));
  const alpha = d.exact ? alphaPlane(d.exact, d.channels) : null; // u8, or u16 little-endian
  const size = IMAGE_HEADER_BYTES + blobs.reduce((s, b) => s + 4 + b.length, 0) + (alpha ? alpha.length + 4 : 0);
  const out = new Uint8Array(size),
    view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setUint16(4, IMAGE_FORMAT_VERSION, true);
  view.setUint8(6, d.channels);
  view.setUint8(7, d.factors.length);
  view.setUint8(8, d.depth); // bits a sample
  view.setUint8(9, d.method === 'exact' ? 1 : 2);
  view.setUint32(12, d.width, true);
  view.setUint32(16, d.height, true);
  view.setUint32(20, d.k, true);
  const label = (d.label ?? '').slice(0, LABEL_BYTES);
  for (let i = 0; i < label.length; i++) out[LABEL_AT + i] = label.charCodeAt(i) & 0x7f;
  let at = IMAGE_HEADER_BYTES;
  for (const b of blobs) {
    view.setUint32(at, b.length, true);
    out.set(b, at + 4);
    at += 4 + b.length;
  }
  if (alpha) {
    out.set(alpha, at);
    view.setUint32(at + alpha.length, crc32(alpha), true);
  }
  view.setUint32(60, crc32(out, 0, 60), true); // bytes 10–11 and 56–59 stay 0 (reserved)
  return out;
}

function alphaPlane(data: Uint8ClampedArray | Uint16Array, channels: number): Uint8Array {
  const count = data.length / channels,
    wide = data instanceof Uint16Array,
    a = new Uint8Array(count * (wide ? 2 : 1));
  for (let i = 0, j = channels - 1; i < count; i++, j += channels) {
    if (wide) {
      a[2 * i] = data[j] & 255;
      a[2 * i + 1] = data[j] >> 8;
    } else a[i] = data[j];
  }
  return a;
}

function bad(problem: string): never {
  throw new InvalidMatrixError(`decompressImage: ${problem}`);
}

/** A parsed factors file. */
export interface ImageFactors {
  /** Pixels per row. */
  width: number;
  /** Rows of pixels. */
  height: number;
  /** 1 = gray, 2 = gray + alpha, 3 = RGB, 4 = RGBA. */
  channels: 1 | 2 | 3 | 4;
  /** The rank saved: decompressImage takes any k from 1 to it. */
  k: number;
  /** The decomposition the factors came from. */
  method: 'exact' | 'randomized';
  /** The label written with the file. */
  label: string;
  /** One factorisation per compressed channel. */
  factors: LowRank[];
  /** 8 or 16 bits a sample. */
  depth: 8 | 16;
  /** The alpha plane kept exact (its samples), or null. */
  alpha: Uint8Array | Uint16Array | null;
}

/** Reads a factors file, checking every field and checksum (throws {@link InvalidMatrixError}). */
export function readImageFactors(input: Uint8Array | ArrayBuffer): ImageFactors {
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (MAGIC.some((b, i) => bytes.length > i && bytes[i] !== b))
    bad('not an svdkit image factors file (the first 4 bytes are not "SVDI")');
  if (bytes.length < IMAGE_HEADER_BYTES)
    bad(`truncated: ${bytes.length} bytes, but the header alone is ${IMAGE_HEADER_BYTES}`);
  const version = view.getUint16(4, true);
  if (version !== IMAGE_FORMAT_VERSION)
    bad(
      version > IMAGE_FORMAT_VERSION
        ? `format version ${version} is newer than this svdkit reads; upgrade svdkit`
        : `unknown format version ${version}`,
    );
  if (view.getUint32(60, true) !== crc32(bytes, 0, 60)) bad('header checksum mismatch: the file is corrupt');
  const channels = view.getUint8(6),
    compressed = view.getUint8(7),
    depth = view.getUint8(8),
    mcode = view.getUint8(9);
  const width = view.getUint32(12, true),
    height = view.getUint32(16, true),
    k = view.getUint32(20, true);
  const alphaKept = channels - compressed;
  if (view.getUint16(10, true) !== 0 || view.getUint32(56, true) !== 0) bad('reserved header fields are not zero');
  if (
    channels < 1 ||
    channels > 4 ||
    (alphaKept !== 0 && !(alphaKept === 1 && (channels === 2 || channels === 4))) ||
    (depth !== 8 && depth !== 16) ||
    (mcode !== 1 && mcode !== 2) ||
    width < 1 ||
    height < 1 ||
    k < 1 ||
    k > Math.min(width, height)
  ) {
    bad('impossible header fields (channels, depth, method, size or rank)');
  }
  let label = '';
  for (let i = LABEL_AT; i < LABEL_AT + LABEL_BYTES && bytes[i] !== 0; i++) label += String.fromCharCode(bytes[i]);
  let at = IMAGE_HEADER_BYTES;
  const factors: LowRank[] = [];
  for (let c = 0; c < compressed; c++) {
    if (at + 4 > bytes.length) bad(`truncated before channel ${c + 1}`);
    const len = view.getUint32(at, true);
    if (at + 4 + len > bytes.length) bad(`truncated in channel ${c + 1}`);
    const lr = LowRank.fromBytes(bytes.subarray(at + 4, at + 4 + len));
    if (lr.m !== height || lr.n !== width || lr.k !== k)
      bad(`channel ${c + 1} is ${lr.m}×${lr.n} at rank ${lr.k}, not ${height}×${width} at rank ${k}`);
    factors.push(lr);
    at += 4 + len;
  }
  let alpha: Uint8Array | Uint16Array | null = null;
  if (alphaKept) {
    const count = width * height * (depth / 8);
    if (at + count + 4 > bytes.length) bad('truncated in the alpha plane');
    const raw = bytes.slice(at, at + count);
    if (view.getUint32(at + count, true) !== crc32(raw)) bad('alpha checksum mismatch: the file is corrupt');
    alpha =
      depth === 8 ? raw : Uint16Array.from({ length: width * height }, (_, i) => raw[2 * i] | (raw[2 * i + 1] << 8));
    at += count + 4;
  }
  if (at !== bytes.length) bad(`${bytes.length - at} unexpected bytes after the end of the data`);
  return {
    width,
    height,
    channels: channels as 1 | 2 | 3 | 4,
    depth: depth as 8 | 16,
    k,
    method: mcode === 1 ? 'exact' : 'randomized',
    label,
    factors,
    alpha,
  };
}

/**
 * The image a factors file (`CompressedImage.toBytes`, `svdkit compress --save-factors`) holds,
 * rebuilt at rank k (default: the rank saved), samples rounded and clamped to 0…255. With the
 * default float16 factors it matches `toImage(k)` of the original compression to ±1 level on
 * all but a few samples.
 * @throws {InvalidMatrixError} the bytes are not a valid factors file.
 * @throws {InvalidOptionError} k outside 1…the saved rank.
 */
export function decompressImage(bytes: Uint8Array | ArrayBuffer, k?: number): Image8 | Image16 {
  const f = readImageFactors(bytes);
  const rank = k ?? f.k;
  if (!Number.isSafeInteger(rank) || rank < 1 || rank > f.k) {
    throw new InvalidOptionError(
      `decompressImage: k must be an integer from 1 to ${f.k} (the rank saved), got ${String(k)}`,
    );
  }
  const { width, height, channels } = f;
  const data =
    f.depth === 16 ? new Uint16Array(width * height * channels) : new Uint8ClampedArray(width * height * channels);
  f.factors.forEach((lr, c) => {
    const a = reconstruct({ U: lr.U, S: lr.S, Vt: lr.Vt }, rank).data;
    if (data instanceof Uint8ClampedArray) for (let i = 0, j = c; i < a.length; i++, j += channels) data[j] = a[i];
    else for (let i = 0, j = c; i < a.length; i++, j += channels) data[j] = to16(a[i]);
  });
  if (f.alpha) for (let i = 0, j = channels - 1; i < width * height; i++, j += channels) data[j] = f.alpha[i];
  return { width, height, channels, data } as Image8 | Image16;
}
