/** What a person does in the task pane, step by step, as the browser tests and screenshots need it. */
import type { Page } from 'playwright-core';

export async function openPane(page: Page, url: string, p = 'templates'): Promise<number> {
  const t0 = Date.now();
  await page.goto(`${url}/taskpane.html?page=${p}`);
  await page.getByTestId('preview-bar').waitFor({ state: 'visible', timeout: 10_000 });
  return Date.now() - t0;
}

export async function runAbcPreview(page: Page, file: string): Promise<void> {
  await page.getByTestId('abc-file').setInputFiles(file);
  await page.getByTestId('abc-loaded').waitFor({ timeout: 30_000 });
  await page.getByTestId('abc-preview').click();
  await page.getByTestId('abc-summary').waitFor({ timeout: 30_000 });
}

/** Tier rows as the pane shows them: the numbers it displays and the exact ones it holds. */
export async function shownTiers(page: Page) {
  return page
    .getByTestId('abc-summary')
    .locator('[data-tier]')
    .evaluateAll((rows) =>
      rows.map((r) => ({
        tier: r.getAttribute('data-tier'),
        customers: Number(r.getAttribute('data-customers')),
        value: Number(r.getAttribute('data-value')),
        text: (r.textContent ?? '').replace(/\s+/g, ' '),
      })),
    );
}

export async function computeNewCustomerBonus(page: Page, file: string, usdRate: string): Promise<void> {
  await page.getByRole('combobox', { name: /^(Scheme|奖励方案)/ }).selectOption('new-customer');
  await page.getByTestId('bonus-file').setInputFiles(file);
  await page.getByTestId('bonus-loaded').waitFor({ timeout: 30_000 });
  await page.getByRole('spinbutton', { name: /USD/ }).fill(usdRate);
  await page.getByTestId('bonus-compute').click();
  await page.getByTestId('bonus-reps').waitFor({ timeout: 30_000 });
}

export async function shownRepBonus(page: Page): Promise<Record<string, number>> {
  const rows = await page
    .getByTestId('bonus-reps')
    .locator('[data-rep]')
    .evaluateAll((rs) =>
      rs.map((r) => [r.getAttribute('data-rep') ?? '', Number(r.getAttribute('data-bonus'))] as const),
    );
  return Object.fromEntries(rows);
}

/** Clicks "Download .xlsx" and saves the file. */
export async function download(page: Page, to: string): Promise<string> {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-xlsx').click()]);
  await dl.saveAs(to);
  return to;
}

/** Full-page screenshots keep the scroll position for the sticky tab bar: start from the top. */
export async function scrollTop(page: Page): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
}

/**
 * The whole ABC flow on an upload, as a person does it, with the time of each step: reading the
 * file, computing the tiers, writing the result sheet into the preview workbook until it shows.
 */
export async function abcUploadToSheet(
  page: Page,
  file: string,
  timeout = 300_000,
): Promise<{ reading: number; computing: number; writing: number }> {
  const t0 = Date.now();
  await page.getByTestId('abc-file').setInputFiles(file);
  await page.getByTestId('abc-loaded').waitFor({ timeout });
  const t1 = Date.now();
  await page.getByTestId('abc-preview').click();
  await page.getByTestId('abc-summary').waitFor({ timeout });
  const t2 = Date.now();
  await page.getByTestId('abc-write').click();
  await page.getByTestId('written-names').waitFor({ timeout });
  await page.getByRole('region', { name: /ABC/ }).locator('td[data-ref="A1"]').waitFor({ timeout });
  return { reading: t1 - t0, computing: t2 - t1, writing: Date.now() - t2 };
}
