/**
 * Photo-scale `svdkit compress`, end to end (decode, decompositions, PNG writes, contact sheet):
 * a photo-like RGB JPEG is synthesised (the shipped camera-400.png upscaled bilinearly, tinted
 * differently per channel, plus seeded sensor-like noise of σ = 3 levels, so the spectrum has a
 * realistic flat tail)
 * and compressed by the CLI in a fresh Node process, which reports its wall time, CPU time (user +
 * system: on a loaded machine the better measure of the uncontended wall time) and peak RSS.
 *   node --import tsx bench/photo.ts [--sizes 4032x3024,1920x1080] [--ranks 10,50,100] [--backend wasm] [--exact]
 * Files go to the OS temporary folder; nothing large is written into the repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { photoLike } from './photo-data.js';
import { machine, save } from './report.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The synthesised JPEG's path (made once per size). */
function photoFile(W: number, H: number): string {
  const dir = join(tmpdir(), 'svdkit-bench-photo');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `photo-${W}x${H}.jpg`);
  if (!existsSync(file)) {
    const rgb = photoLike(W, H),
      rgba = new Uint8Array(W * H * 4).fill(255);
    for (let i = 0; i < W * H; i++) rgba.set(rgb.subarray(3 * i, 3 * i + 3), 4 * i);
    writeFileSync(file, jpeg.encode({ width: W, height: H, data: rgba }, 90).data);
  }
  return file;
}

const RUNNER = `
const t0 = performance.now();
const { run } = await import(process.argv[1]);
const out = [];
const code = run(process.argv.slice(2), { stdout: { write: (t) => out.push(t) }, stderr: { isTTY: false, write: () => {} } });
const ms = performance.now() - t0;
const u = process.resourceUsage();
console.log(JSON.stringify({ code, ms, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000, maxRssMB: u.maxRSS / 1024, out: out.join('') }));
`;

if (process.argv[1]?.endsWith('photo.ts')) main();
function main(): void {
  const sizes = (arg('--sizes') ?? '1920x1080,4032x3024').split(',').map((s) => s.split('x').map(Number));
  const ranks = arg('--ranks') ?? '10,50,100';
  const backend = arg('--backend') ?? 'wasm';
  const extra = process.argv.includes('--exact') ? ['--exact'] : [];
  // the CLI ships bundled (dist/cli/main.js runs on import), so the runner calls its source's run()
  const runPath = fileURLToPath(new URL('../src/cli/run.ts', import.meta.url));
  const lines = [
    '| size | backend | ranks | wall s | CPU s | peak RSS MB | method |',
    '|---|---|---|---:|---:|---:|---|',
  ];
  for (const [W, H] of sizes) {
    const file = photoFile(W, H),
      outDir = join(tmpdir(), 'svdkit-bench-photo', `out-${W}x${H}`);
    const argv = ['compress', file, '--ranks', ranks, '--backend', backend, '--out', outDir, '--force', ...extra];
    const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', RUNNER, runPath, ...argv], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    });
    if (r.status !== 0) throw new Error(`runner failed: ${r.stderr}`);
    const res = JSON.parse(r.stdout.trim().split('\n').pop()!);
    if (res.code !== 0) throw new Error(`svdkit compress exited ${res.code}: ${res.out}`);
    const method = /randomized|exact/.exec(res.out.split('\n')[1] ?? '')?.[0] ?? 'exact';
    const line = `| ${W}×${H} RGB | ${backend} | ${ranks} | ${(res.ms / 1000).toFixed(1)} | ${(res.cpuMs / 1000).toFixed(1)} | ${res.maxRssMB.toFixed(0)} | ${method} |`;
    lines.push(line);
    process.stderr.write(line + '\n');
  }
  const md = `svdkit compress, photo-like JPEG end to end (one run each, child process); ${machine()}; ${new Date().toISOString().slice(0, 10)}\n\n${lines.join('\n')}`;
  process.stdout.write(`\n${md}\n`);
  process.stderr.write(`wrote ${save('photo', { date: new Date().toISOString(), lines }, md)}.{json,md}\n`);
}
