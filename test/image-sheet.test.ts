import { describe, expect, it } from 'vitest';
import { InvalidOptionError } from '../src/index.js';
import { contactSheet, drawText, fitWithin, lineHeight, textWidth, type Image8 } from '../src/image/index.js';

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
    tiles.forEach((t, i) => expect(t.image.data).toEqual(before[i]));
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
    expect(() => contactSheet([{ image: blank(4, 4, 1), caption: [] }, { image: blank(4, 4, 3), caption: [] }]))
      .toThrow(/same number of channels/);
  });
});
