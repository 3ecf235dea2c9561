/** The --backend flag. @module */
import { backendInfo } from '../init.js';
import type { BackendChoice } from '../types.js';
import { usageError } from './errors.js';

/** The backend asked for with --backend (auto, wasm or js); undefined when not given. */
export function readBackend(flags: Record<string, string | true>): BackendChoice | undefined {
  const b = flags.backend;
  if (b === undefined) return undefined;
  if (b === 'auto' || b === 'wasm' || b === 'js') return b;
  throw usageError(`--backend takes auto, wasm or js; got '${String(b)}'`);
}

/** The backend a request will most likely run on (for time predictions only). */
export function predictedBackend(choice: BackendChoice | undefined): 'wasm' | 'js' {
  return choice === 'js' ? 'js' : backendInfo().active;
}
