import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../src/index.js';
import type { Image8 } from '../src/image/index.js';
import { contactSheet } from '../src/cli/render/contact-sheet.js';
import { drawText, lineHeight, textWidth } from '../src/cli/render/font.js';
import { fitWithin } from '../src/cli/render/resize.js';

function blank(width: number, height: number, channels: 1 | 2 | 3 | 4, value = 255): Image8 {
  return { width, height, channels, data: new Uint8ClampedArray(width * height * channels).fill(value) };
}

function inked(img: Image8): number {
  let n = 0;
  for (let i = 0; i < img.width * img.height; i++) if (img.data[i * img.channels] < 128) n++;
  return n;
}

describe('bitmap font', () => {
  const alphabet = '0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ .,:%=-+/()×·?';

  it('draws every glyph it has, each leaving ink', () => {
    for (const ch of alphabet.replace(/ /g, '')) {
      const img = blank(8, 10, 1);
      drawText(img, ch, 1, 0);
      expect(inked(img), `glyph '${ch}'`).toBeGreaterThan(0);
    }
  });

  it('measures text: 5-pixel glyphs, 1 pixel apart, scaled', () => {
    expect(textWidth('k')).toBe(4);
    expect(textWidth('00')).toBe(11);
    expect(textWidth('100', 2)).toBe(2 * 17);
    expect(lineHeight(3)).toBe(27);
  });

  it('clips at the image edge and colours RGB and alpha images', () => {
    const img = blank(6, 4, 4, 0);
    drawText(img, '8', 3, -2, { color: [200, 10, 20] });
    expect(Array.from(img.data.subarray(0, 4))).toEqual([0, 0, 0, 0]);
    const lit = [...Array(24).keys()].filter((p) => img.data[p * 4 + 3] === 255);
    expect(lit.length).toBeGreaterThan(0);
    for (const p of lit) expect(Array.from(img.data.subarray(p * 4, p * 4 + 3))).toEqual([200, 10, 20]);
  });
});

describe('contactSheet', () => {
  it('lays tiles side by side with captions, reading but never writing them', () => {
    const tiles = [0, 1, 2].map((i) => ({ image: blank(100, 80, 1, 60 * i), caption: [`k = ${i}`, 'ratio 5.01%'] }));
    const before = tiles.map((t) => t.image.data.slice());
    const sheet = contactSheet(tiles, { title: 'test' });
    expect(sheet.channels).toBe(1);
    expect(sheet.width).toBeGreaterThan(300);
    expect(sheet.height).toBeGreaterThan(80);
    tiles.forEach((t, i) => {
      expect(t.image.data).toEqual(before[i]);
    });
    // the three tile colours are there, side by side on one row
    const row = 16 + 40 + lineHeight(1) + 16;
    const values = new Set<number>();
    for (let x = 0; x < sheet.width; x++) values.add(sheet.data[row * sheet.width + x]);
    expect(values).toContain(0);
    expect(values).toContain(60);
    expect(values).toContain(120);
  });

  it('wraps into rows and shrinks large tiles', () => {
    const tiles = Array.from({ length: 4 }, () => ({ image: blank(1200, 600, 3, 0), caption: ['x'] }));
    const sheet = contactSheet(tiles, { columns: 2, maxTile: 300 });
    expect(sheet.channels).toBe(3);
    expect(sheet.width).toBeLessThan(2 * 300 + 200);
    expect(sheet.height).toBeGreaterThan(2 * 150);
    expect(fitWithin(blank(1200, 600, 1), 300)).toMatchObject({ width: 300, height: 150 });
  });

  it('refuses no tiles and mixed channel counts', () => {
    expect(() => contactSheet([])).toThrow(InvalidOptionError);
    expect(() =>
      contactSheet([
        { image: blank(4, 4, 1), caption: [] },
        { image: blank(4, 4, 3), caption: [] },
      ]),
    ).toThrow(/same number of channels/);
  });
});

describe('∞ and tiny images', () => {
  it('draws ∞ with its own glyph, not the unknown-character "?"', () => {
    const inf = blank(10, 10, 1),
      unknown = blank(10, 10, 1);
    drawText(inf, '∞', 1, 0);
    drawText(unknown, '?', 1, 0);
    expect(textWidth('∞')).toBe(7);
    expect(inked(inf)).toBe(11);
    expect(inf.data).not.toEqual(unknown.data);
  });

  it('a 1×1 picture: captions and title stay whole inside the sheet', () => {
    const one = blank(1, 1, 3, 0);
    const caption = ['original', '1 × 1 RGB', '3 values'];
    const title = 'photo: truncated SVD at rank k';
    const sheet = contactSheet(
      [
        { image: one, caption },
        { image: one, caption: ['k = 1', 'ratio 100.00%', 'PSNR ∞ dB'] },
      ],
      { title },
    );
    // Ink never reaches the right or bottom edge (it would if something were cut off there).
    let right = 0,
      bottom = 0;
    for (let y = 0; y < sheet.height; y++)
      for (let x = 0; x < sheet.width; x++) {
        if (sheet.data[(y * sheet.width + x) * 3] < 128) {
          right = Math.max(right, x);
          bottom = Math.max(bottom, y);
        }
      }
    expect(right).toBeLessThan(sheet.width - 8);
    expect(bottom).toBeLessThan(sheet.height - 8);
    expect(sheet.width).toBeGreaterThanOrEqual(textWidth(title) + 32);
    // Every caption's ink is there: as much as the same lines drawn on their own.
    const alone = blank(400, 200, 3);
    [...caption, 'k = 1', 'ratio 100.00%', 'PSNR ∞ dB', title].forEach((line, i) => {
      drawText(alone, line, 2, 2 + 20 * (i % 10), { scale: 1 });
    });
    expect(inked(sheet)).toBeGreaterThanOrEqual(inked(alone) - 2); // −2: the two 1×1 black pictures are counted in the sheet
  });
});
