// `npm test`: the type check, then the unit, store and end-to-end suites, each run even when
// an earlier one failed (so one broken step does not hide the others' results), ending with
// the line "N passed, N failed". Exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { REPORTS, summarize } from './test-summary.mjs';

const root = resolve(import.meta.dirname, '..');
const STEPS = [
  { name: 'type check', script: 'typecheck' },
  { name: 'unit tests', script: 'test:unit' },
  { name: 'store tests', script: 'test:server' },
  { name: 'end-to-end tests', script: 'test:e2e' },
];

mkdirSync(resolve(root, '.tmp'), { recursive: true });
for (const report of REPORTS) rmSync(resolve(root, report), { force: true });

const failedSteps = [];
for (const step of STEPS) {
  console.log(`\n=== ${step.name} (npm run ${step.script}) ===`);
  const run = spawnSync('npm', ['run', step.script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failedSteps.push(step);
}

// The type check writes no report: a failure there counts as one failed test.
const typecheckFailed = failedSteps.some((s) => s.script === 'typecheck') ? 1 : 0;
const result = summarize(REPORTS.map((r) => resolve(root, r)), { extraFailures: typecheckFailed });
if (failedSteps.length > 0 && result.failed === 0) result.failed = 1; // a step failed without a failing test (a build, say)
if (failedSteps.length > 0) console.error(`tests: failed steps: ${failedSteps.map((s) => s.name).join(', ')}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exitCode = failedSteps.length === 0 && result.failed === 0 ? 0 : 1;
