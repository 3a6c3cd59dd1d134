/**
 * The OfficeHost against the fake Excel: readers, settings, sheet names, replacement of the
 * add-in's own sheets only, the confirmed tier column, feature detection and error codes.
 */
import { HostError } from '../../src/host/host-error';
import { OfficeHost } from '../../src/office/office-host';
import { MAX_READ_CELLS } from '../../src/office/read-range';
import type { SheetSpec } from '../../src/sheets/core/sheet-spec';
import { installFakeExcel, seedSheet, type FakeExcel } from './fake-excel/install';
import { MAX_ROWS } from './fake-excel/model';
import { $, PAYLOAD_LIMIT_BYTES } from './fake-excel/core';
import { richSpecs } from './fixtures/rich-spec';

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const simple = (name: string, text = 'x'): SheetSpec => ({ name, cells: [{ ref: 'A1', value: text }] });

describe('readers', () => {
  beforeEach(() => {
    fake = installFakeExcel();
  });

  test('a sheet’s used range becomes header + rows, blanks as null, with the first data row number', async () => {
    const sheet = fake.model.addSheet('Orders');
    seedSheet(sheet, [
      [' Customer ', 'Amount', 'Date'],
      ['华东机械', 1200.5, 46082],
      ['', 300, ''],
    ], 3, 2);
    const data = await new OfficeHost().readSource({ kind: 'sheet', name: 'Orders' });
    expect(data).toEqual({
      label: 'Orders!B3:D5',
      headers: ['Customer', 'Amount', 'Date'],
      rows: [
        ['华东机械', 1200.5, 46082],
        [null, 300, null],
      ],
      firstRowNumber: 4,
    });
  });

  test('a named table, and the selection', async () => {
    const sheet = fake.model.addSheet('Data');
    seedSheet(sheet, [['Name', 'Value'], ['a', 1], ['b', 2]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').tables.add('A1:B3', true).name = 'Sales';
      await context.sync();
    });
    const host = new OfficeHost();
    expect((await host.readSource({ kind: 'table', name: 'Sales' })).rows).toEqual([['a', 1], ['b', 2]]);
    fake.select(sheet, { top: 1, left: 1, bottom: 2, right: 2 });
    const sel = await host.readSource({ kind: 'selection' });
    expect(sel).toMatchObject({ headers: ['Name', 'Value'], rows: [['a', 1]], firstRowNumber: 2, label: 'Data!A1:B2' });
    expect(await host.listSources()).toEqual({ tables: ['Sales'], sheets: ['Sheet1', 'Data'] });
  });

  test('large ranges are read in chunks; more than 5,000,000 cells is refused before reading', async () => {
    const sheet = fake.model.addSheet('Big');
    const rows: unknown[][] = [['k', 'v']];
    for (let i = 0; i < 120_000; i++) rows.push([`k${i}`, i]);
    seedSheet(sheet, rows);
    const mark = fake.session.mark();
    const data = await new OfficeHost().readSource({ kind: 'sheet', name: 'Big' });
    expect(data.rows.length).toBe(120_000);
    expect(data.rows[119_999]).toEqual(['k119999', 119_999]);
    // probe + locate + 3 chunks of 50,000 rows
    expect(fake.session.since(mark).length).toBe(5);

    sheet.ensureCell(2_600_000, 2).value = 1; // used range A1:B2600000 = 5.2 M cells
    const before = fake.session.mark();
    const error = await new OfficeHost().readSource({ kind: 'sheet', name: 'Big' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'tooManyCells', params: { cells: 5_200_000, max: MAX_READ_CELLS } });
    // Only the probe and the size were requested, no values.
    expect(fake.session.since(before).length).toBe(2);
  });

  test('a whole-column selection (A:H) is cut to the used rows: 1,000 rows read in two requests', async () => {
    const sheet = fake.model.addSheet('Orders');
    const rows: unknown[][] = [['Date', 'Customer', 'Product', 'Qty', 'Price', 'Amount', 'Rep', 'Region']];
    for (let i = 0; i < 1000; i++) rows.push([46000 + i, `C${i}`, `P${i % 7}`, i % 9, 10, (i % 9) * 10, `R${i % 3}`, 'East']);
    seedSheet(sheet, rows);
    fake.select(sheet, { top: 1, left: 1, bottom: MAX_ROWS, right: 8 });
    const mark = fake.session.mark();
    const data = await new OfficeHost().readSource({ kind: 'selection' });
    expect(data.rows.length).toBe(1000);
    expect(data.headers[7]).toBe('Region');
    expect(data.label).toBe('Orders!A1:H1001');
    expect(data.firstRowNumber).toBe(2);
    const syncs = fake.session.since(mark);
    expect(syncs.length).toBe(2); // locate + one chunk of 8,000 cells
    expect(Math.max(...syncs.map((s) => s.responseBytes))).toBeLessThan(200_000);

    // Columns C:D only, and a selection below the data: nothing to read.
    fake.select(sheet, { top: 1, left: 3, bottom: MAX_ROWS, right: 4 });
    expect((await new OfficeHost().readSource({ kind: 'selection' })).headers).toEqual(['Product', 'Qty']);
    fake.select(sheet, { top: 5000, left: 1, bottom: 6000, right: 8 });
    await expect(new OfficeHost().readSource({ kind: 'selection' })).rejects.toMatchObject({ code: 'emptySource' });
  });

  test('missing table or sheet, one-cell selection, header-only data: clear codes', async () => {
    const host = new OfficeHost();
    await expect(host.readSource({ kind: 'table', name: 'Nope' })).rejects.toMatchObject({ code: 'sourceNotFound', params: { name: 'Nope' } });
    await expect(host.readSource({ kind: 'sheet', name: 'Nope' })).rejects.toMatchObject({ code: 'sourceNotFound' });
    const sheet = fake.model.addSheet('H');
    seedSheet(sheet, [['only', 'header']]);
    await expect(host.readSource({ kind: 'sheet', name: 'H' })).rejects.toMatchObject({ code: 'emptySource' });
    fake.select(sheet, { top: 1, left: 1, bottom: 1, right: 1 });
    await expect(host.readSource({ kind: 'selection' })).rejects.toMatchObject({ code: 'selectionTooSmall' });
  });

  test('an aborted read stops between chunks', async () => {
    const sheet = fake.model.addSheet('Big');
    const rows: unknown[][] = [['k', 'v']];
    for (let i = 0; i < 60_000; i++) rows.push([`k${i}`, i]);
    seedSheet(sheet, rows);
    const controller = new AbortController();
    controller.abort();
    await expect(new OfficeHost().readSource({ kind: 'sheet', name: 'Big' }, controller.signal)).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('inserting sheets', () => {
  test('names are made unique and valid; formulas follow a renamed sheet; existing sheets are untouched', async () => {
    fake = installFakeExcel();
    const rules = fake.model.addSheet('Rules');
    seedSheet(rules, [['user data', 42]]);
    const names = await new OfficeHost().insertSheets(richSpecs('SWOT: 2026/Q1 [draft] very long name indeed'));
    expect(names).toEqual(['SWOT  2026 Q1  draft  very long', 'Rules (2)']);
    const plan = fake.model.sheet(names[0])!;
    // E10 compared with the Rules sheet of this insert, now "Rules (2)".
    expect(plan.cell(10, 5)?.formula).toBe(`IF(D10>='Rules (2)'!$B$2,"OK","LOW")`);
    expect(plan.cell(11, 1)?.formula).toBe(`'Rules (2)'!B2*2`);
    // Text inside a string literal is not a reference.
    expect(plan.cell(11, 2)?.formula).toBe('IF(A6="=cmd","text with Rules!B2 inside","")');
    expect(plan.validations.find((v) => v.rect.top === 3)?.rule).toEqual({ list: { inCellDropDown: true, source: `='Rules (2)'!$A$4:$A$6` } });
    expect(rules.cells.size).toBe(2);
    expect(rules.cell(1, 2)?.value).toBe(42);
    // Sheet-scoped names: inserting the same template again does not collide.
    const again = await new OfficeHost().insertSheets(richSpecs('SWOT: 2026/Q1 [draft] very long name indeed'));
    expect(again).toEqual(['SWOT  2026 Q1  draft  very (2)', 'Rules (3)']);
    expect(fake.model.names.filter((n) => n.name === 'Plan_Date').map((n) => n.scope?.name)).toEqual([names[0], again[0]]);
    expect(fake.model.tables.map((t) => t.name)).toEqual(['Plan_Customers', 'Plan_Customers_2']);
  });

  test('every feature lands in the grid: tables, validations, CF order, freeze, print, protection, notes, chart', async () => {
    fake = installFakeExcel({ apiVersion: '1.18' });
    const [plan] = await new OfficeHost().insertSheets(richSpecs());
    const sheet = fake.model.sheet(plan)!;
    expect(fake.model.tables.map((t) => [t.name, t.style, t.sheet.name])).toEqual([['Plan_Customers', 'TableStyleMedium2', plan]]);
    expect(sheet.conditionalFormats.map((c) => c.type)).toEqual(['Custom', 'CellValue', 'CellValue', 'DataBar']);
    expect(sheet.freeze).toEqual({ rows: 5, columns: 1 });
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', paperSize: 'A4', printTitleRows: '$5:$5', printArea: 'A1:F11', zoom: { horizontalFitToPages: 1, verticalFitToPages: null } });
    expect(sheet.protection).toMatchObject({ protected: true, options: { allowSort: true, allowAutoFilter: true } });
    expect(sheet.formatAt(3, 2, 'protection.locked')).toBe(false); // input cell unlocked
    expect(sheet.formatAt(6, 5, 'protection.locked')).toBeUndefined(); // formula cell stays locked
    expect(sheet.notes.get('E10')).toBe('Compared with the target on the Rules sheet');
    expect(sheet.tabColor).toBe('#1F4E78');
    expect(sheet.columnWidths.get(2)).toBe(52.5);
    expect(sheet.rowHeights.get(1)).toBe(28);
    expect(sheet.charts).toHaveLength(1);
    const chart = sheet.charts[0];
    expect(chart).toMatchObject({ type: 'ColumnClustered', title: 'Pareto', anchor: 'H2', width: 480, height: 280 });
    expect(chart.series).toEqual([
      expect.objectContaining({ name: 'Amount', values: `'${plan}'!$D$6:$D$9`, xValues: `'${plan}'!$A$6:$A$9`, axisGroup: 'Primary' }),
      expect.objectContaining({ name: 'Cumulative', values: `'${plan}'!$E$6:$E$9`, chartType: 'Line', axisGroup: 'Secondary' }),
    ]);
    expect(chart.axes['Value/Secondary']).toEqual({ minimum: 0, maximum: 1, numberFormat: '0%' });
  });

  test('a bubble chart with a log x axis (ExcelApi 1.7 members, within the 1.8 minimum)', async () => {
    const bubble: SheetSpec = {
      name: 'BCG',
      cells: [
        { ref: 'A1', value: 'Product' }, { ref: 'B1', value: 'RSM' }, { ref: 'C1', value: 'Growth' }, { ref: 'D1', value: 'Sales' },
        { ref: 'A2', value: 'P1' }, { ref: 'B2', value: 1.5 }, { ref: 'C2', value: 0.12 }, { ref: 'D2', value: 100 },
      ],
      charts: [{ kind: 'bubble', title: 'BCG', categories: 'B2:B2', series: [{ name: 'Products', values: 'C2:C2', sizes: 'D2:D2' }], anchor: 'F2', width: 400, height: 300, xAxis: { log: true, min: 0.1, max: 10, title: 'RSM' }, yAxis: { title: 'Growth' } }],
    };
    fake = installFakeExcel({ apiVersion: '1.8' });
    const skipped: string[] = [];
    await new OfficeHost().insertSheets([bubble], { onSkipped: (_s, what) => skipped.push(...what) });
    expect(skipped).toEqual([]);
    const chart = fake.model.sheet('BCG')!.charts[0];
    expect(chart.type).toBe('Bubble');
    expect(chart.series[0]).toMatchObject({ values: 'BCG!$C$2', xValues: 'BCG!$B$2', bubbleSizes: 'BCG!$D$2' });
    expect(chart.axes['Category/Primary']).toEqual({ scaleType: 'Logarithmic', logBase: 10, minimum: 0.1, maximum: 10, title: 'RSM' });
    expect(chart.axes['Value/Primary']).toEqual({ title: 'Growth' });
  });

  test('on ExcelApi 1.8 (the manifest minimum) nothing newer is called: print, notes and indent are skipped, not failed', async () => {
    fake = installFakeExcel({ apiVersion: '1.8' });
    const skipped: Record<string, string[]> = {};
    const names = await new OfficeHost().insertSheets(richSpecs(), { onSkipped: (s, what) => (skipped[s] = what) });
    expect(skipped[names[0]]).toEqual(['note on E10 (needs ExcelApi 1.10)', 'print setup (needs ExcelApi 1.9)']);
    const sheet = fake.model.sheet(names[0])!;
    expect(sheet.pageLayout.orientation).toBeUndefined();
    expect(sheet.validations.length).toBe(5);
    expect(sheet.protection.protected).toBe(true);
  });

  test('notes fall back to comments between ExcelApi 1.10 and 1.17', async () => {
    fake = installFakeExcel({ apiVersion: '1.10' });
    const [name] = await new OfficeHost().insertSheets(richSpecs());
    expect(fake.model.sheet(name)!.comments.get('E10')).toBe('Compared with the target on the Rules sheet');
  });
});

describe('replacing the add-in’s own sheets', () => {
  test('only sheets recorded as written by the add-in are replaced, in place, keeping their position', async () => {
    fake = installFakeExcel();
    const host = new OfficeHost();
    const [abc] = await host.insertSheets([simple('ABC', 'first run')], { owner: 'abc' });
    fake.model.addSheet('Notes');
    expect(await host.listOwnedSheets()).toEqual([{ name: 'ABC', owner: 'abc' }]);

    const [again] = await host.insertSheets([simple('ABC', 'second run')], { owner: 'abc', replace: [abc] });
    expect(again).toBe('ABC');
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'ABC', 'Notes']);
    expect(fake.model.sheet('ABC')!.cell(1, 1)?.value).toBe('second run');
    expect(await host.listOwnedSheets()).toEqual([{ name: 'ABC', owner: 'abc' }]);

    // A user sheet named in `replace` is left alone: the new sheet gets a unique name.
    const [user] = await host.insertSheets([simple('Notes', 'add-in')], { replace: ['Notes'] });
    expect(user).toBe('Notes (2)');
    expect(fake.model.sheet('Notes')!.cells.size).toBe(0);
  });

  test('ownership survives renames (ids) and a reload (saved in the document)', async () => {
    fake = installFakeExcel();
    await new OfficeHost().insertSheets([simple('Bonus')], { owner: 'bonus:new-brand' });
    fake.model.sheet('Bonus')!.name = 'Bonus March';
    fake.reload();
    expect(await new OfficeHost().listOwnedSheets()).toEqual([{ name: 'Bonus March', owner: 'bonus:new-brand' }]);
  });

  test('replacing the only visible sheet works (it is rewritten in place; the staging sheet is hidden)', async () => {
    fake = installFakeExcel();
    const host = new OfficeHost();
    await host.insertSheets([simple('R')], { owner: 'abc' });
    fake.model.sheets.splice(0, 1); // the user deleted Sheet1
    await host.insertSheets([simple('R', 'v2')], { owner: 'abc', replace: ['R'] });
    expect(fake.model.sheets.map((s) => [s.name, s.cell(1, 1)?.value])).toEqual([['R', 'v2']]);
  });
});

describe('a replacement that fails part-way', () => {
  test('leaves the sheet it was replacing as it was, and no half-written sheet', async () => {
    fake = installFakeExcel();
    const host = new OfficeHost();
    await host.insertSheets([simple('R', 'v1')], { owner: 'abc' });
    fake.model.addSheet('Notes');
    // One cell too big for any request: the sheet is created in the first request, this one fails later.
    const huge: SheetSpec = { name: 'R', cells: [{ ref: 'A1', value: 'v2' }, { ref: 'A2', value: 'x'.repeat(6 * 1024 * 1024) }] };
    const failure = await host.insertSheets([huge], { owner: 'abc', replace: ['R'] }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ name: 'HostError', officeCode: 'RequestPayloadSizeLimitExceeded' });
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'R', 'Notes']);
    expect(fake.model.sheet('R')!.cell(1, 1)?.value).toBe('v1');
    expect(await host.listOwnedSheets()).toEqual([{ name: 'R', owner: 'abc' }]);
  });
});

