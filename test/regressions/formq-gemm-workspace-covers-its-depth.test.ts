// Caught while benchmarking the blocked QR: svd of a uniform 1200×800 matrix by the bidiagonal
// route died with "memory access out of bounds" in formBidiagP. formQScratch sized the gemm
// workspace for a depth of 32 (one block of reflectors), but the first WY product Vᵀ·X sums over
// up to n rows, so the SIMD gemm packed a 256-deep panel past the end of the plan. Only the wasm
// backend plans memory (the JS backend allocates), so only it runs here; wasm-memory.test.ts's
// planner check covers the same workspace with guard bytes at 300×300.
import { describe, expect, it } from 'vitest';
import { svd, svdvals } from '../../src/index.js';
import { uniformMatrix } from '../harness/matrices.js';

describe.each(['float64', 'float32'] as const)('wasm / %s', (dtype) => {
  it('1200×800 by the bidiagonal route: U, S, V finite and S equal to svdvals', () => {
    const a = uniformMatrix(1200, 800, 11);
    const r = svd(a, { backend: 'wasm', dtype, method: 'bidiagonal' });
    expect(r.U!.data.every(Number.isFinite) && r.Vt!.data.every(Number.isFinite)).toBe(true);
    const s = svdvals(a, { backend: 'wasm', dtype, method: 'bidiagonal' });
    expect(Array.from(r.S)).toEqual(Array.from(s));
  });
});
