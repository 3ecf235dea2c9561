/**
 * Does dgejsv's preconditioning pay here? Counts, for the bench matrices, the sweeps and
 * rotations the one-sided Jacobi kernel (the JS backend's, bitwise the wasm scalar one) needs on
 *   today   — the working matrix as the driver runs it (unpivoted QR first when tall),
 *   R       — R of a QR with column pivoting (A·P = Q·R, pivots on true column norms),
 *   Rᵀ      — the rows of that R (dgejsv's choice when it converges faster),
 *   R₂ᵀ     — dgejsv's second preconditioner: QR of Rᵀ (Rᵀ = Q₂·R₂), Jacobi on R₂ᵀ,
 * and turns them into flops (leading terms, N³ units): a rotation costs 6·rows on W (+6·N on V),
 * every pair of every sweep a dot product of 2·rows; the QRs cost 2MN² − 2N³/3 (pivoted or not)
 * and about N³ for the QR of a triangle, and each Q applied to the N×N vectors 2N³ (U = Q·…,
 * plus Q₂ for R₂ᵀ). Sweep and rotation counts are deterministic, so one run is the answer.
 * The pivoted QR here is a plain float64 reference (unblocked, dgeqp2's norm downdating), for
 * counting only.
 *   node --import tsx bench/preconditioning.ts [--sizes 256x256,512x512,disc300x450,graded256x256]
 */
import { normalizeColumn, oneSidedJacobi } from '../src/backend/js/jacobi-svd.js';
import { householderQR, extractR } from '../src/backend/js/householder.js';
import { discData, uniformData } from './data.js';

const unit = 2 ** -53;

/** In-place pivoted QR of the column-major m×n `a` (m ≥ n): R above the diagonal; returns P. */
function pivotedQR(m: number, n: number, a: Float64Array): Int32Array {
  const perm = Int32Array.from({ length: n }, (_, j) => j);
  const vn1 = new Float64Array(n),
    vn2 = new Float64Array(n);
  const colNorm = (j: number, from: number) => {
    let s = 0;
    for (let i = from; i < m; i++) s += a[j * m + i] ** 2;
    return Math.sqrt(s);
  };
  for (let j = 0; j < n; j++) vn1[j] = vn2[j] = colNorm(j, 0);
  for (let k = 0; k < n; k++) {
    let p = k;
    for (let j = k + 1; j < n; j++) if (vn1[j] > vn1[p]) p = j;
    if (p !== k) {
      for (let i = 0; i < m; i++) [a[k * m + i], a[p * m + i]] = [a[p * m + i], a[k * m + i]];
      [perm[k], perm[p]] = [perm[p], perm[k]];
      vn1[p] = vn1[k];
      vn2[p] = vn2[k];
    }
    const kk = k * m + k,
      alpha = a[kk];
    const xn = colNorm(k, k + 1);
    if (xn === 0) continue;
    const beta = -(alpha >= 0 ? 1 : -1) * Math.hypot(alpha, xn),
      tau = (beta - alpha) / beta;
    for (let i = kk + 1; i < k * m + m; i++) a[i] /= alpha - beta;
    a[kk] = beta;
    for (let j = k + 1; j < n; j++) {
      const jj = j * m + k;
      let d = a[jj];
      for (let i = 1; i < m - k; i++) d += a[kk + i] * a[jj + i];
      d *= tau;
      a[jj] -= d;
      for (let i = 1; i < m - k; i++) a[jj + i] -= d * a[kk + i];
      if (vn1[j] === 0) continue; // dgeqp2: downdate, recompute when the downdate lost accuracy
      const t = Math.max(0, 1 - (Math.abs(a[jj]) / vn1[j]) ** 2);
      if (t * (vn1[j] / vn2[j]) ** 2 <= Math.sqrt(unit)) vn1[j] = vn2[j] = colNorm(j, k + 1);
      else vn1[j] *= Math.sqrt(t);
    }
  }
  return perm;
}

