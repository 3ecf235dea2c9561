// Power: Aᵏ·v for a symmetric A, two ways.
//  - k repeated products v ← A·v: k·n² multiply-adds, growing with k;
//  - through the eigen-decomposition A = Q·Λ·Qᵀ (eigh, once): Aᵏ·v = Q·Λᵏ·Qᵀ·v, which costs
//    2n² + n multiply-adds whatever k is (plus n powers λᵢᵏ), and also gives non-integer powers.
// Prints both results' agreement and the operation counts of both routes.
//
// Run after `npm run build`:  node examples/power.mjs
import { eigh } from 'svdkit';

/** A tiny seeded generator (mulberry32). */
function rng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

const n = 64;
const next = rng(11);

// A symmetric positive semidefinite A = GᵀG, scaled so its largest eigenvalue is 1 (then Aᵏ·v
// neither overflows nor vanishes, and A^½ exists).
const G = Float64Array.from({ length: n * n }, () => 2 * next() - 1);
const A = new Float64Array(n * n);
for (let i = 0; i < n; i++) {
  for (let j = 0; j <= i; j++) {
    let s = 0;
    for (let k = 0; k < n; k++) s += G[k * n + i] * G[k * n + j];
    A[i * n + j] = A[j * n + i] = s; // exactly symmetric
  }
}
const { values, vectors } = eigh({ rows: n, cols: n, data: A });
const top = values[0];
for (let i = 0; i < n * n; i++) A[i] /= top;
const lambda = values.map((x) => Math.max(x / top, 0)); // eigenvalues of the scaled A (≥ 0 up to rounding)
const Q = vectors.data; // columns are the eigenvectors

/** y = A·x: n² multiply-adds. */
function times(M, x) {
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let j = 0; j < n; j++) s += M[i * n + j] * x[j];
    y[i] = s;
  }
  return y;
}

/** Aᵗ·v = Q·(λᵗ ⊙ (Qᵀ·v)): 2n² + n multiply-adds for any real t. */
function power(t, v) {
  const c = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += Q[i * n + j] * v[i]; // (Qᵀv)_j
    c[j] = s * lambda[j] ** t;
  }
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) y[i] += Q[i * n + j] * c[j];
  return y;
}

const norm = (x) => Math.hypot(...x);
const relDiff = (x, y) => norm(x.map((xi, i) => xi - y[i])) / norm(y);
const v = Float64Array.from({ length: n }, () => 2 * next() - 1);

console.log(
  `A: ${n}×${n} symmetric positive semidefinite, scaled to λ_max = 1; λ = ${lambda[0].toFixed(4)}, ${lambda[1].toFixed(4)}, ${lambda[2].toFixed(4)}, …, ${lambda[n - 1].toExponential(2)}`,
);
console.log(
  `eigh(A), once: two-sided Jacobi, 6n²(n − 1) = ${(6 * n * n * (n - 1)).toLocaleString('en-US')} multiplications per sweep\n`,
);

const head = ['k', 'repeated products', 'through eigh', '‖difference‖/‖Aᵏv‖', '‖Aᵏv‖'];
console.log(
  `${head[0].padStart(5)}  ${head[1].padStart(18)}  ${head[2].padStart(13)}  ${head[3].padStart(19)}  ${head[4].padStart(9)}`,
);
let x = v,
  done = 0;
for (const k of [1, 2, 10, 100, 1000]) {
  while (done < k) {
    x = times(A, x);
    done++;
  }
  const y = power(k, v);
  const counts = [(k * n * n).toLocaleString('en-US'), (2 * n * n + n).toLocaleString('en-US')];
  console.log(
    `${String(k).padStart(5)}  ${counts[0].padStart(18)}  ${counts[1].padStart(13)}  ${relDiff(y, x).toExponential(1).padStart(19)}  ${norm(x).toExponential(3).padStart(9)}`,
  );
}
console.log('(operation counts in multiply-adds; repeated products grow as k·n², the eigh route stays 2n² + n)');
console.log(
  `The one-time eigh (s sweeps of 6n²(n − 1)) pays for itself past k ≈ 6(n − 1)·s = ${6 * (n - 1)}·s products for a`,
);
console.log(
  'single v; it pays at once when many vectors or many powers are wanted, and it is the only way to a non-integer power.',
);

// Large k: Aᵏ·v → (q₁ᵀv)·q₁ as λ₁ = 1 dominates (the power method); the eigh route reads that
// limit off directly.
const q1 = Array.from({ length: n }, (_, i) => Q[i * n]);
const c1 = q1.reduce((s, qi, i) => s + qi * v[i], 0);
console.log(
  `\nk → ∞: Aᵏ·v → (q₁ᵀv)·q₁; |A¹⁰⁰⁰·v − (q₁ᵀv)·q₁| / |A¹⁰⁰⁰·v| = ${relDiff(
    q1.map((qi) => c1 * qi),
    x,
  ).toExponential(1)} (λ₂¹⁰⁰⁰ = ${(lambda[1] ** 1000).toExponential(1)})`,
);

// Non-integer powers: no number of repeated products gives A^½, the eigh route does.
const half = power(0.5, power(0.5, v));
console.log(`non-integer k: A^½·(A^½·v) vs A·v, relative difference ${relDiff(half, times(A, v)).toExponential(1)}`);
