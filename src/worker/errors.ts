/**
 * Errors across the worker boundary: thrown in the worker, sent as a plain object
 * `{ name, message, code, …fields }` and rebuilt on the calling side as the same class from
 * errors.ts, so `instanceof ConvergenceError` works as it does without a worker.
 * @module
 */
import {
  BackendUnavailableError,
  ConvergenceError,
  InvalidMatrixError,
  InvalidOptionError,
  SizeLimitError,
  SvdkitError,
} from '../errors.js';

/** An error as it travels between threads. */
export interface WireError {
  name: string;
  message: string;
  code?: string;
  /** ConvergenceError only. */
  sweeps?: number;
  /** ConvergenceError only. */
  offNorm?: number;
  /** The worker-side stack, when there was one. */
  stack?: string;
}

/** Flattens any thrown value into a {@link WireError}. */
export function toWire(e: unknown): WireError {
  if (!(e instanceof Error)) return { name: 'Error', message: String(e) };
  const out: WireError = { name: e.name, message: e.message };
  if (e.stack) out.stack = e.stack;
  if (e instanceof SvdkitError) out.code = e.code;
  if (e instanceof ConvergenceError) {
    out.sweeps = e.sweeps;
    out.offNorm = e.offNorm;
  }
  return out;
}

const simple: Record<string, new (message: string) => Error> = {
  InvalidMatrixError,
  InvalidOptionError,
  BackendUnavailableError,
  SizeLimitError,
  TypeError,
  RangeError,
  SyntaxError,
  ReferenceError,
  EvalError,
  URIError,
};

/** Rebuilds the error class a {@link WireError} came from (plain `Error` for unknown names). */
export function fromWire(w: WireError): Error {
  let e: Error;
  if (w.name === 'ConvergenceError') e = new ConvergenceError(w.message, w.sweeps ?? 0, w.offNorm ?? NaN);
  else if (w.name === 'SvdkitError') e = new SvdkitError(w.message, w.code);
  else if (Object.hasOwn(simple, w.name)) e = new simple[w.name](w.message);
  else {
    e = new Error(w.message);
    e.name = w.name;
  }
  if (w.stack)
    e.stack = `${e.name}: ${e.message}\n    (in the svdkit worker)\n${w.stack.split('\n').slice(1).join('\n')}`;
  return e;
}
