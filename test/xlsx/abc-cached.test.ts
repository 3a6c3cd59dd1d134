/**
 * The ABC result sheet carries the engine's values on every formula (per-row formulas, the
 * parameter block, the summary, the chart's data block), so a large sheet is never evaluated by
 * a spreadsheet engine. Here IronCalc evaluates the same sheets from their formulas alone, and
 * every formula cell must come out as the builder stored it.
 */
import { runAbc, type AbcRunOptions } from '../../src/domain/abc/run';
import { buildAbcSheets } from '../../src/sheets/abc/result-sheet';
import { isFormula, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { loadIronCalcNode } from '../../src/xlsx/evaluate/load-node';
import { definedNames, evaluateWorkbook } from '../../src/xlsx/evaluate/evaluate-workbook';
import { dataset } from '../support/abc-data';
import { sameValue } from '../support/stored-values';

const engine = loadIronCalcNode();

const withoutCached = (s: SheetSpec): SheetSpec => ({
  ...s,
  cells: s.cells.map((c) => (isFormula(c.value) ? { ...c, value: { formula: c.value.formula } } : c)),
});

/** Values with up to six decimals, many equal. */
function fine(seed: number, n: number): unknown[][] {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: n }, (_, i) => [`K${i}`, rnd() < 0.2 ? '12.5' : (rnd() * 1000).toFixed(rnd() < 0.5 ? 6 : 3)]);
}

const CASES: [string, unknown[][], AbcRunOptions][] = [
  ['value-include', dataset(21, 300), {}],
  ['value-exclude', dataset(22, 300), { crossing: 'exclude' }],
  ['count', dataset(23, 300), { method: 'count' }],
  ['count-exclude-no-group', dataset(24, 200), { method: 'count', crossing: 'exclude', countShares: { a: 0.15, b: 0.35 }, group: false }],
  ['thresholds-50-90', fine(25, 250), { thresholds: { a: 0.5, b: 0.9 } }],
  ['one-customer', [['only', 10]], {}],
  ['ties-at-the-end', [['a', 5], ['b', 3], ['c', 0], ['d', 0]], {}],
];

test.each(CASES)('%s: every value the builder stored is what IronCalc computes from the formulas', async (_, rows, options) => {
  const result = await runAbc({ headers: ['客户', '金额'], rows }, options);
  const [sheet] = buildAbcSheets(result, { lang: 'zh-CN', today: new Date(Date.UTC(2026, 2, 15)) });
  const stored = new Map(sheet.cells.flatMap((c) => (isFormula(c.value) && c.value.cached !== undefined ? [[c.ref, c.value.cached] as const] : [])));
  const formulas = sheet.cells.filter((c) => isFormula(c.value)).length;
  expect(formulas).toBeGreaterThan(11 * (result.customers.length + result.nonPositive.length));
  expect(stored.size).toBe(formulas);

  const bare = withoutCached(sheet);
  const { values, failures } = evaluateWorkbook(engine, [bare], definedNames([bare]));
  expect(failures).toEqual([]);
  const computed = values.get(sheet.name)!;
  const differ = [...stored].filter(([ref, v]) => !sameValue(v as never, computed.get(ref) as never, 1e-12));
  expect(differ.map(([ref, v]) => ({ ref, stored: v, ironcalc: computed.get(ref) }))).toEqual([]);

});
