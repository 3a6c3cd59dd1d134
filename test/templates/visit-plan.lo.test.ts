/**
 * Visit plan: visits per month looked up from the tier rules, visits still due this month from
 * the visit log, post-delivery revisit dates and the next revisit — recalculated in
 * LibreOffice and compared with dates worked out by hand, also after changing the rule cells.
 */
import path from 'node:path';
import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import catalog from '../../src/i18n/templates/visit-plan';
import { translator } from '../../src/i18n/define';
import { LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { visitPlan } from '../../src/sheets/templates/visit-plan';
import { excelLimitViolations, setCell } from '../support/excel-limits';
import { asIsoDate, readWorkbook, recalc, type Computed, type SheetValues } from '../support/libreoffice';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

type Variant = 'example' | 'changed' | 'blank';
const VARIANTS: Variant[] = ['example', 'changed', 'blank'];
const results = new Map<string, SheetValues[]>();
const built = new Map<string, SheetSpec[]>();
const files = new Map<string, string>();

// Plan sheet layout: rules B8:B10 and B11:B12, monthly review rows 17–24, customers rows 28–47,
// care activities rows 52–63, schedule rows 67–86.
const CUSTOMERS = { first: 28, last: 47 };
const SCHEDULE = { first: 67, last: 86 };
const REVISIT_COLUMNS = ['D', 'E', 'F', 'G', 'H', 'I', 'J', 'K', 'L'];

beforeAll(async () => {
  const dir = tempDir('ap-visitplan-');
  const list: string[] = [];
  const keys: string[] = [];
  for (const lang of LANGS)
    for (const variant of VARIANTS) {
      const sheets = visitPlan.build({ lang, example: variant !== 'blank', today: FIXED_TODAY });
      if (variant === 'changed') {
        setCell(sheets[0], 'F3', new Date(Date.UTC(2026, 3, 15))); // report date 2026-04-15
        setCell(sheets[0], 'B11', 10); // revisit every 10 days
        setCell(sheets[0], 'B9', 3); // tier B: 3 visits a month
      }
      built.set(`${lang}/${variant}`, sheets);
      const file = await writeSheets(sheets, path.join(dir, `visitplan-${lang}-${variant}.xlsx`));
      files.set(`${lang}/${variant}`, file);
      list.push(file);
      keys.push(`${lang}/${variant}`);
    }
  const out = await recalc(list);
  for (let i = 0; i < out.length; i++) results.set(keys[i], await readWorkbook(out[i]));
}, 600_000);

function plan(lang: Lang, variant: Variant) {
  const s = results.get(`${lang}/${variant}`)![0];
  return (ref: string) => s.values.get(ref) ?? null;
}

function log(lang: Lang, variant: Variant) {
  const s = results.get(`${lang}/${variant}`)![1];
  return (ref: string) => s.values.get(ref) ?? null;
}

const iso = (v: Computed) => (v === '' || v === null ? v : asIsoDate(v));
const column = (get: (ref: string) => Computed, col: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => get(`${col}${from + i}`));

describe.each(LANGS)('visit-plan %s', (lang) => {
  const t = translator(catalog, lang);

  test('visits per month from the tier rules, and visits still due this month from the log', () => {
    const v = plan(lang, 'example');
    // Customers 1–5: tiers A, B, C, A, B (defaults 4, 2, 1).
    expect(column(v, 'D', 28, 32)).toEqual([4, 2, 1, 4, 2]);
    // March 2026 log: customer 1 three times (its 2026-02-20 visit is another month), 2 once,
    // 3 never, 4 once, 5 once.
    expect(column(v, 'E', 28, 32)).toEqual([3, 1, 0, 1, 1]);
    expect(column(v, 'F', 28, 32)).toEqual([1, 1, 1, 3, 1]);
  });

  test('revisit dates: every 15 days while before delivery + 3 months, then monthly on the delivery day', () => {
    const v = plan(lang, 'example');
    const row = (r: number) => REVISIT_COLUMNS.map((c) => iso(v(`${c}${r}`)));
    // 2026-01-10 + 15·k < 2026-04-10 (90 days later): k = 1…5; then 04-10, 05-10 …
    expect(v('C67')).toBe(5);
    expect(row(67)).toEqual([
      '2026-01-25',
      '2026-02-09',
      '2026-02-24',
      '2026-03-11',
      '2026-03-26',
      '2026-04-10',
      '2026-05-10',
      '2026-06-10',
      '2026-07-10',
    ]);
    // 2025-12-01: three months later is 2026-03-01, exactly 90 days, so k = 1…5 again.
    expect(v('C68')).toBe(5);
    expect(row(68)).toEqual([
      '2025-12-16',
      '2025-12-31',
      '2026-01-15',
      '2026-01-30',
      '2026-02-14',
      '2026-03-01',
      '2026-04-01',
      '2026-05-01',
      '2026-06-01',
    ]);
    // 2025-11-30: three months later is 2026-02-28 (month end), then the 30th of each month.
    expect(v('C69')).toBe(5);
    expect(row(69)).toEqual([
      '2025-12-15',
      '2025-12-30',
      '2026-01-14',
      '2026-01-29',
      '2026-02-13',
      '2026-02-28',
      '2026-03-30',
      '2026-04-30',
      '2026-05-30',
    ]);
    // 2026-03-01: three months later is 2026-06-01, 92 days, so six short-interval revisits.
    expect(v('C70')).toBe(6);
    expect(row(70)).toEqual([
      '2026-03-16',
      '2026-03-31',
      '2026-04-15',
      '2026-04-30',
      '2026-05-15',
      '2026-05-30',
      '2026-06-01',
      '2026-07-01',
      '2026-08-01',
    ]);
    // Customer 5 has no delivery date.
    expect(v('A71')).toBe(lang === 'zh-CN' ? '无锡天成化工有限公司' : 'Wuxi Tiancheng Chemical Co., Ltd.');
    expect(row(71)).toEqual(Array(9).fill(''));
  });

  test('next revisit is the first one on or after the report date 2026-03-15', () => {
    const v = plan(lang, 'example');
    expect(column(v, 'H', 28, 32).map(iso)).toEqual(['2026-03-26', '2026-04-01', '2026-03-30', '2026-03-16', '']);
  });

  test('the rule cells and the report date drive every result', () => {
    // Report date 2026-04-15, revisits every 10 days, tier B 3 visits a month.
    const v = plan(lang, 'changed');
    expect(column(v, 'D', 28, 32)).toEqual([4, 3, 1, 4, 3]);
    expect(column(v, 'E', 28, 32)).toEqual([0, 0, 0, 0, 0]); // no visits logged in April
    expect(column(v, 'F', 28, 32)).toEqual([4, 3, 1, 4, 3]);
    // 2026-01-10 + 10·k < 2026-04-10: k = 1…8, then 2026-04-10.
    expect(v('C67')).toBe(8);
    expect(REVISIT_COLUMNS.map((c) => iso(v(`${c}67`)))).toEqual([
      '2026-01-20',
      '2026-01-30',
      '2026-02-09',
      '2026-02-19',
      '2026-03-01',
      '2026-03-11',
      '2026-03-21',
      '2026-03-31',
      '2026-04-10',
    ]);
    // 2026-03-01 + 10·k < 2026-06-01 (92 days): k = 1…9, all nine are short-interval.
    expect(v('C70')).toBe(9);
    // Next: 01-10 → 10-day slots end before 04-10, so 05-10; 12-01 → 05-01; 11-30 → 04-30;
    // 03-01 → 03-01 + 50 days = 04-20.
    expect(column(v, 'H', 28, 32).map(iso)).toEqual(['2026-05-10', '2026-05-01', '2026-04-30', '2026-04-20', '']);
  });

  test('care activities: done, overdue, this month and planned against the report date 2026-03-15', () => {
    const v = plan(lang, 'example');
    // Planned 02-03 and done 02-05; planned 03-09, not done; planned 03-15 (the report date); 04-29.
    expect(column(v, 'H', 52, 56)).toEqual([t('careDone'), t('careOverdue'), t('careThisMonth'), t('carePlanned'), '']);
  });

  test('the monthly review counts the report month from the plan, the log and the care list', () => {
    const v = plan(lang, 'example');
    expect(iso(v('C17'))).toBe('2026-03-01');
    // Visits planned 4 + 2 + 1 + 4 + 2 = 13; logged in March: 6 (the 02-20 visit is February's).
    expect([v('C18'), v('C19')]).toEqual([13, 6]);
    expect(v('C20') as number).toBeCloseTo(6 / 13, 12);
    // Still due 1, 1, 1, 3, 1: five customers still to visit.
    expect(v('C21')).toBe(5);
    // Care planned in March: 03-09 and 03-15; none done in March (the February one was done 02-05); one overdue.
    expect([v('C22'), v('C23'), v('C24')]).toEqual([2, 0, 1]);
  });

  test('the visit log computes the month each visit counts for', () => {
    const l = log(lang, 'example');
    expect(column(l, 'J', 7, 14).map(iso)).toEqual([
      '2026-02-01',
      '2026-03-01',
      '2026-03-01',
      '2026-03-01',
      '2026-03-01',
      '2026-03-01',
      '2026-03-01',
      '',
    ]);
  });

  test('the blank template: rules filled with the defaults, every computed cell empty', () => {
    const v = plan(lang, 'blank');
    expect(column(v, 'B', 8, 10)).toEqual([4, 2, 1]);
    expect([v('B11'), v('B12')]).toEqual([15, 3]);
    expect(v('A14')).toBe(t('revisitRule', { days: 15, months: 3 }));
    for (let r = CUSTOMERS.first; r <= CUSTOMERS.last; r++)
      expect([r, v(`D${r}`), v(`E${r}`), v(`F${r}`), v(`H${r}`)]).toEqual([r, '', '', '', '']);
    for (let r = SCHEDULE.first; r <= SCHEDULE.last; r++)
      expect([r, v(`A${r}`), v(`C${r}`), ...REVISIT_COLUMNS.map((c) => v(`${c}${r}`))]).toEqual([
        r,
        '',
        '',
        ...Array(9).fill(''),
      ]);
    expect(log(lang, 'blank')('J7')).toBe('');
  });

  test('the two sheets are linked by workbook-scoped names, and stay within Excel limits', async () => {
    const zip = await JSZip.loadAsync(readFileSync(files.get(`${lang}/blank`)!));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    for (const name of [
      'VisitPlan_Frequency',
      'VisitPlan_CustomerNames',
      'VisitPlan_LogCustomer',
      'VisitPlan_LogMonth',
    ])
      expect(workbook).toContain(`name="${name}"`);
    for (const variant of ['example', 'blank'] as Variant[])
      for (const sheet of built.get(`${lang}/${variant}`)!) expect(excelLimitViolations(sheet)).toEqual([]);
  });
});
