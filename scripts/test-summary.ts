/** Adds up the vitest and Playwright JSON reports into the one closing line CI reads: "tests: N passed, N failed". */
import { readFile } from 'node:fs/promises';

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const report = JSON.parse(await readFile(file, 'utf8').catch(() => '{}')) as {
    numPassedTests?: number;
    numFailedTests?: number;
    numPendingTests?: number;
    stats?: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  if (report.stats) {
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected;
    skipped += report.stats.skipped;
  } else if (report.numPassedTests !== undefined) {
    passed += report.numPassedTests;
    failed += report.numFailedTests ?? 0;
    skipped += report.numPendingTests ?? 0;
  } else {
    console.error(`No test report at ${file}: that part of the suite did not run.`);
    failed += 1;
  }
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
