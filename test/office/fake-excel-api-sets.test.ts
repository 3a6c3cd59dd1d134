/**
 * Every requirement-set gate in the fake Excel matches Microsoft's reference: the "[Api set: …]"
 * remark of the member in @types/office-js (the text learn.microsoft.com/javascript/api/excel/
 * is generated from). A gate typed from memory — useStandardWidth at 1.2 where the reference
 * says 1.7 — fails here.
 */
import { API_SETS } from './fake-excel/api-sets';
import { documentedApiSet } from './reference/office-js-types';
import { installFakeExcel } from './fake-excel/install';

test.each(Object.entries(API_SETS))('%s is gated at ExcelApi %s, as the reference says', (key, version) => {
  const m = /^(\w+\.\w+)(?:\((\w+)\))?$/.exec(key)!;
  expect(documentedApiSet(m[1], m[2])).toEqual({ set: 'ExcelApi', version });
});

test('the reader finds what the reference says (a check that can fail)', () => {
  expect(documentedApiSet('RangeFormat.useStandardWidth')?.version).toBe('1.7');
  expect(documentedApiSet('RangeFormat.columnWidth')?.version).toBe('1.2');
  expect(documentedApiSet('WorksheetProtection.isPasswordProtected')?.set).toBe('ExcelApiOnline');
  expect(documentedApiSet('Range.noSuchMember')).toBeUndefined();
});

test('useStandardWidth on an ExcelApi 1.6 Excel is ApiNotFound', async () => {
  const fake = installFakeExcel({ apiVersion: '1.6' });
  try {
    const code = await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').getRange('A:A').format.useStandardWidth = true;
      await context.sync();
    }).then(
      () => undefined,
      (e: { code?: string }) => e.code,
    );
    expect(code).toBe('ApiNotFound');
  } finally {
    fake.uninstall();
  }
});
