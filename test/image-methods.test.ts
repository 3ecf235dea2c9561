// compressImage's two methods: the randomized SVD (float32, power iterations, fixed seed) against
// the exact one on crops of a photo-like image, the 'auto' rule, what each keeps, progress.
import { describe, expect, it } from 'vitest';
import { photoLike } from '../bench/photo-data.js';
import { backendInfo, InvalidOptionError } from '../src/index.js';
import { compressImage, type ImageInput } from '../src/image/index.js';
import { OVERSAMPLES, powerIterationsFor, RANDOMIZED_MIN_SIDE, randomizedFits } from '../src/image/compress-steps.js';

const crop = (w: number, h: number): ImageInput => ({ width: w, height: h, data: photoLike(w, h), channels: 3 });

/** Root-mean-square difference of two sample arrays. */
function rms(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return Math.sqrt(s / a.length);
}

describe.each(['wasm', 'js'] as const)('randomized vs exact on the %s backend', (backend) => {
  const skip = backend === 'wasm' && !backendInfo().wasm;
  const img = crop(300, 240); // p = 240: rank 50 is the largest with k + 10 ≤ p/4

  it.skipIf(skip)('errors at each k within 1% of the exact truncated SVD’s; images alike', () => {
    const r = compressImage(img, 50, { method: 'randomized', backend });
    const e = compressImage(img, 50, { method: 'exact', backend });
    expect([r.method, e.method, r.backend, e.backend]).toEqual(['randomized', 'exact', backend, backend]);
    expect([r.kept, e.kept]).toEqual([50, 240]);
    for (const k of [1, 5, 10, 25, 50]) {
      const rs = r.stats(k),
        es = e.stats(k);
      expect(rs.relativeError).toBeLessThanOrEqual(1.01 * es.relativeError);
      expect(rs.relativeError).toBeGreaterThanOrEqual(es.relativeError * (1 - 1e-5)); // never better than optimal
      expect(rs.storedValues).toBe(es.storedValues);
      expect(Math.abs(rs.psnr - es.psnr)).toBeLessThan(0.09); // 1% in error is 0.086 dB
      // The 8-bit images: the randomized one is as close to the input as the exact one, give or take 1%.
      const ri = r.toImage(k).data,
        ei = e.toImage(k).data;
      expect(rms(ri, img.data)).toBeLessThanOrEqual(1.01 * rms(ei, img.data) + 0.01);
    }
  });

  it.skipIf(skip)('measured error of the rebuilt image matches stats (real-valued, before rounding)', () => {
    const r = compressImage(img, 20, { method: 'randomized', backend });
    const s = r.stats(20),
      rebuilt = r.toImage(20).data;
    let num = 0,
      den = 0;
    for (let i = 0; i < rebuilt.length; i++) {
      num += (rebuilt[i] - img.data[i]) ** 2;
      den += img.data[i] ** 2;
    }
    // Rounding to 8 bits adds at most ½ level per sample: compare the errors as norms.
    expect(Math.abs(Math.sqrt(num) - s.relativeError * Math.sqrt(den))).toBeLessThan(0.5 * Math.sqrt(rebuilt.length));
  });

  it.skipIf(skip)('is deterministic: the same bits every run', () => {
    const a = compressImage(img, 12, { method: 'randomized', backend });
    const b = compressImage(img, 12, { method: 'randomized', backend });
    expect(a.singularValues).toEqual(b.singularValues);
    expect(a.toImage(7).data).toEqual(b.toImage(7).data);
  });

  it.skipIf(skip)('chooses the same rank as exact for { ratio } and { energy }', () => {
    const e = compressImage(img, { energy: 0.995 }, { method: 'exact', backend });
    const r = compressImage(img, { energy: 0.995 }, { method: 'randomized', backend });
    // The search sketches 32, 64, …; the rank found meets the rule against the exact total.
    expect(Math.abs(r.rank - e.rank)).toBeLessThanOrEqual(1);
    expect(r.stats(r.rank).energy).toBeGreaterThanOrEqual(0.995);
    expect(r.kept).toBe(r.rank);
    const q = compressImage(img, { ratio: 0.1 }, { method: 'randomized', backend });
    expect(q.rank).toBe(compressImage(img, { ratio: 0.1 }, { method: 'exact', backend }).rank);
  });

  it.skipIf(skip)('takes lowRank’s rank vocabulary: { relativeError } and { maxStored }, as exact does', () => {
    for (const method of ['exact', 'randomized'] as const) {
      const r = compressImage(img, { relativeError: 0.08 }, { method, backend });
      expect(r.stats(r.rank).relativeError).toBeLessThanOrEqual(0.08);
      if (r.rank > 1) expect(r.stats(r.rank - 1).relativeError).toBeGreaterThan(0.08 * 0.999);
      const N = 20 * 3 * (300 + 240 + 1) + 5;
      const s = compressImage(img, { maxStored: N }, { method, backend });
      expect(s.rank).toBe(20);
      expect(s.stats(20).storedValues).toBeLessThanOrEqual(N);
    }
  });

  it.skipIf(skip)('keeps what it says: toImage and stats up to kept; exact keeps every triplet', () => {
    const r = compressImage(img, 8, { method: 'randomized', backend });
    expect(() => r.toImage(9)).toThrow(/from 1 to 8 .*randomized method kept/);
    expect(() => r.stats(9)).toThrow(InvalidOptionError);
    expect(r.singularValues.map((s) => s.length)).toEqual([8, 8, 8]);
    const small = { width: 40, height: 30, data: photoLike(40, 30), channels: 3 };
    const e = compressImage(small, 3, { method: 'exact', backend });
    expect(e.kept).toBe(30);
    expect(e.toImage(30).data.every((v, i) => Math.abs(v - small.data[i]) <= 1)).toBe(true); // any k, no new SVD
  });

  it.skipIf(skip)('reports progress per power iteration, ending at done = total', () => {
    const calls: [number, number, string | undefined][] = [];
    compressImage(img, 10, { method: 'randomized', backend, onProgress: (d, t, s) => calls.push([d, t, s]) });
    const q = powerIterationsFor(10, 240),
      per = q + 2,
      total = 3 * per;
    expect(q).toBe(3);
    expect(calls.every(([, t]) => t === total)).toBe(true);
    expect(calls.map(([d]) => d)).toEqual([...calls.map(([d]) => d)].sort((a, b) => a - b));
    expect(calls.at(-1)?.[0]).toBe(total);
    expect(calls.some(([, , s]) => /channel 2\/3: power iteration 2\/3/.test(s ?? ''))).toBe(true);
  });

  it.skipIf(skip)('a black image: zero error, zero pixels', () => {
    const black = { width: 64, height: 48, data: new Uint8Array(64 * 48) };
    const c = compressImage(black, 3, { method: 'randomized', backend });
    expect(c.stats(3)).toMatchObject({ relativeError: 0, energy: 1, psnr: Infinity });
    expect(c.toImage(2).data.every((v) => v === 0)).toBe(true);
  });
});

