/**
 * OfficeHost.makeShareSafeCopy against the fake Excel: the personal ranges found by their
 * AP_Personal_* names (sheet- or workbook-scoped), each affected sheet copied next to itself
 * and emptied there, the original never touched, notes and comments removed, protection
 * restored, and a failure leaves no sheet behind.
 */
import { HostError } from '../../src/host/host-error';
import { OfficeHost } from '../../src/office/office-host';
import { getTemplate } from '../../src/sheets/templates/registry';
import { FIXED_TODAY } from '../support/template-files';
import { PAYLOAD_LIMIT_BYTES } from './fake-excel/core';
import { installFakeExcel, seedSheet, type FakeExcel } from './fake-excel/install';
import { MAX_COLUMNS, type ModelSheet, type ModelWorkbook } from './fake-excel/model';

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

/** The decision chain, unprotected unless `protect` is set (templates are unprotected by default). */
const chain = (lang: 'zh-CN' | 'en-US', example = true, protect = false) =>
  getTemplate('decision-chain').build({ lang, example, today: FIXED_TODAY, protect });
const at = (key: number) => ({ row: Math.floor(key / MAX_COLUMNS), col: key % MAX_COLUMNS });
/**
 * Columns L–O (12–15), rows 7–1026: the decision chain's personal columns below their headers,
 * as far as the marks reach (20 body rows 7–26, then MARK_EXTRA_ROWS empty rows, as nothing is
 * below them in those columns).
 */
const inPersonalBody = (row: number, col: number) => col >= 12 && col <= 15 && row >= 7 && row <= 1026;

/** Everything the fake holds for a sheet, for "unchanged" checks. */
function snapshot(model: ModelWorkbook, sheet: ModelSheet) {
  return JSON.stringify({
    name: sheet.name,
    cells: [...sheet.cells],
    formats: sheet.formats,
    merges: sheet.merges,
    validations: sheet.validations,
    cfs: sheet.conditionalFormats,
    notes: [...sheet.notes],
    comments: [...sheet.comments],
    protection: sheet.protection,
    tables: model.tables.filter((t) => t.sheet === sheet).map((t) => [t.name, t.rect]),
    names: model.names.filter((n) => n.scope === sheet).map((n) => [n.name, n.formula]),
  });
}

function valueAt(sheet: ModelSheet, row: number, col: number) {
  const c = sheet.cell(row, col);
  return c?.formula ?? c?.value;
}

describe('a decision chain with examples, notes API (1.18)', () => {
  let host: OfficeHost;
  let original: ModelSheet;
  let before: string;
  beforeEach(async () => {
    fake = installFakeExcel({ apiVersion: '1.18' });
    host = new OfficeHost();
    // Protected, so the copy is seen to be protected again like its original.
    await host.insertSheets(chain('zh-CN', true, true));
    original = fake.model.sheet('决策链')!;
    expect(original.protection.protected).toBe(true);
    original.notes.set('L8', '生日 5 月 3 日');
    before = snapshot(fake.model, original);
  });

  test('the marks are sheet-scoped names over header, body and the empty rows below', () => {
    const marks = fake.model.names.filter((n) => n.name.startsWith('AP_Personal_')).map((n) => [n.name, n.scope?.name, n.formula]);
    // Header row 6, body rows 7–26; nothing below in L–O, so MARK_EXTRA_ROWS more rows: 26 + 1000.
    expect(marks).toEqual([
      ['AP_Personal_1', '决策链', "='决策链'!$L$6:$L$1026"],
      ['AP_Personal_2', '决策链', "='决策链'!$M$6:$M$1026"],
      ['AP_Personal_3', '决策链', "='决策链'!$N$6:$N$1026"],
      ['AP_Personal_4', '决策链', "='决策链'!$O$6:$O$1026"],
    ]);
  });

  test('copies the sheet next to itself, empties the personal columns there, leaves the original as it was', async () => {
    const mark = fake.session.mark();
    const result = await host.makeShareSafeCopy('zh-CN');
    expect(result).toEqual({
      copies: [{ source: '决策链', copy: '决策链（可分享）', cells: 3, notes: 1 }],
      alreadySafe: [],
      notesUnchecked: false,
      // The workbook's document properties are its own: reported as kept, never changed.
      propertiesKept: true,
    });
    // names (2), protection and notes (1), the personal ranges (1), note cells (1), the copy (1).
    expect(fake.session.since(mark).length).toBeLessThanOrEqual(6);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', '决策链', '决策链（可分享）']);
    expect(snapshot(fake.model, original)).toBe(before);

    const copy = fake.model.sheet('决策链（可分享）')!;
    expect(fake.model.activeSheet).toBe(copy);
    let same = 0;
    for (const [key, cell] of original.cells) {
      const { row, col } = at(key);
      const copied = copy.cell(row, col);
      if (inPersonalBody(row, col)) {
        expect({ row, col, value: copied?.value, formula: copied?.formula }).toEqual({ row, col, value: undefined, formula: undefined });
      } else {
        expect({ row, col, ...copied }).toEqual({ row, col, ...cell });
        same++;
      }
    }
    expect(same).toBeGreaterThan(150);
    // Headers keep their text; their note now says the column was removed.
    expect([valueAt(copy, 6, 12), valueAt(copy, 6, 15)]).toEqual([valueAt(original, 6, 12), valueAt(original, 6, 15)]);
    for (const address of ['L6', 'M6', 'N6', 'O6']) expect(copy.notes.get(address)).toBe('个人信息已在分享前删除。');
    expect(copy.notes.has('L8')).toBe(false);
    expect(original.notes.get('L8')).toBe('生日 5 月 3 日');
    // Formats stay (the body cells are still yellow input cells), protection is back on.
    expect(copy.formatAt(8, 12, 'fill.color')).toBe(original.formatAt(8, 12, 'fill.color'));
    expect(copy.protection.protected).toBe(true);
    expect(copy.protection.options).toEqual(original.protection.options);
    // The copy keeps its marks, so a later copy of the copy finds nothing to remove.
    expect(fake.model.names.filter((n) => n.scope === copy && n.name.startsWith('AP_Personal_'))).toHaveLength(4);
  });

  test('a second run copies the original again and reports the earlier copy as already safe', async () => {
    await host.makeShareSafeCopy('zh-CN');
    const again = await host.makeShareSafeCopy('zh-CN');
    expect(again.alreadySafe).toEqual(['决策链（可分享）']);
    expect(again.copies.map((c) => [c.source, c.copy])).toEqual([['决策链', '决策链（可分享） (2)']]);
  });
});

