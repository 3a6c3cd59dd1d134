/**
 * The cockpit over a workbook built with the CLI step by step (pipeline, visit plan, ABC result,
 * bonus run, credit register, then the cockpit, each --into the same file), both languages.
 * After LibreOffice recalculates it, every cockpit number equals the one computed here from the
 * source sheets' own cells (as LibreOffice computed them) — in the file as written, again after
 * numbers are typed into every source sheet in LibreOffice, and with the pipeline sheet deleted
 * (its block says so, the other blocks still agree, no error value anywhere on the cockpit).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { translator } from '../../src/i18n/define';
import common from '../../src/i18n/common';
import catalog from '../../src/i18n/templates/dashboard';
import pipelineCatalog from '../../src/i18n/templates/pipeline';
import { parseRange, cellRef } from '../../src/sheets/core/a1';
import { LANGS, type Lang } from '../../src/sheets/core/sheet-spec';
import { DASHBOARD_REPS } from '../../src/sheets/templates/dashboard';
import { ABC_RESULT_NAMES } from '../../src/sheets/abc/result-sheet';
import { BONUS_NAMES } from '../../src/sheets/bonus/bonus-sheets';
import { CREDIT_NAMES } from '../../src/sheets/templates/credit';
import { PIPELINE_NAMES } from '../../src/sheets/templates/pipeline';
import { VISIT_PLAN_NAMES } from '../../src/sheets/templates/visit-plan';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { linkSources, sheetOfReference, type LinkSource } from '../../src/xlsx/into/source-sheets';
import { cli } from '../support/cli';
import { errorCells, readWorkbook, recalc, sheet, type Computed, type SheetValues } from '../support/libreoffice';
import { runEditJobs, type EditJob } from '../support/lo-macro';
import { readStoredFormulas, uncached } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const DATE = '2026-03-15';
type Variant = 'written' | 'edited' | 'deleted';
const VARIANTS: Variant[] = ['written', 'edited', 'deleted'];
const results = new Map<string, SheetValues[]>();
const sources = new Map<Lang, Record<string, LinkSource>>();
const files = new Map<Lang, string>();

beforeAll(async () => {
  const dir = tempDir('ap-dashboard-');
  const sales = path.join(dir, 'sales.csv');
  writeFileSync(sales, ['customer,amount', ...[50000, 30000, 12000, 8000, 5000, 3000, 2000, 1500, 1000, 500].map((a, i) => `Cust${String.fromCharCode(65 + i)},${a}`)].join('\n') + '\n');
  const orders = path.join(dir, 'new-brand.csv');
  writeFileSync(
    orders,
    ['rep,contract,date,amount,currency,margin', 'Li,C1,2026-01-05,50000,USD,12%', 'Li,C2,2026-01-06,10000,USD,12%', 'Wang,C3,2026-02-01,30000,USD,10%', 'Zhao,C5,2026-03-01,40000,EUR,15%'].join('\n') + '\n',
  );
  const jobs: EditJob[] = [];
  const out = (lang: Lang, v: Variant) => path.join(dir, 'out', `${lang}-${v}.xlsx`);
  for (const lang of LANGS) {
    const book = path.join(dir, `book-${lang}.xlsx`);
    const D = ['--date', DATE, '--lang', lang];
    const steps: string[][] = [
      ['template', 'pipeline', '--example', ...D, '--out', book],
      ['template', 'visit-plan', '--example', ...D, '--into', book],
      ['abc', '--in', sales, '--customer', 'customer', '--value', 'amount', '--lang', lang, '--into', book],
      ['bonus', '--scheme', 'new-brand', '--in', orders, '--fx', 'USD=7.1,EUR=7.8', '--lang', lang, '--into', book],
      ['template', 'credit', '--example', ...D, '--into', book],
      ['template', 'dashboard', ...D, '--into', book],
    ];
    for (const args of steps) {
      const run = await cli(args);
      expect({ args: args.join(' '), code: run.code, err: run.err }).toEqual({ args: args.join(' '), code: 0, err: '' });
    }
    files.set(lang, book);
    const parts = await readWorkbookParts(new Uint8Array(readFileSync(book)));
    const links = linkSources(parts);
    sources.set(lang, links);
    const index = (kind: string) => parts.sheets.indexOf(links[kind].sheet);
    const firstRef = (kind: string, name: string) => links[kind].names[name].split('!')[1].replace(/\$/g, '').split(':')[0];
    const bonusMain = parts.sheets.indexOf(links['bonus-new-brand'].sheet);
    // The first visit of the report month (the example also has one the month before).
    const asWritten = await readWorkbook(book);
    const logRange = parseRange(links['visit-log'].names[VISIT_PLAN_NAMES.logDate].split('!')[1].replace(/\$/g, ''));
    const logSheet = sheet(asWritten, links['visit-log'].sheet);
    let marchRow = 0;
    for (let r = logRange.top; r <= logRange.bottom && !marchRow; r++) {
      const d = logSheet.values.get(cellRef(r, logRange.left));
      if (d instanceof Date && d.getUTCMonth() === 2) marchRow = r;
    }
    expect(marchRow).toBeGreaterThan(0);
    // A number typed into each source: the pipeline's stall days and target, a credit line, an
    // ABC value, a visit moved to last month, an order amount of the bonus run.
    jobs.push({
      input: book,
      output: out(lang, 'edited'),
      set: [
        { sheet: index('pipeline'), cell: 'C8', value: 1000 },
        { sheet: index('pipeline'), cell: firstRef('pipeline', PIPELINE_NAMES.targetMin), value: 3 },
        { sheet: index('pipeline'), cell: firstRef('pipeline', PIPELINE_NAMES.targetMax), value: 4 },
        { sheet: index('credit'), cell: firstRef('credit', CREDIT_NAMES.lines), value: 1 },
        { sheet: index('abc-result'), cell: firstRef('abc-result', ABC_RESULT_NAMES.values), value: 1 },
        { sheet: index('visit-log'), cell: cellRef(marchRow, logRange.left), value: 46050 },
        { sheet: bonusMain, cell: 'D7', value: 100000 },
      ],
    });
    jobs.push({ input: book, output: out(lang, 'deleted'), deleteSheets: [index('pipeline')] });
  }
  const written = await recalc(LANGS.map((l) => files.get(l)!));
  await runEditJobs(jobs);
  for (const [i, lang] of LANGS.entries()) {
    results.set(`${lang}/written`, await readWorkbook(written[i]));
    for (const v of ['edited', 'deleted'] as const) results.set(`${lang}/${v}`, await readWorkbook(out(lang, v)));
  }
}, 900_000);

/** The cells of a source range ("'开发进度'!$C$13:$C$72") as LibreOffice computed them, top to bottom. */
function column(wb: SheetValues[], ref: string): Computed[] {
  const s = sheet(wb, sheetOfReference(ref)!);
  const r = parseRange(ref.split('!')[1].replace(/\$/g, ''));
  const out: Computed[] = [];
  for (let row = r.top; row <= r.bottom; row++) out.push(s.values.get(cellRef(row, r.left)) ?? null);
  return out;
}

