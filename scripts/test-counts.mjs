// Prints vitest's JSON report as the plain line `N passed, M failed` (CI reads it).
import { existsSync, readFileSync } from 'node:fs';

const file = process.argv[2] ?? 'test-results/vitest.json';
if (!existsSync(file)) {
  console.log('0 passed, 1 failed');
  console.error(`no test report at ${file}: the test run did not get as far as vitest`);
  process.exit(1);
}
const r = JSON.parse(readFileSync(file, 'utf8'));
// A file that fails to load has no failing test of its own: count it as one failure.
const brokenFiles = r.testResults.filter(
  (f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed'),
).length;
const failed = r.numFailedTests + brokenFiles;
const skipped = r.numPendingTests + r.numTodoTests;
console.log(`${r.numPassedTests} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(failed > 0 || r.numPassedTests === 0 ? 1 : 0);
