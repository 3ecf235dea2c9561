/**
 * svdkit/worker for Node (the package's `node` export condition): the same API as the browser
 * entry, on a worker_thread.
 * @packageDocumentation
 */
import { Worker } from 'node:worker_threads';
import { SvdkitError } from '../errors.js';
import { connect, type SvdkitWorker } from './client.js';
import type { Response } from './protocol.js';
import type { CreateWorkerOptions } from './index.js';

export type { SvdkitWorker, WorkerCallOptions, AbortSignalLike } from './client.js';
export type { CreateWorkerOptions } from './index.js';

/**
 * The parent's Node flags minus those a worker rejects: `--input-type` (set by
 * `node --input-type=module -e …`) applies to string input only and would stop the worker.
 */
function workerExecArgv(): string[] {
  const out: string[] = [];
  for (let i = 0; i < process.execArgv.length; i++) {
    const a = process.execArgv[i];
    if (a === '--input-type') i++;
    else if (!a.startsWith('--input-type=')) out.push(a);
  }
  return out;
}

/** Starts a worker_thread running svdkit (wasm loaded from disk, else js). */
export function createWorker(opts: CreateWorkerOptions = {}): SvdkitWorker {
  const worker = new Worker((opts.url as string | URL | undefined) ?? new URL('./worker-entry.js', import.meta.url), {
    execArgv: workerExecArgv(),
  });
  let busy = 0;
  return connect({
    post(m) {
      if (busy++ === 0) worker.ref();
      worker.postMessage(m);
    },
    listen(onMessage, onFailure) {
      worker.on('message', (m: Response) => {
        if (m.kind !== 'progress' && --busy === 0) worker.unref();
        onMessage(m);
      });
      worker.on('error', (e: Error) =>
        onFailure(new SvdkitError(`svdkit worker failed: ${e.message}`, 'WORKER_FAILED')),
      );
      worker.on('exit', (code: number) =>
        onFailure(new SvdkitError(`svdkit worker exited (code ${code})`, 'WORKER_FAILED')),
      );
      // An idle worker does not keep the process alive; a pending call does (post refs it). Only
      // after the listeners: attaching a 'message' listener refs the worker again.
      worker.unref();
    },
    terminate: () => void worker.terminate(),
  });
}
