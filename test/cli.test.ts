// The `svdkit` executable as a person runs it: `node dist/cli/main.js …` in a child process, on
// the build that `npm test` makes first (its `pretest` runs `npm run build`).
import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, encode } from 'fast-png';
import jpeg from 'jpeg-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompressJson } from '../src/cli/commands/compress.js';
import type { InfoJson } from '../src/cli/commands/info.js';
import type { SpectrumJson } from '../src/cli/commands/spectrum.js';
import { requireBuild } from './harness/built.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const MAIN = join(ROOT, 'dist', 'cli', 'main.js');
const EXAMPLE = join(ROOT, 'examples', 'data', 'camera-400.png');
/** The example's bytes before any command runs (module load), for the "untouched" check. */
const EXAMPLE_BYTES = readFileSync(EXAMPLE);

beforeAll(() => requireBuild(MAIN, join(ROOT, 'src', 'cli'), 'these tests run the built command line'));

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'svdkit-cli-'));
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function svdkit(args: string[], cwd = work): Run {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function fresh(name: string): string {
  const d = join(work, name);
  mkdirSync(d, { recursive: true });
  return d;
}

function png(path: string) {
  return decode(readFileSync(path));
}

/** No temporary or half-written files anywhere in `dir`. */
function noTempFiles(dir: string): void {
  expect(readdirSync(dir).filter((f) => f.startsWith('.') || f.endsWith('.tmp'))).toEqual([]);
}

describe('svdkit compress on the shipped example (no input named)', () => {
  let run: Run;
  let dir: string;
  beforeAll(() => {
    dir = fresh('default');
    run = svdkit(['compress'], dir);
  });

  it('prints the table of the issue', () => {
    expect(run.stderr).toBe(''); // stderr is no terminal here: no progress bar
    expect(run.code).toBe(0);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^camera-400\.png \(shipped example: camera\.png by Lav Varshney, CC0/);
    const header = lines.findIndex((l) =>
      /^rank +stored values +compression rate +relative error +PSNR \(dB\)$/.test(l),
    );
    expect(header).toBeGreaterThan(0);
    const rows = lines.slice(header + 2, header + 6).map((l) => l.trim().split(/ +/));
    expect(rows.map((r) => r.slice(0, 3))).toEqual([
      ['100', '80100', '50.06%'],
      ['50', '40050', '25.03%'],
      ['30', '24030', '15.02%'],
      ['10', '8010', '5.01%'],
    ]);
    const err = rows.map((r) => Number(r[3])),
      psnr = rows.map((r) => Number(r[4]));
    for (let i = 1; i < 4; i++) {
      expect(err[i]).toBeGreaterThan(err[i - 1]);
      expect(psnr[i]).toBeLessThan(psnr[i - 1]);
    }
    expect(psnr[0]).toBeGreaterThan(30);
    expect(run.stdout).toMatch(
      /wrote to svdkit-out: camera-400-k100\.png, camera-400-k50\.png, camera-400-k30\.png, camera-400-k10\.png, camera-400-sheet\.png/,
    );
  });

  it('writes one 400×400 gray PNG per rank and a contact sheet, nothing else', () => {
    const out = join(dir, 'svdkit-out');
    expect(readdirSync(out).sort()).toEqual([
      'camera-400-k10.png',
      'camera-400-k100.png',
      'camera-400-k30.png',
      'camera-400-k50.png',
      'camera-400-sheet.png',
    ]);
    const original = png(EXAMPLE);
    let previous = 0;
    for (const k of [100, 50, 30, 10]) {
      const img = png(join(out, `camera-400-k${k}.png`));
      expect(img).toMatchObject({ width: 400, height: 400, channels: 1, depth: 8 });
      let se = 0;
      for (let i = 0; i < img.data.length; i++) se += (img.data[i] - original.data[i]) ** 2;
      expect(se).toBeGreaterThan(previous); // lower rank, larger error
      previous = se;
    }
    const sheet = png(join(out, 'camera-400-sheet.png'));
    expect(sheet.channels).toBe(1);
    expect(sheet.width).toBeGreaterThan(5 * 400);
    expect(sheet.height).toBeGreaterThan(400);
    noTempFiles(out);
  });

  it('leaves the example itself untouched, byte for byte', () => {
    expect(readFileSync(EXAMPLE).equals(EXAMPLE_BYTES)).toBe(true);
    expect(statSync(EXAMPLE).size).toBe(EXAMPLE_BYTES.length);
  });
});

describe('svdkit compress --json', () => {
  it('prints a report with the documented schema', () => {
    const dir = fresh('json');
    const r = svdkit(['compress', '--ranks', '100,50,30,10', '--out', 'o', '--json'], dir);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout) as CompressJson;
    expect(Object.keys(report).sort()).toEqual([
      'backend',
      'command',
      'contactSheet',
      'input',
      'method',
      'request',
      'rows',
      'samples',
    ]);
    expect(report.method).toBe('exact'); // 400×400 is below the randomized method's size
    expect(report.command).toBe('compress');
    expect(report.input).toEqual({
      path: EXAMPLE,
      example: true,
      format: 'png',
      width: 400,
      height: 400,
      channels: 1,
      gray: false,
    });
    expect(report.request).toEqual({ ranks: [100, 50, 30, 10] });
    expect(['wasm', 'js']).toContain(report.backend);
    expect(report.samples).toBe(160000);
    expect(report.rows.map((row) => [row.rank, row.storedValues, row.compressionRatio])).toEqual([
      [100, 80100, 0.500625],
      [50, 40050, 0.2503125],
      [30, 24030, 0.1501875],
      [10, 8010, 0.0500625],
    ]);
    for (const row of report.rows) {
      expect(Object.keys(row).sort()).toEqual([
        'compressionRatio',
        'energy',
        'file',
        'psnr',
        'rank',
        'relativeError',
        'storedValues',
      ]);
      expect(row.relativeError).toBeGreaterThan(0);
      expect(row.relativeError).toBeLessThan(1);
      expect(typeof row.psnr).toBe('number');
      expect(row.energy).toBeCloseTo(1 - row.relativeError ** 2, 12);
      expect(row.file).toBe(join('o', `camera-400-k${row.rank}.png`));
      expect(existsSync(join(dir, row.file))).toBe(true);
    }
    expect(report.contactSheet).toBe(join('o', 'camera-400-sheet.png'));
  });

  it('reports the rank chosen by --ratio and --energy, and null PSNR for an exact result', () => {
    const dir = fresh('spec');
    const ratio = JSON.parse(
      svdkit(['compress', '--ratio', '0.1', '--json', '--out', '.'], dir).stdout,
    ) as CompressJson;
    expect(ratio.request).toEqual({ ratio: 0.1 });
    expect(ratio.rows.map((r) => r.rank)).toEqual([19]);
    expect(ratio.rows[0].compressionRatio).toBeLessThanOrEqual(0.1);
    const energy = JSON.parse(
      svdkit(['compress', '--energy', '0.99', '--json', '--out', '.'], dir).stdout,
    ) as CompressJson;
    expect(energy.rows[0].energy).toBeGreaterThanOrEqual(0.99);
    const full = JSON.parse(svdkit(['compress', '--ranks', '400', '--json', '--out', '.'], dir).stdout) as CompressJson;
    expect(full.rows[0]).toMatchObject({ rank: 400, relativeError: 0, psnr: null, energy: 1 });
    const exact = png(join(dir, 'camera-400-k400.png')),
      original = png(EXAMPLE);
    let worst = 0;
    for (let i = 0; i < exact.data.length; i++) worst = Math.max(worst, Math.abs(exact.data[i] - original.data[i]));
    expect(worst).toBeLessThanOrEqual(1);
  });
});

