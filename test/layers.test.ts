// The layers of src/ (README "How it works"), held by a test rather than hoped for: every
// relative import is resolved and checked against the rules below, so a change that makes one
// backend import the other, or an application reach into a backend, fails `npm test`.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** [importing file, imported file], both relative to src/, for every relative import. */
const edges: [string, string][] = files(SRC).flatMap((file) => {
  const text = readFileSync(file, 'utf8');
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]/g)].map((m) => m[1]);
  return specs.map(
    (s) => [relative(SRC, file), relative(SRC, resolve(dirname(file), s)).replace(/\.js$/, '.ts')] as [string, string],
  );
});

const under = (path: string, dir: string) => path.startsWith(`${dir}/`);
const rules: [string, (from: string, to: string) => boolean][] = [
  ['the JS backend never imports the wasm backend', (f, t) => under(f, 'backend/js') && under(t, 'backend/wasm')],
  ['the wasm backend never imports the JS backend', (f, t) => under(f, 'backend/wasm') && under(t, 'backend/js')],
  [
    'applications and the toolkit never reach into a backend (only its seam: backend/*.ts)',
    (f, t) => !under(f, 'backend') && (under(t, 'backend/js') || under(t, 'backend/wasm')),
  ],
  ['a CLI command never imports another command', (f, t) => under(f, 'cli/commands') && under(t, 'cli/commands')],
  ['the library never imports the CLI', (f, t) => !under(f, 'cli') && under(t, 'cli')],
  [
    'the image toolkit never imports the CLI (its rendering lives in cli/render)',
    (f, t) => under(f, 'image') && under(t, 'cli'),
  ],
  [
    'infrastructure (core/) never imports the public layers above it',
    (f, t) => under(f, 'core') && ['linalg', 'lowrank', 'image', 'cli', 'worker', 'inline'].some((d) => under(t, d)),
  ],
];

describe('layers of src/', () => {
  it('the import graph was read', () => expect(edges.length).toBeGreaterThan(100));
  it.each(rules)('%s', (_, broken) => {
    expect(edges.filter(([f, t]) => broken(f, t)).map(([f, t]) => `${f} → ${t}`)).toEqual([]);
  });
});
