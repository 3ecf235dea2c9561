/**
 * The numpy column of the bench: numpy.linalg.svd (LAPACK gesdd through OpenBLAS), single
 * threaded, on the same matrices. Skipped, with the reason, where python3 or numpy is missing.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NumpyCase {
  key: string;
  data: Float64Array;
  rows: number;
  cols: number;
  dtype: 'float64' | 'float32';
  valuesOnly: boolean;
  runs: number;
}

const scripts = {
  svd: fileURLToPath(new URL('./numpy_svd.py', import.meta.url)),
  eigh: fileURLToPath(new URL('./numpy_eigh.py', import.meta.url)),
};

/** Environment for a single-threaded BLAS; the machine's OPENBLAS_CORETYPE pin is lifted for speed. */
function singleThreadEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    OPENBLAS_NUM_THREADS: '1',
    OMP_NUM_THREADS: '1',
    MKL_NUM_THREADS: '1',
  };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  return env;
}

/** numpy's version, or the reason it cannot run here. */
export function numpyAvailable(): { ok: true; version: string } | { ok: false; reason: string } {
  const r = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], {
    encoding: 'utf8',
    env: singleThreadEnv(),
  });
  if (r.error) return { ok: false, reason: `python3 not found (${r.error.message})` };
  if (r.status !== 0) return { ok: false, reason: 'python3 has no numpy (apt-get install python3-numpy)' };
  return { ok: true, version: r.stdout.trim() };
}

/**
 * Median milliseconds per case key: numpy.linalg.svd, or eigh / eigvalsh with `routine: 'eigh'`
 * (whose output also names numpy's BLAS under the key `_blas`).
 */
export function timeNumpy(cases: NumpyCase[], routine: 'svd' | 'eigh' = 'svd'): Record<string, number> {
  const dir = mkdtempSync(join(tmpdir(), 'svdkit-bench-'));
  try {
    const spec = cases.map((c, i) => {
      const file = join(dir, `m${i}.bin`);
      writeFileSync(file, new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength));
      return { key: c.key, file, rows: c.rows, cols: c.cols, dtype: c.dtype, values_only: c.valuesOnly, runs: c.runs };
    });
    const specFile = join(dir, 'spec.json');
    writeFileSync(specFile, JSON.stringify(spec));
    const r = spawnSync('python3', [scripts[routine], specFile], {
      encoding: 'utf8',
      env: singleThreadEnv(),
      maxBuffer: 1 << 24,
    });
    if (r.status !== 0) throw new Error(`numpy bench failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
