/**
 * Finding, compiling and instantiating the wasm module, in Node and in browsers.
 *
 * - The binaries sit beside this module and are located with the literal
 *   `new URL('./svdkit.wasm', import.meta.url)` (and `'./svdkit-nosimd.wasm'`), which bundlers
 *   recognise and copy as assets.
 * - Which build: the SIMD one when the engine validates a tiny SIMD module, else the scalar one;
 *   `initWasm({ simd: false })` forces the scalar build (`simd: true` forces SIMD).
 * - Node: the first call that needs the module loads it synchronously (`fs.readFileSync` through
 *   `process.getBuiltinModule`, never a static `node:fs` import, so this file bundles for
 *   browsers too). Browsers: `await initWasm()` (the public `init()`) first.
 * - initWasm is idempotent: the same request returns the same promise. A request for another
 *   build or another source loads that one and, once it resolves, replaces the module in use
 *   (the latest request wins) — this is how tests switch between the SIMD and scalar builds in
 *   one process. A failed load rejects, keeps any module already loaded and records the reason
 *   in {@link loadError}; the next call retries.
 * - No WebAssembly (`globalThis.WebAssembly` undefined): nothing throws; {@link loadedModule}
 *   returns null and {@link loadError} says why.
 * @module
 */
import { Arena } from './arena.js';
import { BackendUnavailableError, InvalidOptionError, SvdkitError } from '../../errors.js';
import type { WasmSource } from '../../types.js';

/** Where the wasm binary comes from when it is not the file shipped beside this module. */
export type { WasmSource };

/** Options of {@link initWasm}. */
export interface WasmInitOptions {
  /** The binary to load (URL or path, bytes, a fetch Response or a compiled Module); default the shipped file. */
  wasm?: WasmSource;
  /**
   * Which shipped binary to load: true = SIMD, false = scalar; default: SIMD when the engine
   * supports it. Ignored when `wasm` is given (that binary reports which build it is).
   */
  simd?: boolean;
}

/** The module's exports (see assembly/driver.ts for the ABI). Pointers are byte addresses. */
export interface SvdkitExports {
  memory: WebAssembly.Memory;
  heapBase(): number;
  simdBuild(): number;
  svdF64(
    m: number,
    n: number,
    w: number,
    s: number,
    u: number,
    v: number,
    uMode: number,
    wantV: number,
    scratch: number,
    maxSweeps: number,
    status: number,
  ): number;
  svdF32(
    m: number,
    n: number,
    w: number,
    s: number,
    u: number,
    v: number,
    uMode: number,
    wantV: number,
    scratch: number,
    maxSweeps: number,
    status: number,
  ): number;
  svdScratchF64(m: number, n: number): number;
  svdScratchF32(m: number, n: number): number;
  eighF64(
    n: number,
    a: number,
    values: number,
    vectors: number,
    scratch: number,
    maxSweeps: number,
    status: number,
  ): number;
  eighF32(
    n: number,
    a: number,
    values: number,
    vectors: number,
    scratch: number,
    maxSweeps: number,
    status: number,
  ): number;
  eighScratchF64(n: number): number;
  eighScratchF32(n: number): number;
  eighTridiagF64(
    n: number,
    a: number,
    values: number,
    vectors: number,
    scratch: number,
    maxIter: number,
    status: number,
  ): number;
  eighTridiagF32(
    n: number,
    a: number,
    values: number,
    vectors: number,
    scratch: number,
    maxIter: number,
    status: number,
  ): number;
  eighTridiagScratchF64(n: number): number;
  eighTridiagScratchF32(n: number): number;
  svdBidiagF64(
    m: number,
    n: number,
    w: number,
    s: number,
    u: number,
    v: number,
    uMode: number,
    wantV: number,
    scratch: number,
    maxIter: number,
    status: number,
  ): number;
  svdBidiagF32(
    m: number,
    n: number,
    w: number,
    s: number,
    u: number,
    v: number,
    uMode: number,
    wantV: number,
    scratch: number,
    maxIter: number,
    status: number,
  ): number;
  svdBidiagScratchF64(m: number, n: number, wantU: number): number;
  svdBidiagScratchF32(m: number, n: number, wantU: number): number;
  bidiagBlockF64(n: number, a: number, d: number, e: number, q: number, p: number, scratch: number): void;
  bidiagBlockF32(n: number, a: number, d: number, e: number, q: number, p: number, scratch: number): void;
  bidiagBlockScratchF64(n: number): number;
  bidiagBlockScratchF32(n: number): number;
  bidiagQRF64(
    n: number,
    d: number,
    e: number,
    u: number,
    v: number,
    scratch: number,
    maxIter: number,
    status: number,
  ): number;
  bidiagQRF32(
    n: number,
    d: number,
    e: number,
    u: number,
    v: number,
    scratch: number,
    maxIter: number,
    status: number,
  ): number;
  bidiagQRScratchBytes(n: number): number;
  gemmF64(
    m: number,
    n: number,
    k: number,
    a: number,
    transA: number,
    b: number,
    transB: number,
    c: number,
    scratch: number,
  ): void;
  gemmF32(
    m: number,
    n: number,
    k: number,
    a: number,
    transA: number,
    b: number,
    transB: number,
    c: number,
    scratch: number,
  ): void;
  gemmScratchF64(m: number, n: number, k: number): number;
  gemmScratchF32(m: number, n: number, k: number): number;
}

