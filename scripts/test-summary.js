#!/usr/bin/env node
/*
 * Sums the results of every test runner of `scripts/test.sh` and prints the closing line
 * `N passed, N failed`. Arguments: the Jest JSON report, the Playwright JSON reports (the
 * development pass, then the production-build pass; comma-separated), the number of failed
 * check steps (type check, lint, API reports, build), then the Playwright JSON reports of
 * the install test. Says in one line how many tests that read ../shared/corpus were skipped
 * because it is not beside the checkout. Exits 1 when anything failed or when no test ran.
 */
const fs = require('node:fs');

const [jestReport, playwrightReport, failedSteps = '0', ...installReports] =
  process.argv.slice(2);

/** What the name of a test that reads the shared corpus ends with. */
const CORPUS_MARK = '(reads ../shared/corpus)';

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
let corpusSkipped = 0;

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
      if (t.status === 'pending' && t.fullName.includes(CORPUS_MARK))
        corpusSkipped += 1;
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

for (const report of installReports) {
  const install = readJson(report);
  if (!install) {
    console.log(`install test: no report (${report})`);
    failed += 1;
    continue;
  }
  const s = install.stats;
  passed += s.expected + s.flaky;
  failed += s.unexpected + (install.errors || []).length;
  skipped += s.skipped;
  console.log(
    `install test (${report.replace(
      /.*install-(\w+)\.json$/,
      '$1',
    )} frontend system, playwright): ${s.expected + s.flaky} passed, ${
      s.unexpected
    } failed`,
  );
}

if (corpusSkipped)
  console.log(
    `skipped ${corpusSkipped} tests that read ../shared/corpus (real contracts, products and schemas written by others, kept beside the checkout, never in it): it is not there; the project's own fixtures cover the same behaviours`,
  );
console.log(
  `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`,
);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
