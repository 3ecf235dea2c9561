// The capabilities the suite needs. Elsewhere a missing one (the wasm build, Chromium) makes its
// tests skip with the reason in their names; under CI (CI=true, as .ci/run sets) it fails here.
import { describe, expect, it } from 'vitest';
import { backendInfo } from '../src/index.js';
import { IN_CI, wasmMissing } from './harness/cases.js';
import { chromiumMissing } from './browser/support/chromium.js';

describe('capabilities', () => {
  it.skipIf(wasmMissing && !IN_CI)(
    `the wasm module loads${wasmMissing ? ' — SKIPPED: no wasm build (npm run build)' : ''}`,
    () => {
      expect(backendInfo(), 'the wasm build is required under CI: run npm run build').toMatchObject({
        wasm: true,
        active: 'wasm',
      });
    },
  );

  const chromium = chromiumMissing();
  it.skipIf(!!chromium && !chromium.fail)(
    `Chromium is there for the browser tests${chromium ? ` — SKIPPED: ${chromium.reason}` : ''}`,
    () => {
      if (chromium) expect.fail(chromium.reason);
    },
  );
});
