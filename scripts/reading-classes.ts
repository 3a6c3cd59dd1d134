/**
 * `npx tsx scripts/reading-classes.ts`: every class of input issue 11 lists, run today through the
 * command line (`abc --in FILE --json`, columns found as the CLI finds them) and through the
 * preview's code path (readUpload → the ABC service's column guess → compute, the functions the
 * pane calls, run in Node), printed as the Markdown table of docs/notes/reading-classes.md.
 * With `--browser`, the files that need no choice are also uploaded into the built pane in
 * headless Chromium and what the page shows is quoted (the tier total or the error's title).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { readUpload, UploadError } from '../src/taskpane/preview/read-upload';
import { launch, paneContext, serve } from '../test/browser/support/browser';
import { ensureDist } from '../test/browser/support/dist';
import { openPane } from '../test/browser/support/pane';
import { createAbcService, type AbcOptions } from '../src/taskpane/services/abc-service';
import { CSV_CLASSES, encryptedWorkbook, lateGb18030, xlsxClassFiles } from '../test/support/class-files';

const ROOT = path.resolve(__dirname, '..');
const dir = mkdtempSync(path.join(tmpdir(), 'ap-classes-'));

interface Case {
  cls: string;
  file: string;
  bytes: Buffer;
  /** Extra CLI options (the pane's same choice in `pane`). */
  cli?: string[];
  pane?: Partial<AbcOptions> & { columns?: { customer: string; value: string } };
  /** Customers whose values are shown (default: all, or the last two of many). */
  show?: string[];
  /** Runs of each front end; the answer is given once with how many runs gave it. */
  repeat?: number;
}

const csv = (s: string) => Buffer.from(s, 'utf8');

function cliRun(c: Case): string {
  const file = path.join(dir, c.file);
  writeFileSync(file, c.bytes);
  const r = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(ROOT, 'src/cli/main.ts'),
      'abc',
      '--in',
      file,
      '--json',
      '--lang',
      'en-US',
      ...(c.cli ?? []),
    ],
    {
      encoding: 'utf8',
      cwd: ROOT,
      maxBuffer: 64 * 2 ** 20,
    },
  );
  if (r.status !== 0) return `exit ${r.status}: ${oneLine(r.stderr.replace(file, c.file))}`;
  const j = JSON.parse(r.stdout) as {
    customers: { customer: string; value: string }[];
    nonPositive?: { customer: string; value: string }[];
    rejected?: { count: number; rows: { row: number; reason: string }[] };
  };
  return `exit 0: ${values(
    j.customers.map((x) => [x.customer, x.value]),
    c.show,
  )}${rejected(j.rejected?.count ?? 0, j.rejected?.rows ?? [])}`;
}

async function paneRun(c: Case): Promise<string> {
  let sheets;
  try {
    sheets = await readUpload({
      name: c.file,
      arrayBuffer: async () =>
        c.bytes.buffer.slice(c.bytes.byteOffset, c.bytes.byteOffset + c.bytes.byteLength) as ArrayBuffer,
    });
  } catch (e) {
    if (e instanceof UploadError) return `refused: ${oneLine(e.reason ? e.reason.text('en-US') : e.message)}`;
    throw e;
  }
  const sheet = sheets[0];
  const abc = createAbcService();
  const columns = c.pane?.columns ?? abc.guessColumns(sheet.table.headers);
  if (!columns.customer || !columns.value)
    return `read; columns not found (customer "${columns.customer}", value "${columns.value}")`;
  const options: AbcOptions = {
    method: 'value',
    thresholds: [0.8, 0.95],
    crossingToLower: false,
    groupByCustomer: true,
    ...c.pane,
  };
  try {
    const r = await abc.compute({ ...sheet.table, label: sheet.name }, { factor: '', ...columns }, options, 'en-US');
    return `${values(
      r.summary.ranked.map((x) => [x.customer, String(x.value)]),
      c.show,
    )}${rejected(r.summary.rejectedCount, r.summary.rejected)}`;
  } catch (e) {
    return `refused: ${oneLine((e as Error).message)}`;
  }
}

