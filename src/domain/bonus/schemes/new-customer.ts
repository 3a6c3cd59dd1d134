import messages from '../../../i18n/bonus';
import { edate, isoOf, monthAfterQuarter, quarterEnd, quarterLabel, quarterOf, type Period } from '../../calendar';
import { fmtBand, fmtExactMoney, fmtExactPercent, fmtMoney, fmtPercent, fmtRatioPercent, reasonTranslator } from '../format';
import { defineLazy, type NewCustomerInput, type NewCustomerLine, type OrderRef, type SchemeContext } from '../line';
import { OrderStore } from '../order-store';
import { CustomerPairs, PairOrders, PairTally } from './new-customer-pairs';
import { applyTiers } from '../tiers';
import { ZERO, compactDecimal, roundHalfUp, type Decimal } from '../../exact/decimal';
import { copyExact, exactCmp, exactFromDecimal, exactSign, exactTimes, exactToDecimal, exactValue, type ExactValue } from '../../exact/exact-accumulator';

/**
 * Self-developed new-customer bonus, read exactly as docs/rules/bonus/new-customer.md fixes it:
 * - the customer's first order is its earliest over all reps (by date, then row); d0 is its date;
 *   the customer is new for a rep only when that order is the rep's and is marked self-developed;
 *   when it is not marked, nobody earns the bonus for that customer (every line says why);
 * - the window is [d0, EDATE(d0, 3)); at least 3 of the rep's orders must fall inside it;
 * - the margin is Σ amount × margin ÷ Σ amount over those orders (not the plain mean);
 * - an industrial customer's first order needs prepayment ≥ 50 %;
 * - the tier is looked up on the sum of the orders inside the window;
 * - the bonus belongs to the quarter holding the window's last day (the first quarter whose last
 *   day is on or after it) and is paid the month after that quarter.
 */
/** An order row with Decimal amounts (newCustomerLines' input). */
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

export interface NewCustomerResult {
  lines: NewCustomerLine[];
  developments: Development[];
  reps: string[];
  lastDate: number | null;
}

export interface NewCustomerEngine {
  /** One parsed order; the input object may be reused by the caller afterwards. */
  add(o: NewCustomerInput): void;
  /**
   * Settles every pair. With `emit`, each line (of the period) goes to it as soon as it is
   * settled and is not kept — `lines` is then empty — so a million lines never exist at once.
   */
  finish(emit?: (line: NewCustomerLine) => void): NewCustomerResult;
}

/**
 * Collects the orders (see OrderStore), each tagged with its rep–customer pair (see
 * CustomerPairs), then settles each pair. Lines come out per customer in order of first
 * appearance, and per rep within a customer likewise.
 */
