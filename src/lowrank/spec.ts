/**
 * The rank specification shared by {@link chooseRank} and {@link lowRank}: validated once into a
 * tagged form, so a bad spec fails before any work with a message that says what to pass.
 * @module
 */
import { InvalidOptionError } from '../errors.js';

/**
 * How to pick the rank k of an approximation A_k (σ₁ ≥ σ₂ ≥ … the singular values):
 * - `k` (a number): exactly k, 1 ≤ k ≤ min(m, n).
 * - `{ energy: e }`, 0 < e ≤ 1: the smallest k with Σ_{i≤k}σᵢ² ≥ e·Σσᵢ².
 * - `{ relativeError: r }`, 0 ≤ r ≤ 1: the smallest k with ‖A − A_k‖_F ≤ r·‖A‖_F.
 * - `{ maxStored: N }`: the largest k whose factors fit in N numbers, k(m + n + 1) ≤ N.
 */
export type RankSpec =
  | number
  | {
      /** Fraction of Σσᵢ² to keep, 0 < energy ≤ 1. */
      energy: number;
    }
  | {
      /** Largest ‖A − A_k‖_F / ‖A‖_F allowed, 0 ≤ relativeError ≤ 1. */
      relativeError: number;
    }
  | {
      /** Most numbers the factors may take: k·(m + n + 1) ≤ maxStored. */
      maxStored: number;
    };

/** A matrix shape, needed by the `maxStored` rule. */
export interface MatrixShape {
  /** m, the number of rows. */
  rows: number;
  /** n, the number of columns. */
  cols: number;
}

/** A validated {@link RankSpec}. */
export type ParsedSpec =
  | { kind: 'k'; value: number }
  | { kind: 'energy'; value: number }
  | { kind: 'relativeError'; value: number }
  | { kind: 'maxStored'; value: number };

const forms =
  'a rank k (integer), { energy: e } with 0 < e ≤ 1, { relativeError: r } with 0 ≤ r ≤ 1, or { maxStored: N }';

function fail(fn: string, problem: string): never {
  throw new InvalidOptionError(`${fn}: ${problem}; the rank spec is ${forms}`);
}

/** Validates `spec` against p = number of available singular values (p = min(m, n) for an SVD). */
export function parseSpec(fn: string, spec: unknown, p: number): ParsedSpec {
  if (typeof spec === 'number') {
    if (!Number.isSafeInteger(spec) || spec < 1 || spec > p) {
      fail(
        fn,
        p === 0
          ? `k = ${spec} is impossible: the matrix is empty (min(m, n) = 0)`
          : `k must be an integer from 1 to min(m, n) = ${p}, got ${spec}`,
      );
    }
    return { kind: 'k', value: spec };
  }
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec))
    fail(fn, `got ${spec === null ? 'null' : typeof spec}`);
  const keys = Object.keys(spec);
  if (keys.length !== 1) fail(fn, `a spec object has exactly one key, got {${keys.join(', ')}}`);
  const key = keys[0],
    v = (spec as Record<string, unknown>)[key];
  if (key === 'energy') {
    if (typeof v !== 'number' || !(v > 0 && v <= 1)) fail(fn, `energy must be in (0, 1], got ${String(v)}`);
  } else if (key === 'relativeError') {
    if (typeof v !== 'number' || !(v >= 0 && v <= 1)) fail(fn, `relativeError must be in [0, 1], got ${String(v)}`);
  } else if (key === 'maxStored') {
    if (!Number.isSafeInteger(v) || (v as number) < 1)
      fail(fn, `maxStored must be a positive integer, got ${String(v)}`);
  } else {
    fail(fn, `unknown spec key '${key}'`);
  }
  if (p === 0) fail(fn, 'the matrix is empty (min(m, n) = 0), so no rank k ≥ 1 exists');
  return { kind: key, value: v as number } as ParsedSpec;
}

/** Validates a { rows, cols } shape argument. */
export function parseShape(fn: string, shape: unknown): MatrixShape {
  const ok =
    shape !== null &&
    typeof shape === 'object' &&
    Number.isSafeInteger((shape as MatrixShape).rows) &&
    Number.isSafeInteger((shape as MatrixShape).cols) &&
    (shape as MatrixShape).rows >= 1 &&
    (shape as MatrixShape).cols >= 1;
  if (!ok) throw new InvalidOptionError(`${fn}: shape must be { rows, cols } with positive integers`);
  const { rows, cols } = shape as MatrixShape;
  return { rows, cols };
}
