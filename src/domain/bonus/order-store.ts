import type { NewCustomerInput, OrderRef } from './line';
import type { Decimal } from '../exact/decimal';
import { exactToDecimal, exactValue, type ExactValue } from '../exact/exact-accumulator';

/**
 * The new-customer orders of a run (src/domain/bonus/schemes/new-customer.ts) in one typed buffer, 64 bytes per order, instead of one object
 * (and several Decimals) per row: a million orders take 64 MB that the garbage collector never
 * traces, and everything the settlement reads about an order sits in one cache line (orders
 * arrive in random customer order, so it reads them out of order). Amounts, margins and
 * prepayments are exact: m × 10^-s in plain numbers, or a Decimal on the side when they do not
 * fit. Currencies and customer types are stored once and referenced by index. `orders()` turns
 * rows back into OrderRef objects for the few consumers that need them (the orders sheet).
 */

// The layout of an order: 8 float64 slots = 16 int32 slots over the same bytes.
const F = 8;
const I = 16;
// float64 slots
const AMOUNT = 0;
const CNY = 1;
const MARGIN = 2;
const PREPAY = 3;
// int32 slots
const ROW = 8;
const DATE = 9;
const PAIR = 10; // the rep–customer pair the order belongs to
const SCALES = 11; // amount | cny << 8 | margin << 16 | prepayment << 24
const CURRENCY = 12;
const TYPE = 13;
const SELF = 14;

const BIG = 255; // scale marker: the value is in the side map
const NONE = 254; // scale marker: no value (a prepayment not given)
type Slot = typeof AMOUNT | typeof CNY | typeof MARGIN | typeof PREPAY; // its scale sits at bits slot × 8 of SCALES

export class OrderStore {
  private cap = 1024;
  size = 0;
  private f = new Float64Array(this.cap * F);
  private i = new Int32Array(this.f.buffer);
  private readonly big = new Map<number, Decimal>(); // key: order × 4 + slot
  private readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();

  /** Stores the order as one of the rep–customer pair `pair`'s; returns its index. */
  push(o: NewCustomerInput, pair: number): number {
    if (this.size === this.cap) this.grow();
    const k = this.size++;
    const ints = this.i;
    const b = k * I;
    ints[b + ROW] = o.row;
    ints[b + DATE] = o.date;
    ints[b + PAIR] = pair;
    ints[b + SCALES] = 0;
    ints[b + CURRENCY] = this.textId(o.currency);
    ints[b + TYPE] = this.textId(o.customerType);
    ints[b + SELF] = o.selfDeveloped ? 1 : 0;
    this.put(k, AMOUNT, o.amount);
    this.put(k, CNY, o.amountCny);
    this.put(k, MARGIN, o.margin);
    this.put(k, PREPAY, o.prepayment);
    return k;
  }

  row(k: number): number {
    return this.i[k * I + ROW];
  }

  date(k: number): number {
    return this.i[k * I + DATE];
  }

  pair(k: number): number {
    return this.i[k * I + PAIR];
  }

  selfDeveloped(k: number): boolean {
    return this.i[k * I + SELF] === 1;
  }

  customerType(k: number): string {
    return this.texts[this.i[k * I + TYPE]];
  }

  /** The CNY amount of order k, into `out`. */
  cny(k: number, out: ExactValue): ExactValue {
    return this.get(k, CNY, out)!;
  }

  margin(k: number, out: ExactValue): ExactValue {
    return this.get(k, MARGIN, out)!;
  }

  /** The prepayment share into `out`, or null when none was given. */
  prepayment(k: number, out: ExactValue): ExactValue | null {
    return this.get(k, PREPAY, out);
  }

  /** The orders at these indexes as objects with Decimal fields. */
  orders(indexes: ArrayLike<number>): OrderRef[] {
    const x = exactValue();
    return Array.from(indexes, (k) => {
      const currency = this.texts[this.i[k * I + CURRENCY]];
      const amount = exactToDecimal(this.get(k, AMOUNT, x)!);
      const share = this.get(k, PREPAY, x);
      const prepayment = share === null ? null : exactToDecimal(share);
      return {
        row: this.row(k),
        date: this.date(k),
        amount,
        currency,
        amountCny: currency === 'CNY' ? amount : exactToDecimal(this.get(k, CNY, x)!),
        margin: exactToDecimal(this.get(k, MARGIN, x)!),
        prepayment,
        customerType: this.customerType(k),
        selfDeveloped: this.selfDeveloped(k),
      };
    });
  }

  private put(k: number, slot: Slot, x: ExactValue | null): void {
    let scale: number;
    if (x === null) scale = NONE;
    else if (x.big === null) {
      this.f[k * F + slot] = x.m;
      scale = x.s;
    } else {
      this.big.set(k * 4 + slot, x.big);
      scale = BIG;
    }
    this.i[k * I + SCALES] |= scale << (slot << 3);
  }

  private get(k: number, slot: Slot, out: ExactValue): ExactValue | null {
    const scale = (this.i[k * I + SCALES] >>> (slot << 3)) & 0xff;
    if (scale === NONE) return null;
    if (scale === BIG) out.big = this.big.get(k * 4 + slot)!;
    else {
      out.m = this.f[k * F + slot];
      out.s = scale;
      out.big = null;
    }
    return out;
  }

  private textId(s: string): number {
    let id = this.textIds.get(s);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(s);
      this.textIds.set(s, id);
    }
    return id;
  }

  private grow(): void {
    this.cap *= 2;
    const f = new Float64Array(this.cap * F);
    f.set(this.f);
    this.f = f;
    this.i = new Int32Array(f.buffer);
  }
}
