/** Bench inputs: uniform [0, 1) from a fixed seed (mulberry32), row-major float64. */
export function uniformData(rows: number, cols: number, seed = 20261125): Float64Array {
  let s = seed >>> 0;
  const out = new Float64Array(rows * cols);
  for (let k = 0; k < out.length; k++) {
    let t = (s = (s + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[k] = ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  return out;
}
