/**
 * Test matrices in float64, row-major: uniform random ones, and ones with prescribed singular
 * values A = Q₁·diag(σ)·Q₂ᵀ with Haar-like orthogonal factors (products of Householder
 * reflections of seeded normal vectors).
 */
import type { Matrix } from '../../src/index.js';
import { createRng, type Rng } from '../../src/random.js';

export type M64 = Matrix<Float64Array>;

export function uniformMatrix(m: number, n: number, seed: number, lo = -1, hi = 1): M64 {
  const rng = createRng(seed);
  const data = new Float64Array(m * n);
  for (let k = 0; k < data.length; k++) data[k] = lo + (hi - lo) * rng.uniform();
  return { rows: m, cols: n, data };
}

/** A random n×n orthogonal matrix (row-major) as H₁·H₂·…·Hₙ. */
export function randomOrthogonal(n: number, rng: Rng): Float64Array {
  const q = new Float64Array(n * n);
  for (let i = 0; i < n; i++) q[i * n + i] = 1;
  const v = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    let norm = 0;
    for (let i = 0; i < n; i++) {
      v[i] = rng.normal();
      norm += v[i] * v[i];
    }
    if (norm === 0) continue;
    // q ← q·(I − 2vvᵀ/vᵀv)
    for (let i = 0; i < n; i++) {
      let d = 0;
      for (let j = 0; j < n; j++) d += q[i * n + j] * v[j];
      d *= 2 / norm;
      for (let j = 0; j < n; j++) q[i * n + j] -= d * v[j];
    }
  }
  return q;
}

/** An m×n matrix with singular values `sigma` (length ≤ min(m, n); the rest are zero). */
export function withSingularValues(m: number, n: number, sigma: ArrayLike<number>, seed: number): M64 {
  const rng = createRng(seed);
  const qm = randomOrthogonal(m, rng),
    qn = randomOrthogonal(n, rng);
  const data = new Float64Array(m * n);
  for (let k = 0; k < sigma.length; k++) {
    const s = sigma[k];
    for (let i = 0; i < m; i++) {
      const a = qm[i * m + k] * s;
      for (let j = 0; j < n; j++) data[i * n + j] += a * qn[j * n + k];
    }
  }
  return { rows: m, cols: n, data };
}

/** Named singular-value profiles of length p. */
export const profiles: Record<string, (p: number) => number[]> = {
  evenlySpaced: (p) => Array.from({ length: p }, (_, i) => (p - i) / p),
  geometric: (p) => Array.from({ length: p }, (_, i) => (p > 1 ? 1e-12 ** (i / (p - 1)) : 1)),
  clustered: (p) => Array.from({ length: p }, (_, i) => 1 + i * 1e-9),
  repeated: (p) => Array.from({ length: p }, (_, i) => (i < p / 2 ? 2 : 1)),
  rankDeficient: (p) => Array.from({ length: p }, (_, i) => (i < Math.ceil(p / 3) ? 1 + i : 0)),
  rankOne: (p) => Array.from({ length: p }, (_, i) => (i === 0 ? 3 : 0)),
};

export function scaled(a: M64, c: number): M64 {
  return { rows: a.rows, cols: a.cols, data: a.data.map((x) => x * c) };
}

export function identityMatrix(m: number, n: number): M64 {
  const data = new Float64Array(m * n);
  for (let i = 0; i < Math.min(m, n); i++) data[i * n + i] = 1;
  return { rows: m, cols: n, data };
}

/** Column-major copy of a row-major matrix (the working matrix the backends take for m ≥ n). */
export function columnMajor(a: { rows: number; cols: number; data: ArrayLike<number> }): Float64Array<ArrayBuffer> {
  const { rows: m, cols: n } = a;
  const w = new Float64Array(m * n);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) w[j * m + i] = a.data[i * n + j];
  return w;
}
