// The code-health checks run with the tests: Biome's formatter (120 columns) and linter over
// everything but assembly/ and generated files (biome.jsonc), knip's unused files, dependencies
// and exports (knip.jsonc), and no line over 120 characters in src/. The import layers are
// test/layers.test.ts.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = new URL('..', import.meta.url).pathname;
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

/** Runs a tool; returns its output when it fails, '' when it passes. */
function run(cmd: string, args: string[]): string {
  try {
    execFileSync(bin(cmd), args, { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    return '';
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    return `${err.stdout ?? ''}${err.stderr ?? ''}` || err.message;
  }
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? tsFiles(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  );
}

describe('code health', () => {
  it('biome check: formatted and lint-clean (npm run format fixes the formatting)', () => {
    expect(run('biome', ['check'])).toBe('');
  }, 60_000);
  it('knip: no unused files, dependencies or exports', () => {
    expect(run('knip', [])).toBe('');
  }, 120_000);
  it('no line in src/ or assembly/ is longer than 120 characters', () => {
    const long = [...tsFiles(join(root, 'src')), ...tsFiles(join(root, 'assembly'))].flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .flatMap((line, i) => ([...line].length > 120 ? [`${f.slice(root.length)}:${i + 1}`] : [])),
    );
    expect(long).toEqual([]);
  });
});
