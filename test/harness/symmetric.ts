/** Symmetric test matrices Q·diag(λ)·Qᵀ with prescribed eigenvalues. */
import { randomOrthogonal, type M64 } from './matrices.js';
import { createRng } from '../../src/random.js';

export function withEigenvalues(lambda: number[], seed: number): M64 {
  const n = lambda.length;
  const q = randomOrthogonal(n, createRng(seed));
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += q[i * n + k] * lambda[k] * q[j * n + k];
      data[i * n + j] = data[j * n + i] = s;
    }
  }
  return { rows: n, cols: n, data };
}

/** Aᵀ·A of a uniform random matrix symmetrised exactly: positive semidefinite. */
export function randomSymmetric(n: number, seed: number): M64 {
  const rng = createRng(seed);
  const data = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) data[i * n + j] = data[j * n + i] = 2 * rng.uniform() - 1;
  return { rows: n, cols: n, data };
}