const text = (v: Computed) => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v));
const num = (v: Computed) => (typeof v === 'number' ? v : 0);
const count = (xs: boolean[]) => xs.filter(Boolean).length;

/** What the cockpit should show, computed here from the source sheets. */
function expected(lang: Lang, wb: SheetValues[], deleted: boolean): Map<string, Computed> {
  const links = sources.get(lang)!;
  const out = new Map<string, Computed>();
  const tp = translator(pipelineCatalog, lang);
  if (!deleted) {
    const n = links.pipeline.names;
    const [stage, status, decision, overdue, stalled, customer] = [n[PIPELINE_NAMES.stage], n[PIPELINE_NAMES.status], n[PIPELINE_NAMES.decision], n[PIPELINE_NAMES.overdue], n[PIPELINE_NAMES.stalled], n[PIPELINE_NAMES.customer]].map((r) =>
      column(wb, r).map(text),
    );
    const colours = [tp('statusRed'), tp('statusYellow'), tp('statusGreen')];
    for (let i = 1; i <= 5; i++) {
      const r = 7 + i;
      const at = stage.map((s) => s.startsWith(String(i)));
      colours.forEach((c, k) => out.set(cellRef(r, 2 + k), count(at.map((a, j) => a && status[j] === c))));
      out.set(`E${r}`, count(at));
      out.set(`F${r}`, count(at.map((a, j) => a && overdue[j] !== '')));
      out.set(`G${r}`, count(at.map((a, j) => a && stalled[j] !== '')));
    }
    colours.forEach((c, k) => out.set(cellRef(13, 2 + k), count(status.map((s) => s === c))));
    out.set('E13', count(customer.map((c) => c !== '')));
    out.set('F13', count(overdue.map((c) => c !== '')));
    out.set('G13', count(stalled.map((c) => c !== '')));
    out.set('B14', count(status.map((s, j) => s === colours[2] && decision[j] !== tp('decisionAbandon'))));
    const [min, max] = [column(wb, n[PIPELINE_NAMES.targetMin])[0], column(wb, n[PIPELINE_NAMES.targetMax])[0]];
    out.set('D14', `${text(min)}–${text(max)}`);
  }

  // Visits in March 2026 by tier; the plan's customers, visits per month and still-due by tier.
  const p = links['visit-plan'].names;
  const [tiers, customers] = [column(wb, p[VISIT_PLAN_NAMES.tiers]).map(text), column(wb, p[VISIT_PLAN_NAMES.customers]).map(text)];
  const [perMonth, stillDue] = [column(wb, p[VISIT_PLAN_NAMES.visitsPerMonth]), column(wb, p[VISIT_PLAN_NAMES.stillDue])];
  const l = links['visit-log'].names;
  const [logTier, logDate] = [column(wb, l[VISIT_PLAN_NAMES.logTier]).map(text), column(wb, l[VISIT_PLAN_NAMES.logDate])];
  const march = logDate.map((d) => d instanceof Date && d.getUTCFullYear() === 2026 && d.getUTCMonth() === 2);
  ['A', 'B', 'C'].forEach((tier, i) => {
    const r = 19 + i;
    out.set(`B${r}`, count(tiers.map((t, j) => t === tier && customers[j] !== '')));
    out.set(`C${r}`, tiers.reduce((s, t, j) => s + (t === tier ? num(perMonth[j]) : 0), 0));
    out.set(`D${r}`, count(logTier.map((t, j) => t === tier && march[j])));
    out.set(`E${r}`, tiers.reduce((s, t, j) => s + (t === tier ? num(stillDue[j]) : 0), 0));
  });

  // ABC: customers and value by tier.
  const a = links['abc-result'].names;
  const [abcTiers, values] = [column(wb, a[ABC_RESULT_NAMES.tiers]).map(text), column(wb, a[ABC_RESULT_NAMES.values])];
  ['A', 'B', 'C'].forEach((tier, i) => {
    // Customers with a value above 0, as the ABC sheet's own summary counts them.
    out.set(`J${19 + i}`, count(abcTiers.map((t, j) => t === tier && num(values[j]) > 0)));
    out.set(`K${19 + i}`, abcTiers.reduce((s, t, j) => s + (t === tier && num(values[j]) > 0 ? num(values[j]) : 0), 0));
  });

  // Bonus: the summary's reps in order, their totals, and the run's total.
  const b = links['bonus-summary'].names;
  const [reps, totals] = [column(wb, b[BONUS_NAMES.summaryReps]).map(text), column(wb, b[BONUS_NAMES.summaryTotals])];
  for (let k = 0; k < DASHBOARD_REPS; k++) {
    out.set(`A${27 + k}`, k < reps.length ? reps[k] : '');
    out.set(`B${27 + k}`, k < reps.length ? num(totals[k]) : '');
  }
  out.set(`B${27 + DASHBOARD_REPS}`, totals.reduce<number>((s, v) => s + num(v), 0));

  // Credit: lines, exposure, and what runs over the lines.
  const c = links.credit.names;
  const [lines, balances] = [column(wb, c[CREDIT_NAMES.lines]), column(wb, c[CREDIT_NAMES.balances])];
  const over = balances.map((x, j) => typeof x === 'number' && x > num(lines[j]));
  const sumLines = lines.reduce<number>((s, v) => s + num(v), 0);
  const sumBalances = balances.reduce<number>((s, v) => s + num(v), 0);
  out.set('L26', count(lines.map((x) => num(x) > 0)));
  out.set('L27', sumLines);
  out.set('L28', sumBalances);
  out.set('L29', sumBalances / sumLines);
  out.set('L30', count(over));
  out.set('L31', over.reduce((s, o, j) => s + (o ? num(balances[j]) - num(lines[j]) : 0), 0));
  return out;
}

