/**
 * Sweep counts and single-run timings of the backends' svdTall on the bench matrices, for
 * profiling algorithm changes (sweeps are noise-free; times are medians of a few runs).
 *   node --import tsx bench/sweeps.ts [--sizes 256x256,512x512,disc300x450] [--runs 3] [--backends wasm,js] [--dtypes float64,float32] [--methods jacobi,bidiagonal] [--values] [--wasm file.wasm]
 * Bidiagonal sweeps are QR sweeps per singular value.
 * A size prefixed with `disc` is the flat disc image of bench/data.ts instead of uniform data.
 */
import { jsBackend } from '../src/backend/js/index.js';
import { initWasm, wasmBackend } from '../src/backend/wasm/index.js';
import { defaultParams } from '../src/params.js';
import type { Backend, SvdKernel } from '../src/backend/types.js';
import type { Dtype } from '../src/types.js';
import { discData, uniformData, workingMatrix } from './data.js';

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const sizes = arg('--sizes', '256x256,512x512,disc300x450')
  .split(',')
  .map((s) => {
    const [m, n] = s.replace('disc', '').split('x').map(Number);
    return { m, n, disc: s.startsWith('disc'), label: s };
  });
const runs = Number(arg('--runs', '3'));
const backends = arg('--backends', 'wasm,js').split(',');
const dtypes = arg('--dtypes', 'float64,float32').split(',') as Dtype[];
const values = process.argv.includes('--values');
const methods = arg('--methods', 'jacobi,bidiagonal').split(',') as SvdKernel[];
const wasmFile = arg('--wasm', '');
if (wasmFile) await initWasm({ wasm: wasmFile });

for (const { m, n, disc, label } of sizes) {
  const data = disc ? discData(m, n) : uniformData(m, n);
  const M = Math.max(m, n),
    N = Math.min(m, n);
  for (const dtype of dtypes) {
    for (const [name, method] of backends.flatMap((x) => methods.map((k) => [x, k] as const))) {
      const b: Backend = name === 'js' ? jsBackend : wasmBackend()!;
      const times: number[] = [];
      let sweeps = 0;
      for (let r = 0; r < runs; r++) {
        const w = workingMatrix(data, m, n, dtype);
        // CPU time of this thread, less sensitive than wall time to other processes on the cores
        const t0 = process.cpuUsage();
        const p = b.svdTall({
          dtype,
          method,
          rows: M,
          cols: N,
          w,
          u: values ? 'none' : 'thin',
          v: !values,
          params: defaultParams,
        });
        const dt = process.cpuUsage(t0);
        times.push((dt.user + dt.system) / 1000);
        sweeps = p.sweeps;
      }
      times.sort((a, c) => a - c);
      console.log(
        `${label} ${dtype} ${name} ${method}: sweeps ${+sweeps.toFixed(2)}, median CPU ${times[runs >> 1].toFixed(1)} ms (min ${times[0].toFixed(1)})`,
      );
    }
  }
}
