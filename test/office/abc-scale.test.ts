/**
 * Issue 12 item 4, the Office writer's half: a large ABC result, as the pane builds it
 * (src/taskpane/services/abc-service.ts: from 10,000 rows the table is a row block), written into
 * the fake Excel, which counts every request and refuses one over Excel on the web's 5 MB payload
 * limit (test/office/fake-excel/core.ts). 12,000 customers with long Chinese names (3 bytes a
 * character in the request's JSON) need several requests of nearly the limit each; the writer's
 * requests are sized by their bytes, not their rows, so 200,000 need more of them, no larger
 * (`npm run bench preview` writes 200,000 the same way and prints the figures). The rows that
 * land in the sheet are checked against a ranking known from the input.
 */
import { OfficeHost } from '../../src/office/office-host';
import { ABC_FIRST_ROW } from '../../src/sheets/abc/result-sheet';
import { createAbcService } from '../../src/taskpane/services/abc-service';
import { writeAbcResult } from '../../src/taskpane/services/write-abc';
import { PAYLOAD_LIMIT_BYTES } from './fake-excel/core';
import { installFakeExcel, type FakeExcel } from './fake-excel/install';

let fake: FakeExcel;
afterEach(() => fake?.uninstall());

const CUSTOMERS = 12_000;

/** Customer k's amount: distinct and all positive, so the ranking is known without the engine. */
const amount = (k: number) => 1_000_000 - k * 3 + (k % 7) / 100;
const customerName = (k: number) => `华东地区精密机械设备制造有限公司第${k}分公司`;

test('12,000 customers with long Chinese names: every request of the write within 5 MB, every customer in the sheet in rank order', async () => {
  // Shuffled input order: the sheet's order is the ranking's, not the file's.
  const rows: string[][] = [];
  for (let i = 0; i < CUSTOMERS; i++) {
    const k = (i * 7919) % CUSTOMERS;
    rows.push([customerName(k), amount(k).toFixed(2)]);
  }
  const service = createAbcService();
  const table = { label: 'Orders', headers: ['Customer', 'Amount'], rows, firstRowNumber: 2 };
  const computed = await service.compute(
    table,
    { customer: 'Customer', value: 'Amount', factor: '' },
    { method: 'value', thresholds: [0.8, 0.95], crossingToLower: false, groupByCustomer: true },
    'en-US',
  );
  expect(computed.summary.positiveCustomers).toBe(CUSTOMERS);

  fake = installFakeExcel();
  const [name] = await writeAbcResult(new OfficeHost(), computed, 'en-US');
  const syncs = fake.session.syncs;
  const largest = fake.session.maxRequestBytes();
  // More than one full-size request: the test would pass trivially with everything in one small one.
  expect(syncs.filter((s) => s.requestBytes > PAYLOAD_LIMIT_BYTES / 2).length).toBeGreaterThan(1);
  expect(syncs.every((s) => !s.error)).toBe(true);
  expect(largest).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);
  expect(fake.session.maxResponseBytes()).toBeLessThanOrEqual(PAYLOAD_LIMIT_BYTES);

  const sheet = fake.model.sheet(name)!;
  const at = (row: number, col: number) => sheet.cell(row, col);
  // Rank k (0-based) is customer k: amounts fall with k.
  for (const k of [0, 1, 7_777, CUSTOMERS - 2, CUSTOMERS - 1]) {
    expect(at(ABC_FIRST_ROW + k, 2)?.value).toBe(customerName(k));
    expect(at(ABC_FIRST_ROW + k, 3)?.value).toBeCloseTo(amount(k), 2);
  }
  expect(at(ABC_FIRST_ROW + CUSTOMERS, 2)?.value ?? null).toBeNull();
}, 60_000);
