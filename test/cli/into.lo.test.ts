/**
 * A workbook built step by step with --into, starting from a file LibreOffice wrote (a CSV it
 * converted): an ABC result, then the visit plan, the pipeline, the hope list, the monthly
 * summary, the credit register and the cockpit. After every step LibreOffice opens and
 * recalculates the file with no error value anywhere, the sheets that were there before show the
 * same values as before, and the last file validates against the schemas with every formula
 * cached. Then the ABC result is edited as a user would (threshold A raised) and the linked
 * cells — the visit plan's tiers, the cockpit's ABC block — follow it after recalculation.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../../src/i18n/define';
import hopeCatalog from '../../src/i18n/templates/hope-list';
import abcCatalog from '../../src/i18n/abc';
import dashboardCatalog from '../../src/i18n/templates/dashboard';
import visitCatalog from '../../src/i18n/templates/visit-plan';
import { runEditJobs } from '../support/lo-macro';
import { getTemplate } from '../../src/sheets/templates/registry';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { cli } from '../support/cli';
import { errorCells, readWorkbook, recalc, sheet, type SheetValues } from '../support/libreoffice';
import { validatePackages } from '../support/ooxml-validate';
import { readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const DATE = '2026-03-15';
const steps: { label: string; file: string; added: string[] }[] = [];
let computed: SheetValues[][] = [];
let edited: SheetValues[] = [];
// The visit plan's example customers among the sales, so its tiers are read from the ABC result.
const SALES: [string, number][] = [
  ['华东精密机械有限公司', 50000],
  ['杭州远景包装材料有限公司', 30000],
  ['苏州恒达电子科技有限公司', 12000],
  ['客户D', 8000],
  ['宁波海纳塑业有限公司', 5000],
  ['客户F', 3000],
  ['客户G', 2000],
  ['客户H', 1500],
  ['客户I', 1000],
  ['客户J', 500],
];

beforeAll(async () => {
  const dir = tempDir('ap-into-steps-');
  const csv = path.join(dir, 'targets.csv');
  // ASCII: LibreOffice's CSV import reads the file in the system's legacy encoding.
  writeFileSync(csv, 'Region,Owner,Target\nEast,Wang Lei,120\nSouth,Li Na,80\nNorth,Zhang Wei,95.5\n');
  const [base] = await recalc([csv]);
  const sales = path.join(dir, 'sales.csv');
  writeFileSync(sales, ['客户,金额', ...SALES.map(([c, v]) => `${c},${v}`)].join('\n') + '\n');

  const book = path.join(dir, 'book.xlsx');
  copyFileSync(base, book);
  const commands: [string, string[]][] = [
    ['abc', ['abc', '--in', sales, '--customer', '客户', '--value', '金额', '--into', book]],
    ['visit-plan', ['template', 'visit-plan', '--example', '--date', DATE, '--into', book]],
    ['pipeline', ['template', 'pipeline', '--example', '--date', DATE, '--into', book]],
    ['hope-list', ['template', 'hope-list', '--example', '--date', DATE, '--into', book]],
    ['monthly-summary', ['template', 'monthly-summary', '--example', '--date', DATE, '--into', book]],
    ['credit', ['template', 'credit', '--example', '--date', DATE, '--into', book]],
    ['dashboard', ['template', 'dashboard', '--date', DATE, '--into', book]],
  ];
  const snapshot = async (label: string, before: string[]) => {
    const copy = path.join(dir, `step-${steps.length}-${label}.xlsx`);
    copyFileSync(book, copy);
    const sheets = (await readWorkbookParts(new Uint8Array(readFileSync(copy)))).sheets;
    steps.push({ label, file: copy, added: sheets.filter((s) => !before.includes(s)) });
    return sheets;
  };
  let sheets = await snapshot('csv', []);
  for (const [label, args] of commands) {
    const run = await cli(args);
    expect({ label, code: run.code, err: run.err }).toEqual({ label, code: 0, err: '' });
    sheets = await snapshot(label, sheets);
  }
  computed = await Promise.all((await recalc(steps.map((s) => s.file))).map((f) => readWorkbook(f)));
  // The ABC result (sheet 1, after the CSV's) edited: threshold A from 80 % to 95 %.
  const editedFile = path.join(dir, 'edited.xlsx');
  await runEditJobs([{ input: book, output: editedFile, set: [{ sheet: 1, cell: 'C9', value: 0.95 }] }]);
  edited = await readWorkbook(editedFile);
}, 900_000);

test('every step adds its sheets after the ones already there', () => {
  expect(steps.map((s) => s.added.length)).toEqual([1, expect.any(Number), 2, 2, 1, expect.any(Number), expect.any(Number), 1]);
  expect(steps.every((s) => s.added.length >= 1)).toBe(true);
  expect(steps[1].added.length).toBeGreaterThanOrEqual(1);
  expect(steps[3].added).toEqual(getTemplate('pipeline').build({ lang: 'zh-CN', example: true }).map((s) => s.name));
});

test('LibreOffice recalculates every step with no error value', () => {
  for (const [i, wb] of computed.entries()) expect({ step: steps[i].label, errors: errorCells(wb) }).toEqual({ step: steps[i].label, errors: [] });
});

test('the sheets already there keep their values at every later step', () => {
  let compared = 0;
  for (let i = 0; i < steps.length; i++)
    for (const name of steps[i].added) {
      const first = computed[i].find((s) => s.name === name)!;
      expect(first.values.size).toBeGreaterThan(0);
      for (let j = i + 1; j < steps.length; j++) {
        const later = computed[j].find((s) => s.name === name)!;
        expect({ name, step: steps[j].label, values: Object.fromEntries(later.values) }).toEqual({ name, step: steps[j].label, values: Object.fromEntries(first.values) });
        compared += first.values.size;
      }
    }
  // The CSV's 12 cells four times over, and much more.
  expect(compared).toBeGreaterThan(1000);
  const csvSheet = computed[steps.length - 1][0];
  expect(csvSheet.values.get('C4')).toBe(95.5);
  expect(csvSheet.values.get('B2')).toBe('Wang Lei');
});

test('the hope list added last reads the pipeline added before it', () => {
  const hope = computed[steps.length - 1].find((s) => s.name === translator(hopeCatalog, 'zh-CN')('sheetName'))!;
  // Changzhou (prospect row 20) is abandoned in the pipeline's example; Suzhou ranks first.
  expect(hope.values.get('I20')).toBe(translator(hopeCatalog, 'zh-CN')('abandoned'));
  expect(hope.values.get('A50')).toBe('苏州恒达电子科技有限公司');
  expect(hope.values.get('G50')).toBe(322500);
});

test('the last file is valid against the schemas (but for what LibreOffice wrote) and every formula carries its value', async () => {
  const bytes = new Uint8Array(readFileSync(steps[steps.length - 1].file));
  const report = await validatePackages([
    { label: 'file', bytes },
    { label: 'file', bytes: new Uint8Array(readFileSync(steps[0].file)) },
  ]);
  // LibreOffice puts xml:space on shared-string text, which the schema does not allow: the same
  // complaints, no more, about the base file LibreOffice wrote and the file built on it.
  const counts = new Map<string, number>();
  for (const e of report.errors) counts.set(e, (counts.get(e) ?? 0) + 1);
  const ours = [...counts].filter(([, n]) => n % 2 !== 0).map(([e]) => e);
  expect(ours).toEqual([]);
  expect(report.validated['sml-sheet.xsd']).toBeGreaterThanOrEqual(8);
  expect(uncached(await readStoredFormulas(bytes))).toEqual([]);
}, 120_000);

/** Customer → tier as the ABC result shows it (customer column B, tier G, from row 26). */
function abcTiers(wb: SheetValues[]): Map<string, string> {
  const s = sheet(wb, translator(abcCatalog, 'zh-CN')('sheetName'));
  const out = new Map<string, string>();
  for (let r = 26; s.values.get(`B${r}`); r++) out.set(String(s.values.get(`B${r}`)), String(s.values.get(`G${r}`)));
  return out;
}