const oneLine = (s: string) => s.trim().split('\n').filter(Boolean).slice(0, 2).join(' / ').replace(/\|/g, '\\|');
const values = (pairs: string[][], show?: string[]) =>
  show
    ? `${pairs.length} customers; ${show.map((k) => `${k} = ${pairs.find((p) => p[0] === k)?.[1] ?? 'absent'}`).join(', ')}`
    : pairs.length > 4
      ? `${pairs.length} customers, ${pairs
          .slice(-2)
          .map(([k, v]) => `${k} = ${v}`)
          .join(', ')} (last two)`
      : pairs.map(([k, v]) => `${k} = ${v}`).join(', ') || 'no customers';
const rejected = (n: number, rows: { row: number; reason: string }[]) =>
  n
    ? `; ${n} rejected: ${rows
        .slice(0, 2)
        .map((r) => `row ${r.row}: ${oneLine(r.reason)}`)
        .join('; ')}`
    : '';

/** The file uploaded on the ABC page in Chromium, columns as the pane guesses them: what the page says. */
async function chromiumRun(browser: Browser, url: string, c: Case): Promise<string> {
  const file = path.join(dir, c.file);
  writeFileSync(file, c.bytes);
  const context = await paneContext(browser);
  try {
    const page = await context.newPage();
    await openPane(page, url, 'abc');
    const alert = page.getByRole('alert').first();
    await page.getByTestId('abc-file').setInputFiles(file);
    await page.getByTestId('abc-loaded').or(alert).waitFor({ timeout: 60_000 });
    if (await alert.isVisible()) return `shows: ${oneLine(await alert.locator('.fui-MessageBarTitle').innerText())}`;
    await page.getByTestId('abc-preview').click();
    await page.getByTestId('abc-summary').or(alert).waitFor({ timeout: 60_000 });
    if (await alert.isVisible()) return `shows: ${oneLine(await alert.locator('.fui-MessageBarTitle').innerText())}`;
    const total = await page.getByTestId('abc-total').innerText();
    const rejected = page.getByTestId('rejected-rows');
    return `shows: ${oneLine(total)}${(await rejected.isVisible()) ? `; ${oneLine((await rejected.innerText()).split('\n')[0])}` : ''}`;
  } finally {
    await context.close();
  }
}

