#!/usr/bin/env node
/*
 * Sums the results of every test runner of `scripts/test.sh` and prints the closing line
 * `N passed, N failed`. Arguments: the Jest JSON report, the Playwright JSON reports (the
 * development pass, then the production-build pass; comma-separated), and the number of
 * failed check steps (type check, lint). Exits 1 when anything failed or when no test ran.
 */
const fs = require('node:fs');

const [jestReport, playwrightReport, failedSteps = '0'] = process.argv.slice(2);

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

let passed = 0;
let failed = Number(failedSteps) || 0;
let skipped = 0;

const jest = readJson(jestReport);
if (jest) {
  passed += jest.numPassedTests;
  failed += jest.numFailedTests + (jest.numRuntimeErrorTestSuites || 0);
  skipped += jest.numPendingTests + (jest.numTodoTests || 0);
  const database = [];
  for (const suite of jest.testResults) {
    for (const t of suite.assertionResults) {
      if (/POSTGRES|SQLITE/.test(t.fullName))
        database.push(`  ${t.status}: ${t.fullName}`);
    }
  }
  console.log(
    `unit tests (jest): ${jest.numPassedTests} passed, ${jest.numFailedTests} failed, ${jest.numRuntimeErrorTestSuites} suites did not run`,
  );
  if (database.length) console.log(`database tests:\n${database.join('\n')}`);
} else {
  console.log('unit tests (jest): no report');
  failed += 1;
}

for (const report of (playwrightReport || '').split(',')) {
  const pass = /production/.test(report) ? 'production build' : 'development';
  const pw = readJson(report);
  if (pw) {
    const s = pw.stats;
    passed += s.expected + s.flaky;
    failed += s.unexpected;
    skipped += s.skipped;
    const errors = (pw.errors || []).length;
    failed += errors;
    console.log(
      `end-to-end tests (playwright, ${pass}): ${
        s.expected + s.flaky
      } passed (${s.flaky} after a retry), ${s.unexpected} failed${
        errors ? `, ${errors} run errors` : ''
      }`,
    );
  } else {
    console.log(`end-to-end tests (playwright, ${pass}): no report`);
    failed += 1;
  }
}

console.log(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
