// The library in real Chromium (Debian's, through playwright-core): the core harness's cases on
// both backends agree with Node's; the scalar build, a wrong MIME type, the inline entry and an
// engine without WebAssembly all load and decompose; the worker keeps the page responsive and
// rebuilds errors as the same classes. The page is built with Vite from the built package.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as node from '../../src/index.js'; // the page runs the built package: compare it with src/, not with itself
import { runCases, type CaseResult } from './page/cases.js';
import { buildPage, ROOT } from './support/build.js';
import { chromiumMissing, launch } from './support/chromium.js';
import { serve, type StaticServer } from './support/server.js';

const missing = chromiumMissing();
if (missing?.fail) describe('browser', () => it('Chromium is required under CI', () => expect.fail(missing.reason)));
const suite = missing ? describe.skip : describe;

interface TestApi {
  loadError: string | null;
  info(): { wasm: boolean; simd: boolean; active: string };
  run(backend: string, dtype: string): CaseResult[];
  smoke(): { S: number[]; backend: string; wasmError: { name: string; unavailable: boolean; message: string } | null };
  workerChecks(): Promise<Record<string, any>>;
}
declare const svdkitTest: TestApi;

suite(`svdkit in Chromium${missing ? ` — SKIPPED: ${missing.reason}` : ''}`, () => {
  let browser: Browser, server: StaticServer, wrongMime: StaticServer, dir: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    dir = await buildPage(join(ROOT, 'test', 'browser', 'page'));
    server = await serve(dir);
    wrongMime = await serve(dir, { wasmType: 'application/octet-stream' });
    browser = await launch();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
    await wrongMime?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** Opens the test page; `setup` runs first (init scripts, routes). Fails on page errors. */
  async function open(query = '', setup?: (ctx: BrowserContext) => Promise<void>, base = server.url): Promise<Page> {
    const ctx = await browser.newContext();
    contexts.push(ctx);
    await setup?.(ctx);
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}index.html${query}`);
    await page
      .waitForFunction(() => document.body.dataset.ready === '1', undefined, { timeout: 30_000 })
      .catch((e) => {
        throw new Error(`page did not get ready: ${errors.join('; ') || (e as Error).message}`);
      });
    return page;
  }

  describe('the harness cases, in the page and in Node', () => {
    let page: Page;
    beforeAll(async () => {
      page = await open();
    });
    it('loads the SIMD build with init()', async () => {
      expect(await page.evaluate(() => svdkitTest.loadError)).toBeNull();
      expect(await page.evaluate(() => svdkitTest.info())).toMatchObject({ wasm: true, simd: true, active: 'wasm' });
    });
    for (const backend of ['wasm', 'js'] as const) {
      for (const dtype of ['float64', 'float32'] as const) {
        it(`${backend} / ${dtype}: every ratio < 50, values match Node's`, async () => {
          const inPage = await page.evaluate(([b, d]) => svdkitTest.run(b, d), [backend, dtype] as const);
          const inNode = runCases(node, backend, dtype);
          expect(inPage.length).toBe(inNode.length);
          const eps = dtype === 'float64' ? 2 ** -53 : 2 ** -24;
          for (let c = 0; c < inPage.length; c++) {
            const b = inPage[c],
              n = inNode[c];
            expect(b.name).toBe(n.name);
            expect(b.used, b.name).toBe(backend);
            expect(b.sorted, b.name).toBe(true);
            for (const [key, ratio] of Object.entries(b.ratios)) expect(ratio, `${b.name}: ${key}`).toBeLessThan(50);
            expect(b.values.length).toBe(n.values.length);
            const tol = 50 * Math.max(1, b.p) * eps * n.scale;
            for (let i = 0; i < b.values.length; i++) {
              expect(Math.abs(b.values[i] - n.values[i]), `${b.name}: value ${i}`).toBeLessThanOrEqual(tol);
            }
          }
        });
      }
    }
  });

  it('init({ simd: false }) loads the scalar build, which decomposes', async () => {
    const page = await open('?load=nosimd');
    expect(await page.evaluate(() => svdkitTest.loadError)).toBeNull();
    expect(await page.evaluate(() => svdkitTest.info())).toMatchObject({ wasm: true, simd: false, active: 'wasm' });
    const cases = await page.evaluate(() => svdkitTest.run('wasm', 'float64'));
    for (const c of cases) for (const r of Object.values(c.ratios)) expect(r, c.name).toBeLessThan(50);
  });

  it('an engine without SIMD gets the scalar build from init()', async () => {
    const page = await open('', (ctx) =>
      ctx.addInitScript(() => {
        const validate = WebAssembly.validate;
        // This engine "validates" no SIMD module: the 31-byte probe contains 0xfd (the SIMD prefix).
        WebAssembly.validate = (b: BufferSource) =>
          new Uint8Array(ArrayBuffer.isView(b) ? b.buffer : b).includes(0xfd) ? false : validate(b);
      }),
    );
    expect(await page.evaluate(() => svdkitTest.info())).toMatchObject({ wasm: true, simd: false, active: 'wasm' });
    expect((await page.evaluate(() => svdkitTest.smoke())).S).toEqual([5, expect.closeTo(3, 12)]);
  });

  it('no WebAssembly at all: init() resolves, js serves auto, wasm says why', async () => {
    const page = await open('', (ctx) =>
      ctx.addInitScript(() => {
        delete (globalThis as { WebAssembly?: unknown }).WebAssembly;
      }),
    );
    expect(await page.evaluate(() => svdkitTest.loadError)).toBeNull();
    expect(await page.evaluate(() => svdkitTest.info())).toMatchObject({ wasm: false, simd: false, active: 'js' });
    const smoke = await page.evaluate(() => svdkitTest.smoke());
    expect(smoke.backend).toBe('js');
    expect(smoke.S).toEqual([5, expect.closeTo(3, 12)]);
    expect(smoke.wasmError).toMatchObject({ name: 'BackendUnavailableError', unavailable: true });
    const cases = await page.evaluate(() => svdkitTest.run('js', 'float64'));
    for (const c of cases) for (const r of Object.values(c.ratios)) expect(r, c.name).toBeLessThan(50);
  });

  it('a server sending .wasm with the wrong MIME type still works (arrayBuffer fallback)', async () => {
    const page = await open('', undefined, wrongMime.url);
    expect(await page.evaluate(() => svdkitTest.loadError)).toBeNull();
    expect(await page.evaluate(() => svdkitTest.info())).toMatchObject({ wasm: true, simd: true, active: 'wasm' });
  });

  it('svdkit/inline loads with every .wasm request blocked', async () => {
    const blocked: string[] = [];
    const page = await open('?load=inline', (ctx) =>
      ctx.route('**/*.wasm', (route) => {
        blocked.push(route.request().url());
        return route.abort();
      }),
    );
    expect(await page.evaluate(() => svdkitTest.loadError)).toBeNull();
    expect(await page.evaluate(() => svdkitTest.info())).toMatchObject({ wasm: true, simd: true, active: 'wasm' });
    expect(await page.evaluate(() => svdkitTest.smoke().backend)).toBe('wasm');
    expect(blocked).toEqual([]);
  });

  it('svdkit/worker: results, errors as the same classes, and a responsive page', async () => {
    const page = await open();
    const r = await page.evaluate(() => svdkitTest.workerChecks());
    expect(r.info).toMatchObject({ wasm: true, simd: true, active: 'wasm' });
    expect(r.backend).toBe('wasm');
    expect(r.S[0]).toBeCloseTo(5, 12);
    expect(r.errors.InvalidMatrixError).toMatchObject({ instance: true, svdkit: true, code: 'INVALID_MATRIX' });
    expect(r.errors.InvalidOptionError).toMatchObject({ instance: true, svdkit: true, code: 'INVALID_OPTION' });
    expect(r.errors.ConvergenceError).toMatchObject({
      instance: true,
      svdkit: true,
      code: 'NO_CONVERGENCE',
      sweeps: 1,
    });
    expect(r.big.length).toBe(1024);
    // The page ran its own tasks while the worker decomposed (a count of events, no clock):
    // with the decomposition on the main thread there would be none before the result.
    expect(r.big.ticks).toBeGreaterThanOrEqual(20);
    expect(r.lowRank).toMatchObject({ isLowRank: true, k: 1 });
    expect(r.image.same).toBe(true);
    expect(r.image.stats.rank).toBe(1);
  });
});
