/** Inputs the share-safe CLI tests share. */
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parseRange } from '../../src/sheets/core/a1';

export function inRanges(ranges: string[], address: string): 'header' | 'body' | undefined {
  const cell = parseRange(address);
  for (const ref of ranges) {
    const r = parseRange(ref);
    if (cell.top >= r.top && cell.top <= r.bottom && cell.left >= r.left && cell.left <= r.right) return cell.top === r.top ? 'header' : 'body';
  }
  return undefined;
}

/**
 * A workbook as Excel writes it after a sheet was copied: the same marker name scoped to two
 * sheets, and a formula filled down as a shared formula whose master cell is personal.
 */
export async function excelStyleWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  for (const name of ['People', 'People (2)']) {
    const ws = wb.addWorksheet(name);
    ws.getCell('A1').value = 'Name';
    ws.getCell('B1').value = 'Age';
    ws.getCell('C1').value = 'Next year';
    ws.getCell('A2').value = 'Li';
    ws.getCell('B2').value = 40;
    ws.getCell('A3').value = 'Wang';
    ws.getCell('B3').value = 50;
    ws.getCell('B2').note = 'birthday in May';
    // The master B4 is in the personal column B; its filled-right copy C4 is outside it.
    ws.getCell('B4').value = { formula: 'B2+B3', result: 90, shareType: 'shared', ref: 'B4:C4' } as unknown as ExcelJS.CellFormulaValue;
    ws.getCell('C4').value = { sharedFormula: 'B4', result: 0 } as unknown as ExcelJS.CellSharedFormulaValue;
    ws.getCell('D1').value = 'Total';
    ws.getCell('D2').value = { formula: 'SUM(C4,A9)', result: 0 } as ExcelJS.CellFormulaValue;
  }
  wb.definedNames.add("'People'!$B$1:$B$5", 'Keep');
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  // Scope the marker to each sheet, as Excel does for a copied sheet.
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('xl/workbook.xml')!.async('string');
  const names =
    '<definedNames>' +
    '<definedName name="AP_Personal_1" localSheetId="0">People!$B$1:$B$5</definedName>' +
    '<definedName name="AP_Personal_1" localSheetId="1">\'People (2)\'!$B$1:$B$5</definedName>' +
    '<definedName name="Keep">People!$B$1:$B$5</definedName>' +
    '</definedNames>';
  const patched = xml.includes('<definedNames>') ? xml.replace(/<definedNames>.*<\/definedNames>/s, names) : xml.replace('</sheets>', `</sheets>${names}`);
  zip.file('xl/workbook.xml', patched);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}
