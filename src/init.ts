/** Loading the wasm module and reporting which backend runs. @module */
import { initWasm, simdSupported, wasmBackend, wasmState } from './backend/select.js';
import type { WasmSource } from './types.js';
import { checkOptions, is, type OptionCheck } from './validate.js';

/** Options of {@link init}. */
export interface InitOptions {
  /**
   * The binary to load: a URL or path, bytes, a fetch `Response` or a compiled
   * `WebAssembly.Module`. Default: the `.wasm` shipped beside the package.
   */
  wasm?: WasmSource;
  /**
   * Which shipped build to load: `true` SIMD, `false` the scalar build. Default: SIMD when the
   * engine supports it. Ignored when `wasm` is given (that binary says which build it is).
   */
  simd?: boolean;
}

// The wasm source itself is checked by the loader.
const initChecks = { wasm: () => null, simd: is.boolean } satisfies Record<keyof InitOptions, OptionCheck>;

/** What {@link backendInfo} reports. */
export interface BackendInfo {
  /** Whether the wasm backend is loaded and usable. */
  wasm: boolean;
  /** Whether the loaded wasm is the SIMD build. */
  simd: boolean;
  /** The backend `backend: 'auto'` uses: wasm when loaded, else js. */
  active: 'wasm' | 'js';
  /** Whether this engine validates WebAssembly SIMD (so `init()` picks the SIMD build). */
  simdSupported: boolean;
  /** Why the wasm module is not loaded, when it failed to load (absent otherwise). */
  error?: string;
}

/**
 * Loads the wasm module. Idempotent: the same request returns the same promise. Needed once in
 * browsers before the first call with the wasm backend; optional in Node, where the first call
 * loads the module synchronously. Never rejects for lack of WebAssembly: the js backend then
 * serves `'auto'` and {@link backendInfo} says so.
 * @example
 * ```ts
 * await init();                  // the shipped binary, SIMD when supported
 * await init({ simd: false });   // force the scalar build
 * await init({ wasm: new URL('/assets/svdkit.wasm', location.href) });
 * ```
 */
export function init(opts: InitOptions = {}): Promise<void> {
  try {
    // The source itself is checked by the loader; `wasm: undefined` means the shipped binary.
    checkOptions('init', opts, initChecks);
  } catch (e) {
    return Promise.reject(e); // a promise-returning function reports bad options as a rejection
  }
  return initWasm(opts);
}

/**
 * Which backends can run here and which one `'auto'` uses.
 * @example
 * ```ts
 * backendInfo(); // { wasm: true, simd: true, active: 'wasm', simdSupported: true }
 * ```
 */
export function backendInfo(): BackendInfo {
  const wasm = wasmBackend() !== null;
  const state = wasmState();
  const engineSimd = typeof (globalThis as { WebAssembly?: unknown }).WebAssembly === 'object' && simdSupported();
  const info: BackendInfo = { wasm, simd: wasm && state.simd, active: wasm ? 'wasm' : 'js', simdSupported: engineSimd };
  if (!wasm && state.error !== undefined) info.error = state.error;
  return info;
}