const REQUIRED: readonly (keyof SvdkitExports)[] = [
  'heapBase',
  'simdBuild',
  'svdF64',
  'svdF32',
  'svdScratchF64',
  'svdScratchF32',
  'eighF64',
  'eighF32',
  'eighScratchF64',
  'eighScratchF32',
  'eighTridiagF64',
  'eighTridiagF32',
  'eighTridiagScratchF64',
  'eighTridiagScratchF32',
  'svdBidiagF64',
  'svdBidiagF32',
  'svdBidiagScratchF64',
  'svdBidiagScratchF32',
  'bidiagBlockF64',
  'bidiagBlockF32',
  'bidiagBlockScratchF64',
  'bidiagBlockScratchF32',
  'bidiagQRF64',
  'bidiagQRF32',
  'bidiagQRScratchBytes',
  'gemmF64',
  'gemmF32',
  'gemmScratchF64',
  'gemmScratchF32',
];

/** A loaded module: its exports, which build it is, and its memory arena. */
export interface LoadedModule {
  readonly exports: SvdkitExports;
  readonly simd: boolean;
  readonly arena: Arena;
}

/** The reason reported when the engine has no WebAssembly at all. */
const NO_WEBASSEMBLY = 'WebAssembly is not available in this JavaScript environment';

/**
 * A module whose one function returns `i8x16.popcnt(i8x16.splat(0))`: valid only where the
 * engine implements fixed-width SIMD (the same probe as the wasm-feature-detect package).
 */
const SIMD_PROBE = new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]);

let simdProbe: boolean | undefined;

/** Whether this engine runs wasm SIMD (validated once). */
export function simdSupported(): boolean {
  if (simdProbe === undefined) {
    try {
      simdProbe = WebAssembly.validate(SIMD_PROBE);
    } catch {
      simdProbe = false;
    }
  }
  return simdProbe;
}

/** The shipped binary of the requested build. */
function binaryUrl(simd: boolean): URL {
  return simd ? new URL('./svdkit.wasm', import.meta.url) : new URL('./svdkit-nosimd.wasm', import.meta.url);
}

function hasWebAssembly(): boolean {
  return typeof (globalThis as { WebAssembly?: unknown }).WebAssembly !== 'undefined';
}

/** The part of node:fs used here. */
interface NodeFs {
  readFileSync(path: string | URL): Uint8Array;
  promises: { readFile(path: string | URL): Promise<Uint8Array> };
}

