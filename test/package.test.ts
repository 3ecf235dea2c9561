// The package as published: `npm pack`, installed into a fresh project (its dependencies from
// the registry), then imported from Node ESM, Node require() (no top-level await anywhere) and a
// Vite build, whose output also runs in Chromium when it is there.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launch } from './browser/support/chromium.js';
import { serve } from './browser/support/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let project: string;
const chromium = chromiumMissing();

function node(args: string[]): { out: string; err: string; status: number | null } {
  const r = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', timeout: 60_000 });
  return { out: r.stdout.trim(), err: r.stderr, status: r.status };
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'svdkit-pack-'));
  const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = npm(['pack', '--silent', '--pack-destination', project], ROOT).trim().split('\n').pop()!;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `./${tarball}`], project);
}, 180_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed tarball in a fresh project', () => {
  it('imports from Node ESM: every entry, wasm loaded from disk', () => {
    writeFileSync(join(project, 'esm.mjs'), `
      import { svd, backendInfo } from 'svdkit';
      import { compressImage } from 'svdkit/image';
      import { createWorker } from 'svdkit/worker';
      import * as inline from 'svdkit/inline';
      const r = svd([[3, 2, 2], [2, 3, -2]]);
      const c = compressImage({ width: 4, height: 3, data: new Uint8Array(12).fill(7) }, 1);
      await inline.init();
      const w = createWorker();
      const fromWorker = await w.svd([[0, 2], [1, 0]]);
      w.terminate();
      console.log(JSON.stringify({ S: Array.from(r.S, Math.round), backend: r.backend, info: backendInfo(),
        stored: c.stats(1).storedValues, inline: inline.backendInfo().active, worker: Array.from(fromWorker.S) }));`);
    const r = node(['esm.mjs']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({ S: [5, 3], backend: 'wasm', info: { wasm: true, simd: true, active: 'wasm' },
      stored: 8, inline: 'wasm', worker: [2, 1] });
  });

  it('loads with require() (Node ≥ 20.19: require of ESM, no top-level await)', () => {
    writeFileSync(join(project, 'cjs.cjs'), `
      const { svd } = require('svdkit');
      const { compressImage } = require('svdkit/image');
      const { createWorker } = require('svdkit/worker');
      require('svdkit/inline');
      console.log(JSON.stringify({ S: Array.from(svd([[0, 5]]).S), image: typeof compressImage, worker: typeof createWorker }));`);
    const r = node(['--no-warnings', 'cjs.cjs']);
    expect(r.status, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ S: [5], image: 'function', worker: 'function' });
  });

  let outDir = '';
  it('builds with Vite (wasm assets and worker bundled)', async () => {
    const app = join(project, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'index.html'), '<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>');
    writeFileSync(join(app, 'main.js'), `
      import { init, svd, backendInfo } from 'svdkit';
      import { createWorker } from 'svdkit/worker';
      await init();
      const w = createWorker();
      const fromWorker = await w.svd([[0, 2], [1, 0]]);
      document.getElementById('out').textContent = JSON.stringify({ S: Array.from(svd([[3, 4]]).S), info: backendInfo(),
        worker: Array.from(fromWorker.S), workerBackend: fromWorker.backend });
      document.body.dataset.ready = '1';`);
    const { build } = await import('vite');
    const dist = join(project, 'app-dist');
    await build({ root: app, configFile: false, base: './', logLevel: 'silent', build: { outDir: dist, target: 'es2022' } });
    const assets = readdirSync(join(dist, 'assets'));
    expect(assets.filter((f) => f.endsWith('.wasm'))).toHaveLength(2);
    expect(assets.some((f) => f.startsWith('worker-entry') && f.endsWith('.js'))).toBe(true);
    outDir = dist;
  });

  // Without Chromium: an explicit skip with the reason, or under CI a failure.
  it.skipIf(!!chromium && !chromium.fail)(`the Vite build runs in Chromium${chromium ? ` — SKIPPED: ${chromium.reason}` : ''}`, async () => {
    if (chromium) expect.fail(chromium.reason);
    expect(outDir, 'the Vite build test above failed').not.toBe('');
    const server = await serve(outDir);
    const browser = await launch();
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}index.html`);
      await page.waitForFunction(() => document.body.dataset.ready === '1', undefined, { timeout: 30_000 });
      expect(JSON.parse((await page.locator('#out').textContent())!)).toEqual({
        S: [5], info: { wasm: true, simd: true, active: 'wasm' }, worker: [2, 1], workerBackend: 'wasm',
      });
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
