import type { Decimal } from '../../exact/decimal';
import { ExactAccumulator, exactTimes, exactValue, type ExactValue } from '../../exact/exact-accumulator';
import { groupItems } from '../../kernels/group-items';
import { IntRecords } from '../../kernels/int-records';
import { TextIds } from '../../kernels/text-ids';
import type { OrderStore } from '../order-store';

/**
 * The bookkeeping behind the new-customer rule (new-customer.ts), in small integer records rather
 * than an object per customer or per order: a million orders over a hundred thousand customers
 * arrive in random order, and each touches one customer record and one pair record.
 */

// A customer's record.
const D0 = 0; // the customer's first order date over all reps
const FIRST_PAIR = 1; // the customer's pairs, a chain in order of appearance (−1: none)
const LAST_PAIR = 2;
const CUSTOMER_FIELDS = 3;

// A rep–customer pair's record.
const REP = 0;
const CUSTOMER = 1;
const NEXT_PAIR = 2; // the customer's next pair (−1: none)
const ORDERS = 3; // the pair's orders
const PAIR_FIELDS = 4;

/**
 * The customers of the orders, each with its first order date over all reps (d0), and the
 * rep–customer pairs: one per rep that ordered for a customer, chained per customer in order of
 * appearance. Customers and reps are numbered in order of appearance.
 */
export class CustomerPairs {
  private readonly customerIds = new TextIds();
  private readonly customers = new IntRecords(CUSTOMER_FIELDS);
  private readonly pairs = new IntRecords(PAIR_FIELDS);
  private readonly repIds = new Map<string, number>();
  private readonly reps: string[] = [];

  /** The pair of an order's rep and customer (made on first sight); the customer's d0 moves back to `date` if it is earlier. */
  pairOf(rep: string, customer: string, date: number): number {
    const r = this.repId(rep);
    const c = this.customerIds.idOf(customer);
    const customers = this.customers;
    if (this.customerIds.isNew) {
      customers.push();
      customers.set(c, D0, date);
      customers.set(c, FIRST_PAIR, -1);
      customers.set(c, LAST_PAIR, -1);
    } else if (date < customers.get(c, D0)) customers.set(c, D0, date);
    let p = customers.get(c, FIRST_PAIR);
    while (p >= 0 && this.pairs.get(p, REP) !== r) p = this.pairs.get(p, NEXT_PAIR);
    if (p < 0) p = this.newPair(r, c);
    this.pairs.increment(p, ORDERS);
    return p;
  }

  get customerCount(): number {
    return this.customers.size;
  }

  customerName(c: number): string {
    return this.customerIds.texts[c];
  }

  d0(c: number): number {
    return this.customers.get(c, D0);
  }

  /** The customer's first pair; −1 when none. */
  firstPair(c: number): number {
    return this.customers.get(c, FIRST_PAIR);
  }

  /** The next pair of the same customer; −1 after the last. */
  nextPair(p: number): number {
    return this.pairs.get(p, NEXT_PAIR);
  }

  get pairCount(): number {
    return this.pairs.size;
  }

  repName(p: number): string {
    return this.reps[this.pairs.get(p, REP)];
  }

  customer(p: number): number {
    return this.pairs.get(p, CUSTOMER);
  }

  orderCount(p: number): number {
    return this.pairs.get(p, ORDERS);
  }

  /** Every rep seen, in name order. */
  repNames(): string[] {
    return [...this.reps].sort();
  }

  private repId(rep: string): number {
    let r = this.repIds.get(rep);
    if (r === undefined) {
      r = this.reps.length;
      this.repIds.set(rep, r);
      this.reps.push(rep);
    }
    return r;
  }

  private newPair(rep: number, c: number): number {
    const p = this.pairs.push();
    this.pairs.set(p, REP, rep);
    this.pairs.set(p, CUSTOMER, c);
    this.pairs.set(p, NEXT_PAIR, -1);
    const last = this.customers.get(c, LAST_PAIR);
    if (last < 0) this.customers.set(c, FIRST_PAIR, p);
    else this.pairs.set(last, NEXT_PAIR, p);
    this.customers.set(c, LAST_PAIR, p);
    return p;
  }
}

