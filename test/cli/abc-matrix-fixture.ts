/** The sales file the `abc --matrix` tests share, and readers for what they check. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { cli } from '../support/cli';
import { tempDir } from '../support/template-files';

export function salesCsv(): { dir: string; csv: string } {
  const dir = tempDir('ap-cli-abc-matrix-');
  const csv = path.join(dir, 'sales.csv');
  // One amount carries ¥ and the others none: every run names the currency of the unmarked ones (--currency CNY).
  writeFileSync(csv, '客户,金额\n华为,"¥1,000"\n腾讯,3万\n华为,500\n,50\n阿里,abc\n小米,0\n比亚迪,1500\n京东,800\n美团,800\n');
  return { dir, csv };
}

/** The customers of `abc --json`, ranked ones first, then those with no positive value. */
export async function customersInResultOrder(csv: string): Promise<string[]> {
  const json = JSON.parse((await cli(['abc', '--in', csv, '--currency', 'CNY', '--json'])).out);
  return [...json.customers, ...json.nonPositive].map((c: { customer: string }) => c.customer);
}

export async function rowsOf(file: string, sheetName: string, from: number): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheetName)!;
  const out: unknown[][] = [];
  for (let r = from; ws.getCell(`A${r}`).value !== null; r++) out.push(['A', 'B', 'C', 'D'].map((c) => ws.getCell(`${c}${r}`).value));
  return out;
}
