/**
 * `account-planner abc --matrix`: the X/Y purchasing matrix sheet added to --out, prefilled with
 * the run's customers (X, Y and VIP blank), without touching the --json contract.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { classifyMatrix } from '../../src/domain/abc/matrix';
import { runCli } from '../../src/cli/run';
import { MATRIX_FIRST_ROW } from '../../src/sheets/abc/matrix-sheet';
import { errorCells, readWorkbook, recalc, sheet } from '../support/libreoffice';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-cli-abc-matrix-');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const csv = path.join(dir, 'sales.csv');
writeFileSync(
  csv,
  '客户,金额\n华为,"¥1,000"\n腾讯,3万\n华为,500\n,50\n阿里,abc\n小米,0\n比亚迪,1500\n京东,800\n美团,800\n',
);

async function rowsOf(file: string, sheetName: string, from: number): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheetName)!;
  const out: unknown[][] = [];
  for (let r = from; ws.getCell(`A${r}`).value !== null; r++)
    out.push(['A', 'B', 'C', 'D'].map((c) => ws.getCell(`${c}${r}`).value));
  return out;
}

describe('account-planner abc --matrix', () => {
  test('--json prints the same object with or without --matrix', async () => {
    const plain = await cli(['abc', '--in', csv, '--json']);
    const withMatrix = await cli(['abc', '--in', csv, '--json', '--matrix', '--out', path.join(dir, 'json.xlsx')]);
    expect(plain.code).toBe(0);
    expect(withMatrix.code).toBe(0);
    expect(withMatrix.out).toBe(plain.out);
    expect(JSON.parse(plain.out).customers.length).toBe(5);
  });

  test('adds the matrix sheet prefilled with the customers in result order, X/Y/VIP blank; classes follow X and Y once filled', async () => {
    const out = path.join(dir, 'abc.xlsx');
    const r = await cli(['abc', '--in', csv, '--out', out, '--matrix']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('X/Y matrix sheet: 6 customers');
    const json = JSON.parse((await cli(['abc', '--in', csv, '--json'])).out);
    const expectedNames = [...json.customers, ...json.nonPositive].map((c: { customer: string }) => c.customer);
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
  }, 120_000);

  test('without grouping, a customer on several rows is listed once; --lang en-US names the sheet in English', async () => {
    const out = path.join(dir, 'rows.xlsx');
    expect((await cli(['abc', '--in', csv, '--no-group', '--lang', 'en-US', '--out', out, '--matrix'])).code).toBe(0);
    const rows = await rowsOf(out, 'X-Y Matrix', MATRIX_FIRST_ROW);
    const names = rows.map((x) => x[0]);
    expect(names.filter((n) => n === '华为')).toHaveLength(1);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toHaveLength(6); // 7 ranked rows, 华为 twice
  });

  test('--matrix without --out is a usage error (exit 2); the help documents --matrix', async () => {
    const r = await cli(['abc', '--in', csv, '--matrix']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--matrix');
    expect(r.err).toContain('--out');
    const help = await cli(['abc', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/--matrix\s+with --out: also write the X\/Y purchasing matrix sheet/);
  });

  test('without --matrix the workbook has no matrix sheet', async () => {
    const out = path.join(dir, 'no-matrix.xlsx');
    expect((await cli(['abc', '--in', csv, '--out', out])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['ABC分类', '被剔除的行']);
  });
});
