import { Decimal, isDecimal } from './decimal';
import { cleanTyped } from './normalize-text';
import { fail, ok, type Parsed } from './parse-result';

/**
 * Numbers as people type them (DOMAIN §4): `1,234.5`, `¥1,000`, `$12,000`, `USD 12,000`,
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

export function parseMoney(input: unknown): Parsed<Money> {
  if (input === null || input === undefined) return fail('empty', input);
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) return fail('not-finite', input);
    // String(n) is the shortest decimal that reads back as n: 0.1 stays 0.1, -0 becomes 0.
    return ok({ amount: new Decimal(String(input)) });
  }
  if (typeof input === 'bigint') return ok({ amount: new Decimal(input.toString()) });
  if (isDecimal(input)) return input.isFinite() ? ok({ amount: input }) : fail('not-finite', input);
  if (typeof input !== 'string') return fail('not-a-number', input);
  return parseMoneyText(input);
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
export function parsePercent(input: unknown): Parsed<Decimal> {
  if (typeof input === 'string') {
    const s = cleanTyped(input);
    if (s === '') return fail('empty', input);
    if (s.endsWith('%')) {
      const r = parseMoneyText(s.slice(0, -1));
      if (!r.ok) return fail(r.error.code === 'empty' ? 'not-a-number' : r.error.code, input);
      if (r.value.currency) return fail('not-a-number', input);
      return ok(r.value.amount.div(100));
    }
  }
  const r = parseMoney(input);
  if (!r.ok) return r;
  if (r.value.currency) return fail('not-a-number', input);
  if (r.value.amount.abs().gt(1)) return fail('ambiguous-percent', input);
  return ok(r.value.amount);
}

function parseMoneyText(raw: string): Parsed<Money> {
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
  let digits: string;
  if (PLAIN.test(s)) digits = s;
  else if (GROUPED.test(s)) digits = s.replace(/,/g, '');
  else if (exponent === 0 && SCIENTIFIC.test(s)) digits = s;
  else if (/^[\d.,\s]+$/.test(s) && /\d[,\s]\d/.test(s)) return fail('decimal-comma', raw);
  else return fail('not-a-number', raw);
  let amount = new Decimal(digits);
  if (!amount.isFinite()) return fail('not-finite', raw);
  if (exponent) amount = amount.times(new Decimal(10).pow(exponent));
  if (negative && !amount.isZero()) amount = amount.neg();
  return ok(currency ? { amount, currency } : { amount });
}
