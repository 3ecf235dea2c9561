/** The eigh harness: residual, orthogonality and ordering of a symmetric eigen-decomposition. */
import { expect } from 'vitest';
import { eigh, type BackendName, type Dtype, type EighMethod, type Matrix } from '../../src/index.js';
import { asDtype } from './cases.js';
import { RATIO_LIMIT } from './check-svd.js';
import { eigenResidualRatio, eps, orthogonalityRatio } from './ratios.js';

export function checkEigh(a0: Matrix, backend: BackendName, dtype: Dtype, method?: EighMethod): void {
  const a = asDtype(a0, dtype);
  const e = eps[dtype];
  const { values, vectors, backend: used } = eigh(a, { backend, dtype, method });
  expect(used).toBe(backend);
  expect(values.length).toBe(a.rows);
  expect([vectors.rows, vectors.cols]).toEqual([a.rows, a.rows]);
  for (let i = 1; i < values.length; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
  expect(vectors.data.every(Number.isFinite)).toBe(true);
  expect(eigenResidualRatio(a, values, vectors, e)).toBeLessThan(RATIO_LIMIT);
  expect(orthogonalityRatio(vectors, e)).toBeLessThan(RATIO_LIMIT);
}
