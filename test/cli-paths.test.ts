// Command-line paths the other CLI tests do not reach: --backend (each value, and a bad one),
// the internal-error exit status 1, and a reader that closes the pipe early (EPIPE).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { encode } from 'fast-png';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/run.js';
import { EXIT } from '../src/cli/errors.js';
import { backendInfo } from '../src/index.js';
import { requireBuild } from './harness/built.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
let dir: string;

beforeAll(() => {
  requireBuild(MAIN, join(ROOT, 'src', 'cli'), 'these tests run the built command line');
  dir = mkdtempSync(join(tmpdir(), 'svdkit-cli-paths-'));
  const data = Uint8Array.from({ length: 40 * 30 }, (_, i) => (i * 37 + (i >> 4)) % 256);
  writeFileSync(join(dir, 'small.png'), encode({ width: 40, height: 30, data, channels: 1, depth: 8 }));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function svdkit(args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('svdkit --backend', () => {
  it.each(['js', 'wasm'] as const)('--backend %s runs the decomposition there', (backend) => {
    const r = svdkit([
      'compress',
      'small.png',
      '--ranks',
      '5',
      '--out',
      `o-${backend}`,
      '--json',
      '--backend',
      backend,
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).backend).toBe(backend);
  });

  it('--backend auto runs where backendInfo() says', () => {
    const r = svdkit(['compress', 'small.png', '--ranks', '5', '--out', 'o-auto', '--json', '--backend', 'auto']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).backend).toBe(backendInfo().active);
  });

  it('a bad --backend is a usage error (exit 2), nothing written', () => {
    const r = svdkit(['compress', 'small.png', '--ranks', '5', '--out', 'o-bad', '--backend', 'gpu']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("svdkit: --backend takes auto, wasm or js; got 'gpu'\n");
  });
});

describe('svdkit failure paths', () => {
  it('an unexpected error is exit 1 with one line asking for a report', () => {
    let err = '';
    const io = {
      stdout: {
        write: () => {
          throw new TypeError('stdout is gone');
        },
      },
      stderr: {
        write: (s: string) => {
          err += s;
          return true;
        },
      },
    };
    expect(run(['--version'], io as never)).toBe(EXIT.internal);
    expect(EXIT.internal).toBe(1);
    expect(err).toBe('svdkit: internal error: stdout is gone (please report this with the command you ran)\n');
  });

  it('a reader that closes the pipe early (svdkit … | head) ends it quietly, exit 0', async () => {
    const child = spawn(process.execPath, [MAIN, '--help'], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy(); // the read end closes before svdkit writes: its write fails with EPIPE
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
