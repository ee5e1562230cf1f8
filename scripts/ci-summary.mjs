#!/usr/bin/env node
// Prints "N passed, N failed" from vitest JSON reports (npm test, the fault suite, the browser
// suite). A report that should exist but does not (the type check or lint failed before tests
// ran, the browser suite could not start) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

// Each report after the first belongs to a suite that exists only once its config does.
const CONFIGS = [null, "vitest.faults.config.ts", "vitest.ui.config.ts"];

let passed = 0;
let failed = 0;
for (const [i, file] of process.argv.slice(2).entries()) {
  if (!existsSync(file)) {
    if (i === 0 || (CONFIGS[i] && existsSync(CONFIGS[i]))) failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, "utf8"));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + filesThatFailedToRun(report);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);

// A test file that fails to load has no failed tests of its own, yet it is a failure.
function filesThatFailedToRun(report) {
  return (report.testResults ?? []).filter((r) => r.status === "failed" && !r.assertionResults?.some((a) => a.status === "failed")).length;
}
