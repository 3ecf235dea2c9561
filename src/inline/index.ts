/**
 * svdkit/inline: the whole svdkit API with the wasm binaries embedded (base64, about 50 kB of
 * text for both builds), for CDNs, edge runtimes and pages where serving a `.wasm` file beside
 * the script is awkward. `await init()` loads the embedded build (SIMD when the engine
 * validates it, else scalar) with no network request or file read.
 * @example
 * ```ts
 * import { init, svd } from 'svdkit/inline';
 * await init();
 * svd([[3, 2, 2], [2, 3, -2]]).S; // [5, 3]
 * ```
 * @module svdkit/inline
 * @packageDocumentation
 */
import { backendInfo, init as initFrom, type InitOptions } from '../init.js';
import { SCALAR_WASM, SIMD_WASM } from './data.js';

export * from '../index.js';

const decoded: { simd?: Uint8Array; scalar?: Uint8Array } = {};

function fromBase64(text: string): Uint8Array {
  const bin = atob(text),
    out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The embedded binary of one build, decoded once (the same bytes keep init idempotent). */
function embedded(simd: boolean): Uint8Array {
  return simd ? (decoded.simd ??= fromBase64(SIMD_WASM)) : (decoded.scalar ??= fromBase64(SCALAR_WASM));
}

/**
 * Loads the embedded wasm build: SIMD when supported (or `opts.simd`), else scalar.
 * Idempotent like the main entry's init; `opts.wasm` loads that binary instead.
 */
export function init(opts: InitOptions = {}): Promise<void> {
  if (opts.wasm !== undefined || typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'undefined') {
    return initFrom(opts);
  }
  return initFrom({ wasm: embedded(opts.simd ?? backendInfo().simdSupported) });
}
