/**
 * Every page in real Chromium, zh-CN and en-US, at 320 and 500 px: an accessibility scan
 * (axe: no serious or critical violation) and a screenshot for people to look at
 * (test-output/browser/pages-*.png). Pages are scanned with content in them: an inserted
 * template, an ABC result, bonus totals.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Server } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { launch, paneContext, serve, shotPath } from './support/browser';
import { newCustomerOrders, retailSlice } from './support/data';
import { ROOT, ensureDist } from './support/dist';
import { computeNewCustomerBonus, openPane, runAbcPreview, scrollTop } from './support/pane';

jest.setTimeout(180_000);

let browser: Browser;
let server: Server;
let url: string;
const dir = mkdtempSync(path.join(tmpdir(), 'ap-pages-'));
let slice: string;
let orders: string;

beforeAll(async () => {
  const dist = await ensureDist();
  ({ url, server } = await serve(dist));
  browser = await launch();
  slice = retailSlice(dir, 2_000);
  orders = newCustomerOrders(dir);
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

/** `README_SCREENSHOTS=1 npx jest test/browser/pages` refreshes the README's pictures in assets/screenshots. */
const README_SHOTS: Record<string, string> = { templates: 'zh-CN', abc: 'en-US', bonus: 'zh-CN' };

async function readmeShot(page: Page, p: string, locale: string) {
  const file = path.join(ROOT, 'assets', 'screenshots', `${p}-${locale}.png`);
  mkdirSync(path.dirname(file), { recursive: true });
  // The gallery is long: its first screenful says enough. ABC and Bonus: the whole page, result included.
  if (p === 'templates') await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 320, height: 1000 } });
  else await page.screenshot({ path: file, fullPage: true });
}

async function seriousViolations(page: Page) {
  // Tabster's focus-redirect dummies (<i data-tabster-dummy aria-hidden tabindex=0>) are a known
  // false positive of aria-hidden-focus (microsoft/tabster#288): they only bounce focus onward.
  const { violations } = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
}

const fill: Record<string, (page: Page) => Promise<void>> = {
  templates: async (page) => {
    await page.locator('li[data-kind="swot"]').getByRole('button').click();
    await page.getByTestId('download-xlsx').waitFor();
  },
  abc: (page) => runAbcPreview(page, slice),
  bonus: (page) => computeNewCustomerBonus(page, orders, '7.1'),
  settings: async () => undefined,
};

for (const locale of ['zh-CN', 'en-US'])
  for (const p of Object.keys(fill))
    test(`${p} (${locale}): no serious or critical accessibility violation; screenshots at 320 and 500 px`, async () => {
      const context = await paneContext(browser, { locale, width: 320 });
      const page = await context.newPage();
      await openPane(page, url, p);
      await fill[p](page);
      expect(await seriousViolations(page)).toEqual([]);
      await scrollTop(page);
      await page.screenshot({ path: shotPath(`pages-${p}-${locale}-320`), fullPage: true });
      // Nothing may stick out sideways at 320 px except the scrollable sheet preview.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
      if (process.env.README_SCREENSHOTS && README_SHOTS[p] === locale) await readmeShot(page, p, locale);
      await page.setViewportSize({ width: 500, height: 900 });
      await scrollTop(page);
      await page.screenshot({ path: shotPath(`pages-${p}-${locale}-500`), fullPage: true });
      await context.close();
    });

test('dark theme (the browser asks for it in preview; Office’s theme inside Excel): no contrast violations', async () => {
  const context = await paneContext(browser, { locale: 'en-US', width: 320 });
  const page = await context.newPage();
  await page.emulateMedia({ colorScheme: 'dark' });
  await openPane(page, url, 'abc');
  await runAbcPreview(page, slice);
  expect(await seriousViolations(page)).toEqual([]);
  await scrollTop(page);
  await page.screenshot({ path: shotPath('pages-abc-dark-en-US-320'), fullPage: true });
  await context.close();
});
