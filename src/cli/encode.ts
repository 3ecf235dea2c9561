/** Writing 8-bit images as PNG (fast-png, pure JS). @module */
import { encode } from 'fast-png';
import type { Image8 } from '../image/index.js';

/** PNG bytes of an 8-bit image: gray, gray + alpha, RGB or RGBA as the image has channels. */
export function encodePng(img: Image8): Uint8Array {
  return encode({ width: img.width, height: img.height, data: img.data, channels: img.channels, depth: 8 });
}
