import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { runAbc, type AbcResult, type AbcRunOptions } from '../../../src/domain/abc/run';
import { ABC_FIRST_ROW, ABC_PARAM_ROWS, ABC_SUMMARY_ROWS, ABC_WARNING_ROW, buildAbcSheets } from '../../../src/sheets/abc/result-sheet';
import { disallowedFunctions } from '../../../src/sheets/core/formula-functions';
import { isFormula, type SheetSpec } from '../../../src/sheets/core/sheet-spec';
import { renderWorkbook } from '../../../src/xlsx/render-workbook';
import { computeCachedValues } from '../../../src/xlsx/evaluate/node';
import { compareStored, readStoredFormulas } from '../../support/stored-values';
import { errorCells, readWorkbook, recalc, type SheetValues } from '../../support/libreoffice';
import { tempDir } from '../../support/template-files';
import { dataset } from '../../support/abc-data';

const CASES: { name: string; seed: number; customers: number; options: AbcRunOptions }[] = [
  { name: 'value-include', seed: 1, customers: 120, options: {} },
  { name: 'value-exclude', seed: 2, customers: 120, options: { crossing: 'exclude' } },
  { name: 'count', seed: 3, customers: 150, options: { method: 'count' } },
  { name: 'value-50-90', seed: 4, customers: 80, options: { thresholds: { a: 0.5, b: 0.9 } } },
  { name: 'count-exclude-no-group', seed: 5, customers: 60, options: { method: 'count', countShares: { a: 0.15, b: 0.35 }, group: false } },
];

const dir = tempDir('ap-abc-sheet-');
interface Written {
  result: AbcResult;
  sheets: SheetSpec[];
  file: string;
}
const written = new Map<string, Written>();
const computed = new Map<string, SheetValues[]>();

async function build(name: string, rows: unknown[][], options: AbcRunOptions, lang: 'zh-CN' | 'en-US' = 'zh-CN'): Promise<Written> {
  const headers = lang === 'zh-CN' ? ['客户', '金额'] : ['Customer', 'Amount'];
  // The seeded data marks every customer's second row ¥ and leaves the others unmarked: since the readers
  // rule (unmarked values in a column with currency marks are set aside unless a currency is chosen), the
  // unmarked rows are read as CNY by choice, as a person would choose in the pane, so only the two bad rows are rejected.
  const result = await runAbc({ headers, rows }, { currency: 'CNY', ...options });
  const sheets = buildAbcSheets(result, { lang, today: new Date(Date.UTC(2026, 2, 15)) });
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, await renderWorkbook(computeCachedValues({ sheets }).workbook));
  return { result, sheets, file };
}

