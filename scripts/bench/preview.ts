/**
 * `npm run bench preview`: the task pane at scale, each figure against a reference measured in
 * the same run, with peak memory. Timing never fails anything.
 *
 * 1. Issue 11: the preview's ABC on the whole Online Retail file (541,909 lines) in headless
 *    Chromium vs the command line's ABC on the same file (compiled CLI, `abc --in FILE.csv
 *    --customer CustomerID --value Quantity*UnitPrice --json`, wall time of the process).
 *    Target ≤ 2×. Median of RUNS, the two alternated so both see the same load; a fresh page each
 *    time (upload until the tier summary shows: reading, column guess, computing).
 * 2. Issue 12: the preview's ABC result for 200,000 customers (400,000 lines uploaded, computed,
 *    written into the preview workbook and shown): time against the CLI's `--json` on the same
 *    file, memory against 1 GiB. The pane's memory is the renderer process's peak resident set
 *    (VmHWM: JavaScript heap, WebAssembly, DOM, the upload's bytes); the JS heap alone (CDP
 *    Performance.getMetrics, sampled) is printed beside it. The CLI's is its max RSS.
 * 3. Issue 12: the Office writer's requests for the same 200,000-customer result sheet in the
 *    fake Excel (which counts them): the largest against Excel on the web's 5 MB limit.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { OfficeHost } from '../../src/office/office-host';
import { createAbcService } from '../../src/taskpane/services/abc-service';
import { writeAbcResult } from '../../src/taskpane/services/write-abc';
import { launch, paneContext, serve } from '../../test/browser/support/browser';
import { abcScaleCsv } from '../../test/browser/support/data';
import { ensureDist } from '../../test/browser/support/dist';
import { watchMemory } from '../../test/browser/support/memory';
import { abcUploadToSheet, openPane } from '../../test/browser/support/pane';
import { PAYLOAD_LIMIT_BYTES } from '../../test/office/fake-excel/core';
import { installFakeExcel } from '../../test/office/fake-excel/install';

const ROOT = path.resolve(__dirname, '../..');
const DATA = path.resolve(ROOT, '../shared/data/online-retail.csv.gz');
const RUNS = Number(process.env.BENCH_PREVIEW_RUNS ?? 3);
const SCALE_CUSTOMERS = Number(process.env.BENCH_PREVIEW_CUSTOMERS ?? 200_000);
const GiB = 2 ** 30;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fmt = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

function compileCli(out: string): string {
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/typescript/bin/tsc'),
        '-p',
        path.join(ROOT, 'tsconfig.build.json'),
        '--outDir',
        out,
      ],
      { stdio: 'ignore' },
    );
  } catch {
    // tsc exits non-zero on type errors anywhere in src but still emits JavaScript.
  }
  const main = path.join(out, 'cli/main.js');
  if (!existsSync(main)) throw new Error('the CLI did not compile');
  return main;
}

/** The CLI's ABC as JSON under /usr/bin/time: wall time, max RSS, the tier customer counts. */
function cliOnce(
  main: string,
  csv: string,
  customer: string,
  value: string,
): { ms: number; rss: number; tiers: number[] } {
  const t = performance.now();
  const r = spawnSync(
    '/usr/bin/time',
    [
      '-f',
      '%M',
      '-o',
      `${csv}.time`,
      process.execPath,
      main,
      'abc',
      '--in',
      csv,
      '--customer',
      customer,
      '--value',
      value,
      '--json',
    ],
    {
      encoding: 'utf8',
      maxBuffer: 512 * 1024 * 1024,
      env: { ...process.env, NODE_PATH: path.join(ROOT, 'node_modules') },
    },
  );
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`CLI failed:\n${r.stderr}`);
  const rss = Number(readFileSync(`${csv}.time`, 'utf8').trim().split('\n').pop()) * 1024;
  const j = JSON.parse(r.stdout) as { summary: Record<'A' | 'B' | 'C', { customers: number }> };
  return { ms, rss, tiers: (['A', 'B', 'C'] as const).map((k) => j.summary[k].customers) };
}

/** The preview on a fresh page: upload → tier summary (→ result sheet shown), with the page's peak memory. */
async function previewOnce(browser: Browser, url: string, csv: string, write: boolean) {
  const context = await paneContext(browser);
  try {
    const page = await context.newPage();
    await openPane(page, url, 'abc');
    const memory = await watchMemory(page);
    let steps: { reading: number; computing: number; writing: number };
    if (write) steps = await abcUploadToSheet(page, csv);
    else {
      const t0 = Date.now();
      await page.getByTestId('abc-file').setInputFiles(csv);
      await page.getByTestId('abc-loaded').waitFor({ timeout: 300_000 });
      const t1 = Date.now();
      await page.getByTestId('abc-preview').click();
      await page.getByTestId('abc-summary').waitFor({ timeout: 300_000 });
      steps = { reading: t1 - t0, computing: Date.now() - t1, writing: 0 };
    }
    const peak = await memory.stop();
    const tiers = await page
      .getByTestId('abc-summary')
      .locator('[data-tier]')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-customers'))));
    return { ...steps, ms: steps.reading + steps.computing + steps.writing, ...peak, tiers };
  } finally {
    await context.close();
  }
}

type Preview = Awaited<ReturnType<typeof previewOnce>>;

