/**
 * Generated rows (SheetSpec.rowBlocks: the pane's ABC table from 10,000 rows) in the preview
 * workbook: kept out of the spreadsheet engine while every formula reading them carries its
 * value, evaluated as cells as soon as one does not — the sums below are worked out by hand,
 * and IronCalc must give them.
 */
import type { RowBlock, SheetSpec } from '../../src/sheets/core/sheet-spec';
import { PreviewHost, specToGrid } from '../../src/taskpane/preview/preview-host';
import { engineSheets } from '../../src/xlsx/evaluate/evaluate-workbook';
import { loadIronCalcNode } from '../../src/xlsx/evaluate/load-node';

const node = async () => loadIronCalcNode();

/** Rows 3..(2+n): A = "C<i>", B = i, C = B×2 (with its value unless `cached` is false). */
function block(n: number, cached = true): RowBlock {
  return {
    firstRow: 3,
    count: n,
    row: (i) => {
      const r = 3 + i;
      return [
        { col: 1, value: `C${i + 1}` },
        { col: 2, value: i + 1 },
        { col: 3, value: cached ? { formula: `B${r}*2`, cached: (i + 1) * 2 } : { formula: `B${r}*2` } },
      ];
    },
  };
}

const sheet = (name: string, head: SheetSpec['cells'], rows: RowBlock): SheetSpec => ({
  name,
  cells: [{ ref: 'A2', value: 'Customer' }, ...head],
  rowBlocks: [rows],
});

test('a block whose readers all carry values stays out of the engine (none of its cells evaluated), the sheet is not editable', async () => {
  const spec = sheet(
    'Big',
    [
      { ref: 'A1', value: { formula: 'SUM(C3:C102)', cached: 10100 } },
      { ref: 'B1', value: 5 },
    ],
    block(100),
  );
  expect(engineSheets([spec])[0]).toBe(spec);
  const host = new PreviewHost(node);
  await host.insertSheets([spec]);
  expect(host.computedValues('Big')?.get('A1')).toBe(10100);
  // As cells, the block's formulas would have values here.
  expect(host.computedValues('Big')?.has('C50')).toBe(false);
  await expect(host.editCell('Big', 'B1', 6)).rejects.toThrow(/too large/);
});

test('a formula without its value that reads the block: the rows go in as cells and the engine computes it (1+…+100 = 5050, ×2 = 10100)', async () => {
  const spec = sheet(
    'Big',
    [
      { ref: 'A1', value: { formula: 'SUM(B3:B102)' } },
      { ref: 'B1', value: { formula: 'SUM(C3:C102)' } },
    ],
    block(100),
  );
  const host = new PreviewHost(node);
  await host.insertSheets([spec]);
  expect(host.computedValues('Big')?.get('A1')).toBe(5050);
  expect(host.computedValues('Big')?.get('B1')).toBe(10100);
});

test('a block formula without its value is evaluated too (C = B×2 for row 102: 200)', async () => {
  const spec = sheet('Big', [], block(100, false));
  const host = new PreviewHost(node);
  await host.insertSheets([spec]);
  expect(host.computedValues('Big')?.get('C102')).toBe(200);
});

test('read back as data, a sheet with a block has its generated rows', () => {
  const grid = specToGrid(sheet('Big', [], block(3)));
  expect(grid.slice(1)).toEqual([['Customer'], ['C1', 1, null], ['C2', 2, null], ['C3', 3, null]]);
});

test('a sheet that takes another name: formulas in its generated rows follow', async () => {
  const host = new PreviewHost(node);
  await host.insertSheets([{ name: 'Big', cells: [{ ref: 'A1', value: 1 }] }]);
  const rows: RowBlock = {
    firstRow: 3,
    count: 1,
    row: () => [{ col: 1, value: { formula: "'Big'!A1+1", cached: 2 } }],
  };
  const [name] = await host.insertSheets(
    [
      { name: 'Big', cells: [], rowBlocks: [rows] },
      { name: 'Other', cells: [{ ref: 'A1', value: { formula: "'Big'!A3" } }] },
    ].reverse(),
  );
  expect(name).toBe('Other');
  const big2 = host.getSheets().find((s) => s.name === 'Big (2)');
  expect(big2?.kind === 'generated' && big2.spec.rowBlocks?.[0].row(0)[0].value).toEqual({
    formula: "'Big (2)'!A1+1",
    cached: 2,
  });
});
