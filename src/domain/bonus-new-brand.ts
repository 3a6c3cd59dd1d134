import messages from '../i18n/bonus';
import { translator, type Lang } from '../i18n/define';
import { edate, inPeriod, isoOf, type Period } from './bonus-calendar';
import { fmtBand, fmtMoney, fmtPercent } from './bonus-format';
import type { NewBrandLine, RejectedRow } from './bonus-line';
import type { BonusRules } from './bonus-rules';
import { applyTiers, scaleBounds } from './bonus-tiers';
import { Decimal, roundHalfUp } from './decimal';

/**
 * (a) New-brand contract bonus (DOMAIN §3.2 a). One line per contract: its new-brand amount,
 * converted to CNY, is compared with the band bounds converted to CNY (multiplying, never
 * dividing, so a bound is met exactly), and the amount-weighted margin with the gate.
 */
export interface NewBrandRecord {
  row: number;
  rep: string;
  contract: string;
  date: number;
  amount: Decimal;
  currency: string;
  amountCny: Decimal;
  margin: Decimal;
}

export interface SchemeContext {
  rules: BonusRules;
  lang: Lang;
  period?: Period;
}

interface Contract {
  rep: string;
  contract: string;
  date: number;
  rows: number[];
  amount: Decimal;
  currency: string;
  mixed: boolean;
  amountCny: Decimal;
  weighted: Decimal;
  /** The margin of a one-row contract, kept exact (no division). */
  single: Decimal;
}

export function newBrandLines(records: Iterable<NewBrandRecord>, ctx: SchemeContext): { lines: NewBrandLine[]; rejected: RejectedRow[] } {
  const t = translator(messages, ctx.lang);
  const rules = ctx.rules.newBrand;
  const rate = ctx.rules.fx[rules.tierCurrency];
  if (!rate) throw new Error(`no rate for ${rules.tierCurrency}`);
  const tiers = scaleBounds(rules.tiers, rate);
  const contracts = new Map<string, Contract>();
  const rejected: RejectedRow[] = [];

  for (const r of records) {
    const c = contracts.get(r.contract);
    if (!c) {
      contracts.set(r.contract, {
        rep: r.rep,
        contract: r.contract,
        date: r.date,
        rows: [r.row],
        amount: r.amount,
        currency: r.currency,
        mixed: false,
        amountCny: r.amountCny,
        weighted: r.amountCny.times(r.margin),
        single: r.margin,
      });
      continue;
    }
    if (c.rep !== r.rep) {
      rejected.push({ row: r.row, reason: t('rowContractRep', { contract: r.contract, rep: c.rep, row: c.rows[0] }) });
      continue;
    }
    c.rows.push(r.row);
    if (r.date < c.date) c.date = r.date;
    if (r.currency !== c.currency) c.mixed = true;
    c.amount = c.amount.plus(r.amount);
    c.amountCny = c.amountCny.plus(r.amountCny);
    c.weighted = c.weighted.plus(r.amountCny.times(r.margin));
  }

  const lines: NewBrandLine[] = [];
  for (const c of contracts.values()) {
    if (!inPeriod(c.date, ctx.period)) continue;
    const margin = c.rows.length === 1 ? c.single : c.amountCny.isZero() ? new Decimal(0) : c.weighted.div(c.amountCny);
    const currency = c.mixed ? 'CNY' : c.currency;
    const amount = c.mixed ? c.amountCny : c.amount;
    const basis = currency === rules.tierCurrency ? amount : roundHalfUp(c.amountCny.div(rate));
    const tier = applyTiers(tiers, c.amountCny);
    const marginOk = margin.gte(rules.minMargin);
    const eligible = tier.band >= 0 && marginOk;
    const bonus = eligible ? roundHalfUp(tier.bonus) : new Decimal(0);

    const shown =
      currency === rules.tierCurrency
        ? fmtMoney(amount, currency)
        : t('converted', { amount: fmtMoney(amount, currency), converted: fmtMoney(basis, rules.tierCurrency) });
    const marginText = t(marginOk ? 'marginOk' : 'marginLow', {
      margin: fmtPercent(margin, ctx.lang),
      min: fmtPercent(rules.minMargin, ctx.lang),
    });
    const bandText =
      tier.band >= 0
        ? t('inBand', { amount: shown, band: fmtBand(rules.tiers.bands[tier.band]) })
        : t('inNoBand', { amount: shown, lowest: fmtBand(rules.tiers.bands[0]) });
    const reason = eligible
      ? t('eligibleReason', { facts: bandText, bonus: fmtMoney(bonus), gates: marginText })
      : t('noBonus', { why: [bandText, marginText].join(t('sep')) });

    lines.push({
      scheme: 'new-brand',
      rep: c.rep,
      key: c.contract,
      basis,
      basisUnit: rules.tierCurrency,
      eligible,
      bonus,
      reason,
      rows: c.rows,
      date: c.date,
      amount,
      currency,
      amountCny: c.amountCny,
      margin,
      band: tier.band,
      payMonth: isoOf(edate(c.date, 1)).slice(0, 7),
    });
  }
  return { lines, rejected };
}
