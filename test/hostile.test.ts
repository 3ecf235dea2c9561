/**
 * Hostile input, table-driven: every exported function of `svdkit` and `svdkit/image` × NaN,
 * ±Infinity, -0, subnormals, ragged and sparse arrays, strings, null, BigInts, typed arrays of
 * every kind, views with a byteOffset, shapes whose rows·cols overflow or exceed wasm32 memory
 * × both backends. Each call either throws an SvdkitError whose message names the problem, or
 * returns the same finite result as the same call on a clean copy of the input; the input is
 * never modified; a size beyond wasm memory is refused before anything grows.
 */
import { describe, expect, it } from 'vitest';
import {
  chooseRank,
  cond,
  eigh,
  init,
  InvalidOptionError,
  LowRank,
  lowRank,
  lstsq,
  matrixRank,
  norm2,
  nuclearNorm,
  pinv,
  randomizedSvd,
  reconstruct,
  SizeLimitError,
  subspaces,
  svd,
  SvdkitError,
  svdvals,
  InvalidMatrixError,
  type BackendName,
  type MatrixLike,
} from '../src/index.js';
import { compressImage } from '../src/image/index.js';
import { contactSheet } from '../src/cli/render/contact-sheet.js';
import { drawText, lineHeight, textWidth } from '../src/cli/render/font.js';
import { toGray } from '../src/cli/render/gray.js';
import { fitWithin } from '../src/cli/render/resize.js';
import { crc32 } from '../src/lowrank/crc32.js';
import { currentModule } from '../src/backend/wasm/load.js';
import { backends, wasmMissing } from './harness/cases.js';

// ---- comparing results and inputs -------------------------------------------------------------

/** Every number (and string) reachable from x, in a fixed order: typed arrays, arrays, own fields. */
function leaves(x: unknown, out: (number | string)[] = []): (number | string)[] {
  if (typeof x === 'number' || typeof x === 'string') out.push(x);
  else if (typeof x === 'boolean') out.push(String(x));
  else if (ArrayBuffer.isView(x) && !(x instanceof DataView))
    for (const v of x as unknown as ArrayLike<number>) out.push(v);
  else if (Array.isArray(x)) for (const v of x) leaves(v, out);
  else if (x !== null && typeof x === 'object')
    for (const k of Object.keys(x).sort()) leaves((x as Record<string, unknown>)[k], out);
  return out;
}