/** The n×n upper triangle of a (m×n) and its transpose, column-major. */
function triangles(m: number, n: number, a: Float64Array): [Float64Array, Float64Array] {
  const r = new Float64Array(n * n),
    rt = new Float64Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i <= j; i++) r[j * n + i] = rt[i * n + j] = a[j * m + i];
  return [r, rt];
}

/** Sweeps and rotations of one-sided Jacobi (values only: V changes no rotation) on x (rows×n). */
function jacobi(rows: number, n: number, x: Float64Array) {
  const ex = new Float64Array(n);
  for (let j = 0; j < n; j++) normalizeColumn(x, j * rows, rows, ex, j);
  const r = oneSidedJacobi(rows, n, x, null, Math.sqrt(rows) * unit, unit, 60, new Float64Array(n), ex);
  return { sweeps: r.sweeps, rotations: r.rotations ?? 0 };
}

const arg = (name: string, dflt: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : dflt;
};
const sizes = arg('--sizes', '256x256,512x512,disc300x450,graded256x256,2000x100').split(',');
console.log(
  '| matrix | path | sweeps | rotations / pair | Jacobi, values (N³) | Jacobi + V (N³) | prep, values (N³) | prep + U,V (N³) | total values | total U,S,V |',
);
console.log('|---|---|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const label of sizes) {
  const kind = label.replace(/[0-9x]+$/, '');
  const [m, n] = label.slice(kind.length).split('x').map(Number);
  const M = Math.max(m, n),
    N = Math.min(m, n);
  // column-major M×N working copy, as bench/sweeps.ts builds it
  const src = kind === 'disc' ? discData(m, n) : uniformData(m, n);
  const w = new Float64Array(M * N);
  if (m >= n) for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * m + i] = src[i * n + j];
  else w.set(src);
  if (kind === 'graded')
    for (let j = 0; j < N; j++) for (let i = 0; i < M; i++) w[j * M + i] *= 10 ** ((-12 * j) / (N - 1));
  const N3 = N ** 3,
    pairs = (N * (N - 1)) / 2;
  const qr = (2 * M * N * N - (2 / 3) * N3) / N3;
  const row = (
    path: string,
    rows: number,
    r: { sweeps: number; rotations: number },
    prepValues: number,
    prepUV: number,
  ) => {
    const dots = (r.sweeps * pairs * 2 * rows) / N3;
    const jv = (r.rotations * 6 * rows) / N3 + dots,
      juv = jv + (r.rotations * 6 * N) / N3;
    const f = (x: number) => x.toFixed(1);
    console.log(
      `| ${label} | ${path} | ${r.sweeps} | ${(r.rotations / pairs).toFixed(2)} | ${f(jv)} | ${f(juv)} | ${f(prepValues)} | ${f(prepUV)} | ${f(jv + prepValues)} | ${f(juv + prepUV)} |`,
    );
  };
  // today: unpivoted QR when tall, then Jacobi on R (or on A itself when square)
  if (M > N) {
    const a = w.slice(),
      tau = new Float64Array(N),
      r = new Float64Array(N * N);
    householderQR(M, N, a, tau, 1e-280);
    extractR(M, N, a, r);
    row('today (QR, R)', N, jacobi(N, N, r), qr, qr + (2 * (2 * M * N * N - N3)) / N3);
  } else row('today (A)', M, jacobi(M, N, w.slice()), 0, 0);
  const a = w.slice();
  pivotedQR(M, N, a);
  const [r, rt] = triangles(M, N, a);
  const uq = (2 * (2 * M * N * N - N3)) / N3; // U = Q·[…] on N columns
  row('QRCP, R', N, jacobi(N, N, r.slice()), qr, qr + uq);
  row('QRCP, Rᵀ', N, jacobi(N, N, rt.slice()), qr, qr + uq);
  const r2 = rt.slice();
  pivotedQR(N, N, r2); // pivots of a triangle's transpose's QR: none needed, but harmless for counting
  const [, r2t] = triangles(N, N, r2);
  row('QRCP + QR of Rᵀ, R₂ᵀ', N, jacobi(N, N, r2t), qr + 1, qr + 1 + uq + 2);
}
