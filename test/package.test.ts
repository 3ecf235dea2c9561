// The package as published: `npm pack`, installed into a fresh project (its dependencies from
// the registry), then imported from Node ESM, Node require() (no top-level await anywhere) and a
// Vite build, whose output also runs in Chromium when it is there.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumMissing, launch } from './browser/support/chromium.js';
import { serve } from './browser/support/server.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
let project: string;
const chromium = chromiumMissing();
let listing: string[];
const INSTALLED = () => join(project, 'node_modules', 'svdkit');

function node(args: string[]): { out: string; err: string; status: number | null } {
  const r = spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8', timeout: 60_000 });
  return { out: r.stdout.trim(), err: r.stderr, status: r.status };
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'svdkit-pack-'));
  const npm = (args: string[], cwd: string) =>
    execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const tarball = npm(['pack', '--silent', '--pack-destination', project], ROOT).trim().split('\n').pop()!;
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error', `./${tarball}`], project);
  listing = JSON.parse(npm(['pack', '--dry-run', '--json', '--silent'], ROOT))[0].files.map(
    (f: { path: string }) => f.path,
  );
}, 180_000);
afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('the packed tarball in a fresh project', () => {
  it('imports from Node ESM: every entry, wasm loaded from disk', () => {
    writeFileSync(
      join(project, 'esm.mjs'),
      `
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
        stored: c.stats(1).storedValues, inline: inline.backendInfo().active, worker: Array.from(fromWorker.S) }));`,
    );
    const r = node(['esm.mjs']);
    expect(r.err).toBe('');
    expect(JSON.parse(r.out)).toEqual({
      S: [5, 3],
      backend: 'wasm',
      info: expect.objectContaining({ wasm: true, simd: true, active: 'wasm' }),
      stored: 8,
      inline: 'wasm',
      worker: [2, 1],
    });
  });

  it('loads with require() (Node ≥ 20.19: require of ESM, no top-level await)', () => {
    writeFileSync(
      join(project, 'cjs.cjs'),
      `
      const { svd } = require('svdkit');
      const { compressImage } = require('svdkit/image');
      const { createWorker } = require('svdkit/worker');
      require('svdkit/inline');
      console.log(JSON.stringify({ S: Array.from(svd([[0, 5]]).S), image: typeof compressImage, worker: typeof createWorker }));`,
    );
    const r = node(['--no-warnings', 'cjs.cjs']);
    expect(r.status, r.err).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ S: [5], image: 'function', worker: 'function' });
  });

  let outDir = '';
  it('builds with Vite (wasm assets and worker bundled)', async () => {
    const app = join(project, 'app');
    mkdirSync(app);
    writeFileSync(
      join(app, 'index.html'),
      '<!doctype html><meta charset="utf-8"><pre id="out"></pre><script type="module" src="./main.js"></script>',
    );
    writeFileSync(
      join(app, 'main.js'),
      `
      import { init, svd, backendInfo } from 'svdkit';
      import { createWorker } from 'svdkit/worker';
      await init();
      const w = createWorker();
      const fromWorker = await w.svd([[0, 2], [1, 0]]);
      document.getElementById('out').textContent = JSON.stringify({ S: Array.from(svd([[3, 4]]).S), info: backendInfo(),
        worker: Array.from(fromWorker.S), workerBackend: fromWorker.backend });
      document.body.dataset.ready = '1';`,
    );
    const { build } = await import('vite');
    const dist = join(project, 'app-dist');
    await build({
      root: app,
      configFile: false,
      base: './',
      logLevel: 'silent',
      build: { outDir: dist, target: 'es2022' },
    });
    const assets = readdirSync(join(dist, 'assets'));
    expect(assets.filter((f) => f.endsWith('.wasm'))).toHaveLength(2);
    expect(assets.some((f) => f.startsWith('worker-entry') && f.endsWith('.js'))).toBe(true);
    outDir = dist;
  });

  // Without Chromium: an explicit skip with the reason, or under CI a failure.
  it.skipIf(!!chromium && !chromium.fail)(
    `the Vite build runs in Chromium${chromium ? ` — SKIPPED: ${chromium.reason}` : ''}`,
    async () => {
      if (chromium) expect.fail(chromium.reason);
      expect(outDir, 'the Vite build test above failed').not.toBe('');
      const server = await serve(outDir);
      const browser = await launch();
      try {
        const page = await browser.newPage();
        await page.goto(`${server.url}index.html`);
        await page.waitForFunction(() => document.body.dataset.ready === '1', undefined, { timeout: 30_000 });
        expect(JSON.parse((await page.locator('#out').textContent())!)).toEqual({
          S: [5],
          info: expect.objectContaining({ wasm: true, simd: true, active: 'wasm' }),
          worker: [2, 1],
          workerBackend: 'wasm',
        });
      } finally {
        await browser.close();
        await server.close();
      }
    },
  );
});