/** A string that changes whenever anything reachable from x changes (holes, -0, the whole buffer of a view). */
function snapshot(x: unknown, seen = new Set<unknown>()): string {
  if (typeof x === 'number') return Object.is(x, -0) ? '-0' : String(x);
  if (typeof x === 'bigint') return `${x}n`;
  if (x === null || typeof x !== 'object') return `${typeof x}:${String(x)}`;
  if (seen.has(x)) return '<cycle>';
  seen.add(x);
  if (ArrayBuffer.isView(x)) {
    const whole = new Uint8Array(x.buffer); // writes outside the view count too
    return `${x.constructor.name}@${x.byteOffset}+${x.byteLength}[${whole.join(',')}]`;
  }
  if (x instanceof ArrayBuffer) return `ArrayBuffer[${new Uint8Array(x).join(',')}]`;
  if (Array.isArray(x)) {
    return `[${Array.from({ length: x.length }, (_, i) => (i in x ? snapshot(x[i], seen) : '<hole>')).join(',')}]`;
  }
  return `{${Object.keys(x)
    .sort()
    .map((k) => `${k}:${snapshot((x as Record<string, unknown>)[k], seen)}`)
    .join(',')}}`;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

function attempt(f: () => unknown): Outcome {
  try {
    return { ok: true, value: f() };
  } catch (error) {
    return { ok: false, error };
  }
}

/** A thrown error is typed and its message is a sentence, not a stack dump or "undefined". */
function expectTyped(error: unknown, message?: RegExp): void {
  expect(error, `${(error as Error)?.name}: ${(error as Error)?.message}`).toBeInstanceOf(SvdkitError);
  const text = (error as Error).message;
  expect(text.length).toBeGreaterThan(10);
  if (message) expect(text).toMatch(message);
}

/** No NaN or ±Infinity anywhere in a result (cond may be Infinity: it says "singular"). */
function expectFinite(value: unknown, allowInfinity = false): void {
  for (const v of leaves(value)) {
    if (typeof v !== 'number') continue;
    expect(Number.isNaN(v), 'NaN in a result').toBe(false);
    if (!allowInfinity) expect(Number.isFinite(v), `${v} in a result`).toBe(true);
  }
}

/** Same numbers entry by entry (+0 and -0 count as equal), same strings. */
function expectSame(x: unknown, y: unknown): void {
  const a = leaves(x),
    b = leaves(y);
  expect(a.length).toBe(b.length);
  const diff = a.findIndex((v, i) => !(v === b[i] || (Number.isNaN(v) && Number.isNaN(b[i]))));
  expect(diff, diff < 0 ? '' : `entry ${diff}: ${a[diff]} vs ${b[diff]}`).toBe(-1);
}

/**
 * Runs `call` on the hostile input: a typed error matching `message`, or — when `clean` is
 * given — exactly what the call does on the clean input (the same result, or the same error).
 * Always: the input is unchanged and a result holds no NaN/Infinity.
 */
function check(
  call: (x: unknown) => unknown,
  input: unknown,
  want: { message?: RegExp; clean?: unknown; infinity?: boolean },
): void {
  const before = snapshot(input);
  const got = attempt(() => call(input));
  expect(snapshot(input), 'the input was modified').toBe(before);
  if (want.message) {
    expect(got.ok, got.ok ? 'returned instead of throwing' : '').toBe(false);
    if (!got.ok) expectTyped(got.error, want.message);
    return;
  }
  if (!got.ok) expectTyped(got.error);
  else expectFinite(got.value, want.infinity);
  if (want.clean === undefined) return;
  const ref = attempt(() => call(want.clean));
  expect(
    got.ok,
    got.ok
      ? ''
      : `${(got.error as Error).message} (the clean input gives ${ref.ok ? 'a result' : (ref.error as Error).message})`,
  ).toBe(ref.ok);
  if (got.ok && ref.ok) expectSame(got.value, ref.value);
  if (!got.ok && !ref.ok) expect((got.error as Error).message).toBe((ref.error as Error).message);
}

// ---- hostile matrices -------------------------------------------------------------------------

/** An ArrayLike that claims `length` entries and holds none: shapes that must be refused before allocation. */
const fake = (length: number) => ({ length }) as ArrayLike<number>;

interface MatrixCase {
  what: string;
  input: unknown;
  /** The call must throw a typed error matching this. */
  message?: RegExp;
  /** The call must behave exactly as on this (same result or same error). */
  clean?: MatrixLike;
}

const sym = [
  [3, 1],
  [1, 2],
];
const symData = [3, 1, 1, 2];

/** 2×2 wherever possible, so that eigh and the 2-row callers below get as far as the entries. */
const matrices: MatrixCase[] = [
  {
    what: 'NaN entry',
    input: [
      [1, NaN],
      [NaN, 1],
    ],
    message: /\[0\]\[1\] is NaN/,
  },
  {
    what: '+Infinity entry',
    input: [
      [1, Infinity],
      [Infinity, 1],
    ],
    message: /\[0\]\[1\] is Infinity/,
  },
  {
    what: '-Infinity in Float64Array data',
    input: { rows: 2, cols: 2, data: new Float64Array([1, 0, 0, -Infinity]) },
    message: /\[1\]\[1\] is -Infinity/,
  },
  {
    what: 'NaN in Float32Array data',
    input: { rows: 2, cols: 2, data: new Float32Array([NaN, 0, 0, 1]) },
    message: /\[0\]\[0\] is NaN/,
  },
  { what: 'ragged rows', input: [[1, 2], [3]], message: /ragged: row 0 has 2 entries but row 1 has 1/ },
  {
    what: 'string entry',
    input: [
      [1, '2'],
      ['2', 1],
    ],
    message: /\[0\]\[1\] is string "2"/,
  },
  {
    what: 'null entry',
    input: [
      [1, null],
      [null, 1],
    ],
    message: /\[0\]\[1\] is null/,
  },
  {
    what: 'boolean entry',
    input: [
      [true, 0],
      [0, 1],
    ],
    message: /\[0\]\[0\] is boolean/,
  },
  {
    what: 'BigInt entry',
    input: [
      [1n, 0],
      [0, 1],
    ],
    message: /\[0\]\[0\] is bigint/,
  },
  {
    what: 'object entry',
    input: [
      [{ valueOf: () => 1 }, 0],
      [0, 1],
    ],
    message: /\[0\]\[0\] is object/,
  },
  {
    what: 'nested array entry',
    input: [
      [[1], 0],
      [0, 1],
    ],
    message: /\[0\]\[0\] is an array/,
  },
  {
    what: 'hole in a sparse row',
    input: [
      [1, ,],
      [1, 2],
    ],
    message: /\[0\]\[1\] is undefined/,
  }, // eslint-disable-line no-sparse-arrays
  {
    what: 'holes in sparse flat data',
    input: { rows: 2, cols: 2, data: [1, , , 2] },
    message: /\[0\]\[1\] is undefined/,
  }, // eslint-disable-line no-sparse-arrays
  { what: 'sparse outer array', input: new Array(2), message: /\[0\] must be an array of numbers, got undefined/ },
  { what: 'rows that are strings', input: ['ab', 'cd'], message: /\[0\] must be an array of numbers, got string "ab"/ },
  { what: 'null matrix', input: null, message: /got null/ },
  { what: 'undefined matrix', input: undefined, message: /got undefined/ },
  { what: 'a number', input: 7, message: /got number 7/ },
  { what: 'a string', input: 'abcd', message: /got string "abcd"/ },
  {
    what: 'an empty object',
    input: {},
    message:
      /must be a matrix: \{ rows, cols, data \}.*an array of rows, an ml-matrix Matrix.*2-D ndarray.*got an object with no own keys/,
  },
  { what: 'a flat Float64Array', input: new Float64Array(4), message: /wrap flat data as \{ rows, cols, data \}/ },
  {
    what: 'DataView data',
    input: { rows: 2, cols: 2, data: new DataView(new ArrayBuffer(32)) },
    message: /data must be a typed array.*got a DataView/,
  },
  {
    what: 'BigInt64Array data',
    input: { rows: 2, cols: 2, data: new BigInt64Array(4) },
    message: /BigInt64Array; svdkit needs numbers/,
  },
  { what: 'string data', input: { rows: 1, cols: 4, data: 'abcd' }, message: /data must be a typed array/ },
  { what: 'null data', input: { rows: 2, cols: 2, data: null }, message: /data must be a typed array.*got null/ },
  {
    what: 'NaN rows',
    input: { rows: NaN, cols: 2, data: [] },
    message: /rows must be a non-negative integer, got number NaN/,
  },
  { what: 'negative rows', input: { rows: -2, cols: 2, data: [] }, message: /rows must be a non-negative integer/ },
  {
    what: 'fractional cols',
    input: { rows: 2, cols: 1.5, data: [1, 2, 3] },
    message: /cols must be a non-negative integer/,
  },
  {
    what: 'string rows',
    input: { rows: '2', cols: 2, data: symData },
    message: /rows must be a non-negative integer, got string "2"/,
  },
  {
    what: 'Infinity cols',
    input: { rows: 2, cols: Infinity, data: symData },
    message: /cols must be a non-negative integer/,
  },
  {
    what: 'wrong data length',
    input: { rows: 2, cols: 2, data: [1, 2, 3] },
    message: /length 3 but rows·cols = 2·2 = 4/,
  },
  {
    what: 'rows·cols beyond 2^53',
    input: { rows: 2 ** 40, cols: 2 ** 40, data: fake(2 ** 80) },
    message: /at most 4294967295 are supported/,
  },
  {
    what: 'rows·cols beyond 2^32',
    input: { rows: 70000, cols: 70000, data: fake(4.9e9) },
    message: /70000×70000 = 4900000000 entries; at most/,
  },
  {
    what: 'array-like rows beyond 2^32',
    input: { length: 1e5, 0: fake(1e5) },
    message: /100000×100000 = 10000000000 entries/,
  },
  // Valid, if unusual: the same result as the clean equivalent.
  {
    what: '-0 entries',
    input: [
      [-0, 1],
      [1, -0],
    ],
    clean: [
      [0, 1],
      [1, 0],
    ],
  },
  {
    what: 'all -0',
    input: { rows: 2, cols: 2, data: new Float64Array([-0, -0, -0, -0]) },
    clean: { rows: 2, cols: 2, data: new Float64Array(4) },
  },
  { what: 'Int32Array data', input: { rows: 2, cols: 2, data: new Int32Array(symData) }, clean: sym },
  { what: 'Uint8Array data', input: { rows: 2, cols: 2, data: new Uint8Array(symData) }, clean: sym },
  { what: 'Uint8ClampedArray data', input: { rows: 2, cols: 2, data: new Uint8ClampedArray(symData) }, clean: sym },
  {
    what: 'Int8Array data',
    input: { rows: 2, cols: 2, data: new Int8Array([-3, 1, 1, -2]) },
    clean: [
      [-3, 1],
      [1, -2],
    ],
  },
  { what: 'Int16Array data', input: { rows: 2, cols: 2, data: new Int16Array(symData) }, clean: sym },
  { what: 'Uint16Array data', input: { rows: 2, cols: 2, data: new Uint16Array(symData) }, clean: sym },
  { what: 'Uint32Array data', input: { rows: 2, cols: 2, data: new Uint32Array(symData) }, clean: sym },
  {
    what: 'Float64Array view with a byteOffset',
    input: { rows: 2, cols: 2, data: new Float64Array([99, -7, ...symData, 42]).subarray(2, 6) },
    clean: sym,
  },
  {
    what: 'Int32Array view with a byteOffset',
    input: { rows: 2, cols: 2, data: new Int32Array([5, ...symData]).subarray(1) },
    clean: sym,
  },
  { what: 'rows that are typed arrays', input: [new Float64Array([3, 1]), new Int8Array([1, 2])], clean: sym },
  { what: 'an array-like of rows', input: { length: 2, 0: [3, 1], 1: [1, 2] }, clean: sym },
  { what: 'frozen rows', input: Object.freeze([Object.freeze([3, 1]), Object.freeze([1, 2])]), clean: sym },
  { what: 'an empty array (0×0)', input: [], clean: { rows: 0, cols: 0, data: [] } },
  { what: '[[]] (1×0)', input: [[]], clean: { rows: 1, cols: 0, data: [] } },
  { what: '0×3', input: { rows: 0, cols: 3, data: new Float64Array(0) }, clean: { rows: 0, cols: 3, data: [] } },
  // Valid extremes (subnormal, near-limit, mixed-scale entries): see 'valid extremes' below, where
  // each call's result, or its one documented error, is pinned.
];

/**
 * Where a matrix argument may also be a vector (lstsq's b, LowRank.apply's x), a flat typed
 * array or [] is a (wrong-length) vector, and [null, …] a matrix with a bad row.
 */
const vectorOrMatrix: Record<string, RegExp> = {
  'a flat Float64Array': /must have m = 2 entries|must have n = 2 entries/,
  'an empty array (0×0)': /must have m = 2 entries|must have n = 2 entries/,
};
const overrides: Record<string, Record<string, RegExp>> = {
  'lstsq (b as a matrix)': vectorOrMatrix,
  'LowRank.apply (x as a matrix)': vectorOrMatrix,
  'reconstruct (U)': { 'undefined matrix': /reconstruct needs U and Vt/ },
  'reconstruct (Vt)': { 'undefined matrix': /reconstruct needs U and Vt/ },
};

/** What each matrix-taking function does with the hostile matrix `a`. */
const calls: [string, (a: unknown, backend: BackendName) => unknown][] = [
  ['svd', (a, backend) => svd(a as MatrixLike, { backend })],
  ['svd fullMatrices', (a, backend) => svd(a as MatrixLike, { backend, fullMatrices: true })],
  ['svd computeUV: false', (a, backend) => svd(a as MatrixLike, { backend, computeUV: false })],
  ['svdvals', (a, backend) => svdvals(a as MatrixLike, { backend })],
  ['eigh', (a, backend) => eigh(a as MatrixLike, { backend })],
  ['lowRank', (a, backend) => lowRank(a as MatrixLike, 1, { backend })],
  [
    'lowRank randomized',
    (a, backend) => lowRank(a as MatrixLike, { energy: 0.9 }, { backend, method: 'randomized', seed: 5 }),
  ],
  ['randomizedSvd', (a, backend) => randomizedSvd(a as MatrixLike, 1, { backend, seed: 5 })],
  ['matrixRank', (a, backend) => matrixRank(a as MatrixLike, { backend })],
  ['pinv', (a, backend) => pinv(a as MatrixLike, { backend })],
  ['cond', (a, backend) => cond(a as MatrixLike, { backend })],
  ['norm2', (a, backend) => norm2(a as MatrixLike, { backend })],
  ['nuclearNorm', (a, backend) => nuclearNorm(a as MatrixLike, { backend })],
  ['subspaces', (a, backend) => subspaces(a as MatrixLike, { backend })],
  ['lstsq (a)', (a, backend) => lstsq(a as MatrixLike, [1, 2], { backend })],
  [
    'lstsq (b as a matrix)',
    (b, backend) =>
      lstsq(
        [
          [2, 0],
          [0, 1],
        ],
        b as MatrixLike,
        { backend },
      ),
  ],
  [
    'reconstruct (U)',
    (u, backend) =>
      reconstruct(
        {
          U: u as MatrixLike,
          S: [2, 1],
          Vt: [
            [1, 0],
            [0, 1],
          ],
        },
        undefined,
        { backend },
      ),
  ],
  [
    'reconstruct (Vt)',
    (vt, backend) =>
      reconstruct(
        {
          U: [
            [1, 0],
            [0, 1],
          ],
          S: [2, 1],
          Vt: vt as MatrixLike,
        },
        undefined,
        { backend },
      ),
  ],
  [
    'LowRank.apply (x as a matrix)',
    (x, backend) =>
      lowRank(
        [
          [2, 0],
          [0, 1],
        ],
        2,
        { backend },
      ).apply(x as never),
  ],
];

describe.each(backends)('hostile matrices on %s', (backend) => {
  describe.each(calls)('%s', (name, call) => {
    it.each(matrices.map((c) => [c.what, c] as const))('%s', (what, c) => {
      const message = overrides[name]?.[what];
      check(
        (x) => call(x, backend),
        c.input,
        message ? { message } : { message: c.message, clean: c.clean, infinity: name === 'cond' },
      );
    });
  });
});

describe('sizes beyond wasm32 memory are refused before anything is allocated', () => {
  // 30000×30000 float64 is 7.2 GB of data alone: over wasm32's 4 GiB, under 2^32 entries.
  const huge = { rows: 30000, cols: 30000, data: fake(9e8) };
  const decompositions = calls.filter(([name]) => !/lstsq \(b|reconstruct|apply/.test(name));

  it.skipIf(wasmMissing).each(decompositions)('%s with backend wasm: SizeLimitError, memory unchanged', (_, call) => {
    const memory = currentModule()!.exports.memory;
    const before = memory.buffer.byteLength;
    const got = attempt(() => call(huge, 'wasm'));
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.error).toBeInstanceOf(SizeLimitError);
      expect((got.error as Error).message).toMatch(
        /needs \d+ MiB of wasm memory but wasm32 allows at most \d+ MiB; pass backend: 'js'/,
      );
    }
    expect(memory.buffer.byteLength).toBe(before);
  });

  it.skipIf(wasmMissing)("backend 'auto' falls back to js: past the size check, to the first (missing) entry", () => {
    const memory = currentModule()!.exports.memory;
    const before = memory.buffer.byteLength;
    // 33000×33000 float32: 4.4 GB, over wasm32; js reserves it (untouched pages) and reads entry 0.
    const got = attempt(() => svdvals({ rows: 33000, cols: 33000, data: fake(33000 * 33000) }, { dtype: 'float32' }));
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expectTyped(got.error);
      // An engine that will not reserve 4.4 GB says so with the size, still a SizeLimitError.
      expect((got.error as Error).message).toMatch(
        /a\[0\]\[0\] is undefined|cannot allocate 1089000000 float32 entries/,
      );
    }
    expect(memory.buffer.byteLength).toBe(before);
  });

  it.skipIf(wasmMissing)('reconstruct refuses a product beyond wasm32 before copying a factor', () => {
    const f = { U: { rows: 1e5, cols: 1, data: fake(1e5) }, S: [1], Vt: { rows: 1, cols: 1e5, data: fake(1e5) } };
    expect(() => reconstruct(f, 1, { backend: 'wasm' })).toThrow(SizeLimitError);
    // js has no such limit: it gets as far as the first (missing) entry.
    expect(() => reconstruct(f, 1, { backend: 'js' })).toThrow(/U\[0\]\[0\] is undefined/);
  });
});

