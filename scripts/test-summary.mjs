// Prints one plain line for CI, "N passed, N failed", from the unit (vitest) and e2e (Playwright)
// JSON reports. A missing report means that stage did not run: it counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;

const unit = 'test-results/unit-results.json';
if (existsSync(unit)) {
  const r = JSON.parse(readFileSync(unit, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests;
  skipped += r.numPendingTests + (r.numTodoTests ?? 0);
} else {
  console.log('unit tests did not run (no test-results/unit-results.json)');
  failed += 1;
}

const e2e = 'test-results/e2e-results.json';
if (existsSync(e2e)) {
  const s = JSON.parse(readFileSync(e2e, 'utf8')).stats;
  passed += s.expected + (s.flaky ?? 0);
  failed += s.unexpected;
  skipped += s.skipped;
} else {
  console.log('e2e tests did not run (no test-results/e2e-results.json)');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
