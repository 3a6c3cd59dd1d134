/**
 * The fake is only worth something if it is as strict as Excel where the writer could go
 * wrong. These tests pin the behaviours the parity and round-trip tests rely on.
 */
import { installFakeExcel, type FakeExcel } from './fake-excel/install';
import { coerceTyped } from './fake-excel/model';

let fake: FakeExcel;
beforeEach(() => {
  fake = installFakeExcel({ apiVersion: '1.8' });
});
afterEach(() => fake.uninstall());

const fails = (batch: (context: Excel.RequestContext) => Promise<unknown>) => Excel.run(batch).then(() => undefined, (e: { code?: string }) => e.code);

test('nothing happens before sync; reading before load + sync throws PropertyNotLoaded', async () => {
  await Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.add('New');
    expect(fake.model.sheet('New')).toBeUndefined();
    sheet.load('name');
    expect(() => sheet.name).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    await context.sync();
    expect(sheet.name).toBe('New');
    expect(() => sheet.position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
  });
  expect(fake.session.syncCount).toBe(1);
});

test('Excel.run sends operations left queued at the end, and the fake records it', async () => {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
  });
  expect(fake.session.syncs).toEqual([expect.objectContaining({ implicit: true })]);
  expect(fake.model.sheet('Sheet1')!.cell(1, 1)?.value).toBe(1);
});

test('typed text is converted as Excel does unless it starts with an apostrophe', () => {
  expect(coerceTyped('001')).toEqual({ value: 1 });
  expect(coerceTyped("'001")).toEqual({ value: '001', quotePrefix: true });
  expect(coerceTyped('2026-03-01')).toEqual({ value: 46082, numberFormat: 'yyyy-mm-dd' });
  // The API parses as en-US (office-js#1559): Chinese dates stay text, US month/day/year does not.
  expect(coerceTyped('2026年3月1日')).toEqual({ value: '2026年3月1日' });
  expect(coerceTyped('3月1日')).toEqual({ value: '3月1日' });
  expect(coerceTyped('3/1/2026')).toEqual({ value: 46082, numberFormat: 'm/d/yyyy' });
  expect(coerceTyped('12%')).toEqual({ value: 0.12, numberFormat: '0%' });
  expect(coerceTyped('TRUE')).toEqual({ value: true });
  expect(coerceTyped('#N/A')).toEqual({ error: '#N/A' });
  expect(coerceTyped('=SUM(A1:A2)')).toEqual({ formula: 'SUM(A1:A2)' });
  expect(coerceTyped('-dash').formula).toBe('-dash');
  expect(coerceTyped('-5')).toEqual({ value: -5 });
  expect(coerceTyped('华东机械')).toEqual({ value: '华东机械' });
});

test('2-D arrays must match the range; payloads over 5 MB are refused', async () => {
  expect(await fails(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').formulas = [[1, 2]];
    await context.sync();
  })).toBe('InvalidArgument');
  const big = Array.from({ length: 60_000 }, () => ['x'.repeat(100)]);
  expect(await fails(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('A1:A60000').values = big;
    await context.sync();
  })).toBe('RequestPayloadSizeLimitExceeded');
});

test('structure rules: overlapping tables and merges in tables are MergedRangeConflict; a second validation; a protected sheet', async () => {
  const ws = (context: Excel.RequestContext) => context.workbook.worksheets.getItem('Sheet1');
  await Excel.run(async (context) => {
    ws(context).getRange('A1:B3').values = [['a', 'b'], [1, 2], [3, 4]];
    ws(context).tables.add('A1:B3', true);
    await context.sync();
  });
  expect(await fails(async (context) => {
    ws(context).tables.add('B2:C4', true);
    await context.sync();
  })).toBe('MergedRangeConflict');
  expect(await fails(async (context) => {
    ws(context).getRange('A2:B2').merge(false);
    await context.sync();
  })).toBe('MergedRangeConflict');
  await Excel.run(async (context) => {
    ws(context).getRange('D1:D5').dataValidation.rule = { wholeNumber: { formula1: 1, operator: 'GreaterThan' } };
    await context.sync();
  });
  expect(await fails(async (context) => {
    ws(context).getRange('D3:D8').dataValidation.rule = { decimal: { formula1: 1, operator: 'GreaterThan' } };
    await context.sync();
  })).toBe('InvalidOperation');
  expect(await fails(async (context) => {
    ws(context).getRange('F1').dataValidation.rule = { list: { inCellDropDown: true, source: 'x,'.repeat(200) } };
    await context.sync();
  })).toBe('InvalidArgument');
  await Excel.run(async (context) => {
    ws(context).getRange('E1').format.protection.locked = false;
    ws(context).protection.protect();
    await context.sync();
  });
  expect(await fails(async (context) => {
    ws(context).getRange('E2').values = [[1]];
    await context.sync();
  })).toBe('AccessDenied');
  expect(await fails(async (context) => {
    ws(context).getRange('E1').values = [[1]];
    await context.sync();
  })).toBeUndefined();
});

test('members above the Excel version fail with ApiNotFound', async () => {
  expect(await fails(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').pageLayout.orientation = 'Landscape';
    await context.sync();
  })).toBe('ApiNotFound');
  expect(await fails(async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.notes.add(ws.getRange('A1'), 'note');
    await context.sync();
  })).toBe('ApiNotFound');
});

test('sheet names: invalid and duplicate names are refused, the last visible sheet cannot go', async () => {
  expect(await fails(async (context) => {
    context.workbook.worksheets.add('a/b');
    await context.sync();
  })).toBe('InvalidArgument');
  expect(await fails(async (context) => {
    context.workbook.worksheets.add('SHEET1');
    await context.sync();
  })).toBe('ItemAlreadyExists');
  expect(await fails(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').delete();
    await context.sync();
  })).toBe('InvalidOperation');
});

test('error codes as Excel names them: FormulaLengthExceedsLimit, BadPassword, RangeExceedsLimit', async () => {
  // ~8,192 characters per formula (MS-OI29500 ST_Formula); FormulaLengthExceedsLimit (error-handling page).
  const long = `=${'A1+'.repeat(2730)}A1`;
  expect(long.length).toBeGreaterThan(8192);
  expect(await fails(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('B1').formulas = [[long]];
    await context.sync();
  })).toBe('FormulaLengthExceedsLimit');
  const fits = `=${'A1+'.repeat(2000)}A1`;
  expect(await fails(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('B1').formulas = [[fits]];
    await context.sync();
  })).toBeUndefined();
  fake.model.sheet('Sheet1')!.protection = { protected: true, password: 'secret' };
  expect(await fails(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').protection.unprotect('wrong');
    await context.sync();
  })).toBe('BadPassword');
  // 5,000,000 cells at most per read (resource limits page): RangeExceedsLimit.
  expect(await fails(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('A1:E1000001').load('values');
    await context.sync();
  })).toBe('RangeExceedsLimit');
});

test('useStandardWidth = false has no effect, as the reference says', async () => {
  const sheet = fake.model.sheet('Sheet1')!;
  await Excel.run(async (context) => {
    const range = context.workbook.worksheets.getItem('Sheet1').getRange('B:B');
    range.format.columnWidth = 60;
    range.format.useStandardWidth = false;
    await context.sync();
  });
  expect(sheet.columnWidths.get(2)).toBe(60);
  await Excel.run(async (context) => {
    context.workbook.worksheets.getItem('Sheet1').getRange('B:B').format.useStandardWidth = true;
    await context.sync();
  });
  expect(sheet.columnWidths.has(2)).toBe(false);
});
