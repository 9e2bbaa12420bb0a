// Prints one plain line for CI, "N passed, N failed, N skipped", from the unit (vitest) and e2e
// (Playwright) JSON reports. A missing report means that stage did not run: it counts as one
// failure. Where no Electron binary exists, the `electron` e2e project is left out of the run
// (playwright.config.ts records why in the report's metadata): every spec it would have run is
// counted as skipped, so a skip never reads as a pass.
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

/** The tests of `project` in a Playwright JSON report (suites nest; each spec has one test per project). */
function testsOf(report, project) {
  let count = 0;
  const visit = (suite) => {
    for (const spec of suite.specs ?? []) count += (spec.tests ?? []).filter((test) => test.projectName === project).length;
    for (const child of suite.suites ?? []) visit(child);
  };
  for (const suite of report.suites ?? []) visit(suite);
  return count;
}

const e2e = 'test-results/e2e-results.json';
if (existsSync(e2e)) {
  const report = JSON.parse(readFileSync(e2e, 'utf8'));
  const s = report.stats;
  passed += s.expected + (s.flaky ?? 0);
  failed += s.unexpected;
  skipped += s.skipped;
  const electronSkipped = report.config?.metadata?.electronSkipped;
  if (electronSkipped) {
    const notRun = testsOf(report, 'chromium');
    skipped += notRun;
    console.log(`e2e: the electron project was skipped (${electronSkipped}): ${notRun} tests not run there`);
  }
} else {
  console.log('e2e tests did not run (no test-results/e2e-results.json)');
  failed += 1;
}

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