// ---- hostile vectors: S, b, x -----------------------------------------------------------------

interface VectorCase {
  what: string;
  input: unknown;
  message?: RegExp;
  clean?: unknown;
}

const vectors: VectorCase[] = [
  { what: 'NaN', input: [2, NaN], message: /\[1\] (is|=) NaN/ },
  { what: 'Infinity', input: [Infinity, 1], message: /\[0\] (is|=) Infinity/ },
  { what: 'a string entry', input: [2, '1'], message: /\[1\] is (not a number|1|string "1")/ },
  {
    what: 'null entry',
    input: [null, 1],
    message: /\[0\] (is not a number|is null|must be an array of numbers, got null)/,
  },
  { what: 'a hole', input: [2, ,], message: /\[1\] is (not a number|undefined)/ }, // eslint-disable-line no-sparse-arrays
  { what: 'null', input: null, message: /must be/ },
  { what: 'a string', input: '21', message: /must be/ },
  { what: 'an array-like object', input: { length: 2, 0: 2, 1: 1 }, message: /must be/ },
  { what: 'BigInt64Array', input: new BigInt64Array([2n, 1n]), message: /BigInt|not a number/ },
  { what: 'a DataView', input: new DataView(new Float64Array([2, 1]).buffer), message: /must be/ },
  { what: 'Int32Array', input: new Int32Array([2, 1]), clean: [2, 1] },
  { what: 'Uint8Array', input: new Uint8Array([2, 1]), clean: [2, 1] },
  { what: 'a Float64Array view with a byteOffset', input: new Float64Array([7, 2, 1]).subarray(1), clean: [2, 1] },
  { what: '-0', input: [2, -0], clean: [2, 0] },
  // subnormal and near-limit vectors: pinned in 'valid extremes' below.
];

