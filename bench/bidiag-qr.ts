/**
 * Bench of the bidiagonal QR kernel (dbdsqr) alone: the wasm building block bidiagQRF64 on the
 * bidiagonal a dense n×n Gaussian matrix reduces to (d_i ~ χ_{n−i}, e_i ~ χ_{n−i−1}: the
 * Golub–Kahan bidiagonal of a Gaussian matrix, Dumitriu & Edelman 2002), values only and with
 * U and V accumulated from the identity. Reports the median time, the QR sweeps per singular
 * value, the rotations each of U and V receives, and the GFLOP/s of the rotation application
 * (6 flops per entry per rotation, U and V: 12·n·rotations over the time vectors add).
 *   node --expose-gc --import tsx bench/bidiag-qr.ts [--quick] [--scalar]
 * Only the kernel call is timed (copying d, e in and setting U = V = I are outside the clock),
 * by the process's CPU time (process.cpuUsage: immune to being descheduled on a loaded machine);
 * the tables give the median and, in parentheses, the fastest run.
 */
import { bidiagQR as jsBidiagQR } from '../src/backend/js/bidiag-qr.js';
import { currentModule } from '../src/backend/wasm/load.js';
import { init } from '../src/index.js';
import { createRng } from '../src/random.js';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
await init({ simd: !argv.includes('--scalar') });
const mod = currentModule();
if (!mod) throw new Error('the wasm module did not load (run npm run build)');
const x = mod.exports;

/** χ_k by its definition (√ of a sum of k squared normals). */
function chi(k: number, normal: () => number): number {
  let s = 0;
  for (let i = 0; i < k; i++) s += normal() ** 2;
  return Math.sqrt(s);
}

function gaussianBidiag(n: number, seed: number): { d: Float64Array; e: Float64Array } {
  const rng = createRng(seed);
  const normal = () => Math.sqrt(-2 * Math.log(1 - rng.uniform())) * Math.cos(2 * Math.PI * rng.uniform());
  const d = new Float64Array(n),
    e = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    d[i] = chi(n - i, normal);
    if (i + 1 < n) e[i] = chi(n - i - 1, normal);
  }
  return { d, e };
}

interface Timing {
  ms: number;
  min: number;
  sweeps: number;
}

const cpuMs = () => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** Median ms of the kernel on fresh copies of (d, e), with or without U and V = I. */
function time(d: Float64Array, e: Float64Array, vectors: boolean, runs: number): Timing {
  const n = d.length,
    a16 = (k: number) => Math.ceil(k / 16) * 16;
  const nd = a16(8 * n),
    nq = a16(8 * n * n),
    scratch = a16(x.bidiagQRScratchBytes(n));
  const base = mod!.arena.reserve(2 * nd + 2 * nq + scratch + 32);
  const pd = base,
    pe = pd + nd,
    pu = pe + nd,
    pv = pu + nq,
    ps = pv + nq,
    pst = ps + scratch;
  const times: number[] = [];
  let sweeps = 0;
  for (let r = 0; r < runs + 1; r++) {
    const buf = x.memory.buffer;
    new Float64Array(buf, pd, n).set(d);
    new Float64Array(buf, pe, n).set(e);
    if (vectors) {
      for (const p of [pu, pv]) {
        const q = new Float64Array(buf, p, n * n);
        q.fill(0);
        for (let i = 0; i < n; i++) q[i * n + i] = 1;
      }
    }
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = cpuMs();
    const rc = x.bidiagQRF64(n, pd, pe, vectors ? pu : 0, vectors ? pv : 0, ps, 60 * n, pst);
    const t1 = cpuMs();
    if (rc !== 0) throw new Error(`bidiagQRF64 did not converge at n = ${n}`);
    sweeps = mod!.arena.status(pst).sweeps;
    if (r > 0) times.push(t1 - t0); // the first run warms up
  }
  times.sort((a, b) => a - b);
  return { ms: times[times.length >> 1], min: times[0], sweeps };
}

const sizes = quick ? [256, 512] : [256, 512, 1024];
const lines = [
  `bidiagQRF64 (${mod.simd ? 'wasm SIMD' : 'wasm scalar'}) on the bidiagonal of an n×n Gaussian matrix; CPU ms, median (fastest).`,
  '',
  '| n | values only ms | U and V ms | sweeps / σ | rotations (each of U, V) | rotation GFLOP/s |',
  '|---:|---:|---:|---:|---:|---:|',
];
for (const n of sizes) {
  const { d, e } = gaussianBidiag(n, n);
  const rotations = jsBidiagQR(n, d.slice(), e.slice(), null, n, n, null, n, n, 2 ** -53, 60 * n).rotations ?? 0;
  const runs = quick ? 3 : n >= 1024 ? 5 : 9;
  const vals = time(d, e, false, runs * 3),
    vecs = time(d, e, true, runs);
  const gflops = (a: Timing, b: Timing) => (12 * n * rotations) / ((a.ms - b.ms) * 1e6);
  const best = (12 * n * rotations) / ((vecs.min - vals.min) * 1e6);
  lines.push(
    `| ${n} | ${vals.ms.toFixed(2)} (${vals.min.toFixed(2)}) | ${vecs.ms.toFixed(1)} (${vecs.min.toFixed(1)}) | ` +
      `${(vecs.sweeps / n).toFixed(2)} | ${rotations} (${(rotations / (n * n)).toFixed(2)}·n²) | ${gflops(vecs, vals).toFixed(1)} (${best.toFixed(1)}) |`,
  );
}
process.stdout.write(lines.join('\n') + '\n');
