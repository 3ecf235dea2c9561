// The compressed form of an image: CompressedImage.toBytes → decompressImage round trips.
import { describe, expect, it } from 'vitest';
import { photoLike } from '../bench/photo-data.js';
import { backendInfo, InvalidMatrixError, InvalidOptionError } from '../src/index.js';
import { compressImage, decompressImage, readImageFactors, type Image8 } from '../src/image/index.js';

/** Fraction of samples within ±1 level, and the largest difference. */
function agreement(a: Image8, b: Image8): { within1: number; max: number } {
  let ok = 0,
    max = 0;
  for (let i = 0; i < a.data.length; i++) {
    const d = Math.abs(a.data[i] - b.data[i]);
    if (d <= 1) ok++;
    max = Math.max(max, d);
  }
  return { within1: ok / a.data.length, max };
}

describe.each(['wasm', 'js'] as const)('image factors round trip on the %s backend', (backend) => {
  const skip = backend === 'wasm' && !backendInfo().wasm;
  const W = 200,
    H = 150,
    rgb = photoLike(W, H);

  it.skipIf(skip)(
    'float16 (default): within ±1 level of toImage(k) on ≥ 99.9% of samples, both methods, any k ≤ saved',
    () => {
      for (const method of ['exact', 'randomized'] as const) {
        const c = compressImage({ width: W, height: H, data: rgb, channels: 3 }, 30, { method, backend });
        const bytes = c.toBytes();
        // Header, then per channel: length, LowRank header, S (float64), U and Vt (float16).
        expect(bytes.length).toBe(64 + 3 * (4 + 64 + 8 * 30 + 2 * 30 * (W + H)));
        for (const k of [30, 12, 1]) {
          const back = decompressImage(bytes, k),
            ref = c.toImage(k);
          expect([back.width, back.height, back.channels]).toEqual([W, H, 3]);
          const a = agreement(back, ref);
          expect(a.within1, `${method} k = ${k}`).toBeGreaterThanOrEqual(0.999);
          expect(a.max).toBeLessThanOrEqual(2);
        }
        const f = readImageFactors(bytes);
        expect([f.k, f.method, f.channels, f.factors.length, f.alpha]).toEqual([30, method, 3, 3, null]);
        expect(f.factors[0].relativeError).toBeCloseTo(
          compressImage({ width: W, height: H, data: rgb.filter((_, i) => i % 3 === 0) }, 30, {
            method: 'exact',
            backend,
          }).stats(30).relativeError,
          method === 'exact' ? 10 : 2,
        );
      }
    },
  );

  it.skipIf(skip)('alpha kept exact comes back exact; float32 and int8 precisions; a label', () => {
    const rgba = new Uint8Array(W * H * 4);
    for (let i = 0; i < W * H; i++) {
      rgba.set(rgb.subarray(3 * i, 3 * i + 3), 4 * i);
      rgba[4 * i + 3] = (i * 13) % 256;
    }
    const c = compressImage({ width: W, height: H, data: rgba }, 20, { backend });
    const ref = c.toImage(20);
    const f32 = decompressImage(c.toBytes(20, { precision: 'float32', label: 'svdkit-source 0123456789abcdef' }));
    expect(agreement(f32, ref).within1).toBe(1);
    for (let i = 3; i < rgba.length; i += 4) if (f32.data[i] !== rgba[i]) throw new Error(`alpha differs at ${i}`);
    expect(readImageFactors(c.toBytes(20, { label: 'hello' })).label).toBe('hello');
    const i8 = agreement(decompressImage(c.toBytes(20, { precision: 'int8' })), ref);
    expect(i8.max).toBeLessThan(20); // int8 is coarse; documented, not the default
  });
});

describe('image factors: bad input says what is wrong', () => {
  const c = compressImage({ width: 40, height: 30, data: photoLike(40, 30), channels: 3 }, 5);
  const good = c.toBytes();
  it('corrupt, truncated, foreign or over-long bytes; a rank above the saved one', () => {
    const flip = good.slice();
    flip[good.length - 10] ^= 1;
    expect(() => decompressImage(flip)).toThrow(InvalidMatrixError);
    expect(() => decompressImage(good.subarray(0, 100))).toThrow(/truncated/);
    expect(() => decompressImage(good.subarray(0, 10))).toThrow(/truncated/);
    const magic = good.slice();
    magic[3] = 0x4b;
    expect(() => decompressImage(magic)).toThrow(/not an svdkit image factors file/);
    const head = good.slice();
    head[20] = 6;
    expect(() => decompressImage(head)).toThrow(/header checksum/);
    const longer = new Uint8Array(good.length + 3);
    longer.set(good);
    expect(() => decompressImage(longer)).toThrow(/3 unexpected bytes/);
    expect(() => decompressImage(good, 6)).toThrow(InvalidOptionError);
    expect(() => c.toBytes(31)).toThrow(InvalidOptionError);
    expect(() => c.toBytes(5, { precision: 'float8' as never })).toThrow(InvalidOptionError);
    expect(() => c.toBytes(5, { label: 'é' })).toThrow(InvalidOptionError);
  });
});
