/**
 * Backend choice: `'js'` always works; `'wasm'` needs the module loaded (synchronously in Node on
 * first use, by `init()` in browsers) and the problem to fit in wasm32 memory; `'auto'` takes
 * wasm when both hold, else js.
 * @module
 */
import { BackendUnavailableError, SizeLimitError } from '../errors.js';
import type { BackendChoice } from '../types.js';
import { jsBackend } from './js/index.js';
import type { Backend } from './types.js';
import { wasmBackend, wasmState } from './wasm/index.js';

// The API layer reaches the wasm loader through this seam, never into backend/wasm itself.
export { initWasm, simdSupported, wasmBackend, wasmState } from './wasm/index.js';

/** The backend that runs a call of `fn`, given the request and the call's wasm footprint. */
export function selectBackend(fn: string, choice: BackendChoice | undefined, bytesOn: (b: Backend) => number): Backend {
  if (choice === 'js') return jsBackend;
  const wasm = wasmBackend();
  if (!wasm) {
    if (choice === 'wasm') {
      throw new BackendUnavailableError(
        `${fn}: backend 'wasm' was requested but WebAssembly is unavailable (${wasmState().error ?? 'not loaded'}); ` +
          `in a browser call 'await init()' first, or pass backend: 'js'`,
      );
    }
    return jsBackend;
  }
  const bytes = bytesOn(wasm),
    limit = wasm.memoryLimit;
  if (bytes <= limit) return wasm;
  if (choice === 'wasm') {
    throw new SizeLimitError(
      `${fn}: this problem needs ${(bytes / 2 ** 20).toFixed(0)} MiB of wasm memory but wasm32 allows at most ` +
        `${(limit / 2 ** 20).toFixed(0)} MiB; pass backend: 'js' (or 'auto') for matrices this large`,
    );
  }
  return jsBackend;
}