describe("method 'auto'", () => {
  it('randomized exactly when min(width, height) ≥ 512 and k + oversamples ≤ min(width, height)/4', () => {
    expect(RANDOMIZED_MIN_SIDE).toBe(512);
    expect(randomizedFits(128 - OVERSAMPLES, 512)).toBe(true);
    expect(randomizedFits(129 - OVERSAMPLES, 512)).toBe(false);
    expect(randomizedFits(10, 511)).toBe(false);
    expect(randomizedFits(null, 512)).toBe(true); // an energy search starts randomized
    expect([powerIterationsFor(54, 512), powerIterationsFor(55, 512), powerIterationsFor(118, 512)]).toEqual([3, 4, 4]);
  });
  it('picks randomized for a small rank of a large image, exact for the 400×400 example sizes', () => {
    const gray = { width: 520, height: 512, data: photoLike(520, 512).filter((_, i) => i % 3 === 1) };
    expect(compressImage(gray, 10).method).toBe('randomized');
    expect(compressImage(gray, 10, { method: 'exact' }).method).toBe('exact');
    const small = { width: 400, height: 400, data: photoLike(400, 400).filter((_, i) => i % 3 === 0) };
    expect(compressImage(small, 10).method).toBe('exact');
  });
  it('rejects bad relativeError and maxStored specs before any work', () => {
    const tiny = { width: 4, height: 3, data: new Uint8Array(12) };
    expect(() => compressImage(tiny, { relativeError: 1.5 })).toThrow(/relativeError must be a number in \[0, 1\]/);
    expect(() => compressImage(tiny, { maxStored: 7 })).toThrow(
      /maxStored 7 is too small: even rank 1 stores 8 values/,
    );
    expect(() => compressImage(tiny, { maxStored: 2.5 })).toThrow(/maxStored must be a positive integer/);
    expect(() => compressImage(tiny, { rank: 2 } as never)).toThrow(
      /\{ relativeError \}, \{ maxStored \} or \{ ratio \}/,
    );
    expect(compressImage(tiny, { maxStored: 16 }).rank).toBe(2);
  });
  it('rejects an unknown method', () => {
    expect(() =>
      compressImage({ width: 2, height: 2, data: new Uint8Array(4) }, 1, { method: 'fast' as never }),
    ).toThrow(InvalidOptionError);
  });
});
