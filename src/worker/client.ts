/**
 * The calling side of {@link createWorker}: each call becomes a numbered request; its reply
 * (result with transferred buffers, or error) settles that call's promise. Results are rebuilt
 * as the library returns them: an SvdResult, a LowRank, a CompressedImage.
 * @module
 */
import type { BackendInfo, InitOptions } from '../init.js';
import { LowRank } from '../lowrank/model.js';
import type { LowRankData } from '../lowrank/codec.js';
import type { LowRankOptions } from '../lowrank/lowrank.js';
import type { RankSpec } from '../lowrank/spec.js';
import type { SvdOptions, SvdResult } from '../svd.js';
import type { MatrixLike } from '../types.js';
import type { CompressedImage, CompressImageOptions, ImageInput, ImageRankSpec } from '../image/types.js';
import { fromWire } from './errors.js';
import { assemble, type ImageParts } from '../image/parts.js';
import type { Op, Request, Response } from './protocol.js';

/** The two things a client needs from a Web Worker or a worker_thread. */
export interface Endpoint {
  post(message: Request): void;
  /** Subscribes to replies and to the worker's own failure (a script that cannot load). */
  listen(onMessage: (m: Response) => void, onFailure: (e: Error) => void): void;
  terminate(): void;
}

/** A decomposition worker made by {@link createWorker}. Calls queue and run one at a time. */
export interface SvdkitWorker {
  /** Loads wasm in the worker with these options (the worker already ran plain `init()`). */
  init(opts?: InitOptions): Promise<void>;
  /** {@link backendInfo} as seen inside the worker. */
  backendInfo(): Promise<BackendInfo>;
  /** {@link svd} in the worker; the input is copied, the result's buffers are transferred back. */
  svd(a: MatrixLike, opts?: SvdOptions): Promise<SvdResult>;
  /** {@link lowRank} in the worker; the LowRank is rebuilt here (its later calls run here). */
  lowRank(a: MatrixLike, spec: RankSpec, opts?: LowRankOptions): Promise<LowRank>;
  /**
   * compressImage in the worker; `toImage(k)` and `stats(k)` of the result run here, without a
   * new decomposition. `onProgress` is called here as the worker reports.
   */
  compressImage(image: ImageInput, spec: ImageRankSpec, opts?: CompressImageOptions): Promise<CompressedImage>;
  /** Stops the worker; pending calls reject. */
  terminate(): void;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (done: number, total: number, stage?: string) => void;
}

/** Wraps an endpoint into the promise API. */
export function connect(endpoint: Endpoint): SvdkitWorker {
  const pending = new Map<number, Pending>();
  let next = 1;
  let dead: Error | null = null;

  const failAll = (e: Error) => {
    dead = e;
    for (const p of pending.values()) p.reject(e);
    pending.clear();
  };
  endpoint.listen((m) => {
    const p = pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') return p.onProgress?.(m.done, m.total, m.stage);
    pending.delete(m.id);
    if (m.kind === 'ok') p.resolve(m.value);
    else p.reject(fromWire(m.error));
  }, failAll);

  function call<T>(op: Op, args: unknown[], extra: Partial<Request> = {}, onProgress?: Pending['onProgress']): Promise<T> {
    if (dead) return Promise.reject(dead);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
      try {
        endpoint.post({ id, op, args, ...extra });
      } catch (e) {
        pending.delete(id);
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  return {
    init: (opts) => call('init', [], { init: opts }),
    backendInfo: () => call('backendInfo', []),
    svd: (a, opts) => call('svd', [a, opts]),
    lowRank: async (a, spec, opts) => new LowRank(await call<LowRankData>('lowRank', [a, spec, opts]), opts?.backend),
    compressImage: async (image, spec, opts) => {
      const { onProgress, ...rest } = opts ?? {};
      const wire = onProgress ? { ...rest, progress: true } : rest;
      return assemble(await call<ImageParts>('compressImage', [image, spec, wire], {}, onProgress)) as CompressedImage;
    },
    terminate() {
      endpoint.terminate();
      failAll(new Error('svdkit worker terminated'));
    },
  };
}
