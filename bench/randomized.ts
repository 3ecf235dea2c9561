/**
 * Randomized vs exact truncated SVD: randomizedSvd(a, k) (default oversamples 10, default power
 * iterations) against svd(a, { k }) (the full thin Jacobi SVD, then truncated — its cost does
 * not depend on k, so it is timed once per size), on uniform [0, 1) matrices, on each backend
 * and dtype. Also reports the randomized Frobenius error over the optimal rank-k error.
 *   node --import tsx bench/randomized.ts [--quick] [--sizes 1000x1000,2000x1000] [--ks 10,50,100]
 */
import { backendInfo, randomizedSvd, svd, type BackendName, type Dtype } from '../src/index.js';
import { uniformData } from './data.js';
import { machine, save } from './report.js';
import { medianMs } from './timing.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const quick = process.argv.includes('--quick');
const sizes = (arg('--sizes') ?? (quick ? '400x400' : '1000x1000')).split(',').map((s) => s.split('x').map(Number));
const ksArg = arg('--ks');

const backends: BackendName[] = backendInfo().wasm ? ['wasm', 'js'] : ['js'];
const lines = [
  '| size | dtype | backend | k | randomized ms | exact svd(a,{k}) ms | speed-up | error / optimal |',
  '|---|---|---|---:|---:|---:|---:|---:|',
];
for (const [m, n] of sizes) {
  const p = Math.min(m, n);
  const ks = ksArg
    ? ksArg.split(',').map(Number)
    : [Math.max(1, Math.round(p / 100)), Math.round(p / 20), Math.round(p / 10)];
  const data = uniformData(m, n);
  for (const dtype of ['float64', 'float32'] as Dtype[]) {
    const a = { rows: m, cols: n, data: dtype === 'float64' ? data : Float32Array.from(data) };
    let frob2 = 0;
    for (const x of a.data) frob2 += x * x;
    for (const backend of backends) {
      let exactS: Float32Array | Float64Array = new Float64Array(0);
      const exactMs = await medianMs(
        'exact',
        () => {
          exactS = svd(a, { backend, dtype, k: p }).S;
        },
        1,
        { warmup: 0 },
      );
      for (const k of ks) {
        let S: Float32Array | Float64Array = new Float64Array(0);
        const ms = await medianMs(
          'randomized',
          () => {
            S = randomizedSvd(a, k, { backend, dtype }).S;
          },
          3,
        );
        let head = 0,
          tail = 0;
        for (let i = 0; i < k; i++) head += S[i] * S[i];
        for (let i = p - 1; i >= k; i--) tail += exactS[i] * exactS[i];
        const ratio = Math.sqrt(Math.max(0, frob2 - head)) / Math.sqrt(tail);
        const line = `| ${m}×${n} | ${dtype} | ${backend} | ${k} | ${ms.toFixed(1)} | ${exactMs.toFixed(0)} | ${(exactMs / ms).toFixed(1)}× | ${ratio.toFixed(5)} |`;
        lines.push(line);
        process.stderr.write(line + '\n');
      }
    }
  }
}
const md = `randomizedSvd vs exact svd(a, { k }); ${machine()}; wasm ${backendInfo().simd ? 'SIMD' : 'scalar/none'}; ${new Date().toISOString().slice(0, 10)}\n\n${lines.join('\n')}`;
process.stdout.write(`\n${md}\n`);
process.stderr.write(`wrote ${save('randomized', { date: new Date().toISOString(), lines }, md)}.{json,md}\n`);