const vectorCalls: [string, (v: unknown, backend: BackendName) => unknown][] = [
  ['chooseRank (S)', (s) => chooseRank(s as number[], { energy: 0.5 })],
  [
    'reconstruct (S)',
    (s, backend) =>
      reconstruct(
        {
          U: [
            [1, 0],
            [0, 1],
          ],
          S: s as number[],
          Vt: [
            [1, 0],
            [0, 1],
          ],
        },
        undefined,
        { backend },
      ),
  ],
  [
    'lstsq (b)',
    (b, backend) =>
      lstsq(
        [
          [2, 0],
          [0, 1],
        ],
        b as number[],
        { backend },
      ),
  ],
  [
    'LowRank.apply (x)',
    (x, backend) =>
      lowRank(
        [
          [2, 0],
          [0, 1],
        ],
        2,
        { backend },
      ).apply(x as number[]),
  ],
];

describe.each(backends)('hostile vectors on %s', (backend) => {
  describe.each(vectorCalls)('%s', (_, call) => {
    it.each(vectors.map((c) => [c.what, c] as const))('%s', (__, c) => {
      check((x) => call(x, backend), c.input, { message: c.message, clean: c.clean });
    });
  });
});

it('chooseRank rejects negative and ascending singular values', () => {
  check((s) => chooseRank(s as number[], 1), [1, -1], { message: /S\[1\] = -1; singular values are finite and ≥ 0/ });
  check((s) => chooseRank(s as number[], 1), [1, 2], { message: /descending order/ });
});

// ---- rank specs and options -------------------------------------------------------------------

const specs: [string, unknown][] = [
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['NaN', NaN],
  ['Infinity', Infinity],
  ["'1'", '1'],
  ['null', null],
  ['[1]', [1]],
  ['{}', {}],
  ['{ energy: NaN }', { energy: NaN }],
  ['{ energy: 0 }', { energy: 0 }],
  ['{ energy: 2 }', { energy: 2 }],
  ['{ relativeError: -1 }', { relativeError: -1 }],
  ['{ maxStored: 0.5 }', { maxStored: 0.5 }],
  ['two keys', { energy: 0.5, relativeError: 0.1 }],
  ['an inherited key', Object.create({ energy: 0.5 })],
  ['{ ratio: 0 }', { ratio: 0 }],
];

describe('hostile rank specs', () => {
  const a = [
    [3, 1],
    [1, 2],
  ];
  const img = { width: 2, height: 2, data: new Uint8Array([1, 2, 3, 4]) };
  it.each(specs)('%s', (_, spec) => {
    for (const call of [
      () => lowRank(a, spec as never),
      () => lowRank(a, spec as never, { method: 'randomized' }),
      () => chooseRank([2, 1], spec as never),
      () => compressImage(img, spec as never),
    ])
      check(() => call(), spec, { message: /spec|rank|energy|relativeError|maxStored|ratio|k must/ });
  });
});

const badOptions: [string, unknown, RegExp][] = [
  ['null', null, /options must be an object, got null/],
  ['a string', 'fast', /options must be an object/],
  ['an array', [], /options must be an object/],
  ['an unknown name', { fullMatrix: true }, /unknown option 'fullMatrix'/],
  ["backend 'gpu'", { backend: 'gpu' }, /option 'backend' must be one of/],
  ["dtype 'float16'", { dtype: 'float16' }, /option 'dtype' must be one of/],
  ['an inherited bad dtype', Object.create({ dtype: 'float16' }), /option 'dtype' must be one of/],
  ["a 'constructor' key", { constructor: 1 }, /unknown option 'constructor'/],
];

describe('hostile options', () => {
  const a = [
    [3, 1],
    [1, 2],
  ];
  const fns: [string, (o: unknown) => unknown][] = [
    ['svd', (o) => svd(a, o as never)],
    ['svdvals', (o) => svdvals(a, o as never)],
    ['eigh', (o) => eigh(a, o as never)],
    ['lowRank', (o) => lowRank(a, 1, o as never)],
    ['randomizedSvd', (o) => randomizedSvd(a, 1, o as never)],
    ['reconstruct', (o) => reconstruct({ U: a, S: [1, 1], Vt: a }, 2, o as never)],
    ['matrixRank', (o) => matrixRank(a, o as never)],
    ['pinv', (o) => pinv(a, o as never)],
    ['cond', (o) => cond(a, o as never)],
    ['norm2', (o) => norm2(a, o as never)],
    ['nuclearNorm', (o) => nuclearNorm(a, o as never)],
    ['lstsq', (o) => lstsq(a, [1, 2], o as never)],
    ['subspaces', (o) => subspaces(a, o as never)],
    ['compressImage', (o) => compressImage({ width: 2, height: 2, data: new Uint8Array(4) }, 1, o as never)],
    ['LowRank.toBytes', (o) => lowRank(a, 1).toBytes(o as never)],
    ['LowRank.fromBytes', (o) => LowRank.fromBytes(lowRank(a, 1).toBytes(), o as never)],
    [
      'contactSheet',
      (o) => contactSheet([{ image: { width: 1, height: 1, data: new Uint8Array(1) }, caption: [] }], o as never),
    ],
    [
      'drawText',
      (o) => drawText({ width: 1, height: 1, channels: 1, data: new Uint8ClampedArray(1) }, 'a', 0, 0, o as never),
    ],
  ];
  it.each(fns)('%s', (_, call) => {
    for (const [what, opts, message] of badOptions) {
      // Some functions have no backend/dtype option: then it is an unknown one, also an InvalidOptionError.
      const got = attempt(() => call(opts));
      expect(got.ok, what).toBe(false);
      if (!got.ok) {
        expect(got.error, what).toBeInstanceOf(InvalidOptionError);
        expect((got.error as Error).message, what).toMatch(/option/);
        if (!/unknown option/.test((got.error as Error).message))
          expect((got.error as Error).message, what).toMatch(message);
      }
    }
  });

  it.each([
    ['maxSweeps NaN', { maxSweeps: NaN }],
    ['maxSweeps 0', { maxSweeps: 0 }],
    ['maxSweeps 1e9', { maxSweeps: 1e9 }],
    ['maxSweeps 2.5', { maxSweeps: 2.5 }],
    ['k -1', { k: -1 }],
    ['computeUV "no"', { computeUV: 'no' }],
    ['backend null', { backend: null }],
  ])('svd %s', (_, opts) =>
    check((o) => svd(a, o as never), opts, { message: /option '(maxSweeps|k|computeUV|backend)'/ }),
  );

  it('compressImage refuses maxSweeps, which it never passed on (not a CompressImageOptions field)', () => {
    const img = { width: 2, height: 2, data: new Uint8Array(4) };
    expect(() => compressImage(img, 1, { maxSweeps: 5 } as never)).toThrow(/unknown option 'maxSweeps'/);
  });
});

