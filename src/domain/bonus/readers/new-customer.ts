import type { NewCustomerInput } from '../line';
import { newCustomerEngine } from '../schemes/new-customer';
import { penaltyLines } from '../schemes/penalty';
import { exactValue } from '../../exact/exact-accumulator';
import { field } from '../../parse/column-map';
import type { SchemeReaderDef } from './scheme-reader';

/**
 * New-customer order rows (docs/rules/bonus/new-customer.md), handed to the engine as they are
 * read; the no-new-customer penalties (docs/rules/bonus/penalty.md) come with the lines.
 */
export const newCustomerReader: SchemeReaderDef = {
  fields: [
    field('rep', true),
    field('customer', true),
    field('date', true),
    field('amount', true),
    field('currency', false),
    field('margin', true),
    field('prepayment', false),
    field('customer_type', false),
    field('self_developed', true, ['developer', '开发人', '自主开发客户']),
  ],
  open(cells, ctx) {
    const engine = newCustomerEngine(ctx);
    const rep = cells.column('rep');
    const customer = cells.column('customer');
    const date = cells.column('date');
    const amount = cells.column('amount');
    const currency = cells.column('currency');
    const margin = cells.column('margin');
    const prepayment = cells.column('prepayment');
    const customerType = cells.column('customer_type');
    const selfDeveloped = cells.column('self_developed');
    // One object for every row: the engine copies what it keeps.
    const r: NewCustomerInput = {
      row: 0,
      rep: '',
      customer: '',
      date: 0,
      amount: exactValue(),
      currency: '',
      amountCny: exactValue(),
      margin: exactValue(),
      prepayment: null,
      customerType: '',
      selfDeveloped: false,
    };
    const prepaid = exactValue();
    return {
      read(row) {
        r.row = row;
        cells.orderAmount(amount, currency, r);
        r.rep = cells.text(rep);
        r.customer = cells.text(customer);
        r.date = cells.date(date);
        cells.share(margin, r.margin);
        r.prepayment = prepayment.index < 0 ? null : cells.optionalShare(prepayment, prepaid);
        r.customerType = cells.text(customerType, false);
        r.selfDeveloped = cells.yesNo(selfDeveloped);
        engine.add(r);
        return undefined;
      },
      finish(emit) {
        const out = engine.finish(emit);
        // As of the run's date, else the period's last day, else the latest order date.
        const asOf = ctx.asOf ?? ctx.period?.end ?? out.lastDate;
        return { lines: out.lines, ...(asOf === null ? {} : { penalties: penaltyLines(out.reps, out.developments, asOf, ctx.rules.penalty, ctx.lang) }) };
      },
    };
  },
};