describe('replacing sheets that refer to each other', () => {
  test('every staging sheet exists before any formula is written; the staging sheets are deleted last', async () => {
    fake = installFakeExcel();
    const host = new OfficeHost();
    const bonus = (run: string): SheetSpec[] => [
      { name: 'Bonus', cells: [{ ref: 'A1', value: { formula: "'Rules'!A1*2" } }] },
      { name: 'Rules', cells: [{ ref: 'A1', value: run === 'v1' ? 1 : 2 }] },
    ];
    await host.insertSheets(bonus('v1'), { owner: 'bonus' });
    const mark = fake.session.syncs.length;
    await host.insertSheets(bonus('v2'), { owner: 'bonus', replace: ['Bonus', 'Rules'] });
    const log = fake.session.syncs.slice(mark).flatMap((s) => s.log);
    // 'Rules'!A1 binds to the Rules sheet, which is rewritten in place: it stays valid.
    const lastAdd = log.lastIndexOf('WorksheetCollection.add');
    expect(lastAdd).toBeGreaterThan(-1);
    expect(log.indexOf('Range.formulas')).toBeGreaterThan(lastAdd);
    expect(log.indexOf('Worksheet.delete')).toBeGreaterThan(log.lastIndexOf('Range.formulas'));
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Bonus', 'Rules']);
    expect(fake.model.sheet('Rules')!.cell(1, 1)?.value).toBe(2);
    expect(fake.model.sheet('Bonus')!.cell(1, 1)?.formula).toBe("'Rules'!A1*2");
  });
});

