/** Shrinking an image for display (contact sheets). @module */
import { InvalidOptionError } from '../../errors.js';
import { checkImage } from '../../image/input.js';
import type { Image8 } from '../../image/types.js';

/**
 * `img` shrunk by an integer factor so that neither side exceeds `maxSide` (each output pixel
 * the mean of a factor×factor block; edge blocks use what is there). Returned as is when it
 * already fits.
 */
export function fitWithin(img: Image8, maxSide: number): Image8 {
  checkImage(img, 'fitWithin');
  if (!Number.isSafeInteger(maxSide) || maxSide < 1) {
    throw new InvalidOptionError(`fitWithin: maxSide must be a positive integer (pixels), got ${String(maxSide)}`);
  }
  const f = Math.ceil(Math.max(img.width, img.height) / maxSide);
  if (f <= 1) return img;
  const w = Math.ceil(img.width / f),
    h = Math.ceil(img.height / f),
    C = img.channels;
  const out = new Uint8ClampedArray(w * h * C);
  for (let y = 0; y < h; y++) {
    const y1 = Math.min(img.height, (y + 1) * f);
    for (let x = 0; x < w; x++) {
      const x1 = Math.min(img.width, (x + 1) * f);
      for (let c = 0; c < C; c++) {
        let sum = 0,
          count = 0;
        for (let yy = y * f; yy < y1; yy++) {
          for (let xx = x * f; xx < x1; xx++, count++) sum += img.data[(yy * img.width + xx) * C + c];
        }
        out[(y * w + x) * C + c] = sum / count;
      }
    }
  }
  return { width: w, height: h, channels: C, data: out };
}
