/**
 * `npm run bench preview`: the preview's ABC on the whole Online Retail file (541,909 lines) in
 * headless Chromium against the command line's ABC on the same file, measured in the same run.
 * Target: the preview within 2× the CLI (issue 11). Timing never fails anything.
 *
 * The CLI: the compiled command line, `abc --in FILE.csv --customer CustomerID --value
 * Quantity*UnitPrice --json`, wall time of the process (median of RUNS).
 * The preview: the production build served locally, the ABC page, the file chosen in the upload
 * field until the tier summary shows (reading, column guess, computing); the reading and the
 * computing are also shown apart. Median of RUNS, a fresh page each time.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import { launch, paneContext, serve } from '../../test/browser/support/browser';
import { ensureDist } from '../../test/browser/support/dist';
import { openPane } from '../../test/browser/support/pane';

const ROOT = path.resolve(__dirname, '../..');
const DATA = path.resolve(ROOT, '../shared/data/online-retail.csv.gz');
const RUNS = Number(process.env.BENCH_PREVIEW_RUNS ?? 3);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function compileCli(out: string): string {
  try {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', path.join(ROOT, 'tsconfig.build.json'), '--outDir', out], { stdio: 'ignore' });
  } catch {
    // tsc exits non-zero on type errors anywhere in src but still emits JavaScript.
  }
  const main = path.join(out, 'cli/main.js');
  if (!existsSync(main)) throw new Error('the CLI did not compile');
  return main;
}

function cliOnce(main: string, csv: string): { ms: number; summary: unknown } {
  const t = performance.now();
  const r = spawnSync(process.execPath, [main, 'abc', '--in', csv, '--customer', 'CustomerID', '--value', 'Quantity*UnitPrice', '--json'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
    env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
  });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`CLI failed:\n${r.stderr}`);
  const j = JSON.parse(r.stdout) as { summary: Record<'A' | 'B' | 'C', { customers: number }> };
  return { ms, summary: (['A', 'B', 'C'] as const).map((k) => j.summary[k].customers) };
}

export async function run(): Promise<void> {
  if (!existsSync(DATA)) {
    console.log(`preview ABC vs CLI: skipped (${DATA} not found)`);
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-bench-preview-'));
  const csv = path.join(dir, 'online-retail.csv');
  writeFileSync(csv, gunzipSync(readFileSync(DATA)));
  const dist = await ensureDist();
  const main = compileCli(path.join(dir, 'cli'));
  const { url, server } = await serve(dist);
  const browser = await launch();
  try {
    const cli: number[] = [];
    const preview: number[] = [];
    const reading: number[] = [];
    const computing: number[] = [];
    let cliTiers: unknown;
    let shownTiers: unknown;
    // Alternate the two so both see the same load on a shared machine.
    for (let i = 0; i < RUNS; i++) {
      const c = cliOnce(main, csv);
      cli.push(c.ms);
      cliTiers = c.summary;

      const context = await paneContext(browser);
      const page = await context.newPage();
      await openPane(page, url, 'abc');
      const t0 = performance.now();
      await page.getByTestId('abc-file').setInputFiles(csv);
      await page.getByTestId('abc-loaded').waitFor({ timeout: 300_000 });
      const t1 = performance.now();
      await page.getByTestId('abc-preview').click();
      await page.getByTestId('abc-summary').waitFor({ timeout: 300_000 });
      const t2 = performance.now();
      shownTiers = await page
        .getByTestId('abc-summary')
        .locator('[data-tier]')
        .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-customers'))));
      await context.close();
      reading.push(t1 - t0);
      computing.push(t2 - t1);
      preview.push(t2 - t0);
    }
    const same = JSON.stringify(cliTiers) === JSON.stringify(shownTiers);
    console.log(`preview ABC vs CLI on online-retail.csv (541,909 lines), median of ${RUNS}:`);
    console.log(`  CLI (process, read + compute + JSON): ${fmt(median(cli))}   runs ${cli.map(fmt).join(', ')}`);
    console.log(`  preview in headless Chromium (upload → summary): ${fmt(median(preview))}   runs ${preview.map(fmt).join(', ')}`);
    console.log(`    reading the upload ${fmt(median(reading))}, computing the tiers ${fmt(median(computing))}`);
    console.log(`  preview / CLI: ${(median(preview) / median(cli)).toFixed(2)}× (target ≤ 2×)`);
    console.log(`  tier customer counts A/B/C: CLI ${JSON.stringify(cliTiers)}, preview ${JSON.stringify(shownTiers)}${same ? '' : '  ← DIFFERENT'}`);
  } finally {
    await browser.close();
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
