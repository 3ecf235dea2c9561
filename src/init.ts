/** Loading the wasm module and reporting which backend runs. @module */
import { initWasm, wasmBackend, wasmState, type WasmInitOptions } from './backend/wasm/index.js';

/** Options of {@link init}. */
export type InitOptions = WasmInitOptions;

/**
 * Loads the wasm module. Idempotent: later calls return the same promise. Needed once in
 * browsers before the first call with the wasm backend; optional in Node, where the first call
 * loads the module synchronously. Never rejects for lack of WebAssembly: the js backend then
 * serves `'auto'` and {@link backendInfo} says so.
 * @param opts.wasm where the binary comes from (URL, bytes, Response or compiled Module);
 *   default the `.wasm` shipped beside the package. `opts.simd: false` forces the scalar build.
 */
export function init(opts: InitOptions = {}): Promise<void> {
  return initWasm(opts);
}

/** Which backends can run here and which one `'auto'` uses. */
export function backendInfo(): { wasm: boolean; simd: boolean; active: 'wasm' | 'js' } {
  const wasm = wasmBackend() !== null;
  const state = wasmState();
  return { wasm, simd: wasm && state.simd, active: wasm ? 'wasm' : 'js' };
}
