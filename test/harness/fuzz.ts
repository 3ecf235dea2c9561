/**
 * The random problems of the property tests (fast-check, seeded): shapes, singular-value
 * profiles, scalings from 1e-300 to 1e300 (1e±30 in float32), both dtypes and backends.
 * Shapes: each size uniform (unbiased) over minDim…MAX_DIM, with 1×n, n×1 and sizes below 3
 * given a small share, so that most cases have both sizes ≥ 3. `npm test` runs RUNS cases per
 * property on shapes up to 64×64 (a few seconds); FUZZ=1 runs 2000 per property up to 300×300.
 */
import fc from 'fast-check';
import type { BackendName, Dtype } from '../../src/index.js';
import { scaled, withSingularValues, type M64 } from './matrices.js';

export const FUZZ = process.env.FUZZ === '1';
export const RUNS = FUZZ ? 2000 : 100;
export const MAX_DIM = FUZZ ? 300 : 64;

/** One size: uniform over minDim…MAX_DIM (weight 11), or one of the small sizes minDim…2 (weight 1). */
function size(minDim: number): fc.Arbitrary<number> {
  const any = fc.integer({ min: minDim, max: MAX_DIM });
  return minDim > 2
    ? any
    : fc.oneof({ arbitrary: any, weight: 11 }, { arbitrary: fc.integer({ min: minDim, max: 2 }), weight: 1 });
}

export type Profile = 'graded' | 'clustered' | 'repeated' | 'zeros' | 'random';

/** σ of length p for a named profile; `u` ∈ [0,1)^p supplies the randomness. */
export function sigmaFor(profile: Profile, u: number[]): number[] {
  const p = u.length;
  switch (profile) {
    case 'graded':
      return u.map((_, i) => (p > 1 ? 1e-15 ** (i / (p - 1)) : 1));
    case 'clustered':
      return u.map((x) => 1 + 1e-10 * x);
    case 'repeated':
      return u.map((x) => (x < 0.5 ? 1 : 3));
    case 'zeros':
      return u.map((x, i) => (i % 3 === 0 ? 0 : x + 0.1));
    default:
      return u.map((x) => x * x);
  }
}

/** One random problem: an m×n float64 matrix `a` (m, n ≥ minDim) with its dtype and backend. */
export interface Problem {
  m: number;
  n: number;
  p: number;
  a: M64;
  dtype: Dtype;
  backend: BackendName;
  seed: number;
  profile: Profile;
}

export function problems(minDim: number): fc.Arbitrary<Problem> {
  // noBias: fast-check otherwise favours the smallest values (and the first alternatives).
  return fc
    .noBias(
      fc.record({
        m: size(minDim),
        n: size(minDim),
        // 1×n and n×1 (the vector shapes): one case in sixteen each.
        thin: fc.oneof(
          { arbitrary: fc.constant<'row' | 'col' | 'none'>('none'), weight: 14 },
          { arbitrary: fc.constant<'row' | 'col' | 'none'>('row'), weight: 1 },
          { arbitrary: fc.constant<'row' | 'col' | 'none'>('col'), weight: 1 },
        ),
        profile: fc.constantFrom<Profile>('graded', 'clustered', 'repeated', 'zeros', 'random'),
        log10scale: fc.integer({ min: -300, max: 300 }),
        seed: fc.integer({ min: 1, max: 2 ** 30 }),
        dtype: fc.constantFrom<Dtype>('float64', 'float32'),
        backend: fc.constantFrom<BackendName>('wasm', 'js'),
      }),
    )
    .map((r) => {
      const m = r.thin === 'row' ? 1 : r.m,
        n = r.thin === 'col' ? 1 : r.n;
      const p = Math.min(m, n);
      const u = Array.from({ length: p }, (_, i) => ((r.seed * (i + 1) * 2654435761) % 1000) / 1000);
      // float32 spans about 1e±38; keep its scaling inside that range.
      const log10 = r.dtype === 'float32' ? Math.round(r.log10scale / 10) : r.log10scale;
      const a = scaled(withSingularValues(m, n, sigmaFor(r.profile, u), r.seed), 10 ** log10);
      return { m, n, p, a, dtype: r.dtype, backend: r.backend, seed: r.seed, profile: r.profile };
    });
}
