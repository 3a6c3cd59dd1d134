/**
 * The fake Excel members the share-safe copy uses behave as strictly as the rest of the fake:
 * API-version gates, errors at sync, PropertyNotLoaded before a load is synced.
 */
import { installFakeExcel, seedSheet, type FakeExcel } from './fake-excel/install';

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

test('Worksheet.copy needs ExcelApi 1.7, places the copy and names it "(2)"', async () => {
  fake = installFakeExcel({ apiVersion: '1.6' });
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').copy('End');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'ApiNotFound' });
  fake.uninstall();

  fake = installFakeExcel({ apiVersion: '1.7' });
  const source = fake.model.sheet('Sheet1')!;
  seedSheet(source, [['Name', 'Age'], ['Li', 40]]);
  source.notes.set('B2', 'born in May');
  fake.model.addSheet('Last');
  fake.model.names.push({ name: 'Ages', scope: null, formula: '=Sheet1!$B$1:$B$2', comment: '' });
  const copied = await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    const copy = ws.copy('After', ws).load('name,position');
    await context.sync();
    return { name: copy.name, position: copy.position };
  });
  expect(copied).toEqual({ name: 'Sheet1 (2)', position: 1 });
  const copy = fake.model.sheet('Sheet1 (2)')!;
  expect(copy.cell(2, 2)?.value).toBe(40);
  expect(copy.notes.get('B2')).toBe('born in May');
  // A workbook-scoped name on the source gets a sheet-scoped twin on the copy.
  expect(fake.model.names.map((n) => [n.name, n.scope?.name ?? null, n.formula])).toEqual([
    ['Ages', null, '=Sheet1!$B$1:$B$2'],
    ['Ages', 'Sheet1 (2)', "='Sheet1 (2)'!$B$1:$B$2"],
  ]);
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').copy('Before');
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'InvalidArgument' });
});

test('notes and comments by cell: ItemNotFound at sync when the cell has none; getLocation gives the cell', async () => {
  fake = installFakeExcel({ apiVersion: '1.18' });
  const sheet = fake.model.sheet('Sheet1')!;
  sheet.notes.set('C3', 'a note');
  sheet.comments.set('D4', 'a comment');
  const where = await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    const notes = ws.notes.load('items');
    const comments = ws.comments.load('items');
    await context.sync();
    const a = notes.items[0].getLocation().load('address');
    const b = comments.items[0].getLocation().load('address');
    await context.sync();
    return [a.address, b.address];
  });
  expect(where).toEqual(['Sheet1!C3', 'Sheet1!D4']);
  await expect(
    Excel.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').notes.getItem('A1').delete();
      await context.sync();
    }),
  ).rejects.toMatchObject({ code: 'ItemNotFound' });
  await Excel.run(async (context) => {
    const ws = context.workbook.worksheets.getItem('Sheet1');
    ws.notes.getItem('C3').delete();
    ws.comments.getItemByCell('D4').delete();
    await context.sync();
  });
  expect([sheet.notes.size, sheet.comments.size]).toEqual([0, 0]);
});

test('names load their type and formula; protection loads protected and options, not before a sync', async () => {
  fake = installFakeExcel({ apiVersion: '1.18' });
  fake.model.names.push({ name: 'Rate', scope: null, formula: '=Sheet1!$A$1', comment: '' });
  fake.model.names.push({ name: 'Gone', scope: null, formula: '=#REF!$A$1', comment: '' });
  fake.model.sheet('Sheet1')!.protection = { protected: true, options: { allowSort: true } };
  await Excel.run(async (context) => {
    const names = context.workbook.names.load('items/name,items/type,items/formula');
    const protection = context.workbook.worksheets.getItem('Sheet1').protection.load('protected,options');
    expect(() => protection.protected).toThrow(/property 'protected' is not available/);
    await context.sync();
    expect(names.items.map((n) => [n.name, n.type, n.formula])).toEqual([
      ['Rate', 'Range', '=Sheet1!$A$1'],
      ['Gone', 'Error', '=#REF!$A$1'],
    ]);
    expect([protection.protected, protection.options]).toEqual([true, { allowSort: true }]);
  });
});
