import messages from '../i18n/bonus';
import type { Lang } from '../i18n/define';
import { edate, inPeriod, isoOf, type Period } from './bonus-calendar';
import { fmtBand, fmtExactMoney, fmtExactPercent, fmtMoney, fmtPercent, fmtRatioPercent, reasonTranslator } from './bonus-format';
import { constant, decimalOf, defineLazy, ratio, type NewBrandInput, type NewBrandLine, type RejectedRow } from './bonus-line';
import { IntColumn, groupItems } from './bonus-order-columns';
import type { BonusRules } from './bonus-rules';
import { applyTiers, scaleBounds } from './bonus-tiers';
import { Decimal, ZERO, roundHalfUp } from './decimal';
import {
  ExactAccumulator,
  copyExact,
  exactCmp,
  exactDivRound,
  exactFromDecimal,
  exactSign,
  exactTimes,
  exactToDecimal,
  exactValue,
  type ExactValue,
} from './exact-accumulator';

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

export interface NewBrandEngine {
  /** One parsed row (the object may be reused afterwards); returns a rejection reason when the row cannot join its contract. */
  add(r: NewBrandInput): string | undefined;
  finish(): NewBrandLine[];
}

/**
 * Streams rows into contracts (rows are not kept), then settles each contract. Per contract, three
 * exact sums in plain numbers while they fit (ExactAccumulator): the amount in the contract's
 * currency (meaningful while its rows share it), the amount in CNY, and Σ CNY amount × margin.
 */
export function newBrandEngine(ctx: SchemeContext): NewBrandEngine {
  const t = reasonTranslator(messages, ctx.lang);
  const rules = ctx.rules.newBrand;
  const rate = ctx.rules.fx[rules.tierCurrency];
  if (!rate) throw new Error(`no rate for ${rules.tierCurrency}`);
  const tiers = scaleBounds(rules.tiers, rate);
  const ids = new Map<string, number>();
  const names: string[] = [];
  const reps: string[] = [];
  const dates: number[] = [];
  // Every accepted row: its number and its contract; a contract's row list is built when read.
  const rowNumbers = new IntColumn();
  const rowContract = new IntColumn();
  const rowCounts: number[] = [];
  const firstRows: number[] = [];
  const currencies: string[] = [];
  const mixed: boolean[] = [];
  /** The first row's margin: a one-row contract's margin is exactly that (no division). */
  const firstMargins: ExactValue[] = [];
  const amounts = new ExactAccumulator();
  const cnys = new ExactAccumulator();
  const weighted = new ExactAccumulator();
  const term = exactValue();

  const addTo = (acc: ExactAccumulator, id: number, x: ExactValue) => {
    if (x.big === null) acc.addScaled(id, x.m, x.s);
    else acc.add(id, x.big);
  };
  const add = (r: NewBrandInput): string | undefined => {
    let c = ids.get(r.contract);
    if (c === undefined) {
      c = amounts.push();
      cnys.push();
      weighted.push();
      ids.set(r.contract, c);
      names.push(r.contract);
      reps.push(r.rep);
      dates.push(r.date);
      rowCounts.push(0);
      firstRows.push(r.row);
      currencies.push(r.currency);
      mixed.push(false);
      firstMargins.push(r.margin);
    } else {
      if (reps[c] !== r.rep) return t('rowContractRep', { contract: r.contract, rep: reps[c], row: firstRows[c] });
      if (r.date < dates[c]) dates[c] = r.date;
      if (r.currency !== currencies[c]) mixed[c] = true;
    }
    rowNumbers.push(r.row);
    rowContract.push(c);
    rowCounts[c]++;
    if (!mixed[c]) addTo(amounts, c, r.amount);
    addTo(cnys, c, r.amountCny);
    addTo(weighted, c, exactTimes(r.amountCny, r.margin, term));
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
    const contractOf = rowContract.data;
    const byContract = groupItems(rowContract.size, rowCounts, (k) => contractOf[k]);
    for (let c = 0; c < names.length; c++) {
      if (!inPeriod(dates[c], ctx.period)) continue;
      // Σ (amount × rate) is exactly (Σ amount) × rate: one CNY sum serves both cases.
      const amountCny = cnys.value(c);
      cnys.exact(c, cnyX);
      const currency = mixed[c] ? 'CNY' : currencies[c];
      const inCny = currency === 'CNY';
      const amount = inCny ? amountCny : amounts.value(c);
      if (inCny) copyExact(cnyX, amountX);
      else amounts.exact(c, amountX);
      // The basis in the tier currency, rounded once, exactly (no intermediate quotient).
      if (currency === rules.tierCurrency) copyExact(amountX, basisX);
      else exactDivRound(cnyX, rateX, 2, basisX);
      const basis = currency === rules.tierCurrency ? amount : exactToDecimal(basisX);
      const tier = applyTiers(tiers, amountCny);
      // The weighted margin Σ CNY × margin ÷ Σ CNY is compared and shown without dividing; the
      // quotient is computed only if line.margin is read.
      const single = rowCounts[c] === 1;
      const zero = !single && exactSign(cnyX) === 0;
      const weightedSum = single || zero ? null : copyExact(weighted.exact(c, weightedX), exactValue());
      const marginOk = single
        ? exactCmp(firstMargins[c], minMargin) >= 0
        : zero
          ? ZERO.gte(rules.minMargin)
          : exactCmp(weightedX, exactTimes(minMargin, cnyX, floor)) * exactSign(cnyX) >= 0;
      const marginShown = single ? fmtExactPercent(firstMargins[c], ctx.lang) : zero ? fmtPercent(ZERO, ctx.lang) : fmtRatioPercent(weightedX, cnyX, ctx.lang);
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
      const firstMargin = firstMargins[c];

      const line = {
        scheme: 'new-brand',
        rep: reps[c],
        key: names[c],
        basis,
        basisUnit: rules.tierCurrency,
        eligible,
        bonus,
        reason,
        date: dates[c],
        amount,
        currency,
        amountCny,
        band: tier.band,
        payMonth: isoOf(edate(dates[c], 1)).slice(0, 7),
      } as NewBrandLine;
      // Computed on first read: the gate and the reason above did not need the quotient.
      defineLazy(line, {
        margin: single ? decimalOf(firstMargin) : weightedSum === null ? constant(new Decimal(0)) : ratio(weightedSum, amountCny),
        rows: rowsOf(rowNumbers.data, byContract, c),
      });
      lines.push(line);
    }
    return lines;
  };
  return { add, finish };
}

/** Contract c's row numbers, in arrival order. */
function rowsOf(rowNumbers: Int32Array, byContract: { start: Int32Array; order: Int32Array }, c: number): () => number[] {
  return () => Array.from(byContract.order.subarray(byContract.start[c], byContract.start[c + 1]), (i) => rowNumbers[i]);
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
