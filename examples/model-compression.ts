// Model compression: replace a dense 512×512 "weight" matrix W by a rank-k factorisation.
// Ahead of time: factor W with lowRank, save the factors with toBytes (to a file). At run time:
// load them with LowRank.fromBytes and compute y = W_k·x = U·(S ⊙ (Vᵀ·x)) with apply(x), which
// costs k·(m + n) multiply-accumulates instead of m·n. For several k: the size on disk, the
// multiply-accumulate count, the relative output error ‖W·x − W_k·x‖ / ‖W·x‖, and the time per
// product on each backend (timings vary from machine to machine and run to run).
//
// Run after `npm run build`:  npx tsx examples/model-compression.ts [output folder]
// (default output folder: <OS temp dir>/svdkit-examples/model-compression)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backendInfo, LowRank, lowRank, type BackendName, type Matrix } from 'svdkit';

/** A tiny seeded generator (mulberry32) and standard normal samples from it (Box–Muller). */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
const next = rng(42);
const gauss = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());

// W = Σⱼ σⱼ·xⱼ·yⱼᵀ with random directions xⱼ, yⱼ and a decaying spectrum σⱼ = e^(−j/20): the shape
// of many trained layers, whose singular values fall off quickly.
const m = 512,
  n = 512;
const X = Float64Array.from({ length: m * n }, gauss),
  Y = Float64Array.from({ length: n * n }, gauss);
const W: Matrix<Float64Array> = { rows: m, cols: n, data: new Float64Array(m * n) };
for (let j = 0; j < n; j++) {
  const s = Math.exp(-j / 20) / Math.sqrt(m * n);
  for (let i = 0; i < m; i++) {
    const a = s * X[i * n + j];
    for (let l = 0; l < n; l++) W.data[i * n + l] += a * Y[l * n + j];
  }
}

/** The dense product, as plain JavaScript: m·n multiply-accumulates. */
function dense(x: Float64Array): Float64Array {
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += W.data[i * n + j] * x[j];
    y[i] = s;
  }
  return y;
}

/** Microseconds per call of f, over at least 50 ms after a warm-up. */
function timeUs(f: () => unknown): number {
  for (let i = 0; i < 20; i++) f();
  let calls = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < 50) {
    f();
    calls++;
  }
  return (1000 * (performance.now() - t0)) / calls;
}

const distance = (a: ArrayLike<number>, b: ArrayLike<number>) =>
  Math.sqrt(Array.from(a).reduce((s, ai, i) => s + (ai - b[i]) ** 2, 0));
const x = Float64Array.from({ length: n }, gauss);
const exact = dense(x);
const out = process.argv[2] ?? join(tmpdir(), 'svdkit-examples', 'model-compression');
mkdirSync(out, { recursive: true });

const backends: BackendName[] = backendInfo().wasm ? ['wasm', 'js'] : ['js'];
const denseUs = timeUs(() => dense(x));
console.log(
  `W: ${m}×${n}, σⱼ = e^(−j/20); dense W·x: ${(m * n).toLocaleString('en-US')} multiply-accumulates, ` +
    `${denseUs.toFixed(1)} µs per product (plain JS); stored as float64: ${(8 * m * n).toLocaleString('en-US')} bytes\n`,
);

const head = [
  'k',
  'bytes (float32)',
  'MACs k(m+n)',
  'of m·n',
  'rel. error W_k',
  'rel. output error',
  ...backends.map((b) => `µs/apply ${b}`),
];
const rows: string[][] = [];
for (const k of [8, 16, 32, 64, 128]) {
  // Ahead of time: factor (randomized: fast for k ≪ n, near-optimal on a decaying spectrum), save.
  const lr = lowRank(W, k, { method: 'randomized', seed: 1 });
  const file = join(out, `weights-k${k}.svdk`);
  writeFileSync(file, lr.toBytes({ precision: 'float32' }));

  // At run time: load once per backend, then apply.
  const bytes = readFileSync(file);
  const times = backends.map((backend) => {
    const loaded = LowRank.fromBytes(bytes, { backend });
    return timeUs(() => loaded.apply(x)).toFixed(1);
  });
  const y = LowRank.fromBytes(bytes).apply(x);
  const macs = k * (m + n);
  rows.push([
    String(k),
    bytes.length.toLocaleString('en-US'),
    macs.toLocaleString('en-US'),
    `${((100 * macs) / (m * n)).toFixed(1)}%`,
    lr.relativeError.toExponential(2),
    (distance(y, exact) / distance(exact, new Float64Array(m))).toExponential(2),
    ...times,
  ]);
}
const widths = head.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
const line = (cells: string[]) => cells.map((c, j) => c.padStart(widths[j])).join('  ');
console.log(line(head));
console.log(line(widths.map((w) => '─'.repeat(w))));
for (const r of rows) console.log(line(r));
console.log(`\nrel. error W_k = ‖W − W_k‖_F / ‖W‖_F (from lowRank); the factors were written to ${out} and read back`);
console.log('µs/apply: one y = W_k·x through the loaded factors on that backend (JIT and machine dependent)');
