import type { Decimal } from '../../exact/decimal';
import { ExactAccumulator, copyExact, exactTimes, exactValue, type ExactValue } from '../../exact/exact-accumulator';
import { groupItems } from '../../kernels/group-items';
import { IntColumn, IntRecords } from '../../kernels/int-records';
import { TextIds } from '../../kernels/text-ids';

/**
 * The contracts of a new-brand run as their rows stream in (new-brand.ts): rows are not kept,
 * each contract holds one small integer record and three neighbouring exact sums — what a row
 * touches sits together in memory. The sums stay in plain numbers while they fit
 * (ExactAccumulator): the amount in the contract's currency (kept while its rows share it), the
 * amount in CNY, and Σ CNY amount × margin.
 */

// A contract's record.
const DATE = 0; // the earliest date among its rows
const ROWS = 1;
const FIRST_ROW = 2;
const CURRENCY = 3; // index of its rows' currency, or MIXED
const FIELDS = 4;
const MIXED = -1;
// A contract's sums, ids c × SUMS + …
const AMOUNT = 0; // Σ amount in its currency (kept while the rows share one)
const CNY = 1; // Σ amount in CNY
const WEIGHTED = 2; // Σ CNY amount × margin
const SUMS = 3;

export class Contracts {
  private readonly ids = new TextIds();
  private readonly records = new IntRecords(FIELDS);
  private readonly sums = new ExactAccumulator();
  private readonly reps: string[] = [];
  /** The first row's margin: a one-row contract's margin is exactly that (no division). */
  private readonly firstMargins: ExactValue[] = [];
  private readonly currencyIds = new Map<string, number>();
  private readonly currencies: string[] = [];
  // Every row taken: its number and its contract; a contract's row list is built when read.
  private readonly rowNumbers = new IntColumn();
  private readonly rowContract = new IntColumn();
  private readonly term = exactValue();
  private grouped: { start: Int32Array; order: Int32Array } | undefined;

  /** The contract's number (contracts are numbered in order of appearance); `isNew` then tells whether it was just seen first. */
  idOf(contract: string): number {
    return this.ids.idOf(contract);
  }

  get isNew(): boolean {
    return this.ids.isNew;
  }

  get count(): number {
    return this.ids.size;
  }

  /** Records a new contract's first row: its rep, date, row and margin. */
  open(c: number, rep: string, date: number, row: number, currency: string, margin: ExactValue): void {
    this.records.push();
    this.sums.push();
    this.sums.push();
    this.sums.push();
    this.reps.push(rep);
    this.firstMargins.push(copyExact(margin, exactValue()));
    this.records.set(c, DATE, date);
    this.records.set(c, FIRST_ROW, row);
    this.records.set(c, CURRENCY, this.currencyId(currency));
  }

  /** A later row of the contract: the earliest date is kept, and a second currency makes its currency CNY. */
  join(c: number, date: number, currency: string): void {
    if (date < this.records.get(c, DATE)) this.records.set(c, DATE, date);
    if (this.currencyId(currency) !== this.records.get(c, CURRENCY)) this.records.set(c, CURRENCY, MIXED);
  }

  /** Adds a row's amounts (in its currency and in CNY) and its margin to the contract's sums. */
  addRow(c: number, row: number, amount: ExactValue, amountCny: ExactValue, margin: ExactValue): void {
    this.rowNumbers.push(row);
    this.rowContract.push(c);
    this.records.increment(c, ROWS);
    if (this.records.get(c, CURRENCY) !== MIXED) this.sums.addExact(c * SUMS + AMOUNT, amount);
    this.sums.addExact(c * SUMS + CNY, amountCny);
    this.sums.addExact(c * SUMS + WEIGHTED, exactTimes(amountCny, margin, this.term));
  }

  name(c: number): string {
    return this.ids.texts[c];
  }

  rep(c: number): string {
    return this.reps[c];
  }

  date(c: number): number {
    return this.records.get(c, DATE);
  }

  firstRow(c: number): number {
    return this.records.get(c, FIRST_ROW);
  }

  rowCount(c: number): number {
    return this.records.get(c, ROWS);
  }

  /** The currency the contract's rows share, or CNY when they mix currencies. */
  currency(c: number): string {
    const id = this.records.get(c, CURRENCY);
    return id === MIXED ? 'CNY' : this.currencies[id];
  }

  firstMargin(c: number): ExactValue {
    return this.firstMargins[c];
  }

  /** Σ amount in the contract's currency (meaningful unless its rows mix currencies). */
  amount(c: number): Decimal {
    return this.sums.value(c * SUMS + AMOUNT);
  }

  amountExact(c: number, out: ExactValue): ExactValue {
    return this.sums.exact(c * SUMS + AMOUNT, out);
  }

  amountCny(c: number): Decimal {
    return this.sums.value(c * SUMS + CNY);
  }

  amountCnyExact(c: number, out: ExactValue): ExactValue {
    return this.sums.exact(c * SUMS + CNY, out);
  }

  /** Σ CNY amount × margin, into `out`. */
  weightedExact(c: number, out: ExactValue): ExactValue {
    return this.sums.exact(c * SUMS + WEIGHTED, out);
  }

  /** The contract's row numbers, in the order they were read. */
  rows(c: number): number[] {
    if (this.grouped === undefined) {
      const contractOf = this.rowContract.data;
      this.grouped = groupItems(
        this.rowContract.size,
        this.count,
        (d) => this.rowCount(d),
        (k) => contractOf[k],
      );
    }
    const { start, order } = this.grouped;
    const rowNumbers = this.rowNumbers.data;
    return Array.from(order.subarray(start[c], start[c + 1]), (k) => rowNumbers[k]);
  }

  private currencyId(currency: string): number {
    let id = this.currencyIds.get(currency);
    if (id === undefined) {
      id = this.currencies.length;
      this.currencyIds.set(currency, id);
      this.currencies.push(currency);
    }
    return id;
  }
}