// Issue 15, finding 6: Vite's dev server reads the package's source maps without a warning.
describe('the packed tarball in a Vite dev server', () => {
  it('serves svdkit modules with their source maps and no sourcemap warning', async () => {
    const { createServer, createLogger } = await import('vite');
    const app = join(project, 'dev');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(app, 'index.html'), '<script type="module" src="./main.js"></script>');
    writeFileSync(join(app, 'main.js'), "import { svd } from 'svdkit'; console.log(svd([[1]]).S);");
    const warnings: string[] = [];
    const logger = createLogger('warn', { allowClearScreen: false });
    logger.warn = (msg) => {
      warnings.push(msg);
    };
    logger.warnOnce = (msg) => {
      warnings.push(msg);
    };
    const server = await createServer({
      root: app,
      configFile: false,
      logLevel: 'warn',
      customLogger: logger,
      server: { middlewareMode: true, hmr: false },
      optimizeDeps: { exclude: ['svdkit'], noDiscovery: true },
    });
    try {
      for (const f of ['index.js', 'svd.js', 'validate.js', 'backend/wasm/load.js', 'worker/client.js']) {
        const r = await server.transformRequest(`/@fs${join(INSTALLED(), 'dist', f)}`);
        expect(r?.map && 'sourcesContent' in r.map ? r.map.sourcesContent?.[0]?.length : 0, f).toBeGreaterThan(0);
      }
    } finally {
      await server.close();
    }
    expect(warnings.filter((w) => /source ?map/i.test(w))).toEqual([]);
  }, 60_000);
});