test('two copies of the template (the same names scoped to each sheet) and a workbook-scoped mark are all found', async () => {
  fake = installFakeExcel({ apiVersion: '1.18' });
  const host = new OfficeHost();
  await host.insertSheets(chain('en-US'));
  await host.insertSheets(chain('en-US'));
  // A sheet as the .xlsx renderer marks it: a workbook-scoped name.
  const people = fake.model.addSheet('People');
  people.ensureCell(1, 2).value = 'Family';
  people.ensureCell(2, 2).value = 'two children';
  fake.model.names.push({ name: 'AP_Personal_9', scope: null, formula: '=People!$B$1:$B$20', comment: '' });
  const result = await host.makeShareSafeCopy('en-US');
  expect(result.copies.map((c) => [c.source, c.copy, c.cells])).toEqual([
    ['Decision chain', 'Decision chain (share-safe)', 3],
    ['Decision chain (2)', 'Decision chain (2) (share-safe)', 3],
    ['People', 'People (share-safe)', 1],
  ]);
  expect(fake.model.sheets.map((s) => s.name)).toEqual([
    'Sheet1',
    'Decision chain',
    'Decision chain (share-safe)',
    'Decision chain (2)',
    'Decision chain (2) (share-safe)',
    'People',
    'People (share-safe)',
  ]);
  const copy = fake.model.sheet('People (share-safe)')!;
  expect([valueAt(copy, 1, 2), valueAt(copy, 2, 2), copy.notes.get('B1')]).toEqual(['Family', undefined, 'Personal information removed for sharing.']);
  expect(valueAt(people, 2, 2)).toBe('two children');
});

test('nothing to copy: a blank template is already safe, a workbook without marks has nothing', async () => {
  fake = installFakeExcel({ apiVersion: '1.18' });
  const host = new OfficeHost();
  expect(await host.makeShareSafeCopy('en-US')).toEqual({ copies: [], alreadySafe: [], notesUnchecked: false });
  await host.insertSheets(chain('en-US', false));
  const count = fake.model.sheets.length;
  expect(await host.makeShareSafeCopy('en-US')).toEqual({ copies: [], alreadySafe: ['Decision chain'], notesUnchecked: false });
  expect(fake.model.sheets).toHaveLength(count);
});

test('ExcelApi 1.10–1.17: comments in the personal columns are removed, notes cannot be checked', async () => {
  fake = installFakeExcel({ apiVersion: '1.12' });
  const host = new OfficeHost();
  await host.insertSheets(chain('en-US'));
  const original = fake.model.sheet('Decision chain')!;
  // The Office writer wrote the header notes as comments here.
  expect(original.comments.get('L6')).toMatch(/^Personal information/);
  original.comments.set('N7', 'met his wife at the fair');
  const result = await host.makeShareSafeCopy('en-US');
  expect(result).toEqual({ copies: [{ source: 'Decision chain', copy: 'Decision chain (share-safe)', cells: 3, notes: 1 }], alreadySafe: [], notesUnchecked: true, propertiesKept: true });
  const copy = fake.model.sheet('Decision chain (share-safe)')!;
  expect(copy.comments.has('N7')).toBe(false);
  expect(copy.comments.get('L6')).toBe('Personal information removed for sharing.');
  expect(original.comments.get('N7')).toBe('met his wife at the fair');
});

