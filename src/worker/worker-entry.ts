/**
 * The script that runs inside the worker: a Web Worker (module type) in browsers, a
 * worker_thread in Node (reached through `process.getBuiltinModule`, never a static `node:`
 * import, so bundlers can build this file for browsers).
 * @module
 */
import { init } from '../init.js';
import type { Request, Response } from './protocol.js';
import { serve } from './serve.js';

interface Port {
  postMessage(message: Response, transfer: ArrayBuffer[]): void;
}

/** Node's parentPort when this runs in a worker_thread, else null. */
function nodeParentPort(): (Port & { on(type: 'message', fn: (m: Request) => void): void }) | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return null;
  const wt = proc.getBuiltinModule('node:worker_threads') as { parentPort?: unknown } | undefined;
  return (wt?.parentPort ?? null) as ReturnType<typeof nodeParentPort>;
}

// The default load; a later 'init' request with other options replaces it. Never rejects here:
// without wasm, 'auto' runs on js and a 'wasm' request reports why.
const ready = init().catch(() => undefined);
const node = nodeParentPort();
if (node) {
  node.on('message', (req) => void serve(req, (m, t) => node.postMessage(m, t), ready));
} else {
  const scope = globalThis as unknown as Port & {
    addEventListener(t: 'message', fn: (e: MessageEvent<Request>) => void): void;
  };
  scope.addEventListener('message', (e) => void serve(e.data, (m, t) => scope.postMessage(m, t), ready));
}