describe('settings', () => {
  test('stored in the document: they survive a reload once saved', async () => {
    fake = installFakeExcel();
    const host = new OfficeHost();
    await host.setSetting('abc.columns', { customer: '客户', value: '金额' });
    await host.setSetting('bonus.scheme', 'new-brand');
    fake.reload();
    const reopened = new OfficeHost();
    expect(await reopened.getSetting('abc.columns')).toEqual({ customer: '客户', value: '金额' });
    expect(await reopened.getSetting('bonus.scheme')).toBe('new-brand');
    expect(await reopened.getSetting('missing')).toBeUndefined();
    await reopened.setSetting('bonus.scheme', undefined);
    fake.reload();
    expect(await new OfficeHost().getSetting('bonus.scheme')).toBeUndefined();
  });

  test('a failed save is reported with Office’s code, not swallowed', async () => {
    fake = installFakeExcel();
    fake.settings[$].failNextSave = { code: 5001, name: 'Internal Error', message: 'disk full' };
    await expect(new OfficeHost().setSetting('x', 1)).rejects.toMatchObject({ name: 'HostError', code: 'settingsNotSaved', officeCode: '5001' });
  });

  test('sheets written but their ownership record not saved: reported to onSettingsNotSaved, the names still returned', async () => {
    fake = installFakeExcel();
    fake.settings[$].failNextSave = { code: 5001, name: 'Internal Error', message: 'disk full' };
    const failures: unknown[] = [];
    const names = await new OfficeHost().insertSheets([simple('Bonus')], { owner: 'bonus', onSettingsNotSaved: (e) => failures.push(e) });
    expect(names).toEqual(['Bonus']);
    expect(failures).toEqual([expect.objectContaining({ code: 'settingsNotSaved', officeCode: '5001' })]);
    fake.reload(); // what was not saved is gone once the workbook is reopened
    expect(await new OfficeHost().listOwnedSheets()).toEqual([]);
    // Without the callback the failure is thrown, as before.
    fake.settings[$].failNextSave = { code: 5001, name: 'Internal Error', message: 'disk full' };
    await expect(new OfficeHost().insertSheets([simple('ABC')], { owner: 'abc:1' })).rejects.toMatchObject({ code: 'settingsNotSaved' });
  });
});

