import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runCli } from '../../src/cli/run';
import { tempDir } from '../support/template-files';

const DATA = path.resolve(__dirname, '../../../shared/data/online-retail.csv.gz');
const dir = tempDir('ap-cli-abc-');

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/**
 * The retail file's ABC counts derived without the engine, the parsers or the reader: split
 * lines by hand, values as BigInt millionths, tiers by the rule of docs/rules/abc.md on BigInts.
 */
function independentCounts() {
  const text = gunzipSync(readFileSync(DATA)).toString('utf8');
  const lines = text.split('\n').filter((l, i) => i > 0 && l !== '');
  const split = (line: string): string[] => {
    const out: string[] = [];
    let cur = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') {
          cur += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else cur += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ',') {
        out.push(cur);
        cur = '';
      }
      else cur += ch;
    }
    out.push(cur);
    return out;
  };
  const micro = (s: string): bigint => {
    const [i, f = ''] = s.split('.');
    return BigInt(i + f.padEnd(6, '0'));
  };
  const sums = new Map<string, bigint>();
  let noCustomer = 0;
  for (const line of lines) {
    const f = split(line.replace(/\r$/, ''));
    const [qty, price, customer] = [f[3], f[5], f[6]];
    if (customer.trim() === '') {
      noCustomer++;
      continue;
    }
    const v = BigInt(qty) * micro(price); // Quantity is a whole number
    sums.set(customer, (sums.get(customer) ?? 0n) + v);
  }
  const values = [...sums.values()];
  const positive = values.filter((v) => v > 0n).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  const total = positive.reduce((s, v) => s + v, 0n);
  const tiers = { A: 0, B: 0, C: 0 };
  let ahead = 0n;
  for (let i = 0; i < positive.length; ) {
    let j = i;
    while (j < positive.length && positive[j] === positive[i]) j++;
    const t = ahead * 100n < 80n * total ? 'A' : ahead * 100n < 95n * total ? 'B' : 'C';
    tiers[t] += j - i;
    for (let k = i; k < j; k++) ahead += positive[k];
    i = j;
  }
  return { lines: lines.length, customers: sums.size, positive: positive.length, nonPositive: values.length - positive.length, noCustomer, tiers, totalMicro: total };
}

describe('account-planner abc on the Online Retail file', () => {
  const hasData = existsSync(DATA);
  (hasData ? test : test.skip)(
    '--json counts equal an independent derivation; 135,080 rows without CustomerID are rejected with reasons',
    async () => {
      const expected = independentCounts();
      expect(expected.noCustomer).toBe(135080);
      const { code, out, err } = await cli(['abc', '--in', DATA, '--customer', 'CustomerID', '--value', 'Quantity*UnitPrice', '--json', '--lang', 'en-US']);
      expect(err).toBe('');
      expect(code).toBe(0);
      const r = JSON.parse(out);
      expect(r.method).toBe('value');
      expect(r.thresholds).toEqual({ a: 0.8, b: 0.95 });
      expect(r.crossing).toBe('include');
      expect(r.customers.length).toBe(expected.positive);
      expect(r.nonPositive.length).toBe(expected.nonPositive);
      expect(r.customers.length + r.nonPositive.length).toBe(expected.customers);
      expect({ A: r.summary.A.customers, B: r.summary.B.customers, C: r.summary.C.customers }).toEqual(expected.tiers);
      // The total, exactly: compare digit strings, not floats.
      const totalMicro = BigInt(String(out.match(/"total":([0-9.]+)/)![1]).replace(/^(\d+)(?:\.(\d*))?$/, (_m, i, f = '') => i + f.padEnd(6, '0')));
      expect(totalMicro).toBe(expected.totalMicro);
      expect(r.rejected.count).toBe(expected.noCustomer);
      expect(r.rejected.rows.length).toBe(100);
      expect(r.rejected.rows[0]).toEqual({ row: expect.any(Number), field: 'CustomerID', reason: expect.stringContaining('blank') });
      expect(r.rowsRead).toBe(expected.lines);
      // Rank order, cumulative share before and fields of the contract.
      expect(r.customers[0]).toEqual({ customer: expect.any(String), value: expect.any(Number), rank: 1, share: expect.any(Number), cumulativeBefore: 0, tier: 'A' });
      for (let i = 1; i < r.customers.length; i++) expect(r.customers[i].value).toBeLessThanOrEqual(r.customers[i - 1].value);
    },
    120_000,
  );
});