// A pair's tally record.
const FROM = 0; // the customer's window [from, to)
const TO = 1;
const FIRST = 2; // the pair's first order (index in the order store; −1: none yet), its date and row
const FIRST_DATE = 3;
const FIRST_ROW = 4;
const IN_WINDOW = 5; // orders inside the window
const TALLY_FIELDS = 8; // 32 bytes: half a cache line

/**
 * What the settlement gathers per pair in one pass over the orders: the pair's first order
 * (earliest date, then row), and the count and
 * exact sums of the orders inside its customer's window — Σ CNY amount and Σ CNY amount × margin.
 */
export class PairTally {
  private readonly records: IntRecords;
  private readonly sums = new ExactAccumulator(); // per pair p: 2p Σ CNY amount, 2p + 1 Σ CNY amount × margin
  private readonly term = exactValue();

  constructor(pairs: number) {
    this.records = new IntRecords(TALLY_FIELDS, pairs);
    for (let p = 0; p < pairs; p++) {
      this.records.push();
      this.records.set(p, FIRST, -1);
      this.sums.push();
      this.sums.push();
    }
  }

  /** The window [from, to) the pair's orders are counted in. */
  setWindow(p: number, from: number, to: number): void {
    this.records.set(p, FROM, from);
    this.records.set(p, TO, to);
  }

  /** Keeps order k as the pair's first order when it is earlier (by date, then row) than the one kept. */
  noteOrder(p: number, k: number, date: number, row: number): void {
    const r = this.records;
    if (r.get(p, FIRST) < 0 || date < r.get(p, FIRST_DATE) || (date === r.get(p, FIRST_DATE) && row < r.get(p, FIRST_ROW))) {
      r.set(p, FIRST, k);
      r.set(p, FIRST_DATE, date);
      r.set(p, FIRST_ROW, row);
    }
  }

  inWindow(p: number, date: number): boolean {
    return date >= this.records.get(p, FROM) && date < this.records.get(p, TO);
  }

  /** One more order inside the window, with its CNY amount and its margin. */
  addInWindow(p: number, cny: ExactValue, margin: ExactValue): void {
    this.records.increment(p, IN_WINDOW);
    this.sums.addExact(2 * p, cny);
    this.sums.addExact(2 * p + 1, exactTimes(cny, margin, this.term));
  }

  /** The pair's first order (its index in the order store). */
  firstOrder(p: number): number {
    return this.records.get(p, FIRST);
  }

  firstDate(p: number): number {
    return this.records.get(p, FIRST_DATE);
  }

  ordersInWindow(p: number): number {
    return this.records.get(p, IN_WINDOW);
  }

  /** Σ CNY amount of the orders inside the window, as a Decimal. */
  sumCny(p: number): Decimal {
    return this.sums.value(2 * p);
  }

  /** Σ CNY amount of the orders inside the window, into `out`. */
  sumCnyExact(p: number, out: ExactValue): ExactValue {
    return this.sums.exact(2 * p, out);
  }

  /** Σ CNY amount × margin of the orders inside the window, into `out`. */
  weightedExact(p: number, out: ExactValue): ExactValue {
    return this.sums.exact(2 * p + 1, out);
  }
}

/** Each pair's orders, for the lines' fields computed on read (line.orders, line.rows): grouped by pair when first asked. */
export class PairOrders {
  private grouped: { start: Int32Array; order: Int32Array } | undefined;
  private readonly byDateThenRow = (a: number, b: number) => this.store.date(a) - this.store.date(b) || this.store.row(a) - this.store.row(b);

  constructor(
    readonly store: OrderStore,
    private readonly pairs: CustomerPairs,
  ) {}

  /** Pair p's orders in date order (then row). */
  ordersOf(p: number): Int32Array {
    // A counting sort by pair (arrival order kept) once; each pair's range is put in date order when read.
    if (this.grouped === undefined) {
      const { pairs, store } = this;
      this.grouped = groupItems(
        store.size,
        pairs.pairCount,
        (q) => pairs.orderCount(q),
        (k) => store.pair(k),
      );
    }
    const { start, order } = this.grouped;
    return sortRange(order, start[p], start[p + 1], this.byDateThenRow);
  }
}

/** Sorts a[from, to) in place (insertion sort for the short runs most pairs have); returns that range. */
function sortRange(a: Int32Array, from: number, to: number, cmp: (x: number, y: number) => number): Int32Array {
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
