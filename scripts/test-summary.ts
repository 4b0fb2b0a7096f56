/** Adds up the Go, vitest and Playwright JSON reports into the one closing line CI reads: "tests: N passed, N failed". */
import { readFile } from 'node:fs/promises';

let passed = 0;
let failed = 0;
let skipped = 0;
/** `go test -json` writes one event a line; each test ends in a pass, fail or skip event. */
function goTestReport(text: string) {
  const counts = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0 };
  for (const line of text.split('\n')) {
    const event = JSON.parse(line.startsWith('{') ? line : '{}') as { Action?: string; Test?: string };
    if (!event.Test) continue;
    if (event.Action === 'pass') counts.numPassedTests++;
    else if (event.Action === 'fail') counts.numFailedTests++;
    else if (event.Action === 'skip') counts.numPendingTests++;
  }
  return counts.numPassedTests + counts.numFailedTests + counts.numPendingTests > 0 ? counts : {};
}

for (const file of process.argv.slice(2)) {
  const text = await readFile(file, 'utf8').catch(() => '');
  const report = (file.endsWith('.jsonl') ? goTestReport(text) : JSON.parse(text || '{}')) as {
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
