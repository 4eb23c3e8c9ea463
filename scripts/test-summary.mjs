// The one "N passed, N failed" line, summed from vitest's JSON reports. `npm test` prints it
// last (scripts/run-tests.mjs) and `.ci/run` prints it again for the CI result reader, which
// does not understand vitest's own summary (see shared/TOOLCHAIN.md).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The JSON report each vitest project writes (package.json test:unit / test:server / test:e2e). */
export const REPORTS = ['.tmp/vitest-unit.json', '.tmp/vitest-server.json', '.tmp/vitest-e2e.json'];

/**
 * Sum the reports. A missing or unreadable report means its step never ran or crashed and
 * counts as one failure; a file that failed to load fails its suite without failing a test,
 * so it counts too. `extraFailures` adds failed steps that write no report (the type check).
 * Details go to `log`; the result is the summary line.
 */
export function summarize(reports = REPORTS, { extraFailures = 0, log = (line) => console.error(line) } = {}) {
  let passed = 0;
  let failed = extraFailures;
  for (const file of reports) {
    let report;
    try {
      report = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      log(`tests: no readable report ${file} (${error.code ?? error.message}): counted as 1 failed`);
      failed += 1;
      continue;
    }
    const filePassed = report.numPassedTests ?? 0;
    let fileFailed = report.numFailedTests ?? 0;
    if (report.success === false && fileFailed === 0) fileFailed = Math.max(1, report.numFailedTestSuites ?? 0);
    log(`tests: ${file}: ${filePassed} passed, ${fileFailed} failed`);
    passed += filePassed;
    failed += fileFailed;
  }
  return { passed, failed, line: `${passed} passed, ${failed} failed` };
}

// `node scripts/test-summary.mjs [exit-status-of-the-tests]`: print the line; a non-zero
// status with no failed test in the reports counts as one failure.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const status = Number(process.argv[2] ?? 0);
  const result = summarize();
  if (status !== 0 && result.failed === 0) {
    console.error(`tests: the test command exited ${status} with no failed test in the reports: counted as 1 failed`);
    result.failed = 1;
  }
  console.log(`${result.passed} passed, ${result.failed} failed`);
  process.exitCode = result.failed === 0 && status === 0 ? 0 : 1;
}
