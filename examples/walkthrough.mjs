// Walkthrough: the SVD of a small random matrix, factor by factor.
// A (5×5, seeded) = U·Σ·Vᵀ: prints U, Σ and Vᵀ rounded to 4 decimals, turns the vector of
// singular values into the diagonal matrix Σ, multiplies the three back together and prints the
// product next to A with the largest difference.
//
// Run after `npm run build`:  node examples/walkthrough.mjs
import { svd } from 'svdkit';

/** A tiny seeded generator (mulberry32): the same numbers on every run and every machine. */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Row-major product of two { rows, cols, data } matrices. */
function matmul(A, B) {
  const C = { rows: A.rows, cols: B.cols, data: new Float64Array(A.rows * B.cols) };
  for (let i = 0; i < A.rows; i++) {
    for (let k = 0; k < A.cols; k++) {
      const a = A.data[i * A.cols + k];
      for (let j = 0; j < B.cols; j++) C.data[i * C.cols + j] += a * B.data[k * B.cols + j];
    }
  }
  return C;
}

const fmt = (x) => (Math.abs(x) < 5e-5 ? 0 : x).toFixed(4).padStart(8); // no "-0.0000"
const rowsOf = (M) =>
  Array.from({ length: M.rows }, (_, i) => Array.from(M.data.subarray(i * M.cols, (i + 1) * M.cols), fmt).join(''));
function show(title, M) {
  console.log(`${title} (${M.rows}×${M.cols})`);
  for (const line of rowsOf(M)) console.log(line);
  console.log();
}

// 1. A seeded 5×5 matrix with entries uniform in [−1, 1).
const next = rng(2024);
const n = 5;
const A = { rows: n, cols: n, data: Float64Array.from({ length: n * n }, () => 2 * next() - 1) };
show('A', A);

// 2. The decomposition. S is a vector (descending, ≥ 0); U has the left singular vectors as
//    columns, Vt the right singular vectors as rows.
const { U, S, Vt, backend } = svd(A);
console.log(`svd(A) on the ${backend} backend\n`);
show('U (orthonormal columns u₁…u₅)', U);
console.log(`singular values σ = [${Array.from(S, (s) => s.toFixed(4)).join(', ')}]\n`);

// 3. Σ as a diagonal matrix.
const Sigma = { rows: n, cols: n, data: new Float64Array(n * n) };
for (let i = 0; i < n; i++) Sigma.data[i * n + i] = S[i];
show('Σ = diag(σ)', Sigma);
show('Vᵀ (orthonormal rows v₁ᵀ…v₅ᵀ)', Vt);

// 4. Multiply back: U·Σ·Vᵀ reproduces A up to rounding.
const B = matmul(matmul(U, Sigma), Vt);
console.log(`${'A'.padEnd(n * 8)}    U·Σ·Vᵀ`);
const left = rowsOf(A),
  right = rowsOf(B);
for (let i = 0; i < n; i++) console.log(`${left[i]}    ${right[i]}`);
let worst = 0;
for (let i = 0; i < n * n; i++) worst = Math.max(worst, Math.abs(A.data[i] - B.data[i]));
console.log(`\nlargest |A − U·Σ·Vᵀ| = ${worst.toExponential(2)} (double precision carries about 16 digits)`);
