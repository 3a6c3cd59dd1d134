import { Decimal, isDecimal } from '../exact/decimal';
import { cleanTyped } from './normalize-text';
import { fail, ok, type Parsed } from './parse-result';

/**
 * Numbers as people type them (docs/rules/parsing.md): `1,234.5`, `¥1,000`, `$12,000`, `USD 12,000`,
 * `１２３４`, `3万`, `1.2亿`, `(1,000)`, `'1234`, `1,000-` (ERP trailing minus), surrounding spaces,
 * and JS numbers (read through their shortest decimal string, never through binary arithmetic).
 * A decimal comma (`1 234,5`, `1,23`) is out of scope and rejected, never guessed.
 */

export type CurrencyCode = 'CNY' | 'USD' | 'EUR';

export interface Money {
  amount: Decimal;
  /** Set when the text carried a currency mark. */
  currency?: CurrencyCode;
}

const CURRENCY_WORDS: Record<string, CurrencyCode> = {
  '¥': 'CNY',
  rmb: 'CNY',
  cny: 'CNY',
  元: 'CNY',
  人民币: 'CNY',
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  美元: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  欧元: 'EUR',
};

// Letter codes must not run into other letters ("EURO", "USDT" are not currency marks).
const CURRENCY_PREFIX = /^(US\$|(?:USD|RMB|CNY|EUR)(?![A-Za-z])|人民币|美元|欧元|[¥$€])/i;
const CURRENCY_SUFFIX = /((?<![A-Za-z])(?:USD|RMB|CNY|EUR)|人民币|美元|欧元|元|[¥$€])$/i;
const MULTIPLIERS: [string, number][] = [
  ['万亿', 12],
  ['亿', 8],
  ['万', 4],
];

const PLAIN = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const SCIENTIFIC = /^(?:\d+(?:\.\d*)?|\.\d+)[eE][+-]?\d+$/;

/** The largest magnitude a spreadsheet cell holds (Excel's limit; LibreOffice reads more as 0). */
export const MAX_CELL_NUMBER = 9.99999999999999e307;
const MAX_CELL_DECIMAL = new Decimal('9.99999999999999e307');
/** More digits than this in one number is refused (an amount never has them). */
export const MAX_DIGITS = 30;

export interface NumberStyle {
  /**
   * Read text with a decimal comma, as European spreadsheets write it: `1.234,56`, `1 234,5`,
   * `12,5` (a column the user chose to read so; docs/rules/parsing.md). Numbers held as numbers
   * are not affected.
   */
  decimalComma?: boolean;
}

export function parseMoney(input: unknown, style: NumberStyle = {}): Parsed<Money> {
  if (input === null || input === undefined) return fail('empty', input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('not-finite', input);
    if (Math.abs(input) > MAX_CELL_NUMBER) return fail('out-of-range', input);
    // String(n) is the shortest decimal that reads back as n: 0.1 stays 0.1, -0 becomes 0.
    return ok({ amount: new Decimal(String(input)) });
  }
  if (typeof input === 'bigint') return ok({ amount: new Decimal(input.toString()) });
  if (isDecimal(input)) {
    if (!input.isFinite()) return fail('not-finite', input);
    return input.abs().gt(MAX_CELL_DECIMAL) ? fail('out-of-range', input) : ok({ amount: input });
  }
  if (typeof input !== 'string') return fail('not-a-number', input);
  return parseMoneyText(input, style.decimalComma === true);
}

/** Most decimals the fast path below reads (the scale the exact accumulators work with). */
export const MAX_SCALED_PLACES = 15;

/**
 * parseMoney's fast path for the cells that make up big files — JS numbers and plain ASCII
 * decimal texts (`1234.5`, `-1,234.50`, `.5`, `12.`) — read into `out` as m × 10^-s (m a safe
 * integer, s ≤ MAX_SCALED_PLACES) without creating a Decimal. Returns false for anything else
 * (currency marks, spaces, full-width digits, exponents, more digits than a safe integer holds,
 * and every text parseMoney rejects): the caller then asks parseMoney, which decides. When it
 * returns true, parseMoney(input) is ok, has no currency, and its amount is exactly m × 10^-s.
 */
