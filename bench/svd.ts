/**
 * `npm run bench`: svdkit wasm vs svdkit js vs ml-matrix 6 (vs numpy where present) on the same
 * uniform [0, 1) matrices, U,S,Vt (thin) and values only, float64 and float32.
 * Flags: --quick (small sizes, for a smoke run), --sizes 512x512,1024x1024, --update-readme.
 */
import { Matrix as MlMatrix, SVD } from 'ml-matrix';
import { backendInfo, svd, type Dtype } from '../src/index.js';
import { wasmBackend } from '../src/backend/wasm/index.js';
import { defaultParams } from '../src/params.js';
import { svdKernelFor } from '../src/svd-method.js';
import { uniformData, workingMatrix } from './data.js';
import { numpyAvailable, timeNumpy, type NumpyCase } from './numpy.js';
import { machine, markdown, save, updateReadme, type Row } from './report.js';
import { medianMs, runsFor } from './timing.js';

const ALL: [number, number][] = [
  [64, 64],
  [128, 128],
  [256, 256],
  [400, 400],
  [512, 512],
  [1024, 1024],
  [1200, 800],
  [2000, 100],
  [100, 2000],
];
const QUICK: [number, number][] = [
  [64, 64],
  [128, 128],
  [256, 256],
  [2000, 100],
];

function parseSizes(argv: string[]): [number, number][] {
  const i = argv.indexOf('--sizes');
  if (i >= 0) return argv[i + 1].split(',').map((s) => s.split('x').map(Number) as [number, number]);
  return argv.includes('--quick') ? QUICK : ALL;
}

/** The kernel svd's 'auto' picks for this input and the sweeps it takes on wasm (one extra run). */
function route(data: Float64Array, m: number, n: number, dtype: Dtype, computeUV: boolean): string {
  const b = wasmBackend();
  const M = Math.max(m, n),
    N = Math.min(m, n);
  const w = workingMatrix(data, m, n, dtype);
  const method = svdKernelFor('auto', w, M, N);
  if (!b) return method;
  const u = computeUV ? 'thin' : 'none';
  const p = b.svdTall({ dtype, method, rows: M, cols: N, w, u, v: computeUV, params: defaultParams });
  return `${method} (${Number.isInteger(p.sweeps) ? p.sweeps : p.sweeps.toFixed(2)})`;
}

export async function benchSvd(argv: string[]): Promise<Row[]> {
  const sizes = parseSizes(argv);
  const np = numpyAvailable();
  const rows: Row[] = [];
  const numpyCases: NumpyCase[] = [];
  for (const dtype of ['float64', 'float32'] as Dtype[]) {
    for (const mode of ['U,S,Vt', 'S only'] as const) {
      for (const [m, n] of sizes) {
        const data = uniformData(m, n);
        const a = { rows: m, cols: n, data: dtype === 'float64' ? data : Float32Array.from(data) };
        const computeUV = mode === 'U,S,Vt';
        const runs = runsFor(m, n);
        const shape = `${m}×${n}`;
        const ms: Row['ms'] = {};
        for (const backend of ['wasm', 'js'] as const) {
          ms[backend] = await medianMs(`${backend} ${shape}`, () => svd(a, { backend, dtype, computeUV }), runs);
        }
        if (dtype === 'float64') {
          const A = new MlMatrix(m, n);
          for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) A.set(i, j, data[i * n + j]);
          const opts = {
            autoTranspose: true,
            computeLeftSingularVectors: computeUV,
            computeRightSingularVectors: computeUV,
          };
          ms.mlMatrix = await medianMs(`ml-matrix ${shape}`, () => new SVD(A, opts), runs);
        } else ms.mlMatrix = null;
        const key = `${dtype} ${mode} ${shape}`;
        if (np.ok) numpyCases.push({ key, data, rows: m, cols: n, dtype, valuesOnly: !computeUV, runs });
        rows.push({ shape, dtype, mode, ms, route: route(data, m, n, dtype, computeUV) });
        process.stderr.write(`${key}: ${JSON.stringify(ms)}\n`);
      }
    }
  }
  const npTimes = np.ok ? timeNumpy(numpyCases) : {};
  for (const r of rows) r.ms.numpy = npTimes[`${r.dtype} ${r.mode} ${r.shape}`] ?? null;
  const info = backendInfo();
  const note =
    `Machine: ${machine()}; wasm ${info.simd ? 'SIMD' : 'scalar'} build; ` +
    (np.ok ? `numpy ${np.version} single-threaded (OPENBLAS_NUM_THREADS=1)` : `numpy column skipped: ${np.reason}`) +
    `; ${new Date().toISOString().slice(0, 10)}. ml-matrix runs float64 only.`;
  const md = markdown(rows, note);
  process.stdout.write(md + '\n');
  const where = save('svd', { machine: machine(), date: new Date().toISOString(), numpy: np, rows }, md);
  process.stderr.write(`wrote ${where}.{json,md}\n`);
  if (argv.includes('--update-readme')) updateReadme('svd', md);
  return rows;
}
