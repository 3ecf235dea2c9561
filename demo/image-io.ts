// Reading pictures into svdkit images and drawing svdkit images onto canvases.
import type { Image8, ImageInput } from 'svdkit/image';

/** Longest side the demo decomposes (bigger pictures are scaled down first). */
const MAX_SIDE = 512;

/**
 * Decodes a picture (URL or File) into an image of 1 channel when it is gray, 3 when it is
 * opaque colour, else 4 (RGBA), scaled down to at most {@link MAX_SIDE} pixels a side.
 */
export async function loadImage(source: string | Blob): Promise<ImageInput & { channels: number }> {
  const blob = typeof source === 'string' ? await (await fetch(source)).blob() : source;
  const bitmap = await createImageBitmap(blob);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const width = Math.max(1, Math.round(bitmap.width * scale)),
    height = Math.max(1, Math.round(bitmap.height * scale));
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d')!;
  ctx.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const rgba = ctx.getImageData(0, 0, width, height).data;
  let gray = true,
    opaque = true;
  for (let i = 0; i < rgba.length; i += 4) {
    if (rgba[i] !== rgba[i + 1] || rgba[i] !== rgba[i + 2]) gray = false;
    if (rgba[i + 3] !== 255) opaque = false;
  }
  const channels = gray && opaque ? 1 : opaque ? 3 : 4;
  if (channels === 4) return { width, height, channels, data: new Uint8ClampedArray(rgba) };
  const data = new Uint8ClampedArray(width * height * channels);
  for (let p = 0; p < width * height; p++) for (let c = 0; c < channels; c++) data[p * channels + c] = rgba[p * 4 + c];
  return { width, height, channels, data };
}

/** Draws an image of 1–4 channels onto a canvas, resizing the canvas to it. */
export function draw(canvas: HTMLCanvasElement, img: Image8 | (ImageInput & { channels: number })): void {
  const { width, height, channels, data } = img;
  canvas.width = width;
  canvas.height = height;
  const out = new ImageData(width, height);
  const px = out.data;
  for (let p = 0; p < width * height; p++) {
    const s = p * channels,
      d = p * 4;
    if (channels <= 2) {
      px[d] = px[d + 1] = px[d + 2] = data[s];
      px[d + 3] = channels === 2 ? data[s + 1] : 255;
    } else {
      px[d] = data[s];
      px[d + 1] = data[s + 1];
      px[d + 2] = data[s + 2];
      px[d + 3] = channels === 4 ? data[s + 3] : 255;
    }
  }
  canvas.getContext('2d')!.putImageData(out, 0, 0);
}
