// init({ wasm }) with every kind of source (URL, path, bytes, Response — right and wrong MIME
// type — and a compiled Module), idempotence, and the build each source reports.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BackendUnavailableError, backendInfo, init, InvalidOptionError, svd } from '../src/index.js';

const url = (simd: boolean) =>
  new URL(`../src/backend/wasm/${simd ? 'svdkit' : 'svdkit-nosimd'}.wasm`, import.meta.url);
const bytes = (simd: boolean) => readFileSync(url(simd));
const response = (simd: boolean, type: string) => new Response(bytes(simd), { headers: { 'Content-Type': type } });

/** Loads from `source` and checks which build runs and that it decomposes. */
async function loads(source: Parameters<typeof init>[0], simd: boolean): Promise<void> {
  await init(source);
  expect(backendInfo()).toMatchObject({ wasm: true, simd, active: 'wasm' });
  expect(
    Array.from(
      svd(
        [
          [3, 0],
          [0, 4],
        ],
        { backend: 'wasm' },
      ).S,
    ),
  ).toEqual([4, 3]);
}

describe('init({ wasm })', () => {
  it('init() is idempotent: the same promise', () => {
    const a = init(),
      b = init();
    expect(a).toBe(b);
    expect(init({})).toBe(a);
  });
  it('takes a file URL and a path', async () => {
    await loads({ wasm: url(false) }, false);
    await loads({ wasm: fileURLToPath(url(true)) }, true);
  });
  it('takes bytes (Uint8Array and ArrayBuffer)', async () => {
    await loads({ wasm: new Uint8Array(bytes(false)) }, false);
    const b = bytes(true);
    await loads({ wasm: b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) }, true);
  });
  it('takes a Response served as application/wasm, and one with the wrong MIME type', async () => {
    await loads({ wasm: response(false, 'application/wasm') }, false);
    await loads({ wasm: response(true, 'application/octet-stream') }, true);
    await loads({ wasm: response(false, 'application/wasm; charset=binary') }, false);
  });
  it('takes a compiled WebAssembly.Module; the same source twice is one load', async () => {
    const module = await WebAssembly.compile(bytes(false));
    const first = init({ wasm: module });
    expect(init({ wasm: module })).toBe(first);
    await loads({ wasm: module }, false);
  });
  it('a failed load rejects, says why, and keeps the module in use', async () => {
    await init({ simd: true });
    await expect(init({ wasm: new Response('nope', { status: 404 }) })).rejects.toThrow(/HTTP 404/);
    await expect(init({ wasm: new Response('nope', { status: 404 }) })).rejects.toBeInstanceOf(BackendUnavailableError);
    await expect(init({ wasm: new Uint8Array([1, 2, 3]) })).rejects.toThrow(/could not load the wasm module/);
    await expect(init({ wasm: new Uint8Array([1, 2, 3]) })).rejects.toBeInstanceOf(BackendUnavailableError);
    expect(backendInfo()).toMatchObject({ wasm: true, simd: true, active: 'wasm' });
    await expect(init({ wasm: 42 as never })).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(init({ wasm: 42 as never })).rejects.toThrow(/option 'wasm' must be a URL/);
  });
  it('simd: false and true pick the shipped builds', async () => {
    await loads({ simd: false }, false);
    await loads({ simd: true }, true);
  });
});

describe('backendInfo', () => {
  it("reports the engine's SIMD support and no error once loaded", async () => {
    await init();
    const info = backendInfo();
    // Node 20's V8 validates WebAssembly SIMD; no error once the module is loaded
    expect(info).toEqual({ wasm: true, simd: true, active: 'wasm', simdSupported: true });
  });
});

describe('abort messages from the module', () => {
  it('are decoded from linear memory (AssemblyScript strings: UTF-16 after a byte-length header)', async () => {
    const { readString } = await import('../src/backend/wasm/load.js');
    const memory = new WebAssembly.Memory({ initial: 1 });
    const text = 'index out of range',
      ptr = 64;
    new Uint32Array(memory.buffer, ptr - 4, 1)[0] = text.length * 2;
    new Uint16Array(memory.buffer, ptr, text.length).set(Array.from(text, (c) => c.charCodeAt(0)));
    expect(readString(memory, ptr)).toBe(text);
    expect(readString(memory, 0)).toBe('');
    expect(readString(memory, 1 << 20)).toBe('');
    expect(readString(null, ptr)).toBe('');
  });
});
