import messages from '../../../i18n/bonus';
import { edate, inPeriod, isoOf } from '../../calendar';
import { fmtBand, fmtExactMoney, fmtExactPercent, fmtMoney, fmtPercent, fmtRatioPercent, reasonTranslator } from '../format';
import { defineLazy, type NewBrandInput, type NewBrandLine, type RejectedRow, type SchemeContext } from '../line';
import { Contracts } from './new-brand-contracts';
import { applyTiers, scaleBounds } from '../tiers';
import { Decimal, ZERO, roundHalfUp } from '../../exact/decimal';
import { copyExact, exactCmp, exactDivRound, exactFromDecimal, exactSign, exactTimes, exactToDecimal, exactValue, type ExactValue } from '../../exact/exact-accumulator';

/**
 * New-brand contract bonus (docs/rules/bonus/new-brand.md). One line per contract: its new-brand amount,
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

export interface NewBrandEngine {
  /** One parsed row (the object may be reused afterwards); returns a rejection reason when the row cannot join its contract. */
  add(r: NewBrandInput): string | undefined;
  finish(): NewBrandLine[];
}

/**
 * Streams rows into contracts (see Contracts; rows are not kept), then settles each contract.
 */
export function newBrandEngine(ctx: SchemeContext): NewBrandEngine {
  const t = reasonTranslator(messages, ctx.lang);
  const rules = ctx.rules.newBrand;
  const rate = ctx.rules.fx[rules.tierCurrency];
  if (!rate) throw new Error(`no rate for ${rules.tierCurrency}`);
  const tiers = scaleBounds(rules.tiers, rate);
  const contracts = new Contracts();

  const add = (r: NewBrandInput): string | undefined => {
    const c = contracts.idOf(r.contract);
    if (contracts.isNew) contracts.open(c, r.rep, r.date, r.row, r.currency, r.margin);
    else {
      // A contract is one rep's: a row naming another rep is set aside.
      if (contracts.rep(c) !== r.rep) return t('rowContractRep', { contract: r.contract, rep: contracts.rep(c), row: contracts.firstRow(c) });
      contracts.join(c, r.date, r.currency);
    }
    contracts.addRow(c, r.row, r.amount, r.amountCny, r.margin);
    return undefined;
  };

  const finish = (): NewBrandLine[] => {
    const lines: NewBrandLine[] = [];
    const bandTexts = rules.tiers.bands.map(fmtBand);
    const minMarginText = fmtPercent(rules.minMargin, ctx.lang);
    const minMargin = exactFromDecimal(rules.minMargin, exactValue());
    const rateX = exactFromDecimal(rate, exactValue());
    const cnyX = exactValue();
    const amountX = exactValue();
    const weightedX = exactValue();
    const basisX = exactValue();
    const floor = exactValue();
    for (let c = 0; c < contracts.count; c++) {
      const date = contracts.date(c);
      if (!inPeriod(date, ctx.period)) continue;
      // Σ (amount × rate) is exactly (Σ amount) × rate: one CNY sum serves both cases.
      const amountCny = contracts.amountCny(c);
      contracts.amountCnyExact(c, cnyX);
      const currency = contracts.currency(c);
      const inCny = currency === 'CNY';
      const amount = inCny ? amountCny : contracts.amount(c);
      if (inCny) copyExact(cnyX, amountX);
      else contracts.amountExact(c, amountX);
      // The basis in the tier currency, rounded once, exactly (no intermediate quotient).
      if (currency === rules.tierCurrency) copyExact(amountX, basisX);
      else exactDivRound(cnyX, rateX, 2, basisX);
      const basis = currency === rules.tierCurrency ? amount : exactToDecimal(basisX);
      const tier = applyTiers(tiers, amountCny);
      // The weighted margin Σ CNY × margin ÷ Σ CNY is compared and shown without dividing; the
      // quotient is computed only if line.margin is read.
      const firstMargin = contracts.firstMargin(c);
      const single = contracts.rowCount(c) === 1;
      const zero = !single && exactSign(cnyX) === 0;
      const weightedSum = single || zero ? null : copyExact(contracts.weightedExact(c, weightedX), exactValue());
      const marginOk = single
        ? exactCmp(firstMargin, minMargin) >= 0
        : zero
          ? ZERO.gte(rules.minMargin)
          : exactCmp(weightedX, exactTimes(minMargin, cnyX, floor)) * exactSign(cnyX) >= 0;
      const marginShown = single ? fmtExactPercent(firstMargin, ctx.lang) : zero ? fmtPercent(ZERO, ctx.lang) : fmtRatioPercent(weightedX, cnyX, ctx.lang);
      const eligible = tier.band >= 0 && marginOk;
      const bonus = eligible ? roundHalfUp(tier.bonus) : ZERO;

      const shown =
        currency === rules.tierCurrency
          ? fmtExactMoney(amountX, currency)
          : t('converted', { amount: fmtExactMoney(amountX, currency), converted: fmtExactMoney(basisX, rules.tierCurrency) });
      const marginText = t(marginOk ? 'marginOk' : 'marginLow', { margin: marginShown, min: minMarginText });
      const bandText =
        tier.band >= 0
          ? t('inBand', { amount: shown, band: bandTexts[tier.band] })
          : t('inNoBand', { amount: shown, lowest: bandTexts[0] });
      const reason = eligible
        ? t('eligibleReason', { facts: bandText, bonus: fmtMoney(bonus), gates: marginText })
        : t('noBonus', { why: [bandText, marginText].join(t('sep')) });

      const line = {
        scheme: 'new-brand',
        rep: contracts.rep(c),
        key: contracts.name(c),
        basis,
        basisUnit: rules.tierCurrency,
        eligible,
        bonus,
        reason,
        date,
        amount,
        currency,
        amountCny,
        band: tier.band,
        payMonth: isoOf(edate(date, 1)).slice(0, 7),
      } as NewBrandLine;
      // Computed on first read: the gate and the reason above did not need the quotient.
      defineLazy(line, LAZY_FIELDS, new ContractFields(contracts, c, single ? firstMargin : weightedSum, single ? null : amountCny));
      lines.push(line);
    }
    return lines;
  };
  return { add, finish };
}

const LAZY_FIELDS = ['margin', 'rows'] as const;

/** A line's fields computed on first read (see defineLazy). */
class ContractFields {
  constructor(
    private readonly contracts: Contracts,
    private readonly c: number,
    /** The margin is quotient ÷ divisor (the quotient itself when the divisor is null); null: the rows sum to 0. */
    private readonly quotient: ExactValue | null,
    private readonly divisor: Decimal | null,
  ) {}

  margin(): Decimal {
    if (this.quotient === null) return new Decimal(0);
    const q = exactToDecimal(this.quotient);
    return this.divisor === null ? q : q.div(this.divisor);
  }

  rows(): number[] {
    return this.contracts.rows(this.c);
  }
}

export function newBrandLines(
  records: Iterable<NewBrandRecord>,
  ctx: SchemeContext,
): { lines: NewBrandLine[]; rejected: RejectedRow[] } {
  const engine = newBrandEngine(ctx);
  const rejected: RejectedRow[] = [];
  const amount = exactValue();
  const amountCny = exactValue();
  for (const r of records) {
    const reason = engine.add({
      ...r,
      amount: exactFromDecimal(r.amount, amount),
      amountCny: exactFromDecimal(r.amountCny, amountCny),
      margin: exactFromDecimal(r.margin, exactValue()),
    });
    if (reason) rejected.push({ row: r.row, reason });
  }
  return { lines: engine.finish(), rejected };
}
