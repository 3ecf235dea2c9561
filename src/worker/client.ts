/**
 * The calling side of {@link createWorker}: each call becomes a numbered request; its reply
 * (result with transferred buffers, or error) settles that call's promise. Results are rebuilt
 * as the library returns them: an SvdResult, a LowRank, a CompressedImage.
 *
 * Calls queue here and go to the worker one at a time, so a call aborted while queued is never
 * sent. An abort after the call started rejects its promise at once; the worker finishes that
 * computation and its result is dropped (`terminate()` stops a running computation).
 * @module
 */
import { SvdkitError } from '../errors.js';
import { SvdFactorization } from '../factorization.js';
import type { SvdWire } from './serve.js';
import type { BackendInfo, InitOptions } from '../init.js';
import { LowRank } from '../lowrank/lowrank-result.js';
import type { LowRankData } from '../lowrank/codec.js';
import type { LowRankOptions } from '../lowrank/lowrank.js';
import type { RandomizedSvdOptions, RandomizedSvdResult } from '../lowrank/randomized.js';
import type { RankSpec } from '../lowrank/spec.js';
import type { EighOptions, EighResult } from '../eigh.js';
import type { LstsqFullOptions, LstsqOptions, LstsqResult, LstsqXOptions } from '../linalg/lstsq.js';
import type { PinvOptions } from '../linalg/pinv.js';
import type {
  SvdOptions,
  SvdResult,
  SvdValuesOptions,
  SvdValuesResult,
  SvdVectorsOptions,
  SvdvalsOptions,
} from '../svd.js';
import type { Matrix, MatrixLike, NumericArray, ResultArray } from '../types.js';
import type { CompressedImage, CompressImageOptions, ImageInput, ImageRankSpec } from '../image/types.js';
import { fromWire } from './errors.js';
import { assemble, type ImageParts } from '../image/compress-steps.js';
import type { Op, Request, Response } from './protocol.js';

/** The two things a client needs from a Web Worker or a worker_thread. */
export interface Endpoint {
  post(message: Request): void;
  /** Subscribes to replies and to the worker's own failure (a script that cannot load). */
  listen(onMessage: (m: Response) => void, onFailure: (e: SvdkitError) => void): void;
  terminate(): void;
}

/**
 * An `AbortSignal` as the worker uses it (typed structurally: the declarations need neither
 * the DOM lib nor Node's globals; a real AbortSignal fits).
 */
