/**
 * `npm run bench`: each benchmark prints ratios measured in the same run against a reference.
 * Timing never fails anything; the exit code is 0 unless a benchmark itself crashes.
 */
const SUITES = ['./abc', './abc-out', './bonus', './preview'] as const;

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const suite of SUITES) {
    if (only.length && !only.some((o) => suite.includes(o))) continue;
    const mod = (await import(suite)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
