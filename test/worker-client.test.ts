// The worker client (src/worker/client.ts) on a fake endpoint, with several calls in flight: it
// posts one call at a time (so an aborted queued call is never sent) and each reply settles only
// the call with its id — a reply or progress message with another id is ignored; errors reach
// only their own call; a failed worker rejects every pending call and every later one.
import { describe, expect, it } from 'vitest';
import { connect, type Endpoint } from '../src/worker/client.js';
import type { Request, Response } from '../src/worker/protocol.js';
import { toWire } from '../src/worker/errors.js';
import { InvalidOptionError } from '../src/index.js';

function fakeEndpoint() {
  const sent: Request[] = [];
  let reply!: (m: Response) => void, fail!: (e: Error) => void;
  let terminated = 0;
  const endpoint: Endpoint = {
    post: (m) => void sent.push(m),
    listen: (onMessage, onFailure) => {
      reply = onMessage;
      fail = onFailure;
    },
    terminate: () => void terminated++,
  };
  return {
    endpoint,
    sent,
    reply: (m: Response) => reply(m),
    fail: (e: Error) => fail(e),
    terminated: () => terminated,
  };
}

/** Lets every settled promise run its callbacks. */
const flush = () => new Promise<void>((r) => setImmediate(r));

describe('worker client with several calls in flight', () => {
  it("answers each call with the reply of its own id, never with another call's", async () => {
    const f = fakeEndpoint();
    const w = connect(f.endpoint);
    const settled: string[] = [];
    const a = w.svdvals([[1]]).then((v) => {
      settled.push('a');
      return v;
    });
    const b = w.backendInfo().then((v) => {
      settled.push('b');
      return v;
    });
    const c = w.svdvals([[2]]).then((v) => {
      settled.push('c');
      return v;
    });
    expect(f.sent.map((r) => r.op)).toEqual(['svdvals']); // one at a time
    const ia = f.sent[0].id;
    // replies that are not the running call's (a later call's id, a stray one) settle nothing
    f.reply({ id: ia + 1, kind: 'ok', value: Float64Array.of(9) });
    f.reply({ id: 987654, kind: 'ok', value: 'stray' });
    await flush();
    expect(settled).toEqual([]);
    f.reply({ id: ia, kind: 'ok', value: Float64Array.of(1) });
    expect((await a)[0]).toBe(1);
    expect(f.sent.map((r) => r.op)).toEqual(['svdvals', 'backendInfo']);
    const ib = f.sent[1].id;
    f.reply({ id: ib, kind: 'ok', value: { wasm: false, simd: false, active: 'js' } });
    expect(await b).toEqual({ wasm: false, simd: false, active: 'js' });
    const ic = f.sent[2].id;
    expect(new Set([ia, ib, ic]).size).toBe(3);
    f.reply({ id: ic, kind: 'ok', value: Float64Array.of(2) });
    expect((await c)[0]).toBe(2);
    expect(settled).toEqual(['a', 'b', 'c']);
  });

  it('an error reply rejects its own call only; progress goes to its own call', async () => {
    const f = fakeEndpoint();
    const w = connect(f.endpoint);
    const p1 = w.svd([[1]]);
    const progress: string[] = [];
    const img = { width: 1, height: 1, data: new Uint8Array(4) };
    const p2 = w.compressImage(img, 1, { onProgress: (d, t) => progress.push(`${d}/${t}`) });
    const i1 = f.sent[0].id;
    f.reply({ id: i1 + 1, kind: 'progress', done: 2, total: 3 }); // not the running call's: ignored
    f.reply({ id: i1, kind: 'error', error: toWire(new InvalidOptionError('bad k')) });
    await expect(p1).rejects.toBeInstanceOf(InvalidOptionError);
    const i2 = f.sent[1].id;
    f.reply({ id: i2, kind: 'progress', done: 1, total: 3 });
    expect(progress).toEqual(['1/3']);
    f.reply({ id: i2, kind: 'error', error: toWire(new InvalidOptionError('second')) });
    await expect(p2).rejects.toThrow('second');
  });

  it('a worker failure rejects every pending call and every later one', async () => {
    const f = fakeEndpoint();
    const w = connect(f.endpoint);
    const pending = [w.svd([[1]]), w.backendInfo(), w.init()];
    f.fail(new Error('svdkit worker exited (code 3)'));
    for (const p of pending) await expect(p).rejects.toThrow('exited (code 3)');
    await expect(w.svd([[1]])).rejects.toThrow('exited (code 3)');
    expect(f.sent).toHaveLength(1); // only the running call was posted; nothing after the failure
  });

  it('init() sends its options; a post that throws rejects that call', async () => {
    const f = fakeEndpoint();
    const w = connect(f.endpoint);
    const p = w.init({ simd: false });
    expect(f.sent[0]).toMatchObject({ op: 'init', init: { simd: false } });
    f.reply({ id: f.sent[0].id, kind: 'ok', value: undefined });
    await expect(p).resolves.toBeUndefined();
    const g = connect({
      ...f.endpoint,
      post: () => {
        throw new DOMException('could not be cloned', 'DataCloneError');
      },
      listen: () => {},
    });
    await expect(g.svd([[1]])).rejects.toThrow('could not be cloned');
    w.terminate();
    expect(f.terminated()).toBe(1);
    await expect(w.svd([[1]])).rejects.toThrow(/terminated/);
  });
});
