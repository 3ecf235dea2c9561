// Every runnable example in examples/, run as a person runs it (`node examples/x.mjs`, or tsx for
// .ts ones) in a child process against the build that `npm test` makes first (its `pretest` runs
// `npm run build`): each must exit 0 and print its key line, so that none of them rots.
// Timings that examples print are never asserted.
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from './harness/built.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = join(ROOT, 'dist', 'index.js');

beforeAll(() =>
  requireBuild(DIST, join(ROOT, 'src'), "the examples import the built package ('svdkit' resolves to dist/)"),
);

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'svdkit-examples-test-'));
});
afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs examples/<file> from the repository root: node for .mjs, node with tsx's loader for .ts. */
function runExample(file: string, args: string[] = [], timeoutMs = 120_000): Promise<Run> {
  const script = join('examples', file);
  const argv = file.endsWith('.ts') ? ['--import', 'tsx', script, ...args] : [script, ...args];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      argv,
      { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 16 << 20 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
        resolve({ code, stdout, stderr: stderr + (err && code === null ? `\n(${err.message})` : '') });
      },
    );
  });
}

/** Asserts exit 0 (showing stderr otherwise) and returns stdout. */
function ok(r: Run, file: string): string {
  expect(r.code, `${file} exited with ${r.code}; stderr:\n${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The first capture group of `re` in `text`, as a number. */
function numberAfter(text: string, re: RegExp): number {
  const m = re.exec(text);
  expect(m, `no line matching ${re} in:\n${text}`).not.toBeNull();
  return Number(m![1]);
}

describe('examples/', () => {
  it('quickstart.mjs: decomposes a 4×3 matrix and reproduces it', async () => {
    const out = ok(await runExample('quickstart.mjs'), 'quickstart.mjs');
    expect(numberAfter(out, /max \|A − U·diag\(S\)·Vt\| = (\S+)/)).toBeLessThan(1e-12);
  });

  it('walkthrough.mjs: prints U, Σ, Vᵀ and U·Σ·Vᵀ next to A', async () => {
    const out = ok(await runExample('walkthrough.mjs'), 'walkthrough.mjs');
    expect(out).toMatch(/^Σ = diag\(σ\) \(5×5\)$/m);
    expect(out).toMatch(/^Vᵀ .*\(5×5\)$/m);
    expect(numberAfter(out, /largest \|A − U·Σ·Vᵀ\| = (\S+)/)).toBeLessThan(1e-12);
  });

  it('derivation.mjs: eigh of AᵀA and AAᵀ, the four subspaces, and the squared condition number', async () => {
    const out = ok(await runExample('derivation.mjs'), 'derivation.mjs');
    expect(out).toMatch(/\|vᵢ\(eigh\) · vᵢ\(svd\)\| = \[1\.000000000000, 1\.000000000000, 1\.000000000000\]/);
    expect(out).toContain('dimensions (r, n−r, r, m−r) = (2, 2, 2, 4)');
    const m = /relative error of the smallest σ:\s+eigh\(CᵀC\) (\S+)\s+svd\(C\) (\S+)/.exec(out);
    expect(m, out).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(1e-2); // squaring destroys the smallest σ
    expect(Number(m![2])).toBeLessThan(1e-5); // Jacobi on C keeps it
  });

  it('image-table.mjs: the rank 100/50/30/10 table of the shipped photo', async () => {
    const dir = join(work, 'image-table');
    const out = ok(await runExample('image-table.mjs', [dir]), 'image-table.mjs');
    expect(out).toMatch(/^\s*100\s+80100\s+50\.06%\s+0\.0325\s+35\.08$/m);
    expect(out).toMatch(/^\s*10\s+8010\s+5\.01%\s+0\.1483\s+21\.90$/m);
    expect(readdirSync(dir).sort()).toEqual(['camera-k10.png', 'camera-k100.png', 'camera-k30.png', 'camera-k50.png']);
  });

  it('flags.mjs: the rank of each channel and the smallest visually exact k', async () => {
    const dir = join(work, 'flags');
    const out = ok(await runExample('flags.mjs', [dir], 600_000), 'flags.mjs');
    expect(out).toMatch(/^vertical tricolour\s+1, 1, 1\s+1\s/m);
    expect(out).toMatch(/^horizontal tricolour\s+1, 1, 0\s+1\s/m);
    expect(out).toMatch(/^Nordic cross\s+2, 2, 1\s+2\s/m);
    const disc = /^centred disc\s+(\d+), (\d+), (\d+)\s+(\d+)\s+(\S+)\s+(\S+)/m.exec(out);
    expect(disc, out).not.toBeNull();
    const [rank, k, atK, below] = [Number(disc![1]), Number(disc![4]), Number(disc![5]), Number(disc![6])];
    expect(rank).toBeGreaterThan(20); // a disc has many distinct rows …
    expect(rank).toBeLessThan(800); // … but far fewer than 800
    expect(k).toBeLessThanOrEqual(rank);
    expect(atK).toBeGreaterThanOrEqual(40);
    expect(below).toBeLessThan(40);
    expect(out).toMatch(/^diagonal band\s+\d+, \d+, \d+\s+\d+\s/m);
    const files = readdirSync(dir);
    expect(files.filter((f) => /^[a-z]+\.png$/.test(f))).toHaveLength(5);
    expect(files.filter((f) => /^[a-z]+-k\d+\.png$/.test(f))).toHaveLength(5);
  }, 620_000);

  it('model-compression.ts: factors saved, loaded and applied; error shrinks with k', async () => {
    const dir = join(work, 'model-compression');
    const out = ok(await runExample('model-compression.ts', [dir]), 'model-compression.ts');
    expect(out).toContain('W: 512×512');
    const errorAt = (k: number) => {
      // columns: k, bytes, MACs, % of m·n, rel. error W_k, rel. output error, µs per backend…
      const m = new RegExp(`^\\s*${k}\\s+[\\d,]+\\s+[\\d,]+\\s+[\\d.]+%\\s+(\\S+)\\s+(\\S+)`, 'm').exec(out);
      expect(m, out).not.toBeNull();
      return Number(m![2]);
    };
    expect(out).toMatch(/^\s*128\s+525,376\s+131,072\s+50\.0%/m); // 64 + 8k + 4k(m + n) bytes at float32
    expect(errorAt(8)).toBeGreaterThan(errorAt(32));
    expect(errorAt(32)).toBeGreaterThan(errorAt(128));
    expect(errorAt(128)).toBeLessThan(1e-2);
    expect(readdirSync(dir)).toHaveLength(5);
  });

  it('power.mjs: Aᵏv through eigh agrees with repeated products', async () => {
    const out = ok(await runExample('power.mjs'), 'power.mjs');
    expect(numberAfter(out, /^\s*1000\s+4,096,000\s+8,256\s+(\S+)/m)).toBeLessThan(1e-9);
    expect(numberAfter(out, /A\^½·\(A\^½·v\) vs A·v, relative difference (\S+)/)).toBeLessThan(1e-10);
  });

  it('graded.mjs: the tiny singular values of a graded matrix to full relative accuracy', async () => {
    const out = ok(await runExample('graded.mjs'), 'graded.mjs');
    const worst = Number(/largest relative error (\S+)/.exec(out)?.[1]);
    expect(worst).toBeLessThan(1e-14);
    expect(out).toMatch(/e-60 /);
  });

  it('every example in examples/ is covered here', () => {
    const covered = [
      'quickstart.mjs',
      'walkthrough.mjs',
      'derivation.mjs',
      'image-table.mjs',
      'flags.mjs',
      'model-compression.ts',
      'power.mjs',
      'graded.mjs',
    ];
    const present = readdirSync(join(ROOT, 'examples')).filter((f) => /\.(mjs|ts)$/.test(f));
    expect(present.sort()).toEqual(covered.sort());
  });
});
