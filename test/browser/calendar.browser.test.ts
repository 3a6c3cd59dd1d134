/**
 * The occasion calendar in the production build, preview mode, in real Chromium: the decision
 * chain template is inserted, a birthday and a family occasion are typed into its personal
 * columns in the preview, "Write the month ahead" from 2027-02-01 finds the chain by its stamp,
 * loads the lunar calendar (its own chunk) and shows the calendar sheet with Spring Festival,
 * the birthday and the wedding; the downloaded sheet holds them with its personal columns marked.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import type { Browser } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { launch, paneContext, serve, shotPath } from './support/browser';
import { ensureDist } from './support/dist';
import { openPane, scrollTop } from './support/pane';

jest.setTimeout(300_000);

let browser: Browser;
let server: Server;
let url: string;
const dir = mkdtempSync(path.join(tmpdir(), 'ap-calendar-browser-'));
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

test('decision chain typed into, the month ahead written and downloaded', async () => {
  const context = await paneContext(browser, { locale: 'en-US', width: 420 });
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') pageErrors.push(m.text());
  });
  await openPane(page, url, 'templates');
  const tpl = page.locator('#panel-templates');
  await tpl.getByRole('checkbox', { name: 'Include example rows' }).check();
  await tpl.locator('li[data-kind="decision-chain"]').getByRole('button').click();
  await tpl.getByRole('region', { name: /^Preview of sheet Decision chain/ }).waitFor({ timeout: 60_000 });

  // Wu Wei (row 7): a birthday in "Age / birthday" (M) and a wedding in "Family" (O).
  for (const [ref, text] of [['M7', '1980-02-11'], ['O7', 'Wedding 2027-02-20']]) {
    await tpl.locator(`td[data-ref="${ref}"]`).click();
    const editor = tpl.getByRole('textbox', { name: `Edit cell ${ref}` });
    await editor.fill(text);
    await editor.press('Enter');
    await editor.waitFor({ state: 'detached' });
  }

  await tpl.getByRole('heading', { name: 'Occasion calendar' }).scrollIntoViewIfNeeded();
  await tpl.getByTestId('calendar-from').fill('2027-02-01');
  await tpl.getByTestId('calendar-write').click();
  const result = tpl.getByTestId('calendar-result');
  await result.waitFor({ timeout: 60_000 });
  expect(await result.innerText()).toContain(
    'Wrote Occasion Calendar: 4 occasion(s) from 2027-02-01 to 2027-03-01 (excluded), from 5 person(s) on Decision chain.',
  );
  const region = tpl.getByRole('region', { name: 'Preview of sheet Occasion Calendar' });
  await region.waitFor({ timeout: 60_000 });
  const shown = await region.innerText();
  for (const text of ['Spring Festival', 'Lantern Festival', 'Birthday', 'Wu Wei', 'Wedding', 'Visit with a gift']) expect(shown).toContain(text);
  await scrollTop(page);
  await page.screenshot({ path: shotPath('30-occasion-calendar-en-US-420'), fullPage: true });

  const section = tpl.locator('section[aria-labelledby="calendar-title"]');
  const [dl] = await Promise.all([page.waitForEvent('download'), section.getByTestId('download-sheet').click()]);
  const file = path.join(dir, 'calendar.xlsx');
  await dl.saveAs(file);
  await context.close();

  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('Occasion Calendar')!;
  const rows: string[] = [];
  ws.eachRow((row, n) => {
    if (n <= 7) return;
    const text = (v: ExcelJS.CellValue) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? ''));
    rows.push([1, 2, 3, 4, 5, 6].map((c) => text(row.getCell(c).value)).join('|'));
  });
  expect(rows).toEqual([
    '2027-02-06|Spring Festival||||Visit with a gift',
    '2027-02-11|Birthday|East China Logistics Group|Wu Wei||Phone call',
    '2027-02-20|Lantern Festival||||Card or message',
    '2027-02-20|Family occasion|East China Logistics Group|Wu Wei|Wedding|Card or message',
  ]);
  const workbookXml = await (await JSZip.loadAsync(readFileSync(file))).file('xl/workbook.xml')!.async('string');
  expect(workbookXml).toMatch(/<definedName name="AP_Personal_\d+">'Occasion Calendar'!\$C\$7:\$E\$\d+<\/definedName>/);
});

test('no script errors', () => {
  expect(pageErrors).toEqual([]);
});
