// The demo page (demo/, built with its own Vite config) in real Chromium: it opens with the
// shipped 400×400 grayscale photo, the slider at k = 100 shows 80100 stored values and 50.06%,
// the reconstruction's pixels change between k = 5 and k = 100, both backends are timed, and a
// picked file replaces the photo. Screenshots go to test-artifacts/ (and, with
// SVDKIT_UPDATE_SCREENSHOT=1, to docs/images/demo.png for README).
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'fast-png';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemo, ROOT } from './support/build.js';
import { chromiumMissing, launch } from './support/chromium.js';
import { serve, type StaticServer } from './support/server.js';

const missing = chromiumMissing();
if (missing?.fail) describe('demo', () => it('Chromium is required under CI', () => expect.fail(missing.reason)));
const suite = missing ? describe.skip : describe;
const ARTIFACTS = join(ROOT, 'test-artifacts');

/** Moves the rank slider as a person does (value + input event). */
async function setRank(page: Page, k: number): Promise<void> {
  await page.locator('#rank').evaluate((el: HTMLInputElement, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, k);
  // The table updates after the page re-renders the rank-k image (a 400×400 product on the page's
  // thread); under a loaded CI machine that can take seconds, so wait up to 30 s, not the default 1 s.
  await expect
    .poll(() => page.locator('#t-rank').textContent(), {
      timeout: 30_000,
      message: `the stats table never showed rank ${k} after the slider moved`,
    })
    .toBe(String(k));
}

/** The reconstruction canvas's pixels. */
function pixels(page: Page): Promise<number[]> {
  return page
    .locator('#approx')
    .evaluate((c: HTMLCanvasElement) => Array.from(c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data));
}

suite(`the demo in Chromium${missing ? ` — SKIPPED: ${missing.reason}` : ''}`, () => {
  let browser: Browser, server: StaticServer, page: Page, dir: string;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    dir = await buildDemo();
    server = await serve(dir);
    browser = await launch();
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}index.html`);
    await page.waitForFunction(() => document.body.dataset.ready === '1', undefined, { timeout: 60_000 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens with the shipped photo, decomposed on both backends and timed', async () => {
    expect(errors).toEqual([]);
    expect(await page.locator('#size').textContent()).toBe('400×400, gray');
    expect(await page.locator('#rank').getAttribute('max')).toBe('400');
    expect(await page.locator('#time-wasm').textContent()).toMatch(/^\d+ ms$/);
    expect(await page.locator('#time-js').textContent()).toMatch(/^\d+ ms$/);
    expect(await page.locator('#status').textContent()).toBe('ready');
  });

  it('k = 100: 80100 stored values, 50.06%; the pixels differ from k = 5', async () => {
    await setRank(page, 5);
    const at5 = await pixels(page);
    await page.screenshot({ path: join(ARTIFACTS, 'demo-k5.png'), fullPage: true });
    await setRank(page, 100);
    expect(await page.locator('#t-stored').textContent()).toBe('80100');
    expect(await page.locator('#t-ratio').textContent()).toBe('50.06%');
    expect(await page.locator('#t-psnr').textContent()).toMatch(/^\d+\.\d\d dB$/);
    const at100 = await pixels(page);
    expect(at100.length).toBe(400 * 400 * 4);
    let changed = 0;
    for (let i = 0; i < at100.length; i += 4) if (at100[i] !== at5[i]) changed++;
    expect(changed).toBeGreaterThan(0.25 * 400 * 400);
    expect(await page.locator('#spectrum').textContent()).toContain('k = 100');
    await page.screenshot({ path: join(ARTIFACTS, 'demo-k100.png'), fullPage: true });
    if (process.env.SVDKIT_UPDATE_SCREENSHOT) {
      await setRank(page, 40);
      await page.screenshot({ path: join(ROOT, 'docs', 'images', 'demo.png'), fullPage: true });
    }
  });

  it('switching the backend keeps the view and shows both timings', async () => {
    await page.locator('input[name=backend][value=js]').check();
    await setRank(page, 100);
    expect(await page.locator('#t-stored').textContent()).toBe('80100');
    expect(await page.locator('#speedup').textContent()).toMatch(/^wasm \d+\.\d× faster$/);
    await page.locator('input[name=backend][value=wasm]').check();
  });

  it('a picked image replaces the photo', async () => {
    const width = 64,
      height = 48,
      data = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * height; i++) {
      data[3 * i] = (i % width) * 4;
      data[3 * i + 1] = Math.floor(i / width) * 5;
      data[3 * i + 2] = 128;
    }
    const png = Buffer.from(encode({ width, height, data, channels: 3, depth: 8 }));
    await page.locator('#file').setInputFiles({ name: 'ramp.png', mimeType: 'image/png', buffer: png });
    await page.waitForFunction(() => document.body.dataset.ready === '2', undefined, { timeout: 60_000 });
    expect(await page.locator('#size').textContent()).toBe('64×48, RGB');
    expect(await page.locator('#rank').getAttribute('max')).toBe('48');
    await setRank(page, 2);
    expect(await page.locator('#t-stored').textContent()).toBe(String(3 * 2 * (64 + 48 + 1)));
    expect(errors).toEqual([]);
  });
});