/** node:fs when running in Node (≥ 20.16, which has process.getBuiltinModule), else null. */
function nodeFs(): NodeFs | null {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule !== 'function') return null;
  try {
    return (proc.getBuiltinModule('node:fs') as NodeFs | undefined) ?? null;
  } catch {
    return null;
  }
}

/** The memory of the instance being created or run, for {@link readString}. */
let abortMemory: WebAssembly.Memory | null = null;

/**
 * An AssemblyScript string from linear memory: UTF-16 code units at `ptr`, their byte length in
 * the u32 just before (the stub runtime's header). Empty when out of bounds.
 */
export function readString(memory: WebAssembly.Memory | null, ptr: number): string {
  if (!memory || ptr < 4 || ptr > memory.buffer.byteLength) return '';
  const bytes = new Uint32Array(memory.buffer.slice(ptr - 4, ptr))[0];
  if (ptr + bytes > memory.buffer.byteLength) return '';
  return String.fromCharCode(...new Uint16Array(memory.buffer.slice(ptr, ptr + (bytes & ~1))));
}

const imports = {
  env: {
    // Only reachable through a compiler-inserted check (the release builds have none: noAssert),
    // so a debug or foreign build: say what it said and where.
    abort(message: number, file: number, line: number, column: number): never {
      const text = readString(abortMemory, message) || 'abort';
      const where = readString(abortMemory, file);
      throw new SvdkitError(
        `svdkit wasm module aborted: ${text} (${where || 'unknown file'}:${line}:${column})`,
        'WASM_ABORT',
      );
    },
  },
};

/** Wraps an instance after checking it is an svdkit module. */
function wrap(instance: WebAssembly.Instance): LoadedModule {
  const exports = instance.exports as unknown as SvdkitExports;
  for (const name of REQUIRED) {
    if (typeof exports[name] !== 'function') throw new Error(`not an svdkit wasm binary: export '${name}' is missing`);
  }
  if (!(exports.memory instanceof WebAssembly.Memory)) throw new Error(`not an svdkit wasm binary: no exported memory`);
  abortMemory = exports.memory;
  return { exports, simd: exports.simdBuild() === 1, arena: new Arena(exports.memory, exports.heapBase() >>> 0) };
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

// ---- state -------------------------------------------------------------------------------------

let current: LoadedModule | null = null;
let lastError: string | undefined;
let syncTried = false;
/** `simd` of the latest initWasm request for the shipped binary (the sync loader honours it). */
let requestedSimd: boolean | undefined;
/** The latest initWasm request and its promise: a repeat of it returns the same promise. */
let pending: { source: WasmSource | undefined; simd: boolean; promise: Promise<void> } | null = null;

function install(mod: LoadedModule): void {
  current = mod;
  lastError = undefined;
}

/** Node only: loads the shipped binary synchronously. Records the reason when it cannot. */
function loadSync(): void {
  if (!hasWebAssembly()) {
    lastError = NO_WEBASSEMBLY;
    return;
  }
  const fs = nodeFs();
  const simd = requestedSimd ?? simdSupported();
  let url: URL;
  try {
    url = binaryUrl(simd);
  } catch (e) {
    lastError = `cannot locate the wasm binary (${message(e)})`;
    return;
  }
  if (!fs || url.protocol !== 'file:') {
    lastError = "the module is not loaded yet (outside Node it loads asynchronously: call 'await init()')";
    return;
  }
  try {
    const bytes = fs.readFileSync(url);
    install(wrap(new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), imports)));
    pending = { source: undefined, simd, promise: Promise.resolve() };
  } catch (e) {
    lastError = `could not load ${url.href}: ${message(e)}`;
  }
}

/** The module in use, loading it synchronously on first use in Node; null when unavailable. */
export function loadedModule(): LoadedModule | null {
  if (current) return current;
  if (!syncTried) {
    syncTried = true;
    loadSync();
  }
  return current;
}