export function readScaledMoney(input: unknown, out: { m: number; s: number }): boolean {
  if (typeof input === 'number') {
    if (Number.isSafeInteger(input)) {
      out.m = input === 0 ? 0 : input; // -0 is 0
      out.s = 0;
      return true;
    }
    // The shortest decimal that reads back as the number, as parseMoney reads it; "1e-7" falls back.
    return Number.isFinite(input) && readScaledText(String(input), out);
  }
  return typeof input === 'string' && readScaledText(input, out);
}

/**
 * parsePercent's fast path, like readScaledMoney: `12.5%` and `-5%` (a plain decimal and a
 * percent sign), and fractions between −1 and 1 written as plain decimals (`0.125`) or JS
 * numbers, read into `out` as m × 10^-s. False for anything else (parsePercent decides). When
 * it returns true, parsePercent(input) is ok and equals m × 10^-s exactly.
 */
export function readScaledShare(input: unknown, out: { m: number; s: number }): boolean {
  if (typeof input === 'string' && input.length > 1 && input.charCodeAt(input.length - 1) === 37) {
    if (!readScaledText(input.slice(0, -1), out) || out.s + 2 > MAX_SCALED_PLACES) return false;
    out.s += 2;
    return true;
  }
  // A bare number above 1 in absolute value is ambiguous (12 % or 1,200 %?): parsePercent rejects it.
  return readScaledMoney(input, out) && Math.abs(out.m) <= 10 ** out.s; // |m × 10^-s| ≤ 1, in integers
}

/** `-`? digits (grouped by commas in threes, or not) then an optional `.` and fraction digits. */
function readScaledText(text: string, out: { m: number; s: number }): boolean {
  const len = text.length;
  let i = 0;
  let negative = false;
  if (len > 0 && text.charCodeAt(0) === 45) {
    negative = true;
    i = 1;
  }
  let m = 0;
  let digits = 0;
  let places = -1; // -1 until the decimal point
  let group = -1; // digits since the last comma; -1 until the first comma
  for (; i < len; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      m = m * 10 + (c - 48);
      // Every step below 2^53 is exact, and a true value past it never rounds back under it.
      if (m > Number.MAX_SAFE_INTEGER) return false;
      digits++;
      if (places >= 0) places++;
      else if (group >= 0 && ++group > 3) return false;
    } else if (c === 46 && places < 0) {
      if (group >= 0 && group !== 3) return false;
      places = 0;
    } else if (c === 44 && places < 0) {
      if (group < 0 ? digits === 0 || digits > 3 : group !== 3) return false;
      group = 0;
    } else return false;
  }
  if (digits === 0 || places > MAX_SCALED_PLACES) return false;
  if (group >= 0 && (places === 0 || (places < 0 && group !== 3))) return false; // "1,234." and "1,23" are not grouped numbers
  out.m = negative && m !== 0 ? -m : m;
  out.s = places < 0 ? 0 : places;
  return true;
}

export function parseDecimal(input: unknown): Parsed<Decimal> {
  const r = parseMoney(input);
  return r.ok ? ok(r.value.amount) : r;
}

/**
 * A percent field: `12%` and `0.12` both give 0.12. A bare number above 1 in absolute value
 * (`12`) is rejected as 'ambiguous-percent' — it could mean 12 % or 1,200 % — rather than
 * guessed; a bare number between −1 and 1 is a fraction, as Excel stores percentages.
 */
export function parsePercent(input: unknown, style: NumberStyle = {}): Parsed<Decimal> {
  if (typeof input === 'string') {
    const s = cleanTyped(input);
    if (s === '') return fail('empty', input);
    if (s.endsWith('%')) {
      const r = parseMoneyText(s.slice(0, -1), style.decimalComma === true);
      if (!r.ok) return fail(r.error.code === 'empty' ? 'not-a-number' : r.error.code, input);
      if (r.value.currency) return fail('not-a-number', input);
      return ok(r.value.amount.div(100));
    }
  }
  const r = parseMoney(input, style);
  if (!r.ok) return r;
  if (r.value.currency) return fail('not-a-number', input);
  if (r.value.amount.abs().gt(1)) return fail('ambiguous-percent', input);
  return ok(r.value.amount);
}

