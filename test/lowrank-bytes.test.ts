import { describe, expect, it } from 'vitest';
import { InvalidMatrixError, InvalidOptionError, LowRank, lowRank } from '../src/index.js';
import { crc32 } from '../src/lowrank/crc32.js';
import { fromFloat16Bits, toFloat16Bits } from '../src/lowrank/float16.js';
import { uniformMatrix } from './harness/matrices.js';
import { cases, wasmMissing, asDtype, frobDiff } from './harness/cases.js';

/** Per-entry bound of each precision for the vector v (docs/format.md). */
function entryBound(precision: string, x: number, vectorMax: number): number {
  if (precision === 'float32') return Math.max(2 ** -24 * Math.abs(x), 2 ** -150);
  if (precision === 'float16') return Math.max(2 ** -11 * Math.abs(x), 2 ** -25);
  return (Math.fround(vectorMax / 127) / 2) * (1 + 1e-12);
}

describe.each(cases)('toBytes / fromBytes on %s / %s', (backend, dtype) => {
  const run = it.skipIf(backend === 'wasm' && wasmMissing); // the wasm rows wait for the wasm backend
  const a = asDtype(uniformMatrix(40, 30, 1), dtype);
  const lr = () => lowRank(a, 7, { backend, dtype });

  run(`round-trips exactly at ${dtype}`, () => {
    const x = lr(),
      bytes = x.toBytes();
    expect(bytes.length).toBe(64 + 8 * 7 + 7 * 70 * (dtype === 'float64' ? 8 : 4));
    const y = LowRank.fromBytes(bytes, { backend });
    for (const key of [
      'k',
      'm',
      'n',
      'dtype',
      'method',
      'error',
      'relativeError',
      'energy',
      'storedValues',
      'compressionRatio',
    ] as const) {
      expect(y[key]).toBe(x[key]);
    }
    expect(y.U.data).toEqual(x.U.data);
    expect(y.S).toEqual(x.S);
    expect(y.Vt.data).toEqual(x.Vt.data);
    expect(y.toBytes()).toEqual(bytes);
    expect(Array.from(LowRank.fromBytes(bytes.slice().buffer).S)).toEqual(Array.from(x.S));
  });

  for (const precision of ['float32', 'float16', 'int8'] as const) {
    run(`stays within the stated quantisation error at ${precision}`, () => {
      const x = lr(),
        y = LowRank.fromBytes(x.toBytes({ precision }));
      expect(y.S).toEqual(x.S); // S is always float64
      const { m, n, k } = x;
      let bound = 0;
      for (let j = 0; j < k; j++) {
        let uMax = 0,
          vMax = 0,
          du = 0,
          dv = 0;
        for (let i = 0; i < m; i++) uMax = Math.max(uMax, Math.abs(x.U.data[i * k + j]));
        for (let i = 0; i < n; i++) vMax = Math.max(vMax, Math.abs(x.Vt.data[j * n + i]));
        for (let i = 0; i < m; i++) {
          const e = Math.abs(y.U.data[i * k + j] - x.U.data[i * k + j]);
          expect(e).toBeLessThanOrEqual(entryBound(precision, x.U.data[i * k + j], uMax));
          du += e * e;
        }
        for (let i = 0; i < n; i++) {
          const e = Math.abs(y.Vt.data[j * n + i] - x.Vt.data[j * n + i]);
          expect(e).toBeLessThanOrEqual(entryBound(precision, x.Vt.data[j * n + i], vMax));
          dv += e * e;
        }
        bound += x.S[j] * (Math.sqrt(du) + Math.sqrt(dv) + Math.sqrt(du * dv));
      }
      // ‖Â_k − A_k‖_F ≤ Σ σⱼ(‖δuⱼ‖ + ‖δvⱼ‖ + ‖δuⱼ‖‖δvⱼ‖), plus rounding of the two products
      const rounding = (dtype === 'float64' ? 1e-13 : 1e-5) * x.S[0] * 10;
      expect(frobDiff(y.reconstruct(), x.reconstruct())).toBeLessThanOrEqual(bound + rounding);
      const bytesPer = { float32: 4, float16: 2, int8: 1 }[precision];
      expect(x.toBytes({ precision }).length).toBe(
        64 + 8 * k + k * (m + n) * bytesPer + (precision === 'int8' ? 8 * k : 0),
      );
    });
  }
});

