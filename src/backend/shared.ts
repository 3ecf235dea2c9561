/**
 * What both backends share and neither owns: the outcome of a Jacobi run and the typed error for
 * one that hit its sweep cap. Backends import this; they never import each other.
 * @module
 */
import { ConvergenceError } from '../errors.js';

/** Outcome of a Jacobi run: sweeps done and the largest remaining relative off-diagonal. */
export interface JacobiResult {
  converged: boolean;
  sweeps: number;
  offMax: number;
  /** Rotations (and Gram–Schmidt steps) done over all sweeps, where the kernel counts them. */
  rotations?: number;
}

/** Throws the typed non-convergence error that both backends share. */
export function checkConverged(what: string, r: JacobiResult, maxSweeps: number): void {
  if (r.converged) return;
  throw new ConvergenceError(
    `${what} did not converge within ${maxSweeps} sweeps (largest remaining relative ` +
      `off-diagonal ${r.offMax.toExponential(2)}); raise the maxSweeps option`,
    r.sweeps,
    r.offMax,
  );
}

/**
 * Throws the typed non-convergence error of an implicit QL/QR iteration on a tridiagonal or
 * bidiagonal matrix (both backends). Its sweeps are counted per eigen- or singular value
 * (sweeps / n), the unit `maxSweeps` caps, so a cap of k reports k sweeps; the off-diagonal is
 * measured on A scaled to its largest entry in [1, 2).
 */
export function checkQLConverged(r: JacobiResult, n: number, maxSweeps: number, what: string): void {
  if (r.converged) return;
  throw new ConvergenceError(
    `${what} did not converge within ${maxSweeps} sweeps (largest remaining ` +
      `relative off-diagonal ${r.offMax.toExponential(2)}); raise the maxSweeps option or use method 'jacobi'`,
    r.sweeps / n,
    r.offMax,
  );
}

/** Cap on QL/QR sweeps over an n×n tri- or bidiagonal: maxSweeps per value on average (dsteqr: 30). */
export function qlMaxIter(n: number, maxSweeps: number): number {
  return Math.min(maxSweeps * n, 2 ** 31 - 1);
}
