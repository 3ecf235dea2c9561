// The algorithms' constants have one source: src/params.ts. The wasm module exports its copies
// (assembly/params.ts) as globals, and each must equal the TypeScript value, in both builds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as params from '../src/params.js';

const exported: Record<string, number> = {
  UNIT_ROUNDOFF_F64: params.unitRoundoff.float64,
  UNIT_ROUNDOFF_F32: params.unitRoundoff.float32,
  TINY_SQUARED_NORM_F64: params.tinySquaredNorm.float64,
  TINY_SQUARED_NORM_F32: params.tinySquaredNorm.float32,
  ROTATION_FLOOR_F64: params.rotationFloor.float64,
  ROTATION_FLOOR_F32: params.rotationFloor.float32,
  NORM_RECOMPUTE: params.normRecompute,
  NORM_LOW: params.normLow,
  NORM_HIGH: params.normHigh,
  HUGE_ZETA: params.hugeZeta,
};

describe.each(['svdkit.wasm', 'svdkit-nosimd.wasm'])('%s', (file) => {
  it('exports every constant of src/params.ts with the same value', async () => {
    const bytes = readFileSync(new URL(`../src/backend/wasm/${file}`, import.meta.url));
    const { instance } = await WebAssembly.instantiate(bytes, {
      env: {
        abort: () => {
          throw new Error('abort');
        },
      },
    });
    for (const [name, value] of Object.entries(exported)) {
      const g = instance.exports[name];
      expect(g, name).toBeInstanceOf(WebAssembly.Global);
      expect((g as WebAssembly.Global).value, name).toBe(value);
    }
  });
});
