// The compression table for the current rank.
import type { RankStats } from 'svdkit/image';

const set = (id: string, text: string) => {
  document.getElementById(id)!.textContent = text;
};

/** Fills the table from stats(k); `raw` is width·height·channels. */
export function fillTable(s: RankStats, raw: number): void {
  set('t-rank', String(s.rank));
  set('t-stored', String(s.storedValues));
  set('t-raw', String(raw));
  set('t-ratio', `${(100 * s.compressionRatio).toFixed(2)}%`);
  set('t-error', `${(100 * s.relativeError).toFixed(2)}%`);
  set('t-psnr', Number.isFinite(s.psnr) ? `${s.psnr.toFixed(2)} dB` : '∞ (exact)');
  set('t-energy', `${(100 * s.energy).toFixed(3)}%`);
}
