/**
 * A tiny built-in bitmap font for labels on generated images (no canvas needed): digits, A–Z,
 * a–z and a few signs, 5 pixels wide (some narrower) on a 9-row cell: rows 0–6 hold capitals
 * and digits (row 6 is the baseline), rows 7–8 the descenders of g, j, p, q, y.
 * @module
 */
import { InvalidOptionError } from '../../errors.js';
import { checkOptions, type OptionCheck } from '../../validate.js';
import { checkImage } from '../../image/input.js';
import type { Image8 } from '../../image/types.js';

/** Rows of '#' (ink) and '.' (paper), top to bottom, separated by '/'. */
const GLYPHS: Record<string, string> = {
  '0': '.###./#...#/#..##/#.#.#/##..#/#...#/.###.',
  '1': '..#../.##../..#../..#../..#../..#../.###.',
  '2': '.###./#...#/....#/...#./..#../.#.../#####',
  '3': '#####/...#./..#../...#./....#/#...#/.###.',
  '4': '...#./..##./.#.#./#..#./#####/...#./...#.',
  '5': '#####/#..../####./....#/....#/#...#/.###.',
  '6': '..##./.#.../#..../####./#...#/#...#/.###.',
  '7': '#####/....#/...#./..#../.#.../.#.../.#...',
  '8': '.###./#...#/#...#/.###./#...#/#...#/.###.',
  '9': '.###./#...#/#...#/.####/....#/...#./.##..',
  A: '.###./#...#/#...#/#####/#...#/#...#/#...#',
  B: '####./#...#/#...#/####./#...#/#...#/####.',
  C: '.###./#...#/#..../#..../#..../#...#/.###.',
  D: '####./#...#/#...#/#...#/#...#/#...#/####.',
  E: '#####/#..../#..../####./#..../#..../#####',
  F: '#####/#..../#..../####./#..../#..../#....',
  G: '.###./#...#/#..../#.###/#...#/#...#/.####',
  H: '#...#/#...#/#...#/#####/#...#/#...#/#...#',
  I: '###/.#./.#./.#./.#./.#./###',
  J: '..###/...#./...#./...#./...#./#..#./.##..',
  K: '#...#/#..#./#.#../##.../#.#../#..#./#...#',
  L: '#..../#..../#..../#..../#..../#..../#####',
  M: '#...#/##.##/#.#.#/#.#.#/#...#/#...#/#...#',
  N: '#...#/#...#/##..#/#.#.#/#..##/#...#/#...#',
  O: '.###./#...#/#...#/#...#/#...#/#...#/.###.',
  P: '####./#...#/#...#/####./#..../#..../#....',
  Q: '.###./#...#/#...#/#...#/#.#.#/#..#./.##.#',
  R: '####./#...#/#...#/####./#.#../#..#./#...#',
  S: '.####/#..../#..../.###./....#/....#/####.',
  T: '#####/..#../..#../..#../..#../..#../..#..',
  U: '#...#/#...#/#...#/#...#/#...#/#...#/.###.',
  V: '#...#/#...#/#...#/#...#/#...#/.#.#./..#..',
  W: '#...#/#...#/#...#/#.#.#/#.#.#/#.#.#/.#.#.',
  X: '#...#/#...#/.#.#./..#../.#.#./#...#/#...#',
  Y: '#...#/#...#/.#.#./..#../..#../..#../..#..',
  Z: '#####/....#/...#./..#../.#.../#..../#####',
  a: '...../...../.###./....#/.####/#...#/.####',
  b: '#..../#..../#.##./##..#/#...#/#...#/####.',
  c: '...../...../.###./#..../#..../#...#/.###.',
  d: '....#/....#/.##.#/#..##/#...#/#...#/.####',
  e: '...../...../.###./#...#/#####/#..../.###.',
  f: '..##/.#../.#../####/.#../.#../.#..',
  g: '...../...../.####/#...#/#...#/#...#/.####/....#/.###.',
  h: '#..../#..../#.##./##..#/#...#/#...#/#...#',
  i: '.#./.../##./.#./.#./.#./###',
  j: '...#/..../..##/...#/...#/...#/...#/#..#/.##.',
  k: '#.../#.../#..#/#.#./##../#.#./#..#',
  l: '##./.#./.#./.#./.#./.#./###',
  m: '...../...../##.#./#.#.#/#.#.#/#.#.#/#.#.#',
  n: '...../...../#.##./##..#/#...#/#...#/#...#',
  o: '...../...../.###./#...#/#...#/#...#/.###.',
  p: '...../...../####./#...#/#...#/#...#/####./#..../#....',
  q: '...../...../.####/#...#/#...#/#...#/.####/....#/....#',
  r: '...../...../#.##./##..#/#..../#..../#....',
  s: '...../...../.####/#..../.###./....#/####.',
  t: '.#../.#../####/.#../.#../.#../..##',
  u: '...../...../#...#/#...#/#...#/#..##/.##.#',
  v: '...../...../#...#/#...#/#...#/.#.#./..#..',
  w: '...../...../#...#/#...#/#.#.#/#.#.#/.#.#.',
  x: '...../...../#...#/.#.#./..#../.#.#./#...#',
  y: '...../...../#...#/#...#/#...#/#...#/.####/....#/.###.',
  z: '...../...../#####/...#./..#../.#.../#####',
  ' ': '.../.../.../.../.../.../...',
  '.': '../../../../../##/##',
  ',': '../../../../../##/##/.#/#.',
  ':': '../##/##/../##/##/..',
  '%': '##.../##..#/...#./..#../.#.../#..##/...##',
  '=': '...../...../#####/...../#####/...../.....',
  '-': '...../...../...../#####/...../...../.....',
  '+': '...../..#../..#../#####/..#../..#../.....',
  '/': '....#/....#/...#./..#../.#.../#..../#....',
  '(': '..#/.#./#../#../#../.#./..#',
  ')': '#../.#./..#/..#/..#/.#./#..',
  '×': '...../#...#/.#.#./..#../.#.#./#...#/.....',
  '·': '../../../##/##/../..',
  '?': '.###./#...#/....#/...#./..#../...../..#..',
  '∞': '......./......./.##.##./#..#..#/.##.##./......./.......',
};

