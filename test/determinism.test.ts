/**
 * Determinism: the same input on the same backend and dtype gives the same bits, run after run,
 * whatever ran in between (other sizes, other dtypes, errors that left the wasm arena dirty).
 * The two backends are not compared here: their kernels round differently, so they agree only
 * to rounding (test/parity.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { eigh, lowRank, pinv, randomizedSvd, svd, svdvals, type Dtype, type Matrix } from '../src/index.js';
import { cases, wasmMissing } from './harness/cases.js';
import { withSingularValues, uniformMatrix } from './harness/matrices.js';
import { withEigenvalues } from './harness/symmetric.js';

const RUNS = 5;

function asDtype(a: Matrix, dtype: Dtype): Matrix {
  return {
    rows: a.rows,
    cols: a.cols,
    data: dtype === 'float32' ? Float32Array.from(a.data) : Float64Array.from(a.data),
  };
}

/** Every number of a result in a fixed order (typed arrays entry by entry, fields by name). */
function numbers(x: unknown, out: number[] = []): number[] {
  if (typeof x === 'number') out.push(x);
  else if (ArrayBuffer.isView(x)) for (const v of x as unknown as ArrayLike<number>) out.push(v);
  else if (x !== null && typeof x === 'object')
    for (const k of Object.keys(x).sort()) numbers((x as Record<string, unknown>)[k], out);
  return out;
}

/** The bytes of all those numbers as float64: equal bytes ⇔ Object.is on every entry (NaN payloads aside). */
function fingerprint(x: unknown): Buffer {
  return Buffer.from(Float64Array.from(numbers(x)).buffer);
}

/** Work between two runs that leaves different data, shapes and dtypes in the wasm arena. */
function disturb(i: number): void {
  const other = uniformMatrix(20 + 7 * i, 11 + 3 * i, 100 + i);
  svd(other, { dtype: i % 2 ? 'float32' : 'float64' });
  try {
    svd(uniformMatrix(30, 30, 7), { maxSweeps: 1 }); // fails after the kernel wrote the arena
  } catch {
    /* ConvergenceError, expected */
  }
}

describe.each(cases)('determinism on %s / %s', (backend, dtype) => {
  const run = it.skipIf(backend === 'wasm' && wasmMissing);
  const matrices: [string, Matrix][] = [
    ['tall 37×23', uniformMatrix(37, 23, 1)],
    ['wide 23×37', uniformMatrix(23, 37, 2)],
    ['square 64×64', uniformMatrix(64, 64, 3)],
    ['1×9', uniformMatrix(1, 9, 4)],
    ['rank-deficient 30×20 (σ repeated and zero)', withSingularValues(30, 20, [3, 3, 3, 2, 1, 1, 0, 0], 5)],
    [
      'graded 25×25',
      withSingularValues(
        25,
        25,
        Array.from({ length: 25 }, (_, i) => 1e-12 ** (i / 24)),
        6,
      ),
    ],
  ];
  const calls: [string, (a: Matrix) => unknown][] = [
    ['svd', (a) => svd(a, { backend, dtype })],
    ['svd fullMatrices', (a) => svd(a, { backend, dtype, fullMatrices: true })],
    ['svdvals', (a) => svdvals(a, { backend, dtype })],
    ['randomizedSvd (seed 7)', (a) => randomizedSvd(a, Math.min(3, a.rows, a.cols), { backend, dtype, seed: 7 })],
    [
      'lowRank randomized { energy: 0.9 }',
      (a) => lowRank(a, { energy: 0.9 }, { backend, dtype, method: 'randomized', seed: 3 }),
    ],
    ['pinv', (a) => pinv(a, { backend, dtype })],
  ];

  for (const [what, call] of calls) {
    run.each(matrices)(`${what} on %s: ${RUNS} runs, identical bits`, (_, a0) => {
      const a = asDtype(a0, dtype);
      const first = fingerprint(call(a));
      for (let i = 0; i < RUNS - 1; i++) {
        disturb(i);
        expect(fingerprint(call(a)).equals(first)).toBe(true);
      }
    });
  }

  run.each([
    [
      'eigh 40×40, distinct eigenvalues',
      withEigenvalues(
        Array.from({ length: 40 }, (_, i) => 40 - 2 * i),
        8,
      ),
    ],
    [
      'eigh 24×24, repeated eigenvalues',
      withEigenvalues(
        Array.from({ length: 24 }, (_, i) => (i < 12 ? 1 : -1)),
        9,
      ),
    ],
  ])(`%s: ${RUNS} runs, identical bits`, (_, s0) => {
    const s = asDtype(s0, dtype);
    const first = fingerprint(eigh(s, { backend, dtype }));
    for (let i = 0; i < RUNS - 1; i++) {
      disturb(i);
      expect(fingerprint(eigh(s, { backend, dtype })).equals(first)).toBe(true);
    }
  });

  run('a different seed gives a different sketch, the same seed the same one', () => {
    const a = asDtype(uniformMatrix(60, 40, 10), dtype);
    const x = randomizedSvd(a, 5, { backend, dtype, seed: 1, powerIterations: 0 });
    const y = randomizedSvd(a, 5, { backend, dtype, seed: 2, powerIterations: 0 });
    expect(fingerprint(x).equals(fingerprint(y))).toBe(false);
    expect(
      fingerprint(randomizedSvd(a, 5, { backend, dtype, seed: 1, powerIterations: 0 })).equals(fingerprint(x)),
    ).toBe(true);
  });
});
