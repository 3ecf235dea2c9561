/** The messages between {@link createWorker}'s client and the worker entry. @module */
import type { InitOptions } from '../init.js';
import type { WireError } from './errors.js';

/** The calls a worker serves. */
export type Op =
  | 'init'
  | 'backendInfo'
  | 'svd'
  | 'svdvals'
  | 'eigh'
  | 'randomizedSvd'
  | 'pinv'
  | 'lstsq'
  | 'lowRank'
  | 'compressImage';

/** Client → worker. */
export interface Request {
  id: number;
  op: Op;
  args: unknown[];
  /** 'init' only. */
  init?: InitOptions;
}

/** Worker → client: a result, an error, or a progress report of a running call. */
export type Response =
  | { id: number; kind: 'ok'; value: unknown }
  | { id: number; kind: 'error'; error: WireError }
  | { id: number; kind: 'progress'; done: number; total: number; stage?: string };

/** The ArrayBuffers behind the typed arrays of a result, each once: moved, not copied. */
export function transferables(value: unknown, out: Set<ArrayBuffer> = new Set(), depth = 0): ArrayBuffer[] {
  if (depth > 4 || value === null || typeof value !== 'object') return [...out];
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) out.add(value.buffer);
  } else {
    for (const v of Array.isArray(value) ? value : Object.values(value)) transferables(v, out, depth + 1);
  }
  return [...out];
}
