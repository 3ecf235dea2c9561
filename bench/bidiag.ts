/**
 * The bidiagonalization building block on wasm (SIMD build unless --scalar), float64, one
 * thread: bidiagBlockF64 reducing alone (Q = P = 0) and reducing then forming Q and P, median
 * of several runs (the matrix is copied into the arena before each run; that copy is timed on
 * its own and subtracted). GFLOP/s count 8/3·n³ for the reduction and 2·4/3·n³ for the forming.
 *   node --expose-gc --import tsx bench/bidiag.ts [--sizes 256,512,1024] [--scalar] [--f32]
 */
import { init } from '../src/index.js';
import { loadedModule } from '../src/backend/wasm/load.js';
import { uniformData } from './data.js';
import { medianMs } from './timing.js';

const argv = process.argv.slice(2);
const sizesArg = argv.indexOf('--sizes');
const sizes = sizesArg >= 0 ? argv[sizesArg + 1].split(',').map(Number) : [256, 512, 1024];
const f32 = argv.includes('--f32');
await init({ simd: !argv.includes('--scalar') });
const mod = loadedModule();
if (!mod) throw new Error('the wasm module did not load');
const { exports: x, arena } = mod;
const dtype = f32 ? 'float32' : 'float64',
  b = f32 ? 4 : 8;
const block = f32 ? x.bidiagBlockF32 : x.bidiagBlockF64,
  scratchOf = f32 ? x.bidiagBlockScratchF32 : x.bidiagBlockScratchF64;
const align16 = (v: number) => Math.ceil(v / 16) * 16;
const runsFor = (n: number) => (n <= 256 ? 15 : n <= 512 ? 9 : 5);

process.stdout.write(`wasm ${mod.simd ? 'SIMD' : 'scalar'} build, ${dtype}, 1 thread; median ms (GFLOP/s)\n`);
for (const n of sizes) {
  const nn = align16(n * n * b),
    nv = align16(n * 8);
  const base = arena.reserve(3 * nn + 2 * nv + align16(scratchOf(n)));
  const pa = base,
    pd = pa + nn,
    pe = pd + nv,
    pq = pe + nv,
    pp = pq + nn,
    ps = pp + nn;
  const src = f32 ? Float32Array.from(uniformData(n, n)) : Float64Array.from(uniformData(n, n));
  const load = () => arena.write(dtype, pa, src, n * n);
  const runs = runsFor(n);
  const copy = await medianMs('copy', load, runs);
  const reduce =
    (await medianMs(
      'reduce',
      () => {
        load();
        block(n, pa, pd, pe, 0, 0, ps);
      },
      runs,
    )) - copy;
  const all =
    (await medianMs(
      'reduce+QP',
      () => {
        load();
        block(n, pa, pd, pe, pq, pp, ps);
      },
      runs,
    )) - copy;
  const form = all - reduce;
  const gf = (flops: number, ms: number) => (flops / ms / 1e6).toFixed(2);
  process.stdout.write(
    `n = ${n}: reduction ${reduce.toFixed(1)} ms (${gf((8 / 3) * n ** 3, reduce)}), ` +
      `forming Q and P ${form.toFixed(1)} ms (${gf((8 / 3) * n ** 3, form)}), total ${all.toFixed(1)} ms\n`,
  );
  (globalThis as { gc?: () => void }).gc?.();
}
