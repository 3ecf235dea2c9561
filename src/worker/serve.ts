/**
 * The worker side: runs each {@link Request} with the library and answers with the result (its
 * buffers transferred), an error as a {@link WireError}, or progress reports.
 * @module
 */
import { backendInfo, init } from '../init.js';
import { lowRank, type LowRankOptions } from '../lowrank/lowrank.js';
import type { LowRankData } from '../lowrank/codec.js';
import type { RankSpec } from '../lowrank/spec.js';
import { svd, svdvals, type SvdOptions, type SvdvalsOptions } from '../svd.js';
import { eigh, type EighOptions } from '../eigh.js';
import { randomizedSvd, type RandomizedSvdOptions } from '../lowrank/randomized.js';
import { pinv, type PinvOptions } from '../linalg/pinv.js';
import { lstsq, type LstsqOptions } from '../linalg/lstsq.js';
import type { MatrixLike } from '../types.js';
import type { CompressImageOptions, ImageInput, ImageRankSpec } from '../image/types.js';
import { toWire } from './errors.js';
import { compressParts } from '../image/compress-steps.js';
import { transferables, type Request, type Response } from './protocol.js';
import type { SvdFactorization, SvdMeta, SvdParts } from '../factorization.js';

/** Sends one message (with a transfer list) to the client. */
export type Post = (message: Response, transfer: ArrayBuffer[]) => void;

/** The LowRank fields a client needs to rebuild it (see LowRank's constructor). */
function lowRankData(a: MatrixLike, spec: RankSpec, opts?: LowRankOptions): LowRankData {
  const r = lowRank(a, spec, opts);
  const { m, n, k, dtype, method, S, error, relativeError, energy } = r;
  return { m, n, k, dtype, method, U: r.U.data, S, Vt: r.Vt.data, error, relativeError, energy };
}

/** An svd result as it crosses to the client: its arrays and what its methods need. */
export interface SvdWire {
  parts: SvdParts;
  meta: SvdMeta;
}

function svdWire(r: SvdFactorization): SvdWire {
  const { U, S, Vt, backend } = r;
  return { parts: { U, S, Vt, backend }, meta: r.meta() };
}

async function run(req: Request, post: Post): Promise<unknown> {
  const [a, b, c] = req.args;
  switch (req.op) {
    case 'init':
      return init(req.init);
    case 'backendInfo':
      return backendInfo();
    case 'svd':
      return svdWire(svd(a as MatrixLike, b as SvdOptions) as unknown as SvdFactorization);
    case 'svdvals':
      return svdvals(a as MatrixLike, b as SvdvalsOptions);
    case 'eigh':
      return eigh(a as MatrixLike, b as EighOptions);
    case 'randomizedSvd':
      return randomizedSvd(a as MatrixLike, b as number, c as RandomizedSvdOptions);
    case 'pinv':
      return pinv(a as MatrixLike, b as PinvOptions);
    case 'lstsq':
      return lstsq(a as MatrixLike, b as MatrixLike, c as LstsqOptions) as unknown;
    case 'lowRank':
      return lowRankData(a as MatrixLike, b as RankSpec, c as LowRankOptions);
    case 'compressImage': {
      const opts = { ...(c as CompressImageOptions & { progress?: boolean }) };
      if (opts.progress)
        opts.onProgress = (done, total, stage) => post({ id: req.id, kind: 'progress', done, total, stage }, []);
      delete opts.progress;
      return compressParts(a as ImageInput, b as ImageRankSpec, opts);
    }
    default:
      throw new TypeError(`svdkit worker: unknown operation '${String(req.op)}'`);
  }
}

/**
 * Handles one request. The default module load (`init()`) is awaited first, so a browser
 * worker runs on wasm from its first call.
 */
export async function serve(req: Request, post: Post, ready: Promise<unknown>): Promise<void> {
  try {
    await ready;
    const value = await run(req, post);
    post({ id: req.id, kind: 'ok', value }, transferables(value));
  } catch (e) {
    post({ id: req.id, kind: 'error', error: toWire(e) }, []);
  }
}
