/**
 * `account-planner abc --matrix`: the X/Y purchasing matrix sheet added to --out, prefilled with
 * the run's customers (X, Y and VIP blank), without touching the --json contract.
 */
import path from 'node:path';
import ExcelJS from 'exceljs';
import { MATRIX_FIRST_ROW } from '../../src/sheets/abc/matrix-sheet';
import { cli } from '../support/cli';
import { customersInResultOrder, rowsOf, salesCsv } from './abc-matrix-fixture';

const { dir, csv } = salesCsv();

describe('account-planner abc --matrix', () => {
  test('--json prints the same object with or without --matrix', async () => {
    const plain = await cli(['abc', '--in', csv, '--currency', 'CNY', '--json']);
    const withMatrix = await cli(['abc', '--in', csv, '--currency', 'CNY', '--json', '--matrix', '--out', path.join(dir, 'json.xlsx')]);
    expect(plain.code).toBe(0);
    expect(withMatrix.code).toBe(0);
    expect(withMatrix.out).toBe(plain.out);
    expect(JSON.parse(plain.out).customers.length).toBe(5);
  });

  test('adds the matrix sheet prefilled with the customers in result order, X/Y/VIP blank', async () => {
    const out = path.join(dir, 'abc.xlsx');
    const r = await cli(['abc', '--in', csv, '--currency', 'CNY', '--out', out, '--matrix']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('X/Y 矩阵表：6 个客户');
    const en = await cli(['abc', '--in', csv, '--currency', 'CNY', '--out', path.join(dir, 'abc-en.xlsx'), '--matrix', '--lang', 'en-US']);
    expect(en.out).toContain('X/Y matrix sheet: 6 customers');
    const expectedNames = await customersInResultOrder(csv);
    // Value descending, equal values by name (华 U+534E before 比 U+6BD4), then the zero customer.
    expect(expectedNames).toEqual(['腾讯', '华为', '比亚迪', '京东', '美团', '小米']);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['ABC分类', '被剔除的行', 'XY矩阵']);
    const rows = await rowsOf(out, 'XY矩阵', MATRIX_FIRST_ROW);
    expect(rows).toEqual(expectedNames.map((n: string) => [n, null, null, null]));
    expect(wb.getWorksheet('XY矩阵')!.getCell('A5').value).toBe(
      `已从 ABC 分类结果复制 ${expectedNames.length} 个客户，请为每个客户填写 X 和 Y。`,
    );
  });

  test('without grouping, a customer on several rows is listed once; --lang en-US names the sheet in English', async () => {
    const out = path.join(dir, 'rows.xlsx');
    expect((await cli(['abc', '--in', csv, '--currency', 'CNY', '--no-group', '--lang', 'en-US', '--out', out, '--matrix'])).code).toBe(0);
    const rows = await rowsOf(out, 'X-Y Matrix', MATRIX_FIRST_ROW);
    const names = rows.map((x) => x[0]);
    expect(names.filter((n) => n === '华为')).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(6); // 7 ranked rows, 华为 twice
  });

  test('--matrix without --out is a usage error (exit 2); the help documents --matrix', async () => {
    const r = await cli(['abc', '--in', csv, '--currency', 'CNY', '--matrix']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--matrix');
    expect(r.err).toContain('--out');
    const help = await cli(['abc', '--help', '--lang', 'en-US']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--matrix\s+with --out: also write the X\/Y purchasing matrix sheet/);
  });

  test('without --matrix the workbook has no matrix sheet', async () => {
    const out = path.join(dir, 'no-matrix.xlsx');
    expect((await cli(['abc', '--in', csv, '--currency', 'CNY', '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['ABC分类', '被剔除的行']);
  });
});