/** Rows in a glyph cell (capitals use the first 7). */
const CELL_ROWS = 9;
/** Empty columns between two glyphs, before scaling. */
const GAP = 1;

/** Glyph for a character; unknown characters draw as '?'. */
function glyph(ch: string): string[] {
  return (GLYPHS[ch] ?? GLYPHS['?']).split('/');
}

function checkText(fn: string, text: unknown): void {
  if (typeof text !== 'string')
    throw new InvalidOptionError(`${fn}: text must be a string, got ${text === null ? 'null' : typeof text}`);
}

const isScale = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 1;

function checkScale(fn: string, scale: unknown): void {
  if (!isScale(scale)) {
    throw new InvalidOptionError(`${fn}: scale must be a positive integer, got ${String(scale)}`);
  }
}

/** Width in pixels of `text` drawn at `scale`. */
export function textWidth(text: string, scale = 1): number {
  checkText('textWidth', text);
  checkScale('textWidth', scale);
  let w = 0;
  for (const ch of text) w += glyph(ch)[0].length + GAP;
  return Math.max(0, w - GAP) * scale;
}

/** Height in pixels of one line at `scale`, descenders included. */
export function lineHeight(scale = 1): number {
  checkScale('lineHeight', scale);
  return CELL_ROWS * scale;
}

/** Options of {@link drawText}. */
export interface DrawTextOptions {
  /** Each font pixel becomes a scale×scale square; a positive integer, default 1. */
  scale?: number;
  /** [gray] or [r, g, b], 0…255; default black. */
  color?: readonly number[];
}

const drawChecks = {
  scale: (v: unknown) => (isScale(v) ? null : 'must be a positive integer'),
  color: (v: unknown) =>
    Array.isArray(v) && v.length > 0 && v.every((c) => typeof c === 'number' && c >= 0 && c <= 255)
      ? null
      : 'must be [gray] or [r, g, b] with numbers from 0 to 255',
} satisfies Record<keyof DrawTextOptions, OptionCheck>;

/**
 * Calls `paint` with the sample offset of each pixel of the size×size square at (x0, y0) that
 * lies inside the image: the loops cover the clipped square only, so a huge scale or a far-off
 * position costs nothing.
 */
function square(img: Image8, x0: number, y0: number, size: number, paint: (at: number) => void): void {
  const xa = Math.max(0, x0),
    xb = Math.min(img.width, x0 + size);
  const ya = Math.max(0, y0),
    yb = Math.min(img.height, y0 + size);
  for (let py = ya; py < yb; py++) for (let px = xa; px < xb; px++) paint((py * img.width + px) * img.channels);
}

/**
 * Draws `text` into `img` with its cell's top-left corner at (x, y); each font pixel becomes a
 * scale×scale square of `color` (one gray level, or RGB used as far as the image has colour
 * channels; alpha, when present, becomes opaque). Pixels outside the image are skipped.
 * @throws InvalidMatrixError a malformed image.
 * @throws InvalidOptionError text not a string, x or y not integers, a bad scale or color.
 */
export function drawText(img: Image8, text: string, x: number, y: number, opts: DrawTextOptions = {}): void {
  checkImage(img, 'drawText');
  checkText('drawText', text);
  checkOptions('drawText', opts, drawChecks);
  if (!Number.isSafeInteger(x) || !Number.isSafeInteger(y)) {
    throw new InvalidOptionError(`drawText: x and y must be integers (pixels), got ${String(x)} and ${String(y)}`);
  }
  const scale = opts.scale ?? 1,
    color = opts.color ?? [0, 0, 0];
  const C = img.channels,
    colorChannels = C >= 3 ? 3 : 1,
    alpha = C === 2 || C === 4;
  const gray = Math.round(color.length >= 3 ? 0.299 * color[0] + 0.587 * color[1] + 0.114 * color[2] : color[0]);
  const paint = (at: number) => {
    if (colorChannels === 1) img.data[at] = gray;
    else for (let k = 0; k < 3; k++) img.data[at + k] = color[Math.min(k, color.length - 1)];
    if (alpha) img.data[at + C - 1] = 255;
  };
  let cx = x;
  for (const ch of text) {
    if (cx >= img.width) break; // the rest of the line is off the image
    const rows = glyph(ch);
    for (let r = 0; r < rows.length; r++) {
      for (let c = 0; c < rows[r].length; c++) {
        if (rows[r][c] === '#') square(img, cx + c * scale, y + r * scale, scale, paint);
      }
    }
    cx += (rows[0].length + GAP) * scale;
  }
}