describe('the tier column (writes into the user’s data only when confirmed)', () => {
  test('appends a column beside the data and refuses when that column is not empty', async () => {
    fake = installFakeExcel();
    const sheet = fake.model.addSheet('Customers');
    seedSheet(sheet, [['Customer', 'Sales'], ['a', 10], ['b', 5], ['c', 1]]);
    const host = new OfficeHost();
    const ref = { kind: 'sheet', name: 'Customers' } as const;
    const done = await host.addColumn(ref, { header: 'ABC', values: ['A', 'B', 'C'] }, { confirmed: true });
    expect(done.address).toBe('Customers!C1:C4');
    expect([1, 2, 3, 4].map((r) => sheet.cell(r, 3)?.value)).toEqual(['ABC', 'A', 'B', 'C']);

    // The user selected A1:C4, but D3 already holds something of theirs.
    sheet.ensureCell(3, 4).value = 'keep me';
    fake.select(sheet, { top: 1, left: 1, bottom: 4, right: 3 });
    const selection = { kind: 'selection' } as const;
    const data = await host.readSource(selection);
    const error = await host.addColumn(selection, { header: 'Tier 2', values: data.rows.map(() => 'A') }, { confirmed: true }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'columnNotEmpty', params: { cell: 'Customers!D3' } });
    expect(sheet.cell(1, 4)).toBeUndefined();
    expect(sheet.cell(3, 4)?.value).toBe('keep me');
  });

  test('a table source gets a new table column; wrong lengths and duplicate headers are refused', async () => {
    fake = installFakeExcel();
    const sheet = fake.model.addSheet('T');
    seedSheet(sheet, [['Customer', 'Sales'], ['a', 10], ['b', 5]]);
    await Excel.run(async (context) => {
      context.workbook.worksheets.getItem('T').tables.add('A1:B3', true).name = 'Cust';
      await context.sync();
    });
    const host = new OfficeHost();
    const ref = { kind: 'table', name: 'Cust' } as const;
    await expect(host.addColumn(ref, { header: 'Tier', values: ['A'] }, { confirmed: true })).rejects.toMatchObject({ code: 'columnLengthMismatch' });
    await expect(host.addColumn(ref, { header: 'sales', values: ['A', 'B'] }, { confirmed: true })).rejects.toMatchObject({ code: 'columnExists' });
    await host.addColumn(ref, { header: 'Tier', values: ['A', '001'] }, { confirmed: true });
    expect(fake.model.tables[0].rect).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect([1, 2, 3].map((r) => sheet.cell(r, 3)?.value)).toEqual(['Tier', 'A', '001']);
  });

  test('without the confirmation nothing is written', async () => {
    fake = installFakeExcel();
    const host = new OfficeHost();
    await expect(host.addColumn({ kind: 'selection' }, { header: 'x', values: [] }, {} as { confirmed: true })).rejects.toThrow(/confirmation/);
    expect(fake.session.syncCount).toBe(0);
  });
});

