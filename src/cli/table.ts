/** The compression table as text: rank, stored values, compression rate, relative error, PSNR. @module */
import type { RankStats } from '../image/index.js';

/**
 * `num / den` as a percentage with two decimals, rounded half up on the exact fraction (not on
 * a binary float), e.g. 80100 / 160000 → "50.06%".
 */
export function percent(num: number, den: number): string {
  const scaled = num * 10000; // hundredths of a percent
  let q = Math.floor(scaled / den);
  const r = scaled - q * den;
  if (2 * r >= den) q += 1;
  return `${Math.floor(q / 100)}.${String(q % 100).padStart(2, '0')}%`;
}

/** The compression rate of a row, from its stored count and the image's sample count. */
function ratePercent(s: RankStats, samples: number): string {
  return percent(s.storedValues, samples);
}

/** PSNR in dB with two decimals; '∞' for an exact reconstruction. */
export function formatPsnr(psnr: number): string {
  return Number.isFinite(psnr) ? psnr.toFixed(2) : '∞';
}

const HEAD = ['rank', 'stored values', 'compression rate', 'relative error', 'PSNR (dB)'];

/**
 * The table, one row per rank in the given order, columns right-aligned under their headings.
 * `samples` is m·n·channels, the raw sample count the compression rate is taken against.
 */
export function formatTable(rows: readonly RankStats[], samples: number): string {
  const cells = rows.map((s) => [
    String(s.rank),
    String(s.storedValues),
    ratePercent(s, samples),
    s.relativeError.toFixed(4),
    formatPsnr(s.psnr),
  ]);
  const widths = HEAD.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c].length)));
  const line = (row: string[]) => row.map((x, c) => x.padStart(widths[c])).join('  ');
  return [line(HEAD), line(widths.map((w) => '─'.repeat(w))), ...cells.map(line)].join('\n');
}
