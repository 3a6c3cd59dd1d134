/**
 * Round trips and request sizes: how many context.sync() calls each operation costs, and that
 * no request or response exceeds Excel on the web's 5 MB.
 */
import { applySheetSpecs, DEFAULT_MAX_REQUEST_BYTES } from '../../src/office/apply-sheet-spec';
import { OfficeHost } from '../../src/office/office-host';
import { READ_CHUNK_CELLS } from '../../src/office/read-range';
import { createAbcService } from '../../src/taskpane/services/abc-service';
import { writeAbcResult } from '../../src/taskpane/services/write-abc';
import { getTemplate } from '../../src/sheets/templates/registry';
import { PAYLOAD_LIMIT_BYTES } from './fake-excel/core';
import { installFakeExcel, seedSheet, type FakeExcel } from './fake-excel/install';
import { largeResultSpec } from './fixtures/large-spec';
import { richSpecs } from './fixtures/rich-spec';

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

test('a template costs two syncs: one to read the sheet names, one to write everything', async () => {
  fake = installFakeExcel();
  const specs = getTemplate('pipeline').build({ lang: 'zh-CN', example: true });
  await new OfficeHost().insertSheets(specs);
  expect(fake.session.syncCount).toBe(2);
  expect(fake.session.syncs.every((s) => !s.implicit)).toBe(true);
});

test('two sheets with charts, notes, print setup and protection still take two syncs', async () => {
  fake = installFakeExcel();
  await new OfficeHost().insertSheets(richSpecs());
  expect(fake.session.syncCount).toBe(2);
  const write = fake.session.syncs[1];
  // Small writes run with calculation on: no suspension, no recalculation needed.
  expect(write.log).not.toContain('Application.suspendApiCalculationUntilNextSync');
  expect(write.log.filter((a) => a === 'Range.formulas').length).toBeLessThan(20);
});

describe('ABC on 100,000 rows', () => {
  test('costs 3 syncs plus one per read chunk and one per ≤4 MB write chunk', async () => {
    fake = installFakeExcel();
    const sales = fake.model.addSheet('Sales');
    const rows: unknown[][] = [['Date', 'Customer', 'Product', 'Amount']];
    for (let i = 0; i < 100_000; i++) rows.push([46000 + (i % 365), `客户 ${i % 4000}`, `P${i % 50}`, ((i * 7919) % 10_000) / 10 + 1]);
    seedSheet(sales, rows);

    // The task pane's path: read the source, compute, write the result sheets.
    const host = new OfficeHost();
    const abc = createAbcService();
    const mark = fake.session.mark();
    const table = await host.readSource({ kind: 'sheet', name: 'Sales' });
    const computation = await abc.compute(
      table,
      { customer: 'Customer', value: 'Amount', factor: '' },
      { method: 'value', thresholds: [0.8, 0.95], crossingToLower: false, groupByCustomer: true },
      'zh-CN',
    );
    const sheets = await writeAbcResult(host, computation, 'zh-CN');
    const syncs = fake.session.since(mark);

    expect(computation.summary.positiveCustomers).toBe(4000);
    expect(await host.listOwnedSheets()).toEqual(sheets.map((name) => ({ name, owner: 'abc:1' })));
    expect(sheets.length).toBeGreaterThanOrEqual(1);
    const readChunks = Math.ceil(rows.length / Math.floor(READ_CHUNK_CELLS / 4));
    const readSyncs = syncs.filter((s) => s.log.includes('Range.load') && s.log.includes('Worksheet.getRange'));
    expect(readSyncs.length).toBe(readChunks);
    const writeSyncs = syncs.filter((s) => s.log.includes('Range.formulas'));
    const writeBytes = writeSyncs.reduce((n, s) => n + s.requestBytes, 0);
    const writeChunks = writeSyncs.length;
    // Chunks are packed close to the budget: at most one more than the bytes strictly need.
    expect(writeChunks).toBeLessThanOrEqual(Math.ceil(writeBytes / DEFAULT_MAX_REQUEST_BYTES) + 1);
    expect(syncs.length).toBeLessThanOrEqual(3 + readChunks + writeChunks);
    expect(fake.session.maxRequestBytes()).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    expect(fake.session.maxResponseBytes()).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    // The user's sheet was read, never written.
    expect(sales.cells.size).toBe(rows.length * 4);
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1', 'Sales', ...sheets]);
  }, 120_000);
});

describe('a 200,000-row result', () => {
  test('is written in chunks none of which exceeds 5 MB, with calculation suspended until the last', async () => {
    fake = installFakeExcel();
    const spec = largeResultSpec(200_000);
    await new OfficeHost().insertSheets([spec]);
    const syncs = fake.session.syncs;
    const writes = syncs.slice(1);
    expect(writes.length).toBeGreaterThan(2);
    for (const s of syncs) {
      expect(s.requestBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
      expect(s.responseBytes).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
    }
    const total = writes.reduce((n, s) => n + s.requestBytes, 0);
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / DEFAULT_MAX_REQUEST_BYTES) + 1);
    for (const s of writes.slice(0, -1)) expect(s.log[0]).toBe('Application.suspendApiCalculationUntilNextSync');
    const last = writes[writes.length - 1];
    expect(last.log).not.toContain('Application.suspendApiCalculationUntilNextSync');
    expect(last.log).toContain('Range.calculate');
    expect(last.log).toContain('TableCollection.add');
    expect(last.log[last.log.length - 1]).toBe('WorksheetProtection.protect');

    const sheet = fake.model.sheet('ABC 结果')!;
    expect(sheet.cell(200_005, 2)?.value).toBe('Customer 199999');
    expect(sheet.cell(200_005, 5)?.formula).toBe('E200004+D200005');
    expect(sheet.cell(200_005, 3)?.numberFormat).toBe('"¥"#,##0.00');
  }, 180_000);

  test('without chunking Excel on the web would refuse the request (the limit is real in the fake)', async () => {
    fake = installFakeExcel();
    const failure = await Excel.run((context) => applySheetSpecs(context, [largeResultSpec(40_000)], { maxRequestBytes: 50 * 1024 * 1024 })).catch(
      (e: unknown) => e,
    );
    expect(failure).toMatchObject({ name: 'HostError', code: 'excel', officeCode: 'RequestPayloadSizeLimitExceeded' });
    // The half-written sheet was removed again.
    expect(fake.model.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  }, 120_000);
});
