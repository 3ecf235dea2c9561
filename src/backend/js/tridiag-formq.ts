/**
 * Forms Q = H_0·H_1·…·H_{n−2} of the tridiagonal reduction explicitly (LAPACK dorg2r /
 * dorgtr, lower). Mirror of `assembly/tridiag/formq.ts` (full header there); bitwise equal to
 * the scalar wasm build in float64.
 * @module
 */
import type { FloatArray } from '../../types.js';

/** q (n×n column-major, zero on entry) ← Q from the reflectors in `a` and tau. */
export function formQ(n: number, a: FloatArray, tau: Float64Array, q: FloatArray): void {
  for (let j = 0; j < n; j++) q[j * n + j] = 1;
  for (let i = n - 2; i >= 0; i--) {
    const r = i + 1, len = n - r;
    const t = tau[i];
    const v = i * n + r;
    if (t === 0) continue;
    for (let j = r + 1; j < n; j++) {
      const x = j * n + r;
      let dot = 0;
      for (let k = 1; k < len; k++) dot += a[v + k] * q[x + k];
      const s = t * dot;
      q[x] = -s;
      for (let k = 1; k < len; k++) q[x + k] -= s * a[v + k];
    }
    const x = r * n + r;
    q[x] = 1 - t;
    const mt = -t;
    for (let k = 1; k < len; k++) q[x + k] = mt * a[v + k];
  }
}