describe('byte format checks', () => {
  const x = lowRank(uniformMatrix(10, 8, 2), 3);
  const bytes = x.toBytes();

  it('rejects truncated, extended and corrupt bytes with clear errors', () => {
    expect(() => LowRank.fromBytes(bytes.subarray(0, 10))).toThrow(/truncated: 10 bytes, but the header alone is 64/);
    expect(() => LowRank.fromBytes(bytes.subarray(0, bytes.length - 1))).toThrow(/truncated/);
    const longer = new Uint8Array(bytes.length + 3);
    longer.set(bytes);
    expect(() => LowRank.fromBytes(longer)).toThrow(/3 unexpected bytes/);
    for (const at of [64, 100, bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at] ^= 0x10;
      expect(() => LowRank.fromBytes(bad)).toThrow(/payload checksum mismatch/);
    }
    for (const at of [12, 24, 45]) {
      const bad = bytes.slice();
      bad[at] ^= 0x01;
      expect(() => LowRank.fromBytes(bad)).toThrow(/header checksum mismatch/);
    }
    const magic = bytes.slice();
    magic[0] = 0x50;
    expect(() => LowRank.fromBytes(magic)).toThrow(/not svdkit low-rank data/);
    const future = bytes.slice();
    future[4] = 2;
    expect(() => LowRank.fromBytes(future)).toThrow(/version 2 is newer/);
    expect(() => LowRank.fromBytes('abc' as never)).toThrow(InvalidMatrixError);
    expect(() => LowRank.fromBytes(bytes, { precision: 'int8' } as never)).toThrow(InvalidOptionError);
    expect(() => x.toBytes({ precision: 'float8' as never })).toThrow(/precision/);
  });

  it('writes the documented header', () => {
    const v = new DataView(bytes.buffer);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('SVDK');
    expect([v.getUint16(4, true), bytes[6], bytes[7], bytes[8], bytes[9]]).toEqual([1, 1, 1, 1, 1]);
    expect([v.getUint32(12, true), v.getUint32(16, true), v.getUint32(20, true)]).toEqual([10, 8, 3]);
    expect(v.getFloat64(24, true)).toBe(x.error);
    expect(v.getUint32(48, true)).toBe(bytes.length - 64);
    expect(v.getUint32(56, true)).toBe(crc32(bytes, 64));
    expect(v.getUint32(60, true)).toBe(crc32(bytes, 0, 60));
    expect(v.getFloat64(64, true)).toBe(x.S[0]);
  });

  it('CRC-32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('float16', () => {
  it('round-trips every finite half exactly', () => {
    for (let h = 0; h < 0x10000; h++) {
      if ((h & 0x7c00) === 0x7c00) continue;
      expect(toFloat16Bits(fromFloat16Bits(h))).toBe(h);
    }
  });

  it('rounds to nearest, ties to even', () => {
    for (let h = 0; h < 0x7bff; h++) {
      const lo = fromFloat16Bits(h),
        hi = fromFloat16Bits(h + 1),
        mid = (lo + hi) / 2;
      expect(toFloat16Bits(mid)).toBe(h % 2 === 0 ? h : h + 1);
      expect(toFloat16Bits(mid + (hi - lo) * 1e-3)).toBe(h + 1);
      expect(toFloat16Bits(mid - (hi - lo) * 1e-3)).toBe(h);
      expect(toFloat16Bits(-mid)).toBe((h % 2 === 0 ? h : h + 1) | 0x8000);
    }
  });

  it('handles overflow, subnormals, zeros and NaN', () => {
    expect(toFloat16Bits(65504)).toBe(0x7bff);
    expect(toFloat16Bits(65519.99)).toBe(0x7bff);
    expect(toFloat16Bits(65520)).toBe(0x7c00);
    expect(toFloat16Bits(-1e10)).toBe(0xfc00);
    expect(toFloat16Bits(2 ** -25)).toBe(0); // tie between 0 and the smallest subnormal: even
    expect(toFloat16Bits(3 * 2 ** -25)).toBe(2);
    expect(toFloat16Bits(2 ** -14 - 2 ** -26)).toBe(0x0400); // rounds up into the normals
    expect(toFloat16Bits(-0)).toBe(0x8000);
    expect(toFloat16Bits(1e-30)).toBe(0);
    expect(Number.isNaN(fromFloat16Bits(toFloat16Bits(NaN)))).toBe(true);
    expect(fromFloat16Bits(0x7c00)).toBe(Infinity);
    expect(fromFloat16Bits(0x3c00)).toBe(1);
    expect(fromFloat16Bits(0x0001)).toBe(2 ** -24);
  });
});
