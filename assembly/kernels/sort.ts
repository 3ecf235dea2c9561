/**
 * Orders singular values (or eigenvalues) descending, moving the matching columns along.
 * Selection sort: at most n − 1 column exchanges, each O(rows), negligible beside the sweeps.
 * Ties keep their order, so the result is deterministic. Mirror of `src/backend/js/sort.ts`.
 */
import { at } from './address';
import { swap } from './vec';

/** Sorts s[0..n) descending; swaps columns of `a` (lda rows) and `b` (ldb rows) alike (0 = none). */
export function sortDescending<T>(n: usize, s: usize, a: usize, lda: usize, b: usize, ldb: usize): void {
  for (let i: usize = 0; i + 1 < n; i++) {
    let k = i;
    for (let j = i + 1; j < n; j++) if (load<T>(at<T>(s, j)) > load<T>(at<T>(s, k))) k = j;
    if (k == i) continue;
    const t = load<T>(at<T>(s, i));
    store<T>(at<T>(s, i), load<T>(at<T>(s, k)));
    store<T>(at<T>(s, k), t);
    if (a) swap<T>(at<T>(a, i * lda), at<T>(a, k * lda), lda);
    if (b) swap<T>(at<T>(b, i * ldb), at<T>(b, k * ldb), ldb);
  }
}