export function newCustomerEngine(ctx: SchemeContext): NewCustomerEngine {
  const store = new OrderStore();
  const pairs = new CustomerPairs();
  let lastDate: number | null = null;

  const add = (o: NewCustomerInput): void => {
    store.push(o, pairs.pairOf(o.rep, o.customer, o.date));
    if (lastDate === null || o.date > lastDate) lastDate = o.date;
  };

  const finish = (emit?: (line: NewCustomerLine) => void): NewCustomerResult => {
    const t = reasonTranslator(messages, ctx.lang);
    const r = ctx.rules.newCustomer;
    const industrialTypes = new Set(r.industrialTypes.map((x) => x.trim().toLowerCase()));
    const pct = (x: Decimal) => fmtPercent(x, ctx.lang);
    const bandTexts = r.tiers.bands.map(fmtBand);
    const minMarginText = pct(r.minMargin);
    const minPrepayText = pct(r.minPrepayment);
    const minMargin = exactFromDecimal(r.minMargin, exactValue());
    const minPrepayment = exactFromDecimal(r.minPrepayment, exactValue());
    const industrialOf = new Map<string, boolean>();
    const isIndustrial = (type: string): boolean => {
      let v = industrialOf.get(type);
      if (v === undefined) industrialOf.set(type, (v = industrialTypes.has(type.trim().toLowerCase())));
      return v;
    };
    const settled = new PairOrders(store, pairs);

    // Each customer's window [d0, EDATE(d0, months)), for every rep that ordered for it.
    const customers = pairs.customerCount;
    const windowEnds = new Int32Array(customers);
    for (let c = 0; c < customers; c++) windowEnds[c] = edate(pairs.d0(c), r.windowMonths);
    const tally = new PairTally(pairs.pairCount);
    for (let p = 0; p < pairs.pairCount; p++) {
      const c = pairs.customer(p);
      tally.setWindow(p, pairs.d0(c), windowEnds[c]);
    }
    // One pass over the orders in the order they were stored (a sequential read of the store):
    // per pair, its first order and the orders inside the window.
    const cny = exactValue();
    const margin = exactValue();
    for (let k = 0; k < store.size; k++) {
      const p = store.pair(k);
      const date = store.date(k);
      tally.noteOrder(p, k, date, store.row(k));
      if (tally.inWindow(p, date)) tally.addInWindow(p, store.cny(k, cny), store.margin(k, margin));
    }

    // Per result line only what differs between lines is allocated: figures that repeat (quarters,
    // prepayment shares) are shared, the reason is one flat string, the sum's Decimal trimmed.
    const quarterTexts = new Map<number, { quarterText: string; payMonth: string }>();
    const prepayments = new Map<string, Decimal>();
    const sumX = exactValue();
    const weightedX = exactValue();
    const floor = exactValue();
    const share = exactValue();
    const lines: NewCustomerLine[] = [];
    const take = emit ?? ((line: NewCustomerLine) => lines.push(line));
    const developments: Development[] = [];
    for (let c = 0; c < customers; c++) {
      const customer = pairs.customerName(c);
      const d0 = pairs.d0(c);
      const windowEnd = windowEnds[c];
      const lastDay = windowEnd - 1;
      let texts = quarterTexts.get(lastDay);
      if (texts === undefined) {
        const quarter = quarterOf(lastDay);
        quarterTexts.set(lastDay, (texts = { quarterText: quarterLabel(quarter), payMonth: monthAfterQuarter(quarter, r.payMonthsAfterQuarter) }));
      }
      const { quarterText, payMonth } = texts;
      const window = { from: isoOf(d0), to: isoOf(lastDay), min: r.minOrders };
      // The customer's first order of all: the earliest of its pairs' first orders (date, then row).
      let firstPair = pairs.firstPair(c);
      for (let p = pairs.nextPair(firstPair); p >= 0; p = pairs.nextPair(p)) {
        const date = tally.firstDate(p);
        const best = tally.firstDate(firstPair);
        if (date < best || (date === best && store.row(tally.firstOrder(p)) < store.row(tally.firstOrder(firstPair)))) firstPair = p;
      }
      const customerFirst = tally.firstOrder(firstPair);
      const firstMarked = store.selfDeveloped(customerFirst);
      const firstFacts = { d0: window.from, row: store.row(customerFirst), rep: pairs.repName(firstPair) };
      for (let p = pairs.firstPair(c); p >= 0; p = pairs.nextPair(p)) {
        const rep = pairs.repName(p);
        const first = tally.firstOrder(p);
        const developer = firstMarked && p === firstPair;
        const n = tally.ordersInWindow(p);
        if (developer) developments.push({ rep, customer, d0 });
        const sumCny = compactDecimal(tally.sumCny(p));
        tally.sumCnyExact(p, sumX);
        tally.weightedExact(p, weightedX);
        // The weighted margin Σ amount × margin ÷ Σ amount is compared and shown without dividing
        // (exactly); the quotient itself is computed only if someone reads line.margin.
        const firstMargin = copyExact(store.margin(first, margin), exactValue());
        const noMargin = n !== 1 && exactSign(sumX) === 0;
        const marginOk =
          n === 1 ? exactCmp(firstMargin, minMargin) >= 0 : !noMargin && exactCmp(weightedX, exactTimes(minMargin, sumX, floor)) * exactSign(sumX) >= 0;
        const marginText = n === 1 ? fmtExactPercent(firstMargin, ctx.lang) : noMargin ? '' : fmtRatioPercent(weightedX, sumX, ctx.lang);
        const prepay = store.prepayment(first, share);
        const prepayment = prepay === null ? null : sharedDecimal(prepay, prepayments);
        const industrial = isIndustrial(store.customerType(first));
        const tier = applyTiers(r.tiers, sumCny);

        // Each gate: passed or not, and the message that says so (written only if the reason shows it).
        const gates: Gate[] = [];
        if (!firstMarked) gates.push({ ok: false, key: 'ncFirstUnmarked', params: firstFacts });
        else if (!developer) gates.push({ ok: false, key: 'ncOtherDeveloper', params: firstFacts });
        const enough = n >= r.minOrders;
        gates.push({ ok: enough, key: enough ? 'ncOrdersOk' : 'ncOrdersFew', params: { n, ...window } });
        if (noMargin) gates.push({ ok: false, key: 'ncMarginNone' });
        else gates.push({ ok: marginOk, key: marginOk ? 'ncMarginOk' : 'ncMarginLow', params: { margin: marginText, min: minMarginText } });
        if (industrial) {
          if (prepayment === null) gates.push({ ok: false, key: 'ncPrepayMissing' });
          else {
            const ok = exactCmp(prepay!, minPrepayment) >= 0;
            gates.push({ ok, key: ok ? 'ncPrepayOk' : 'ncPrepayLow', params: { prepay: fmtExactPercent(prepay!, ctx.lang), min: minPrepayText } });
          }
        }
        const sumText =
          tier.band >= 0
            ? t('inBand', { amount: fmtExactMoney(sumX), band: bandTexts[tier.band] })
            : t('inNoBand', { amount: fmtExactMoney(sumX), lowest: bandTexts[0] });
        const eligible = tier.band >= 0 && gates.every((g) => g.ok);
        const bonus = eligible ? roundHalfUp(tier.bonus) : ZERO;
        const reason = eligible
          ? t('eligibleReason', {
              facts: sumText,
              bonus: fmtMoney(bonus),
              gates: [...gates.map((g) => t(g.key, g.params)), t('ncQuarter', { quarter: quarterText, month: payMonth })].join(t('sep')),
            })
          : t('noBonus', { why: [...gates.filter((g) => !g.ok).map((g) => t(g.key, g.params)), ...(tier.band < 0 ? [sumText] : [])].join(t('sep')) });
        const weightedSum = n === 1 || noMargin ? null : copyExact(weightedX, exactValue());

        flatten(reason);
        const line = {
          scheme: 'new-customer',
          rep,
          key: customer,
          customer,
          basis: sumCny,
          basisUnit: 'CNY',
          eligible,
          bonus,
          reason,
          d0,
          repFirst: store.date(first),
          windowEnd,
          developer,
          ordersInWindow: n,
          sumCny,
          industrial,
          prepayment,
          band: tier.band,
          quarter: quarterText,
          payMonth,
        } as NewCustomerLine;
        // Computed on first read: most runs (the CLI's --json, the bench) never read them.
        defineLazy(line, LAZY_FIELDS, new PairFields(settled, p, n === 1 ? firstMargin : weightedSum, n === 1 ? null : sumCny));
        if (inSettlementPeriod(line, ctx.period)) take(line);
      }
    }
    return { lines, developments, reps: pairs.repNames(), lastDate };
  };
  return { add, finish };
}

