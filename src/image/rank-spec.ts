/**
 * Turning an {@link ImageRankSpec} into one rank for all channels. The spec is checked before
 * any decomposition (so a bad one costs nothing); the rank itself comes from the low-rank
 * toolkit's `chooseRank` on the joint spectrum of the compressed channels.
 * @module
 */
import { describe } from '../describe.js';
import { InvalidOptionError } from '../errors.js';
import { chooseRank } from '../lowrank/rank.js';
import { compressionRatio, storedValues, type StatsShape } from './stats.js';
import type { ImageRankSpec } from './types.js';

const SPEC_FORMS = 'a rank k (integer), { energy }, { relativeError }, { maxStored } or { ratio }';
const KEYS = ['energy', 'relativeError', 'maxStored', 'ratio'];

/**
 * Checks the spec against the image shape before any work: a rank must be an integer from 1 to
 * min(m, n), an energy in (0, 1], a relativeError in [0, 1], maxStored and a ratio at least
 * what rank 1 stores.
 * @throws {@link svdkit!InvalidOptionError | InvalidOptionError} saying what to change.
 */
export function checkSpec(fn: string, spec: ImageRankSpec, shape: StatsShape): void {
  const p = Math.min(shape.m, shape.n);
  if (typeof spec === 'number') {
    if (!Number.isSafeInteger(spec))
      throw new InvalidOptionError(`${fn}: the rank must be an integer, got ${describe(spec)}`);
    if (spec < 1) throw new InvalidOptionError(`${fn}: the rank must be at least 1, got ${spec}`);
    if (spec > p) {
      throw new InvalidOptionError(
        `${fn}: rank ${spec} is larger than min(width, height) = ${p}; choose a rank from 1 to ${p}`,
      );
    }
    return;
  }
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    throw new InvalidOptionError(`${fn}: spec must be ${SPEC_FORMS}, got ${describe(spec)}`);
  }
  const keys = Object.keys(spec);
  if (keys.length !== 1 || !KEYS.includes(keys[0])) {
    throw new InvalidOptionError(
      `${fn}: spec must be ${SPEC_FORMS}, got an object with keys ${keys.join(', ') || '(none)'}`,
    );
  }
  if ('energy' in spec) {
    const e = spec.energy;
    if (typeof e !== 'number' || !(e > 0 && e <= 1)) {
      throw new InvalidOptionError(`${fn}: energy must be a number in (0, 1], e.g. 0.99, got ${describe(e)}`);
    }
    return;
  }
  if ('relativeError' in spec) {
    const e = spec.relativeError;
    if (typeof e !== 'number' || !(e >= 0 && e <= 1)) {
      throw new InvalidOptionError(`${fn}: relativeError must be a number in [0, 1], e.g. 0.05, got ${describe(e)}`);
    }
    return;
  }
  if ('maxStored' in spec) {
    const n = spec.maxStored;
    if (!Number.isSafeInteger(n) || (n as number) < 1)
      throw new InvalidOptionError(`${fn}: maxStored must be a positive integer, got ${describe(n)}`);
    if (n < storedValues(shape, 1)) {
      throw new InvalidOptionError(
        `${fn}: maxStored ${n} is too small: even rank 1 stores ${storedValues(shape, 1)} values`,
      );
    }
    return;
  }
  const r = spec.ratio;
  if (typeof r !== 'number' || !(r > 0) || !Number.isFinite(r)) {
    throw new InvalidOptionError(`${fn}: ratio must be a positive number, e.g. 0.1, got ${describe(r)}`);
  }
  const least = compressionRatio(shape, 1);
  if (r < least) {
    throw new InvalidOptionError(
      `${fn}: ratio ${r} is too small: even rank 1 stores ${storedValues(shape, 1)} values, a ratio of ` +
        `${least.toPrecision(3)}; ask for a ratio of at least ${least.toPrecision(3)}`,
    );
  }
}

/** Slack for ratio · total, so that a ratio written as a decimal still admits its exact rank. */
const RATIO_SLACK = 1e-9;

/**
 * The rank a checked spec fixes from the shape alone (a rank k, a ratio, maxStored), or null
 * when it depends on the spectrum (energy, relativeError).
 */
export function fixedRank(spec: ImageRankSpec, shape: StatsShape): number | null {
  if (typeof spec === 'number') return spec;
  if ('ratio' in spec || 'maxStored' in spec)
    return resolveRank(spec, new Float64Array(Math.min(shape.m, shape.n)), shape);
  return null;
}

/**
 * The rank a checked spec chooses, given the joint spectrum of the compressed channels
 * (`jointSpectrum`): one k for every channel.
 */
export function resolveRank(spec: ImageRankSpec, joint: Float64Array, shape: StatsShape): number {
  if (typeof spec === 'number') return spec;
  if ('energy' in spec) return chooseRank(joint, { energy: spec.energy });
  if ('relativeError' in spec) return chooseRank(joint, { relativeError: spec.relativeError });
  // Largest k with storedValues(k) ≤ ratio · m·n·channels (or ≤ maxStored). The values of
  // channels kept exact are a fixed cost; the rest is shared by the compressed channels, k(m + n + 1) each.
  const { m, n, channels, compressed } = shape;
  const budget =
    ('maxStored' in spec ? spec.maxStored : spec.ratio * m * n * channels * (1 + RATIO_SLACK)) -
    (channels - compressed) * m * n;
  const perChannel = Math.floor(budget / compressed);
  return chooseRank(joint, { maxStored: perChannel }, { rows: m, cols: n });
}
