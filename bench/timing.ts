/** tinybench wrapper: the median latency of one function, with a run count fitted to its size. */
import { Bench } from 'tinybench';

/**
 * Median milliseconds of `fn` over at least `iterations` runs and `time` ms, after `warmup`
 * warm-up runs.
 */
export async function medianMs(
  name: string,
  fn: () => unknown,
  iterations: number,
  { warmup = 1, time = 0 } = {},
): Promise<number> {
  const bench = new Bench({ iterations, time, warmupIterations: warmup, warmupTime: 0, throws: true });
  bench.add(name, fn);
  await bench.run();
  const r = bench.tasks[0].result;
  if (!r || !('latency' in r)) throw new Error(`bench task ${name} produced no result`);
  return r.latency.p50;
}

/** Runs to take for an m×n problem: more for small ones, where timer noise matters. */
export function runsFor(m: number, n: number): number {
  const size = m * n;
  return size <= 128 * 128 ? 30 : size <= 400 * 400 ? 7 : 3;
}
