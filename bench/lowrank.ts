/**
 * Throughput of the low-rank multiply-accumulate paths in GFLOP/s (2 flops per multiply-add):
 * reconstruct() (m·n·k MACs), apply(x) for one vector (k(m + n) MACs, memory-bound) and for a
 * block of 64 vectors, on the wasm gemm kernel against the js one, float64 and float32.
 *   node --import tsx bench/lowrank.ts [--quick]
 */
import { backendInfo, LowRank, lowRank, reconstruct, type BackendName, type Dtype } from '../src/index.js';
import { createRng } from '../src/random.js';
import { uniformData } from './data.js';
import { machine, save } from './report.js';
import { medianMs } from './timing.js';

const quick = process.argv.includes('--quick');
const shapes: [number, number, number][] = quick
  ? [
      [256, 256, 16],
      [512, 512, 32],
    ]
  : [
      [512, 512, 32],
      [1000, 1000, 50],
      [2000, 1000, 100],
    ];
const backends: BackendName[] = backendInfo().wasm ? ['wasm', 'js'] : ['js'];

const gflops = (macs: number, ms: number) => ((2 * macs) / (ms * 1e6)).toFixed(2);
const lines = [
  '| m×n, k | dtype | backend | reconstruct() GFLOP/s | reconstruct(f, k) GFLOP/s | apply(x) GFLOP/s | apply(X: n×64) GFLOP/s |',
  '|---|---|---|---:|---:|---:|---:|',
];
for (const [m, n, k] of shapes) {
  const data = uniformData(m, n);
  for (const dtype of ['float64', 'float32'] as Dtype[]) {
    const a = { rows: m, cols: n, data: dtype === 'float64' ? data : Float32Array.from(data) };
    const factors = lowRank(a, k, { dtype, method: 'randomized', backend: 'js' });
    const rng = createRng(1);
    const x = Float64Array.from({ length: n }, () => rng.normal());
    const X = {
      rows: n,
      cols: 64,
      data:
        dtype === 'float64'
          ? Float64Array.from({ length: n * 64 }, () => rng.normal())
          : Float32Array.from({ length: n * 64 }, () => rng.normal()),
    };
    for (const backend of backends) {
      // the same factors, re-bound to this backend
      const lr = LowRank.fromBytes(factors.toBytes(), { backend });
      const rec = await medianMs('task', () => lr.reconstruct(), 3, { warmup: 2, time: 300 });
      const recFn = await medianMs('task', () => reconstruct(lr, k, { backend, dtype }), 3, { warmup: 2, time: 300 });
      const app = await medianMs('task', () => lr.apply(x), 3, { warmup: 2, time: 200 });
      const appX = await medianMs('task', () => lr.apply(X), 3, { warmup: 2, time: 300 });
      const line = `| ${m}×${n}, ${k} | ${dtype} | ${backend} | ${gflops(m * n * k, rec)} | ${gflops(m * n * k, recFn)} | ${gflops(k * (m + n), app)} | ${gflops(64 * k * (m + n), appX)} |`;
      lines.push(line);
      process.stderr.write(line + '\n');
    }
  }
}
const md = `low-rank multiply-accumulate kernels; ${machine()}; wasm ${backendInfo().simd ? 'SIMD' : 'scalar/none'}; ${new Date().toISOString().slice(0, 10)}\n\n${lines.join('\n')}`;
process.stdout.write(`\n${md}\n`);
process.stderr.write(`wrote ${save('lowrank', { date: new Date().toISOString(), lines }, md)}.{json,md}\n`);
