import type { NewCustomerInput, OrderRef } from './bonus-line';
import type { Decimal } from './decimal';
import { exactFromDecimal, exactToDecimal, exactValue, type ExactValue } from './exact-accumulator';

/**
 * The new-customer orders of a run, held column by column in typed arrays instead of one object
 * (and several Decimals) per row: a million orders take tens of megabytes and give the garbage
 * collector nothing to trace. Amounts are exact: m × 10^-s in plain numbers, or a Decimal on
 * the side when they do not fit. Repeated margins, prepayments, currencies and customer types
 * are stored once and referenced by index. `orders()` turns rows back into OrderRef objects for
 * the few consumers that need them (the orders sheet).
 */

const BIG = 255; // scale marker: the value is in the side map

export class OrderColumns {
  private cap = 1024;
  size = 0;
  row = new Int32Array(this.cap);
  date = new Int32Array(this.cap);
  /** The caller's group of each order (its rep–customer pair), set by the caller. */
  group = new Int32Array(this.cap);
  selfDeveloped = new Uint8Array(this.cap);
  private amountM = new Float64Array(this.cap);
  private amountS = new Uint8Array(this.cap);
  private cnyM = new Float64Array(this.cap);
  private cnyS = new Uint8Array(this.cap);
  private currency = new Int32Array(this.cap);
  private margin = new Int32Array(this.cap);
  /** −1: none given. */
  private prepayment = new Int32Array(this.cap);
  private type = new Int32Array(this.cap);
  private readonly bigAmount = new Map<number, Decimal>();
  private readonly bigCny = new Map<number, Decimal>();

  /** Distinct Decimals (margins, prepayments), by identity: the run's parse cache hands out one per text. */
  private readonly values: Decimal[] = [];
  private readonly valueExact: ExactValue[] = [];
  private readonly valueIds = new Map<Decimal, number>();
  private readonly texts: string[] = [];
  private readonly textIds = new Map<string, number>();

  /** Stores the order and returns its index. */
  push(o: NewCustomerInput): number {
    if (this.size === this.cap) this.grow();
    const i = this.size++;
    this.row[i] = o.row;
    this.date[i] = o.date;
    this.selfDeveloped[i] = o.selfDeveloped ? 1 : 0;
    this.setExact(this.amountM, this.amountS, this.bigAmount, i, o.amount);
    this.setExact(this.cnyM, this.cnyS, this.bigCny, i, o.amountCny);
    this.currency[i] = this.textId(o.currency);
    this.margin[i] = this.valueId(o.margin);
    this.prepayment[i] = o.prepayment === null ? -1 : this.valueId(o.prepayment);
    this.type[i] = this.textId(o.customerType);
    return i;
  }

  /** The CNY amount of order i, into `out`. */
  cny(i: number, out: ExactValue): ExactValue {
    return this.getExact(this.cnyM, this.cnyS, this.bigCny, i, out);
  }

  /** The margin of order i as a Decimal (the one the parser gave). */
  marginOf(i: number): Decimal {
    return this.values[this.margin[i]];
  }

  /** The margin of order i in plain numbers where it fits (shared: do not modify). */
  marginExact(i: number): ExactValue {
    return this.valueExact[this.margin[i]];
  }

  prepaymentOf(i: number): Decimal | null {
    const p = this.prepayment[i];
    return p < 0 ? null : this.values[p];
  }

  customerTypeOf(i: number): string {
    return this.texts[this.type[i]];
  }

  /** The orders at these indexes as objects with Decimal fields. */
  orders(indexes: ArrayLike<number>): OrderRef[] {
    const tmp = exactValue();
    return Array.from(indexes, (i) => {
      const currency = this.texts[this.currency[i]];
      const amount = exactToDecimal(this.getExact(this.amountM, this.amountS, this.bigAmount, i, tmp));
      return {
        row: this.row[i],
        date: this.date[i],
        amount,
        currency,
        amountCny: currency === 'CNY' ? amount : exactToDecimal(this.cny(i, tmp)),
        margin: this.marginOf(i),
        prepayment: this.prepaymentOf(i),
        customerType: this.customerTypeOf(i),
        selfDeveloped: this.selfDeveloped[i] === 1,
      };
    });
  }

  private setExact(ms: Float64Array, ss: Uint8Array, big: Map<number, Decimal>, i: number, x: ExactValue): void {
    if (x.big === null) {
      ms[i] = x.m;
      ss[i] = x.s;
    } else {
      ss[i] = BIG;
      big.set(i, x.big);
    }
  }

  private getExact(ms: Float64Array, ss: Uint8Array, big: Map<number, Decimal>, i: number, out: ExactValue): ExactValue {
    const s = ss[i];
    if (s === BIG) {
      out.big = big.get(i)!;
    } else {
      out.m = ms[i];
      out.s = s;
      out.big = null;
    }
    return out;
  }

  private valueId(d: Decimal): number {
    let id = this.valueIds.get(d);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(d);
      this.valueExact.push(exactFromDecimal(d, exactValue()));
      this.valueIds.set(d, id);
    }
    return id;
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
    const bigger = <A extends Int32Array | Uint8Array | Float64Array>(a: A): A => {
      const b = new (a.constructor as new (n: number) => A)(this.cap);
      b.set(a);
      return b;
    };
    this.row = bigger(this.row);
    this.date = bigger(this.date);
    this.group = bigger(this.group);
    this.selfDeveloped = bigger(this.selfDeveloped);
    this.amountM = bigger(this.amountM);
    this.amountS = bigger(this.amountS);
    this.cnyM = bigger(this.cnyM);
    this.cnyS = bigger(this.cnyS);
    this.currency = bigger(this.currency);
    this.margin = bigger(this.margin);
    this.prepayment = bigger(this.prepayment);
    this.type = bigger(this.type);
  }
}

/** A growable column of 32-bit integers. */
export class IntColumn {
  data = new Int32Array(1024);
  size = 0;

  push(v: number): void {
    if (this.size === this.data.length) {
      const bigger = new Int32Array(this.size * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.size++] = v;
  }
}

/**
 * Items 0…size−1 ordered by group (a counting sort; arrival order kept within a group):
 * group g's items are order[start[g]] … order[start[g + 1] − 1].
 */
export function groupItems(groupOf: Int32Array, size: number, counts: readonly number[]): { start: Int32Array; order: Int32Array } {
  const groups = counts.length;
  const start = new Int32Array(groups + 1);
  for (let g = 0; g < groups; g++) start[g + 1] = start[g] + counts[g];
  const fill = start.slice(0, groups);
  const order = new Int32Array(size);
  for (let i = 0; i < size; i++) order[fill[groupOf[i]]++] = i;
  return { start, order };
}
