import messages from '../i18n/bonus';
import { edate, isoOf, monthAfterQuarter, quarterEnd, quarterLabel, quarterOf, type Period } from './bonus-calendar';
import { fmtBand, fmtExactMoney, fmtExactPercent, fmtMoney, fmtPercent, fmtRatioPercent, reasonTranslator } from './bonus-format';
import { constant, decimalOf, defineLazy, ratio, type NewCustomerInput, type NewCustomerLine, type OrderRef } from './bonus-line';
import type { SchemeContext } from './bonus-new-brand';
import { OrderColumns, groupItems } from './bonus-order-columns';
import { applyTiers } from './bonus-tiers';
import { ZERO, roundHalfUp, type Decimal } from './decimal';
import { ExactSum, copyExact, exactCmp, exactFromDecimal, exactSign, exactTimes, exactToDecimal, exactValue } from './exact-accumulator';

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
  finish(): NewCustomerResult;
}

/**
 * Collects orders into columns (see OrderColumns), each tagged with its rep–customer pair, then
 * settles each pair. Lines come out per customer in order of first appearance, and per rep within
 * a customer likewise.
 */
export function newCustomerEngine(ctx: SchemeContext): NewCustomerEngine {
  const store = new OrderColumns();
  const customerIds = new Map<string, number>();
  const customerNames: string[] = [];
  const customerD0: number[] = [];
  const firstPair: number[] = [];
  const lastPair: number[] = [];
  const repIds = new Map<string, number>();
  const repNames: string[] = [];
  // Rep–customer pairs: the rep, how many orders, the customer's next pair (−1 at the end).
  const pairRep: number[] = [];
  const pairCount: number[] = [];
  const pairNext: number[] = [];
  let lastDate: number | null = null;

  const add = (o: NewCustomerInput): void => {
    let rep = repIds.get(o.rep);
    if (rep === undefined) {
      rep = repNames.length;
      repIds.set(o.rep, rep);
      repNames.push(o.rep);
    }
    let c = customerIds.get(o.customer);
    if (c === undefined) {
      c = customerNames.length;
      customerIds.set(o.customer, c);
      customerNames.push(o.customer);
      customerD0.push(o.date);
      firstPair.push(-1);
      lastPair.push(-1);
    } else if (o.date < customerD0[c]) customerD0[c] = o.date;
    let p = firstPair[c];
    while (p >= 0 && pairRep[p] !== rep) p = pairNext[p];
    if (p < 0) {
      p = pairRep.length;
      pairRep.push(rep);
      pairCount.push(0);
      pairNext.push(-1);
      if (lastPair[c] < 0) firstPair[c] = p;
      else pairNext[lastPair[c]] = p;
      lastPair[c] = p;
    }
    pairCount[p]++;
    store.push(o, p);
    if (lastDate === null || o.date > lastDate) lastDate = o.date;
  };

  const finish = (): NewCustomerResult => {
    const t = reasonTranslator(messages, ctx.lang);
    const r = ctx.rules.newCustomer;
    const industrialTypes = new Set(r.industrialTypes.map((x) => x.trim().toLowerCase()));
    const pct = (x: Decimal) => fmtPercent(x, ctx.lang);
    const bandTexts = r.tiers.bands.map(fmtBand);
    const minMarginText = pct(r.minMargin);
    const minPrepayText = pct(r.minPrepayment);
    const minMargin = exactFromDecimal(r.minMargin, exactValue());
    const industrialOf = new Map<string, boolean>();
    const isIndustrial = (type: string): boolean => {
      let v = industrialOf.get(type);
      if (v === undefined) industrialOf.set(type, (v = industrialTypes.has(type.trim().toLowerCase())));
      return v;
    };
    const rowOf = (k: number) => store.row(k);
    const dateOf = (k: number) => store.date(k);

    // Each pair's orders side by side in `sorted` (a counting sort by pair, arrival order kept).
    const { start, order: sorted } = groupItems(store.size, pairCount, (k) => store.group(k));
    const byDateThenRow = (a: number, b: number) => dateOf(a) - dateOf(b) || rowOf(a) - rowOf(b);

    const sum = new ExactSum();
    const weighted = new ExactSum();
    const sumX = exactValue();
    const weightedX = exactValue();
    const floor = exactValue();
    const cny = exactValue();
    const margin = exactValue();
    const term = exactValue();
    const share = exactValue();
    const lines: NewCustomerLine[] = [];
    const developments: Development[] = [];
    for (let c = 0; c < customerNames.length; c++) {
      const customer = customerNames[c];
      const d0 = customerD0[c];
      const windowEnd = edate(d0, r.windowMonths);
      const lastDay = windowEnd - 1;
      const quarter = quarterOf(lastDay);
      const quarterText = quarterLabel(quarter);
      const payMonth = monthAfterQuarter(quarter, r.payMonthsAfterQuarter);
      const window = { from: isoOf(d0), to: isoOf(lastDay), min: r.minOrders };
      for (let p = firstPair[c]; p >= 0; p = pairNext[p]) {
        const rep = repNames[pairRep[p]];
        const from = start[p];
        const to = start[p + 1];
        // One pass over the pair's orders: the first (earliest date, then row), the developer
        // mark, and the sums inside the window. Date order itself is set only when read.
        let first = sorted[from];
        let developer = false;
        let n = 0;
        sum.reset();
        weighted.reset();
        for (let j = from; j < to; j++) {
          const k = sorted[j];
          if (j > from && byDateThenRow(k, first) < 0) first = k;
          if (store.selfDeveloped(k)) developer = true;
          const date = dateOf(k);
          if (date >= d0 && date < windowEnd) {
            n++;
            store.cny(k, cny);
            sum.add(cny);
            weighted.add(exactTimes(cny, store.margin(k, margin), term));
          }
        }
        const noEarlier = dateOf(first) === d0;
        if (developer && noEarlier) developments.push({ rep, customer, d0 });
        const sumCny = sum.value();
        sum.exact(sumX);
        weighted.exact(weightedX);
        // The weighted margin Σ amount × margin ÷ Σ amount is compared and shown without dividing
        // (exactly); the quotient itself is computed only if someone reads line.margin.
        const firstMargin = copyExact(store.margin(first, margin), exactValue());
        const noMargin = n !== 1 && exactSign(sumX) === 0;
        const marginOk =
          n === 1 ? exactCmp(firstMargin, minMargin) >= 0 : !noMargin && exactCmp(weightedX, exactTimes(minMargin, sumX, floor)) * exactSign(sumX) >= 0;
        const marginText = n === 1 ? fmtExactPercent(firstMargin, ctx.lang) : noMargin ? '' : fmtRatioPercent(weightedX, sumX, ctx.lang);
        const prepay = store.prepayment(first, share);
        const prepayment = prepay === null ? null : exactToDecimal(prepay);
        const industrial = isIndustrial(store.customerType(first));
        const tier = applyTiers(r.tiers, sumCny);

        const gates: { ok: boolean; text: () => string }[] = [];
        if (!developer) gates.push({ ok: false, text: () => t('ncNotDeveloper', { rep }) });
        if (!noEarlier) gates.push({ ok: false, text: () => t('ncEarlierOrder', { d0: window.from, first: isoOf(dateOf(first)) }) });
        const enough = n >= r.minOrders;
        gates.push({ ok: enough, text: () => t(enough ? 'ncOrdersOk' : 'ncOrdersFew', { n, ...window }) });
        if (noMargin) gates.push({ ok: false, text: () => t('ncMarginNone') });
        else gates.push({ ok: marginOk, text: () => t(marginOk ? 'ncMarginOk' : 'ncMarginLow', { margin: marginText, min: minMarginText }) });
        if (industrial) {
          if (prepayment === null) gates.push({ ok: false, text: () => t('ncPrepayMissing') });
          else {
            const ok = prepayment.gte(r.minPrepayment);
            gates.push({ ok, text: () => t(ok ? 'ncPrepayOk' : 'ncPrepayLow', { prepay: pct(prepayment), min: minPrepayText }) });
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
              gates: [...gates.map((g) => g.text()), t('ncQuarter', { quarter: quarterText, month: payMonth })].join(t('sep')),
            })
          : t('noBonus', { why: [...gates.filter((g) => !g.ok).map((g) => g.text()), ...(tier.band < 0 ? [sumText] : [])].join(t('sep')) });
        const weightedSum = n === 1 || noMargin ? null : copyExact(weightedX, exactValue());

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
          repFirst: dateOf(first),
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
        defineLazy(line, {
          margin: n === 1 ? decimalOf(firstMargin) : weightedSum === null ? constant(null) : ratio(weightedSum, sumCny),
          orders: ordersOf(store, sorted, from, to, byDateThenRow),
          rows: rowsOf(store, sorted, from, to, byDateThenRow),
        });
        lines.push(line);
      }
    }
    return { lines: lines.filter((l) => inSettlementPeriod(l, ctx.period)), developments, reps: [...repNames].sort(), lastDate };
  };
  return { add, finish };
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

// Made outside the loop so each closure holds only these (not the loop's other variables).
// Sorting the pair's range in place is idempotent: whichever is read first sorts it.
type Cmp = (a: number, b: number) => number;
function ordersOf(store: OrderColumns, sorted: Int32Array, from: number, to: number, cmp: Cmp): () => OrderRef[] {
  return () => store.orders(sortRange(sorted, from, to, cmp));
}

function rowsOf(store: OrderColumns, sorted: Int32Array, from: number, to: number, cmp: Cmp): () => number[] {
  return () => Array.from(sortRange(sorted, from, to, cmp), (k) => store.row(k));
}

/** Sorts a[from, to) in place (insertion sort for the short runs most pairs have); returns that range. */
function sortRange(a: Int32Array, from: number, to: number, cmp: Cmp): Int32Array {
  const range = a.subarray(from, to);
  if (range.length > 32) return range.sort(cmp);
  for (let k = 1; k < range.length; k++) {
    const x = range[k];
    let j = k - 1;
    while (j >= 0 && cmp(range[j], x) > 0) {
      range[j + 1] = range[j];
      j--;
    }
    range[j + 1] = x;
  }
  return range;
}

/** The line's quarter ends inside the period (all lines when there is none). */
export function inSettlementPeriod(line: NewCustomerLine, period: Period | undefined): boolean {
  if (!period) return true;
  const q = quarterOf(line.windowEnd - 1);
  const end = quarterEnd(q);
  return end >= period.start && end <= period.end;
}
