/** The IronCalc evaluator: value types as a file stores them, names, pre-computed cells, failures. */
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { evaluateWorkbook, definedNames } from '../../src/xlsx/evaluate/evaluate-workbook';
import { isRead, readAreas } from '../../src/xlsx/evaluate/formula-references';
import { loadIronCalcNode } from '../../src/xlsx/evaluate/load-node';
import { withCachedValues } from '../../src/xlsx/evaluate/with-cached-values';

const engine = loadIronCalcNode();
const sheet = (name: string, cells: Record<string, SheetSpec['cells'][number]['value']>, extra: Partial<SheetSpec> = {}): SheetSpec => ({
  name,
  cells: Object.entries(cells).map(([ref, value]) => ({ ref, value })),
  ...extra,
});
const f = (formula: string) => ({ formula });

test('numbers (15 significant digits), text, booleans, Excel errors and dates as serial numbers', () => {
  const s = sheet('Data', {
    A1: 1,
    A2: 3,
    A3: new Date(Date.UTC(2026, 6, 1)),
    A4: 'x',
    A5: '=not a formula',
    A6: '007',
    B1: f('A1/A2'),
    B2: f('A3+30'),
    B3: f('DATE(2026,7,1)'),
    B4: f('A4&"y"'),
    B5: f('A1>A2'),
    B6: f('1/0'),
    B7: f('VLOOKUP("zz",A4:A5,1,FALSE)'),
    B8: f('IF(A1=1,"","no")'),
    B9: f('A5'),
    B10: f('A6&""'),
    B11: f('ISNUMBER(A6)'),
    B12: f('Z99'),
    B13: f('0.1+0.2'),
  });
  const { values, failures, formulaCells } = evaluateWorkbook(engine, [s]);
  expect(failures).toEqual([]);
  expect(formulaCells).toBe(13);
  const v = values.get('Data')!;
  expect(v.get('B1')).toBe(0.333333333333333);
  // 2026-07-01 is serial 46204 (Excel's 1900 date system), whatever the cell's format.
  expect([v.get('B2'), v.get('B3')]).toEqual([46234, 46204]);
  expect([v.get('B4'), v.get('B5'), v.get('B6'), v.get('B7'), v.get('B8')]).toEqual(['xy', false, { error: '#DIV/0!' }, { error: '#N/A' }, '']);
  // Text that looks like a formula or a number stays text.
  expect([v.get('B9'), v.get('B10'), v.get('B11')]).toEqual(['=not a formula', '007', false]);
  expect([v.get('B12'), v.get('B13')]).toEqual([0, 0.3]);
});

test('sheet names with quotes, spaces, CJK and default names; defined names', () => {
  const a = sheet("O'Brien 表", { A1: 41 }, { names: [{ name: 'Answer_Base', ref: '$A$1' }] });
  const b = sheet('Sheet1', { A1: f("'O''Brien 表'!A1+1"), A2: f('Answer_Base*2'), A3: f('Sheet2!A1') });
  const c = sheet('Sheet2', { A1: 'two' });
  const { values, failures } = evaluateWorkbook(engine, [a, b, c], definedNames([a, b, c]));
  expect(failures).toEqual([]);
  expect(['A1', 'A2', 'A3'].map((r) => values.get('Sheet1')!.get(r))).toEqual([42, 82, 'two']);
});

test('pre-computed cells go in as their values; those no evaluated formula reads are left out', () => {
  const s = sheet('T', {
    A1: 2,
    B1: { formula: 'A1*100', cached: 7 }, // deliberately not A1*100: dependents must see 7
    C1: { formula: 'A1*3', cached: 'never read' },
    D1: f('B1+1'),
    E1: { formula: 'A1=2', cached: '' },
    F1: f('ISBLANK(E1)'),
  });
  const { values, precomputed, failures } = evaluateWorkbook(engine, [s]);
  expect(failures).toEqual([]);
  expect(precomputed).toBe(3);
  const v = values.get('T')!;
  expect([v.get('B1'), v.get('C1'), v.get('D1'), v.get('E1'), v.get('F1')]).toEqual([7, 'never read', 8, '', false]);
});

test('what IronCalc cannot evaluate as Excel does is a failure, never a stored value', () => {
  const s = sheet('S', { A1: 1, A2: 2, B1: f('SUMPRODUCT(-(A1:A2>0))'), B2: f('A1:A2'), B3: f('A1+A2') });
  const { values, failures } = evaluateWorkbook(engine, [s]);
  expect(failures.map((x) => [x.ref, x.result])).toEqual([
    ['B1', '#N/IMPL!'],
    ['B2', '#SPILL!'],
  ]);
  expect([...values.get('S')!.keys()]).toEqual(['B3']);
});

test('withCachedValues evaluates under the names the writer gives (unique) and leaves the specs alone', () => {
  const one = sheet('Plan', { A1: 5 });
  const two = sheet('plan', { A1: f("'Plan (2)'!B1*2"), B1: 4 });
  const { workbook, evaluation } = withCachedValues({ sheets: [one, two] }, engine);
  expect(evaluation.failures).toEqual([]);
  expect(workbook.sheets.map((s) => s.name)).toEqual(['Plan', 'plan']);
  expect(workbook.sheets[1].cells[0].value).toEqual({ formula: "'Plan (2)'!B1*2", cached: 8 });
  expect(two.cells[0].value).toEqual({ formula: "'Plan (2)'!B1*2" });
});

describe('readAreas', () => {
  const names = [{ name: 'Rate', formula: "'Rules'!$B$2" }];
  test('cells, ranges, whole columns and rows, quoted and plain sheets, names; text and function names are not references', () => {
    const areas = readAreas(
      [
        { sheet: 'Main', formula: 'SUM(A1:B3)+Other!$C$4+\'My "x" sheet\'!D5:D6+Rate+LOG10(E:E)+COUNTIF(7:7,"F9")+IF(TRUE,1,0)' },
      ],
      names,
    );
    expect(areas).not.toBe('all');
    const read = (s: string, row: number, col: number) => isRead(areas, s, row, col);
    expect([read('Main', 3, 2), read('Main', 4, 2), read('other', 4, 3), read('My "x" sheet', 6, 4), read('Rules', 2, 2)]).toEqual([true, false, true, true, true]);
    expect([read('Main', 500000, 5), read('Main', 7, 300), read('Main', 9, 6)]).toEqual([true, true, false]);
  });
  test('INDIRECT, OFFSET or an unknown name: every cell may be read', () => {
    expect(readAreas([{ sheet: 'S', formula: 'INDIRECT("A1")' }], [])).toBe('all');
    expect(readAreas([{ sheet: 'S', formula: 'OFFSET(A1,1,1)' }], [])).toBe('all');
    expect(readAreas([{ sheet: 'S', formula: 'Missing*2' }], names)).toBe('all');
  });
});

test('a name two sheets define (a sheet and its copy) is scoped to each, so each sheet reads its own', () => {
  const a = sheet('Plan', { A1: 10, B1: f('Target*2') }, { names: [{ name: 'Target', ref: '$A$1' }] });
  const b = sheet('Plan (copy)', { A1: null, B1: f('Target*2') }, { names: [{ name: 'Target', ref: '$A$1' }] });
  const { values, failures } = evaluateWorkbook(engine, [a, b], definedNames([a, b]));
  expect(failures).toEqual([]);
  expect([values.get('Plan')!.get('B1'), values.get('Plan (copy)')!.get('B1')]).toEqual([20, 0]);
});
