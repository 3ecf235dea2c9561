// Puts the wasm binaries beside the compiled loader, where `new URL('./svdkit.wasm', import.meta.url)` finds them.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';

const from = new URL('../src/backend/wasm/', import.meta.url);
const to = new URL('../dist/backend/wasm/', import.meta.url);
mkdirSync(to, { recursive: true });
for (const name of ['svdkit.wasm', 'svdkit-nosimd.wasm']) {
  if (!existsSync(new URL(name, from))) throw new Error(`missing ${name}: run 'npm run build:wasm' first`);
  copyFileSync(new URL(name, from), new URL(name, to));
}
