/** Conversion to one gray channel. @module */
import { checkImage } from './input.js';
import type { Image8, ImageInput } from './types.js';

/**
 * The image as one gray channel: luma Y = 0.299 R + 0.587 G + 0.114 B (ITU-R BT.601), and a
 * translucent pixel composited over white first (alpha is dropped). A gray image comes back as
 * a copy.
 * @throws {@link svdkit!InvalidMatrixError | InvalidMatrixError} the image is malformed.
 */
export function toGray(image: ImageInput): Image8 {
  const img = checkImage(image, 'toGray');
  const { width, height, channels: C, data: src } = img;
  const out = new Uint8ClampedArray(width * height);
  for (let i = 0, j = 0; i < out.length; i++, j += C) {
    const y = C >= 3 ? 0.299 * src[j] + 0.587 * src[j + 1] + 0.114 * src[j + 2] : src[j];
    const a = C === 2 || C === 4 ? src[j + C - 1] / 255 : 1;
    out[i] = a * y + (1 - a) * 255;
  }
  return { width, height, channels: 1, data: out };
}
