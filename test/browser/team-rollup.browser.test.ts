/**
 * "Combine team workbooks" in real Chromium against the production build, in preview mode: three
 * reps' workbooks (test/support/rep-workbooks.ts) uploaded, read in the browser by src/xlsx/read,
 * combined, inserted into the preview workbook and downloaded; the download holds the team counts
 * as the sum of the parts and the report's lines, every formula with its value
 * (docs/rules/team-rollup.md).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import { translator } from '../../src/i18n/define';
import catalog from '../../src/i18n/team-rollup';
import { openWorkbook } from '../../src/xlsx/read/open-table';
import { repWorkbook, threeReps } from '../support/rep-workbooks';
import { readStoredFormulas, uncached } from '../support/stored-values';
import { launch, paneContext, serve } from './support/browser';
import { ensureDist } from './support/dist';
import { download, openPane } from './support/pane';

jest.setTimeout(180_000);

let browser: Browser;
let server: Server;
let url: string;
const dir = mkdtempSync(path.join(tmpdir(), 'ap-browser-rollup-'));
const reps: string[] = [];

beforeAll(async () => {
  for (const [i, data] of threeReps().entries()) {
    const file = path.join(dir, `rep${i + 1}.xlsx`);
    writeFileSync(file, await repWorkbook(data));
    reps.push(file);
  }
  const dist = await ensureDist();
  ({ url, server } = await serve(dist));
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

test('three reps’ workbooks combined in the browser; the download has the team rows and the report', async () => {
  const t = translator(catalog, 'en-US');
  const context = await paneContext(browser, { locale: 'en-US', width: 360, officeJs: 'package' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await openPane(page, url, 'templates');
  await page.getByTestId('team-rollup-files').setInputFiles(reps);
  await page.getByRole('button', { name: t('paneRun') }).click();
  const result = page.getByTestId('team-rollup-result');
  await result.waitFor({ timeout: 60_000 });
  expect(await result.textContent()).toBe(t('paneDone', { taken: 16, read: 18, issues: 6 }));

  const file = await download(page, path.join(dir, 'team.xlsx'));
  const bytes = new Uint8Array(readFileSync(file));
  const book = openWorkbook(bytes);
  const rowsOf = (name: string) => {
    const info = book.sheets.find((s) => s.name === name);
    if (!info) throw new Error(`no ${name} in ${book.sheets.map((s) => s.name).join(', ')}`);
    const rows = [...book.rows(info)].flat();
    const header = rows.findIndex((r) => r.cells[0] === t('colOwner') || r.cells[0] === t('repNo'));
    return rows.slice(header + 1);
  };
  // The sheet language follows the pane's (en-US here); the reps' rows are as they typed them.
  expect(rowsOf(t('sheet_pipeline')).map((r) => r.cells[0])).toEqual(['张伟', '张伟', '张伟', '李娜', '李娜', '王强', '王强']);
  expect(rowsOf(t('sheetReport')).map((r) => [r.cells[1], r.cells[2], r.cells[4]])).toEqual([
    [t('problem_older-upgraded'), 'rep2.xlsx', 12],
    [t('problem_out-of-shape'), 'rep3.xlsx', '12–13'],
    [t('problem_conflict'), 'rep1.xlsx', 13],
    [t('problem_conflict'), 'rep2.xlsx', 13],
    [t('problem_conflict'), 'rep2.xlsx', 14],
    [t('problem_conflict'), 'rep3.xlsx', 14],
  ]);
  expect(uncached(await readStoredFormulas(bytes))).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
