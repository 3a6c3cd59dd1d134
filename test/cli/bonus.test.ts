import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { runCli } from '../../src/cli/run';
import { tempDir } from '../support/template-files';

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(['bonus', ...argv], { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

const dir = tempDir('ap-bonus-cli-');
const file = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};

const NEW_BRAND = file(
  'new-brand.csv',
  [
    'rep,contract,date,amount,currency,margin',
    'Li,C1,2026-01-05,"50,000",USD,12%',
    'Li,C2,2026-01-06,"10,000",USD,12%',
    'Wang,C3,2026/2/1,"$30,000",,0.1',
    'Wang,C4,2026-02-01,abc,USD,9%',
    'Wang,C5,2026-04-01,"40,000",EUR,15%',
  ].join('\n'),
);

describe('account-planner bonus', () => {
  test('--json prints the contract’s object; rejected rows do not change the exit code', async () => {
    const r = await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--fx', 'USD=7.1,EUR=7.8', '--json', '--lang', 'en-US');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(Object.keys(json)).toEqual(expect.arrayContaining(['scheme', 'lines', 'byRep', 'rejected']));
    expect(json.scheme).toBe('new-brand');
    expect(json.lines).toHaveLength(4);
    expect(json.lines[0]).toEqual({
      rep: 'Li',
      key: 'C1',
      basis: 50000,
      basisUnit: 'USD',
      eligible: true,
      bonus: 500,
      payMonth: '2026-02',
      reason: '50,000 USD in band 30,000–60,000 → ¥500; margin 12 % ≥ 10 %',
    });
    expect(json.lines.map((l: { key: string; bonus: number }) => [l.key, l.bonus])).toEqual([
      ['C1', 500],
      ['C2', 0],
      ['C3', 300],
      ['C5', 500],
    ]);
    expect(json.byRep).toEqual([
      { rep: 'Li', bonus: 500, lines: 2, eligible: 1 },
      { rep: 'Wang', bonus: 800, lines: 2, eligible: 2 },
    ]);
    expect(json.rejected).toEqual({ count: 1, rows: [{ row: 5, reason: 'amount: "abc" is not a number' }] });
  });

  test('--period keeps one quarter; new-customer lines carry their quarter', async () => {
    const q1 = JSON.parse((await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--fx', 'USD=7.1,EUR=7.8', '--period', '2026Q1', '--json')).out);
    expect(q1.lines.map((l: { key: string }) => l.key)).toEqual(['C1', 'C2', 'C3']);
    const nc = file(
      'nc.csv',
      ['业务员,客户,日期,金额,毛利率,预付款比例,客户类型,自主开发', '李明,甲公司,2026-01-05,"100,000",12%,60%,工业,是', '李明,甲公司,2026-02-05,"100,000",12%,,工业,是', '李明,甲公司,2026-03-05,"100,000",12%,,工业,是'].join('\n'),
    );
    const r = await cli('--scheme', 'new-customer', '--in', nc, '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.lines).toEqual([
      expect.objectContaining({ rep: '李明', key: '甲公司', basis: 300000, eligible: true, bonus: 2500, quarter: '2026Q2', payMonth: '2026-07' }),
    ]);
    expect(json.lines[0].reason).toContain('→ ¥2,500');
    expect(json.penalties[0]).toMatchObject({ rep: '李明', lastNewCustomer: '2026-01-05', flagged: false });
  });

  test('zh-CN headers in a GB18030 CSV, gzipped, and an .xlsx input', async () => {
    const text = ['推荐人,被推荐人,首次来访日期,首访登记,付款日期', '老张,新客户甲,2026-07-20,是,2026-08-01', '老张,新客户乙,2026-07-21,否,2026-08-02'].join('\r\n');
    const gz = path.join(dir, 'referral.csv.gz');
    writeFileSync(gz, gzipSync(iconv.encode(text, 'gb18030')));
    const r = JSON.parse((await cli('--scheme', 'referral', '--in', gz, '--json', '--lang', 'en-US')).out);
    expect(r.lines.map((l: { key: string; bonus: number; payBy: string }) => [l.key, l.bonus, l.payBy])).toEqual([
      ['新客户甲', 3000, '2026-08-06'],
      ['新客户乙', 0, '2026-08-07'],
    ]);

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('合同');
    ws.addRow(['业务员', '客户', '签订日期', '市场范围', '文件类型']);
    ws.addRow(['李明', '甲公司', new Date(Date.UTC(2026, 0, 10)), '国际', '合作协议']);
    ws.addRow(['李明', '甲公司', new Date(Date.UTC(2026, 1, 10)), '国际', '购销合同']);
    const xlsx = path.join(dir, 'fees.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const f = JSON.parse((await cli('--scheme', 'fees', '--in', xlsx, '--json')).out);
    expect(f.lines.map((l: { fee: string; bonus: number }) => [l.fee, l.bonus])).toEqual([
      ['development', 200000],
      ['maintenance', 150000],
    ]);
    expect(f.byRep).toEqual([{ rep: '李明', bonus: 350000, lines: 2, eligible: 2 }]);
  });

  test('--out writes the workbook atomically and never replaces a file without --force', async () => {
    const out = path.join(dir, 'bonus.xlsx');
    const first = await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--fx', 'USD=7.1,EUR=7.8', '--out', out);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`已写入 ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['新品牌奖', '奖金汇总', '奖金规则', 'Li结算单', 'Wang结算单']);
    const before = readFileSync(out);
    const mtime = statSync(out).mtimeMs;
    const again = await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--fx', 'USD=7.1,EUR=7.8', '--out', out, '--lang', 'en-US');
    expect(again.code).toBe(2);
    expect(again.err).toContain('already exists. Use --force to replace it.');
    expect(readFileSync(out).equals(before)).toBe(true);
    expect(statSync(out).mtimeMs).toBe(mtime);
    const forced = await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--fx', 'USD=7.1,EUR=7.8', '--out', out, '--force', '--lang', 'en-US');
    expect(forced.code).toBe(0);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(out);
    expect(wb2.worksheets[0].name).toBe('New-brand bonus');
    expect(existsSync(out)).toBe(true);
  });

  test('--rules replaces parts of the rules; a bad rules file is refused naming the field', async () => {
    const rules = file('rules.json', JSON.stringify({ fx: { USD: 7.1, EUR: 7.8 }, newBrand: { minMargin: 0.13 } }));
    const r = JSON.parse((await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--rules', rules, '--json', '--lang', 'en-US')).out);
    expect(r.lines.map((l: { bonus: number }) => l.bonus)).toEqual([0, 0, 0, 500]);
    const bad = file('bad.json', JSON.stringify({ newBrand: { tiers: { bands: [{ lower: 0, lowerInclusive: true, upper: 10, upperInclusive: false, value: 1 }, { lower: 11, lowerInclusive: true, upper: null, value: 2 }] } } }));
    const e = await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--rules', bad, '--lang', 'en-US');
    expect(e.code).toBe(2);
    expect(e.err).toContain('newBrand.tiers.bands[1]: gap between band 1 and band 2');
    const notJson = file('not.json', '{ nope');
    expect((await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--rules', notJson, '--lang', 'en-US')).err).toContain('is not valid JSON');
  });

  test.each([
    [[], 'Missing --scheme'],
    [['--scheme', 'lottery', '--in', 'x.csv'], '--scheme must be one of'],
    [['--scheme', 'new-brand'], 'Missing --in FILE'],
    [['--scheme', 'new-brand', '--in', '/nonexistent/file.csv', '--fx', 'USD=7.1'], '/nonexistent/file.csv'],
    [['--scheme', 'new-brand', '--in', 'IN', '--fx', 'USD=seven'], '--fx USD'],
    [['--scheme', 'new-brand', '--in', 'IN', '--fx', 'USD=-7'], 'greater than 0'],
    [['--scheme', 'new-brand', '--in', 'IN'], 'USD'],
    [['--scheme', 'new-brand', '--in', 'IN', '--fx', 'USD=7.1', '--period', '2026Q5'], '--period "2026Q5"'],
    [['--scheme', 'new-customer', '--in', 'IN', '--lang', 'en-US'], 'missing column(s): customer, self_developed'],
    [['--scheme', 'new-brand', '--in', 'IN', '--bogus'], 'bogus'],
  ])('bad usage or unreadable input → exit 2: %j', async (argv, message) => {
    // Messages in English: --lang en-US (the default is zh-CN; cli-language.test.ts covers both).
    const r = await cli(...argv.map((a) => (a === 'IN' ? NEW_BRAND : a)), '--lang', 'en-US');
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.out).toBe('');
  });

  test('without --json a short summary per rep is printed', async () => {
    const r = await cli('--scheme', 'new-brand', '--in', NEW_BRAND, '--fx', 'USD=7.1,EUR=7.8', '--lang', 'en-US');
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        'new-brand: 5 rows read, 4 lines, 3 eligible, total 1300.00 CNY',
        '  Li: 500.00 (1/2 lines eligible)',
        '  Wang: 800.00 (2/2 lines eligible)',
        '1 row rejected',
        '  row 5: amount: "abc" is not a number',
        '',
      ].join('\n'),
    );
  });
});
