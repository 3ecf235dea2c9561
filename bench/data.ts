/** Bench inputs: uniform [0, 1) from a fixed seed, row-major float64. */
import { createRng } from '../src/random.js';

export function uniformData(rows: number, cols: number, seed = 20261125): Float64Array {
  const rng = createRng(seed);
  const out = new Float64Array(rows * cols);
  for (let k = 0; k < out.length; k++) out[k] = rng.uniform();
  return out;
}
