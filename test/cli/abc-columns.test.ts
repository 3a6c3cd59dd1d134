/**
 * Issue 11, item 3: one column finder below both front ends. findAbcColumns (src/domain/abc/columns)
 * is what the pane's column pickers start from and what the command line resolves with; here both
 * front ends are asked about the same tables and must name the same columns, and a table without
 * them gets words that fit each front end (option names on the command line, the pane's field
 * names in the pane).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findAbcColumns } from '../../src/domain/abc/columns';
import { AbcInputError, runAbc } from '../../src/domain/abc/run';
import { describeError } from '../../src/taskpane/components/describe-error';
import { makeI18n } from '../../src/taskpane/app/i18n';
import { createAbcService } from '../../src/taskpane/services/abc-service';
import { cli } from '../support/cli';

const TABLES: [string, string[], { customer: string; value: string[] }][] = [
  ['amount column', ['客户', '金额', '数量', '单价'], { customer: '客户', value: ['金额'] }],
  ['no amount: quantity × unit price (ERP lines)', ['订单号', '客户名称', '数量', '单价'], { customer: '客户名称', value: ['数量', '单价'] }],
  ['retail layout', ['InvoiceNo', 'StockCode', 'Quantity', 'UnitPrice', 'CustomerID', 'Country'], { customer: 'CustomerID', value: ['Quantity', 'UnitPrice'] }],
  ['English amount', ['Customer', 'Sales amount', 'Qty'], { customer: 'Customer', value: ['Sales amount'] }],
];

const dir = mkdtempSync(path.join(tmpdir(), 'ap-abc-columns-'));
const pane = createAbcService(() => []);

describe.each(TABLES)('%s', (_name, headers, expected) => {
  test('findAbcColumns names them', () => {
    const found = findAbcColumns(headers);
    expect({ customer: headers[found.customer!], value: found.value.map((i) => headers[i]) }).toEqual(expected);
    expect(found.valueFromProduct).toBe(expected.value.length === 2);
  });

  test('the pane’s pickers and the command line (without --customer or --value) choose the same', async () => {
    const picked = pane.guessColumns(headers);
    expect({ customer: picked.customer, value: [picked.value, picked.factor].filter(Boolean) }).toEqual(expected);
    const file = path.join(dir, `${headers.join('_').replace(/\W/g, 'x')}.csv`);
    const row = headers.map((h) => (h === expected.customer ? 'K1' : expected.value.includes(h) ? '2' : 'x'));
    writeFileSync(file, `${headers.join(',')}\n${row.join(',')}\n`);
    const r = await cli(['abc', '--in', file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).columns).toEqual(expected);
  });
});

describe('a table without the columns', () => {
  const headers = ['日期', '备注'];
  test('the engine says what is missing and which headers exist, with no front end’s words', async () => {
    const err = await runAbc({ headers, rows: [] }, { lang: 'en-US' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AbcInputError);
    expect(err).toMatchObject({ code: 'missing-columns', columns: { missing: ['customer', 'value'], headers } });
    expect((err as Error).message).not.toMatch(/--|Columns/);
  });

  test('the command line names its options', async () => {
    const file = path.join(dir, 'none.csv');
    writeFileSync(file, '日期,备注\n2026-01-01,x\n');
    const en = await cli(['abc', '--in', file, '--lang', 'en-US']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('Name them with --customer and --value');
    const zh = await cli(['abc', '--in', file]);
    expect(zh.err).toContain('请用 --customer 和 --value 指定');
  });

  test('the pane names its own fields, never an option', async () => {
    const err = await runAbc({ headers, rows: [] }, { lang: 'zh-CN' }).catch((e: unknown) => e);
    for (const lang of ['en-US', 'zh-CN'] as const) {
      const { t } = makeI18n(lang);
      const shown = describeError(err, t);
      expect(shown.action).toBe(t('errColumnsAction'));
      expect(`${shown.title} ${shown.action}`).not.toMatch(/--\w/);
    }
  });
});
