/** A contact sheet: images side by side on white, each with a caption below. @module */
import { InvalidOptionError } from '../../errors.js';
import { checkOptions, is, type OptionCheck } from '../../validate.js';
import { drawText, lineHeight, textWidth } from './font.js';
import { checkImage } from '../../image/input.js';
import { fitWithin } from './resize.js';
import type { Image8, ImageInput } from '../../image/types.js';

/** One picture of a contact sheet and its caption lines (the first drawn in bold size). */
export interface SheetTile {
  /** The picture, scaled to fit its tile. */
  image: ImageInput;
  /** Lines under the picture; the first is drawn larger. */
  caption: readonly string[];
}

/** Options of {@link contactSheet}. */
export interface ContactSheetOptions {
  /** Tiles a row; default all of them up to 5. */
  columns?: number;
  /** Larger images are shrunk (by an integer factor) to fit this many pixels a side; default 512. */
  maxTile?: number;
  /** A heading above the tiles. */
  title?: string;
}

const PAPER = 255,
  INK = [34, 34, 34],
  SOFT = [96, 96, 96],
  FRAME = 200;

const sheetChecks = {
  columns: is.integer(1),
  maxTile: is.integer(1),
  title: (v: unknown) => (typeof v === 'string' ? null : 'must be a string'),
} satisfies Record<keyof ContactSheetOptions, OptionCheck>;

/** Each tile is { image, caption } with caption an array of strings (the image is checked later). */
function checkTiles(tiles: unknown): asserts tiles is readonly SheetTile[] {
  if (!Array.isArray(tiles) || tiles.length === 0) throw new InvalidOptionError('contactSheet: give at least one tile');
  tiles.forEach((t: unknown, i) => {
    const caption = t !== null && typeof t === 'object' ? (t as SheetTile).caption : undefined;
    if (!Array.isArray(caption) || !caption.every((s) => typeof s === 'string')) {
      throw new InvalidOptionError(
        `contactSheet: tile ${i} must be { image, caption } with caption an array of strings`,
      );
    }
  });
}

/**
 * Lays images out in a grid on white with their captions below them, for a person to compare.
 * All tiles must have the same channel count, which the sheet gets too (alpha made opaque
 * outside the pictures). Text uses the built-in bitmap font ({@link drawText}).
 * @throws {@link svdkit!InvalidMatrixError | InvalidMatrixError} a malformed tile image.
 * @throws {@link svdkit!InvalidOptionError | InvalidOptionError} no tiles, mixed channel counts or a bad option.
 */
export function contactSheet(tiles: readonly SheetTile[], opts: ContactSheetOptions = {}): Image8 {
  checkTiles(tiles);
  checkOptions('contactSheet', opts, sheetChecks);
  const maxTile = opts.maxTile ?? 512;
  const imgs = tiles.map((t) => {
    const c = checkImage(t.image, 'contactSheet');
    // A read-only view: tiles are never written.
    return fitWithin(
      { ...c, data: new Uint8ClampedArray(c.data.buffer as ArrayBuffer, c.data.byteOffset, c.data.length) },
      maxTile,
    );
  });
  const C = imgs[0].channels;
  if (imgs.some((im) => im.channels !== C))
    throw new InvalidOptionError('contactSheet: all tiles must have the same number of channels');
  const columns = Math.max(1, Math.min(opts.columns ?? Math.min(tiles.length, 5), tiles.length));
  const rows = Math.ceil(tiles.length / columns);

  const cellW = Math.max(...imgs.map((im) => im.width));
  const cellH = Math.max(...imgs.map((im) => im.height));
  const big = cellW >= 360 ? 3 : cellW >= 200 ? 2 : 1; // font scale of the first caption line
  const small = cellW >= 300 ? 2 : 1; // and of the others and the title
  const lines = Math.max(...tiles.map((t) => t.caption.length));
  const captionH = lines === 0 ? 0 : lineHeight(big) + 2 * small + (lines - 1) * (lineHeight(small) + 2 * small);
  const textW = Math.max(
    ...tiles.map((t) => Math.max(0, ...t.caption.map((s, i) => textWidth(s, i === 0 ? big : small)))),
  );
  const colW = Math.max(cellW, textW);
  const pad = 16 * small,
    gap = 16 * small;
  const titleH = opts.title ? lineHeight(small) + pad : 0;
  // A title wider than the tiles (tiny images) widens the sheet rather than being cut off.
  const width = Math.max(
    2 * pad + columns * colW + (columns - 1) * gap,
    opts.title ? 2 * pad + textWidth(opts.title, small) : 0,
  );
  const height = 2 * pad + titleH + rows * (cellH + 10 + captionH) + (rows - 1) * gap;

  const sheet: Image8 = { width, height, channels: C, data: new Uint8ClampedArray(width * height * C).fill(PAPER) };
  if (opts.title) drawText(sheet, opts.title, pad, pad, { scale: small, color: INK });
  imgs.forEach((im, t) => {
    const col = t % columns,
      row = Math.floor(t / columns),
      left = pad + col * (colW + gap);
    const x0 = left + Math.floor((colW - im.width) / 2);
    const y0 = pad + titleH + row * (cellH + 10 + captionH + gap);
    frame(sheet, x0 - 1, y0 - 1, im.width + 2, im.height + 2);
    blit(sheet, im, x0, y0);
    let y = y0 + im.height + 10;
    tiles[t].caption.forEach((line, i) => {
      const s = i === 0 ? big : small;
      // Aligned with the picture, but moved left as far as needed to stay inside its column
      // (a caption is wider than a tiny picture).
      const x = Math.max(left, Math.min(x0, left + colW - textWidth(line, s)));
      drawText(sheet, line, x, y, { scale: s, color: i === 0 ? INK : SOFT });
      y += lineHeight(s) + 2 * small;
    });
  });
  return sheet;
}

function blit(dst: Image8, src: Image8, x0: number, y0: number): void {
  const C = dst.channels;
  for (let y = 0; y < src.height; y++) {
    dst.data.set(src.data.subarray(y * src.width * C, (y + 1) * src.width * C), ((y0 + y) * dst.width + x0) * C);
  }
}

/** A one-pixel light-gray rectangle outline. */
function frame(img: Image8, x: number, y: number, w: number, h: number): void {
  const C = img.channels,
    colour = C === 2 || C === 4 ? C - 1 : C;
  const put = (px: number, py: number) => {
    if (px < 0 || py < 0 || px >= img.width || py >= img.height) return;
    for (let c = 0; c < colour; c++) img.data[(py * img.width + px) * C + c] = FRAME;
  };
  for (let i = 0; i < w; i++) {
    put(x + i, y);
    put(x + i, y + h - 1);
  }
  for (let i = 0; i < h; i++) {
    put(x, y + i);
    put(x + w - 1, y + i);
  }
}
