/** Placeholder until the wasm backend lands: reports WebAssembly as unavailable. @module */
import type { Backend } from '../types.js';

/** Where the wasm binary comes from when it is not the file shipped beside this module. */
export type WasmSource = string | URL | ArrayBuffer | ArrayBufferView | Response | WebAssembly.Module;

/** Options of {@link initWasm}. */
export interface WasmInitOptions {
  wasm?: WasmSource;
  simd?: boolean;
}

/** The loaded wasm backend, loading it synchronously (Node) on first use; null if unavailable. */
export function wasmBackend(): Backend | null {
  return null;
}

/** Loads the wasm module asynchronously (browsers need this before the first call). */
export async function initWasm(_opts: WasmInitOptions = {}): Promise<void> {}

/** Whether wasm is loaded, whether the SIMD build runs, and why loading failed, if it did. */
export function wasmState(): { loaded: boolean; simd: boolean; error?: string } {
  return { loaded: false, simd: false, error: 'the wasm backend is not built yet' };
}
