// The release artifacts: the package entries resolved by name through package.json "exports"
// (self-reference, as a user's import resolves them) are the built dist/ files, and they pass the
// contract checks on their own — the SVD harness, the sign convention, the default rank
// tolerance, eigh, lowRank's error — and give the same bits as src/ on the same input.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import * as src from '../src/index.js';
import * as srcImage from '../src/image/index.js';
import { requireBuild } from './harness/built.js';
import { checkSvd } from './harness/check-svd.js';
import { cases } from './harness/cases.js';
import { profiles, uniformMatrix, withSingularValues } from './harness/matrices.js';
import { eigenResidualRatio, eps, orthogonalityRatio } from './harness/ratios.js';
import { randomSymmetric } from './harness/symmetric.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const resolveExport = (id: string) => createRequire(join(ROOT, 'package.json')).resolve(id);

type Api = typeof import('../src/index.js');
type ImageApi = typeof import('../src/image/index.js');
let api: Api, image: ImageApi;

beforeAll(async () => {
  requireBuild(join(ROOT, 'dist', 'index.js'), join(ROOT, 'src'), 'these tests run the built package');
  api = await import(pathToFileURL(resolveExport('svdkit')).href);
  image = await import(pathToFileURL(resolveExport('svdkit/image')).href);
});

describe('package exports', () => {
  it('resolve to the built files in dist/', () => {
    expect(resolveExport('svdkit')).toBe(join(ROOT, 'dist', 'index.js'));
    expect(resolveExport('svdkit/image')).toBe(join(ROOT, 'dist', 'image', 'index.js'));
    expect(resolveExport('svdkit/inline')).toBe(join(ROOT, 'dist', 'inline', 'index.js'));
    expect(resolveExport('svdkit/worker')).toMatch(/dist[/\\]worker[/\\](node|index)\.js$/);
    expect(api.svd).not.toBe(src.svd); // a different module instance than src/
    expect(api.backendInfo()).toEqual(src.backendInfo());
  });
});

describe.each(cases)('the built package on %s / %s', (backend, dtype) => {
  const opts = { backend, dtype };

  it('passes the SVD harness on every shape class', () => {
    for (const [m, n] of [
      [0, 3],
      [1, 1],
      [1, 7],
      [7, 1],
      [9, 4],
      [4, 9],
      [12, 12],
      [40, 17],
    ]) {
      checkSvd(uniformMatrix(m, n, 7 * m + n), backend, dtype, api.svd);
    }
    for (const profile of Object.values(profiles))
      checkSvd(withSingularValues(20, 14, profile(14), 3), backend, dtype, api.svd);
  });

  it('keeps the sign convention: U positive at its largest entry', () => {
    const r = api.svd(
      [
        [0, -5, 0],
        [2, 0, 0],
        [0, 0, -1],
        [0, 0, 0],
      ],
      opts,
    );
    expect(Array.from(r.U!.data, (x) => x + 0)).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(r.Vt!.data, (x) => x + 0)).toEqual([0, -1, 0, 1, 0, 0, 0, 0, -1]);
  });

  it('eigh: residual and orthogonality ratios below 50', () => {
    const a = randomSymmetric(17, 5);
    const { values, vectors } = api.eigh(a, opts);
    const ad = dtype === 'float32' ? { ...a, data: Float32Array.from(a.data) } : a; // what the dtype decomposes
    expect(eigenResidualRatio(ad, values, vectors, eps[dtype])).toBeLessThan(50);
    expect(orthogonalityRatio(vectors, eps[dtype])).toBeLessThan(50);
  });

  it('matrixRank uses the default cutoff max(m, n)·ε·σ₁', () => {
    const e = dtype === 'float64' ? 2 ** -52 : 2 ** -23,
      t = 5 * e * 2;
    const data = new Float64Array(15);
    data[9] = 2;
    data[1] = -3 * t;
    data[14] = 0.3 * t;
    const a = { rows: 5, cols: 3, data: dtype === 'float32' ? Float32Array.from(data) : data };
    expect([
      api.matrixRank(a, opts),
      api.matrixRank(a, { ...opts, tol: 10 * t }),
      api.matrixRank(a, { ...opts, tol: 0.1 * t }),
    ]).toEqual([2, 1, 3]);
  });

  it('gives the same bits as src/ (svd, eigh, lowRank, randomizedSvd, lstsq, compressImage)', () => {
    const a = uniformMatrix(23, 16, 9),
      s = randomSymmetric(11, 2);
    const same = (x: ArrayLike<number>, y: ArrayLike<number>) => expect(Array.from(x)).toEqual(Array.from(y));
    const d = api.svd(a, opts),
      r = src.svd(a, opts);
    same(d.S, r.S);
    same(d.U!.data, r.U!.data);
    same(d.Vt!.data, r.Vt!.data);
    same(api.eigh(s, opts).vectors.data, src.eigh(s, opts).vectors.data);
    expect(api.lowRank(a, { energy: 0.9 }, opts).error).toBe(src.lowRank(a, { energy: 0.9 }, opts).error);
    same(api.randomizedSvd(a, 4, { ...opts, seed: 5 }).U.data, src.randomizedSvd(a, 4, { ...opts, seed: 5 }).U.data);
    same(api.lstsq(a, new Float64Array(23).fill(1), opts), src.lstsq(a, new Float64Array(23).fill(1), opts));
    const img = { width: 12, height: 9, data: Uint8Array.from({ length: 108 }, (_, i) => (i * 53) % 256) };
    expect(image.compressImage(img, 3, { backend }).stats(2)).toEqual(
      srcImage.compressImage(img, 3, { backend }).stats(2),
    );
  });
});