test('a password-protected sheet (desktop: no isPasswordProtected): unprotect fails, the copy is removed, the error names the sheet', async () => {
  fake = installFakeExcel({ apiVersion: '1.18' });
  const host = new OfficeHost();
  await host.insertSheets(chain('en-US', true, true));
  const original = fake.model.sheet('Decision chain')!;
  expect(original.protection.protected).toBe(true);
  original.protection = { ...original.protection, password: 'secret' };
  const before = snapshot(fake.model, original);
  const names = fake.model.sheets.map((s) => s.name);
  const error = await host.makeShareSafeCopy('en-US').catch((e: unknown) => e);
  expect(error).toBeInstanceOf(HostError);
  expect(error).toMatchObject({ code: 'sheetPasswordProtected', officeCode: 'BadPassword', params: { sheet: 'Decision chain' } });
  expect(fake.model.sheets.map((s) => s.name)).toEqual(names);
  expect(snapshot(fake.model, original)).toBe(before);
});

test('a password-protected sheet on Excel on the web: isPasswordProtected refuses it before anything is copied', async () => {
  fake = installFakeExcel({ apiVersion: '1.18', online: true });
  const host = new OfficeHost();
  await host.insertSheets(chain('en-US', true, true));
  const original = fake.model.sheet('Decision chain')!;
  expect(original.protection.protected).toBe(true);
  original.protection = { ...original.protection, password: 'secret' };
  const before = snapshot(fake.model, original);
  const mark = fake.session.mark();
  const error = await host.makeShareSafeCopy('en-US').catch((e: unknown) => e);
  expect(error).toMatchObject({ name: 'HostError', code: 'sheetPasswordProtected', params: { sheet: 'Decision chain' } });
  expect(fake.session.since(mark).flatMap((s) => s.log)).not.toContain('Worksheet.copy');
  expect(snapshot(fake.model, original)).toBe(before);
});

test('a sheet protected without a password: the copy is protected again with the same options and no password', async () => {
  fake = installFakeExcel({ apiVersion: '1.18', online: true });
  const host = new OfficeHost();
  await host.insertSheets(chain('en-US', true, true));
  const original = fake.model.sheet('Decision chain')!;
  expect([original.protection.protected, original.protection.password]).toEqual([true, undefined]);
  expect(original.protection.options).toBeDefined();
  const result = await host.makeShareSafeCopy('en-US');
  const copy = fake.model.sheet(result.copies[0].copy)!;
  expect(copy.protection).toEqual({ protected: true, options: original.protection.options });
});

test('personal columns of 20,000 rows of Chinese text are read in requests under 5 MB', async () => {
  fake = installFakeExcel({ apiVersion: '1.18' });
  const sheet = fake.model.addSheet('客户联系人');
  const rows: unknown[][] = [['客户', '联系人备注']];
  // 200 Chinese characters a note: 600 bytes of UTF-8, 12 MB for the column.
  for (let i = 0; i < 20_000; i++) rows.push([`客户${i}`, `${'王经理喜欢周末打高尔夫，家住浦东新区，孩子在读高中。'.repeat(8)}${i}`]);
  seedSheet(sheet, rows);
  fake.model.names.push({ name: 'AP_Personal_1', scope: sheet, formula: "='客户联系人'!$B$1:$B$20001", comment: '' });
  const mark = fake.session.mark();
  const result = await new OfficeHost().makeShareSafeCopy('zh-CN');
  expect(result.copies).toEqual([{ source: '客户联系人', copy: expect.stringContaining('客户联系人'), cells: 20_000, notes: 0 }]);
  const syncs = fake.session.since(mark);
  const answered = syncs.filter((s) => !s.error);
  for (const s of answered) expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  expect(Math.max(...answered.map((s) => s.responseBytes))).toBeGreaterThan(1_000_000);
  // The first request (planned at 40 bytes a cell) was refused and read again in halves.
  const refused = syncs.filter((s) => s.error);
  expect(refused.map((s) => s.error)).toEqual(refused.map(() => 'ResponsePayloadSizeLimitExceeded'));
  expect(refused.length).toBeGreaterThanOrEqual(1);
  expect(refused.length).toBeLessThanOrEqual(3);
  const copy = fake.model.sheet(result.copies[0].copy)!;
  expect(copy.cell(20_001, 2)?.value).toBeUndefined();
  expect(sheet.cell(20_001, 2)?.value).toMatch(/19999$/);
}, 60_000);

test('a cancelled request stops before anything is copied', async () => {
  fake = installFakeExcel({ apiVersion: '1.18' });
  const host = new OfficeHost();
  await host.insertSheets(chain('en-US'));
  const count = fake.model.sheets.length;
  const controller = new AbortController();
  controller.abort();
  await expect(host.makeShareSafeCopy('en-US', controller.signal)).rejects.toMatchObject({ code: 'aborted' });
  expect(fake.model.sheets).toHaveLength(count);
});