describe('svdkit compress on other inputs', () => {
  it('compresses a JPEG to PNGs, in colour or --gray, and never touches the input', () => {
    const dir = fresh('jpeg'),
      w = 48,
      h = 32,
      rgba = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([(i * 5) % 256, (i * 3) % 200, 255 - (i % 256), 255], 4 * i);
    const input = join(dir, 'pic.jpg');
    writeFileSync(input, jpeg.encode({ width: w, height: h, data: rgba }, 90).data);
    const before = readFileSync(input),
      mtime = statSync(input).mtimeMs;
    const colour = svdkit(['compress', input, '--ranks', '8,2', '--out', dir]);
    expect(colour.code).toBe(0);
    expect(colour.stdout).toMatch(/48×32 RGB/);
    expect(png(join(dir, 'pic-k8.png'))).toMatchObject({ width: w, height: h, channels: 3 });
    const gray = svdkit(['compress', input, '--ranks', '8', '--gray', '--out', join(dir, 'g'), '--json']);
    expect(JSON.parse(gray.stdout).input).toMatchObject({ format: 'jpeg', channels: 1, gray: true });
    expect(png(join(dir, 'g', 'pic-k8.png')).channels).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(statSync(input).mtimeMs).toBe(mtime);
    noTempFiles(dir);
  });

  it('keeps RGBA alpha exact in the written PNGs', () => {
    const dir = fresh('rgba'),
      w = 30,
      h = 20,
      data = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) data.set([i % 256, (7 * i) % 256, (13 * i) % 256, (i * 11) % 256], 4 * i);
    writeFileSync(join(dir, 'a.png'), encode({ width: w, height: h, data, channels: 4, depth: 8 }));
    const r = svdkit(['compress', 'a.png', '--ranks', '3', '--out', '.'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/alpha kept exact/);
    const out = png(join(dir, 'a-k3.png'));
    expect(out.channels).toBe(4);
    for (let i = 3; i < data.length; i += 4) expect(out.data[i]).toBe(data[i]);
  });
});