export interface AbortSignalLike {
  /** Whether abort() was called. */
  readonly aborted: boolean;
  /** The abort reason, kept as the `cause` of the rejection. */
  readonly reason?: unknown;
  /** Subscribes to the abort. */
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  /** Unsubscribes. */
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** Per-call options of the worker, beside the function's own options. */
export interface WorkerCallOptions {
  /**
   * Cancels the call: a queued call is never sent, a running one rejects at once (the worker
   * finishes it and drops the result). The rejection is an {@link SvdkitError} with code
   * `ABORTED` and the signal's reason as `cause`.
   */
  signal?: AbortSignalLike;
}

/**
 * A decomposition worker made by {@link createWorker}. Calls queue and run one at a time; each
 * accepts a `signal` beside its options. Types follow the input as in the library itself.
 * Failures are {@link SvdkitError}s: the library's own classes, or code `WORKER_TERMINATED`
 * (terminate() was called), `WORKER_FAILED` (the worker script could not load or crashed),
 * `ABORTED` (the call's signal fired).
 */
export interface SvdkitWorker {
  /** Loads wasm in the worker with these options (the worker already ran plain `init()`). */
  init(opts?: InitOptions, call?: WorkerCallOptions): Promise<void>;
  /** {@link backendInfo} as seen inside the worker. */
  backendInfo(call?: WorkerCallOptions): Promise<BackendInfo>;
  /** {@link svd} in the worker; the input is copied, the result's buffers are transferred back. */
  svd<A extends MatrixLike, O extends SvdValuesOptions & WorkerCallOptions>(
    a: A,
    opts: O,
  ): Promise<SvdValuesResult<ResultArray<A, O>>>;
  /** {@link svd} in the worker: U and Vt present. */
  svd<A extends MatrixLike, O extends SvdVectorsOptions & WorkerCallOptions = {}>(
    a: A,
    opts?: O,
  ): Promise<SvdResult<ResultArray<A, O>>>;
  /** {@link svd} in the worker, `computeUV` not known at compile time. */
  svd<A extends MatrixLike, O extends SvdOptions & WorkerCallOptions>(
    a: A,
    opts?: O,
  ): Promise<SvdResult<ResultArray<A, O>> | SvdValuesResult<ResultArray<A, O>>>;
  /** {@link svdvals} in the worker. */
  svdvals<A extends MatrixLike, O extends SvdvalsOptions & WorkerCallOptions = {}>(
    a: A,
    opts?: O,
  ): Promise<ResultArray<A, O>>;
  /** {@link eigh} in the worker. */
  eigh<A extends MatrixLike, O extends EighOptions & WorkerCallOptions = {}>(
    a: A,
    opts?: O,
  ): Promise<EighResult<ResultArray<A, O>>>;
  /** {@link randomizedSvd} in the worker. */
  randomizedSvd<A extends MatrixLike, O extends RandomizedSvdOptions & WorkerCallOptions = {}>(
    a: A,
    k: number,
    opts?: O,
  ): Promise<RandomizedSvdResult<ResultArray<A, O>>>;
  /** {@link pinv} in the worker. */
  pinv<A extends MatrixLike, O extends PinvOptions & WorkerCallOptions = {}>(
    a: A,
    opts?: O,
  ): Promise<Matrix<ResultArray<A, O>>>;
  /** {@link lstsq} in the worker with `full: true`, b a vector. */
  lstsq<A extends MatrixLike, O extends LstsqFullOptions & WorkerCallOptions>(
    a: A,
    b: NumericArray | ArrayLike<number>,
    opts: O,
  ): Promise<LstsqResult<ResultArray<A, O>, ResultArray<A, O>>>;
  /** {@link lstsq} in the worker with `full: true`, b a matrix. */
  lstsq<A extends MatrixLike, O extends LstsqFullOptions & WorkerCallOptions>(
    a: A,
    b: MatrixLike,
    opts: O,
  ): Promise<LstsqResult<Matrix<ResultArray<A, O>>, ResultArray<A, O>>>;
  /** {@link lstsq} in the worker, b a vector. */
  lstsq<A extends MatrixLike, O extends LstsqXOptions & WorkerCallOptions = {}>(
    a: A,
    b: NumericArray | ArrayLike<number>,
    opts?: O,
  ): Promise<ResultArray<A, O>>;
  /** {@link lstsq} in the worker, b a matrix. */
  lstsq<A extends MatrixLike, O extends LstsqXOptions & WorkerCallOptions = {}>(
    a: A,
    b: MatrixLike,
    opts?: O,
  ): Promise<Matrix<ResultArray<A, O>>>;
  /** {@link lowRank} in the worker; the LowRank is rebuilt here (its later calls run here). */
  lowRank<A extends MatrixLike, O extends LowRankOptions & WorkerCallOptions = {}>(
    a: A,
    spec: RankSpec,
    opts?: O,
  ): Promise<LowRank<ResultArray<A, O>>>;
  /**
   * compressImage in the worker; `toImage(k)` and `stats(k)` of the result run here, without a
   * new decomposition. `onProgress` is called here as the worker reports.
   */
  compressImage(
    image: ImageInput,
    spec: ImageRankSpec,
    opts?: CompressImageOptions & WorkerCallOptions,
  ): Promise<CompressedImage>;
  /** Stops the worker; pending and later calls reject with code `WORKER_TERMINATED`. */
  terminate(): void;
}

interface Pending {
  id: number;
  request: Request;
  resolve(v: unknown): void;
  reject(e: Error): void;
  onProgress?: (done: number, total: number, stage?: string) => void;
  /** Detaches the abort listener. */
  release(): void;
  /** Aborted while running: the reply only frees the worker for the next call. */
  abandoned?: boolean;
}

/** Splits `{ signal, …rest }`: the worker gets the function's own options only. */
function split<O extends object>(
  opts: (O & WorkerCallOptions) | undefined,
): [O | undefined, AbortSignalLike | undefined] {
  if (opts === undefined || opts === null || typeof opts !== 'object' || !('signal' in opts)) return [opts, undefined];
  const { signal, ...rest } = opts;
  return [rest as O, signal];
}

function aborted(signal: AbortSignalLike): SvdkitError {
  const e = new SvdkitError('svdkit worker: the call was aborted', 'ABORTED');
  (e as { cause?: unknown }).cause = signal.reason;
  return e;
}

/** Wraps an endpoint into the promise API. */
export function connect(endpoint: Endpoint): SvdkitWorker {
  const queue: Pending[] = [];
  let running: Pending | null = null;
  let next = 1;
  let dead: SvdkitError | null = null;

  const pump = () => {
    if (running || dead || queue.length === 0) return;
    running = queue.shift()!;
    try {
      endpoint.post(running.request);
    } catch (e) {
      const p = running;
      running = null;
      p.release();
      p.reject(e instanceof Error ? e : new Error(String(e)));
      pump();
    }
  };
  const failAll = (e: SvdkitError) => {
    if (dead) return;
    dead = e;
    for (const p of running ? [running, ...queue] : queue) {
      if (p.abandoned) continue;
      p.release();
      p.reject(e);
    }
    running = null;
    queue.length = 0;
  };
  endpoint.listen((m) => {
    const p = running;
    if (!p || p.id !== m.id) return;
    if (m.kind === 'progress') return p.abandoned ? undefined : p.onProgress?.(m.done, m.total, m.stage);
    running = null;
    if (p.abandoned) return pump(); // the reply of an aborted call: dropped
    p.release();
    if (m.kind === 'ok') p.resolve(m.value);
    else p.reject(fromWire(m.error));
    pump();
  }, failAll);

  function call<T>(
    op: Op,
    args: unknown[],
    signal?: AbortSignalLike,
    extra: Partial<Request> = {},
    onProgress?: Pending['onProgress'],
  ): Promise<T> {
    if (dead) return Promise.reject(dead);
    if (signal?.aborted) return Promise.reject(aborted(signal));
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        const i = queue.indexOf(p);
        if (i >= 0) queue.splice(i, 1);
        // A running call: the worker keeps computing; its reply is dropped and the next call waits for it.
        p.abandoned = true;
        p.release();
        reject(aborted(signal!));
      };
      const p: Pending = {
        id,
        request: { id, op, args, ...extra },
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress,
        release: () => signal?.removeEventListener('abort', onAbort),
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      queue.push(p);
      pump();
    });
  }

  const worker = {
    init: (opts?: InitOptions, c?: WorkerCallOptions) => call<void>('init', [], c?.signal, { init: opts }),
    backendInfo: (c?: WorkerCallOptions) => call<BackendInfo>('backendInfo', [], c?.signal),
    svd: async (a: MatrixLike, o?: SvdOptions & WorkerCallOptions) => {
      const [opts, s] = split(o);
      const w = await call<SvdWire>('svd', [a, opts], s);
      return new SvdFactorization(w.parts, w.meta);
    },
    svdvals: (a: MatrixLike, o?: SvdvalsOptions & WorkerCallOptions) => {
      const [opts, s] = split(o);
      return call('svdvals', [a, opts], s);
    },
    eigh: (a: MatrixLike, o?: EighOptions & WorkerCallOptions) => {
      const [opts, s] = split(o);
      return call('eigh', [a, opts], s);
    },
    randomizedSvd: (a: MatrixLike, k: number, o?: RandomizedSvdOptions & WorkerCallOptions) => {
      const [opts, s] = split(o);
      return call('randomizedSvd', [a, k, opts], s);
    },
    pinv: (a: MatrixLike, o?: PinvOptions & WorkerCallOptions) => {
      const [opts, s] = split(o);
      return call('pinv', [a, opts], s);
    },
    lstsq: (a: MatrixLike, b: unknown, o?: LstsqOptions & WorkerCallOptions) => {
      const [opts, s] = split(o);
      return call('lstsq', [a, b, opts], s);
    },
    lowRank: async (a: MatrixLike, spec: RankSpec, o?: LowRankOptions & WorkerCallOptions) => {
      const [opts, s] = split(o);
      return new LowRank(await call<LowRankData>('lowRank', [a, spec, opts], s), opts?.backend);
    },
    compressImage: async (image: ImageInput, spec: ImageRankSpec, o?: CompressImageOptions & WorkerCallOptions) => {
      const [opts, s] = split(o);
      const { onProgress, ...rest } = opts ?? {};
      const wire = onProgress ? { ...rest, progress: true } : rest;
      return assemble(
        await call<ImageParts>('compressImage', [image, spec, wire], s, {}, onProgress),
      ) as CompressedImage;
    },
    terminate() {
      endpoint.terminate();
      failAll(new SvdkitError('svdkit worker terminated', 'WORKER_TERMINATED'));
    },
  };
  return worker as SvdkitWorker;
}
