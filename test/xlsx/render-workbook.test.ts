import JSZip from 'jszip';
import { SheetBuilder } from '../../src/sheets/core/sheet-builder';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { overlaps, sqrefs } from '../support/xlsx-xml';

async function sheetXml(bytes: Uint8Array): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  return zip.file('xl/worksheets/sheet1.xml')!.async('string');
}


test('a validation crossing rows 9→10 and 99→100 is written once, for exactly its range', async () => {
  const b = new SheetBuilder('S');
  b.set('A1', 'x');
  b.validation({ ref: 'B5:C120', rule: { type: 'list', values: ['a', 'b'] } });
  b.validation({ ref: 'E7', rule: { type: 'whole', min: 1, max: 5 } });
  const xml = await sheetXml(await renderWorkbook({ sheets: [b.build()] }));
  expect(sqrefs(xml).sort()).toEqual(['B5:C120', 'E7']);
});

test('validations of different ranges never overlap in the file', async () => {
  const b = new SheetBuilder('S');
  b.set('A1', 'x');
  b.validation({ ref: 'B9:B100', rule: { type: 'list', values: ['a'] } });
  b.validation({ ref: 'C9:C100', rule: { type: 'list', values: ['a'] } });
  const refs = sqrefs(await sheetXml(await renderWorkbook({ sheets: [b.build()] })));
  expect(overlaps(refs)).toEqual([]);
});
