/**
 * IEEE 754 binary16 ("half") conversion: encode rounds a double to the nearest half, ties to
 * even, directly from the double (no intermediate float32, so no double rounding); overflow
 * (|x| ≥ 65520) gives ±Infinity, tiny values become subnormals or ±0. decode is exact.
 * Relative error of encode on normal halves (|x| ≥ 2⁻¹⁴): ≤ 2⁻¹¹; absolute below: ≤ 2⁻²⁵.
 * @module
 */

function roundHalfEven(y: number): number {
  const f = Math.floor(y),
    d = y - f;
  if (d > 0.5) return f + 1;
  if (d < 0.5) return f;
  return f % 2 === 0 ? f : f + 1;
}

/** The binary16 bit pattern nearest to x (ties to even). */
export function toFloat16Bits(x: number): number {
  const sign = x < 0 || Object.is(x, -0) ? 0x8000 : 0;
  const a = Math.abs(x);
  if (Number.isNaN(x)) return 0x7e00;
  if (a >= 65520) return sign | 0x7c00;
  if (a < 2 ** -14) return sign | roundHalfEven(a * 2 ** 24); // subnormal (1024 → smallest normal)
  let e = Math.floor(Math.log2(a));
  if (2 ** e > a) e--;
  else if (2 ** (e + 1) <= a) e++;
  let m = roundHalfEven((a / 2 ** e - 1) * 1024);
  if (m === 1024) {
    m = 0;
    e++;
  }
  return sign | ((e + 15) << 10) | m;
}

/** The value of a binary16 bit pattern. */
export function fromFloat16Bits(h: number): number {
  const sign = h & 0x8000 ? -1 : 1,
    e = (h >> 10) & 0x1f,
    m = h & 0x3ff;
  if (e === 0) return sign * m * 2 ** -24;
  if (e === 31) return m === 0 ? sign * Infinity : NaN;
  return sign * (1 + m / 1024) * 2 ** (e - 15);
}
