/**
 * The preview workbook as one session (issue 16, item 4), in real Chromium against the
 * production build: "Create Rules sheet" shows the Rules sheet at once with its downloads; a
 * template's input cell is edited as a person does it (click, type, Enter) and a computed cell
 * follows (IronCalc in the browser); a refused entry says why and changes nothing; computed cells
 * are not editable; "Download the whole workbook" holds every sheet written in the session, with
 * the edit, and LibreOffice recalculates it to the values it stores; "Download this sheet only"
 * holds the shown sheet alone.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser, Locator, Page } from 'playwright-core';
import { recalc } from '../support/libreoffice';
import { compareStored, readStoredFormulas, uncached, type StoredWorkbook } from '../support/stored-values';
import { launch, paneContext, serve, shotPath } from './support/browser';
import { ensureDist } from './support/dist';
import { openPane, scrollTop } from './support/pane';

jest.setTimeout(300_000);

let browser: Browser;
let server: Server;
let url: string;
const dir = mkdtempSync(path.join(tmpdir(), 'ap-preview-edit-'));
const pageErrors: string[] = [];

beforeAll(async () => {
  const dist = await ensureDist();
  ({ url, server } = await serve(dist));
  browser = await launch();
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

async function save(page: Page, panel: Locator, testId: string, to: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), panel.getByTestId(testId).click()]);
  await dl.saveAs(to);
  return to;
}

// Visited pages stay mounted (hidden): everything is looked up inside the page's own panel.
const cellText = (panel: Locator, ref: string) => panel.locator(`td[data-ref="${ref}"]`).innerText();
const value = (wb: StoredWorkbook, sheet: string, ref: string) => wb.get(sheet)?.get(ref)?.value;

test('Rules sheet at once, a template edited in the preview, the whole workbook downloaded and checked in LibreOffice', async () => {
  const context = await paneContext(browser, { locale: 'en-US', width: 420 });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await openPane(page, url, 'bonus');

  // 1. Create Rules sheet: shown at once, with both downloads.
  const bonus = page.locator('#panel-bonus');
  await bonus.getByRole('button', { name: 'Create Rules sheet' }).click();
  const rulesRegion = bonus.getByRole('region', { name: /^Preview of sheet / });
  await rulesRegion.waitFor({ timeout: 60_000 });
  const rulesSheet = (await bonus.getByTestId('written-names').innerText()).trim();
  expect(rulesSheet).toMatch(/rules/i);
  expect(await rulesRegion.getAttribute('aria-label')).toBe(`Preview of sheet ${rulesSheet}`);
  await bonus.getByTestId('download-xlsx').waitFor();
  await bonus.getByTestId('download-sheet').waitFor();
  await scrollTop(page);
  await page.screenshot({ path: shotPath('20-bonus-rules-created-en-US-420'), fullPage: true });

  // 2. A BCG template with its example, in the same session.
  await page.getByRole('tab', { name: /Templates/ }).click();
  const tpl = page.locator('#panel-templates');
  await tpl.getByRole('checkbox', { name: 'Include example rows' }).check();
  await tpl.locator('li[data-kind="bcg"]').getByRole('button').click();
  const region = tpl.getByRole('region', { name: /^Preview of sheet BCG/ });
  await region.waitFor({ timeout: 60_000 });
  const bcgSheet = (await region.getAttribute('aria-label'))!.replace('Preview of sheet ', '');
  await tpl.getByText(/Formulas show the values computed here/).waitFor({ timeout: 60_000 });
  await tpl.getByText(/Yellow input cells can be edited here/).waitFor();
  // Refrigerated trucks: growth 15 % at the default 10 % split, share 0.25× → question mark.
  expect(await cellText(tpl, 'G12')).toBe('Question mark');
  expect(await cellText(tpl, 'B7')).toBe('10%');

  // Computed cells are not editable: no focus stop, clicking opens nothing.
  expect(await tpl.locator('td[data-ref="G12"]').getAttribute('tabindex')).toBeNull();
  await tpl.locator('td[data-ref="G12"]').click();
  expect(await tpl.getByRole('textbox', { name: /^Edit cell / }).count()).toBe(0);

  // 3. A refused entry: the message names the cell and the reason, nothing changes.
  await tpl.locator('td[data-ref="B7"]').click();
  const editor = tpl.getByRole('textbox', { name: 'Edit cell B7' });
  await editor.fill('twenty');
  await editor.press('Enter');
  const error = tpl.getByTestId('cell-edit-error');
  await error.waitFor();
  expect(await error.innerText()).toBe('Cell B7: "twenty" is not a number. Nothing was changed.');
  await editor.press('Escape');
  expect(await cellText(tpl, 'B7')).toBe('10%');
  expect(await cellText(tpl, 'G12')).toBe('Question mark');

  // 4. The growth split raised to 20 % from the keyboard: the quadrants follow.
  await tpl.locator('td[data-ref="B7"]').focus();
  await page.keyboard.press('Enter');
  await editor.fill('20%');
  await editor.press('Enter');
  await editor.waitFor({ state: 'detached' });
  await page.waitForFunction(() => document.querySelector('#panel-templates td[data-ref="G12"]')?.textContent === 'Dog', undefined, {
    timeout: 30_000,
  });
  expect(await cellText(tpl, 'B7')).toBe('20%');
  expect(await tpl.getByTestId('cell-edit-error').count()).toBe(0);
  await scrollTop(page);
  await page.screenshot({ path: shotPath('21-bcg-edited-en-US-420'), fullPage: true });

  // 5. Downloads: the whole workbook (both sheets written in the session, with the edit), and one sheet.
  const whole = await save(page, tpl, 'download-xlsx', path.join(dir, 'whole.xlsx'));
  const single = await save(page, tpl, 'download-sheet', path.join(dir, 'single.xlsx'));
  await context.close();

  const [wholeLo, singleLo] = await recalc([whole, single]);
  const stored = await readStoredFormulas(whole);
  const lo = await readStoredFormulas(wholeLo);
  expect([...stored.keys()]).toEqual([rulesSheet, bcgSheet]);
  expect([...(await readStoredFormulas(single)).keys()]).toEqual([bcgSheet]);
  expect([...(await readStoredFormulas(singleLo)).keys()]).toEqual([bcgSheet]);
  // The edit is in the file: the browser's stored quadrants and LibreOffice's, from B7 = 20 %.
  const quadrants = (wb: StoredWorkbook) => ['G10', 'G11', 'G12', 'G13', 'G14'].map((ref) => value(wb, bcgSheet, ref));
  expect(quadrants(stored)).toEqual(['Cash cow', 'Star', 'Dog', 'Dog', 'Cash cow']);
  expect(quadrants(lo)).toEqual(['Cash cow', 'Star', 'Dog', 'Dog', 'Cash cow']);
  const { compared, disagreements } = compareStored(stored, lo);
  expect({ uncached: uncached(stored), disagreements }).toEqual({ uncached: [], disagreements: [] });
  expect(compared).toBeGreaterThan(20);
});

test('no script errors', () => {
  expect(pageErrors).toEqual([]);
});
