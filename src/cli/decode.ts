/**
 * Reading PNG and JPEG bytes into images, with pure-JS decoders (fast-png, jpeg-js). 16-bit PNGs
 * stay 16-bit (gray, gray+alpha, RGB, RGBA, tRNS as a 16-bit alpha); every other PNG comes out as
 * 1–4 channels of 8 bits: palettes expanded, 1/2/4-bit gray scaled, transparency chunks turned
 * into alpha. JPEG is 8-bit. A JPEG's EXIF orientation is
 * applied (the image comes out as a viewer shows it).
 * @module
 */
import { decode as decodePngBytes, type DecodedPng } from 'fast-png';
import jpeg from 'jpeg-js';
import type { Image16, Image8 } from '../image/index.js';
import { inputError } from './errors.js';
import { applyOrientation, jpegOrientation } from './exif.js';

/** The formats `svdkit` reads. */
export type ImageFormat = 'png' | 'jpeg';

/** A decoded file. */
export interface DecodedImage {
  /** 8-bit, or 16-bit for a 16-bit PNG (kept at 16 bits). */
  image: Image8 | Image16;
  format: ImageFormat;
  /** The JPEG's EXIF orientation (1–8), already applied to `image`; 1 for PNG and plain JPEG. */
  orientation: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, sig: readonly number[], at = 0): boolean {
  return bytes.length >= at + sig.length && sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

/** Names a format svdkit does not read, from its magic bytes; null when unknown. */
function otherFormat(b: Uint8Array): string | null {
  if (ascii(b, 0, 4) === 'GIF8') return 'GIF';
  if (ascii(b, 0, 2) === 'BM') return 'BMP';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'WebP';
  if (startsWith(b, [0x49, 0x49, 0x2a, 0]) || startsWith(b, [0x4d, 0x4d, 0, 0x2a])) return 'TIFF';
  if (ascii(b, 4, 8) === 'ftyp') return /^(avif|avis)/.test(ascii(b, 8, 12)) ? 'AVIF' : 'HEIF/MP4';
  if (/^\s*(<\?xml|<svg)/i.test(ascii(b, 0, 64))) return 'SVG';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'PDF';
  return null;
}

/**
 * Decodes a PNG or JPEG file's bytes (the format is told by its first bytes, not its name).
 * @throws {CliError} (input) an empty file, another format, or a corrupt image.
 */
export function decodeImage(bytes: Uint8Array, name: string): DecodedImage {
  if (bytes.length === 0) throw inputError(`${name} is empty (0 bytes), not an image`);
  if (startsWith(bytes, PNG_SIGNATURE))
    return {
      image: attempt(name, 'PNG', () => fromPng(decodePngBytes(bytes, { checkCrc: true }))),
      format: 'png',
      orientation: 1,
    };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    const orientation = jpegOrientation(bytes);
    const image = applyOrientation(
      attempt(name, 'JPEG', () => fromJpeg(bytes)),
      orientation,
    ) as Image8;
    return { image, format: 'jpeg', orientation };
  }
  const other = otherFormat(bytes);
  const looksLike = /\.png$/i.test(name) ? 'PNG' : /\.jpe?g$/i.test(name) ? 'JPEG' : null;
  if (other)
    throw inputError(
      `${name} is a ${other} image, an unsupported format; svdkit reads PNG and JPEG (convert it first)`,
    );
  if (looksLike)
    throw inputError(
      `${name} is not a valid ${looksLike} file (its first bytes are not a ${looksLike} signature); the file is ` +
        `corrupt or misnamed`,
    );
  throw inputError(`${name} is in an unsupported format (not PNG or JPEG); svdkit reads PNG and JPEG`);
}

function attempt<I extends Image8 | Image16>(name: string, format: string, decode: () => I): I {
  let image: I;
  try {
    image = decode();
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? `: ${e.cause.message}` : '';
    const why = (e instanceof Error ? e.message.replace(/:\s*$/, '') : String(e)) + cause;
    throw inputError(`${name} is a corrupt or truncated ${format} file (${why.replace(/\s+/g, ' ').trim()})`);
  }
  if (image.width < 1 || image.height < 1 || image.data.length !== image.width * image.height * image.channels) {
    throw inputError(
      `${name} is a corrupt ${format} file (its pixel data does not match its ${image.width}×${image.height} size)`,
    );
  }
  return image;
}

