// 16-bit images stay 16-bit: compressImage on Uint16Array data, PSNR against 65535, 16-bit PNG in
// and out of the command line, and the factors file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from 'fast-png';
import { afterAll, describe, expect, it } from 'vitest';
import { photoLike } from '../bench/photo-data.js';
import { backendInfo } from '../src/index.js';
import { compressImage, decompressImage } from '../src/image/index.js';
import { toGray } from '../src/cli/render/gray.js';
import { to16 } from '../src/image/compress-steps.js';
import { decodeImage } from '../src/cli/decode.js';
import { requireBuild } from './harness/built.js';

const W = 160,
  H = 120;
/** A 16-bit RGB image with detail below 8 bits (the low byte matters). */
function deep(): Uint16Array {
  const rgb = photoLike(W, H);
  return Uint16Array.from(rgb, (v, i) => v * 257 + ((i * 37) % 200));
}

describe.each(['wasm', 'js'] as const)('16-bit compressImage on the %s backend', (backend) => {
  const skip = backend === 'wasm' && !backendInfo().wasm;
  it.skipIf(skip)('toImage is 16-bit; PSNR against 65535 matches the rebuilt samples; both methods', () => {
    const data = deep();
    for (const method of ['exact', 'randomized'] as const) {
      const c = compressImage({ width: W, height: H, data }, 20, { method, backend });
      expect(c.depth).toBe(16);
      const img = c.toImage(20);
      expect(img.data).toBeInstanceOf(Uint16Array);
      let se = 0;
      for (let i = 0; i < data.length; i++) se += (img.data[i] - data[i]) ** 2;
      const measured = 10 * Math.log10((65535 ** 2 * data.length) / se);
      expect(Math.abs(measured - c.stats(20).psnr)).toBeLessThan(0.05); // clamping to 0…65535 only lowers the error
      // The same picture read as 8 bits gives nearly the same PSNR: the peak is scaled with the data.
      const c8 = compressImage({ width: W, height: H, data: Uint8Array.from(data, (v) => Math.round(v / 257)) }, 20, {
        method,
        backend,
      });
      expect(Math.abs(c8.stats(20).psnr - c.stats(20).psnr)).toBeLessThan(1.5);
    }
  });
  it.skipIf(skip)(
    'alpha kept exact at 16 bits; the factors file (float32 by default) round-trips within ±1 of 65535',
    () => {
      const rgb = deep(),
        rgba = new Uint16Array(W * H * 4);
      for (let i = 0; i < W * H; i++) {
        rgba.set(rgb.subarray(3 * i, 3 * i + 3), 4 * i);
        rgba[4 * i + 3] = (i * 977) % 65536;
      }
      const c = compressImage({ width: W, height: H, data: rgba }, 15, { backend });
      const ref = c.toImage(),
        back = decompressImage(c.toBytes());
      expect(back.data).toBeInstanceOf(Uint16Array);
      let worst = 0;
      for (let i = 0; i < rgba.length; i++) worst = Math.max(worst, Math.abs(back.data[i] - ref.data[i]));
      expect(worst).toBeLessThanOrEqual(1);
      for (let i = 3; i < rgba.length; i += 4)
        if (ref.data[i] !== rgba[i] || back.data[i] !== rgba[i]) throw new Error(`alpha at ${i}`);
    },
  );
});

describe('16-bit helpers', () => {
  it('to16 rounds half to even and clamps', () => {
    expect([to16(-3), to16(0.5), to16(1.5), to16(2.5), to16(2.6), to16(65534.5), to16(70000), to16(NaN)]).toEqual([
      0, 0, 2, 2, 3, 65534, 65535, 0,
    ]);
  });
  it('toGray keeps 16 bits', () => {
    const g = toGray({ width: 2, height: 1, data: new Uint16Array([65535, 0, 0, 0, 65535, 0]) });
    expect(g.data).toBeInstanceOf(Uint16Array);
    expect([...g.data]).toEqual([Math.round(0.299 * 65535), Math.round(0.587 * 65535)]);
  });
  it('decodeImage keeps a 16-bit PNG at 16 bits (gray, gray+alpha, RGB, RGBA)', () => {
    for (const channels of [1, 2, 3, 4]) {
      const data = Uint16Array.from({ length: 6 * channels }, (_, i) => (i * 4099) % 65536);
      const { image } = decodeImage(encode({ width: 3, height: 2, data, channels, depth: 16 }), 'x.png');
      expect(image.data).toBeInstanceOf(Uint16Array);
      expect([...image.data]).toEqual([...data]);
    }
  });
});

describe('svdkit compress on a 16-bit PNG', () => {
  const ROOT = fileURLToPath(new URL('..', import.meta.url)),
    MAIN = join(ROOT, 'dist', 'cli', 'main.js');
  const dir = mkdtempSync(join(tmpdir(), 'svdkit-16-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('writes 16-bit PNGs and reports PSNR against 65535; decompress gives 16 bits back', () => {
    requireBuild(MAIN, join(ROOT, 'src', 'cli'), 'this test runs the built command line');
    const data = deep();
    writeFileSync(join(dir, 'd.png'), encode({ width: W, height: H, data, channels: 3, depth: 16 }));
    const run = (args: string[]) => spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8' });
    const r = run(['compress', 'd.png', '--ranks', '20,5', '--out', 'o', '--json', '--save-factors']);
    expect(r.status).toBe(0);
    const j = JSON.parse(r.stdout);
    const out = decode(readFileSync(join(dir, 'o', 'd-k20.png')));
    expect([out.depth, out.channels, out.width]).toEqual([16, 3, W]);
    const api = compressImage({ width: W, height: H, data }, 20);
    expect(j.rows[0].psnr).toBeCloseTo(api.stats(20).psnr, 6);
    expect([...out.data]).toEqual([...api.toImage(20).data]);
    expect(j.factors.precision).toBe('float32');
    expect(run(['compress', 'd.png', '--ranks', '5', '--out', 'o']).stdout).toMatch(
      /PSNR: peak 65535, before rounding to 16 bits/,
    );
    expect(run(['decompress', 'o/d.svdk']).status).toBe(0);
    expect(decode(readFileSync(join(dir, 'o', 'd-k20-decompressed.png'))).depth).toBe(16);
  });
});
