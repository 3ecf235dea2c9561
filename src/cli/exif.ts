/**
 * The EXIF Orientation tag of a JPEG and the pixel transform it asks for. Phone cameras store
 * the sensor's rows as they come and record how to turn them for display in tag 0x0112 of IFD0
 * in the APP1 "Exif" segment; viewers apply it, so svdkit does too.
 * Reference: EXIF 2.32 (CIPA DC-008), 4.6.4 (TIFF structure) and tag 0x0112 (values 1–8);
 * JPEG (ITU T.81) B.1.1 for the marker layout.
 * @module
 */

/** Orientation 1–8 from the first APP1 Exif segment; 1 when absent, unreadable or out of range. */
export function jpegOrientation(bytes: Uint8Array): number {
  let at = 2; // after SOI
  // Markers up to the first scan: each is FF xx then a big-endian length that counts itself.
  while (at + 4 <= bytes.length && bytes[at] === 0xff) {
    const marker = bytes[at + 1];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01 || marker === 0xff) {
      at += marker === 0xff ? 1 : 2;
      continue;
    }
    if (marker === 0xda || marker === 0xd9) break; // start of scan / end of image
    const len = (bytes[at + 2] << 8) | bytes[at + 3];
    if (len < 2 || at + 2 + len > bytes.length) break;
    if (marker === 0xe1) {
      const o = exifOrientation(bytes.subarray(at + 4, at + 2 + len));
      if (o !== null) return o;
    }
    at += 2 + len;
  }
  return 1;
}

/** Orientation from an APP1 payload ("Exif\0\0" then a TIFF header); null when it is not Exif. */
function exifOrientation(p: Uint8Array): number | null {
  if (p.length < 14 || String.fromCharCode(...p.subarray(0, 6)) !== 'Exif\0\0') return null;
  const t = p.subarray(6),
    little = t[0] === 0x49 && t[1] === 0x49;
  if (!little && !(t[0] === 0x4d && t[1] === 0x4d)) return 1;
  const u16 = (i: number) => (i + 2 > t.length ? -1 : little ? t[i] | (t[i + 1] << 8) : (t[i] << 8) | t[i + 1]);
  const u32 = (i: number) =>
    i + 4 > t.length
      ? -1
      : little
        ? (t[i] | (t[i + 1] << 8) | (t[i + 2] << 16)) + t[i + 3] * 2 ** 24
        : t[i] * 2 ** 24 + ((t[i + 1] << 16) | (t[i + 2] << 8) | t[i + 3]);
  if (u16(2) !== 42) return 1;
  const ifd = u32(4),
    count = u16(ifd);
  if (ifd < 8 || count < 0) return 1;
  for (let e = 0; e < Math.min(count, 1000); e++) {
    const entry = ifd + 2 + 12 * e;
    if (u16(entry) !== 0x0112) continue;
    const type = u16(entry + 2),
      value = u16(entry + 8);
    return type === 3 && value >= 1 && value <= 8 ? value : 1;
  }
  return 1;
}

/** An image to turn: any interleaved sample array. */
interface Pixels<T extends Uint8ClampedArray | Uint16Array> {
  width: number;
  height: number;
  channels: number;
  data: T;
}

/**
 * The image as it should be displayed, given its orientation: 2 mirror left–right, 3 turn 180°,
 * 4 mirror top–bottom, 5 transpose, 6 turn 90° clockwise, 7 transverse, 8 turn 90° counter-clockwise.
 * 5–8 swap width and height. Returns the input itself for 1.
 */
export function applyOrientation<T extends Uint8ClampedArray | Uint16Array>(
  img: Pixels<T>,
  orientation: number,
): Pixels<T> {
  if (orientation < 2 || orientation > 8) return img;
  const { width: W, height: H, channels: C, data } = img;
  const swap = orientation >= 5,
    w = swap ? H : W,
    h = swap ? W : H;
  const out = new (data.constructor as new (n: number) => T)(data.length);
  // Source pixel of output (x, y), one formula per orientation.
  type Source = (x: number, y: number) => number;
  const src = (
    [
      () => 0,
      () => 0,
      (x, y) => y * W + (W - 1 - x),
      (x, y) => (H - 1 - y) * W + (W - 1 - x),
      (x, y) => (H - 1 - y) * W + x,
      (x, y) => x * W + y,
      (x, y) => (H - 1 - x) * W + y,
      (x, y) => (H - 1 - x) * W + (W - 1 - y),
      (x, y) => x * W + (W - 1 - y),
    ] as Source[]
  )[orientation];
  for (let y = 0, o = 0; y < h; y++) {
    for (let x = 0; x < w; x++, o += C) {
      const s = src(x, y) * C;
      for (let c = 0; c < C; c++) out[o + c] = data[s + c];
    }
  }
  return { width: w, height: h, channels: C, data: out };
}
