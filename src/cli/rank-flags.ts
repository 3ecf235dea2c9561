/** The rank flags shared by `compress` and `spectrum`: --ranks, --energy, --ratio. @module */
import type { FlagSpec } from './args.js';
import { usageError } from './errors.js';

/** The rank flags' specs, spread into each command's flags. */
export const RANK_FLAGS: FlagSpec = {
  ranks: { value: true, example: '100,50,30,10' },
  energy: { value: true, example: '0.99' },
  ratio: { value: true, example: '0.1' },
};

/** What the rank flags ask for. */
export type RankRequest =
  | { kind: 'ranks'; ranks: number[] }
  | { kind: 'energy'; energy: number }
  | { kind: 'ratio'; ratio: number };

/** The ranks shown when none are asked for (those up to min(width, height)). */
const DEFAULT_RANKS = [100, 50, 30, 10];

const NUMBER = /^(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads --ranks, --energy and --ratio (at most one of them); undefined when none is given.
 * @throws {CliError} (usage) two of them at once, or a malformed value.
 */
export function readRankFlags(flags: Record<string, string | true>): RankRequest | undefined {
  const given = ['ranks', 'energy', 'ratio'].filter((f) => flags[f] !== undefined);
  if (given.length > 1)
    throw usageError(
      `give only one of --ranks, --energy and --ratio (got ${given.map((f) => `--${f}`).join(' and ')})`,
    );
  if (flags.ranks !== undefined) {
    const text = String(flags.ranks);
    const parts = text.split(',').map((s) => s.trim());
    const ranks: number[] = [];
    for (const part of parts) {
      if (!/^[+-]?\d+$/.test(part)) {
        throw usageError(`--ranks takes whole numbers separated by commas, e.g. --ranks 100,50,30,10; got '${text}'`);
      }
      const k = Number(part);
      if (k <= 0) throw usageError(`rank ${k} is not allowed: ranks start at 1 (--ranks ${text})`);
      if (!ranks.includes(k)) ranks.push(k);
    }
    return { kind: 'ranks', ranks };
  }
  if (flags.energy !== undefined) {
    const text = String(flags.energy),
      e = NUMBER.test(text) ? Number(text) : NaN;
    if (!(e > 0 && e <= 1)) throw usageError(`--energy takes a fraction in (0, 1], e.g. --energy 0.99; got '${text}'`);
    return { kind: 'energy', energy: e };
  }
  if (flags.ratio !== undefined) {
    const text = String(flags.ratio),
      r = NUMBER.test(text) ? Number(text) : NaN;
    if (!(r > 0) || !Number.isFinite(r))
      throw usageError(`--ratio takes a positive fraction, e.g. --ratio 0.1; got '${text}'`);
    return { kind: 'ratio', ratio: r };
  }
  return undefined;
}

/**
 * The explicit ranks checked against the image (each at most min(width, height)), or the
 * defaults that fit.
 * @throws {CliError} (usage) a rank larger than min(width, height).
 */
export function ranksFor(
  req: RankRequest | undefined,
  width: number,
  height: number,
  what: string,
): number[] | undefined {
  const p = Math.min(width, height);
  if (req === undefined) {
    const fit = DEFAULT_RANKS.filter((k) => k <= p);
    return fit.length > 0 ? fit : [...new Set([Math.ceil(p / 2), Math.ceil(p / 4)])];
  }
  if (req.kind !== 'ranks') return undefined;
  const bad = req.ranks.find((k) => k > p);
  if (bad !== undefined) {
    throw usageError(
      `rank ${bad} is larger than min(width, height) = ${p} of ${what} (${width}×${height}); choose ranks from 1 to ` +
        `${p}`,
    );
  }
  return req.ranks;
}
