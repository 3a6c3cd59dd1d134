import { field, parseMapOption, resolveColumns } from '../../../src/domain/parse/column-map';
import { describeParseError } from '../../../src/i18n/parse';
import { parseDecimal } from '../../../src/domain/parse/parse-number';

describe('resolveColumns', () => {
  const fields = [field('customer', true), field('rep', false), field('amount', true), field('date', false)];

  test('finds Chinese headers by synonym', () => {
    const r = resolveColumns(['日期', '客户名称', '业务员', '金额（元）'], fields);
    expect(r).toEqual({ columns: { customer: 1, rep: 2, amount: 3, date: 0 }, products: {}, missing: [] });
  });

  test('ignores case, spaces, underscores and full-width letters', () => {
    const r = resolveColumns([' Sales_Person ', 'ＣＵＳＴＯＭＥＲ ＩＤ', 'AMOUNT (USD)'], fields);
    expect(r.columns).toEqual({ customer: 1, rep: 0, amount: 2 });
    expect(r.missing).toEqual([]);
  });

  test('reports required fields it cannot find, not optional ones', () => {
    const r = resolveColumns(['Name', 'Total Due'], fields);
    expect(r.missing).toEqual(['customer', 'amount']);
  });

  test('overrides win and are resolved first; product expressions give two columns', () => {
    const headers = ['InvoiceNo', 'Quantity', 'UnitPrice', 'CustomerID', 'Customer'];
    const r = resolveColumns(headers, [field('customer', true), field('value', true)], { customer: 'customerid', value: 'Quantity * UnitPrice' });
    expect(r.columns).toEqual({ customer: 3 });
    expect(r.products).toEqual({ value: [1, 2] });
    expect(r.missing).toEqual([]);
  });

  test('an override naming an absent header is reported with the header', () => {
    const r = resolveColumns(['A', 'B'], [field('value', true)], { value: 'A*Qty' });
    expect(r.missing).toEqual(['value → "Qty"']);
  });

  test('one column is never given to two fields', () => {
    const r = resolveColumns(['Amount'], [field('amount', true), field('value', true)]);
    expect(r.columns).toEqual({ amount: 0 });
    expect(r.missing).toEqual(['value']);
  });
});

describe('parseMapOption', () => {
  test('reads field=Header pairs, full-width punctuation too', () => {
    expect(parseMapOption('customer=客户名称, value = Quantity*UnitPrice')).toEqual({
      ok: true,
      value: { customer: '客户名称', value: 'Quantity*UnitPrice' },
    });
    expect(parseMapOption('customer＝客户，rep＝业务员')).toEqual({ ok: true, value: { customer: '客户', rep: '业务员' } });
  });
  test.each(['', 'customer', '=Header', 'a=b,c'])('%p is rejected', (text) => {
    const r = parseMapOption(text);
    expect(r.ok ? 'ok' : r.error.code).toBe('bad-map');
  });
});

describe('parse error messages', () => {
  test('name the row and field in both languages', () => {
    const r = parseDecimal('abc');
    if (r.ok) throw new Error('expected a failure');
    expect(describeParseError(r.error, 'en-US', 12, 'amount')).toBe('row 12, field amount: "abc" is not a number');
    expect(describeParseError(r.error, 'zh-CN', 12, '金额')).toBe('第 12 行，字段 金额：“abc”不是数字');
  });
});

describe('a header found in two columns is reported, never guessed', () => {
  test('guessed field', () => {
    const r = resolveColumns(['Customer', 'Amount', 'amount'], [field('customer', true), field('value', true)]);
    expect(r.columns.customer).toBe(0);
    expect(r.columns.value).toBeUndefined();
    expect(r.missing).toEqual(['value → "Amount" (2 columns: #2, #3)']);
  });

  test('mapped field and product parts', () => {
    const r = resolveColumns(['Qty', 'Price', 'Price'], [field('value', true)], { value: 'Qty*Price' });
    expect(r.missing).toEqual(['value → "Price" (2 columns: #2, #3)']);
    expect(r.products.value).toBeUndefined();
  });

  test('a taken column does not count as the second match', () => {
    const r = resolveColumns(['Amount', 'Amount (USD)'], [field('value', true)], {});
    expect(r.columns.value).toBe(0);
    expect(r.missing).toEqual([]);
  });
});