function cockpit(lang: Lang, v: Variant): SheetValues {
  return sheet(results.get(`${lang}/${v}`)!, translator(catalog, lang)('sheetName'));
}

function agreement(lang: Lang, v: Variant): { ref: string; cockpit: Computed; source: Computed }[] {
  const mine = cockpit(lang, v);
  const want = expected(lang, results.get(`${lang}/${v}`)!, v === 'deleted');
  const differ: { ref: string; cockpit: Computed; source: Computed }[] = [];
  for (const [ref, value] of want) {
    const got = mine.values.get(ref) ?? '';
    const same = typeof value === 'number' ? typeof got === 'number' && Math.abs(got - value) < 1e-6 : got === value;
    if (!same) differ.push({ ref, cockpit: got, source: value });
  }
  expect(want.size).toBeGreaterThan(v === 'deleted' ? 30 : 70);
  return differ;
}

describe.each(LANGS)('%s', (lang) => {
  test.each(VARIANTS)('%s: every cockpit number equals the one computed from its source sheet', (v) => {
    expect(agreement(lang, v)).toEqual([]);
    expect(errorCells([cockpit(lang, v)])).toEqual([]);
  });

  test('the example sources fill every block, and the typed numbers moved the cockpit', () => {
    const [w, e] = [cockpit(lang, 'written').values, cockpit(lang, 'edited').values];
    // Pipeline example: 8 rows, 2 overdue, 3 stalled, 4 potential (one green row is abandoned).
    expect([w.get('E13'), w.get('F13'), w.get('G13'), w.get('B14'), w.get('D14')]).toEqual([8, 2, 3, 4, '25–30']);
    const tp = translator(pipelineCatalog, lang);
    expect(w.get('E14')).toBe(tp('belowTarget', { n: 21 }));
    expect(e.get('E14')).toBe(tp('onTarget', { min: 3, max: 4 }));
    expect(e.get('G13')).toBe(0);
    expect(w.get('J22')).toBe(10);
    expect(w.get('K22')).toBe(113000);
    expect(e.get('K22')).toBe(113000 - 50000 + 1);
    expect([w.get('A27'), w.get('A28'), w.get('A29'), w.get('A30')]).toEqual(['Li', 'Wang', 'Zhao', '']);
    expect(e.get('B27')).not.toEqual(w.get('B27'));
    expect(w.get('L30')).toBe(2);
    expect(e.get('L30')).toBe(3);
    expect(num(w.get('D22') ?? null)).toBe(num(e.get('D22') ?? null) + 1);
  });

  test('the pipeline sheet deleted: its block says so, the numbers are blank, never #REF!', () => {
    const d = cockpit(lang, 'deleted').values;
    const sheetName = sources.get(lang)!.pipeline.sheet;
    expect(d.get('A15')).toBe(translator(common, lang)('linkSourceGone', { sheet: sheetName }));
    for (const ref of ['B8', 'E13', 'G13', 'B14', 'D14', 'E14']) expect({ ref, v: d.get(ref) ?? '' }).toEqual({ ref, v: '' });
    expect(cockpit(lang, 'written').values.get('A15')).toBe(translator(catalog, lang)('linkedNote', { sheet: sheetName }));
  });

  test('the file as written: every formula cached, equal to LibreOffice on the cockpit', async () => {
    const stored = await readStoredFormulas(files.get(lang)!);
    expect(uncached(stored)).toEqual([]);
    const mine = stored.get(translator(catalog, lang)('sheetName'))!;
    const lo = cockpit(lang, 'written');
    let compared = 0;
    for (const [ref, cell] of mine) {
      const shown = lo.values.get(ref) ?? '';
      // A date as the serial day the file stores.
      const want = shown instanceof Date ? shown.getTime() / 86_400_000 + 25_569 : shown;
      const v = cell.value;
      if (typeof v === 'number') expect({ ref, same: Math.abs(v - (want as number)) < 1e-9 }).toEqual({ ref, same: true });
      else expect({ ref, v }).toEqual({ ref, v: want });
      compared++;
    }
    expect(compared).toBeGreaterThan(80);
  });
});
