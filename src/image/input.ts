/** Checking an image argument and splitting it into one matrix per channel. @module */
import { allocate } from '../arrays.js';
import { InvalidMatrixError } from '../errors.js';
import type { ImageInput, ImageInput16 } from './types.js';

/** A checked image: sizes and channel count known good. */
export interface CheckedImage {
  width: number;
  height: number;
  channels: 1 | 2 | 3 | 4;
  data: Uint8Array | Uint8ClampedArray | Uint16Array;
  /** 8, or 16 for Uint16Array data. */
  depth: 8 | 16;
}

function positiveInteger(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}

/**
 * Checks `image` ({ width, height, data, channels? }) and infers the channel count from the data
 * length when it is absent. Throws {@link InvalidMatrixError} saying what is wrong.
 */
export function checkImage(image: ImageInput | ImageInput16, fn: string, allow16 = false): CheckedImage {
  if (image === null || typeof image !== 'object') {
    throw new InvalidMatrixError(
      `${fn}: the image must be an object { width, height, data, channels? }, got ` +
        `${image === null ? 'null' : typeof image}`,
    );
  }
  const { width, height, data } = image;
  if (!positiveInteger(width) || !positiveInteger(height)) {
    throw new InvalidMatrixError(
      `${fn}: image width and height must be positive integers, got ${String(width)}×${String(height)}`,
    );
  }
  const wide = data instanceof Uint16Array;
  if (!(data instanceof Uint8Array || data instanceof Uint8ClampedArray || (wide && allow16))) {
    const d = data as unknown;
    const got =
      d === null
        ? 'null'
        : ArrayBuffer.isView(d)
          ? `a ${d.constructor.name}`
          : Array.isArray(d)
            ? 'an array'
            : typeof d;
    throw new InvalidMatrixError(
      `${fn}: image data must be a Uint8Array or Uint8ClampedArray of 8-bit ` +
        `samples${allow16 ? ' (or a Uint16Array of 16-bit samples)' : ''}, got ${got}`,
    );
  }
  const pixels = width * height;
  const channels = image.channels ?? data.length / pixels;
  if (channels !== 1 && channels !== 2 && channels !== 3 && channels !== 4) {
    throw new InvalidMatrixError(
      image.channels === undefined
        ? `${fn}: image data has ${data.length} samples for ${width}×${height} = ${pixels} pixels; expected 1, 2, 3 ` +
            `or 4 samples a pixel (gray, gray+alpha, RGB, RGBA)`
        : `${fn}: image channels must be 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA), got ${String(image.channels)}`,
    );
  }
  if (data.length !== pixels * channels) {
    throw new InvalidMatrixError(
      `${fn}: image data has ${data.length} samples but width·height·channels = ${width}·${height}·${channels} = ` +
        `${pixels * channels}`,
    );
  }
  return { width, height, channels, data, depth: wide ? 16 : 8 };
}

/** Whether the last channel of an image with this many channels is alpha. */
export function hasAlpha(channels: number): boolean {
  return channels === 2 || channels === 4;
}

/** Channel `c` of an interleaved image as a row-major height×width Float64Array. */
export function channelPlane(
  img: { width: number; height: number; channels: number; data: ArrayLike<number> },
  c: number,
): Float64Array {
  const n = img.width * img.height,
    out = allocate('float64', n) as Float64Array,
    step = img.channels;
  for (let i = 0, j = c; i < n; i++, j += step) out[i] = img.data[j];
  return out;
}