/** Edits cells of a written file (as a person would in Excel) and saves it under a new name. */
async function edit(file: string, name: string, changes: Record<string, number | string>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.worksheets[0];
  for (const [ref, v] of Object.entries(changes)) ws.getCell(ref).value = v;
  const out = path.join(dir, `${name}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

const tierColumn = (s: SheetValues, n: number) => Array.from({ length: n }, (_, i) => s.values.get(`G${ABC_FIRST_ROW + i}`));
const engineTiers = (r: AbcResult) => [...r.customers.map((c) => c.tier), ...r.nonPositive.map(() => 'C')];

beforeAll(async () => {
  for (const c of CASES) written.set(c.name, await build(c.name, dataset(c.seed, c.customers), c.options));
  written.set('en', await build('en', dataset(9, 30), {}, 'en-US'));
  // A sheet whose first customer holds exactly 80 %: with the default rule the second is B.
  written.set('boundary', await build('boundary', [['p', 40], ['q', 40], ['r', 15], ['s', 5]], {}));
  written.set('boundary-exclude', await build('boundary-exclude', [['p', 40], ['q', 40], ['r', 15], ['s', 5]], { crossing: 'exclude' }));

  const base = written.get('value-include')!;
  const first = ABC_FIRST_ROW;
  const edits: Record<string, string> = {
    // Raise the 2nd customer to the 1st's value: still in order, the tiers must follow.
    'edit-in-order': await edit(base.file, 'edit-in-order', { [`C${first + 1}`]: base.result.customers[0].value.toNumber() }),
    // Push the 10th customer above the 1st: order is stale, the warning must show.
    'edit-stale': await edit(base.file, 'edit-stale', { [`C${first + 9}`]: base.result.customers[0].value.toNumber() * 2 }),
    // Change thresholds and switch crossing rule in the input cells.
    'edit-thresholds': await edit(base.file, 'edit-thresholds', { [`C${ABC_PARAM_ROWS.a}`]: 0.6, [`C${ABC_PARAM_ROWS.b}`]: 0.85, [`C${ABC_PARAM_ROWS.crossing}`]: '计入下一级' }),
    'edit-method': await edit(base.file, 'edit-method', { [`C${ABC_PARAM_ROWS.method}`]: '按客户数' }),
  };
  const names = [...written.keys(), ...Object.keys(edits)];
  const files = [...[...written.values()].map((w) => w.file), ...Object.values(edits)];
  const outs = await recalc(files);
  for (let i = 0; i < names.length; i++) {
    computed.set(names[i], await readWorkbook(outs[i]));
    recalculated.set(names[i], outs[i]);
  }
}, 300_000);

const recalculated = new Map<string, string>();

test.each([...CASES.map((c) => c.name), 'en', 'boundary', 'boundary-exclude'])(
  '%s: every formula’s stored value (the engine’s per row, IronCalc’s elsewhere) equals LibreOffice’s recalculation',
  async (name) => {
    const { file, sheets } = written.get(name)!;
    const stored = await readStoredFormulas(file);
    const formulaCells = sheets.reduce((n, s) => n + s.cells.filter((c) => isFormula(c.value)).length, 0);
    const { compared, disagreements } = compareStored(stored, await readStoredFormulas(recalculated.get(name)!));
    expect(compared).toBe(formulaCells);
    expect(disagreements).toEqual([]);
  },
);

describe('ABC result sheet, recalculated by LibreOffice', () => {
  test.each(CASES.map((c) => c.name))('%s: every formula tier equals the engine tier; summary agrees; no errors', (name) => {
    const { result } = written.get(name)!;
    const sheets = computed.get(name)!;
    expect(errorCells(sheets)).toEqual([]);
    const s = sheets[0];
    const n = result.customers.length + result.nonPositive.length;
    expect(tierColumn(s, n)).toEqual(engineTiers(result));
    expect(s.values.get(`C${ABC_PARAM_ROWS.n}`)).toBe(result.customers.length);
    for (const t of ['A', 'B', 'C'] as const) {
      expect(s.values.get(`E${ABC_SUMMARY_ROWS[t]}`)).toBe(result.summary[t].customers);
      expect(s.values.get(`G${ABC_SUMMARY_ROWS[t]}`) as number).toBeCloseTo(result.summary[t].value.toNumber(), 6);
    }
    expect(s.values.get(`E${ABC_SUMMARY_ROWS.excluded}`)).toBe(result.nonPositive.length);
    expect(s.values.get(`A${ABC_WARNING_ROW}`) ?? '').toBe('');
    // Cumulative share before each customer, as the engine reports it.
    result.customers.forEach((c, i) => expect(s.values.get(`F${ABC_FIRST_ROW + i}`) as number).toBeCloseTo(c.cumulativeBefore, 12));
  });

  test('the rejected rows get their own sheet with row numbers and reasons', () => {
    const sheets = computed.get('value-include')!;
    const rejected = sheets[1];
    const { result } = written.get('value-include')!;
    expect(result.rejected.count).toBe(2);
    expect(rejected.values.get('A5')).toBe(result.rejected.rows[0].row);
    expect(String(rejected.values.get('C5'))).toContain('客户');
  });

  test('exactly 80 % ahead: B by default, and the lower-tier option agrees with the engine', () => {
    expect(tierColumn(computed.get('boundary')![0], 4)).toEqual(['A', 'A', 'B', 'C']);
    expect(engineTiers(written.get('boundary')!.result)).toEqual(['A', 'A', 'B', 'C']);
    expect(tierColumn(computed.get('boundary-exclude')![0], 4)).toEqual(engineTiers(written.get('boundary-exclude')!.result));
  });

  test('editing a value recomputes the tiers (same as the engine on the edited data)', async () => {
    const base = written.get('value-include')!;
    const rows = base.result.customers.map((c) => [c.customer, c.value.toNumber()] as unknown[]);
    rows[1][1] = base.result.customers[0].value.toNumber();
    rows.push(...base.result.nonPositive.map((c) => [c.customer, c.value.toNumber()]));
    const expected = await runAbc({ headers: ['客户', '金额'], rows });
    const s = computed.get('edit-in-order')![0];
    const byCustomer = new Map([...expected.customers.map((c) => [c.customer, c.tier] as const), ...expected.nonPositive.map((c) => [c.customer, 'C'] as const)]);
    const n = rows.length;
    for (let i = 0; i < n; i++) expect([s.values.get(`B${ABC_FIRST_ROW + i}`), s.values.get(`G${ABC_FIRST_ROW + i}`)]).toEqual([s.values.get(`B${ABC_FIRST_ROW + i}`), byCustomer.get(String(s.values.get(`B${ABC_FIRST_ROW + i}`)))]);
    expect(s.values.get(`A${ABC_WARNING_ROW}`) ?? '').toBe('');
  });

  test('an edit that breaks the order shows the warning', () => {
    expect(String(computed.get('edit-stale')![0].values.get(`A${ABC_WARNING_ROW}`))).toContain('降序');
  });

  test('editing the thresholds, the crossing rule or the method recomputes the tiers as the engine would', async () => {
    const base = written.get('value-include')!;
    const rows = [...base.result.customers, ...base.result.nonPositive].map((c) => [c.customer, c.value.toNumber()]);
    const n = rows.length;
    const t1 = await runAbc({ headers: ['客户', '金额'], rows }, { thresholds: { a: 0.6, b: 0.85 }, crossing: 'exclude' });
    expect(tierColumn(computed.get('edit-thresholds')![0], n)).toEqual(engineTiers(t1));
    const t2 = await runAbc({ headers: ['客户', '金额'], rows }, { method: 'count' });
    expect(tierColumn(computed.get('edit-method')![0], n)).toEqual(engineTiers(t2));
  });
});

describe('ABC result sheet, as written', () => {
  test('per-row formulas only look at their own row and its neighbours (linear recalculation)', () => {
    const sheet = written.get('count')!.sheets[0];
    // The table's columns (A–M); the Pareto chart's data block right of it is 30 fixed rows.
    const inTable = (ref: string) => /^[A-M]\d+$/.test(ref);
    const rowFormulas = sheet.cells.filter((c) => isFormula(c.value) && inTable(c.ref) && Number(c.ref.replace(/^[A-Z]+/, '')) >= ABC_FIRST_ROW);
    expect(rowFormulas.length).toBeGreaterThan(1000);
    for (const c of rowFormulas) {
      const f = (c.value as { formula: string }).formula;
      const row = Number(c.ref.replace(/^[A-Z]+/, ''));
      expect({ ref: c.ref, ranges: f.match(/\$?[A-Z]+\$?\d+:\$?[A-Z]+\$?\d+/g) }).toEqual({ ref: c.ref, ranges: null });
      for (const m of f.matchAll(/(\$?)([A-Z]+)(\$?)(\d+)/g)) {
        const r = Number(m[4]);
        // Absolute references are the parameter cells above the table; relative ones stay within one row.
        if (m[3] === '$') expect(r).toBeLessThan(ABC_FIRST_ROW);
        else expect(Math.abs(r - row)).toBeLessThanOrEqual(1);
      }
    }
  });

  test('only Excel 2010 functions; thresholds are labelled named inputs; tier colours, data bars and a Pareto chart', () => {
    const sheet = written.get('value-include')!.sheets[0];
    for (const c of sheet.cells) if (isFormula(c.value)) expect({ ref: c.ref, bad: disallowedFunctions(c.value.formula) }).toEqual({ ref: c.ref, bad: [] });
    const names = Object.fromEntries((sheet.names ?? []).map((n) => [n.name, n.ref]));
    expect(names.ABC_A).toBe(`$C$${ABC_PARAM_ROWS.a}`);
    expect(names.ABC_B).toBe(`$C$${ABC_PARAM_ROWS.b}`);
    expect(sheet.cells.find((c) => c.ref === `C${ABC_PARAM_ROWS.a}`)?.style?.locked).toBe(false);
    const rules = (sheet.conditionalFormats ?? []).flatMap((cf) => cf.rules.map((r) => r.type));
    expect(rules.filter((t) => t === 'cellIs').length).toBeGreaterThanOrEqual(3);
    expect(rules).toContain('dataBar');
    expect(sheet.charts?.[0]).toMatchObject({ kind: 'pareto', series: [{}, {}] });
    expect(sheet.tables?.length).toBe(1);
  });

  test('zh-CN sheets carry no English words and en-US sheets no Chinese (outside data)', () => {
    const text = (s: SheetSpec) => s.cells.filter((c) => typeof c.value === 'string' && Number(c.ref.replace(/^[A-Z]+/, '')) < ABC_FIRST_ROW).map((c) => c.value as string);
    const zh = text(written.get('value-include')!.sheets[0]).join(' ');
    expect(zh.match(/[A-Za-z]{2,}/g)?.filter((w) => !['ABC'].includes(w)) ?? []).toEqual([]);
    const en = text(written.get('en')!.sheets[0]).join(' ');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
  });
});
