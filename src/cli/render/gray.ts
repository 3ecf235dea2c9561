/** Conversion to one gray channel. @module */
import { checkImage } from '../../image/input.js';
import type { Image16, Image8, ImageInput, ImageInput16 } from '../../image/types.js';

/**
 * The image as one gray channel: luma Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601), and a
 * translucent pixel composited over white first (alpha is dropped). A gray image comes back as
 * a copy. A 16-bit image stays 16-bit.
 * @throws {@link svdkit!InvalidMatrixError | InvalidMatrixError} the image is malformed.
 */
export function toGray(image: ImageInput16): Image16;
export function toGray(image: ImageInput): Image8;
export function toGray(image: ImageInput | ImageInput16): Image8 | Image16;
export function toGray(image: ImageInput | ImageInput16): Image8 | Image16 {
  const img = checkImage(image, 'toGray', true);
  const { width, height, channels: C, data: src } = img,
    peak = img.depth === 16 ? 65535 : 255;
  const out = img.depth === 16 ? new Uint16Array(width * height) : new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += C) {
    const y = C >= 3 ? 0.299 * src[j] + 0.587 * src[j + 1] + 0.114 * src[j + 2] : src[j];
    const a = C === 2 || C === 4 ? src[j + C - 1] / peak : 1;
    const v = a * y + (1 - a) * peak;
    out[i] = out instanceof Uint16Array ? Math.min(peak, Math.max(0, Math.round(v))) : v;
  }
  return { width, height, channels: 1, data: out } as Image8 | Image16;
}
