/**
 * Closing lines of every jest run: the time each test file (suite) took, slowest first, the
 * total per project (unit, libreoffice, browser, build) and the wall time — so the CI budget
 * is visible — then one plain "N passed, N failed, N skipped" line so CI can tell tests ran.
 */
const path = require('node:path');

const seconds = (ms) => `${(ms / 1000).toFixed(1).padStart(6)} s`;

class SummaryReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
  }

  onRunStart() {
    this.started = Date.now();
  }

  onRunComplete(_contexts, results) {
    const suites = results.testResults.map((r) => ({
      file: path.relative(this.rootDir, r.testFilePath),
      project: (r.displayName && (r.displayName.name || r.displayName)) || 'default',
      ms: r.perfStats && r.perfStats.end && r.perfStats.start ? r.perfStats.end - r.perfStats.start : 0,
    }));
    if (suites.length > 0) {
      const lines = ['', 'Time per suite (slowest first):'];
      const width = Math.max(...suites.map((s) => s.project.length));
      for (const s of [...suites].sort((a, b) => b.ms - a.ms)) lines.push(`${seconds(s.ms)}  ${s.project.padEnd(width)}  ${s.file}`);
      const totals = new Map();
      for (const s of suites) totals.set(s.project, (totals.get(s.project) || 0) + s.ms);
      lines.push('Time per project (summed over suites; they run 2 at a time):');
      for (const [project, ms] of totals) lines.push(`${seconds(ms)}  ${project}`);
      lines.push(`${seconds(Date.now() - (this.started || results.startTime))}  wall time of this jest run`);
      process.stdout.write(lines.join('\n') + '\n');
    }
    const { numPassedTests, numFailedTests, numPendingTests, numRuntimeErrorTestSuites } = results;
    const failed = numFailedTests + numRuntimeErrorTestSuites;
    process.stdout.write(`\nTests: ${numPassedTests} passed, ${failed} failed, ${numPendingTests} skipped\n`);
  }
}
module.exports = SummaryReporter;
