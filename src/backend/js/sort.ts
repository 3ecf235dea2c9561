/**
 * Orders singular values (or eigenvalues) descending, moving the matching columns along.
 * Selection sort: at most n − 1 column exchanges, each O(rows), negligible beside the sweeps.
 * Ties keep their order, so the result is deterministic. Mirror of `assembly/kernels/sort.ts`.
 * @module
 */
import type { FloatArray } from '../../types.js';
import { swap } from './blas.js';

/** Sorts s[0..n) descending; swaps columns of `a` (lda rows) and `b` (ldb rows) alike. */
export function sortDescending(
  n: number,
  s: FloatArray,
  a: FloatArray | null,
  lda: number,
  b: FloatArray | null,
  ldb: number,
): void {
  for (let i = 0; i < n - 1; i++) {
    let k = i;
    for (let j = i + 1; j < n; j++) if (s[j] > s[k]) k = j;
    if (k === i) continue;
    const t = s[i];
    s[i] = s[k];
    s[k] = t;
    if (a) swap(a, i * lda, k * lda, lda);
    if (b) swap(b, i * ldb, k * ldb, ldb);
  }
}
