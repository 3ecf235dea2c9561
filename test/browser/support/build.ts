/** Builds pages with Vite for the browser tests, svdkit resolved to the built package (dist/). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const dist = (p: string) => join(ROOT, 'dist', p);

/** The aliases a bundler would get from package.json's exports (browser condition). */
export const SVDKIT_ALIASES = [
  { find: /^svdkit$/, replacement: dist('index.js') },
  { find: /^svdkit\/image$/, replacement: dist('image/index.js') },
  { find: /^svdkit\/worker$/, replacement: dist('worker/index.js') },
  { find: /^svdkit\/inline$/, replacement: dist('inline/index.js') },
];

/** Builds the page in `root` (an index.html) into a fresh temporary folder; returns it. */
export async function buildPage(root: string): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'svdkit-page-'));
  await build({
    root,
    configFile: false,
    base: './',
    logLevel: 'warn',
    resolve: { alias: SVDKIT_ALIASES },
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, target: 'es2022', minify: false },
  });
  return outDir;
}

/** Builds the demo with its own config (demo/vite.config.ts), as `npm run build:demo` does. */
export async function buildDemo(): Promise<string> {
  const { build } = await import('vite');
  const outDir = mkdtempSync(join(tmpdir(), 'svdkit-demo-'));
  await build({
    configFile: join(ROOT, 'demo', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}
