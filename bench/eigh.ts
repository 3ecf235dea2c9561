/**
 * `npm run bench:eigh`: the symmetric eigensolver against its peers, one process, one run:
 * svdkit eigh / eigvalsh (wasm and js, default method), the previous two-sided Jacobi (wasm and
 * js, n ≤ 512), ml-matrix's EigenvalueDecomposition (tred2 + tql2, plain JS; vectors always)
 * and numpy.linalg.eigh / eigvalsh (LAPACK syevd, OpenBLAS, one thread), on A = B + Bᵀ with B
 * uniform in [0, 1). Results in bench/results/eigh-*; BENCHMARKS.md between `<!-- bench:eigh:start -->`
 * and `<!-- bench:eigh:end -->` with --update-readme.
 *   node --expose-gc --import tsx bench/eigh.ts [--quick] [--max N] [--update-readme]
 */
import { EigenvalueDecomposition, Matrix as MlMatrix } from 'ml-matrix';
import { backendInfo, eigh, eigvalsh, type Dtype } from '../src/index.js';
import { uniformData } from './data.js';
import { numpyAvailable, timeNumpy, type NumpyCase } from './numpy.js';
import { machine, save, updateReadme } from './report.js';
import { medianMs } from './timing.js';

const argv = process.argv.slice(2);
const maxArg = argv.indexOf('--max');
const maxN = maxArg >= 0 ? Number(argv[maxArg + 1]) : 2000;
const sizes = (argv.includes('--quick') ? [128, 256] : [128, 256, 512, 1000, 2000]).filter((n) => n <= maxN);
const dtypes: Dtype[] = ['float64', 'float32'];
const modes = ['values+vectors', 'values only'] as const;
type Mode = (typeof modes)[number];

/** Timed runs (after one warm-up): fewer for big sizes, none beyond one where a run takes seconds. */
const runsFor = (n: number) => (n <= 128 ? 15 : n <= 256 ? 7 : n <= 512 ? 3 : 1);

function symmetric(n: number): Float64Array {
  const b = uniformData(n, n),
    a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = b[i * n + j] + b[j * n + i];
  return a;
}

interface Row {
  n: number;
  dtype: Dtype;
  mode: Mode;
  ms: Record<string, number | null>;
}

const rows: Row[] = [];
const data = new Map(sizes.map((n) => [n, symmetric(n)]));
const np = numpyAvailable();
const npCases: NumpyCase[] = [];
for (const n of sizes) {
  for (const dtype of dtypes) {
    for (const mode of modes) {
      npCases.push({
        key: `${n}/${dtype}/${mode}`,
        data: data.get(n)!,
        rows: n,
        cols: n,
        dtype,
        valuesOnly: mode === 'values only',
        runs: Math.max(3, runsFor(n)),
      });
    }
  }
}
process.stderr.write(np.ok ? `numpy ${np.version}: timing eigh / eigvalsh…\n` : `numpy skipped: ${np.reason}\n`);
const npTimes = np.ok ? timeNumpy(npCases, 'eigh') : {};
const blas = np.ok ? String(npTimes._blas) : 'none';

const wasm = backendInfo().wasm;
for (const n of sizes) {
  const runs = runsFor(n),
    warmup = n >= 1000 ? 0 : 1;
  const src = data.get(n)!;
  for (const dtype of dtypes) {
    const a = { rows: n, cols: n, data: dtype === 'float64' ? src : Float32Array.from(src) };
    for (const mode of modes) {
      const vectors = mode === 'values+vectors';
      const run = (backend: 'wasm' | 'js', method: 'auto' | 'jacobi') => () =>
        vectors ? eigh(a, { backend, dtype, method }) : eigvalsh(a, { backend, dtype, method });
      const time = (fn: () => unknown) => medianMs('eigh', fn, runs, { warmup });
      const ms: Record<string, number | null> = {};
      ms.wasm = wasm ? await time(run('wasm', 'auto')) : null;
      // js at 2000 takes minutes: skipped (the bench's rule: no peer beyond about a minute).
      ms.js = n <= 1000 ? await time(run('js', 'auto')) : null;
      // The previous default (two-sided Jacobi): minutes beyond 512, so only up to there.
      ms.wasmJacobi = wasm && n <= 512 && dtype === 'float64' ? await time(run('wasm', 'jacobi')) : null;
      ms.jsJacobi = n <= 512 && dtype === 'float64' && vectors ? await time(run('js', 'jacobi')) : null;
      // ml-matrix always computes vectors, in float64; about 75 s at 2000, so not there.
      ms.mlMatrix =
        dtype === 'float64' && vectors && n <= 1000
          ? await time(
              () =>
                new EigenvalueDecomposition(
                  new MlMatrix(Array.from({ length: n }, (_, i) => Array.from(src.subarray(i * n, i * n + n)))),
                  { assumeSymmetric: true },
                ),
            )
          : null;
      ms.numpy = npTimes[`${n}/${dtype}/${mode}`] ?? null;
      rows.push({ n, dtype, mode, ms });
      process.stderr.write(`${n} ${dtype} ${mode}: ${JSON.stringify(ms)}\n`);
      (globalThis as { gc?: () => void }).gc?.();
    }
  }
}

const fmt = (x: number | null | undefined) =>
  x == null ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2);
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null ? '–' : `${(a / b).toFixed(1)}×`;
const note =
  `eigh: ${machine()}; wasm ${backendInfo().simd ? 'SIMD' : 'scalar'}; numpy ${np.ok ? np.version : '–'} (${blas}, 1 thread); ` +
  `${new Date().toISOString().slice(0, 10)}; one run, medians of ${sizes.map(runsFor).join('/')} runs; ` +
  'the 2 cores are shared with other jobs, so compare ratios within a row, not times across runs. ' +
  'ml-matrix builds its matrix inside the timed call (about 1 % of its time).';

/** One table per dtype × mode: medians in ms and the ratios the targets are stated in. */
function tables(which: Dtype[]): string {
  const out: string[] = [];
  for (const dtype of which) {
    for (const mode of modes) {
      out.push(
        `**${dtype} · ${mode}** (median ms; ${mode === 'values only' ? 'svdkit eigvalsh, numpy eigvalsh' : 'svdkit eigh, numpy eigh'})`,
        '',
      );
      out.push(
        '| n | wasm | js | wasm Jacobi | js Jacobi | ml-matrix | numpy | ml-matrix / wasm | wasm / numpy | js Jacobi / js |',
      );
      out.push('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
      for (const r of rows.filter((x) => x.dtype === dtype && x.mode === mode)) {
        const m = r.ms;
        out.push(
          `| ${r.n} | ${fmt(m.wasm)} | ${fmt(m.js)} | ${fmt(m.wasmJacobi)} | ${fmt(m.jsJacobi)} | ${fmt(m.mlMatrix)} | ${fmt(m.numpy)} | ${ratio(m.mlMatrix, m.wasm)} | ${ratio(m.wasm, m.numpy)} | ${ratio(m.jsJacobi, m.js)} |`,
        );
      }
      out.push('');
    }
  }
  return out.join('\n');
}
const md = `${note}\n\n${tables(dtypes)}`;
process.stdout.write('\n' + md + '\n');
process.stderr.write(`wrote ${save('eigh', { date: new Date().toISOString(), blas, rows }, md)}.{json,md}\n`);
// README keeps float64 only; float32 is in bench/results/eigh-*.md.
if (argv.includes('--update-readme'))
  updateReadme('eigh', `${note}\n\n${tables(['float64'])}\nfloat32: \`bench/results/eigh-latest.md\`.`);
