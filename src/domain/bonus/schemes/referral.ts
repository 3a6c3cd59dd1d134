import messages from '../../../i18n/bonus';
import { translator } from '../../../i18n/define';
import { inPeriod, isoOf } from '../../calendar';
import { fmtMoney } from '../format';
import type { ReferralLine, SchemeContext } from '../line';
import { Decimal } from '../../exact/decimal';

/**
 * Referral reward 老带新 (docs/rules/bonus/referral.md). One line per referred buyer: the referrer earns
 * the reward when the buyer has paid (in full or a down payment), the referral was registered
 * on the buyer's first visit, and that first visit lies inside the campaign dates. A buyer
 * referred twice counts once, for the first row. The reward is due within `payoutDays` of the
 * payment. The settlement period selects lines by payment date (by visit date while unpaid).
 */
export interface ReferralRecord {
  row: number;
  referrer: string;
  buyer: string;
  visitDate: number | null;
  registered: boolean;
  paymentDate: number | null;
}

export function referralLines(records: Iterable<ReferralRecord>, ctx: SchemeContext): ReferralLine[] {
  const t = translator(messages, ctx.lang);
  const r = ctx.rules.referral;
  const seen = new Map<string, number>();
  const lines: ReferralLine[] = [];
  for (const rec of records) {
    const buyerKey = rec.buyer.trim().toLowerCase();
    const duplicateOf = seen.get(buyerKey) ?? null;
    if (duplicateOf === null) seen.set(buyerKey, rec.row);
    const settled = rec.paymentDate ?? rec.visitDate;
    if (settled !== null && !inPeriod(settled, ctx.period)) continue;

    const fails: string[] = [];
    const facts: string[] = [];
    if (duplicateOf !== null) fails.push(t('refDuplicate', { buyer: rec.buyer, row: duplicateOf }));
    if (rec.paymentDate === null) fails.push(t('refNotPaid'));
    else facts.push(t('refPaid', { date: isoOf(rec.paymentDate) }));
    if (r.requireRegistration) {
      if (rec.registered) facts.push(t('refRegistered'));
      else fails.push(t('refNotRegistered'));
    }
    const campaign = { start: r.campaignStart === null ? '…' : isoOf(r.campaignStart), end: r.campaignEnd === null ? '…' : isoOf(r.campaignEnd) };
    if (r.campaignStart === null && r.campaignEnd === null) facts.push(t('refNoCampaign'));
    else if (rec.visitDate === null) fails.push(t('refNoVisit'));
    else {
      const inside = (r.campaignStart === null || rec.visitDate >= r.campaignStart) && (r.campaignEnd === null || rec.visitDate <= r.campaignEnd);
      (inside ? facts : fails).push(t(inside ? 'refInCampaign' : 'refOutside', { visit: isoOf(rec.visitDate), ...campaign }));
    }
    const eligible = fails.length === 0;
    const bonus = eligible ? r.reward : new Decimal(0);
    const payBy = rec.paymentDate === null ? null : rec.paymentDate + r.payoutDays;
    const reason = eligible
      ? t('eligibleReason', {
          facts: t('refBuyer', { buyer: rec.buyer }),
          bonus: fmtMoney(bonus),
          gates: [...facts, t('refPayBy', { date: isoOf(payBy!) })].join(t('sep')),
        })
      : t('noBonus', { why: fails.join(t('sep')) });
    lines.push({
      scheme: 'referral',
      rep: rec.referrer,
      key: rec.buyer,
      buyer: rec.buyer,
      basis: new Decimal(1),
      basisUnit: 'buyer',
      eligible,
      bonus,
      reason,
      rows: [rec.row],
      visitDate: rec.visitDate,
      registered: rec.registered,
      paymentDate: rec.paymentDate,
      payBy,
      duplicateOf,
    });
  }
  return lines;
}
