/**
 * Chromium for the browser tests: Debian's /usr/bin/chromium driven by playwright-core (never a
 * downloaded browser). Without it the tests skip loudly — unless CI is set, where that fails.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';

export const CHROMIUM = process.env.SVDKIT_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
const IN_CI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/** Why the browser tests do not run here, or null when they do (and 'fail' under CI). */
export function chromiumMissing(): { reason: string; fail: boolean } | null {
  if (HAVE_CHROMIUM) return null;
  const reason = `${CHROMIUM} not found: install it with 'apt-get install -y chromium' (.ci/run does)`;
  if (!IN_CI) {
    process.stderr.write(`\n*** BROWSER TESTS SKIPPED: ${reason} ***\n\n`);
  }
  return { reason, fail: IN_CI };
}

/**
 * Launches headless Chromium. Playwright gives every launch a fresh temporary profile
 * (--user-data-dir) and removes it on close.
 */
export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}
