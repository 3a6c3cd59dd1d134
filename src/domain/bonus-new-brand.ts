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
  /** The first row, kept as it is: most contracts have one row and need no sums at all. */
  first: NewBrandRecord;
  /** Σ amount in `currency` while every row shares it. */
  amount: Decimal;
  currency: string;
  /** Σ amount in CNY, kept only once the rows mix currencies (else amount × rate at the end). */
  mixedCny: Decimal | null;
  /** Σ amountCny × margin, started when a second row arrives. */
  weighted: Decimal | null;
}

export interface NewBrandEngine {
  /** One parsed row; returns a rejection reason when the row cannot join its contract. */
  add(r: NewBrandRecord): string | undefined;
  finish(): NewBrandLine[];
}

/** Streams rows into contracts (rows are not kept), then settles each contract. */
export function newBrandEngine(ctx: SchemeContext): NewBrandEngine {
  const t = translator(messages, ctx.lang);
  const rules = ctx.rules.newBrand;
  const rate = ctx.rules.fx[rules.tierCurrency];
  if (!rate) throw new Error(`no rate for ${rules.tierCurrency}`);
  const tiers = scaleBounds(rules.tiers, rate);
  const contracts = new Map<string, Contract>();
  const cnyOf = (c: Contract): Decimal =>
    c.mixedCny ?? (c.rows.length === 1 ? c.first.amountCny : c.currency === 'CNY' ? c.amount : c.amount.times(ctx.rules.fx[c.currency]));

  const add = (r: NewBrandRecord): string | undefined => {
    const c = contracts.get(r.contract);
    if (!c) {
      contracts.set(r.contract, {
        rep: r.rep,
        contract: r.contract,
        date: r.date,
        rows: [r.row],
        first: r,
        amount: r.amount,
        currency: r.currency,
        mixedCny: null,
        weighted: null,
      });
      return undefined;
    }
    if (c.rep !== r.rep) return t('rowContractRep', { contract: r.contract, rep: c.rep, row: c.rows[0] });
    if (c.weighted === null) c.weighted = c.first.amountCny.times(c.first.margin);
    c.rows.push(r.row);
    if (r.date < c.date) c.date = r.date;
    if (c.mixedCny === null && r.currency !== c.currency) c.mixedCny = cnyOf(c);
    if (c.mixedCny === null) c.amount = c.amount.plus(r.amount);
    else c.mixedCny = c.mixedCny.plus(r.amountCny);
    c.weighted = c.weighted.plus(r.amountCny.times(r.margin));
    return undefined;
  };

  const finish = (): NewBrandLine[] => {
    const lines: NewBrandLine[] = [];
    for (const c of contracts.values()) {
      if (!inPeriod(c.date, ctx.period)) continue;
      const amountCny = cnyOf(c);
      const margin = c.weighted === null ? c.first.margin : amountCny.isZero() ? new Decimal(0) : c.weighted.div(amountCny);
      const currency = c.mixedCny === null ? c.currency : 'CNY';
      const amount = c.mixedCny === null ? c.amount : c.mixedCny;
      const basis = currency === rules.tierCurrency ? amount : roundHalfUp(amountCny.div(rate));
      const tier = applyTiers(tiers, amountCny);
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
        amountCny,
        margin,
        band: tier.band,
        payMonth: isoOf(edate(c.date, 1)).slice(0, 7),
      });
    }
    return lines;
  };
  return { add, finish };
}

export function newBrandLines(
  records: Iterable<NewBrandRecord>,
  ctx: SchemeContext,
): { lines: NewBrandLine[]; rejected: RejectedRow[] } {
  const engine = newBrandEngine(ctx);
  const rejected: RejectedRow[] = [];
  for (const r of records) {
    const reason = engine.add(r);
    if (reason) rejected.push({ row: r.row, reason });
  }
  return { lines: engine.finish(), rejected };
}
