/**
 * What every formula of the new-customer bonus sheets computes, worked out from the engine's
 * lines instead of by a spreadsheet engine (as sheets/abc/result-values.ts does for ABC): the
 * file stores these beside the formulas of bonus-sheets.ts, so a run of a million order lines
 * never goes through IronCalc, and a user who edits a line still recalculates in Excel.
 * test/xlsx/bonus-streamed.test.ts checks every value against IronCalc evaluating the formulas
 * alone, test/xlsx/bonus-streamed.lo.test.ts against LibreOffice. The rules behind each column
 * are docs/rules/bonus/new-customer.md.
 *
 * Nothing per row is kept but a few integers: a line's orders are read from the run's order
 * store when its rows are written (peekLazy, never kept on the line), a customer at a time.
 */
import { quarterOf } from '../../domain/calendar';
import { peekLazy, type NewCustomerLine, type OrderRef } from '../../domain/bonus/line';
import type { BonusRules } from '../../domain/bonus/rules';
import { Decimal } from '../../domain/exact/decimal';
import { ymdToSerial } from '../../domain/parse/parse-date';

/** The cached values of one line's formula columns on the bonus sheet (C … P). */
export interface NewCustomerRowValues {
  firstOrder: number;
  repFirst: number;
  developer: string;
  windowLast: number;
  ordersIn: number;
  sumIn: number;
  weighted: number | string;
  industrial: string;
  firstPrepay: number | string;
  band: number;
  quarter: string;
  payMonth: number;
  eligible: string;
  bonus: number;
}

/** One row of the orders sheet: the order and what its three formulas compute. */
export interface OrderRowValues {
  customer: string;
  rep: string;
  order: OrderRef;
  rate: number;
  amountCny: number;
  customerFirst: string;
  /** The customer's block on the orders sheet (first and last sheet row). */
  block: [number, number];
}

/** Sums over a run of bonus-sheet rows (a rep's block): what ROWS, COUNTIF and SUM give. */
export interface BlockTotals {
  lines: number;
  eligible: number;
  bonus: number;
}

export class NewCustomerValues {
  /** Line indexes in orders-sheet order: by customer, then rep. */
  private readonly byCustomer: Int32Array;
  /** Per line index: first and last orders-sheet row of its own orders, and of its customer's. */
  private readonly pairFirst: Int32Array;
  private readonly pairLast: Int32Array;
  private readonly customerFirst: Int32Array;
  private readonly customerLast: Int32Array;
  /** Orders-sheet row of each position of byCustomer (one more at the end). */
  private readonly rowOf: Int32Array;
  /** Positions in byCustomer where a customer starts (one more at the end). */
  private readonly groups: Int32Array;
  readonly orderCount: number;
  private readonly rates = new Map<string, number>();
  private last: { k: number; v: NewCustomerRowValues } | undefined;
  private group: { g: number; rows: OrderRowValues[] } | undefined;

  constructor(
    private readonly lines: readonly NewCustomerLine[],
    private readonly rules: BonusRules,
    private readonly text: { yes: string; no: string },
    /** Sheet row of the first order on the orders sheet. */
    readonly ordersFirstRow: number,
  ) {
    const n = lines.length;
    const idx = Int32Array.from({ length: n }, (_, i) => i);
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    idx.sort((a, b) => cmp(lines[a].customer, lines[b].customer) || cmp(lines[a].rep, lines[b].rep) || a - b);
    this.byCustomer = idx;
    this.pairFirst = new Int32Array(n);
    this.pairLast = new Int32Array(n);
    this.customerFirst = new Int32Array(n);
    this.customerLast = new Int32Array(n);
    this.rowOf = new Int32Array(n + 1);
    const groups: number[] = [];
    let row = ordersFirstRow;
    for (let pos = 0; pos < n; pos++) {
      const k = idx[pos];
      if (pos === 0 || lines[idx[pos - 1]].customer !== lines[k].customer) groups.push(pos);
      this.rowOf[pos] = row;
      this.pairFirst[k] = row;
      row += peekLazy(lines[k], 'rows').length;
      this.pairLast[k] = row - 1;
    }
    this.rowOf[n] = row;
    groups.push(n);
    this.groups = Int32Array.from(groups);
    for (let g = 0; g + 1 < groups.length; g++)
      for (let pos = groups[g]; pos < groups[g + 1]; pos++) {
        this.customerFirst[idx[pos]] = this.rowOf[groups[g]];
        this.customerLast[idx[pos]] = this.rowOf[groups[g + 1]] - 1;
      }
    this.orderCount = row - ordersFirstRow;
  }