describe('svdkit errors: one line on stderr, a non-zero exit, nothing written', () => {
  let dir: string;
  beforeAll(() => {
    dir = fresh('errors');
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    writeFileSync(join(dir, 'anim.gif'), 'GIF89a\x01\x00\x01\x00');
    writeFileSync(join(dir, 'empty.png'), '');
    const good = readFileSync(EXAMPLE);
    writeFileSync(join(dir, 'cut.png'), good.subarray(0, 5000));
    const flipped = Buffer.from(good);
    flipped[2000] ^= 0x55;
    writeFileSync(join(dir, 'flipped.png'), flipped);
    writeFileSync(join(dir, 'fake.jpg'), 'not a jpeg');
    writeFileSync(join(dir, 'a-file'), 'x');
    copyFileSync(EXAMPLE, join(dir, 'in.png'));
  });

  const cases: [string, string[], number, RegExp][] = [
    ['missing file', ['compress', 'nope.png'], 3, /^svdkit: no such file: nope\.png$/],
    ['a folder as input', ['compress', '.'], 3, /^svdkit: \. is a folder, not an image file$/],
    [
      'unsupported format',
      ['compress', 'anim.gif'],
      3,
      /^svdkit: anim\.gif is a GIF image, an unsupported format; svdkit reads PNG and JPEG/,
    ],
    [
      'not an image',
      ['compress', 'notes.txt'],
      3,
      /^svdkit: notes\.txt is in an unsupported format \(not PNG or JPEG\)/,
    ],
    ['empty file', ['compress', 'empty.png'], 3, /^svdkit: empty\.png is empty \(0 bytes\), not an image$/],
    ['truncated PNG', ['compress', 'cut.png'], 3, /^svdkit: cut\.png is a corrupt or truncated PNG file/],
    ['corrupt PNG', ['compress', 'flipped.png'], 3, /^svdkit: flipped\.png is a corrupt or truncated PNG file/],
    ['misnamed file', ['compress', 'fake.jpg'], 3, /^svdkit: fake\.jpg is not a valid JPEG file/],
    ['rank 0', ['compress', 'in.png', '--ranks', '0'], 2, /^svdkit: rank 0 is not allowed: ranks start at 1/],
    ['negative rank', ['compress', 'in.png', '--ranks', '10,-3'], 2, /^svdkit: rank -3 is not allowed/],
    [
      'rank above min(width, height)',
      ['compress', 'in.png', '--ranks', '100,401'],
      2,
      /^svdkit: rank 401 is larger than min\(width, height\) = 400 of in\.png \(400×400\); choose ranks from 1 to 400$/,
    ],
    ['bad rank list', ['compress', '--ranks', '10,x'], 2, /^svdkit: --ranks takes whole numbers separated by commas/],
    [
      'ratio too small',
      ['compress', 'in.png', '--ratio', '0.001'],
      2,
      /^svdkit: ratio 0\.001 is too small: even rank 1 stores 801 values/,
    ],
    ['energy out of range', ['compress', '--energy', '1.5'], 2, /^svdkit: --energy takes a fraction in \(0, 1\]/],
    [
      'two rank flags',
      ['compress', '--ranks', '5', '--ratio', '0.1'],
      2,
      /^svdkit: give only one of --ranks, --energy and --ratio/,
    ],
    ['unknown flag', ['compress', '--bogus'], 2, /^svdkit: unknown option '--bogus' for 'svdkit compress'/],
    ['two inputs', ['compress', 'in.png', 'in.png'], 2, /^svdkit: 'svdkit compress' takes one input image, got 2/],
    ['unknown command', ['squash', 'in.png'], 2, /^svdkit: unknown command 'squash'/],
    [
      'output folder is a file',
      ['compress', 'in.png', '--out', 'a-file'],
      4,
      /^svdkit: the output folder a-file is a file, not a folder; choose another --out$/,
    ],
    [
      'output folder cannot be made',
      ['compress', 'in.png', '--out', 'a-file/sub'],
      4,
      /^svdkit: cannot create the output folder a-file\/sub: a part of the path is a file/,
    ],
    [
      'spectrum over its input',
      ['spectrum', 'in.png', '--out', 'in.png'],
      4,
      /^svdkit: refusing to overwrite the input file in\.png/,
    ],
  ];

  it.each(cases)('%s', (_name, args, code, message) => {
    const before = readdirSync(dir).sort(),
      input = readFileSync(join(dir, 'in.png'));
    const r = svdkit(args, dir);
    expect(r.code).toBe(code);
    expect(r.stdout).toBe('');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr.trimEnd()).toMatch(message);
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readFileSync(join(dir, 'in.png')).equals(input)).toBe(true);
  });

  it.skipIf(process.getuid?.() === 0)('reports an output folder it may not write in (not as root)', () => {
    const locked = join(dir, 'locked');
    mkdirSync(locked, { mode: 0o555 });
    const r = svdkit(['compress', 'in.png', '--out', 'locked'], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/^svdkit: cannot write in the output folder locked: permission denied/);
  });
});

