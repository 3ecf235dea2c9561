/**
 * Orthogonality and reconstruction beside numpy (LAPACK gesdd), the figures the speed table
 * cannot show: max|UᵀU − I|, max|VᵀV − I| and max|A − U·Σ·Vᵀ|/σ₁ of the thin float64 SVD of
 * the bench's uniform matrices, for svdkit wasm and numpy. Run by `npm run bench` (README
 * between `<!-- bench:accuracy:start -->` and `<!-- bench:accuracy:end -->` with
 * --update-readme); alone: node --import tsx bench/accuracy.ts [--sizes 500x500,1024x1024].
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { init, svd } from '../src/index.js';
import { uniformData } from './data.js';
import { numpyAvailable } from './numpy.js';

export interface Accuracy {
  orthU: number;
  orthV: number;
  recon: number;
}

/** max|XᵀX − I| of the column-major-in-rows m×k X given row-major (x[i·k + j] = X(i, j)). */
function orthogonality(x: Float64Array | Float32Array, m: number, k: number, transposed: boolean): number {
  // transposed: x holds Xᵀ row-major (k×m), i.e. X's columns are x's rows
  const col = new Float64Array(m * k); // column j of X at col[j·m ..]
  for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) col[j * m + i] = transposed ? x[j * m + i] : x[i * k + j];
  let worst = 0;
  for (let a = 0; a < k; a++) {
    for (let b = a; b < k; b++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += col[a * m + i] * col[b * m + i];
      worst = Math.max(worst, Math.abs(s - (a === b ? 1 : 0)));
    }
  }
  return worst;
}

/** max|A − U·diag(s)·Vᵀ| / s[0] for row-major A (m×n), U (m×k), Vt (k×n). */
function reconstruction(
  a: Float64Array,
  u: ArrayLike<number>,
  s: ArrayLike<number>,
  vt: ArrayLike<number>,
  m: number,
  n: number,
): number {
  const k = s.length;
  let worst = 0;
  const row = new Float64Array(n);
  for (let i = 0; i < m; i++) {
    row.fill(0);
    for (let p = 0; p < k; p++) {
      const f = u[i * k + p] * s[p];
      for (let j = 0; j < n; j++) row[j] += f * vt[p * n + j];
    }
    for (let j = 0; j < n; j++) worst = Math.max(worst, Math.abs(a[i * n + j] - row[j]));
  }
  return worst / s[0];
}

function numpyAccuracy(
  cases: { key: string; data: Float64Array; rows: number; cols: number }[],
): Record<string, Accuracy> {
  const dir = mkdtempSync(join(tmpdir(), 'svdkit-acc-'));
  try {
    const spec = cases.map((c, i) => {
      const file = join(dir, `m${i}.bin`);
      writeFileSync(file, new Uint8Array(c.data.buffer, c.data.byteOffset, c.data.byteLength));
      return { key: c.key, file, rows: c.rows, cols: c.cols };
    });
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(spec));
    const script = fileURLToPath(new URL('./numpy_accuracy.py', import.meta.url));
    const r = spawnSync('python3', [script, join(dir, 'spec.json')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) throw new Error(`numpy accuracy failed: ${r.stderr}`);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchAccuracy(argv: string[]): Promise<string> {
  await init();
  const i = argv.indexOf('--accuracy-sizes');
  const sizes = (i >= 0 ? argv[i + 1] : '500x500,1024x1024').split(',').map((s) => s.split('x').map(Number));
  const cases = sizes.map(([m, n]) => ({ key: `${m}×${n}`, data: uniformData(m, n), rows: m, cols: n }));
  const np = numpyAvailable();
  const ref = np.ok ? numpyAccuracy(cases) : {};
  const e = (x: number | undefined) => (x == null ? '–' : x.toExponential(1));
  const r = (a: number, b: number | undefined) => (b == null ? '–' : `${(a / b).toFixed(1)}×`);
  const out = [
    'Accuracy, float64 thin U,S,Vt of the uniform matrices (wasm; numpy ' + (np.ok ? np.version : 'skipped') + ').',
    '',
    '| shape | max\\|UᵀU−I\\| wasm | numpy | max\\|VᵀV−I\\| wasm | numpy | ratio | max\\|A−UΣVᵀ\\|/σ₁ wasm | numpy | ratio |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const c of cases) {
    const k = Math.min(c.rows, c.cols);
    const res = svd({ rows: c.rows, cols: c.cols, data: c.data }, { backend: 'wasm' });
    const U = res.U!.data,
      Vt = res.Vt!.data,
      S = res.S;
    const w: Accuracy = {
      orthU: orthogonality(U, c.rows, k, false),
      orthV: orthogonality(Vt, c.cols, k, true),
      recon: reconstruction(c.data, U, S, Vt, c.rows, c.cols),
    };
    const n = ref[c.key];
    out.push(
      `| ${c.key} | ${e(w.orthU)} | ${e(n?.orthU)} | ${e(w.orthV)} | ${e(n?.orthV)} | ${r(w.orthV, n?.orthV)} | ${e(w.recon)} | ${e(n?.recon)} | ${r(w.recon, n?.recon)} |`,
    );
  }
  return out.join('\n') + '\n';
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  process.stdout.write(await benchAccuracy(process.argv.slice(2)));
}