// ---- LowRank.fromBytes ------------------------------------------------------------------------

describe('hostile bytes for LowRank.fromBytes', () => {
  const good = lowRank(
    [
      [3, 1, 0],
      [1, 2, 5],
      [0, 4, 1],
    ],
    2,
  ).toBytes();
  const flipped = (at: number) => {
    const b = good.slice();
    b[at] ^= 0x40;
    return b;
  };
  /** A self-consistent header (checksum and all) announcing an m×n×k that the bytes do not hold. */
  function hugeHeader(): Uint8Array {
    const b = good.slice(0, 64),
      v = new DataView(b.buffer);
    v.setUint32(12, 2 ** 32 - 1, true);
    v.setUint32(16, 2 ** 32 - 1, true);
    v.setUint32(20, 1, true);
    const payload = 8 + 2 * 8 * (2 ** 32 - 1);
    v.setUint32(48, payload % 2 ** 32, true);
    v.setUint32(52, Math.floor(payload / 2 ** 32), true);
    v.setUint32(60, crc32(b, 0, 60), true);
    return b;
  }
  const bad: [string, unknown, RegExp][] = [
    ['null', null, /bytes must be a Uint8Array/],
    ['undefined', undefined, /bytes must be a Uint8Array/],
    ['a string', 'SVDK', /bytes must be a Uint8Array/],
    ['a number array', Array.from(good), /bytes must be a Uint8Array/],
    ['empty', new Uint8Array(0), /truncated: 0 bytes/],
    ['63 bytes', good.slice(0, 63), /truncated: 63 bytes/],
    ['not svdkit data', new Uint8Array(200).fill(7), /not svdkit low-rank data/],
    ['one byte short', good.slice(0, -1), /truncated/],
    ['one byte extra', Uint8Array.from([...good, 0]), /1 unexpected bytes/],
    ['a flipped payload bit', flipped(100), /payload checksum mismatch/],
    ['a flipped header bit', flipped(13), /header checksum mismatch/],
    ['a consistent header announcing 4e9×4e9', hugeHeader(), /truncated: 64 bytes, but the header announces/],
  ];
  it.each(bad)('%s', (_, bytes, message) => check((b) => LowRank.fromBytes(b as Uint8Array), bytes, { message }));

  const offset = new Uint8Array(good.length + 3);
  offset.set(good, 3);
  const valid: [string, unknown][] = [
    ['a view with a byteOffset', offset.subarray(3)],
    ['a DataView with a byteOffset', new DataView(offset.buffer, 3, good.length)],
    ['an ArrayBuffer', good.slice().buffer],
    ['an Int8Array view', new Int8Array(good.slice().buffer)],
    ['a Node Buffer', Buffer.from(good)],
  ];
  it.each(valid)('%s reads the same as the original bytes', (_, bytes) => {
    check((b) => LowRank.fromBytes(b as Uint8Array), bytes, { clean: good });
  });
});

// ---- images -----------------------------------------------------------------------------------

interface ImageCase {
  what: string;
  input: unknown;
  message?: RegExp;
  clean?: unknown;
}

const gray4 = new Uint8Array([0, 64, 128, 255]);
const images: ImageCase[] = [
  { what: 'null', input: null, message: /must be an object \{ width, height, data, channels\? \}, got null/ },
  { what: 'a number', input: 3, message: /must be an object/ },
  { what: 'an empty object', input: {}, message: /width and height must be positive integers/ },
  {
    what: 'NaN width',
    input: { width: NaN, height: 2, data: gray4 },
    message: /width and height must be positive integers, got NaN×2/,
  },
  { what: 'zero height', input: { width: 2, height: 0, data: new Uint8Array(0) }, message: /positive integers/ },
  { what: 'fractional width', input: { width: 1.5, height: 2, data: gray4 }, message: /positive integers/ },
  { what: 'string width', input: { width: '2', height: 2, data: gray4 }, message: /positive integers/ },
  {
    what: 'an array of samples',
    input: { width: 2, height: 2, data: [0, 64, 128, 255] },
    message: /Uint8Array or Uint8ClampedArray.*got an array/,
  },
  {
    what: 'Float32Array samples',
    input: { width: 2, height: 2, data: new Float32Array(4) },
    message: /got a Float32Array/,
  },
  { what: 'a DataView', input: { width: 2, height: 2, data: new DataView(gray4.buffer) }, message: /got a DataView/ },
  { what: 'null data', input: { width: 2, height: 2, data: null }, message: /got null/ },
  {
    what: '5 samples a pixel',
    input: { width: 2, height: 2, data: new Uint8Array(20) },
    message: /expected 1, 2, 3 or 4 samples a pixel/,
  },
  {
    what: 'channels 5',
    input: { width: 2, height: 2, channels: 5, data: new Uint8Array(20) },
    message: /channels must be 1 \(gray\)/,
  },
  { what: "channels '1'", input: { width: 2, height: 2, channels: '1', data: gray4 }, message: /channels must be/ },
  {
    what: 'data too short for its channels',
    input: { width: 2, height: 2, channels: 3, data: gray4 },
    message: /width·height·channels = 2·2·3 = 12/,
  },
  {
    what: 'width·height overflowing',
    input: { width: 2 ** 30, height: 2 ** 30, data: gray4 },
    message: /samples a pixel/,
  },
  {
    what: 'a view with a byteOffset',
    input: { width: 2, height: 2, data: new Uint8Array([9, 9, 0, 64, 128, 255]).subarray(2) },
    clean: { width: 2, height: 2, data: gray4 },
  },
  {
    what: 'Uint8ClampedArray samples',
    input: { width: 2, height: 2, data: new Uint8ClampedArray(gray4) },
    clean: { width: 2, height: 2, data: gray4 },
  },
];

const imageCalls: [string, (img: unknown, backend: BackendName) => unknown][] = [
  [
    'compressImage',
    (img, backend) => {
      const c = compressImage(img as never, 1, { backend });
      return { c, image: c.toImage(), stats: c.stats() };
    },
  ],
  ['toGray', (img) => toGray(img as never)],
  ['fitWithin', (img) => fitWithin(img as never, 1)],
  ['contactSheet', (img) => contactSheet([{ image: img as never, caption: ['a'] }])],
];

