import messages from '../../../i18n/bonus';
import { translator } from '../../../i18n/define';
import { fmtMoney, fmtPercent } from '../format';
import type { BadDebtLine, CreditEntry, SchemeContext } from '../line';
import { Decimal, roundHalfUp } from '../../exact/decimal';

/**
 * Credit liability for a bad debt (docs/rules/bonus/bad-debt.md). Outside any approved credit line the
 * handler bears `outsideHandler` (100 %); inside an approved line the handler and the approver
 * bear the shares the rules set — the sources leave them blank, so until a company sets them
 * those lines say so and carry no amount. Liabilities are negative amounts, rounded at the end.
 * With the workbook's credit register the register decides instead of the row's own columns:
 * its approver, and its approved line splitting the debt into the part within the line and the
 * part above it (registerLines).
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
    if (ctx.creditRegister) {
      lines.push(...registerLines(rec, ctx.creditRegister.get(rec.customer.toLowerCase()), ctx));
      continue;
    }
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

/**
 * One bad debt split by the credit register (docs/rules/bonus/bad-debt.md): the part up to the
 * approved line (in CNY) is inside approved credit and shared by the handler and the register's
 * approver at the inside shares; the part above the line is outside approved credit and the
 * handler bears it at the outside share. A customer missing from the register, or with its line
 * blank, has no approved line: all of the debt is above it. The lines are written whatever the
 * parts come to (a part of 0 carries 0), so the sheet's formulas can follow an edited line.
 */
function registerLines(rec: BadDebtRecord, entry: CreditEntry | undefined, ctx: SchemeContext): BadDebtLine[] {
  const t = translator(messages, ctx.lang);
  const r = ctx.rules.badDebt;
  const approved = entry?.line ?? null;
  const limit = approved === null || approved.isNeg() ? new Decimal(0) : approved;
  const inside = Decimal.min(rec.amountCny, limit);
  const over = rec.amountCny.minus(inside);
  const parts: { role: 'handler' | 'approver'; person: string; part: 'inside' | 'over'; share: Decimal | null; cny: Decimal }[] = [
    { role: 'handler', person: rec.handler, part: 'inside', share: r.insideHandler, cny: inside },
    { role: 'handler', person: rec.handler, part: 'over', share: r.outsideHandler, cny: over },
    { role: 'approver', person: entry?.approver ?? '', part: 'inside', share: r.insideApprover, cny: inside },
  ];
  const out: BadDebtLine[] = [];
  for (const p of parts) {
    if (!p.person) continue;
    const eligible = p.share !== null;
    const bonus = p.share === null ? new Decimal(0) : roundHalfUp(p.cny.times(p.share).neg());
    const params = {
      amount: fmtMoney(rec.amount, rec.currency),
      line: fmtMoney(limit),
      part: fmtMoney(p.cny),
      role: t(p.role === 'handler' ? 'roleHandler' : 'roleApprover'),
      share: p.share === null ? '' : fmtPercent(p.share, ctx.lang),
      liability: fmtMoney(bonus),
    };
    const reason = !entry
      ? t(p.part === 'inside' ? 'bdRegMissingInside' : 'bdRegMissingOver', params)
      : !eligible
        ? t('bdRegNotSet', params)
        : t(p.part === 'inside' ? 'bdRegInside' : 'bdRegOver', params);
    out.push({
      scheme: 'bad-debt',
      rep: p.person,
      key: rec.customer,
      customer: rec.customer,
      basis: p.cny,
      basisUnit: 'CNY',
      eligible,
      bonus,
      reason,
      rows: [rec.row],
      role: p.role,
      withinCredit: p.part === 'inside',
      amount: rec.amount,
      currency: rec.currency,
      amountCny: rec.amountCny,
      share: p.share,
      register: { part: p.part, line: entry ? limit : null, partCny: p.cny },
    });
  }
  return out;
}
