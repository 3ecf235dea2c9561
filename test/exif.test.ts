// EXIF orientation: synthetic APP1 segments in real JPEGs, all eight values, both byte orders.
import jpeg from 'jpeg-js';
import { describe, expect, it } from 'vitest';
import { decodeImage } from '../src/cli/decode.js';
import { applyOrientation, jpegOrientation } from '../src/cli/exif.js';

/** An APP1 Exif segment whose IFD0 holds Orientation (and one other tag before it). */
function app1(orientation: number, little: boolean): Uint8Array {
  const tiff: number[] = [];
  const u16 = (v: number) => (little ? tiff.push(v & 255, v >> 8) : tiff.push(v >> 8, v & 255));
  const u32 = (v: number) =>
    little
      ? tiff.push(v & 255, (v >> 8) & 255, (v >> 16) & 255, v >>> 24)
      : tiff.push(v >>> 24, (v >> 16) & 255, (v >> 8) & 255, v & 255);
  tiff.push(...(little ? [0x49, 0x49] : [0x4d, 0x4d]));
  u16(42);
  u32(8);
  u16(2); // two entries
  u16(0x010f);
  u16(2);
  u32(4);
  u32(0); // Make, ASCII, 4 bytes inline
  u16(0x0112);
  u16(3);
  u32(1);
  u16(orientation);
  u16(0); // Orientation, SHORT
  u32(0); // no next IFD
  const body = [...'Exif\0\0'].map((c) => c.charCodeAt(0)).concat(tiff);
  return Uint8Array.from([0xff, 0xe1, (body.length + 2) >> 8, (body.length + 2) & 255, ...body]);
}

/** A 24×16 JPEG of six flat 8×8 blocks (gray levels 0, 50, 100 / 150, 200, 250), with an APP1 after SOI. */
function photo(orientation: number | null, little = true): Uint8Array {
  const W = 24,
    H = 16,
    rgba = new Uint8Array(W * H * 4);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const v = 50 * (3 * (y >> 3) + (x >> 3));
      rgba.set([v, v, v, 255], (y * W + x) * 4);
    }
  const plain = jpeg.encode({ width: W, height: H, data: rgba }, 95).data;
  if (orientation === null) return plain;
  const seg = app1(orientation, little);
  const out = new Uint8Array(plain.length + seg.length);
  out.set(plain.subarray(0, 2));
  out.set(seg, 2);
  out.set(plain.subarray(2), 2 + seg.length);
  return out;
}

/** Mean level of each 8×8 block, row by row of blocks. */
function blocks(img: { width: number; height: number; channels: number; data: ArrayLike<number> }): number[] {
  const out: number[] = [];
  for (let by = 0; by < img.height / 8; by++)
    for (let bx = 0; bx < img.width / 8; bx++) {
      let s = 0;
      for (let y = 2; y < 6; y++)
        for (let x = 2; x < 6; x++) s += img.data[((by * 8 + y) * img.width + bx * 8 + x) * img.channels];
      out.push(Math.round(s / 16 / 50) * 50);
    }
  return out;
}

// The stored blocks are a b c / d e f (0 … 250); what a viewer shows for each orientation:
const SHOWN: Record<number, [number, number, number[]]> = {
  1: [24, 16, [0, 50, 100, 150, 200, 250]],
  2: [24, 16, [100, 50, 0, 250, 200, 150]],
  3: [24, 16, [250, 200, 150, 100, 50, 0]],
  4: [24, 16, [150, 200, 250, 0, 50, 100]],
  5: [16, 24, [0, 150, 50, 200, 100, 250]],
  6: [16, 24, [150, 0, 200, 50, 250, 100]],
  7: [16, 24, [250, 100, 200, 50, 150, 0]],
  8: [16, 24, [100, 250, 50, 200, 0, 150]],
};

describe('EXIF orientation of JPEG input', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])('orientation %i is read (both byte orders) and applied', (o) => {
    for (const little of [true, false]) {
      const bytes = photo(o, little);
      expect(jpegOrientation(bytes)).toBe(o);
      const { image, orientation } = decodeImage(bytes, 'p.jpg');
      expect(orientation).toBe(o);
      const [w, h, shown] = SHOWN[o];
      expect([image.width, image.height]).toEqual([w, h]);
      expect(blocks(image)).toEqual(shown);
    }
  });
  it('no APP1, a bad value, a truncated or foreign segment: orientation 1, image as stored', () => {
    expect(jpegOrientation(photo(null))).toBe(1);
    expect(jpegOrientation(photo(9))).toBe(1);
    expect(jpegOrientation(photo(0))).toBe(1);
    const cut = photo(6).subarray(0, 30);
    expect(jpegOrientation(cut)).toBe(1);
    const xmp = photo(6);
    xmp[6] = 'X'.charCodeAt(0); // "Exif" → "Xxif": not an Exif segment
    expect(jpegOrientation(xmp)).toBe(1);
    expect(blocks(decodeImage(photo(null), 'p.jpg').image)).toEqual(SHOWN[1][2]);
  });
  it('applyOrientation keeps every sample and works on 16-bit data', () => {
    const img = { width: 3, height: 2, channels: 2, data: Uint16Array.from({ length: 12 }, (_, i) => i * 1000) };
    for (let o = 1; o <= 8; o++) {
      const t = applyOrientation(img, o);
      expect(t.data).toBeInstanceOf(Uint16Array);
      expect([...t.data].sort((a, b) => a - b)).toEqual([...img.data]);
      // Undo by the inverse: 6 and 8 invert each other, the rest are their own inverses.
      const back = applyOrientation(t, o === 6 ? 8 : o === 8 ? 6 : o);
      expect([back.width, back.height, ...back.data]).toEqual([3, 2, ...img.data]);
    }
  });
});
