/**
 * Adding sheets that read an existing one: only the cells their formulas refer to are loaded into
 * the engine (src/xlsx/into/read-areas.ts), and the first values computed over them are the
 * right ones — cell ranges, whole columns, quoted and plain sheet names; a reference not
 * understood loads the whole sheet.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { inAreas, readAreas } from '../../src/xlsx/into/read-areas';
import { intoWorkbook, openTarget } from '../../src/xlsx/into/into-workbook';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';

const f = (formula: string) => ({ formula });
const spec = (...formulas: string[]): SheetSpec => ({ name: 'New', cells: formulas.map((x, i) => ({ ref: `A${i + 1}`, value: f(x) })) });

test('the areas a formula refers to on one sheet, in every reference form', () => {
  const areas = readAreas([spec("INDEX('ABC Result'!$G$26:$G$50025,MATCH(B2,'abc result'!$B$26:$B$50025,0))", "'ABC Result'!C3*2", 'SUM(Other!A1:A9)')], 'ABC Result');
  expect(areas).toEqual([
    { top: 26, left: 7, bottom: 50025, right: 7 },
    { top: 26, left: 2, bottom: 50025, right: 2 },
    { top: 3, left: 3, bottom: 3, right: 3 },
  ]);
  expect(readAreas([spec('SUM(Data!B:C)+SUM(Data!$4:$5)')], 'Data')).toEqual([
    { top: 1, left: 2, bottom: 1_048_576, right: 3 },
    { top: 4, left: 1, bottom: 5, right: 16_384 },
  ]);
  // Text that looks like a reference is not one; another sheet is not this one.
  expect(readAreas([spec('"Data!A1"&Other!B2')], 'Data')).toEqual([]);
  expect(inAreas(readAreas([spec('Data!B2:C3')], 'Data')!, 3, 3)).toBe(true);
  expect(inAreas(readAreas([spec('Data!B2:C3')], 'Data')!, 4, 3)).toBe(false);
});

test('a reference not understood: the whole sheet', () => {
  expect(readAreas([spec('SUM(Data!Prices)')], 'Data')).toBeUndefined();
});

test('the new formulas get their values from the cells they read, however far down, and nothing else is needed', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Big Data');
  ws.addRow(['Customer', 'Note', 'Value', 'Tier']);
  for (let i = 1; i <= 3000; i++) ws.addRow([`C${i}`, `note ${i}`, i * 10, i <= 300 ? 'A' : 'C']);
  ws.addRow(['Total', null, { formula: 'SUM(C2:C3001)', result: 45015000 }]);
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
  const added: SheetSpec = {
    name: 'Lookup',
    cells: [
      { ref: 'A1', value: 'C2999' },
      { ref: 'B1', value: f("INDEX('Big Data'!$D$2:$D$3001,MATCH(A1,'Big Data'!$A$2:$A$3001,0))") },
      { ref: 'C1', value: f("INDEX('Big Data'!C:C,MATCH(A1,'Big Data'!A:A,0))") },
      { ref: 'D1', value: f("'Big Data'!C3002") },
      { ref: 'E1', value: f("COUNTIF('Big Data'!D2:D3001,\"A\")") },
    ],
  };
  const result = await intoWorkbook(await openTarget(bytes), { sheets: [added] }, false);
  const zip = await JSZip.loadAsync(result.bytes);
  const names = Object.keys(zip.files).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p)).sort();
  const xml = await zip.file(names[names.length - 1])!.async('string');
  const v = (ref: string) => new RegExp(`<c r="${ref}"[^>]*>(?:<f>[^<]*</f>)?<v>([^<]*)</v>`).exec(xml)?.[1];
  expect([v('B1'), v('C1'), v('D1'), v('E1')]).toEqual(['C', '29990', '45015000', '300']);
}, 60_000);
