// Prints the closing line CI is read by, `tests: N passed, M failed`, from vitest's JSON report
// (its own counts, not ours), and exits 1 when any test failed or the report is missing.
import { readFileSync } from 'node:fs';

const path = process.argv[2];
let report;
try {
  report = JSON.parse(readFileSync(path, 'utf8'));
} catch (error) {
  console.log(`vitest wrote no report at ${path}: ${error.message}`);
  console.log('tests: 0 passed, 1 failed');
  process.exit(1);
}
// A file that failed to load has no test results of its own: count it as a failure.
const failedSuites = report.testResults.filter((file) => file.status === 'failed' && file.assertionResults.length === 0).length;
const failed = report.numFailedTests + failedSuites;
console.log(`tests: ${report.numPassedTests} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