describe('svdkit spectrum', () => {
  it('writes an SVG of the singular values and energy with the ranks marked', () => {
    const dir = fresh('spectrum');
    const r = svdkit(['spectrum', '--ranks', '100,10', '--out', 'plot.svg'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ 100 +99\.\d\d% +\d+\.\d\d$/m);
    expect(r.stdout).toMatch(/wrote plot\.svg/);
    const svg = readFileSync(join(dir, 'plot.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    expect(svg).toContain('k=100');
    expect(svg).toContain('k=10: ');
    expect(svg).not.toMatch(/NaN|undefined/);
    noTempFiles(dir);
  });

  it('prints singular values and energies as JSON', () => {
    const dir = fresh('spectrum-json');
    const r = svdkit(['spectrum', '--energy', '0.99', '--json'], dir);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as SpectrumJson;
    expect(report.channels).toHaveLength(1);
    expect(report.channels[0].name).toBe('gray');
    expect(report.channels[0].singularValues).toHaveLength(400);
    expect(report.channels[0].cumulativeEnergy[399]).toBeCloseTo(1, 12);
    expect(report.marks).toHaveLength(1);
    expect(report.marks[0].energy).toBeGreaterThanOrEqual(0.99);
    expect(report.file).toBe(join('svdkit-out', 'camera-400-spectrum.svg'));
    expect(existsSync(join(dir, report.file))).toBe(true);
  });
});

describe('svdkit info, help and version', () => {
  it('reports version, backend and SIMD support', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const text = svdkit(['info']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`^svdkit ${pkg.version.replace(/\./g, '\\.')}\nbackend: +(wasm|js)`));
    expect(text.stdout).toMatch(/WebAssembly SIMD (yes|no)/);
    const info = JSON.parse(svdkit(['info', '--json']).stdout) as InfoJson;
    expect(info).toMatchObject({ command: 'info', version: pkg.version });
    expect(info.backend).toBe(info.wasm ? 'wasm' : 'js');
    expect(typeof info.engine.simd).toBe('boolean');
    expect(svdkit(['--version']).stdout).toBe(`${pkg.version}\n`);
  });

  it('prints usage', () => {
    const r = svdkit(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/svdkit compress \[input\.png\|jpg\]/);
    expect(svdkit(['compress', '--help']).stdout).toMatch(/--ranks 100,50,30,10/);
    expect(svdkit(['help', 'spectrum']).stdout).toMatch(/usage: svdkit spectrum/);
  });
});

describe('svdkit compress: randomized or exact', () => {
  let dir: string;
  beforeAll(async () => {
    const { photoLike } = await import('../bench/photo-data.js');
    dir = fresh('method');
    writeFileSync(
      join(dir, 'photo.png'),
      encode({ width: 560, height: 520, data: photoLike(560, 520), channels: 3, depth: 8 }),
    );
  });
  it('runs the randomized SVD for a small rank of a large image and says so', () => {
    const r = svdkit(['compress', 'photo.png', '--ranks', '10,40', '--out', 'r'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[1]).toMatch(
      /^560×520 RGB; one randomized SVD per channel \(float32, 3 power iterations.*--exact/,
    );
    const j = JSON.parse(
      svdkit(['compress', 'photo.png', '--ranks', '10,40', '--out', 'r', '--json'], dir).stdout,
    ) as CompressJson;
    expect(j.method).toBe('randomized');
  });
  it('--exact forces the full SVD; the errors differ by under 1%', () => {
    const e = JSON.parse(
      svdkit(['compress', 'photo.png', '--ranks', '10,40', '--out', 'e', '--json', '--exact'], dir).stdout,
    ) as CompressJson;
    const r = JSON.parse(
      svdkit(['compress', 'photo.png', '--ranks', '10,40', '--out', 'r', '--json'], dir).stdout,
    ) as CompressJson;
    expect(e.method).toBe('exact');
    e.rows.forEach((row, i) => {
      expect(r.rows[i].relativeError / row.relativeError).toBeGreaterThan(0.99999);
      expect(r.rows[i].relativeError / row.relativeError).toBeLessThan(1.01);
    });
    expect(
      svdkit(['compress', 'photo.png', '--ranks', '10', '--out', 'e', '--exact'], dir).stdout.split('\n')[1],
    ).toMatch(/one exact SVD per channel/);
  });
});

describe('outputs are never replaced silently', () => {
  let dir: string;
  beforeAll(() => {
    dir = fresh('safe');
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    copyFileSync(EXAMPLE, join(dir, 'a', 'photo.png'));
    const p = png(EXAMPLE);
    writeFileSync(
      join(dir, 'b', 'photo.png'),
      encode({
        width: p.width,
        height: p.height,
        channels: 1,
        depth: 8,
        data: Uint8Array.from(p.data, (v) => 255 - v),
      }),
    );
  });
  it('compress: another input with the same base name is refused (exit 4) unless --force', () => {
    expect(svdkit(['compress', 'a/photo.png', '--ranks', '10', '--out', 'o'], dir).code).toBe(0);
    const before = readFileSync(join(dir, 'o', 'photo-k10.png'));
    expect(svdkit(['compress', 'a/photo.png', '--ranks', '10', '--out', 'o'], dir).code).toBe(0); // its own outputs: replaced
    const r = svdkit(['compress', 'b/photo.png', '--ranks', '10', '--out', 'o'], dir);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(
      /refusing to replace o\/photo-sheet\.png \(made by svdkit from another input\), o\/photo-k10\.png .*--force/,
    );
    expect(readFileSync(join(dir, 'o', 'photo-k10.png'))).toEqual(before);
    expect(svdkit(['compress', 'b/photo.png', '--ranks', '10', '--out', 'o', '--force'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'o', 'photo-k10.png'))).not.toEqual(before);
  });
  it('spectrum --out: refuses a file it did not make, takes a folder like compress', () => {
    writeFileSync(join(dir, 'notes.md'), 'mine');
    const r = svdkit(['spectrum', 'a/photo.png', '--out', 'notes.md'], dir);
    expect([r.code, readFileSync(join(dir, 'notes.md'), 'utf8')]).toEqual([4, 'mine']);
    expect(r.stderr).toMatch(/refusing to replace notes\.md \(not an svdkit output\)/);
    expect(svdkit(['spectrum', 'a/photo.png', '--out', 'plot.svg'], dir).code).toBe(0);
    expect(svdkit(['spectrum', 'a/photo.png', '--out', 'plot.svg'], dir).code).toBe(0); // its own plot
    expect(svdkit(['spectrum', 'b/photo.png', '--out', 'plot.svg'], dir).code).toBe(4);
    expect(svdkit(['spectrum', 'a/photo.png', '--out', 'notes.md', '--force'], dir).code).toBe(0);
    expect(readFileSync(join(dir, 'notes.md'), 'utf8')).toMatch(/^<svg/);
    // A new name without .svg is a folder, as for compress, which can then use it too.
    expect(svdkit(['spectrum', 'a/photo.png', '--out', 'out'], dir).stdout).toMatch(/wrote out\/photo-spectrum\.svg/);
    expect(statSync(join(dir, 'out')).isDirectory()).toBe(true);
    expect(svdkit(['compress', 'a/photo.png', '--ranks', '5', '--out', 'out'], dir).code).toBe(0);
  });
  it.skipIf(!existsSync('/proc/self'))(
    '--out under /proc fails at once with exit 4 (it used to spin at 100% CPU)',
    () => {
      const r = svdkit(['compress', '--out', '/proc/x'], dir);
      expect(r.code).toBe(4);
      expect(r.stderr).toMatch(/cannot create the output folder \/proc\/x/);
    },
  );
});

describe('small images', () => {
  it('warns when the factors are larger than the image (96×64, rank 50: 131%)', () => {
    const dir = fresh('small');
    writeFileSync(
      join(dir, 's.png'),
      encode({
        width: 96,
        height: 64,
        channels: 3,
        depth: 8,
        data: Uint8Array.from({ length: 96 * 64 * 3 }, (_, i) => (i * 7) % 251),
      }),
    );
    const r = svdkit(['compress', 's.png', '--ranks', '50,10', '--out', 'o'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/131\.\d\d%/);
    expect(r.stdout).toMatch(
      /warning: at rank 50 the factors hold more values than the image has samples \(rate above 100%\):\n {2}they do not compress it; choose a rank below 39\n/,
    );
    expect(r.stdout).not.toMatch(/rank 50, 10/);
  });
  it('a 1×1 image: table, warning, and a contact sheet with whole captions', () => {
    const dir = fresh('one');
    writeFileSync(
      join(dir, 'p.png'),
      encode({ width: 1, height: 1, channels: 1, depth: 8, data: new Uint8Array([77]) }),
    );
    const r = svdkit(['compress', 'p.png', '--out', 'o'], dir);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/no rank compresses an image this small/);
    expect(png(join(dir, 'o', 'p-sheet.png')).width).toBeGreaterThan(100);
  });
});

describe('svdkit compress --save-factors and svdkit decompress', () => {
  let dir: string;
  beforeAll(async () => {
    const { photoLike } = await import('../bench/photo-data.js');
    dir = fresh('factors');
    writeFileSync(
      join(dir, 'p.png'),
      encode({ width: 180, height: 120, data: photoLike(180, 120), channels: 3, depth: 8 }),
    );
  });
  const within1 = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let ok = 0;
    for (let i = 0; i < a.length; i++) if (Math.abs(a[i] - b[i]) <= 1) ok++;
    return ok / a.length;
  };
  it('writes the .svdk, reports its size beside the input’s, and decompress gives the rank-k PNG back within ±1 level', () => {
    const r = svdkit(['compress', 'p.png', '--ranks', '30,8', '--out', 'o', '--save-factors'], dir);
    expect(r.code).toBe(0);
    const size = statSync(join(dir, 'o', 'p.svdk')).size,
      input = statSync(join(dir, 'p.png')).size;
    expect(size).toBe(64 + 3 * (4 + 64 + 8 * 30 + 2 * 30 * 300));
    expect(r.stdout).toMatch(
      new RegExp(
        `saved the compressed form: p\\.svdk, ${(size / 1000).toFixed(1)} kB \\(rank 30, float16 factors\\) beside the input's ${(input / 1000).toFixed(1)} kB`,
      ),
    );
    const d = svdkit(['decompress', 'o/p.svdk'], dir);
    expect(d.code).toBe(0);
    expect(d.stdout).toMatch(/wrote o\/p-k30-decompressed\.png \(rank 30\)/);
    expect(
      within1(png(join(dir, 'o', 'p-k30-decompressed.png')).data, png(join(dir, 'o', 'p-k30.png')).data),
    ).toBeGreaterThanOrEqual(0.999);
    const d8 = JSON.parse(svdkit(['decompress', 'o/p.svdk', '--rank', '8', '--out', 'back', '--json'], dir).stdout);
    expect(d8).toMatchObject({
      command: 'decompress',
      rank: 8,
      file: join('back', 'p-k8-decompressed.png'),
      input: { savedRank: 30, width: 180, height: 120 },
    });
    expect(
      within1(png(join(dir, 'back', 'p-k8-decompressed.png')).data, png(join(dir, 'o', 'p-k8.png')).data),
    ).toBeGreaterThanOrEqual(0.999);
    const j = JSON.parse(
      svdkit(
        ['compress', 'p.png', '--ranks', '30,8', '--out', 'o', '--save-factors', '--precision', 'float32', '--json'],
        dir,
      ).stdout,
    ) as CompressJson;
    expect(j.factors).toMatchObject({ file: join('o', 'p.svdk'), rank: 30, precision: 'float32', inputBytes: input });
  });
  it('bad files and flags', () => {
    writeFileSync(join(dir, 'junk.svdk'), 'not factors at all, clearly');
    const bad = svdkit(['decompress', 'junk.svdk'], dir);
    expect(bad.code).toBe(3);
    expect(bad.stderr).toMatch(/junk\.svdk: not an svdkit image factors file/);
    expect(svdkit(['decompress'], dir).code).toBe(2);
    expect(svdkit(['decompress', 'o/p.svdk', '--rank', '31'], dir).stderr).toMatch(
      /--rank takes a whole number from 1 to 30/,
    );
    expect(svdkit(['compress', 'p.png', '--precision', 'int8'], dir).stderr).toMatch(
      /--precision applies to --save-factors/,
    );
    expect(svdkit(['compress', 'p.png', '--save-factors', '--precision', 'float8'], dir).code).toBe(2);
  });
});
