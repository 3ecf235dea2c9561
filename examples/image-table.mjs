// Image table: the classic "compress a photo with the SVD" table on the shipped 400×400 example.
// One decomposition of the 400×400 gray image A = U·Σ·Vᵀ, then for k = 100, 50, 30, 10 the rank-k
// approximation A_k = Σ_{i≤k} σᵢ·uᵢ·vᵢᵀ: the numbers it stores, k·(m + n + 1) (k columns of U,
// k of V, k singular values), the compression rate against the m·n pixels, the relative error
// ‖A − A_k‖_F / ‖A‖_F and the PSNR. Writes the four approximations as PNGs.
//
// Run after `npm run build`:  node examples/image-table.mjs [output folder]
// (default output folder: <OS temp dir>/svdkit-examples/image-table)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode, encode } from 'fast-png';
import { compressImage } from 'svdkit/image';

const png = decode(readFileSync(new URL('./data/camera-400.png', import.meta.url)));
const image = { width: png.width, height: png.height, data: png.data, channels: png.channels };
const [m, n] = [image.height, image.width];
console.log(
  `camera-400.png: ${n}×${m}, ${image.channels === 1 ? 'gray' : `${image.channels} channels`}, ${m * n * image.channels} samples`,
);

const ranks = [100, 50, 30, 10];
const c = compressImage(image, Math.max(...ranks)); // one SVD; every k ≤ 100 is then free
console.log(
  `one SVD on the ${c.backend} backend; σ₁ = ${c.singularValues[0][0].toFixed(1)}, σ₄₀₀ = ${c.singularValues[0][399].toFixed(3)}\n`,
);

const head = ['rank', 'stored values', 'compression rate', 'relative error', 'PSNR (dB)'];
const rows = ranks.map((k) => {
  const s = c.stats(k);
  return [
    k,
    s.storedValues,
    `${(100 * s.compressionRatio).toFixed(2)}%`,
    s.relativeError.toFixed(4),
    s.psnr.toFixed(2),
  ].map(String);
});
const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
const line = (cells) => cells.map((x, j) => x.padStart(widths[j])).join('  ');
console.log(line(head));
console.log(line(widths.map((w) => '─'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(`
stored values = k·(m + n + 1) = k·${m + n + 1}; compression rate = stored values / (m·n) = stored / ${m * n}
relative error = ‖A − A_k‖_F / ‖A‖_F = √(Σ_{i>k} σᵢ²) / √(Σ σᵢ²)  (Eckart–Young: no rank-k matrix does better)
PSNR = 10·log₁₀(255² / mean squared error), before rounding to 8 bits`);

const out = process.argv[2] ?? join(tmpdir(), 'svdkit-examples', 'image-table');
mkdirSync(out, { recursive: true });
for (const k of ranks) {
  const img = c.toImage(k);
  writeFileSync(
    join(out, `camera-k${k}.png`),
    encode({ width: img.width, height: img.height, data: img.data, channels: img.channels, depth: 8 }),
  );
}
console.log(`\nwrote ${ranks.map((k) => `camera-k${k}.png`).join(', ')} to ${out}`);
