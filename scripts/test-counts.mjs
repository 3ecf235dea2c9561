// Prints vitest's JSON report as the plain line `N passed, M failed` (CI reads it), and exits 1
// unless the run really passed.
//   node scripts/test-counts.mjs [report] [--status N] [--since MS]
// --status: vitest's exit status (npm test's). --since: when this run started (ms since the epoch);
// a report older than that is left over from an earlier run.
// Failures counted: failing tests; files that failed to load (no failing test of their own);
// a report with success: false and nothing else failing (an unhandled error); a non-zero exit
// status with nothing else failing; a missing, unreadable or stale report; a run of zero tests.
import { existsSync, readFileSync, statSync } from 'node:fs';

function parseArgs(argv) {
  const out = { file: 'test-results/vitest.json', status: 0, since: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--status') out.status = Number(argv[++i]);
    else if (a === '--since') out.since = Number(argv[++i]);
    else out.file = a;
  }
  return out;
}

function fail(reason) {
  console.log('0 passed, 1 failed');
  console.error(reason);
  process.exit(1);
}

const { file, status, since } = parseArgs(process.argv.slice(2));
if (!Number.isInteger(status)) fail(`--status must be vitest's exit status (an integer), got ${status}`);
if (!existsSync(file))
  fail(`no test report at ${file}: the test run did not get as far as vitest (exit status ${status})`);
let r;
try {
  r = JSON.parse(readFileSync(file, 'utf8'));
} catch (e) {
  fail(`the test report ${file} is not JSON (${e.message}): vitest did not finish writing it`);
}
if (since !== null) {
  const started = typeof r.startTime === 'number' ? r.startTime : statSync(file).mtimeMs;
  if (started < since)
    fail(`the test report ${file} is from an earlier run (${new Date(started).toISOString()}); this run wrote none`);
}
const files = Array.isArray(r.testResults) ? r.testResults : [];
// A file that fails to load has no failing test of its own: count it as one failure.
const brokenFiles = files.filter(
  (f) => f.status === 'failed' && !(f.assertionResults ?? []).some((a) => a.status === 'failed'),
).length;
let failed = (r.numFailedTests ?? 0) + brokenFiles;
const notes = [];
if (failed === 0 && r.success === false) {
  failed = 1;
  notes.push('vitest reports success: false (an unhandled error or a failed hook) with no failing test');
}
if (failed === 0 && status !== 0) {
  failed = 1;
  notes.push(`vitest exited with status ${status} with no failing test in its report`);
}
const passed = r.numPassedTests ?? 0;
if (passed === 0 && failed === 0) {
  failed = 1;
  notes.push('the report holds no test at all');
}
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
for (const n of notes) console.error(n);
process.exit(failed > 0 ? 1 : 0);
