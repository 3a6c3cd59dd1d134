import messages from '../../../i18n/bonus';
import type { Lang } from '../../../i18n/define';
import { edate, inPeriod, isoOf, type Period } from '../../calendar';
import { fmtBand, fmtExactMoney, fmtExactPercent, fmtMoney, fmtPercent, fmtRatioPercent, reasonTranslator } from '../format';
import { defineLazy, type NewBrandInput, type NewBrandLine, type RejectedRow } from '../line';
import { IntColumn, IntRecords, groupItems } from '../order-store';
import { TextIds } from '../../kernels/text-ids';
import type { BonusRules } from '../rules';
import { applyTiers, scaleBounds } from '../tiers';
import { Decimal, ZERO, roundHalfUp } from '../../exact/decimal';
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
} from '../../exact/exact-accumulator';

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
  const ids = new TextIds();
  const names = ids.texts;
  const reps: string[] = [];
  // Per contract one small record (date, rows, first row, currency: see the field names below)
  // and three neighbouring exact sums — what a row touches sits together in memory.
  const contracts = new IntRecords(4);
  const sums = new ExactAccumulator();
  const currencyIds = new Map<string, number>();
  const currencies: string[] = [];
  /** The first row's margin: a one-row contract's margin is exactly that (no division). */
  const firstMargins: ExactValue[] = [];
  // Every accepted row: its number and its contract; a contract's row list is built when read.
  const rowNumbers = new IntColumn();
  const rowContract = new IntColumn();
  const term = exactValue();

  const addTo = (id: number, x: ExactValue) => {
    if (x.big === null) sums.addScaled(id, x.m, x.s);
    else sums.add(id, x.big);
  };
  const add = (r: NewBrandInput): string | undefined => {
    let currency = currencyIds.get(r.currency);
    if (currency === undefined) {
      currency = currencies.length;
      currencyIds.set(r.currency, currency);
      currencies.push(r.currency);
    }
    const c = ids.idOf(r.contract);
    if (ids.isNew) {
      contracts.push();
      sums.push();
      sums.push();
      sums.push();
      reps.push(r.rep);
      firstMargins.push(copyExact(r.margin, exactValue()));
      const cs = contracts.data;
      cs[c * 4 + DATE] = r.date;
      cs[c * 4 + FIRST_ROW] = r.row;
      cs[c * 4 + CURRENCY] = currency;
    } else {
      const cs = contracts.data;
      if (reps[c] !== r.rep) return t('rowContractRep', { contract: r.contract, rep: reps[c], row: cs[c * 4 + FIRST_ROW] });
      if (r.date < cs[c * 4 + DATE]) cs[c * 4 + DATE] = r.date;
      if (currency !== cs[c * 4 + CURRENCY]) cs[c * 4 + CURRENCY] = MIXED;
    }
    rowNumbers.push(r.row);
    rowContract.push(c);
    const cs = contracts.data;
    cs[c * 4 + ROWS]++;
    if (cs[c * 4 + CURRENCY] !== MIXED) addTo(c * 3 + AMOUNT, r.amount);
    addTo(c * 3 + CNY, r.amountCny);
    addTo(c * 3 + WEIGHTED, exactTimes(r.amountCny, r.margin, term));
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
    const cs = contracts.data;
    const contractOf = rowContract.data;
    const byContract = groupItems(
      rowContract.size,
      contracts.size,
      (c) => cs[c * 4 + ROWS],
      (k) => contractOf[k],
    );
    const settled: SettledContracts = { rowNumbers: rowNumbers.data, ...byContract };
    for (let c = 0; c < names.length; c++) {
      const date = cs[c * 4 + DATE];
      if (!inPeriod(date, ctx.period)) continue;
      // Σ (amount × rate) is exactly (Σ amount) × rate: one CNY sum serves both cases.
      const amountCny = sums.value(c * 3 + CNY);
      sums.exact(c * 3 + CNY, cnyX);
      const currency = cs[c * 4 + CURRENCY] === MIXED ? 'CNY' : currencies[cs[c * 4 + CURRENCY]];
      const inCny = currency === 'CNY';
      const amount = inCny ? amountCny : sums.value(c * 3 + AMOUNT);
      if (inCny) copyExact(cnyX, amountX);
      else sums.exact(c * 3 + AMOUNT, amountX);
      // The basis in the tier currency, rounded once, exactly (no intermediate quotient).
      if (currency === rules.tierCurrency) copyExact(amountX, basisX);
      else exactDivRound(cnyX, rateX, 2, basisX);
      const basis = currency === rules.tierCurrency ? amount : exactToDecimal(basisX);
      const tier = applyTiers(tiers, amountCny);
      // The weighted margin Σ CNY × margin ÷ Σ CNY is compared and shown without dividing; the
      // quotient is computed only if line.margin is read.
      const single = cs[c * 4 + ROWS] === 1;
      const zero = !single && exactSign(cnyX) === 0;
      const weightedSum = single || zero ? null : copyExact(sums.exact(c * 3 + WEIGHTED, weightedX), exactValue());
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
        date,
        amount,
        currency,
        amountCny,
        band: tier.band,
        payMonth: isoOf(edate(date, 1)).slice(0, 7),
      } as NewBrandLine;
      // Computed on first read: the gate and the reason above did not need the quotient.
      defineLazy(line, LAZY_FIELDS, new ContractFields(settled, c, single ? firstMargin : weightedSum, single ? null : amountCny));
      lines.push(line);
    }
    return lines;
  };
  return { add, finish };
}

// Fields of a contract's record, and its three sums (ids c × 3 + …).
const DATE = 0; // the earliest date among its rows
const ROWS = 1;
const FIRST_ROW = 2;
const CURRENCY = 3; // index of its rows' currency, or MIXED
const MIXED = -1;
const AMOUNT = 0; // Σ amount in that currency (kept while the rows share one)
const CNY = 1; // Σ amount in CNY
const WEIGHTED = 2; // Σ CNY amount × margin

interface SettledContracts {
  rowNumbers: Int32Array;
  /** Rows grouped by contract, in arrival order. */
  order: Int32Array;
  start: Int32Array;
}

const LAZY_FIELDS = ['margin', 'rows'] as const;

/** A line's fields computed on first read (see defineLazy). */
class ContractFields {
  constructor(
    private readonly contracts: SettledContracts,
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
    const { rowNumbers, order, start } = this.contracts;
    return Array.from(order.subarray(start[this.c], start[this.c + 1]), (k) => rowNumbers[k]);
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
