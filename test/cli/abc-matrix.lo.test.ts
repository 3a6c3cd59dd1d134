/**
 * `account-planner abc --matrix`, recalculated in LibreOffice: the classes the matrix sheet's
 * formulas give are blank until X and Y are filled in, then follow classifyMatrix.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { classifyMatrix } from '../../src/domain/abc/matrix';
import { MATRIX_FIRST_ROW } from '../../src/sheets/abc/matrix-sheet';
import { cli } from '../support/cli';
import { errorCells, readWorkbook, recalc, sheet } from '../support/libreoffice';
import { customersInResultOrder, salesCsv } from './abc-matrix-fixture';

const { dir, csv } = salesCsv();

test('the matrix sheet\'s classes are blank until X and Y are filled in, then follow X and Y', async () => {
  const out = path.join(dir, 'abc.xlsx');
  expect((await cli(['abc', '--in', csv, '--currency', 'CNY', '--out', out, '--matrix'])).code).toBe(0);
  const expectedNames = await customersInResultOrder(csv);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);

  // Fill in X, Y (and one VIP) as a person would, then let LibreOffice compute the classes.
  const filled: [number, number, boolean][] = [
    [4, 4, false],
    [2, 3, false],
    [0, 0, true],
    [1, 4, false],
    [3, 3, false],
  ];
  const ws = wb.getWorksheet('XY矩阵')!;
  filled.forEach(([x, y, vip], i) => {
    ws.getCell(`B${MATRIX_FIRST_ROW + i}`).value = x;
    ws.getCell(`C${MATRIX_FIRST_ROW + i}`).value = y;
    if (vip) ws.getCell(`D${MATRIX_FIRST_ROW + i}`).value = '是';
  });
  const edited = path.join(dir, 'abc-filled.xlsx');
  await wb.xlsx.writeFile(edited);

  const [asWritten, afterFill] = await recalc([out, edited]);
  const before = await readWorkbook(asWritten);
  expect(errorCells(before)).toEqual([]);
  const m0 = sheet(before, 'XY矩阵');
  expectedNames.forEach((_: string, i: number) => {
    expect(m0.values.get(`E${MATRIX_FIRST_ROW + i}`)).toBe('');
    expect(m0.values.get(`F${MATRIX_FIRST_ROW + i}`)).toBe('请填写 X 和 Y');
  });
  const after = await readWorkbook(afterFill);
  expect(errorCells(after)).toEqual([]);
  const m1 = sheet(after, 'XY矩阵');
  const classes = expectedNames.map((_: string, i: number) => m1.values.get(`E${MATRIX_FIRST_ROW + i}`));
  const expected = expectedNames.map((_: string, i: number) => {
    if (!filled[i]) return '';
    const c = classifyMatrix(...filled[i]);
    return c.ok ? c.tier : '';
  });
  expect(classes).toEqual(expected);
  expect(expected).toEqual(['A', 'B', 'A', 'C', 'A', '']);
});
