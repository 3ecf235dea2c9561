/**
 * The sign convention of every decomposition (svd, eigh, randomizedSvd, lowRank): singular and
 * eigen-vectors are defined only up to sign, so each vector is flipped to make its entry of
 * largest magnitude (the first such on ties) positive, and results are reproducible.
 * @module
 */
import type { FloatArray } from './types.js';

interface Dense {
  rows: number;
  cols: number;
  data: FloatArray;
}

/** Negates row i of the row-major a. */
export function negateRow(a: Dense, i: number): void {
  for (let j = 0; j < a.cols; j++) a.data[i * a.cols + j] = -a.data[i * a.cols + j];
}

/**
 * Flips each column of the row-major a whose first largest-magnitude entry is negative, and
 * calls `flipped(j)` for it (so the caller can flip the matching row of the other factor).
 */
export function positiveColumns(a: Dense, flipped?: (j: number) => void): void {
  for (let j = 0; j < a.cols; j++) {
    let best = 0;
    for (let i = 1; i < a.rows; i++)
      if (Math.abs(a.data[i * a.cols + j]) > Math.abs(a.data[best * a.cols + j])) best = i;
    if (a.rows === 0 || a.data[best * a.cols + j] >= 0) continue;
    for (let i = 0; i < a.rows; i++) a.data[i * a.cols + j] = -a.data[i * a.cols + j];
    flipped?.(j);
  }
}

/** Flips rows from..rows−1 of the row-major a whose first largest-magnitude entry is negative. */
export function positiveRows(a: Dense, from = 0): void {
  for (let i = from; i < a.rows; i++) {
    let best = 0;
    for (let j = 1; j < a.cols; j++)
      if (Math.abs(a.data[i * a.cols + j]) > Math.abs(a.data[i * a.cols + best])) best = j;
    if (a.cols > 0 && a.data[i * a.cols + best] < 0) negateRow(a, i);
  }
}