interface Gate {
  ok: boolean;
  key: keyof (typeof messages)['en-US'] & string;
  params?: Record<string, string | number>;
}

/** The same computation on Decimal records (tests, callers that hold records already). */
export function newCustomerLines(records: Iterable<NewCustomerRecord>, ctx: SchemeContext): NewCustomerResult {
  const engine = newCustomerEngine(ctx);
  for (const rec of records)
    engine.add({
      ...rec,
      amount: exactFromDecimal(rec.amount, exactValue()),
      amountCny: exactFromDecimal(rec.amountCny, exactValue()),
      margin: exactFromDecimal(rec.margin, exactValue()),
      prepayment: rec.prepayment === null ? null : exactFromDecimal(rec.prepayment, exactValue()),
    });
  return engine.finish();
}

const LAZY_FIELDS = ['margin', 'orders', 'rows'] as const;

/** One Decimal per distinct plain value (m × 10^-s) in `cache`; values held as Decimals are returned as they are. */
function sharedDecimal(x: ExactValue, cache: Map<string, Decimal>): Decimal {
  if (x.big !== null) return x.big;
  const key = `${x.m}e${x.s}`;
  let d = cache.get(key);
  if (d === undefined) cache.set(key, (d = compactDecimal(exactToDecimal(x))));
  return d;
}

const ANY = /^/;
/**
 * A reason is built by joining pieces, which V8 keeps as a tree of string pieces until the text is
 * read; a kept line would hold the whole tree. Matching a regular expression flattens the string
 * in place (one flat copy), so the pieces can go.
 */
function flatten(text: string): void {
  ANY.test(text);
}

/** A line's fields computed on first read (see defineLazy). */
class PairFields {
  constructor(
    private readonly pairs: PairOrders,
    private readonly p: number,
    /** The weighted margin is quotient ÷ divisor (the quotient itself when the divisor is null); null: none. */
    private readonly quotient: ExactValue | null,
    private readonly divisor: Decimal | null,
  ) {}

  margin(): Decimal | null {
    if (this.quotient === null) return null;
    const q = exactToDecimal(this.quotient);
    return this.divisor === null ? q : q.div(this.divisor);
  }

  orders(): OrderRef[] {
    return this.pairs.store.orders(this.pairs.ordersOf(this.p));
  }

  rows(): number[] {
    const store = this.pairs.store;
    return Array.from(this.pairs.ordersOf(this.p), (k) => store.row(k));
  }
}

/** The line's quarter ends inside the period (all lines when there is none). */
export function inSettlementPeriod(line: NewCustomerLine, period: Period | undefined): boolean {
  if (!period) return true;
  const q = quarterOf(line.windowEnd - 1);
  const end = quarterEnd(q);
  return end >= period.start && end <= period.end;
}
