// CI's closing line (scripts/test-counts.mjs, run by .ci/run) is green only when vitest really
// passed: failing tests, files that did not load, success: false (an unhandled error), a non-zero
// exit status, a missing, half-written or stale report and an empty run all count as failures —
// for the script alone, and for .ci/run end to end with npm stubbed.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../scripts/test-counts.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'svdkit-counts-'));
const NOW = 1_800_000_000_000;

/** A vitest JSON report (the fields the script reads), with overrides. */
function report(over: Record<string, unknown> = {}) {
  return {
    numPassedTests: 3,
    numFailedTests: 0,
    numPendingTests: 0,
    numTodoTests: 0,
    startTime: NOW,
    success: true,
    testResults: [
      {
        name: 'a.test.ts',
        status: 'passed',
        assertionResults: [{ status: 'passed' }, { status: 'passed' }, { status: 'passed' }],
      },
    ],
    ...over,
  };
}

let n = 0;
function counts(content: unknown, ...args: string[]) {
  const file = join(dir, `r${n++}.json`);
  if (content !== undefined) writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  const r = spawnSync(process.execPath, [SCRIPT, file, ...args], { encoding: 'utf8' });
  return { line: r.stdout.trim(), status: r.status, why: r.stderr };
}

describe('scripts/test-counts.mjs', () => {
  it('a clean run: its counts, exit 0', () => {
    expect(counts(report(), '--status', '0', '--since', String(NOW - 1000))).toMatchObject({
      line: '3 passed, 0 failed',
      status: 0,
    });
    expect(counts(report({ numPendingTests: 2 }))).toMatchObject({ line: '3 passed, 0 failed, 2 skipped', status: 0 });
  });

  it('failing tests and files that did not load', () => {
    expect(counts(report({ numFailedTests: 2, success: false }), '--status', '1')).toMatchObject({
      line: '3 passed, 2 failed',
      status: 1,
    });
    const broken = report({
      success: false,
      testResults: [...report().testResults, { name: 'b.test.ts', status: 'failed', assertionResults: [] }],
    });
    expect(counts(broken, '--status', '1')).toMatchObject({ line: '3 passed, 1 failed', status: 1 });
  });

  it('success: false with every test passing (an unhandled rejection) is a failure', () => {
    const r = counts(report({ success: false }), '--status', '1');
    expect(r).toMatchObject({ line: '3 passed, 1 failed', status: 1 });
    expect(r.why).toMatch(/success: false/);
  });

  it('a non-zero vitest exit status is a failure even when the report says success', () => {
    const r = counts(report(), '--status', '1');
    expect(r).toMatchObject({ line: '3 passed, 1 failed', status: 1 });
    expect(r.why).toMatch(/status 1/);
  });

  it('a missing, half-written or stale report, or an empty run, is a failure', () => {
    expect(counts(undefined, '--status', '1')).toMatchObject({ line: '0 passed, 1 failed', status: 1 });
    expect(counts('{"numPassedTests": 3, "testRes', '--status', '0')).toMatchObject({
      line: '0 passed, 1 failed',
      status: 1,
    });
    const stale = counts(report(), '--status', '0', '--since', String(NOW + 1));
    expect(stale).toMatchObject({ line: '0 passed, 1 failed', status: 1 });
    expect(stale.why).toMatch(/earlier run/);
    expect(counts(report({ numPassedTests: 0, testResults: [] }))).toMatchObject({
      line: '0 passed, 1 failed',
      status: 1,
    });
  });

  it('.ci/run deletes old reports first and passes the status and start time on', () => {
    const run = readFileSync(new URL('../.ci/run', import.meta.url), 'utf8');
    const del = run.search(/^rm -rf test-results$/m),
      test = run.search(/^npm test$/m),
      count = run.search(/^node scripts\/test-counts\.mjs/m);
    expect(del).toBeGreaterThan(-1);
    expect(del).toBeLessThan(test);
    expect(test).toBeLessThan(count);
    expect(run.slice(count)).toMatch(/--status "\$status" --since "\$started"/);
  });
});

describe('.ci/run end to end, with npm stubbed', () => {
  /**
   * A copy of .ci/run and the counting script in a scratch project whose `npm` (and `chromium`)
   * are stubs: `npm test` writes `report` (if given) into test-results/ and exits with `status`.
   * A passing report from an earlier run is left in test-results/ beforehand.
   */
  function ci(report: unknown, status: number) {
    const root = mkdtempSync(join(tmpdir(), 'svdkit-ci-'));
    for (const d of ['.ci', 'scripts', 'bin', 'test-results']) mkdirSync(join(root, d));
    copyFileSync(fileURLToPath(new URL('../.ci/run', import.meta.url)), join(root, '.ci', 'run'));
    copyFileSync(SCRIPT, join(root, 'scripts', 'test-counts.mjs'));
    writeFileSync(join(root, 'test-results', 'vitest.json'), JSON.stringify(reportOf(999, { startTime: 0 })));
    if (report) writeFileSync(join(root, 'report.json'), JSON.stringify(report));
    const npm = `#!/bin/sh
if [ "$1" = test ]; then
  ${report ? 'mkdir -p test-results && cp report.json test-results/vitest.json' : 'echo "build failed" >&2'}
  exit ${status}
fi
exit 0
`;
    writeFileSync(join(root, 'bin', 'npm'), npm);
    writeFileSync(join(root, 'bin', 'chromium'), '#!/bin/sh\nexit 0\n');
    chmodSync(join(root, 'bin', 'npm'), 0o755);
    chmodSync(join(root, 'bin', 'chromium'), 0o755);
    chmodSync(join(root, '.ci', 'run'), 0o755);
    const r = spawnSync('bash', [join(root, '.ci', 'run')], {
      encoding: 'utf8',
      env: { ...process.env, PATH: `${join(root, 'bin')}:${process.env.PATH}` },
    });
    return { last: r.stdout.trim().split('\n').pop(), status: r.status };
  }
  const reportOf = (passed: number, over: Record<string, unknown> = {}) =>
    report({ numPassedTests: passed, startTime: Date.now() + 60_000, ...over });

  it('a clean run is green', () => {
    expect(ci(reportOf(3), 0)).toEqual({ last: '3 passed, 0 failed', status: 0 });
  });
  it('vitest exits 1 with every test passed (an unhandled rejection): red', () => {
    expect(ci(reportOf(3), 1)).toEqual({ last: '3 passed, 1 failed', status: 1 });
  });
  it('the build fails, an earlier passing report is on disk: red, and not its counts', () => {
    expect(ci(null, 1)).toEqual({ last: '0 passed, 1 failed', status: 1 });
  });
});
