import messages from '../../../i18n/bonus';
import { translator, type Lang } from '../../../i18n/define';
import { parseErrorMessage } from '../../../i18n/parse';
import type { OrderInput } from '../line';
import type { Decimal } from '../../exact/decimal';
import { copyExact, exactFromDecimal, exactTimes, exactValue, type ExactValue } from '../../exact/exact-accumulator';
import { cleanTyped } from '../../parse/normalize-text';
import { parseDate } from '../../parse/parse-date';
import { DecimalStyleWatch, plainForStyle } from '../../parse/decimal-style';
import { parseMoney, parsePercent, readScaledMoney, readScaledShare, type NumberStyle } from '../../parse/parse-number';
import { ok, type Parsed } from '../../parse/parse-result';
import { CellMemo } from './cell-memo';

/**
 * Reads the cells of one row at a time for the scheme readers: text, dates, yes/no, shares and
 * money, each either a value or a RowError whose message names the column — the row is then set
 * aside with that reason and the run goes on. Nothing is ever read as 0 or blank silently.
 */

type MessageKey = keyof (typeof messages)['en-US'] & string;

/** A bad cell: the row is set aside with this message. */
export class RowError extends Error {}

/** A column a reader reads: its position in the row (−1 when the table lacks it) and the name messages give it. */
export interface Column {
  index: number;
  name: string;
}

const YES = new Set(['yes', 'y', 'true', '1', '是', '对', '有', '√', '✓', '✔']);
const NO = new Set(['no', 'n', 'false', '0', '否', '不', '不是', '无', '×', '✗', '']);
const CURRENCY_NAMES: Record<string, string> = {
  '¥': 'CNY',
  '￥': 'CNY',
  rmb: 'CNY',
  元: 'CNY',
  人民币: 'CNY',
  $: 'USD',
  us$: 'USD',
  美元: 'USD',
  '€': 'EUR',
  欧元: 'EUR',
};

/** The ISO code for what people write in a currency column (¥, 人民币, us$ …); other text upper-cased. */
export function currencyCode(text: string): string {
  return CURRENCY_NAMES[text.toLowerCase()] ?? text.toUpperCase();
}

/** Text that cleanTyped would return unchanged: printable ASCII, no edge spaces, no leading apostrophe. */
export function isPlainText(s: string): boolean {
  const n = s.length;
  if (n === 0) return false;
  const first = s.charCodeAt(0);
  const last = s.charCodeAt(n - 1);
  if (first < 0x21 || first > 0x7e || first === 0x27 || last < 0x21 || last > 0x7e) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return false;
  }
  return true;
}

/** A fraction (12 %, 0.12) as an exact value. */
function parseShare(cell: unknown, style: NumberStyle): Parsed<ExactValue> {
  const r = parsePercent(cell, style);
  return r.ok ? ok(exactFromDecimal(r.value, exactValue())) : r;
}

export class CellReader {
  private cells: readonly unknown[] = [];
  private rowNumber = 0;
  private readonly t: (key: MessageKey, params?: Record<string, string | number>) => string;
  // Dates and percentages repeat across rows: each distinct cell is parsed once.
  private readonly dates = new CellMemo(parseDate);
  private readonly shares: CellMemo<ExactValue>;
  private readonly numberStyle: NumberStyle;
  /** Amounts and shares written in the other decimal style than the run reads (the run is then refused). */
  readonly style: DecimalStyleWatch;
  // Plain cells are read without a Decimal (parse-number's fast paths) into these.
  private readonly scaled = { m: 0, s: 0 };
  private readonly scaledShare = { m: 0, s: 0 };
  // The last currency text seen and its code, then every one seen: a column usually repeats one.
  private lastGiven = '';
  private lastCode = '';
  private readonly currencyCodes = new Map<string, string>();
  private readonly rates = new Map<string, ExactValue>();

  /**
   * `columns`: field → position, as resolveColumns found them; `fx`: CNY per unit of each
   * currency the run accepts; `decimalComma`: amounts and shares written as text are read with a
   * decimal comma (docs/rules/parsing.md).
   */
  constructor(
    private readonly headers: readonly string[],
    private readonly columns: Readonly<Record<string, number>>,
    private readonly fx: Readonly<Record<string, Decimal>>,
    private readonly lang: Lang,
    private readonly decimalComma = false,
  ) {
    this.t = translator(messages, lang);
    this.numberStyle = { decimalComma };
    this.style = new DecimalStyleWatch(decimalComma);
    this.shares = new CellMemo((cell) => parseShare(cell, this.numberStyle));
  }

  column(field: string): Column {
    const index = this.columns[field];
    return index === undefined ? { index: -1, name: field } : { index, name: this.headers[index] ?? field };
  }

  /** The row the reads below look at, until the next call. */
  at(cells: readonly unknown[], row: number): void {
    this.cells = cells;
    this.rowNumber = row;
  }