// Issue 15, findings 5, 6, 9, 10: what a user installs and what the package says about itself.
describe('the packed tarball: dependencies, files, metadata', () => {
  it('a consumer installs svdkit and nothing else (npm ls --omit=dev)', () => {
    const ls = JSON.parse(
      execFileSync('npm', ['ls', '--omit=dev', '--all', '--json'], { cwd: project, encoding: 'utf8' }),
    );
    expect(Object.keys(ls.dependencies)).toEqual(['svdkit']);
    expect(ls.dependencies.svdkit.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(project, 'node_modules')).filter((d) => !d.startsWith('.'))).toEqual(['svdkit']);
  });

  it('the command line runs from the tarball with its codecs bundled: PNG and JPEG in, PNG out', async () => {
    const npx = (args: string[]) =>
      spawnSync('npx', ['--no-install', 'svdkit', ...args], { cwd: project, encoding: 'utf8', timeout: 60_000 });
    const info = npx(['info', '--json']);
    expect(info.status, info.stderr).toBe(0);
    expect(JSON.parse(info.stdout).backend).toBe('wasm');
    const png = npx(['compress', '--ranks', '10', '--out', 'cli-png', '--json']);
    expect(png.status, png.stderr).toBe(0);
    expect(readdirSync(join(project, 'cli-png')).filter((f) => f.endsWith('.png')).length).toBeGreaterThanOrEqual(2);
    const jpeg = await import('jpeg-js'); // a devDependency here; bundled into the CLI in the package
    const w = 24,
      h = 16,
      rgba = Buffer.alloc(w * h * 4, 0);
    for (let i = 0; i < w * h; i++) rgba.set([(i * 7) % 256, (i * 3) % 256, 90, 255], 4 * i);
    writeFileSync(join(project, 'small.jpg'), jpeg.default.encode({ width: w, height: h, data: rgba }, 90).data);
    const jpg = npx(['compress', 'small.jpg', '--ranks', '4', '--out', 'cli-jpg', '--json']);
    expect(jpg.status, jpg.stderr).toBe(0);
    expect(existsSync(join(project, 'cli-jpg', 'small-k4.png'))).toBe(true);
    // The bundled codecs' licences ship beside the bundle.
    const notices = readFileSync(join(INSTALLED(), 'dist', 'cli', 'THIRD-PARTY-LICENSES.txt'), 'utf8');
    for (const name of ['fast-png', 'jpeg-js', 'fflate', 'iobuffer'])
      expect(notices).toMatch(new RegExp(`^${name}@\\d`, 'm'));
  }, 120_000);

  it('ships no assembly/ sources it cannot rebuild; every source map carries its sources', () => {
    expect(listing.filter((f) => f.startsWith('assembly/'))).toEqual([]);
    const maps = listing.filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(50);
    for (const f of maps) {
      const map = JSON.parse(readFileSync(join(INSTALLED(), f), 'utf8')) as {
        sources: string[];
        sourcesContent?: (string | null)[];
      };
      expect(map.sourcesContent?.length, f).toBe(map.sources.length);
      expect(
        map.sourcesContent!.every((c) => typeof c === 'string' && c.length > 0),
        f,
      ).toBe(true);
    }
  });

  it('package.json: repository, homepage, bugs, engines node >= 20.19, no runtime dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(INSTALLED(), 'package.json'), 'utf8'));
    expect(pkg.engines).toEqual({ node: '>=20.19' });
    expect(pkg.repository.url).toMatch(/^git\+https:\/\//);
    expect(pkg.homepage).toMatch(/^https:\/\//);
    expect(pkg.bugs.url).toMatch(/^https:\/\//);
    expect(pkg.dependencies ?? {}).toEqual({});
  });

  it('README starts with npm install svdkit and a quick start, then the contributor commands', () => {
    const readme = readFileSync(join(INSTALLED(), 'README.md'), 'utf8');
    const install = readme.indexOf('npm install svdkit'),
      quick = readme.indexOf('```ts'),
      ci = readme.indexOf('npm ci && npm start');
    expect(install).toBeGreaterThan(0);
    expect(install).toBeLessThan(quick);
    expect(quick).toBeLessThan(ci);
    expect(ci).toBeLessThan(readme.indexOf('npm test'));
    for (const fact of [
      /Real matrices only/,
      /`eigh` returns eigenvalues\s+descending \(numpy: ascending\)/,
      /`fullMatrices` defaults to `false` \(numpy's `full_matrices`\s+defaults to `true`\)/,
    ]) {
      expect(readme).toMatch(fact);
    }
    expect(readme).toMatch(/\[API reference\]\(docs\/api\/index\.html\)/);
  });

  it('compiles a TypeScript strict consumer against the installed declarations (TypeScript 7)', () => {
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: 'ES2022',
          module: 'node16',
          moduleResolution: 'node16',
          lib: ['ES2022'],
          types: [],
        },
        files: ['typed.ts'],
      }),
    );
    writeFileSync(
      join(project, 'typed.ts'),
      `
      import { svd, svdvals, lowRank } from 'svdkit';
      import { compressImage } from 'svdkit/image';
      import { createWorker } from 'svdkit/worker';
      const { U, S, Vt } = svd([[3, 2, 2], [2, 3, -2]]);
      const first: number = U.data[0] + Vt.data[0] + S[0];
      const s: Float64Array = svdvals([[1, 2], [3, 4]]);
      const bytes: Uint8Array<ArrayBuffer> = lowRank([[1, 2], [3, 4]], 1).toBytes();
      const px: Uint8ClampedArray<ArrayBuffer> = compressImage({ width: 1, height: 1, data: new Uint8Array(3) }, 1).toImage().data;
      export { first, s, bytes, px, createWorker };`,
    );
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const r = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project, encoding: 'utf8' });
    expect(r.stdout + r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
