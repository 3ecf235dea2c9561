/**
 * A photo-like RGB test image of any size, for bench/photo.ts and the image tests: the shipped
 * camera-400.png upscaled bilinearly, tinted differently per channel, plus seeded Gaussian noise
 * of σ = 3 levels (a sensor-like flat tail in the spectrum, the hard case for a randomized SVD).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decode } from 'fast-png';
import { createRng } from '../src/random.js';

/** A W×H RGB photo-like image (3 samples a pixel), the same for the same size and seed. */
export function photoLike(W: number, H: number, seed = 7): Uint8Array {
  const src = decode(readFileSync(fileURLToPath(new URL('../examples/data/camera-400.png', import.meta.url))));
  const sw = src.width,
    sh = src.height,
    sc = src.channels,
    s = src.data;
  const rng = createRng(seed),
    out = new Uint8Array(W * H * 3);
  for (let y = 0; y < H; y++) {
    const fy = Math.min(sh - 1.001, Math.max(0, ((y + 0.5) * sh) / H - 0.5)),
      y0 = Math.floor(fy),
      wy = fy - y0;
    for (let x = 0; x < W; x++) {
      const fx = Math.min(sw - 1.001, Math.max(0, ((x + 0.5) * sw) / W - 0.5)),
        x0 = Math.floor(fx),
        wx = fx - x0;
      const at = (yy: number, xx: number) => s[(yy * sw + xx) * sc];
      const v =
        (1 - wy) * ((1 - wx) * at(y0, x0) + wx * at(y0, x0 + 1)) +
        wy * ((1 - wx) * at(y0 + 1, x0) + wx * at(y0 + 1, x0 + 1));
      const tint = [v, 0.8 * v + (51 * x) / W, 0.6 * v + (102 * y) / H];
      for (let c = 0; c < 3; c++)
        out[(y * W + x) * 3 + c] = Math.max(0, Math.min(255, Math.round(tint[c] + 3 * rng.normal())));
    }
  }
  return out;
}