/** Sample values of a PNG, whatever its bit depth, as 8-bit values in pixel order. */
function unpack(png: DecodedPng, samplesPerPixel: number, scaleTo8: boolean): Uint8ClampedArray<ArrayBuffer> {
  const { width, height, depth, data } = png,
    count = width * height * samplesPerPixel;
  const out = new Uint8ClampedArray(count);
  if (depth >= 8 && data.length < count) throw new Error('pixel data is shorter than the image');
  if (depth === 8) {
    out.set(data.subarray(0, count));
    return out;
  }
  if (depth === 16) {
    for (let i = 0; i < count; i++) out[i] = Math.round(data[i] / 257);
    return out;
  }
  // 1, 2 or 4 bits a sample, rows padded to whole bytes.
  const rowBytes = Math.ceil((width * samplesPerPixel * depth) / 8),
    max = (1 << depth) - 1;
  if (data.length < rowBytes * height) throw new Error('pixel data is shorter than the image');
  for (let y = 0, o = 0; y < height; y++) {
    for (let s = 0; s < width * samplesPerPixel; s++, o++) {
      const bit = s * depth,
        byte = data[y * rowBytes + (bit >> 3)];
      const v = (byte >> (8 - depth - (bit & 7))) & max;
      out[o] = scaleTo8 ? Math.round((v * 255) / max) : v;
    }
  }
  return out;
}

function fromPng(png: DecodedPng): Image8 | Image16 {
  const { width, height } = png,
    n = width * height;
  if (png.palette) {
    const idx = unpack(png, 1, false),
      pal = png.palette;
    const C = pal.some((c) => c.length === 4 && c[3] !== 255) ? 4 : 3;
    const out = new Uint8ClampedArray(n * C);
    for (let i = 0; i < n; i++) {
      const c = pal[idx[i]];
      if (!c) throw new Error(`palette index ${idx[i]} is out of range`);
      out.set(c.slice(0, C), i * C);
      if (C === 4 && c.length === 3) out[i * C + 3] = 255;
    }
    return { width, height, channels: C as 3 | 4, data: out };
  }
  const C = png.channels;
  if (C < 1 || C > 4) throw new Error(`${C} channels`);
  const deep = png.depth === 16;
  if (deep && png.data.length < n * C) throw new Error('pixel data is shorter than the image');
  // 16-bit samples are kept: a Uint16Array of n·C samples (fast-png gives them host-ordered).
  const samples = deep ? Uint16Array.from(png.data.subarray(0, n * C)) : unpack(png, C, true);
  const key = png.transparency;
  if (!key || key.length === 0 || (C !== 1 && C !== 3))
    return { width, height, channels: C as 1 | 2 | 3 | 4, data: samples } as Image8 | Image16;
  // tRNS colour key on gray or RGB: pixels of exactly that colour are transparent.
  const raw = deep ? png.data : unpack(png, C, false);
  const out = deep ? new Uint16Array(n * (C + 1)) : new Uint8ClampedArray(n * (C + 1)),
    opaque = deep ? 65535 : 255;
  for (let i = 0; i < n; i++) {
    let match = true;
    for (let c = 0; c < C; c++) {
      out[i * (C + 1) + c] = samples[i * C + c];
      if (raw[i * C + c] !== key[c]) match = false;
    }
    out[i * (C + 1) + C] = match ? 0 : opaque;
  }
  return { width, height, channels: (C + 1) as 2 | 4, data: out } as Image8 | Image16;
}

function fromJpeg(bytes: Uint8Array): Image8 {
  const img = jpeg.decode(bytes, {
    useTArray: true,
    formatAsRGBA: false,
    maxResolutionInMP: 250,
    maxMemoryUsageInMB: 2048,
  });
  const n = img.width * img.height,
    rgb = img.data;
  // jpeg-js gives RGB even for a one-component (gray) JPEG: R = G = B everywhere then.
  let gray = true;
  for (let i = 0; i < n && gray; i++) gray = rgb[3 * i] === rgb[3 * i + 1] && rgb[3 * i] === rgb[3 * i + 2];
  if (!gray)
    return {
      width: img.width,
      height: img.height,
      channels: 3,
      data: new Uint8ClampedArray(rgb.buffer as ArrayBuffer, rgb.byteOffset, rgb.length),
    };
  const out = new Uint8ClampedArray(n);
  for (let i = 0; i < n; i++) out[i] = rgb[3 * i];
  return { width: img.width, height: img.height, channels: 1, data: out };
}