describe('errors keep Office’s code', () => {
  test('a rejected write surfaces as HostError with officeCode and location, and leaves no half sheet', async () => {
    fake = installFakeExcel();
    const bad: SheetSpec = { name: 'Bad', cells: [{ ref: 'A1', value: 'x' }], merges: ['A1:B2'], tables: [{ name: 'T_Bad', ref: 'A1:C3', columns: [{ name: 'a' }, { name: 'b' }, { name: 'c' }], style: 'TableStyleMedium2' }] };
    const error = await new OfficeHost().insertSheets([bad]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HostError);
    expect(error).toMatchObject({ code: 'excel', officeCode: 'MergedRangeConflict' });
    expect((error as HostError).location).toMatch(/tables\.add/);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });

  test('reading a property that was not loaded throws PropertyNotLoaded (the fake is strict like Office)', async () => {
    fake = installFakeExcel();
    const error = await Excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Sheet1').getRange('A1');
      range.load('address');
      return range.address; // read before sync
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'PropertyNotLoaded' });
  });
});

describe('reads sized from measured bytes (Excel on the web: 5 MB a response)', () => {
  test('60,000 rows of Chinese customer names: a chunk planned at 40 bytes a cell is refused and read again in halves, then chunks follow the measured size', async () => {
    fake = installFakeExcel();
    const sheet = fake.model.addSheet('客户');
    const rows: unknown[][] = [['客户名称', '地址']];
    for (let i = 0; i < 60_000; i++) rows.push([`上海华东精密机械制造有限公司第${i}分公司`, `上海市浦东新区张江高科技园区科苑路${i}号`]);
    seedSheet(sheet, rows);
    const mark = fake.session.mark();
    const data = await new OfficeHost().readSource({ kind: 'sheet', name: '客户' });
    expect(data.rows).toHaveLength(60_000);
    expect(data.rows[59_999]).toEqual(rows[60_000]);
    const reads = fake.session.since(mark).filter((s) => s.log.includes('Range.load') && s.log.includes('Worksheet.getRange'));
    const refused = reads.filter((s) => s.error);
    // 100,000 cells at ~60 bytes is ~6 MB: the old fixed chunk cannot be read at all.
    expect(refused.map((s) => s.error)).toEqual(['ResponsePayloadSizeLimitExceeded']);
    for (const s of reads.filter((r) => !r.error)) expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(reads.filter((r) => !r.error).length).toBeLessThanOrEqual(4);
  }, 60_000);

  test('a single row larger than one response is reported with its row number, not skipped', async () => {
    fake = installFakeExcel();
    const sheet = fake.model.addSheet('Notes');
    const wide = '备注'.repeat(16_000); // 32,000 characters, 96,000 bytes a cell
    const rows: unknown[][] = [Array.from({ length: 60 }, (_, i) => `h${i}`), Array.from({ length: 60 }, () => wide)];
    seedSheet(sheet, rows);
    const error = await new OfficeHost().readSource({ kind: 'sheet', name: 'Notes' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'HostError', code: 'rowTooLarge', params: { sheet: 'Notes', row: 2 } });
  }, 60_000);
});
