import { referralLines, type ReferralRecord } from '../schemes/referral';
import { field } from '../../parse/column-map';
import type { SchemeReaderDef } from './scheme-reader';

/** Referral rows (docs/rules/bonus/referral.md): kept until every row is read. */
export const referralReader: SchemeReaderDef = {
  fields: [
    field('referrer', true, ['referred by', 'old customer', 'introducer', '推荐人', '老客户', '介绍人']),
    field('buyer', true, ['new buyer', 'referred buyer', 'new customer', '新客户', '被推荐人', '新买家', '购买人']),
    field('visit_date', true, ['first visit', 'first visit date', '首次来访日期', '来访日期', '首访日期']),
    field('registered', true, ['registered on first visit', 'confirmation form', '首访登记', '是否登记', '登记', '确认单']),
    field('payment_date', true, ['paid on', 'payment', '付款日期', '成交日期', '到账日期']),
  ],
  open(cells, ctx) {
    const referrer = cells.column('referrer');
    const buyer = cells.column('buyer');
    const visitDate = cells.column('visit_date');
    const registered = cells.column('registered');
    const paymentDate = cells.column('payment_date');
    const records: ReferralRecord[] = [];
    return {
      read(row) {
        records.push({
          row,
          referrer: cells.text(referrer),
          buyer: cells.text(buyer),
          visitDate: cells.optionalDate(visitDate),
          registered: cells.yesNo(registered),
          paymentDate: cells.optionalDate(paymentDate),
        });
        return undefined;
      },
      finish: () => ({ lines: referralLines(records, ctx) }),
    };
  },
};
