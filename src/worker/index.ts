/**
 * svdkit/worker (browsers and other Web Worker hosts): the decompositions in a module Web
 * Worker, so the page stays responsive. Node gets the worker_threads build of this entry
 * (the package's `node` export condition, ./node.ts).
 * @example
 * ```ts
 * import { createWorker } from 'svdkit/worker';
 * const w = createWorker();
 * const { S } = await w.svd(a);            // runs off the main thread
 * const img = await w.compressImage(imageData, 50);
 * w.terminate();
 * ```
 * @module svdkit/worker
 * @packageDocumentation
 */
import { SvdkitError } from '../errors.js';
import type { UrlLike } from '../types.js';
import { connect, type SvdkitWorker } from './client.js';
import type { Response } from './protocol.js';

export type { SvdkitWorker, WorkerCallOptions, AbortSignalLike } from './client.js';

/** Options of {@link createWorker}. */
export interface CreateWorkerOptions {
  /** Another worker script (default: the entry shipped beside this module). */
  url?: string | UrlLike;
}

/**
 * Starts a worker running svdkit. The worker loads wasm itself (`init()`), falling back to js.
 * @throws {@link svdkit!SvdkitError | SvdkitError} code `WORKER_FAILED`: this environment has no `Worker`.
 */
export function createWorker(opts: CreateWorkerOptions = {}): SvdkitWorker {
  if (typeof Worker !== 'function')
    throw new SvdkitError('svdkit/worker: this environment has no Web Worker', 'WORKER_FAILED');
  // The literal form below is what Vite, webpack and esbuild recognise to bundle the worker.
  const worker = opts.url
    ? new Worker(opts.url as string | URL, { type: 'module' })
    : new Worker(new URL('./worker-entry.js', import.meta.url), { type: 'module' });
  return connect({
    post: (m) => worker.postMessage(m),
    listen(onMessage, onFailure) {
      worker.addEventListener('message', (e: MessageEvent<Response>) => onMessage(e.data));
      worker.addEventListener('error', (e: ErrorEvent) => {
        e.preventDefault();
        onFailure(
          new SvdkitError(`svdkit worker failed: ${e.message || 'the worker script could not run'}`, 'WORKER_FAILED'),
        );
      });
    },
    terminate: () => worker.terminate(),
  });
}
