// Paths no other test reached (issue 17): svdvals({ k }); LowRank.fromBytes on bytes that are
// wrong yet carry correct checksums (a writer bug, or a deliberate edit, not line noise); init()
// with a foreign wasm module.
import { describe, expect, it } from 'vitest';
import {
  BackendUnavailableError,
  backendInfo,
  init,
  InvalidMatrixError,
  InvalidOptionError,
  LowRank,
  lowRank,
  svd,
  svdvals,
} from '../src/index.js';
import { crc32 } from '../src/lowrank/crc32.js';
import { cases } from './harness/cases.js';
import { uniformMatrix } from './harness/matrices.js';

describe.each(cases)('svdvals({ k }) on %s / %s', (backend, dtype) => {
  const a = uniformMatrix(9, 6, 4);
  it('gives the k largest singular values, those of svd', () => {
    const all = svd(a, { backend, dtype, computeUV: false }).S;
    for (const k of [1, 3, 6])
      expect(Array.from(svdvals(a, { backend, dtype, k }))).toEqual(Array.from(all.slice(0, k)));
    expect(svdvals(a, { backend, dtype, k: 2 })).toBeInstanceOf(dtype === 'float64' ? Float64Array : Float32Array);
  });
  it('refuses k outside 1…min(m, n) and the options svdvals does not take', () => {
    for (const k of [0, 7, 1.5, -1]) expect(() => svdvals(a, { backend, dtype, k })).toThrow(InvalidOptionError);
    expect(() => svdvals(a, { backend, dtype, k: 7 })).toThrow(/min\(m, n\) = 6/);
    expect(() => svdvals(a, { backend, dtype, fullMatrices: true } as never)).toThrow(/unknown option 'fullMatrices'/);
  });
});

describe('LowRank.fromBytes: corrupt contents behind valid checksums', () => {
  const lr = lowRank(uniformMatrix(6, 5, 3), 2);
  const good = lr.toBytes();

  /** The bytes with `edit` applied, both checksums recomputed. */
  function edited(edit: (v: DataView, b: Uint8Array) => void, from = good): Uint8Array {
    const b = from.slice(),
      v = new DataView(b.buffer);
    edit(v, b);
    v.setUint32(56, crc32(b, 64), true);
    v.setUint32(60, crc32(b, 0, 60), true);
    return b;
  }

  it.each([
    [
      'a NaN singular value',
      (v: DataView) => v.setFloat64(64, NaN, true),
      /S\[0\] = NaN is not a valid singular value/,
    ],
    [
      'a negative singular value',
      (v: DataView) => v.setFloat64(72, -1, true),
      /S\[1\] = -1 is not a valid singular value/,
    ],
    [
      'ascending singular values',
      (v: DataView) => v.setFloat64(72, 1e9, true),
      /S\[1\] = 1000000000 is not a valid singular value/,
    ],
    ['Infinity in U', (v: DataView) => v.setFloat64(64 + 16, Infinity, true), /column 0 of U holds Infinity/],
    ['NaN in Vt', (v: DataView, b: Uint8Array) => v.setFloat64(b.length - 8, NaN, true), /row 1 of Vt holds NaN/],
    ['an unknown precision code', (v: DataView) => v.setUint8(7, 9), /unknown kind, precision, dtype or method/],
    ['an unknown dtype code', (v: DataView) => v.setUint8(8, 0), /unknown kind, precision, dtype or method/],
    ['k larger than min(m, n)', (v: DataView) => v.setUint32(20, 9, true), /impossible shape m = 6, n = 5, k = 9/],
    ['a zero row count', (v: DataView) => v.setUint32(12, 0, true), /impossible shape m = 0/],
    [
      'a payload length that does not fit the shapes',
      (v: DataView) => v.setUint32(48, v.getUint32(48, true) + 8, true),
      /payload length in the header does not match/,
    ],
    [
      'shapes swapped (6×5 read as 5×6, same payload size)',
      (v: DataView) => {
        v.setUint32(12, 5, true);
        v.setUint32(16, 6, true);
      },
      null,
    ],
  ] as [string, (v: DataView, b: Uint8Array) => void, RegExp | null][])('%s', (_, edit, message) => {
    const bytes = edited(edit);
    if (message) {
      expect(() => LowRank.fromBytes(bytes)).toThrow(InvalidMatrixError);
      expect(() => LowRank.fromBytes(bytes)).toThrow(message);
    } else {
      // Undetectable by design (the bytes are a valid 5×6 factorization): read as one, never garbage.
      const back = LowRank.fromBytes(bytes);
      expect([back.m, back.n, back.k]).toEqual([5, 6, 2]);
      expect([...back.U.data, ...back.S, ...back.Vt.data].every(Number.isFinite)).toBe(true);
    }
  });

  it('an int8 payload with a corrupt scale is refused', () => {
    const q = lr.toBytes({ precision: 'int8' });
    // After S (2 × 8 bytes) comes column 0 of U: its float32 scale first.
    const bad = edited((v) => v.setFloat32(64 + 16, -2, true), q);
    expect(() => LowRank.fromBytes(bad)).toThrow(/column 0 of U has scale -2/);
  });
});

describe('init() with a foreign wasm module', () => {
  it('a valid module that is not svdkit is refused with a typed error; svdkit keeps working', async () => {
    // The smallest valid module: magic and version, no sections. It compiles, but exports nothing.
    const empty = new WebAssembly.Module(Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00));
    svdvals([[1]], { backend: 'wasm' }); // the shipped module, loaded first
    const e = await init({ wasm: empty }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(BackendUnavailableError);
    expect((e as Error).message).toMatch(/not an svdkit wasm binary/);
    expect(backendInfo()).toMatchObject({ wasm: true, active: 'wasm' }); // the loaded module stays
    expect(
      Array.from(
        svdvals(
          [
            [3, 0],
            [0, 4],
          ],
          { backend: 'wasm' },
        ),
      ),
    ).toEqual([4, 3]);
  });
});
