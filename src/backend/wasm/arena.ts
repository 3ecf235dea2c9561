/**
 * The wasm backend's working memory: one arena in linear memory, from the module's heap base to
 * the end, reset at the start of every call. A call first plans every byte it needs (input copy,
 * outputs, scratch, status) from the shapes, 16-byte aligned; {@link Arena.reserve} grows memory
 * at most once to fit; only then does the call take typed-array views (growing detaches the old
 * buffer, so no view is held across a reserve), copy in, run the kernel and copy the results out
 * into fresh arrays. Memory therefore grows to the largest call seen and never beyond.
 * @module
 */
import { SizeLimitError } from '../../errors.js';
import type { Dtype, FloatArray } from '../../types.js';

/** Bytes in a wasm page. */
const PAGE = 65536;
/** wasm32 address space: 65536 pages = 4 GiB. */
const MAX_BYTES = 65536 * PAGE;

/** x rounded up to a multiple of 16. */
const align16 = (x: number): number => Math.ceil(x / 16) * 16;

/** Bytes per element of the dtype. */
export const bytesOf = (dtype: Dtype): number => (dtype === 'float64' ? 8 : 4);

/** A sequence of 16-byte aligned regions, offsets relative to the arena start. */
export class Plan {
  total = 0;
  /** Reserves `bytes` (rounded up to 16) and returns the region's offset. */
  take(bytes: number): number {
    const at = this.total;
    this.total += align16(bytes);
    return at;
  }
}

export class Arena {
  /** First byte of the arena: the module's heap base rounded up to 16. */
  readonly base: number;
  /** Most bytes one call may plan: 4 GiB less the module's own static memory. */
  readonly limit: number;

  constructor(
    readonly memory: WebAssembly.Memory,
    heapBase: number,
  ) {
    this.base = align16(heapBase);
    this.limit = MAX_BYTES - this.base;
  }

  /**
   * Makes `bytes` available from {@link base}, growing memory (once) when it is short, and
   * returns the base address. Refuses (SizeLimitError) a plan beyond 65536 pages before
   * touching memory. Invalidates every view taken earlier if it grows.
   */
  reserve(bytes: number): number {
    if (!(bytes <= this.limit)) {
      throw new SizeLimitError(
        `wasm backend: this call needs ${(bytes / 2 ** 20).toFixed(0)} MiB of wasm memory but wasm32 allows at most ` +
          `${(this.limit / 2 ** 20).toFixed(0)} MiB; pass backend: 'js' (or 'auto') for matrices this large`,
      );
    }
    const need = this.base + bytes;
    const have = this.memory.buffer.byteLength;
    if (need > have) {
      const pages = Math.ceil((need - have) / PAGE);
      try {
        this.memory.grow(pages);
      } catch (e) {
        throw new SizeLimitError(
          `wasm backend: could not grow wasm memory to ${(need / 2 ** 20).toFixed(0)} MiB ` +
            `(${e instanceof Error ? e.message : String(e)}); pass backend: 'js' for matrices this large`,
        );
      }
    }
    return this.base;
  }

  /** A fresh view of `len` elements of the dtype at byte address `ptr` (take it after reserve). */
  view(dtype: Dtype, ptr: number, len: number): FloatArray {
    return dtype === 'float64'
      ? new Float64Array(this.memory.buffer, ptr, len)
      : new Float32Array(this.memory.buffer, ptr, len);
  }

  /** Copies `src` (its first `len` elements) into the arena at `ptr`. */
  write(dtype: Dtype, ptr: number, src: FloatArray, len: number): void {
    this.view(dtype, ptr, len).set(src.length === len ? src : src.subarray(0, len));
  }

  /** A caller-owned copy of `len` elements at `ptr`. */
  read(dtype: Dtype, ptr: number, len: number): FloatArray {
    return this.view(dtype, ptr, len).slice();
  }

  /** The three f64 of a Jacobi status block: converged (1/0), sweeps, offMax. */
  status(ptr: number): { converged: boolean; sweeps: number; offMax: number } {
    const st = new Float64Array(this.memory.buffer, ptr, 3);
    return { converged: st[0] === 1, sweeps: st[1], offMax: st[2] };
  }
}