describe.each(backends)('hostile images on %s', (backend) => {
  describe.each(imageCalls)('%s', (_, call) => {
    it.each(images.map((c) => [c.what, c] as const))('%s', (__, c) => {
      check((x) => call(x, backend), c.input, { message: c.message, clean: c.clean });
    });
  });
});

describe('hostile arguments to the image helpers', () => {
  const img = () => ({ width: 4, height: 4, channels: 1 as const, data: new Uint8ClampedArray(16).fill(255) });
  it.each(images.filter((c) => c.message).map((c) => [c.what, c] as const))(
    'drawText on an image that is %s',
    (_, c) => {
      check((x) => drawText(x as never, 'a', 0, 0), c.input, { message: c.message });
    },
  );
  it.each([
    ['text null', () => drawText(img(), null as never, 0, 0), /text must be a string, got null/],
    ['x NaN', () => drawText(img(), 'a', NaN, 0), /x and y must be integers/],
    ['y 0.5', () => drawText(img(), 'a', 0, 0.5), /x and y must be integers/],
    ['scale 0', () => drawText(img(), 'a', 0, 0, { scale: 0 }), /option 'scale' must be a positive integer/],
    ['color [300]', () => drawText(img(), 'a', 0, 0, { color: [300] }), /option 'color' must be/],
    ['color "red"', () => drawText(img(), 'a', 0, 0, { color: 'red' as never }), /option 'color' must be/],
    ['textWidth(undefined)', () => textWidth(undefined as never), /text must be a string/],
    ['textWidth scale NaN', () => textWidth('a', NaN), /scale must be a positive integer/],
    ['lineHeight -1', () => lineHeight(-1), /scale must be a positive integer, got -1/],
    ['fitWithin maxSide 0', () => fitWithin(img(), 0), /maxSide must be a positive integer/],
    ['fitWithin maxSide NaN', () => fitWithin(img(), NaN), /maxSide must be a positive integer/],
    ['contactSheet no tiles', () => contactSheet([]), /at least one tile/],
    ['contactSheet null', () => contactSheet(null as never), /at least one tile/],
    [
      'contactSheet caption null',
      () => contactSheet([{ image: img(), caption: null as never }]),
      /caption an array of strings/,
    ],
    [
      'contactSheet caption numbers',
      () => contactSheet([{ image: img(), caption: [1] as never }]),
      /caption an array of strings/,
    ],
    [
      'contactSheet columns NaN',
      () => contactSheet([{ image: img(), caption: [] }], { columns: NaN }),
      /option 'columns'/,
    ],
    ['contactSheet maxTile 0', () => contactSheet([{ image: img(), caption: [] }], { maxTile: 0 }), /option 'maxTile'/],
  ])('%s', (_, call, message) => {
    const got = attempt(call);
    expect(got.ok).toBe(false);
    if (!got.ok) expectTyped(got.error, message);
  });

  it('a huge scale or a far-off position costs nothing (the drawing is clipped, not looped over)', () => {
    // Work is counted, not timed: every clipped square and every painted pixel reads the image's
    // width, so its reads bound the work. The bound grows with the text (64 font cells a glyph)
    // and the image (16 pixels), never with the scale (2⁴⁰) or the offset (2⁵⁰).
    const text = 'W'.repeat(1000),
      budget = 2 * (64 * text.length + 16);
    let reads = 0;
    const a = {
      ...img(),
      get width() {
        if (++reads > budget) throw new Error(`drawText did more than ${budget} steps: the drawing is not clipped`);
        return 4;
      },
    };
    drawText(a, text, 0, 0, { scale: 2 ** 40 });
    drawText(a, text, -(2 ** 50), -(2 ** 50), { scale: 3 });
    expect(reads).toBeLessThanOrEqual(budget);
    expect(a.data[0]).toBe(0); // the top-left pixel of W, scaled past the image
  });
});

// ---- valid extremes: the result, or the one documented error ----------------------------------

/**
 * What a call on a valid but extreme input must give: the value (each entry within `tol` of the
 * exact answer worked out in the comment), one of several values where rounding decides (a σ that
 * falls between 0 and the smallest float32 subnormal), or the one documented error: an
 * InvalidMatrixError saying the result (or σ₁) is beyond the dtype's range.
 */
type Want = { near: number[]; tol?: number } | { oneOf: number[][] } | { throws: RegExp };

const U64 = 2 ** -53,
  SUB64 = 2 ** -1074,
  SUB32 = 2 ** -149,
  F32 = Math.fround(3e38);
const tooBig64 = /exceeds the float64 range|overflows the float64 range/,
  tooBig32 = /exceeds the float32 range|overflows the float32 range/;

/** The numbers a call's result is judged by. */
const measured: Record<string, (v: any) => number[]> = {
  // eslint-disable-line @typescript-eslint/no-explicit-any
  svd: (r) => Array.from(r.S),
  'svd fullMatrices': (r) => Array.from(r.S),
  'svd computeUV: false': (r) => Array.from(r.S),
  svdvals: (v) => Array.from(v),
  eigh: (r) => Array.from(r.values),
  lowRank: (lr) => [lr.error],
  'lowRank randomized': (lr) => [lr.error],
  randomizedSvd: (r) => Array.from(r.S),
  matrixRank: (k) => [k],
  pinv: (x) => Array.from(x.data),
  cond: (c) => [c],
  norm2: (x) => [x],
  nuclearNorm: (x) => [x],
  subspaces: (s) => [s.rank, s.column.cols, s.null.cols],
  'lstsq (a)': (x) => Array.from(x),
  'lstsq (b as a matrix)': (x) => Array.from(x.data),
  'reconstruct (U)': (x) => Array.from(x.data),
  'reconstruct (Vt)': (x) => Array.from(x.data),
  'LowRank.apply (x as a matrix)': (x) => Array.from(x.data),
};

/** σ-based calls: the same want for svd, svd fullMatrices, svd computeUV: false and svdvals. */
function svdFamily(w: Want): Record<string, Want> {
  return { svd: w, 'svd fullMatrices': w, 'svd computeUV: false': w, svdvals: w };
}

