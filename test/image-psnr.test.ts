// PSNR pinned exactly on images whose rank-k error is known in closed form, the expected value
// computed here from the definition PSNR = 10·log10(255²·N / ‖A − A_k‖²_F), N the compressed
// samples (not from svdkit's output). A formula off by even 0.01 dB fails.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { decode } from 'fast-png';
import { compressImage } from '../src/image/index.js';

/**
 * W×H, channel c = base[c] + amp[c]·(−1)^(x+y): the matrix base·𝟙𝟙ᵀ + amp·s·tᵀ with s, t the
 * alternating ±1 vectors, orthogonal to 𝟙 (W, H even). Singular values base·√(WH) and
 * amp·√(WH); the rank-1 approximation leaves exactly amp·s·tᵀ, of squared norm amp²·W·H.
 */
function checker(W: number, H: number, base: number[], amp: number[]) {
  const ch = base.length,
    data = new Uint8Array(W * H * ch);
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++)
      for (let c = 0; c < ch; c++) {
        data[(y * W + x) * ch + c] = base[c] + amp[c] * ((x + y) % 2 === 0 ? 1 : -1);
      }
  return { width: W, height: H, data };
}

describe('PSNR', () => {
  it('gray: 20·log10(255 / amp) at rank 1, rounding level at rank 2, Infinity for a flat image', () => {
    const c = compressImage(checker(8, 6, [100], [20]), 2);
    const expected = 10 * Math.log10((255 * 255 * 48) / (20 * 20 * 48)); // = 22.1102… dB
    expect(c.stats(1).psnr).toBeCloseTo(expected, 9);
    expect(c.stats(1).relativeError).toBeCloseTo(20 / Math.hypot(100, 20), 12);
    // Past the rank the σ are rounding errors, ≤ 50·p·u·σ₁: PSNR ≥ 20·log10(255/(50·6·u·700)) ≈ 276 dB.
    expect(c.stats(2).psnr).toBeGreaterThan(270);
    // A flat image reduces exactly (every column the same): the error past rank 1 is exactly 0.
    expect(compressImage(checker(8, 6, [100], [0]), 1).stats(1).psnr).toBe(Infinity);
  });

  it('RGB: the error of all channels together over all their samples', () => {
    const W = 10,
      H = 4,
      amp = [20, 30, 10];
    const c = compressImage(checker(W, H, [100, 120, 140], amp), 1);
    const squaredError = amp.reduce((s, a) => s + a * a * W * H, 0);
    const expected = 10 * Math.log10((255 * 255 * W * H * 3) / squaredError); // = 22.6…
    expect(c.stats(1).psnr).toBeCloseTo(expected, 9);
  });

  it('the example photo matches numpy at ranks 10, 30, 50, 100 (the README table)', () => {
    // Source: numpy 2.4.6, float64, on the decoded 400×400 gray pixels of examples/data/camera-400.png:
    //   s = np.linalg.svd(A, compute_uv=False); err = np.sqrt((s[k:]**2).sum())
    //   rel = err / np.sqrt((s**2).sum()); psnr = 10*np.log10(255**2 * A.size / err**2)
    const numpy: [number, number, number][] = [
      [10, 0.1482995176103272, 21.904707023039265],
      [30, 0.08309033915677204, 26.93649115676238],
      [50, 0.05850744701843613, 29.98327882979644],
      [100, 0.03254195304497654, 35.07862950821825],
    ];
    const png = decode(readFileSync(new URL('../examples/data/camera-400.png', import.meta.url)));
    const c = compressImage({ width: png.width, height: png.height, data: png.data as Uint8Array }, 100);
    for (const [k, rel, psnr] of numpy) {
      const s = c.stats(k);
      expect(Math.abs(s.relativeError - rel) / rel).toBeLessThan(1e-9);
      expect(Math.abs(s.psnr - psnr)).toBeLessThan(1e-8);
    }
  });
});
