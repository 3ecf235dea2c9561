// Vite config of the demo page: `npm run demo` serves it, `npm run build:demo` writes demo/dist.
// svdkit resolves to the built package (dist/), exactly what a user's bundler would see.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const dist = (p: string) => fileURLToPath(new URL(`../dist/${p}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: './',
  resolve: {
    alias: [
      { find: /^svdkit$/, replacement: dist('index.js') },
      { find: /^svdkit\/image$/, replacement: dist('image/index.js') },
      { find: /^svdkit\/worker$/, replacement: dist('worker/index.js') },
    ],
  },
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
  logLevel: 'warn',
});
