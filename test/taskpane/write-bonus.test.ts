import { isFormula } from '../../src/sheets/core/sheet-spec';
import { specToTable } from '../../src/taskpane/preview/preview-host';
import { prepareBonusWrite } from '../../src/taskpane/services/write-bonus';
import { FakeExcelHost, excelServices, table } from './support/services';

const ORDERS = table(
  ['业务员', '客户', '日期', '金额', '币种', '毛利率', '预付款比例', '客户类型', '自主开发'],
  [
    ['张三', '甲公司', '2026-01-05', '120,000', 'CNY', '12%', '60%', '工业', '是'],
    ['李四', '乙公司', '2026-02-01', '20000', 'USD', '15%', '', '', '是'],
  ],
  'Orders!A1:I3',
);

async function computation() {
  const { bonus } = excelServices();
  const columns = bonus.guessColumns('new-customer', ORDERS.headers);
  return bonus.compute({
    scheme: 'new-customer',
    table: ORDERS,
    columns,
    rules: bonus.defaultRules(),
    period: '',
    rates: { USD: 7 },
    lang: 'zh-CN',
  });
}

const formulasOf = (specs: { cells: { value: unknown }[] }[]) =>
  specs.flatMap((s) =>
    s.cells.flatMap((c) => (isFormula(c.value as never) ? [(c.value as { formula: string }).formula] : [])),
  );

describe('the Rules sheet of a bonus write', () => {
  test('a Rules sheet under another name that holds the same rules is kept; every formula names it', async () => {
    const c = await computation();
    const rules = (await c.sheets('zh-CN')).find((s) => s.name === '奖金规则')!;
    const host = new FakeExcelHost();
    host.sources['My rules'] = specToTable(rules);
    const prepared = await prepareBonusWrite(host, c, '奖金规则', {
      lang: 'zh-CN',
      replace: ['My rules'],
      rulesSheet: 'My rules',
    });
    expect(prepared.keptRules).toBe('My rules');
    expect(prepared.rulesRewrite).toBeUndefined();
    expect(prepared.replace).toEqual([]);
    expect(prepared.specs.map((s) => s.name)).not.toContain('奖金规则');
    const formulas = formulasOf(prepared.specs);
    expect(formulas.some((f) => f.includes("'My rules'!"))).toBe(true);
    expect(formulas.some((f) => f.includes('奖金规则'))).toBe(false);
  });

  test('a Rules sheet in the other language differs: rewriting it needs the user’s go-ahead, in place of that sheet', async () => {
    const c = await computation();
    const english = (await c.sheets('en-US')).find((s) => s.name === 'Bonus rules')!;
    const host = new FakeExcelHost();
    host.sources['Bonus rules'] = specToTable(english);
    const prepared = await prepareBonusWrite(host, c, '奖金规则', {
      lang: 'zh-CN',
      replace: [],
      rulesSheet: 'Bonus rules',
    });
    expect(prepared.keptRules).toBeUndefined();
    expect(prepared.rulesRewrite?.sheet).toBe('Bonus rules');
    expect(prepared.rulesRewrite!.differences[0]).toEqual({ ref: 'A1', expected: '奖金规则', found: 'Bonus rules' });
    expect(prepared.replace).toEqual(['Bonus rules']);
    expect(prepared.specs[prepared.rulesAt!].name).toBe('Bonus rules');
  });

  test('without a Rules sheet the run writes its own, as a new sheet', async () => {
    const c = await computation();
    const prepared = await prepareBonusWrite(new FakeExcelHost(), c, '奖金规则', { lang: 'zh-CN', replace: [] });
    expect(prepared.specs[prepared.rulesAt!].name).toBe('奖金规则');
    expect(prepared.replace).toEqual([]);
  });
});