describe('account-planner abc: contract and exit codes', () => {
  const csv = path.join(dir, 'sales.csv');
  writeFileSync(csv, '\uFEFF客户名称,业务员,金额\n华为,张三,"¥1,000"\n腾讯,李四,3万\n华为,张三,(200)\n,王五,50\n阿里,王五,abc\n小米,赵六,0\n');

  // One value is marked ¥, the others are not: they are read as CNY only with --currency CNY.
  test('headers found by synonym; exact values; nonPositive, rejected rows with reasons', async () => {
    const { code, out } = await cli(['abc', '--in', csv, '--currency', 'CNY', '--json']);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.total).toBe(30800);
    expect(r.customers.map((c: { customer: string; value: number; tier: string }) => [c.customer, c.value, c.tier])).toEqual([
      ['腾讯', 30000, 'A'],
      ['华为', 800, 'C'], // 30000/30800 = 97.4 % ahead ≥ 95 %
    ]);
    expect(r.nonPositive).toEqual([{ customer: '小米', value: 0 }]);
    expect(r.rejected.count).toBe(2);
    expect(r.rejected.rows.map((x: { row: number }) => x.row)).toEqual([5, 6]);
    expect(r.currency).toBe('CNY');
  });

  test('--method count, --crossing exclude, --thresholds, --map, --no-group are honoured', async () => {
    const count = JSON.parse((await cli(['abc', '--in', csv, '--currency', 'CNY', '--method', 'count', '--json'])).out);
    expect(count.method).toBe('count');
    expect(count.summary.A.customers).toBe(1);
    const excl = JSON.parse((await cli(['abc', '--in', csv, '--currency', 'CNY', '--crossing', 'exclude', '--thresholds', '90,99', '--json'])).out);
    expect(excl.crossing).toBe('exclude');
    expect(excl.thresholds).toEqual({ a: 0.9, b: 0.99 });
    expect(excl.customers.map((c: { tier: string }) => c.tier)).toEqual(['B', 'C']); // 30000/30800 = 97.4 % > 90 %
    const mapped = JSON.parse((await cli(['abc', '--in', csv, '--currency', 'CNY', '--map', 'customer=业务员,value=金额', '--json'])).out);
    expect(mapped.customers[0].customer).toBe('李四');
    const rows = JSON.parse((await cli(['abc', '--in', csv, '--currency', 'CNY', '--no-group', '--json'])).out);
    expect(rows.customers.map((c: { row: number }) => c.row)).toEqual([3, 2]);
    expect(rows.nonPositive.map((c: { row: number }) => c.row)).toEqual([7, 4]);
  });

  test('without --currency, the unmarked values beside a ¥ value are set aside, never summed as if marked', async () => {
    const r = JSON.parse((await cli(['abc', '--in', csv, '--json', '--lang', 'en-US'])).out);
    expect(r.total).toBe(1000);
    expect(r.rejected.rows.map((x: { row: number }) => x.row)).toEqual([3, 4, 5, 6, 7]);
    expect(r.rejected.rows[0].reason).toBe('金额: no currency mark, while other values are marked CNY; mark it, or give the currency of unmarked values (--currency)');
  });

  test('the text summary states the rule each crossing option applies', async () => {
    const include = (await cli(['abc', '--in', csv, '--lang', 'en-US'])).out.split('\n')[0];
    expect(include).toBe('ABC by value (share ahead of the customer: A < 80.0%, B < 95.0%; crossing include)');
    const exclude = (await cli(['abc', '--in', csv, '--crossing', 'exclude', '--lang', 'en-US'])).out.split('\n')[0];
    expect(exclude).toBe('ABC by value (share through the customer: A ≤ 80.0%, B ≤ 95.0%; crossing exclude)');
  });

  test('--out writes the workbook atomically and refuses to overwrite without --force', async () => {
    const out = path.join(dir, 'abc.xlsx');
    expect((await cli(['abc', '--in', csv, '--out', out, '--lang', 'en-US'])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const again = await cli(['abc', '--in', csv, '--out', out, '--lang', 'en-US']);
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists');
    expect((await cli(['abc', '--in', csv, '--out', out, '--force'])).code).toBe(0);
  });

  test.each([
    [['abc'], 'Missing --in'],
    [['abc', '--in', path.join(dir, 'nope.csv')], 'no such file'],
    [['abc', '--in', csv, '--method', 'weird'], '--method'],
    [['abc', '--in', csv, '--crossing', 'up'], '--crossing'],
    [['abc', '--in', csv, '--thresholds', '95,80'], 'threshold'],
    [['abc', '--in', csv, '--thresholds', '80'], 'two numbers'],
    [['abc', '--in', csv, '--value', 'Qty*Price'], 'Qty'],
    [['abc', '--in', csv, '--map', 'nonsense'], '--map'],
    [['abc', '--in', csv, '--bogus'], 'bogus'],
  ])('%j exits 2 with a message', async (args, message) => {
    const r = await cli([...(args as string[]), '--lang', 'en-US']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
  });
});
