/**
 * The task pane as a person uses it, in real Chromium against the production build, outside
 * Office: with Microsoft's office.js (from the @microsoft/office-js package, in place of the CDN)
 * the pane's start-up runs the real Office.onReady, which resolves with no host, so the pane is
 * in preview mode; one test blocks office.js altogether. Templates, ABC and bonus end to end,
 * downloads checked in LibreOffice. Screenshots of each step go to test-output/browser/.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import { errorCells, readWorkbook, recalc } from '../support/libreoffice';
import { compareStored, readStoredFormulas, uncached } from '../support/stored-values';
import { launch, paneContext, serve, shotPath } from './support/browser';
import { engineAbc, engineNewCustomer, newCustomerOrders, retailSlice } from './support/data';
import { ensureDist } from './support/dist';
import {
  computeNewCustomerBonus,
  download,
  openPane,
  runAbcPreview,
  scrollTop,
  shownRepBonus,
  shownTiers,
} from './support/pane';

jest.setTimeout(180_000);

let browser: Browser;
let server: Server;
let url: string;
const dir = mkdtempSync(path.join(tmpdir(), 'ap-browser-'));
const downloads: string[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  const dist = await ensureDist();
  ({ url, server } = await serve(dist));
  browser = await launch();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function pane(
  locale: string,
  p: string,
  width = 320,
  officeJs: 'package' | 'blocked' = 'package',
): Promise<{ context: BrowserContext; page: Page; ms: number }> {
  const context = await paneContext(browser, { locale, width, officeJs });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const ms = await openPane(page, url, p);
  return { context, page, ms };
}

test('Microsoft’s office.js outside Office: Office.onReady resolves with no host, the pane is in preview within 3 s', async () => {
  const { context, page, ms } = await pane('en-US', 'templates');
  expect(ms).toBeLessThan(3000);
  expect(await page.getByTestId('preview-bar').innerText()).toContain('Preview — not connected to Excel');
  const office = await page.evaluate(async () => {
    const o = (globalThis as { Office?: { onReady(): Promise<{ host: unknown; platform: unknown }> } }).Office;
    if (!o) return 'no Office global';
    const info = await o.onReady();
    return { host: info.host ?? null, platform: info.platform ?? null };
  });
  expect(office).toEqual({ host: null, platform: null });
  await context.close();
});

test('office.js unreachable: the pane shows "Preview — not connected to Excel" within 3 s', async () => {
  const { context, page, ms } = await pane('en-US', 'templates', 320, 'blocked');
  expect(ms).toBeLessThan(3000);
  expect(await page.getByTestId('preview-bar').innerText()).toContain('Preview — not connected to Excel');
  await scrollTop(page);
  await page.screenshot({ path: shotPath('01-preview-bar-en-US-320'), fullPage: false });
  await context.close();
});

test('Templates: insert SWOT in Chinese, see it, download it', async () => {
  const { context, page } = await pane('zh-CN', 'templates');
  expect(await page.getByTestId('preview-bar').innerText()).toContain('预览模式');
  expect(await page.getByRole('combobox', { name: '工作表语言' }).inputValue()).toBe('zh-CN');
  await page.locator('li[data-kind="swot"]').getByRole('button').click();
  const region = page.getByRole('region', { name: /工作表 .* 的预览/ });
  await region.waitFor();
  // Computed values in the browser (IronCalc), not formula text.
  await page.getByText(/公式显示的是在此计算的结果/).waitFor();
  expect(await region.innerText()).not.toMatch(/=IF\(|=N\(/);
  await scrollTop(page);
  await page.screenshot({ path: shotPath('02-templates-swot-inserted-zh-CN-320'), fullPage: true });
  const file = await download(page, path.join(dir, 'swot-zh-CN.xlsx'));
  downloads.push(file);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  expect(ws.name).toMatch(/SWOT/);
  expect(String(ws.getCell('A1').value)).toMatch(/[\u4e00-\u9fff]/);
  // Recently used first.
  await page.reload();
  await page.getByTestId('preview-bar').waitFor();
  expect(await page.locator('li[data-kind]').first().getAttribute('data-kind')).toBe('swot');
  await context.close();
});

test('ABC on the first 20,000 lines of the retail data: the summary shown is the engine’s; result downloads', async () => {
  const slice = retailSlice(dir, 20_000);
  const expected = await engineAbc(slice);
  const { context, page } = await pane('en-US', 'abc');
  await runAbcPreview(page, slice);
  const shown = await shownTiers(page);
  expect(shown.map(({ tier, customers, value }) => ({ tier, customers, value }))).toEqual(expected.tiers);
  // What the eye reads matches too (customers and value as displayed).
  for (const t of expected.tiers) {
    const row = shown.find((s) => s.tier === t.tier)!;
    expect(row.text).toContain(t.customers.toLocaleString('en-US'));
    expect(row.text).toContain(t.value.toLocaleString('en-US', { maximumFractionDigits: 2 }));
  }
  expect(await page.getByTestId('rejected-rows').innerText()).toContain(
    `${expected.rejected.toLocaleString('en-US')} row(s) skipped`,
  );
  await scrollTop(page);
  await page.screenshot({ path: shotPath('03-abc-summary-en-US-320'), fullPage: true });
  await page.getByTestId('abc-write').click();
  await page.getByTestId('download-xlsx').waitFor();
  await scrollTop(page);
  await page.screenshot({ path: shotPath('04-abc-written-en-US-320'), fullPage: true });
  downloads.push(await download(page, path.join(dir, 'abc-en-US.xlsx')));
  await context.close();
});

test('Bonus: new-customer bonus from an uploaded file, per-rep totals equal the engine’s; sheets download', async () => {
  const file = newCustomerOrders(dir);
  const expected = await engineNewCustomer(file, '7.1');
  const { context, page } = await pane('zh-CN', 'bonus');
  await computeNewCustomerBonus(page, file, '7.1');
  expect(await shownRepBonus(page)).toEqual(expected);
  expect(expected['张伟']).toBe(2500);
  expect(await page.getByTestId('rejected-rows').innerText()).toContain('已跳过 1 行');
  await scrollTop(page);
  await page.screenshot({ path: shotPath('05-bonus-totals-zh-CN-320'), fullPage: true });
  await page.getByTestId('bonus-write').click();
  await page.getByTestId('download-xlsx').waitFor();
  await scrollTop(page);
  await page.screenshot({ path: shotPath('06-bonus-written-zh-CN-320'), fullPage: true });
  downloads.push(await download(page, path.join(dir, 'bonus-zh-CN.xlsx')));
  // Recalculate asks first, then replaces the same sheets (no "(2)" copies).
  await page.getByRole('button', { name: '重新计算', exact: true }).click();
  await page.getByRole('alertdialog').waitFor();
  await scrollTop(page);
  await page.screenshot({ path: shotPath('07-bonus-recalculate-ask-zh-CN-320') });
  await page.getByRole('button', { name: '重新计算并替换' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'detached' });
  const names = await page.getByTestId('written-names').innerText();
  expect(names).not.toMatch(/\(2\)/);
  await context.close();
});

test('the downloaded workbooks recalculate in LibreOffice without a single error value, to the values they store', async () => {
  expect(downloads).toHaveLength(3);
  const recalculated = await recalc(downloads);
  for (const f of recalculated)
    expect({ file: path.basename(f), errors: errorCells(await readWorkbook(f)) }).toEqual({
      file: path.basename(f),
      errors: [],
    });
  // Every formula carries the value the browser computed, and LibreOffice computes the same.
  for (const [i, f] of downloads.entries()) {
    const stored = await readStoredFormulas(f);
    const { compared, disagreements } = compareStored(stored, await readStoredFormulas(recalculated[i]));
    expect({ file: path.basename(f), uncached: uncached(stored), disagreements }).toEqual({ file: path.basename(f), uncached: [], disagreements: [] });
    expect(compared).toBeGreaterThan(0);
  }
});

test('keyboard only: arrow keys move between pages, Enter selects', async () => {
  const { context, page } = await pane('en-US', 'templates');
  await page.getByRole('tab', { name: /Templates/ }).focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  expect(await page.getByRole('tab', { name: /ABC/ }).getAttribute('aria-selected')).toBe('true');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent ?? '');
  expect(focused).toMatch(/Upload/);
  await context.close();
});

test('no script errors on any page', () => {
  expect(pageErrors).toEqual([]);
});
