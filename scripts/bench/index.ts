/**
 * `npm run bench`: each benchmark prints ratios measured in the same run against a reference.
 * Timing never fails anything; the exit code is 0 unless a benchmark itself crashes.
 */
const SUITES = ['./abc', './abc-out', './bonus', './preview', './rollup'] as const;

/** A suite named exactly (`abc` is not `abc-out`), else every suite whose name contains the word. */
function picks(word: string, suite: string): boolean {
  const exact = SUITES.some((s) => s === `./${word}`);
  return exact ? suite === `./${word}` : suite.includes(word);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const suite of SUITES) {
    if (only.length && !only.some((o) => picks(o, suite))) continue;
    const mod = (await import(suite)) as { run: () => Promise<void> };
    await mod.run();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