  /** First and last orders-sheet row of line k's own orders ('pair') or of its customer's. */
  range(k: number, which: 'pair' | 'customer'): [number, number] {
    return which === 'pair' ? [this.pairFirst[k], this.pairLast[k]] : [this.customerFirst[k], this.customerLast[k]];
  }

  /** The rate the Rules sheet's currency table holds (VLOOKUP of the currency). */
  rate(currency: string): number {
    let r = this.rates.get(currency);
    if (r === undefined) this.rates.set(currency, (r = currency === 'CNY' ? 1 : (this.rules.fx[currency]?.toNumber() ?? NaN)));
    return r;
  }

  /** Line k's formula values (the last one asked for is kept: a row's columns ask in turn). */
  at(k: number): NewCustomerRowValues {
    if (this.last?.k === k) return this.last.v;
    const l = this.lines[k];
    const nc = this.rules.newCustomer;
    const windowLast = l.windowEnd - 1;
    const sumIn = l.sumCny.toNumber();
    const margin = peekLazy(l, 'margin');
    const q = quarterOf(windowLast);
    const total = q.year * 12 + (q.q * 3 - 1) + nc.payMonthsAfterQuarter;
    const yn = (b: boolean) => (b ? this.text.yes : this.text.no);
    const v: NewCustomerRowValues = {
      firstOrder: l.d0,
      repFirst: l.repFirst,
      developer: yn(l.developer),
      windowLast,
      ordersIn: l.ordersInWindow,
      sumIn,
      // IF(H=0,"",Σ amount × margin ÷ H): the engine's weighted margin, blank where H is 0.
      weighted: sumIn === 0 || margin === null ? '' : margin.toNumber(),
      industrial: yn(l.industrial),
      firstPrepay: l.prepayment === null ? '' : l.prepayment.toNumber(),
      band: l.band + 1,
      quarter: l.quarter,
      // DATE(year, quarter's last month + months after, 1).
      payMonth: ymdToSerial(Math.floor(total / 12), (total % 12) + 1, 1),
      eligible: yn(l.eligible),
      bonus: l.bonus.toNumber(),
    };
    this.last = { k, v };
    return v;
  }

  /** Row j (0-based) of the orders sheet. Rows are read in order; a customer's orders are read at once. */
  orderRow(j: number): OrderRowValues {
    const row = this.ordersFirstRow + j;
    let g = this.group?.g ?? -1;
    if (g < 0 || row < this.rowOf[this.groups[g]] || row >= this.rowOf[this.groups[g + 1]]) {
      let lo = 0;
      let hi = this.groups.length - 2;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.rowOf[this.groups[mid]] <= row) lo = mid;
        else hi = mid - 1;
      }
      g = lo;
      this.group = { g, rows: this.customerRows(g) };
    }
    return this.group!.rows[row - this.rowOf[this.groups[g]]];
  }

  /** A customer's orders-sheet rows: its lines' orders in turn; the first order of all marked. */
  private customerRows(g: number): OrderRowValues[] {
    const rows: OrderRowValues[] = [];
    const block: [number, number] = [this.rowOf[this.groups[g]], this.rowOf[this.groups[g + 1]] - 1];
    for (let pos = this.groups[g]; pos < this.groups[g + 1]; pos++) {
      const l = this.lines[this.byCustomer[pos]];
      for (const order of peekLazy(l, 'orders')) {
        const rate = this.rate(order.currency);
        rows.push({ customer: l.customer, rep: l.rep, order, rate, amountCny: order.amount.toNumber() * rate, customerFirst: this.text.no, block });
      }
    }
    // The earliest date, and on that date the earliest source row (the formula's MIN and COUNTIFS).
    let first = 0;
    for (let i = 1; i < rows.length; i++) {
      const a = rows[i].order;
      const b = rows[first].order;
      if (a.date < b.date || (a.date === b.date && a.row < b.row)) first = i;
    }
    if (rows.length) rows[first].customerFirst = this.text.yes;
    return rows;
  }

  /** Lines [from, to) of the bonus sheet (indexes): their count, eligible count and bonus sum, summed exactly. */
  totals(from: number, to: number): BlockTotals {
    let eligible = 0;
    let bonus = new Decimal(0);
    for (let k = from; k < to; k++) {
      const l = this.lines[k];
      if (l.eligible) eligible++;
      if (!l.bonus.isZero()) bonus = bonus.plus(l.bonus);
    }
    return { lines: to - from, eligible, bonus: bonus.toNumber() };
  }
}
