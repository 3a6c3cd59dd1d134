import messages from '../i18n/bonus';
import { translator } from '../i18n/define';
import { edate, isoOf, monthAfterQuarter, quarterEnd, quarterLabel, quarterOf, type Period } from './bonus-calendar';
import { fmtBand, fmtMoney, fmtPercent } from './bonus-format';
import type { NewCustomerLine, OrderRef } from './bonus-line';
import type { SchemeContext } from './bonus-new-brand';
import { applyTiers } from './bonus-tiers';
import { Decimal, roundHalfUp } from './decimal';

/**
 * (b) Self-developed new-customer bonus, read exactly as DOMAIN §3.2 b fixes it:
 * - d0 is the customer's first order date over all reps; the customer is new for a rep when the
 *   rep is marked as its developer and has no later first order than d0 (nobody ordered before);
 * - the window is [d0, EDATE(d0, 3)); at least 3 of the rep's orders must fall inside it;
 * - the margin is Σ amount × margin ÷ Σ amount over those orders (not the plain mean);
 * - an industrial customer's first order needs prepayment ≥ 50 %;
 * - the tier is looked up on the sum of the orders inside the window;
 * - the bonus belongs to the quarter holding the window's last day (the first quarter whose last
 *   day is on or after it) and is paid the month after that quarter.
 */
/** An order row; the engine keeps the records themselves as the lines' orders (no copies). */
export interface NewCustomerRecord extends OrderRef {
  rep: string;
  customer: string;
}

/** A rep's development of a customer, for the penalty rule: the rep is the developer and nobody ordered earlier. */
export interface Development {
  rep: string;
  customer: string;
  d0: number;
}

export function newCustomerLines(
  records: Iterable<NewCustomerRecord>,
  ctx: SchemeContext,
): { lines: NewCustomerLine[]; developments: Development[]; reps: string[]; lastDate: number | null } {
  const t = translator(messages, ctx.lang);
  const r = ctx.rules.newCustomer;
  const industrialTypes = new Set(r.industrialTypes.map((x) => x.trim().toLowerCase()));
  const customers = new Map<string, { d0: number; byRep: Map<string, OrderRef[]> }>();
  const reps = new Set<string>();
  let lastDate: number | null = null;

  for (const rec of records) {
    reps.add(rec.rep);
    if (lastDate === null || rec.date > lastDate) lastDate = rec.date;
    let c = customers.get(rec.customer);
    if (!c) customers.set(rec.customer, (c = { d0: rec.date, byRep: new Map() }));
    else if (rec.date < c.d0) c.d0 = rec.date;
    let orders = c.byRep.get(rec.rep);
    if (!orders) c.byRep.set(rec.rep, (orders = []));
    orders.push(rec);
  }

  const lines: NewCustomerLine[] = [];
  const developments: Development[] = [];
  const pct = (x: Decimal) => fmtPercent(x, ctx.lang);
  for (const [customer, c] of customers) {
    const windowEnd = edate(c.d0, r.windowMonths);
    const lastDay = windowEnd - 1;
    const quarter = quarterOf(lastDay);
    for (const [rep, orders] of c.byRep) {
      orders.sort((a, b) => a.date - b.date || a.row - b.row);
      const first = orders[0];
      const developer = orders.some((o) => o.selfDeveloped);
      const noEarlier = first.date === c.d0;
      if (developer && noEarlier) developments.push({ rep, customer, d0: c.d0 });

      let n = 0;
      let sum = new Decimal(0);
      let weighted = new Decimal(0);
      for (const o of orders)
        if (o.date >= c.d0 && o.date < windowEnd) {
          n++;
          sum = sum.plus(o.amountCny);
          weighted = weighted.plus(o.amountCny.times(o.margin));
        }
      const margin = n === 1 ? first.margin : sum.isZero() ? null : weighted.div(sum);
      const industrial = industrialTypes.has(first.customerType.trim().toLowerCase());
      const tier = applyTiers(r.tiers, sum);

      const gates: { ok: boolean; text: string }[] = [];
      if (!developer) gates.push({ ok: false, text: t('ncNotDeveloper', { rep }) });
      if (!noEarlier) gates.push({ ok: false, text: t('ncEarlierOrder', { d0: isoOf(c.d0), first: isoOf(first.date) }) });
      const window = { n, from: isoOf(c.d0), to: isoOf(lastDay), min: r.minOrders };
      gates.push({ ok: n >= r.minOrders, text: t(n >= r.minOrders ? 'ncOrdersOk' : 'ncOrdersFew', window) });
      if (margin === null) gates.push({ ok: false, text: t('ncMarginNone') });
      else
        gates.push({
          ok: margin.gte(r.minMargin),
          text: t(margin.gte(r.minMargin) ? 'ncMarginOk' : 'ncMarginLow', { margin: pct(margin), min: pct(r.minMargin) }),
        });
      if (industrial) {
        const p = first.prepayment;
        if (p === null) gates.push({ ok: false, text: t('ncPrepayMissing') });
        else {
          const ok = p.gte(r.minPrepayment);
          gates.push({ ok, text: t(ok ? 'ncPrepayOk' : 'ncPrepayLow', { prepay: pct(p), min: pct(r.minPrepayment) }) });
        }
      }
      const sumText =
        tier.band >= 0
          ? t('inBand', { amount: fmtMoney(sum), band: fmtBand(r.tiers.bands[tier.band]) })
          : t('inNoBand', { amount: fmtMoney(sum), lowest: fmtBand(r.tiers.bands[0]) });
      const eligible = tier.band >= 0 && gates.every((g) => g.ok);
      const bonus = eligible ? roundHalfUp(tier.bonus) : new Decimal(0);
      const payMonth = monthAfterQuarter(quarter, r.payMonthsAfterQuarter);
      const reason = eligible
        ? t('eligibleReason', {
            facts: sumText,
            bonus: fmtMoney(bonus),
            gates: [...gates.map((g) => g.text), t('ncQuarter', { quarter: quarterLabel(quarter), month: payMonth })].join(t('sep')),
          })
        : t('noBonus', { why: [...gates.filter((g) => !g.ok).map((g) => g.text), ...(tier.band < 0 ? [sumText] : [])].join(t('sep')) });

      lines.push({
        scheme: 'new-customer',
        rep,
        key: customer,
        customer,
        basis: sum,
        basisUnit: 'CNY',
        eligible,
        bonus,
        reason,
        rows: orders.map((o) => o.row),
        d0: c.d0,
        repFirst: first.date,
        windowEnd,
        developer,
        ordersInWindow: n,
        sumCny: sum,
        margin,
        industrial,
        prepayment: first.prepayment,
        band: tier.band,
        quarter: quarterLabel(quarter),
        payMonth,
        orders,
      });
    }
  }
  return { lines: lines.filter((l) => inSettlementPeriod(l, ctx.period)), developments, reps: [...reps].sort(), lastDate };
}

/** The line's quarter ends inside the period (all lines when there is none). */
export function inSettlementPeriod(line: NewCustomerLine, period: Period | undefined): boolean {
  if (!period) return true;
  const q = quarterOf(line.windowEnd - 1);
  const end = quarterEnd(q);
  return end >= period.start && end <= period.end;
}
