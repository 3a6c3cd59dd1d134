import type { BadDebtLine } from '../../../src/domain/bonus/line';
import { defaultRules } from '../../../src/domain/bonus/rules';
import { runBonus } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';

const HEADERS = ['经办人', '审批人', '客户', '坏账金额', '币种', '信用额度内'];

describe('bad-debt liability split', () => {
  test('outside any approved credit the handler bears 100 %; inside, the shares are unset until a company sets them', async () => {
    const r = await runBonus(
      'bad-debt',
      { headers: HEADERS, rows: [['Li', 'Boss', 'X', '12,345.67', 'CNY', '否'], ['Li', 'Boss', 'Y', '10,000', 'CNY', '是']] },
      { lang: 'en-US' },
    );
    const lines = r.lines as BadDebtLine[];
    expect(lines.map((l) => [l.rep, l.role, l.eligible, l.bonus.toString()])).toEqual([
      ['Li', 'handler', true, '-12345.67'],
      ['Li', 'handler', false, '0'],
      ['Boss', 'approver', false, '0'],
    ]);
    expect(lines[0].reason).toBe('bad debt ¥12,345.67 outside any approved credit: the handler bears 100 % → -¥12,345.67');
    expect(lines[2].reason).toBe('bad debt ¥10,000 inside the approved credit: the approver’s share is not set in the rules');
  });

  test('inside the line with shares set: each person bears theirs, converted to CNY and rounded at the end', async () => {
    const rules = defaultRules();
    rules.badDebt.insideHandler = new Decimal('0.3');
    rules.badDebt.insideApprover = new Decimal('0.2');
    const r = await runBonus(
      'bad-debt',
      { headers: HEADERS, rows: [['Li', 'Boss', 'X', '1,000.05', 'USD', 'yes'], ['Li', '', 'X', '1', 'CNY', 'yes']] },
      { rules, fx: { USD: new Decimal('7.1') }, lang: 'en-US' },
    );
    // 1,000.05 × 7.1 = 7,100.355; 30 % = 2,130.1065 → 2,130.11; 20 % = 1,420.071 → 1,420.07
    expect(r.lines.map((l) => [l.rep, l.bonus.toString()])).toEqual([
      ['Li', '-2130.11'],
      ['Boss', '-1420.07'],
    ]);
    expect(r.rejected.rows).toEqual([{ row: 3, reason: 'the debt is inside an approved credit line but no approver is given' }]);
  });
});
