// Flags: the rank of a picture depends on its geometry, not on its size.
// Synthesises five 1200×800 flags, prints the numerical rank of each colour channel (matrixRank)
// and the smallest k whose rank-k reconstruction is visually exact (PSNR ≥ 40 dB over the three
// channels), and saves each flag and its rank-k version as PNGs.
//  - stripes along one axis: every row (or column) is the same, rank 1;
//  - a Nordic cross: two kinds of rows, rank 2;
//  - a disc: one distinct row per distinct chord width, rank in the hundreds;
//  - a diagonal band: every row is a shifted copy, close to full rank.
// The channels are 8-bit data, so the decompositions run in float32, ample for them and faster.
//
// Run after `npm run build`:  node examples/flags.mjs [output folder]
// (default output folder: <OS temp dir>/svdkit-examples/flags)
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encode } from 'fast-png';
import { matrixRank } from 'svdkit';
import { compressImage } from 'svdkit/image';

const W = 1200,
  H = 800;

/** An RGB image whose pixel (x, y) has the colour paint(x + ½, y + ½) (pixel centres). */
function draw(paint) {
  const data = new Uint8ClampedArray(W * H * 3);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) data.set(paint(x + 0.5, y + 0.5), (y * W + x) * 3);
  }
  return { width: W, height: H, channels: 3, data };
}

const flags = [
  [
    'vertical tricolour',
    'vertical',
    draw((x) => (x < W / 3 ? [0, 85, 164] : x < (2 * W) / 3 ? [255, 255, 255] : [239, 65, 53])),
  ],
  [
    'horizontal tricolour',
    'horizontal',
    draw((_x, y) => (y < H / 3 ? [0, 0, 0] : y < (2 * H) / 3 ? [221, 0, 0] : [255, 206, 0])),
  ],
  // Cross bars two tenths wide, the upright off-centre towards the hoist (5:2:9 across, 4:2:4 down).
  [
    'Nordic cross',
    'cross',
    draw((x, y) =>
      Math.abs(x - (W * 6) / 16) < W / 16 || Math.abs(y - H / 2) < H / 10 ? [254, 204, 0] : [0, 106, 167],
    ),
  ],
  // A disc of diameter 3/5 of the height, centred.
  [
    'centred disc',
    'disc',
    draw((x, y) => ((x - W / 2) ** 2 + (y - H / 2) ** 2 < (0.3 * H) ** 2 ? [188, 0, 45] : [255, 255, 255])),
  ],
  // A yellow band along the rising diagonal, green above it, red below it.
  [
    'diagonal band',
    'diagonal',
    draw((x, y) => {
      const d = (x / W + y / H - 1) * Math.min(W, H); // signed distance-like offset from the diagonal
      return Math.abs(d) < 0.15 * H ? [251, 222, 74] : d < 0 ? [0, 148, 67] : [220, 36, 31];
    }),
  ],
];

/** Channel c of an interleaved RGB image as a float32 H×W matrix. */
function channel(img, c) {
  const data = new Float32Array(W * H);
  for (let i = 0; i < W * H; i++) data[i] = img.data[i * 3 + c];
  return { rows: H, cols: W, data };
}

const out = process.argv[2] ?? join(tmpdir(), 'svdkit-examples', 'flags');
mkdirSync(out, { recursive: true });
const savePng = (name, img) =>
  writeFileSync(
    join(out, name),
    encode({ width: img.width, height: img.height, data: img.data, channels: img.channels, depth: 8 }),
  );

console.log(`five ${W}×${H} flags (m = ${H} rows, n = ${W} columns; full rank would be ${Math.min(W, H)})\n`);
console.log(
  `${'flag'.padEnd(22)}${'rank R, G, B'.padEnd(16)}${'k for PSNR ≥ 40 dB'.padStart(19)}${'PSNR at k'.padStart(11)}${'PSNR at k − 1'.padStart(15)}   stored at k`,
);
const t0 = performance.now();
for (const [title, file, img] of flags) {
  // The numerical rank: singular values above max(m, n)·ε·σ₁ (numpy's rule, ε of float32 here).
  const ranks = [0, 1, 2].map((c) => matrixRank(channel(img, c)));

  // PSNR ≥ 40 dB ⇔ mean squared error ≤ 255²·10⁻⁴ ⇔ the dropped energy Σ_{i>k} σᵢ² (all channels)
  // ≤ 6.5025·m·n·3; as a fraction of the total energy ‖R‖² + ‖G‖² + ‖B‖² (the sum of squared
  // samples), that is an { energy } spec, which compressImage turns into the smallest such k.
  let total = 0;
  for (const v of img.data) total += v * v;
  const energy = Math.max(1 - (255 ** 2 * 1e-4 * W * H * 3) / total, Number.MIN_VALUE);
  const c = compressImage(img, { energy }, { dtype: 'float32' });
  const k = c.rank,
    s = c.stats(k);
  const before = k > 1 ? c.stats(k - 1).psnr.toFixed(2) : '–';
  const psnr = Number.isFinite(s.psnr) ? s.psnr.toFixed(2) : '∞';
  console.log(
    `${title.padEnd(22)}${ranks.join(', ').padEnd(16)}${String(k).padStart(19)}${psnr.padStart(11)}${before.padStart(15)}   ${(100 * s.compressionRatio).toFixed(2)}% of the samples`,
  );

  savePng(`${file}.png`, img);
  savePng(`${file}-k${k}.png`, c.toImage(k));
}
console.log(
  `\n(${((performance.now() - t0) / 1000).toFixed(1)} s; PSNR over the three channels before rounding to 8 bits)`,
);
console.log(`wrote each flag as <name>.png and its rank-k version as <name>-k<k>.png to ${out}`);
