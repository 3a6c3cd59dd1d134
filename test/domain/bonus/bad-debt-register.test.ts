/**
 * The bad-debt split by the workbook's credit register (docs/rules/bonus/bad-debt.md): the
 * register's approver and approved line decide, the part up to the line is inside approved
 * credit, the part above it is the handler's at the outside share.
 */
import type { BadDebtLine, CreditRegister } from '../../../src/domain/bonus/line';
import { defaultRules } from '../../../src/domain/bonus/rules';
import { runBonus } from '../../../src/domain/bonus/run';
import { Decimal } from '../../../src/domain/exact/decimal';

const HEADERS = ['经办人', '审批人', '客户', '坏账金额', '币种', '信用额度内'];
const register: CreditRegister = new Map([
  ['acme', { approver: 'Chen', line: new Decimal(1000) }],
  ['blank line', { approver: 'Chen', line: null }],
  ['no approver', { approver: '', line: new Decimal(500) }],
]);

async function run(rows: unknown[][], shares = true) {
  const rules = defaultRules();
  if (shares) {
    rules.badDebt.insideHandler = new Decimal('0.3');
    rules.badDebt.insideApprover = new Decimal('0.2');
  }
  const r = await runBonus('bad-debt', { headers: HEADERS, rows }, { rules, fx: { USD: new Decimal('7') }, lang: 'en-US', creditRegister: register });
  return (r.lines as BadDebtLine[]).map((l) => [l.rep, l.role, l.register?.part, l.basis.toString(), l.eligible, l.bonus.toString()]);
}

test('over the line: the part up to it is shared inside, the rest is the handler’s; the register names the approver (case-insensitively)', async () => {
  // The row's own approver and within flag are not used: the register decides.
  expect(await run([['Li', 'Someone', 'ACME', '1,500', 'CNY', 'no']])).toEqual([
    ['Li', 'handler', 'inside', '1000', true, '-300'],
    ['Li', 'handler', 'over', '500', true, '-500'],
    ['Chen', 'approver', 'inside', '1000', true, '-200'],
  ]);
});

test('under the line, in another currency: all of it is inside, the over part is 0', async () => {
  expect(await run([['Li', '', 'acme', '100', 'USD', 'yes']])).toEqual([
    ['Li', 'handler', 'inside', '700', true, '-210'],
    ['Li', 'handler', 'over', '0', true, '0'],
    ['Chen', 'approver', 'inside', '700', true, '-140'],
  ]);
});

test('not in the register, or a blank line: all of it is outside; no approver, no approver line', async () => {
  expect(await run([['Li', '', 'Other', '80', 'CNY', 'yes'], ['Wu', '', 'Blank line', '90', 'CNY', 'yes'], ['Ma', 'X', 'No approver', '600', 'CNY', 'yes']])).toEqual([
    ['Li', 'handler', 'inside', '0', true, '0'],
    ['Li', 'handler', 'over', '80', true, '-80'],
    ['Wu', 'handler', 'inside', '0', true, '0'],
    ['Wu', 'handler', 'over', '90', true, '-90'],
    ['Chen', 'approver', 'inside', '0', true, '0'],
    ['Ma', 'handler', 'inside', '500', true, '-150'],
    ['Ma', 'handler', 'over', '100', true, '-100'],
  ]);
});

test('inside shares not set: the inside lines say so and carry 0, the part above the line is still charged', async () => {
  const r = await runBonus('bad-debt', { headers: HEADERS, rows: [['Li', '', 'acme', '1,500', 'CNY', 'yes']] }, { lang: 'en-US', creditRegister: register });
  const lines = r.lines as BadDebtLine[];
  expect(lines.map((l) => [l.rep, l.eligible, l.bonus.toString()])).toEqual([
    ['Li', false, '0'],
    ['Li', true, '-500'],
    ['Chen', false, '0'],
  ]);
  expect(lines[1].reason).toBe('bad debt ¥1,500, approved line ¥1,000 in the credit register: the handler bears 100 % of the ¥500 above the line → -¥500');
  expect(lines[2].reason).toBe('bad debt ¥1,500, approved line ¥1,000 in the credit register: the approver’s share of the ¥1,000 within the line is not set in the rules');
});