/** Why the module is not loaded (or why the latest load failed); undefined when all is well. */
export function loadError(): string | undefined {
  if (!current && !hasWebAssembly()) return NO_WEBASSEMBLY;
  return lastError;
}

/** The module in use without trying to load it. */
export function currentModule(): LoadedModule | null {
  return current;
}

// ---- async loading -----------------------------------------------------------------------------

/**
 * Compiles a fetch Response: streaming when served as application/wasm, else via its bytes.
 * A streaming failure that is not a compile error (a TypeError: a proxy that re-encodes the
 * body, an engine that refuses the response) retries from the bytes of a spare copy.
 */
async function compileResponse(res: Response): Promise<WebAssembly.Module> {
  if (!res.ok) throw new Error(`fetching ${res.url || 'the wasm binary'} failed: HTTP ${res.status}`);
  const type = (res.headers.get('Content-Type') ?? '').split(';')[0].trim().toLowerCase();
  if (type === 'application/wasm' && typeof WebAssembly.compileStreaming === 'function') {
    const spare = res.clone();
    try {
      return await WebAssembly.compileStreaming(res);
    } catch (e) {
      if (!(e instanceof TypeError)) throw e;
      return WebAssembly.compile(await spare.arrayBuffer());
    }
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

/** A string source as a URL, or null for a plain file path (Node). */
function toUrl(s: string, fs: NodeFs | null): URL | null {
  if (fs && /^([a-zA-Z]:[\\/]|[\\/]|\.{1,2}[\\/])/.test(s)) return null; // a path, not a URL
  try {
    return new URL(s);
  } catch {
    const here = (globalThis as { location?: { href?: string } }).location?.href;
    if (here) return new URL(s, here);
    if (fs) return null;
    throw new Error(`'${s}' is not a URL`);
  }
}

async function compile(source: WasmSource): Promise<WebAssembly.Module> {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source as BufferSource);
  if (typeof Response !== 'undefined' && source instanceof Response) return compileResponse(source);
  if (typeof source !== 'string' && !(source instanceof URL)) {
    throw new InvalidOptionError(
      "init: option 'wasm' must be a URL or path, an ArrayBuffer or view, a Response or a WebAssembly.Module",
    );
  }
  const fs = nodeFs();
  const url = typeof source === 'string' ? toUrl(source, fs) : source;
  if (fs && (url === null || url.protocol === 'file:')) {
    return WebAssembly.compile((await fs.promises.readFile(url ?? (source as string))) as BufferSource);
  }
  return compileResponse(await fetch(url!));
}

/**
 * Loads the module asynchronously (browsers need this before the first wasm call). Resolves
 * without loading when the engine has no WebAssembly. See the module notes for idempotence and
 * for switching builds.
 */
export function initWasm(opts: WasmInitOptions = {}): Promise<void> {
  if (!hasWebAssembly()) {
    lastError = NO_WEBASSEMBLY;
    return Promise.resolve();
  }
  const source = opts.wasm;
  const simd = source === undefined ? (opts.simd ?? simdSupported()) : false;
  if (pending && pending.source === source && (source !== undefined || pending.simd === simd)) return pending.promise;
  if (source === undefined) requestedSimd = opts.simd;
  const request: { source: WasmSource | undefined; simd: boolean; promise: Promise<void> } = {
    source,
    simd,
    promise: Promise.resolve(),
  };
  request.promise = (async () => {
    try {
      const module = await compile(source ?? binaryUrl(simd));
      const loaded = wrap(await WebAssembly.instantiate(module, imports));
      if (pending === request) install(loaded); // a later request supersedes this one
    } catch (e) {
      if (pending === request) pending = null;
      lastError = `could not load the wasm module: ${message(e)}`;
      // A bad option stays what it is; anything else (a missing file, a failed fetch, a corrupt
      // binary) means the wasm backend is unavailable, and says why.
      throw e instanceof SvdkitError ? e : new BackendUnavailableError(`init: ${lastError}`);
    }
  })();
  pending = request;
  return request.promise;
}
