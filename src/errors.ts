/**
 * Error classes thrown by svdkit. Every error is an {@link SvdkitError}, so one
 * `instanceof` check catches them all; the subclasses say which kind of problem it is.
 * @module
 */

/** Base class of every error svdkit throws. `code` is a stable machine-readable name. */
export class SvdkitError extends Error {
  /**
   * Stable name of the kind of error: `INVALID_MATRIX`, `INVALID_OPTION`, `NO_CONVERGENCE`,
   * `BACKEND_UNAVAILABLE` or `SIZE_LIMIT`; from svdkit/worker also `WORKER_TERMINATED`,
   * `WORKER_FAILED` (the worker could not start or crashed) and `ABORTED` (the call's signal fired).
   */
  readonly code: string;
  constructor(message: string, code = 'SVDKIT_ERROR') {
    super(message);
    this.name = new.target.name;
    this.code = code;
  }
}

/** The input matrix is malformed: ragged rows, wrong data length, NaN or ±Infinity, bad sizes. */
export class InvalidMatrixError extends SvdkitError {
  constructor(message: string) {
    super(message, 'INVALID_MATRIX');
  }
}

/** An option has an unknown name or a value outside its domain. */
export class InvalidOptionError extends SvdkitError {
  constructor(message: string) {
    super(message, 'INVALID_OPTION');
  }
}

/** An iterative method hit its sweep cap before meeting its stopping rule. */
export class ConvergenceError extends SvdkitError {
  /** Sweeps (or iterations) performed before giving up. */
  readonly sweeps: number;
  /** The largest remaining off-diagonal measure, relative to the stopping tolerance's scale. */
  readonly offNorm: number;
  constructor(message: string, sweeps: number, offNorm: number) {
    super(message, 'NO_CONVERGENCE');
    this.sweeps = sweeps;
    this.offNorm = offNorm;
  }
}

/** The requested backend cannot run here (no WebAssembly, or the module failed to load). */
export class BackendUnavailableError extends SvdkitError {
  constructor(message: string) {
    super(message, 'BACKEND_UNAVAILABLE');
  }
}

/** The problem does not fit the chosen backend's memory (wasm32 is limited to 4 GiB). */
export class SizeLimitError extends SvdkitError {
  constructor(message: string) {
    super(message, 'SIZE_LIMIT');
  }
}
