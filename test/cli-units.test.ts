// The command line's parts, in process (the executable itself is tested in cli.test.ts).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decode as decodePng, encode as encodePngRaw } from 'fast-png';
import jpeg from 'jpeg-js';
import { afterAll, describe, expect, it } from 'vitest';
import { parseArgs } from '../src/cli/args.js';
import { decodeImage } from '../src/cli/decode.js';
import { encodePng } from '../src/cli/encode.js';
import { CliError, EXIT } from '../src/cli/errors.js';
import { inputId, prepareOutDir, refuseForeign, sourceOf, SOURCE_KEY, writeAtomic } from '../src/cli/files.js';
import { formatEta, Progress, SHOW_AFTER_MS } from '../src/cli/progress.js';
import { ranksFor, readRankFlags } from '../src/cli/rank-flags.js';
import { niceTicks, spectrumSvg } from '../src/cli/spectrum-svg.js';
import { cumulativeEnergy } from '../src/lowrank/rank.js';
import { formatTable, percent } from '../src/cli/table.js';
import type { RankStats } from '../src/image/index.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'svdkit-cli-units-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function crc32(bytes: number[]): number {
  let c = 0xffffffff;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

function cliError(f: () => unknown): CliError {
  try {
    f();
  } catch (e) {
    if (e instanceof CliError) return e;
    throw e;
  }
  throw new Error('expected a CliError');
}

describe('parseArgs', () => {
  const spec = { ranks: { value: true as const, example: '10' }, json: { value: false as const } };
  it('reads --name value, --name=value, booleans, positionals and --', () => {
    expect(parseArgs(['a.png', '--ranks', '5,6', '--json'], spec, 'x')).toEqual({
      positionals: ['a.png'],
      flags: { ranks: '5,6', json: true },
    });
    expect(parseArgs(['--ranks=7', '--', '--odd.png'], spec, 'x')).toEqual({
      positionals: ['--odd.png'],
      flags: { ranks: '7' },
    });
    expect(parseArgs(['-h'], spec, 'x').flags.help).toBe(true);
  });
  it('fails with usage errors that name the flag', () => {
    expect(cliError(() => parseArgs(['--nope'], spec, 'compress')).message).toMatch(
      /unknown option '--nope' for 'svdkit compress'/,
    );
    expect(cliError(() => parseArgs(['--ranks'], spec, 'x')).message).toBe('--ranks needs a value, e.g. --ranks 10');
    expect(cliError(() => parseArgs(['--json=1'], spec, 'x')).exitCode).toBe(EXIT.usage);
    expect(cliError(() => parseArgs(['-q'], spec, 'x')).message).toMatch(/unknown option '-q'/);
  });
});

describe('rank flags', () => {
  it('parses each form and rejects two at once', () => {
    expect(readRankFlags({ ranks: '100, 50,50,10' })).toEqual({ kind: 'ranks', ranks: [100, 50, 10] });
    expect(readRankFlags({ energy: '0.99' })).toEqual({ kind: 'energy', energy: 0.99 });
    expect(readRankFlags({ ratio: '.1' })).toEqual({ kind: 'ratio', ratio: 0.1 });
    expect(readRankFlags({})).toBeUndefined();
    expect(cliError(() => readRankFlags({ ranks: '5', ratio: '0.1' })).message).toMatch(/only one of/);
    expect(cliError(() => readRankFlags({ ranks: '0' })).message).toMatch(/rank 0 is not allowed/);
    expect(cliError(() => readRankFlags({ ranks: '1.5' })).message).toMatch(/whole numbers/);
    expect(cliError(() => readRankFlags({ energy: '2' })).message).toMatch(/\(0, 1\]/);
    expect(cliError(() => readRankFlags({ ratio: 'x' })).message).toMatch(/positive fraction/);
  });
  it('checks ranks against the image and picks defaults that fit', () => {
    expect(ranksFor(undefined, 400, 400, 'a')).toEqual([100, 50, 30, 10]);
    expect(ranksFor(undefined, 64, 40, 'a')).toEqual([30, 10]);
    expect(ranksFor(undefined, 8, 6, 'a')).toEqual([3, 2]);
    expect(ranksFor({ kind: 'energy', energy: 0.9 }, 8, 6, 'a')).toBeUndefined();
    expect(cliError(() => ranksFor({ kind: 'ranks', ranks: [5, 401] }, 400, 500, 'x.png')).message).toBe(
      'rank 401 is larger than min(width, height) = 400 of x.png (400×500); choose ranks from 1 to 400',
    );
  });
});

describe('table', () => {
  it('formats percentages from the exact fraction', () => {
    expect([80100, 40050, 24030, 8010].map((s) => percent(s, 160000))).toEqual(['50.06%', '25.03%', '15.02%', '5.01%']);
    expect(percent(1, 8)).toBe('12.50%');
    expect(percent(1, 80000)).toBe('0.00%');
    expect(percent(5, 1000000)).toBe('0.00%');
    expect(percent(5, 100000)).toBe('0.01%'); // exactly 0.005% rounds half up
    expect(percent(320400, 160000)).toBe('200.25%');
  });
  it('lays out the columns', () => {
    // The figures of the example photo at rank 100: relative error 0.032542, PSNR 35.0786 dB (numpy
    // 2.4.6 on examples/data/camera-400.png; test/image-psnr.test.ts checks them against svdkit).
    const row = (rank: number, psnr: number): RankStats => ({
      rank,
      storedValues: rank * 801,
      compressionRatio: (rank * 801) / 160000,
      relativeError: 0.0325,
      psnr,
      energy: 0.9,
    });
    const text = formatTable([row(100, 35.0786), row(400, Infinity)], 160000).split('\n');
    expect(text[0]).toBe('rank  stored values  compression rate  relative error  PSNR (dB)');
    expect(text[2]).toBe(' 100          80100            50.06%          0.0325      35.08');
    expect(text[3]).toMatch(/ 400 +320400 +200\.25% +0\.0325 +∞$/);
  });
});

describe('progress bar', () => {
  const sink = (isTTY: boolean) => {
    const out: string[] = [];
    return { stream: { isTTY, columns: 80, write: (s: string) => out.push(s) }, out };
  };
  it('draws from the start when the work is predicted long, then clears', () => {
    const { stream, out } = sink(true);
    const p = new Progress(stream, true);
    p.start(4, 2000);
    p.step(0, 'SVD of channel 1/3');
    p.step(2, 'rank 50');
    p.finish();
    expect(out).toHaveLength(3);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress line starts with the ANSI erase-line escape
    expect(out[1]).toMatch(/^\r\x1b\[K█{12}░{12} 2\/4 rank 50$/);
    expect(out[2]).toBe('\r\x1b[K');
  });
  it('waits half a second for short work', () => {
    const { stream, out } = sink(true);
    let t = 0;
    const p = new Progress(stream, true, () => t);
    p.start(3, 100);
    p.step(1, 'a');
    expect(out).toHaveLength(0);
    t = SHOW_AFTER_MS + 1;
    p.step(2, 'b');
    expect(out).toHaveLength(1);
  });
  it('adds an ETA from the pace so far after a second, and takes a new total', () => {
    const { stream, out } = sink(true);
    let t = 0;
    const p = new Progress(stream, true, () => t);
    p.start(10, 5000);
    p.step(0, 'channel 1/3: power iteration 0/4');
    expect(out[0]).not.toMatch(/ETA/);
    t = 2000;
    p.step(2, 'channel 1/3: power iteration 2/4');
    expect(out[1]).toMatch(/ 2\/10 channel 1\/3: power iteration 2\/4 · ETA 0:08$/);
    p.setTotal(20);
    t = 95_000;
    p.step(5, 'x');
    expect(out[2]).toMatch(/ 5\/20 x · ETA 4:45$/);
    expect(formatEta(3_725_000)).toBe('1:02:05');
  });
  it('is quiet when stderr is not a terminal or when disabled (--json)', () => {
    for (const [tty, enabled] of [
      [false, true],
      [true, false],
    ]) {
      const { stream, out } = sink(tty);
      const p = new Progress(stream, enabled);
      p.start(2, 5000);
      p.step(1, 'x');
      p.finish();
      expect(out).toHaveLength(0);
    }
  });
});

describe('decodeImage', () => {
  const png = (data: Parameters<typeof encodePngRaw>[0]) => encodePngRaw(data);
  it('reads 8-bit gray, gray+alpha, RGB and RGBA PNGs as they are', () => {
    for (const channels of [1, 2, 3, 4]) {
      const data = Uint8Array.from({ length: 6 * channels }, (_, i) => (i * 37) % 256);
      const { image, format } = decodeImage(png({ width: 3, height: 2, data, channels, depth: 8 }), 'x.png');
      expect(format).toBe('png');
      expect(image).toMatchObject({ width: 3, height: 2, channels });
      expect(Array.from(image.data)).toEqual(Array.from(data));
    }
  });
  it('keeps 16-bit samples at 16 bits and scales 1-bit gray to 8 bits', () => {
    const d16 = new Uint16Array([0, 65535, 257 * 100, 257 * 100 + 128]);
    const wide = decodeImage(png({ width: 2, height: 2, data: d16, channels: 1, depth: 16 }), 'x.png').image;
    expect(wide.data).toBeInstanceOf(Uint16Array);
    expect(Array.from(wide.data)).toEqual([0, 65535, 25700, 25828]);
    // 1-bit, 3 pixels a row padded to a byte: rows 101, 010
    const d1 = new Uint8Array([0b10100000, 0b01000000]);
    expect(
      Array.from(decodeImage(png({ width: 3, height: 2, data: d1, channels: 1, depth: 1 }), 'x.png').image.data),
    ).toEqual([255, 0, 255, 0, 255, 0]);
  });
  it('expands palettes, with alpha when the palette has transparency', () => {
    const idx = new Uint8Array([0, 1, 1, 0]);
    const rgb = decodeImage(
      png({
        width: 2,
        height: 2,
        data: idx,
        channels: 1,
        depth: 8,
        palette: [
          [255, 0, 0],
          [0, 0, 255],
        ],
      }),
      'p.png',
    ).image;
    expect(rgb.channels).toBe(3);
    expect(Array.from(rgb.data.subarray(0, 6))).toEqual([255, 0, 0, 0, 0, 255]);
    // (translucent entry first: fast-png's encoder drops opaque entries from tRNS, misaligning later ones)
    const rgba = decodeImage(
      png({
        width: 2,
        height: 2,
        data: idx,
        channels: 1,
        depth: 8,
        palette: [
          [0, 0, 255, 10],
          [255, 0, 0, 255],
        ],
      }),
      'p.png',
    ).image;
    expect(rgba.channels).toBe(4);
    expect(Array.from(rgba.data.subarray(0, 8))).toEqual([0, 0, 255, 10, 255, 0, 0, 255]);
  });
  it('turns a tRNS colour key on a gray PNG into alpha', () => {
    const plain = png({ width: 2, height: 1, data: new Uint8Array([7, 200]), channels: 1, depth: 8 });
    // insert a tRNS chunk (key = gray 7) after IHDR (8-byte signature + 25-byte chunk)
    const body = [0x74, 0x52, 0x4e, 0x53, 0, 7],
      c = crc32(body);
    const trns = new Uint8Array([0, 0, 0, 2, ...body, c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255, c & 255]);
    const bytes = new Uint8Array([...plain.subarray(0, 33), ...trns, ...plain.subarray(33)]);
    const { image } = decodeImage(bytes, 'key.png');
    expect(image.channels).toBe(2);
    expect(Array.from(image.data)).toEqual([7, 0, 200, 255]);
  });
  it('reads JPEG, as gray when all pixels are gray', () => {
    const w = 16,
      h = 8,
      rgba = new Uint8Array(w * h * 4);
    for (let i = 0; i < w * h; i++) rgba.set([200, 40 + i, 90, 255], 4 * i);
    const color = decodeImage(new Uint8Array(jpeg.encode({ width: w, height: h, data: rgba }, 95).data), 'c.jpg');
    expect(color).toMatchObject({ format: 'jpeg', image: { width: w, height: h, channels: 3 } });
    for (let i = 0; i < w * h; i++) rgba.set([i * 2, i * 2, i * 2, 255], 4 * i);
    const gray = decodeImage(new Uint8Array(jpeg.encode({ width: w, height: h, data: rgba }, 95).data), 'g.jpg');
    expect(gray.image.channels).toBe(1);
  });
  it('names unsupported, misnamed, empty and corrupt files', () => {
    const good = png({ width: 8, height: 8, data: new Uint8Array(64).fill(9), channels: 1, depth: 8 });
    expect(cliError(() => decodeImage(new TextEncoder().encode('GIF89a...'), 'a.gif')).message).toMatch(
      /a\.gif is a GIF image, an unsupported format/,
    );
    expect(cliError(() => decodeImage(new TextEncoder().encode('hello'), 'a.png')).message).toMatch(
      /a\.png is not a valid PNG file/,
    );
    expect(cliError(() => decodeImage(new TextEncoder().encode('hello'), 'a.txt')).message).toMatch(
      /unsupported format \(not PNG or JPEG\)/,
    );
    expect(cliError(() => decodeImage(new Uint8Array(0), 'e.png')).message).toBe(
      'e.png is empty (0 bytes), not an image',
    );
    const cut = cliError(() => decodeImage(good.subarray(0, good.length - 20), 'cut.png'));
    expect(cut.exitCode).toBe(EXIT.input);
    expect(cut.message).toMatch(/cut\.png is a corrupt or truncated PNG file/);
    const flipped = good.slice();
    flipped[30] ^= 0xff; // in the CRC of IHDR: a damaged file that would otherwise decode
    expect(cliError(() => decodeImage(flipped, 'flip.png')).message).toMatch(
      /flip\.png is a corrupt or truncated PNG file \(.*CRC/i,
    );
    expect(cliError(() => decodeImage(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, 1, 2]), 'j.jpg')).message).toMatch(
      /corrupt or truncated JPEG/,
    );
  });
});

describe('encodePng', () => {
  it('round-trips every channel count', () => {
    for (const channels of [1, 2, 3, 4] as const) {
      const data = Uint8ClampedArray.from({ length: 20 * channels }, (_, i) => i * 3);
      const back = decodePng(encodePng({ width: 5, height: 4, channels, data }));
      expect(back).toMatchObject({ width: 5, height: 4, channels, depth: 8 });
      expect(Array.from(back.data)).toEqual(Array.from(data));
    }
  });
});

describe('files', () => {
  it('writes whole files, leaves no temporary files and never writes over the input', () => {
    const dir = tempDir(),
      input = join(dir, 'in.png');
    writeFileSync(input, 'original');
    writeAtomic(join(dir, 'out.txt'), 'one');
    writeAtomic(join(dir, 'out.txt'), 'two');
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toBe('two');
    const e = cliError(() => writeAtomic(join(dir, '.', 'in.png'), 'x', input));
    expect(e.exitCode).toBe(EXIT.output);
    expect(e.message).toMatch(/refusing to overwrite the input file/);
    expect(readFileSync(input, 'utf8')).toBe('original');
    expect(cliError(() => writeAtomic(join(dir, 'no', 'such', 'x'), 'x')).exitCode).toBe(EXIT.output);
    expect(readdirSync(dir).sort()).toEqual(['in.png', 'out.txt']);
  });
  it('makes output folders and reports ones it cannot make', () => {
    const dir = tempDir();
    prepareOutDir(join(dir, 'a', 'b'));
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual([]);
    writeFileSync(join(dir, 'f'), '');
    expect(cliError(() => prepareOutDir(join(dir, 'f'))).message).toMatch(/is a file, not a folder/);
    expect(cliError(() => prepareOutDir(join(dir, 'f', 'sub'))).message).toMatch(
      /cannot create the output folder .*a part of the path is a file/,
    );
    prepareOutDir(join(dir, 'p', 'q', 'r', 's')); // several missing levels, one at a time
    expect(readdirSync(join(dir, 'p', 'q', 'r'))).toEqual(['s']);
  });
  it.skipIf(!existsSync('/proc/self'))(
    'refuses a folder under /proc at once instead of spinning (bounded, non-recursive walk)',
    () => {
      const t0 = Date.now();
      expect(cliError(() => prepareOutDir('/proc/svdkit-no-such/x')).message).toMatch(
        /cannot create the output folder \/proc\/svdkit-no-such\/x/,
      );
      expect(cliError(() => prepareOutDir('/proc/x')).exitCode).toBe(EXIT.output);
      expect(Date.now() - t0).toBeLessThan(5000); // a hang would time the test out; this only names the bug
    },
  );
  it('marks outputs with the input id and refuses to replace what another input or the user made', () => {
    const dir = tempDir(),
      a = Uint8Array.from([1, 2, 3]),
      b = Uint8Array.from([1, 2, 4]);
    const ida = inputId(a),
      idb = inputId(b);
    expect(ida).toMatch(/^[0-9a-f]{16}$/);
    expect(ida).not.toBe(idb);
    const png = join(dir, 'x-k1.png'),
      svg = join(dir, 'x.svg'),
      mine = join(dir, 'notes.md');
    writeFileSync(
      png,
      encodePng({ width: 1, height: 1, channels: 1, data: new Uint8Array(1) }, { [SOURCE_KEY]: `${ida} x.png` }),
    );
    writeFileSync(svg, `<svg>\n<!-- ${SOURCE_KEY} ${ida} x.png -->`);
    writeFileSync(mine, 'my notes');
    expect([sourceOf(png), sourceOf(svg), sourceOf(mine), sourceOf(join(dir, 'none'))]).toEqual([ida, ida, null, null]);
    refuseForeign([png, svg, join(dir, 'new.png')], ida, false); // same input, or new: fine
    const e = cliError(() => refuseForeign([png, mine], idb, false));
    expect(e.exitCode).toBe(EXIT.output);
    expect(e.message).toMatch(
      /x-k1\.png \(made by svdkit from another input\), .*notes\.md \(not an svdkit output\).*--force/,
    );
    refuseForeign([png, mine], idb, true);
  });
});

describe('spectrum SVG', () => {
  it('plots every channel, marks the ranks and stays well-formed', () => {
    const s = Float64Array.from({ length: 50 }, (_, i) => 1000 * 0.8 ** i);
    const svg = spectrumSvg({
      title: 'a <b> & c',
      series: [
        { name: 'red', values: s },
        { name: 'green', values: s },
      ],
      marks: [5, 20, 99],
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trim().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('a &lt;b&gt; &amp; c');
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg).toContain('k=5');
    expect(svg).toContain('k=20: ');
    expect(svg).not.toContain('k=99');
    expect(svg).not.toMatch(/NaN|Infinity|undefined/);
    expect(cumulativeEnergy([3, 4])[0]).toBeCloseTo(9 / 25, 15);
    expect(niceTicks(400)).toEqual([0, 100, 200, 300, 400]);
  });
  it('copes with zero singular values and a single value', () => {
    const svg = spectrumSvg({ title: 't', series: [{ name: 'gray', values: [5, 0, 0] }], marks: [1] });
    expect(svg).not.toMatch(/NaN|Infinity/);
    expect(spectrumSvg({ title: 't', series: [{ name: 'gray', values: [0] }], marks: [1] })).not.toMatch(
      /NaN|Infinity/,
    );
  });
});