function report(title: string, cli: ReturnType<typeof cliOnce>[], preview: Preview[], target: string): void {
  // On a shared machine the ratio is only as good as the load was even: say what it was.
  console.log(
    `(load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores)`,
  );
  const same = JSON.stringify(cli[0].tiers) === JSON.stringify(preview[0].tiers);
  const cliMs = median(cli.map((c) => c.ms));
  const pMs = median(preview.map((p) => p.ms));
  console.log(`${title}, median of ${preview.length}:`);
  console.log(
    `  CLI (process, read + compute + JSON): ${fmt(cliMs)}   runs ${cli.map((c) => fmt(c.ms)).join(', ')}   peak RSS ${mib(Math.max(...cli.map((c) => c.rss)))}`,
  );
  console.log(`  preview in headless Chromium: ${fmt(pMs)}   runs ${preview.map((p) => fmt(p.ms)).join(', ')}`);
  console.log(
    `    reading ${fmt(median(preview.map((p) => p.reading)))}, computing ${fmt(median(preview.map((p) => p.computing)))}` +
      (preview[0].writing ? `, writing the sheet until shown ${fmt(median(preview.map((p) => p.writing)))}` : ''),
  );
  const rendererPeak = Math.max(...preview.map((p) => p.rendererPeak));
  console.log(
    `    peak memory: renderer process ${mib(rendererPeak)} (${(rendererPeak / GiB).toFixed(2)} of 1 GiB), JS heap ${mib(Math.max(...preview.map((p) => p.jsHeapPeak)))}`,
  );
  console.log(`  preview / CLI: ${(pMs / cliMs).toFixed(2)}× ${target}`);
  console.log(
    `  tier customer counts A/B/C: CLI ${JSON.stringify(cli[0].tiers)}, preview ${JSON.stringify(preview[0].tiers)}${same ? '' : '  ← DIFFERENT'}`,
  );
}

/** The Office writer's requests for the pane's result sheet, in the fake Excel (Node). */
async function officeRequests(csvRows: string[][]): Promise<void> {
  const computed = await createAbcService().compute(
    { label: 'Orders', headers: ['Customer', 'Amount'], rows: csvRows, firstRowNumber: 2 },
    { customer: 'Customer', value: 'Amount', factor: '' },
    { method: 'value', thresholds: [0.8, 0.95], crossingToLower: false, groupByCustomer: true },
    'en-US',
  );
  const fake = installFakeExcel();
  try {
    const t = performance.now();
    await writeAbcResult(new OfficeHost(), computed, 'en-US');
    const ms = performance.now() - t;
    const syncs = fake.session.syncs;
    const largest = fake.session.maxRequestBytes();
    console.log(
      `Office writer, the same ${SCALE_CUSTOMERS.toLocaleString('en-US')}-customer result sheet into the fake Excel:`,
    );
    console.log(
      `  ${syncs.length} requests, ${(syncs.reduce((n, s) => n + s.requestBytes, 0) / 1e6).toFixed(1)} MB in all; largest ${(largest / 1e6).toFixed(2)} MB = ` +
        `${(largest / PAYLOAD_LIMIT_BYTES).toFixed(2)}× the 5 MB limit (target ≤ 1×); largest response ${(fake.session.maxResponseBytes() / 1e3).toFixed(0)} kB; ${fmt(ms)} in the fake`,
    );
  } finally {
    fake.uninstall();
  }
}

export async function run(): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ap-bench-preview-'));
  const dist = await ensureDist();
  const main = compileCli(path.join(dir, 'cli'));
  const { url, server } = await serve(dist);
  const browser = await launch();
  try {
    if (existsSync(DATA)) {
      const csv = path.join(dir, 'online-retail.csv');
      writeFileSync(csv, gunzipSync(readFileSync(DATA)));
      const cli: ReturnType<typeof cliOnce>[] = [];
      const preview: Preview[] = [];
      // Alternated so both see the same load on a shared machine.
      for (let i = 0; i < RUNS; i++) {
        cli.push(cliOnce(main, csv, 'CustomerID', 'Quantity*UnitPrice'));
        preview.push(await previewOnce(browser, url, csv, false));
      }
      report('preview ABC vs CLI on online-retail.csv (541,909 lines)', cli, preview, '(target ≤ 2×)');
    } else console.log(`preview ABC vs CLI: skipped (${DATA} not found)`);

    const scale = abcScaleCsv(dir, SCALE_CUSTOMERS);
    const cli: ReturnType<typeof cliOnce>[] = [];
    const preview: Preview[] = [];
    for (let i = 0; i < Math.min(RUNS, 2); i++) {
      cli.push(cliOnce(main, scale, 'Customer', 'Amount'));
      preview.push(await previewOnce(browser, url, scale, true));
    }
    report(
      `preview ABC result sheet for ${SCALE_CUSTOMERS.toLocaleString('en-US')} customers (${(2 * SCALE_CUSTOMERS).toLocaleString('en-US')} lines) vs CLI --json`,
      cli,
      preview,
      '(no time target; memory target: renderer < 1 GiB)',
    );
    await browser.close();
    const rows = readFileSync(scale, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => l.split(','));
    await officeRequests(rows);
  } finally {
    await browser.close().catch(() => undefined);
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
