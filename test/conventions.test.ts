// The sign convention README promises ("each column of U has its largest-magnitude entry
// positive", Vt's row flipped with it; eigenvectors likewise), pinned on matrices whose singular
// vectors are known exactly, and checked as an invariant on random ones. Catches a reversed or
// dropped sign rule in svd, eigh, randomizedSvd and lowRank (both methods).
import { describe, expect, it } from 'vitest';
import { eigh, lowRank, randomizedSvd, svd, type Matrix } from '../src/index.js';
import { cases } from './harness/cases.js';
import { uniformMatrix } from './harness/matrices.js';
import { randomSymmetric } from './harness/symmetric.js';

/** 4×3 with orthogonal columns: σ = 5, 2, 1 with u = e₁, e₂, e₃ and v = −e₂, e₁, −e₃. */
const A = [
  [0, -5, 0],
  [2, 0, 0],
  [0, 0, -1],
  [0, 0, 0],
];
const U_A = [
  [1, 0, 0],
  [0, 1, 0],
  [0, 0, 1],
  [0, 0, 0],
];
const VT_A = [
  [0, -1, 0],
  [1, 0, 0],
  [0, 0, -1],
];
/** Aᵀ (3×4): its U is A's V with each column made positive at its largest entry. */
const AT = [
  [0, 2, 0, 0],
  [-5, 0, 0, 0],
  [0, 0, -1, 0],
];
const U_AT = [
  [0, 1, 0],
  [1, 0, 0],
  [0, 0, 1],
];
const VT_AT = [
  [-1, 0, 0, 0],
  [0, 1, 0, 0],
  [0, 0, -1, 0],
];

function rowsOf(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) =>
    Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols), (x) => x + 0),
  );
}

/** Entrywise within `tol` (a sign error moves an entry by 2). */
function expectClose(got: Matrix, want: number[][], tol = 1e-6): void {
  expect([got.rows, got.cols]).toEqual([want.length, want[0].length]);
  rowsOf(got).forEach((row, i) => {
    row.forEach((x, j) => {
      expect(Math.abs(x - want[i][j])).toBeLessThanOrEqual(tol);
    });
  });
}

/** For each column of U: the entry of largest magnitude (the first on ties) is positive. */
function columnsPositiveAtLargest(U: Matrix): boolean[] {
  return Array.from({ length: U.cols }, (_, j) => {
    let best = 0;
    for (let i = 1; i < U.rows; i++)
      if (Math.abs(U.data[i * U.cols + j]) > Math.abs(U.data[best * U.cols + j])) best = i;
    return U.data[best * U.cols + j] > 0;
  });
}

function rowsPositiveAtLargest(Vt: Matrix, from: number): boolean[] {
  const out: boolean[] = [];
  for (let i = from; i < Vt.rows; i++) {
    let best = 0;
    for (let j = 1; j < Vt.cols; j++)
      if (Math.abs(Vt.data[i * Vt.cols + j]) > Math.abs(Vt.data[i * Vt.cols + best])) best = j;
    out.push(Vt.data[i * Vt.cols + best] > 0);
  }
  return out;
}

describe.each(cases)('sign convention on %s / %s', (backend, dtype) => {
  const opts = { backend, dtype };

  it('svd: U positive at its largest entry, Vt flipped with it (tall and wide, known vectors)', () => {
    const r = svd(A, opts);
    expectClose(r.U!, U_A);
    expectClose(r.Vt!, VT_A);
    const w = svd(AT, opts);
    expectClose(w.U!, U_AT);
    expectClose(w.Vt!, VT_AT);
    expectClose(svd(A, { ...opts, k: 2 }).Vt!, VT_A.slice(0, 2));
  });

  it('svd: every column of U (thin and full) and every completion row of Vt, on random matrices', () => {
    for (const [m, n] of [
      [9, 5],
      [5, 9],
      [7, 7],
      [1, 6],
      [6, 1],
    ]) {
      const a = uniformMatrix(m, n, 31 * m + n);
      for (const full of [false, true]) {
        const r = svd(a, { ...opts, fullMatrices: full });
        expect(columnsPositiveAtLargest(r.U!)).not.toContain(false);
        expect(rowsPositiveAtLargest(r.Vt!, Math.min(m, n))).not.toContain(false);
      }
    }
  });

  it('eigh: each eigenvector positive at its largest entry', () => {
    // diag(2, −3, 1): eigenvalues 2, 1, −3 with eigenvectors e₁, e₃, e₂ exactly.
    const { values, vectors } = eigh(
      [
        [2, 0, 0],
        [0, -3, 0],
        [0, 0, 1],
      ],
      opts,
    );
    expect(Array.from(values)).toEqual([2, 1, -3]);
    expectClose(vectors, [
      [1, 0, 0],
      [0, 0, 1],
      [0, 1, 0],
    ]);
    // [[1, −2], [−2, 4]]: λ = 5 with (1, −2)/√5 (largest entry −2/√5, so the vector is (−1, 2)/√5), λ = 0 with (2, 1)/√5.
    const r5 = 1 / Math.sqrt(5);
    expectClose(
      eigh(
        [
          [1, -2],
          [-2, 4],
        ],
        opts,
      ).vectors,
      [
        [-r5, 2 * r5],
        [2 * r5, r5],
      ],
      1e-6,
    );
    for (const n of [5, 12])
      expect(columnsPositiveAtLargest(eigh(randomSymmetric(n, n), opts).vectors)).not.toContain(false);
  });

  it('randomizedSvd: same convention as svd', () => {
    const r = randomizedSvd(A, 2, opts);
    expectClose(
      r.U,
      U_A.map((row) => row.slice(0, 2)),
    );
    expectClose(r.Vt, VT_A.slice(0, 2));
    const big = randomizedSvd(uniformMatrix(40, 30, 5), 6, opts);
    expect(columnsPositiveAtLargest(big.U)).not.toContain(false);
  });

  it('lowRank (exact and randomized): same convention as svd', () => {
    for (const method of ['exact', 'randomized'] as const) {
      const lr = lowRank(A, 2, { ...opts, method });
      expectClose(
        lr.U,
        U_A.map((row) => row.slice(0, 2)),
      );
      expectClose(lr.Vt, VT_A.slice(0, 2));
      expect(columnsPositiveAtLargest(lowRank(uniformMatrix(30, 40, 6), 5, { ...opts, method }).U)).not.toContain(
        false,
      );
    }
  });
});