  /** A RowError with a message of the bonus catalog (for checks a scheme reader makes itself). */
  error(key: MessageKey, params?: Record<string, string | number>): RowError {
    return new RowError(this.t(key, params));
  }

  raw(c: Column): unknown {
    return c.index < 0 ? undefined : this.cells[c.index];
  }

  /** The cell as text, cleaned of what people type around it; a blank required cell is an error. */
  text(c: Column, required = true): string {
    const v = this.raw(c);
    const s =
      v === null || v === undefined
        ? ''
        : typeof v === 'string' && isPlainText(v)
          ? v
          : v instanceof Date
            ? v.toISOString().slice(0, 10)
            : cleanTyped(String(v));
    if (required && s === '') throw this.error('rowMissing', { field: c.name });
    return s;
  }

  /** A date as a serial. */
  date(c: Column): number {
    return this.need(c, this.dates.read(this.raw(c)));
  }

  /** A date, or null for a blank cell. */
  optionalDate(c: Column): number | null {
    return this.text(c, false) === '' && !(this.raw(c) instanceof Date) ? null : this.date(c);
  }

  yesNo(c: Column): boolean {
    const v = this.raw(c);
    if (typeof v === 'boolean') return v;
    const s = this.text(c, false).toLowerCase();
    if (YES.has(s)) return true;
    if (NO.has(s)) return false;
    throw this.error('rowBadYesNo', { field: c.name, value: s });
  }

  /** A fraction (12 %, 0.12), exactly, into `out`. */
  share(c: Column, out: ExactValue): ExactValue {
    return this.optionalShare(c, out, false)!;
  }

  /** A fraction into `out`, or null for a blank cell (an error unless `optional`). */
  optionalShare(c: Column, out: ExactValue, optional = true): ExactValue | null {
    const v = this.raw(c);
    if (plainForStyle(v, this.decimalComma) && readScaledShare(v, this.scaledShare)) {
      out.m = this.scaledShare.m;
      out.s = this.scaledShare.s;
      out.big = null;
      return out;
    }
    const r = this.shares.read(v);
    if (!r.ok && r.error.code === 'empty' && optional) return null;
    return copyExact(this.need(c, r), out);
  }

  /** An amount with its currency and its value in CNY, as Decimals. */
  money(amount: Column, currency: Column): { amount: Decimal; currency: string; amountCny: Decimal } {
    const m = this.need(amount, parseMoney(this.raw(amount), this.numberStyle));
    const code = this.currencyOf(currency, m.currency);
    return { amount: m.amount, currency: code, amountCny: code === 'CNY' ? m.amount : m.amount.times(this.fx[code]) };
  }

  /**
   * An order's amount, currency and CNY amount into `into`, exactly and without a Decimal for
   * plain cells (parse-number's fast path); everything else goes through parseMoney.
   */
  orderAmount(amount: Column, currency: Column, into: OrderInput): void {
    const v = this.raw(amount);
    let marked: string | undefined;
    if (plainForStyle(v, this.decimalComma) && readScaledMoney(v, this.scaled)) {
      into.amount.m = this.scaled.m;
      into.amount.s = this.scaled.s;
      into.amount.big = null;
    } else {
      const m = this.need(amount, parseMoney(v, this.numberStyle));
      exactFromDecimal(m.amount, into.amount);
      marked = m.currency;
    }
    const code = this.currencyOf(currency, marked);
    into.currency = code;
    if (code === 'CNY') copyExact(into.amount, into.amountCny);
    else {
      let rate = this.rates.get(code);
      if (rate === undefined) this.rates.set(code, (rate = exactFromDecimal(this.fx[code], exactValue())));
      exactTimes(into.amount, rate, into.amountCny);
    }
  }

  /** The row's currency: the currency column, else the amount's own mark, else CNY; it must have a rate. */
  private currencyOf(column: Column, marked: string | undefined): string {
    const given = this.text(column, false);
    let currency: string = marked ?? 'CNY';
    if (given) {
      let code = given === this.lastGiven ? this.lastCode : this.currencyCodes.get(given);
      if (code === undefined) this.currencyCodes.set(given, (code = currencyCode(given)));
      this.lastGiven = given;
      this.lastCode = code;
      if (marked && marked !== code) throw this.error('rowCurrencyConflict', { marked, column: code });
      currency = code;
    }
    if (!this.fx[currency]) throw this.error('rowUnknownCurrency', { currency });
    return currency;
  }

  /** The parsed value, or the RowError that names the column. */
  private need<T>(c: Column, r: Parsed<T>): T {
    if (r.ok) return r.value;
    if (r.error.code === 'empty') throw this.error('rowMissing', { field: c.name });
    this.style.note(r.error, this.rowNumber, c.name);
    throw this.error('rowField', { field: c.name, message: parseErrorMessage(r.error, this.lang) });
  }
}