const extremes: { what: string; input: MatrixLike; want: Record<string, Want> }[] = [
  {
    // diag(2⁻¹⁰⁷⁴, 2⁻¹⁰⁶⁰): σ = 2⁻¹⁰⁶⁰, 2⁻¹⁰⁷⁴ exactly; its inverse is beyond float64.
    what: 'subnormal entries',
    input: [
      [5e-324, 0],
      [0, 2 ** -1060],
    ],
    want: {
      // within one subnormal step (the normwise bound 100·u·σ₁ is far below it)
      ...svdFamily({ near: [2 ** -1060, SUB64], tol: SUB64 }),
      eigh: { near: [2 ** -1060, SUB64], tol: SUB64 },
      lowRank: { near: [SUB64], tol: SUB64 },
      'lowRank randomized': { near: [SUB64], tol: SUB64 },
      randomizedSvd: { near: [2 ** -1060], tol: SUB64 },
      matrixRank: { near: [2] },
      pinv: { throws: /pinv: the result overflows the float64 range/ },
      cond: { near: [2 ** 14] },
      norm2: { near: [2 ** -1060] },
      nuclearNorm: { near: [2 ** -1060 + SUB64], tol: SUB64 },
      subspaces: { near: [2, 2, 0] },
      'lstsq (a)': { throws: /lstsq: the result overflows the float64 range/ },
      // b / diag(2, 1): 2⁻¹⁰⁷⁵ rounds to 0 or 2⁻¹⁰⁷⁴
      'lstsq (b as a matrix)': { near: [0, 0, 0, 2 ** -1060], tol: SUB64 },
      'reconstruct (U)': { near: [2 * SUB64, 0, 0, 2 ** -1060], tol: 0 },
      'reconstruct (Vt)': { near: [2 * SUB64, 0, 0, 2 ** -1060], tol: 0 },
      'LowRank.apply (x as a matrix)': { near: [2 * SUB64, 0, 0, 2 ** -1060], tol: 0 },
    },
  },
  {
    // 1e308·[[1, −1], [−1, 1]]: σ₁ = 2e308 (and λ₁) is beyond float64, so is every product by 2.
    what: 'entries near the float64 limit',
    input: [
      [1e308, -1e308],
      [-1e308, 1e308],
    ],
    want: {
      ...Object.fromEntries(Object.keys(measured).map((k) => [k, { throws: tooBig64 }])),
      'lstsq (b as a matrix)': { near: [5e307, -5e307, -1e308, 1e308] },
    },
  },
  {
    // σ₁ = 1e300 (to 1e-600 relative), σ₂ = |det|/σ₁ ≈ 1e-300: below the rank cutoff 2·ε·σ₁, and
    // below every normwise bound (50·max(m,n)·u·σ₁), so σ₂ may come out as 0.
    what: 'entries from 1e-300 to 1e300',
    input: [
      [1e300, 1e-300],
      [1e-300, 1e-300],
    ],
    want: {
      ...svdFamily({ near: [1e300, 0], tol: 100 * U64 * 1e300 }),
      eigh: { near: [1e300, 0], tol: 100 * U64 * 1e300 },
      lowRank: { near: [0], tol: 100 * U64 * 1e300 },
      // randomized error √(‖A‖² − σ₁²): absolute accuracy about u·‖A‖² (LowRank.error), so √u·‖A‖ here
      'lowRank randomized': { near: [0], tol: 2 * Math.sqrt(U64) * 1e300 },
      randomizedSvd: { near: [1e300], tol: 100 * U64 * 1e300 },
      matrixRank: { near: [1] },
      pinv: { near: [1e-300, 0, 0, 0], tol: 100 * U64 * 1e-300 },
      cond: { near: [Infinity] }, // σ₁/σ₂ = 1e600: Infinity, documented
      norm2: { near: [1e300], tol: 100 * U64 * 1e300 },
      nuclearNorm: { near: [1e300], tol: 100 * U64 * 1e300 },
      subspaces: { near: [1, 1, 1] },
      'lstsq (a)': { near: [1e-300, 0], tol: 100 * U64 * 1e-300 },
      'lstsq (b as a matrix)': { near: [5e299, 5e-301, 1e-300, 1e-300], tol: 100 * U64 * 1e300 },
      'reconstruct (U)': { near: [2e300, 1e-300, 2e-300, 1e-300], tol: 100 * U64 * 1e300 },
      'reconstruct (Vt)': { near: [2e300, 2e-300, 1e-300, 1e-300], tol: 100 * U64 * 1e300 },
      'LowRank.apply (x as a matrix)': { near: [2e300, 2e-300, 1e-300, 1e-300], tol: 100 * U64 * 1e300 },
    },
  },
  {
    // 3e38·𝟙𝟙ᵀ in float32: σ₁ = 6e38 is beyond float32. Products with a float64 factor are float64.
    what: 'float32 entries near its limit',
    input: { rows: 2, cols: 2, data: new Float32Array([3e38, 3e38, 3e38, 3e38]) },
    want: {
      ...Object.fromEntries(Object.keys(measured).map((k) => [k, { throws: tooBig32 }])),
      'lstsq (b as a matrix)': { near: [F32 / 2, F32 / 2, F32, F32] },
      'reconstruct (Vt)': { near: [2 * F32, 2 * F32, F32, F32] },
      'LowRank.apply (x as a matrix)': { near: [2 * F32, 2 * F32, F32, F32] },
    },
  },
  {
    // 2⁻¹⁴⁹·[[1, 1], [1, 2]] in float32: σ = 2⁻¹⁴⁹·(2.618, 0.382), which float32 rounds to
    // 3·2⁻¹⁴⁹ and 0 (or 2⁻¹⁴⁹): each within one subnormal step. Rank, cond and the null space
    // follow σ₂'s rounding; 1/σ is beyond float32.
    what: 'float32 subnormals',
    input: { rows: 2, cols: 2, data: new Float32Array([1e-45, 1e-45, 1e-45, 3e-45]) },
    want: {
      ...svdFamily({ near: [2.618034 * SUB32, 0.381966 * SUB32], tol: SUB32 }),
      eigh: { near: [2.618034 * SUB32, 0.381966 * SUB32], tol: SUB32 },
      lowRank: { near: [0.381966 * SUB32], tol: SUB32 },
      'lowRank randomized': { near: [0.381966 * SUB32], tol: SUB32 },
      randomizedSvd: { near: [2.618034 * SUB32], tol: SUB32 },
      matrixRank: { oneOf: [[1], [2]] },
      pinv: { throws: /pinv: the result overflows the float32 range/ },
      cond: { oneOf: [[Infinity], [3]] },
      norm2: { near: [2.618034 * SUB32], tol: SUB32 },
      nuclearNorm: { near: [3 * SUB32], tol: SUB32 },
      subspaces: {
        oneOf: [
          [1, 1, 1],
          [2, 2, 0],
        ],
      },
      'lstsq (a)': { throws: /lstsq: the result overflows the float32 range/ },
      'lstsq (b as a matrix)': { near: [SUB32 / 2, SUB32 / 2, SUB32, 2 * SUB32], tol: 0 },
      'reconstruct (U)': { near: [2 * SUB32, SUB32, 2 * SUB32, 2 * SUB32], tol: 0 },
      'reconstruct (Vt)': { near: [2 * SUB32, 2 * SUB32, SUB32, 2 * SUB32], tol: 0 },
      'LowRank.apply (x as a matrix)': { near: [2 * SUB32, 2 * SUB32, SUB32, 2 * SUB32], tol: 0 },
    },
  },
];

function expectWant(name: string, got: Outcome, want: Want): void {
  if ('throws' in want) {
    expect(got.ok, `${name} returned instead of throwing`).toBe(false);
    if (!got.ok) {
      expect(got.error, (got.error as Error).message).toBeInstanceOf(InvalidMatrixError);
      expect((got.error as Error).message).toMatch(want.throws);
    }
    return;
  }
  expect(got.ok, got.ok ? '' : `${name} threw ${(got.error as Error).message}`).toBe(true);
  if (!got.ok) return;
  const v = measured[name](got.value);
  if ('oneOf' in want) {
    expect(want.oneOf).toContainEqual(v);
    return;
  }
  expect(v).toHaveLength(want.near.length);
  v.forEach((x, i) => {
    const w = want.near[i];
    if (!Number.isFinite(w)) expect(x).toBe(w);
    else
      expect(Math.abs(x - w), `${name}[${i}] = ${x}, want ${w}`).toBeLessThanOrEqual(want.tol ?? 4 * U64 * Math.abs(w));
  });
}

