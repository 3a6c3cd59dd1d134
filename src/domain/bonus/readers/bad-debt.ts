import { badDebtLines, type BadDebtRecord } from '../schemes/bad-debt';
import { field } from '../../parse/column-map';
import type { SchemeReaderDef } from './scheme-reader';

/** Bad debts and who handled and approved them (docs/rules/bonus/bad-debt.md): kept until every row is read. */
export const badDebtReader: SchemeReaderDef = {
  fields: [
    field('handler', true, ['经办人', '业务员', 'rep']),
    field('approver', false, ['审批人', '批准人']),
    field('customer', true),
    field('amount', true, ['bad debt', '坏账金额', '欠款金额']),
    field('currency', false),
    field('within_credit', true, ['within credit', 'inside credit', 'approved credit', 'in credit line', '信用额度内', '是否在信用额度内']),
  ],
  open(cells, ctx) {
    const handler = cells.column('handler');
    const approver = cells.column('approver');
    const customer = cells.column('customer');
    const amount = cells.column('amount');
    const currency = cells.column('currency');
    const withinCredit = cells.column('within_credit');
    const records: BadDebtRecord[] = [];
    return {
      read(row) {
        const within = cells.yesNo(withinCredit);
        const approvedBy = cells.text(approver, false);
        // With a credit register the register names the approver (docs/rules/bonus/bad-debt.md).
        if (within && !approvedBy && !ctx.creditRegister) throw cells.error('rowApproverMissing');
        const m = cells.money(amount, currency);
        records.push({ row, handler: cells.text(handler), approver: approvedBy, customer: cells.text(customer), amount: m.amount, currency: m.currency, amountCny: m.amountCny, withinCredit: within });
        return undefined;
      },
      finish: () => ({ lines: badDebtLines(records, ctx) }),
    };
  },
};
