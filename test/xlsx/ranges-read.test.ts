/**
 * The cells of an existing sheet that new formulas read (src/xlsx/into/ranges-read.ts): plain
 * references give their ranges; anything else means the whole sheet.
 */
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { inRanges, rangesRead } from '../../src/xlsx/into/ranges-read';

const spec = (...formulas: string[]): SheetSpec => ({ name: 'New', cells: formulas.map((formula, i) => ({ ref: `A${i + 1}`, value: { formula } })) });

test('plain cell and range references to the sheet, quoted or not, any case; other sheets and text ignored', () => {
  const ranges = rangesRead(
    [spec("INDEX('ABC 结果'!$G$26:$G$50025,MATCH(A1,'abc 结果'!$B$26:$B$50025,0))", '\'ABC 结果\'!C9+Other!A1', '"\'ABC 结果\'!Z99"', "ROWS('ABC 结果'!$G$26:$G$50025)")],
    'ABC 结果',
  );
  expect(ranges).toEqual([
    { top: 26, left: 7, bottom: 50025, right: 7 },
    { top: 26, left: 2, bottom: 50025, right: 2 },
    { top: 9, left: 3, bottom: 9, right: 3 },
  ]);
  expect(inRanges(ranges!, 100, 2)).toBe(true);
  expect(inRanges(ranges!, 100, 3)).toBe(false);
  expect(rangesRead([spec('Other!A1')], 'ABC 结果')).toEqual([]);
});

test('a whole column or anything unusual: read the whole sheet', () => {
  expect(rangesRead([spec("SUM('ABC 结果'!B:B)")], 'ABC 结果')).toBeUndefined();
  expect(rangesRead([spec("'ABC 结果'!C9", 'SUM(Data!1:3)')], 'Data')).toBeUndefined();
});