describe.each(backends)('valid extremes on %s: the result, or the one documented error', (backend) => {
  describe.each(extremes.map((c) => [c.what, c] as const))('%s', (_, c) => {
    it.each(calls.map(([name, call]) => [name, call] as const))('%s', (name, call) => {
      const before = snapshot(c.input);
      const got = attempt(() => call(c.input, backend));
      expect(snapshot(c.input), 'the input was modified').toBe(before);
      expectWant(name, got, c.want[name]);
    });
  });

  it.each([
    // [call, input, want]: S = x, b or x a subnormal or near-limit vector; A = diag(2, 1) or I.
    ['chooseRank (S), subnormals', 0, [5e-324, 5e-324], { near: [1] }],
    ['chooseRank (S), near the limit', 0, [1e308, 1e308], { near: [1] }],
    ['reconstruct (S), subnormals', 1, [5e-324, 5e-324], { near: [SUB64, 0, 0, SUB64], tol: 0 }],
    ['reconstruct (S), near the limit', 1, [1e308, 1e308], { near: [1e308, 0, 0, 1e308] }],
    ['lstsq (b), subnormals', 2, [5e-324, 5e-324], { near: [0, SUB64], tol: SUB64 }], // 2⁻¹⁰⁷⁵ rounds to 0 or 2⁻¹⁰⁷⁴
    ['lstsq (b), near the limit', 2, [1e308, 1e308], { near: [5e307, 1e308] }],
    ['LowRank.apply (x), subnormals', 3, [5e-324, 5e-324], { near: [2 * SUB64, SUB64], tol: 0 }],
    [
      'LowRank.apply (x), near the limit',
      3,
      [1e308, 1e308],
      { throws: /LowRank\.apply: the result overflows the float64 range/ },
    ],
  ] as [string, number, number[], Want][])('%s', (label, which, input, want) => {
    const got = attempt(() => vectorCalls[which][1](input, backend));
    if ('throws' in want) return expectWant(label, got, want);
    expect(got.ok, got.ok ? '' : (got.error as Error).message).toBe(true);
    const raw = got.ok ? got.value : null;
    const v =
      typeof raw === 'number'
        ? [raw]
        : ArrayBuffer.isView(raw)
          ? Array.from(raw as Float64Array)
          : Array.from((raw as { data: Float64Array }).data);
    expect(v).toHaveLength((want as { near: number[] }).near.length);
    v.forEach((x, i) => {
      const w = (want as { near: number[]; tol?: number }).near[i];
      expect(Math.abs(x - w), `${label}[${i}] = ${x}`).toBeLessThanOrEqual(
        (want as { tol?: number }).tol ?? 4 * U64 * Math.abs(w),
      );
    });
  });
});

// ---- specific values on the valid extremes ----------------------------------------------------

describe.each(backends)('extreme but valid values on %s', (backend) => {
  it('subnormal, near-limit and -0 inputs give the exact singular values', () => {
    expect(
      Array.from(
        svdvals(
          [
            [5e-324, 0],
            [0, 2 ** -1060],
          ],
          { backend },
        ),
      ),
    ).toEqual([2 ** -1060, 5e-324]);
    expect(
      Array.from(
        svdvals(
          [
            [1e308, 0],
            [0, -1e308],
          ],
          { backend },
        ),
      ),
    ).toEqual([1e308, 1e308]);
    expect(
      Array.from(
        svdvals(
          [
            [-0, -0],
            [-0, -0],
          ],
          { backend },
        ),
      ),
    ).toEqual([0, 0]);
    const s = svdvals(
      [
        [1e300, 1e300],
        [1e300, 1e300],
        [0, 1e300],
      ],
      { backend },
    );
    expect(s[0] / 1e300).toBeCloseTo(Math.sqrt((5 + Math.sqrt(17)) / 2), 12);
  });

  it('a result beyond the float64 range is an error that says so, never Infinity', () => {
    expect(() =>
      svdvals(
        [
          [1.7e308, 1.7e308],
          [1.7e308, 1.7e308],
        ],
        { backend },
      ),
    ).toThrow(/largest singular value exceeds the float64 range/);
    expect(() =>
      eigh(
        [
          [1.7e308, 1.7e308],
          [1.7e308, 1.7e308],
        ],
        { backend },
      ),
    ).toThrow(/largest eigenvalue exceeds the float64 range/);
    expect(() =>
      nuclearNorm(
        [
          [1.7e308, 0],
          [0, 1.7e308],
        ],
        { backend },
      ),
    ).toThrow(/nuclearNorm: the sum of the singular values exceeds/);
    expect(() => pinv([[5e-324]], { backend })).toThrow(/pinv: the result overflows the float64 range/);
    expect(() => lstsq([[1e-300]], [1e300], { backend })).toThrow(/lstsq: the result overflows/);
    expect(() => reconstruct({ U: [[1e200]], S: [1e200], Vt: [[1e200]] }, 1, { backend })).toThrow(
      /reconstruct: the result overflows/,
    );
    expect(() => pinv({ rows: 1, cols: 1, data: new Float32Array([1e-40]) }, { backend })).toThrow(
      /float32 range.*dtype 'float64'/,
    );
  });
  // eigh near the float limit and randomizedSvd at 1e±300 / on subnormals: test/regressions/.
});

// ---- init and the methods of results ----------------------------------------------------------

describe('hostile arguments to init and to the methods of results', () => {
  it.each([
    ['null options', null, /options must be an object, got null/],
    ['a string', 'simd', /options must be an object/],
    ['simd "yes"', { simd: 'yes' }, /option 'simd' must be true or false/],
    ['an unknown option', { simdd: true }, /unknown option 'simdd'/],
  ])('init(%s) rejects with an InvalidOptionError', async (_, opts, message) => {
    const p = init(opts as never);
    await expect(p).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(p).rejects.toThrow(message);
  });

  it('CompressedImage.stats and toImage check k', () => {
    const c = compressImage({ width: 3, height: 3, data: new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9]) }, 2);
    for (const k of [0, -1, 1.5, NaN, 4, '1', null]) {
      check((x) => c.stats(x as number), k, { message: /stats: k must be an integer from 1 to 3/ });
    }
    // The exact method keeps every triplet: toImage takes k up to min(width, height) = 3.
    for (const k of [0, 4, NaN, '2'])
      check((x) => c.toImage(x as number), k, { message: /toImage: k must be an integer from 1 to 3/ });
    const { psnr, ...rest } = c.stats(3);
    expect(psnr).toBe(Infinity); // documented: the rank-3 approximation of a 3×3 image is exact
    expectFinite(rest);
  });

  it('LowRank.toBytes checks its precision; reconstruct and factors take nothing that could be hostile', () => {
    const lr = lowRank(
      [
        [3, 1],
        [1, 2],
      ],
      1,
    );
    for (const precision of ['float8', null, 16]) {
      check(
        (o) => lr.toBytes(o as never),
        { precision },
        { message: /option 'precision' must be one of 'float64', 'float32', 'float16', 'int8'/ },
      );
    }
    expectFinite(lr.reconstruct());
    expectFinite(lr.factors());
  });
});
