/**
 * The bad-debt run in the add-in reads the workbook's credit register (docs/rules/bonus/bad-debt.md),
 * as the CLI's `bonus --scheme bad-debt --into` does: on the fake Excel, the register inserted
 * from the template is found by stamp and read through its names in one request, the split
 * follows its approver and line (not the data's approver column), and the bad-debt sheet the
 * pane writes reads the register live.
 */
import { OfficeHost } from '../../src/office/office-host';
import { getTemplate } from '../../src/sheets/templates/registry';
import { createBonusService } from '../../src/taskpane/services/bonus-service';
import { readCreditRegisterLink } from '../../src/taskpane/services/links-service';
import { installFakeExcel, type FakeExcel } from './fake-excel/install';

let fake: FakeExcel;
beforeEach(() => {
  fake = installFakeExcel();
});
afterEach(() => fake?.uninstall());

const COLUMNS = { handler: '经办人', approver: '审批人', customer: '客户', amount: '坏账金额', currency: '币种', within_credit: '信用额度内' };

test('the pane finds the register, splits a debt over its line by it, and writes a sheet that reads it', async () => {
  const host = new OfficeHost();
  expect(await readCreditRegisterLink(host)).toBeUndefined();
  const specs = getTemplate('credit').build({ lang: 'zh-CN', example: true, today: new Date(Date.UTC(2026, 2, 15)) });
  const [register] = await host.insertSheets(specs, { owner: 'template:credit' });
  // The example's customers, as the builder wrote them under Credit_Customers (A13:A22).
  const customers = specs[0].cells.filter((c) => /^A(1[3-9]|2[0-2])$/.test(c.ref) && typeof c.value === 'string' && c.value !== '').map((c) => c.value as string);
  const link = await readCreditRegisterLink(host);
  expect(link?.sources.credit?.sheet).toBe(register);
  // The example register's rows 13–15 as the template writes them.
  expect(link?.register.get('华东精密机械有限公司')).toEqual({ approver: '陈刚', line: expect.anything() });
  expect(link?.register.get('华东精密机械有限公司')?.line?.toString()).toBe('500000');
  expect(link?.register.get('苏州恒达电子科技有限公司')?.line?.toString()).toBe('200000');
  expect(customers.length).toBeGreaterThan(3);
  expect(link?.register.size).toBe(new Set(customers.map((c) => c.toLowerCase())).size);

  const bonus = createBonusService(() => new Date(Date.UTC(2026, 3, 1)));
  const rules = bonus.defaultRules();
  const headers = ['经办人', '审批人', '客户', '坏账金额', '币种', '信用额度内'];
  // 250,000 owed by 苏州恒达, whose line is 200,000: 200,000 inside approved credit, 50,000 over it.
  const computed = await bonus.compute({
    scheme: 'bad-debt',
    table: { label: 'debts', headers, rows: [['李娜', '某人', '苏州恒达电子科技有限公司', 250000, 'CNY', '是']], firstRowNumber: 2 },
    columns: COLUMNS,
    rules,
    period: '',
    rates: {},
    lang: 'zh-CN',
    creditRegister: link!,
  });
  // The register's approver (陈刚) bears the approver's part, not the data's 某人.
  expect(computed.summary.reps.map((r) => r.rep).sort()).toEqual(['李娜', '陈刚']);
  const sheets = await computed.sheets('zh-CN');
  const formulas = sheets.flatMap((s) => s.cells).flatMap((c) => (c.value !== null && typeof c.value === 'object' && 'formula' in c.value ? [c.value.formula] : []));
  expect(formulas.some((f) => f.includes(`'${register}'!`) || f.includes(`${register}!`))).toBe(true);

  // Without the register the same run takes the data's approver.
  const plain = await bonus.compute({
    scheme: 'bad-debt',
    table: { label: 'debts', headers, rows: [['李娜', '某人', '苏州恒达电子科技有限公司', 250000, 'CNY', '是']], firstRowNumber: 2 },
    columns: COLUMNS,
    rules,
    period: '',
    rates: {},
    lang: 'zh-CN',
  });
  expect(plain.summary.reps.map((r) => r.rep).sort()).toEqual(['李娜', '某人']);
});
