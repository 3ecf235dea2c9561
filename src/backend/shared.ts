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
}

/** Throws the typed non-convergence error that both backends share. */
export function checkConverged(what: string, r: JacobiResult, maxSweeps: number): void {
  if (r.converged) return;
  throw new ConvergenceError(
    `${what} did not converge within ${maxSweeps} sweeps (largest remaining relative ` +
      `off-diagonal ${r.offMax.toExponential(2)}); raise the maxSweeps option`,
    r.sweeps, r.offMax,
  );
}
