/**
 * What a rejected value is, for error messages: said without calling into the value (an
 * object's toString or getters could be anything) and without JSON.stringify's "null" for NaN.
 * @module
 */

/**
 * A rejected argument or option value: `null`, `number NaN`, `string "ab"`, `an array of length 3`,
 * `a DataView`, `object`…
 */
export function describe(x: unknown): string {
  if (x === null) return 'null';
  if (Array.isArray(x)) return `an array of length ${x.length}`;
  if (ArrayBuffer.isView(x)) return `a ${x.constructor.name}`;
  if (typeof x === 'number') return `number ${String(x)}`;
  return typeof x === 'string' ? `string ${JSON.stringify(x)}` : typeof x;
}

/**
 * A rejected matrix or vector entry: a non-finite number by its value, a finite one (only
 * rejected when it overflows float32) with the fix, a BigInt with the fix, anything else as {@link describe}.
 */
export function describeEntry(x: unknown): string {
  if (typeof x === 'number')
    return Number.isFinite(x) ? `${x}, beyond the float32 range (use dtype 'float64')` : String(x);
  if (typeof x === 'bigint') return `bigint ${x}n (convert BigInt arrays to Float64Array)`;
  return describe(x);
}