async function cases(): Promise<Case[]> {
  const x = await xlsxClassFiles();
  const f = (cls: string, name: string, extra: Partial<Case> = {}): Case => ({
    cls,
    file: x[name].name,
    bytes: x[name].bytes,
    ...extra,
  });
  const both = (customer: string, value: string) => ({
    cli: ['--customer', customer, '--value', value],
    pane: { columns: { customer, value } },
  });
  return [
    f('Non-deterministic zip order (sheets before shared strings)', 'zip-order.xlsx', { repeat: 20 }),
    f('Shared-strings part name in another letter case', 'part-case.xlsx'),
    f('Absolute relationship targets (openpyxl, pandas)', 'absolute-targets.xlsx'),
    f('Cells and rows without `r`', 'no-r.xlsx'),
    f('CDATA inline string', 'cdata.xlsx'),
    f('Phonetic runs (furigana)', 'phonetic.xlsx'),
    f('`t="d"` date cell in the value column', 'date-cells.xlsx', both('Customer', 'Value')),
    { cls: 'Encrypted workbook', file: 'encrypted.xlsx', bytes: encryptedWorkbook() },
    {
      cls: 'CSV row with more (and fewer) fields than the header',
      file: 'fields.csv',
      bytes: csv(CSV_CLASSES.fieldCounts),
    },
    { cls: 'CSV unterminated quote', file: 'unterminated.csv', bytes: csv(CSV_CLASSES.unterminated) },
    {
      cls: 'Semicolons + decimal commas, no choice made',
      file: 'semicolon.csv',
      bytes: csv(CSV_CLASSES.semicolon),
      ...both('Kunde', 'Betrag'),
    },
    {
      cls: 'Semicolons + decimal commas, `--decimal-comma` / the pane’s checkbox',
      file: 'semicolon.csv',
      bytes: csv(CSV_CLASSES.semicolon),
      cli: ['--customer', 'Kunde', '--value', 'Betrag', '--decimal-comma'],
      pane: { columns: { customer: 'Kunde', value: 'Betrag' }, decimalComma: true },
    },
    {
      cls: 'GB18030 after 2 MB of ASCII',
      file: 'late-gb18030.csv',
      bytes: lateGb18030(),
      show: ['华为技术有限公司', '华润万家有限公司'],
    },
    {
      cls: 'Numbers beyond Excel’s range',
      file: 'range.csv',
      bytes: csv('Customer,Amount\nAcme,1e309\nBeta,9.99999999999999E+307\nGamma,-2E+308\nDelta,100\n'),
    },
    {
      cls: '30+ digit strings',
      file: 'digits.csv',
      bytes: csv(`Customer,Amount\nAcme,${'1'.repeat(31)}\nBeta,${'9'.repeat(2_000_000)}\nGamma,100\n`),
    },
    {
      cls: 'Mixed currency, no default',
      file: 'currency.csv',
      bytes: csv('Customer,Amount\nAcme,¥1000\nBeta,200\nGamma,CNY 300\n'),
    },
    {
      cls: 'Mixed currency, `--currency CNY` / the pane’s choice',
      file: 'currency.csv',
      bytes: csv('Customer,Amount\nAcme,¥1000\nBeta,200\nGamma,CNY 300\n'),
      cli: ['--currency', 'CNY'],
      pane: { currency: 'CNY' },
    },
    {
      cls: 'Column detection without `--value` (quantity × unit price)',
      file: 'retail-like.csv',
      bytes: csv(
        'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country\n536365,85123A,HEART,6,12/1/2010 8:26,2.55,17850,UK\n536366,22633,WARMER,6,12/1/2010 8:28,1.85,17850,UK\n536367,84879,BIRD,32,12/1/2010 8:34,1.69,13047,UK\n',
      ),
    },
  ];
}

async function main(): Promise<void> {
  let chromium: { browser: Browser; url: string; close: () => Promise<void> } | undefined;
  if (process.argv.includes('--browser')) {
    const { url, server } = await serve(await ensureDist());
    const browser = await launch();
    chromium = {
      browser,
      url,
      close: async () => {
        await browser.close();
        server.close();
      },
    };
  }
  console.log(
    `| Class | File | CLI (\`abc --in FILE --json\`) | Preview (upload → ABC) |${chromium ? ' In Chromium |' : ''}`,
  );
  console.log(`|---|---|---|---|${chromium ? '---|' : ''}`);
  for (const c of await cases()) {
    const n = c.repeat ?? 1;
    const cli = new Set(Array.from({ length: n }, () => cliRun(c)));
    const pane = new Set<string>();
    for (let i = 0; i < n; i++) pane.add(await paneRun(c));
    const runs = (answers: Set<string>) =>
      n === 1
        ? [...answers][0]
        : answers.size === 1
          ? `the same on all ${n} runs: ${[...answers][0]}`
          : `DIFFERENT across ${n} runs: ${[...answers].join(' ‖ ')}`;
    const shown = chromium ? ` ${c.cli ? '—' : await chromiumRun(chromium.browser, chromium.url, c)} |` : '';
    console.log(
      `| ${c.cls} | ${c.file}${c.cli ? ` \`${c.cli.join(' ')}\`` : ''} | ${runs(cli)} | ${runs(pane)} |${shown}`,
    );
  }
  await chromium?.close();
}

void main();
