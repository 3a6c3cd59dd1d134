import messages from '../../../i18n/bonus';
import { translator } from '../../../i18n/define';
import { fmtMoney, fmtPercent } from '../format';
import type { BadDebtLine, SchemeContext } from '../line';
import { Decimal, roundHalfUp } from '../../exact/decimal';

/**
 * Credit liability for a bad debt (docs/rules/bonus/bad-debt.md). Outside any approved credit line the
 * handler bears `outsideHandler` (100 %); inside an approved line the handler and the approver
 * bear the shares the rules set — the sources leave them blank, so until a company sets them
 * those lines say so and carry no amount. Liabilities are negative amounts, rounded at the end.
 */
export interface BadDebtRecord {
  row: number;
  handler: string;
  approver: string;
  customer: string;
  amount: Decimal;
  currency: string;
  amountCny: Decimal;
  withinCredit: boolean;
}

export function badDebtLines(records: Iterable<BadDebtRecord>, ctx: SchemeContext): BadDebtLine[] {
  const t = translator(messages, ctx.lang);
  const r = ctx.rules.badDebt;
  const lines: BadDebtLine[] = [];
  for (const rec of records) {
    const parts: { role: 'handler' | 'approver'; person: string; share: Decimal | null }[] = rec.withinCredit
      ? [
          { role: 'handler', person: rec.handler, share: r.insideHandler },
          { role: 'approver', person: rec.approver, share: r.insideApprover },
        ]
      : [{ role: 'handler', person: rec.handler, share: r.outsideHandler }];
    for (const p of parts) {
      if (!p.person) continue;
      const eligible = p.share !== null;
      const bonus = p.share === null ? new Decimal(0) : roundHalfUp(rec.amountCny.times(p.share).neg());
      const params = {
        amount: fmtMoney(rec.amount, rec.currency),
        role: t(p.role === 'handler' ? 'roleHandler' : 'roleApprover'),
        share: p.share === null ? '' : fmtPercent(p.share, ctx.lang),
        liability: fmtMoney(bonus),
      };
      const reason = !eligible ? t('bdNotSet', params) : t(rec.withinCredit ? 'bdInside' : 'bdOutside', params);
      lines.push({
        scheme: 'bad-debt',
        rep: p.person,
        key: rec.customer,
        customer: rec.customer,
        basis: rec.amountCny,
        basisUnit: 'CNY',
        eligible,
        bonus,
        reason,
        rows: [rec.row],
        role: p.role,
        withinCredit: rec.withinCredit,
        amount: rec.amount,
        currency: rec.currency,
        amountCny: rec.amountCny,
        share: p.share,
      });
    }
  }
  return lines;
}
