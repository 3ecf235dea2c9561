// Caught by test/hostile.test.ts: randomizedSvd on a matrix of subnormals never returned. The
// sketch rows had subnormal norms, 1/‖q‖ overflowed to Infinity, the rows became NaN, and the
// re-orthonormalisation's search for a replacement row (a do-while on `after > enough`) spun
// forever on NaN. Now A is scaled by a power of two first (as svd does), a subnormal norm is
// divided by instead of inverted, and the search is capped at two passes. At 1e300 the same
// sketch products overflowed.
import { describe, expect, it } from 'vitest';
import { lowRank, randomizedSvd, svdvals } from '../../src/index.js';
import { backends } from '../harness/cases.js';
import { orthonormalizeRows } from '../../src/core/orth.js';

describe.each(backends)('%s', (backend) => {
  it.each([[5e-324], [2 ** -1070], [1e-300], [1e300]])('entries of size %d', (c) => {
    const a = [
      [1, 2],
      [3, -1],
      [1, 2],
    ].map((r) => r.map((x) => x * c));
    const r = randomizedSvd(a, 1, { backend, seed: 1 });
    expect([...r.U.data, ...r.S, ...r.Vt.data].every(Number.isFinite)).toBe(true);
    const exact = svdvals(a, { backend })[0];
    // Subnormal σ carry few bits: compare to the spacing there, else relatively.
    expect(Math.abs(r.S[0] - exact)).toBeLessThanOrEqual(Math.max(1e-14 * exact, 4 * 2 ** -1074));
    const lr = lowRank(a, { energy: 0.99 }, { backend, method: 'randomized' });
    expect([...lr.U.data, ...lr.S, ...lr.Vt.data, lr.error, lr.energy].every(Number.isFinite)).toBe(true);
    // Subnormal σ are rounded to a bit or two, and the energies computed from them with them.
    if (c >= 1e-300) expect(lr.energy).toBeGreaterThanOrEqual(0.99);
  });
});

it('orthonormalizeRows ends on non-finite rows instead of spinning, and the cap keeps its contract', () => {
  // Before the fix this call never returned (the test timed out); what it leaves is garbage in, garbage out.
  const q = new Float64Array([NaN, 1, 0, 1, 0, 0]);
  expect(() => orthonormalizeRows(q, 2, 3)).not.toThrow();
  // The capped search still replaces a dependent row: r orthonormal rows spanning the input's span.
  const d = new Float64Array([3, 4, 0, 6, 8, 0]);
  orthonormalizeRows(d, 2, 3);
  const dot = (i: number, j: number) => d[3 * i] * d[3 * j] + d[3 * i + 1] * d[3 * j + 1] + d[3 * i + 2] * d[3 * j + 2];
  for (const [i, j, want] of [
    [0, 0, 1],
    [1, 1, 1],
    [0, 1, 0],
  ])
    expect(Math.abs(dot(i, j) - want)).toBeLessThan(1e-15);
  expect(Math.abs(d[0] * 4 - d[1] * 3)).toBeLessThan(1e-15); // row 0 is still (3, 4, 0)/5, up to sign
});