/** The visit plan's customer table: customer (A) → tier (C), for the customers of the sales. */
function planTiers(wb: SheetValues[]): Map<string, unknown> {
  const s = sheet(wb, translator(visitCatalog, 'zh-CN')('sheetName'));
  const out = new Map<string, unknown>();
  for (const [ref, v] of s.values) {
    const m = /^A(\d+)$/.exec(ref);
    if (m && typeof v === 'string' && SALES.some(([c]) => c === v) && !out.has(v)) out.set(v, s.values.get(`C${m[1]}`));
  }
  return out;
}

/** The cockpit's ABC block: customers (J) and value (K) of tiers A, B, C in rows 19–21. */
function cockpitAbc(wb: SheetValues[]): unknown[][] {
  const s = sheet(wb, translator(dashboardCatalog, 'zh-CN')('sheetName'));
  return [19, 20, 21].map((r) => [s.values.get(`J${r}`), s.values.get(`K${r}`)]);
}

/** Customers and value by tier, worked out from the ABC result's own rows. */
function byTier(tiers: Map<string, string>): number[][] {
  return ['A', 'B', 'C'].map((tier) => {
    const rows = SALES.filter(([c]) => tiers.get(c) === tier);
    return [rows.length, rows.reduce((sum, [, v]) => sum + v, 0)];
  });
}

test('the visit plan and the cockpit read the ABC result, and follow it when it is edited', () => {
  const last = computed[steps.length - 1];
  const before = abcTiers(last);
  const after = abcTiers(edited);
  // Worked by hand (docs/rules/abc.md, the crossing customer stays in the upper tier): of 113,000,
  // the first two make 70.8 % and 苏州恒达 crosses 80 % (81.4 %): A = 3 customers, 92,000. With A
  // up to 95 %: 宁波海纳 brings 92.9 % and 客户F crosses 95 % (95.6 %): A = 6 customers, 108,000.
  expect(byTier(before)[0]).toEqual([3, 92000]);
  expect(byTier(after)[0]).toEqual([6, 108000]);
  for (const [wb, tiers] of [[last, before], [edited, after]] as const) {
    const plan = planTiers(wb);
    // The four of the plan's example customers that bought (无锡天成 did not): each shows the ABC result's tier.
    expect(plan.size).toBe(4);
    for (const [customer, tier] of plan) expect({ customer, tier }).toEqual({ customer, tier: tiers.get(customer) });
    expect(cockpitAbc(wb)).toEqual(byTier(tiers));
  }
  expect(planTiers(edited).get('宁波海纳塑业有限公司')).toBe('A');
  expect(errorCells(edited)).toEqual([]);
});