const COMMA_PLAIN = /^(?:\d+(?:,\d*)?|,\d+)$/;
const COMMA_GROUPED = /^\d{1,3}(?:([. ])\d{3})(?:\1\d{3})*(?:,\d+)?$/;

function parseMoneyText(raw: string, decimalComma = false): Parsed<Money> {
  let s = cleanTyped(raw);
  if (s === '') return fail('empty', raw);
  let negative = false;
  let signs = 0;
  let currency: CurrencyCode | undefined;
  const setCurrency = (word: string): boolean => {
    const code = CURRENCY_WORDS[word.toLowerCase()];
    if (currency && currency !== code) return false;
    currency = code;
    return true;
  };
  // Peel signs, parentheses and currency marks from both ends, in any order.
  for (let guard = 0; guard < 8 && s !== ''; guard++) {
    if (s.startsWith('(') && s.endsWith(')')) {
      if (signs++) return fail('not-a-number', raw);
      negative = true;
      s = s.slice(1, -1).trim();
      continue;
    }
    if (s[0] === '-' || s[0] === '+') {
      if (signs++) return fail('not-a-number', raw);
      negative = s[0] === '-';
      s = s.slice(1).trim();
      continue;
    }
    if (s.endsWith('-') && s.length > 1) {
      if (signs++) return fail('not-a-number', raw);
      negative = true;
      s = s.slice(0, -1).trim();
      continue;
    }
    const pre = CURRENCY_PREFIX.exec(s);
    if (pre) {
      if (!setCurrency(pre[1])) return fail('conflicting-currency', raw);
      s = s.slice(pre[1].length).trim();
      continue;
    }
    const post = CURRENCY_SUFFIX.exec(s);
    if (post) {
      if (!setCurrency(post[1])) return fail('conflicting-currency', raw);
      s = s.slice(0, -post[1].length).trim();
      continue;
    }
    break;
  }
  let exponent = 0;
  for (const [word, power] of MULTIPLIERS)
    if (s.endsWith(word)) {
      exponent = power;
      s = s.slice(0, -word.length).trim();
      break;
    }
  // Counted before anything else is done with a text that may be megabytes of digits.
  if (s.length > MAX_DIGITS && countDigits(s) > MAX_DIGITS) return fail('too-many-digits', raw);
  let digits: string;
  if (decimalComma) {
    if (COMMA_PLAIN.test(s)) digits = s.replace(',', '.');
    else if (COMMA_GROUPED.test(s)) digits = s.replace(/[. ]/g, '').replace(',', '.');
    else if (exponent === 0 && SCIENTIFIC.test(s) && !s.includes('.')) digits = s;
    else if (PLAIN.test(s) || GROUPED.test(s)) return fail('decimal-point', raw);
    else return fail('not-a-number', raw);
  } else if (PLAIN.test(s)) digits = s;
  else if (GROUPED.test(s)) digits = s.replace(/,/g, '');
  else if (exponent === 0 && SCIENTIFIC.test(s)) digits = s;
  else if (/^[\d.,\s]+$/.test(s) && /\d[,\s]\d/.test(s)) return fail('decimal-comma', raw);
  else return fail('not-a-number', raw);
  let amount = new Decimal(digits);
  if (!amount.isFinite()) return fail('not-finite', raw);
  if (exponent) amount = amount.times(new Decimal(10).pow(exponent));
  if (amount.abs().gt(MAX_CELL_DECIMAL)) return fail('out-of-range', raw);
  if (negative && !amount.isZero()) amount = amount.neg();
  return ok(currency ? { amount, currency } : { amount });
}

/** Digits of a number's text, not counting an exponent's. */
function countDigits(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 101 || c === 69) break; // e, E
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}
