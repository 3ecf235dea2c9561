// Consumer type tests (issue 15, findings 1–4 and README's snippets): `tsc --noEmit` over the
// snippets in test/types/ and README's ```ts blocks (extracted verbatim), as a user's project
// compiles them: strict, skipLibCheck false, TypeScript 5.9 and 7, moduleResolution node16 and
// bundler, with the DOM lib (a browser app) and without it (a Node project with @types/node).
// svdkit is linked into each project's node_modules, so the package's exports map and its
// published .d.ts files are what gets resolved.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as lib from '../dist/index.js';
// @ts-expect-error a plain .mjs script without declarations
import { tsBlocks, writeSnippets } from '../scripts/readme-snippets.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SNIPPETS = join(ROOT, 'test', 'types');
const COMPILERS = {
  '5.9': join(ROOT, 'node_modules', 'typescript5', 'bin', 'tsc'),
  '7': join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
} as const;

interface Setup {
  ts: keyof typeof COMPILERS;
  resolution: 'node16' | 'bundler';
  dom: boolean;
}
const setups: Setup[] = [];
for (const ts of ['5.9', '7'] as const) {
  for (const resolution of ['node16', 'bundler'] as const)
    for (const dom of [true, false]) setups.push({ ts, resolution, dom });
}

/** A consumer project under test-artifacts/ (inside the repo: @types/node resolves from the repo's node_modules). */
function project(s: Setup): string {
  const dir = join(ROOT, 'test-artifacts', 'types', `ts${s.ts}-${s.resolution}-${s.dom ? 'dom' : 'node'}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'node_modules'), { recursive: true });
  symlinkSync(ROOT, join(dir, 'node_modules', 'svdkit'), 'dir');
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify(
      {
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: false,
          target: 'ES2022',
          module: s.resolution === 'node16' ? 'node16' : 'esnext',
          moduleResolution: s.resolution,
          lib: s.dom ? ['ES2022', 'DOM'] : ['ES2022'],
          types: s.dom ? [] : ['node'],
        },
        include: ['*.ts'],
      },
      null,
      2,
    ),
  );
  for (const f of ['consumer.ts', 'worker.ts', 'interop.ts', s.dom ? 'dom.ts' : 'node.ts'])
    copyFileSync(join(SNIPPETS, f), join(dir, f));
  writeSnippets(readFileSync(join(ROOT, 'README.md'), 'utf8'), dir, Object.keys(lib));
  return dir;
}

function tsc(s: Setup, dir: string): string {
  try {
    execFileSync(process.execPath, [COMPILERS[s.ts], '-p', join(dir, 'tsconfig.json')], {
      cwd: dir,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return '';
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string; message: string };
    return `${x.stdout ?? ''}${x.stderr ?? ''}` || x.message;
  }
}

describe('consumer type tests', () => {
  it('README has TypeScript snippets to check', () => {
    expect(tsBlocks(readFileSync(join(ROOT, 'README.md'), 'utf8')).length).toBeGreaterThanOrEqual(4);
  });

  it.each(setups)(
    'TypeScript $ts, moduleResolution $resolution, DOM lib $dom: strict, skipLibCheck false',
    (s) => {
      expect(tsc(s, project(s))).toBe('');
    },
    120_000,
  );

  it('the published declarations name no ambient WebAssembly type (finding 4)', () => {
    const out = execFileSync('grep', ['-rlE', '--include=*.d.ts', '^[^*/]*WebAssembly\\.', join(ROOT, 'dist')], {
      encoding: 'utf8',
    }).trim();
    // Internal backend declarations may; none reachable from an entry point (the no-DOM compiles above prove it).
    for (const f of out.split('\n').filter(Boolean)) expect(f).toMatch(/dist\/backend\/wasm\//);
  });
});
