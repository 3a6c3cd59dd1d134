import messages from '../../i18n/bonus';
import { translator, type Lang } from '../../i18n/define';
import { parseErrorMessage } from '../../i18n/parse';
import { badDebtLines, type BadDebtRecord } from './schemes/bad-debt';
import { parsePeriod, type Period } from '../calendar';
import { feeLines, type ContractType, type FeeRecord } from './schemes/fees';
import {
  totalsByRep,
  type BonusLine,
  type BonusScheme,
  type NewBrandInput,
  type NewCustomerInput,
  type OrderInput,
  type RejectedRow,
  type RepTotal,
} from './line';
import { newBrandEngine, type SchemeContext } from './schemes/new-brand';
import { newCustomerEngine } from './schemes/new-customer';
import { penaltyLines, type PenaltyLine } from './schemes/penalty';
import { referralLines, type ReferralRecord } from './schemes/referral';
import { defaultRules, type BonusRules, type MarketScope } from './rules';
import { field, resolveColumns, type FieldDef } from '../parse/column-map';
import type { Decimal } from '../exact/decimal';
import { copyExact, exactFromDecimal, exactTimes, exactValue, type ExactValue } from '../exact/exact-accumulator';
import { cleanTyped } from '../parse/normalize-text';
import { parseDate, serialToIso } from '../parse/parse-date';
import { parseMoney, parsePercent, readScaledMoney, readScaledShare } from '../parse/parse-number';
import type { Parsed } from '../parse/parse-result';
import { watchRows, type RunProgressOptions } from '../run-progress';

/**
 * Runs one bonus scheme on a table of rows as read from a sheet or a file: finds the columns by
 * header, parses every cell (a bad cell sets the row aside with its number and reason, the run
 * goes on), and hands the parsed rows to the scheme's engine. Used by the CLI, the Office layer
 * and the task pane alike.
 */

export interface RowRecordLike {
  rowNumber: number;
  cells: unknown[];
}

export interface BonusTable {
  headers: string[];
  /** Cell arrays, or records carrying their own row number (as openRows yields them). */
  rows?: Iterable<unknown[] | RowRecordLike> | AsyncIterable<unknown[] | RowRecordLike>;
  /** Alternatively, batches of records (openRows().batches): fewer awaits on big files. */
  batches?: AsyncIterable<RowRecordLike[]>;
  /** Row number of the first data row when rows are bare arrays; default 2 (headers on row 1). */
  firstRowNumber?: number;
}

export interface BonusRunOptions extends RunProgressOptions {
  rules?: BonusRules;
  /** CNY per unit, over the rules' own rates (the CLI's --fx). */
  fx?: Record<string, Decimal>;
  /** A Period or its text: 2026Q1, 2026-03, 2026. */
  period?: Period | string;
  lang?: Lang;
  /** field → header, overriding the guess (the CLI's --map). */
  map?: Record<string, string>;
  /** Penalty as-of date (serial); default the period's last day, else the latest order date. */
  asOf?: number;
  /** How many rejected rows to keep with their reason (all are counted); default 1,000. */
  keepRejected?: number;
  /** When the run happened, for the notes on computed cells. */
  computedAt?: Date;
}

export interface BonusRunResult {
  scheme: BonusScheme;
  lang: Lang;
  /** The rules in force, the extra rates merged in. */
  rules: BonusRules;
  period?: Period;
  lines: BonusLine[];
  byRep: RepTotal[];
  rejected: { count: number; rows: RejectedRow[] };
  /** new-customer only: the no-new-customer flags and penalties per rep. */
  penalties?: PenaltyLine[];
  /** field → the header it was read from. */
  columns: Record<string, string>;
  rowsRead: number;
  computedAt: Date;
}

/** Bad input that stops the run before any row is read (missing columns, a missing rate). */
export class BonusInputError extends Error {
  override name = 'BonusInputError';
}

const TYPE_SYNONYMS = ['document', 'document type', 'contract type', 'type', '文件类型', '合同类型', '单据类型', '类型'];

/** The columns each scheme reads; the CLI documents these headers. */
export const SCHEME_FIELDS: Record<BonusScheme, FieldDef[]> = {
  'new-brand': [
    field('rep', true),
    field('contract', true),
    field('date', true),
    field('amount', true, ['new brand amount', '新品牌金额', '新品牌产品金额']),
    field('currency', false),
    field('margin', true, ['average margin', '平均毛利率']),
  ],
  'new-customer': [
    field('rep', true),
    field('customer', true),
    field('date', true),
    field('amount', true),
    field('currency', false),
    field('margin', true),
    field('prepayment', false),
    field('customer_type', false),
    field('self_developed', true, ['developer', '开发人', '自主开发客户']),
  ],
  referral: [
    field('referrer', true, ['referred by', 'old customer', 'introducer', '推荐人', '老客户', '介绍人']),
    field('buyer', true, ['new buyer', 'referred buyer', 'new customer', '新客户', '被推荐人', '新买家', '购买人']),
    field('visit_date', true, ['first visit', 'first visit date', '首次来访日期', '来访日期', '首访日期']),
    field('registered', true, ['registered on first visit', 'confirmation form', '首访登记', '是否登记', '登记', '确认单']),
    field('payment_date', true, ['paid on', 'payment', '付款日期', '成交日期', '到账日期']),
  ],
  fees: [
    field('rep', true),
    field('customer', true),
    field('date', true, ['signing date', 'signed on', '签订日期']),
    field('scope', true, ['market', 'market scope', '市场', '市场范围']),
    field('contract_type', false, TYPE_SYNONYMS),
  ],
  'bad-debt': [
    field('handler', true, ['经办人', '业务员', 'rep']),
    field('approver', false, ['审批人', '批准人']),
    field('customer', true),
    field('amount', true, ['bad debt', '坏账金额', '欠款金额']),
    field('currency', false),
    field('within_credit', true, ['within credit', 'inside credit', 'approved credit', 'in credit line', '信用额度内', '是否在信用额度内']),
  ],
};

const YES = new Set(['yes', 'y', 'true', '1', '是', '对', '有', '√', '✓', '✔']);
const NO = new Set(['no', 'n', 'false', '0', '否', '不', '不是', '无', '×', '✗', '']);
const SCOPES: Record<string, MarketScope> = {
  local: 'local',
  本地: 'local',
  本地市场: 'local',
  domestic: 'domestic',
  national: 'domestic',
  国内: 'domestic',
  国内市场: 'domestic',
  international: 'international',
  overseas: 'international',
  国际: 'international',
  国际市场: 'international',
  海外: 'international',
  境外: 'international',
};
const AGREEMENT = new Set(['agreement', 'cooperation agreement', '合作协议', '协议']);
const CONTRACT = new Set(['contract', 'purchase contract', 'sales contract', '购销合同', '合同', '']);
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

class RowError extends Error {}

/** Distinct dates or percentages remembered per run. */
const MEMO = 100_000;

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

export async function runBonus(scheme: BonusScheme, table: BonusTable, options: BonusRunOptions = {}): Promise<BonusRunResult> {
  const lang = options.lang ?? 'en-US';
  const t = translator(messages, lang);
  const base = options.rules ?? defaultRules();
  const rules: BonusRules = { ...base, fx: { ...base.fx, ...(options.fx ?? {}) } };
  const period = typeof options.period === 'string' ? parsePeriod(options.period) : options.period;
  if (typeof options.period === 'string' && !period) throw new BonusInputError(t('badPeriod', { period: options.period }));
  const keep = options.keepRejected ?? 1000;
  const ctx: SchemeContext = { rules, lang, period };

  const fields = SCHEME_FIELDS[scheme];
  const resolved = resolveColumns(table.headers, fields, options.map ?? {});
  if (resolved.missing.length)
    throw new BonusInputError(t('missingColumns', { fields: resolved.missing.join(', '), headers: table.headers.map((h) => `"${h}"`).join(', ') }));
  const col = resolved.columns;
  const columns: Record<string, string> = {};
  for (const [f, i] of Object.entries(col)) columns[f] = table.headers[i];
  if (scheme === 'new-brand' && !rules.fx[rules.newBrand.tierCurrency])
    throw new BonusInputError(t('noTierRate', { currency: rules.newBrand.tierCurrency }));

  // Cell readers: each throws a RowError naming the column; the row is then set aside.
  let cells: unknown[] = [];
  const name = (f: string) => table.headers[col[f]] ?? f;
  const raw = (f: string): unknown => {
    const i = col[f];
    return i === undefined ? undefined : cells[i];
  };
  const need = <T>(f: string, r: Parsed<T>): T => {
    if (r.ok) return r.value;
    if (r.error.code === 'empty') throw new RowError(t('rowMissing', { field: name(f) }));
    throw new RowError(t('rowField', { field: name(f), message: parseErrorMessage(r.error, lang) }));
  };
  const text = (f: string, required = true): string => {
    const v = raw(f);
    const s =
      v === null || v === undefined
        ? ''
        : typeof v === 'string' && isPlainText(v)
          ? v
          : v instanceof Date
            ? v.toISOString().slice(0, 10)
            : cleanTyped(String(v));
    if (required && s === '') throw new RowError(t('rowMissing', { field: name(f) }));
    return s;
  };
  // Dates and percentages repeat across rows: identical cells parse identically, so each distinct
  // text or number is parsed once (up to MEMO distinct ones). The memos map a cell to a number —
  // for dates the serial (≥ 1) or −1 − the index of the failure; for shares see below — so a
  // lookup dereferences no object.
  const failures: Parsed<never>[] = [];
  const failed = (r: Parsed<unknown>): number => -failures.push(r as Parsed<never>);
  const dateMemo = new Map<unknown, number>();
  const date = (f: string): number => {
    const v = raw(f);
    if (typeof v !== 'string' && typeof v !== 'number') return need(f, parseDate(v));
    let k = dateMemo.get(v);
    if (k === undefined) {
      const r = parseDate(v);
      if (dateMemo.size >= MEMO) return need(f, r);
      dateMemo.set(v, (k = r.ok ? r.value : failed(r)));
    }
    return k > 0 ? k : need(f, failures[-k - 1]);
  };
  const optionalDate = (f: string): number | null => (text(f, false) === '' && !(raw(f) instanceof Date) ? null : date(f));
  const yesNo = (f: string): boolean => {
    const v = raw(f);
    if (typeof v === 'boolean') return v;
    const s = text(f, false).toLowerCase();
    if (YES.has(s)) return true;
    if (NO.has(s)) return false;
    throw new RowError(t('rowBadYesNo', { field: name(f), value: s }));
  };
  const currencyCodes = new Map<string, string>();
  let lastGiven = '';
  let lastCode = '';
  /** The row's currency: the currency column, else the amount's own mark, else CNY; checked against the rates. */
  const currencyOf = (marked: string | undefined): string => {
    const given = text('currency', false);
    let currency: string = marked ?? 'CNY';
    if (given) {
      let c = given === lastGiven ? lastCode : currencyCodes.get(given);
      if (c === undefined) currencyCodes.set(given, (c = currencyCode(given)));
      lastGiven = given;
      lastCode = c;
      if (marked && marked !== c) throw new RowError(t('rowCurrencyConflict', { marked, column: c }));
      currency = c;
    }
    if (!rules.fx[currency]) throw new RowError(t('rowUnknownCurrency', { currency }));
    return currency;
  };
  const money = (): { amount: Decimal; currency: string; amountCny: Decimal } => {
    const m = need('amount', parseMoney(raw('amount')));
    const currency = currencyOf(m.currency);
    return { amount: m.amount, currency, amountCny: currency === 'CNY' ? m.amount : m.amount.times(rules.fx[currency]) };
  };
  // The order schemes read amounts without a Decimal per row: plain decimal cells go through
  // parse-number's fast path into `amount`, everything else through parseMoney.
  const scaled = { m: 0, s: 0 };
  const rates = new Map<string, ExactValue>();
  const exactMoney = (into: OrderInput): void => {
    const v = raw('amount');
    let marked: string | undefined;
    if (readScaledMoney(v, scaled)) {
      into.amount.m = scaled.m;
      into.amount.s = scaled.s;
      into.amount.big = null;
    } else {
      const m = need('amount', parseMoney(v));
      exactFromDecimal(m.amount, into.amount);
      marked = m.currency;
    }
    const currency = currencyOf(marked);
    into.currency = currency;
    if (currency === 'CNY') copyExact(into.amount, into.amountCny);
    else {
      let rate = rates.get(currency);
      if (rate === undefined) rates.set(currency, (rate = exactFromDecimal(rules.fx[currency], exactValue())));
      exactTimes(into.amount, rate, into.amountCny);
    }
  };
  // A fraction (12 %, 0.12) as an exact value, into `out`; an empty cell is null when optional.
  // Memo codes: ≥ 0 the share's index in the share columns, EMPTY, or ≤ −2 a failure.
  const shareMemo = new Map<unknown, number>();
  const shareM: number[] = [];
  const shareS: number[] = [];
  const shareBig: (Decimal | null)[] = [];
  const EMPTY = -1;
  const shareCode = (r: Parsed<Decimal>): number => {
    if (r.ok) {
      const x = exactFromDecimal(r.value, exactValue());
      shareS.push(x.s);
      shareBig.push(x.big);
      return shareM.push(x.m) - 1;
    }
    return r.error.code === 'empty' ? EMPTY : -1 - failures.push(r as Parsed<never>);
  };
  const scaledShare = { m: 0, s: 0 };
  const percent = (f: string, out: ExactValue, optional = false): ExactValue | null => {
    const v = raw(f);
    if (readScaledShare(v, scaledShare)) {
      out.m = scaledShare.m;
      out.s = scaledShare.s;
      out.big = null;
      return out;
    }
    const memo = (typeof v === 'string' || typeof v === 'number') && (shareMemo.size < MEMO || shareMemo.has(v));
    if (!memo) {
      const r = parsePercent(v);
      if (!r.ok && r.error.code === 'empty' && optional) return null;
      return exactFromDecimal(need(f, r), out);
    }
    let k = shareMemo.get(v);
    if (k === undefined) shareMemo.set(v, (k = shareCode(parsePercent(v))));
    if (k === EMPTY) {
      if (optional) return null;
      throw new RowError(t('rowMissing', { field: name(f) }));
    }
    if (k < 0) return need(f, failures[-2 - k]);
    out.m = shareM[k];
    out.s = shareS[k];
    out.big = shareBig[k];
    return out;
  };
  const brandRow: NewBrandInput = { row: 0, rep: '', contract: '', date: 0, amount: exactValue(), currency: '', amountCny: exactValue(), margin: exactValue() };
  const prepayment = exactValue();
  const customerRow: NewCustomerInput = {
    row: 0,
    rep: '',
    customer: '',
    date: 0,
    amount: exactValue(),
    currency: '',
    amountCny: exactValue(),
    margin: exactValue(),
    prepayment: null,
    customerType: '',
    selfDeveloped: false,
  };
  // The cells are read in the same order as ever, so a row with several bad cells names the same one.
  const readers: Record<BonusScheme, (row: number) => unknown> = {
    'new-brand': (row): NewBrandInput => {
      const r = brandRow;
      r.row = row;
      exactMoney(r);
      r.rep = text('rep');
      r.contract = text('contract');
      r.date = date('date');
      percent('margin', r.margin);
      return r;
    },
    'new-customer': (row): NewCustomerInput => {
      const r = customerRow;
      r.row = row;
      exactMoney(r);
      r.rep = text('rep');
      r.customer = text('customer');
      r.date = date('date');
      percent('margin', r.margin);
      r.prepayment = col.prepayment === undefined ? null : percent('prepayment', prepayment, true);
      r.customerType = text('customer_type', false);
      r.selfDeveloped = yesNo('self_developed');
      return r;
    },
    referral: (row): ReferralRecord => ({
      row,
      referrer: text('referrer'),
      buyer: text('buyer'),
      visitDate: optionalDate('visit_date'),
      registered: yesNo('registered'),
      paymentDate: optionalDate('payment_date'),
    }),
    fees: (row): FeeRecord => {
      const scopeText = text('scope');
      const scope = SCOPES[scopeText.toLowerCase().replace(/\s+/g, '')] ?? SCOPES[scopeText.toLowerCase()];
      if (!scope) throw new RowError(t('rowBadScope', { value: scopeText }));
      const typeText = text('contract_type', false).toLowerCase();
      const contractType: ContractType | undefined = AGREEMENT.has(typeText) ? 'agreement' : CONTRACT.has(typeText) ? 'contract' : undefined;
      if (!contractType) throw new RowError(t('rowBadContractType', { value: typeText }));
      return { row, rep: text('rep'), customer: text('customer'), date: date('date'), scope, contractType };
    },
    'bad-debt': (row): BadDebtRecord => {
      const withinCredit = yesNo('within_credit');
      const approver = text('approver', false);
      if (withinCredit && !approver) throw new RowError(t('rowApproverMissing'));
      const m = money();
      return { row, handler: text('handler'), approver, customer: text('customer'), amount: m.amount, currency: m.currency, amountCny: m.amountCny, withinCredit };
    },
  };
  const read = readers[scheme];

  const records: unknown[] = [];
  const rejectedRows: RejectedRow[] = [];
  let rejectedCount = 0;
  let rowsRead = 0;
  const reject = (row: number, reason: string) => {
    rejectedCount++;
    if (rejectedRows.length < keep) rejectedRows.push({ row, reason });
  };
  // New-brand contracts and new-customer orders go to their engines as rows arrive (the row
  // object is reused); the other schemes keep their records until all rows are read.
  const newBrand = scheme === 'new-brand' ? newBrandEngine(ctx) : undefined;
  const newCustomer = scheme === 'new-customer' ? newCustomerEngine(ctx) : undefined;
  const sink = newBrand
    ? (rec: unknown, row: number) => {
        const reason = newBrand.add(rec as NewBrandInput);
        if (reason) reject(row, reason);
      }
    : newCustomer
      ? (rec: unknown) => newCustomer.add(rec as NewCustomerInput)
      : (rec: unknown) => void records.push(rec);
  let next = table.firstRowNumber ?? 2;
  const take = (item: unknown[] | RowRecordLike) => {
    let row: number;
    if (Array.isArray(item)) {
      cells = item;
      row = next++;
    } else {
      cells = item.cells;
      row = item.rowNumber;
    }
    if (isBlankRow(cells)) return;
    rowsRead++;
    let rec: unknown;
    try {
      rec = read(row);
    } catch (err) {
      if (!(err instanceof RowError)) throw err;
      reject(row, err.message);
      return;
    }
    sink(rec, row);
  };
  // Watched (progress, cancel) only when asked: then it pauses every so many rows.
  const watch = watchRows(options);
  if (table.batches)
    for await (const batch of table.batches)
      for (const item of batch) {
        take(item);
        if (watch?.due()) await watch.pause();
      }
  if (table.rows) {
    // A plain iterable is read without an await per row.
    if (Symbol.iterator in table.rows)
      for (const item of table.rows as Iterable<unknown[] | RowRecordLike>) {
        take(item);
        if (watch?.due()) await watch.pause();
      }
    else
      for await (const item of table.rows) {
        take(item);
        if (watch?.due()) await watch.pause();
      }
  }
  watch?.done();

  let lines: BonusLine[];
  let penalties: PenaltyLine[] | undefined;
  switch (scheme) {
    case 'new-brand':
      lines = newBrand!.finish();
      break;
    case 'new-customer': {
      const out = newCustomer!.finish();
      lines = out.lines;
      const asOf = options.asOf ?? period?.end ?? out.lastDate;
      if (asOf !== null && asOf !== undefined) penalties = penaltyLines(out.reps, out.developments, asOf, rules.penalty, lang);
      break;
    }
    case 'referral':
      lines = referralLines(records as ReferralRecord[], ctx);
      break;
    case 'fees':
      lines = feeLines(records as FeeRecord[], ctx);
      break;
    case 'bad-debt':
      lines = badDebtLines(records as BadDebtRecord[], ctx);
      break;
  }
  return {
    scheme,
    lang,
    rules,
    period,
    lines,
    byRep: totalsByRep(lines),
    rejected: { count: rejectedCount, rows: rejectedRows },
    ...(penalties ? { penalties } : {}),
    columns,
    rowsRead,
    computedAt: options.computedAt ?? new Date(),
  };
}

function isBlankRow(cells: unknown[]): boolean {
  for (const c of cells) if (!(c === null || c === undefined || (typeof c === 'string' && c.trim() === ''))) return false;
  return true;
}

/** A line as the CLI's --json prints it: dates as ISO text; basis and bonus stay Decimals (written as exact digits). */
export function lineJson(line: BonusLine): Record<string, unknown> {
  const out: Record<string, unknown> = {
    rep: line.rep,
    key: line.key,
    basis: line.basis,
    basisUnit: line.basisUnit,
    eligible: line.eligible,
    bonus: line.bonus,
  };
  switch (line.scheme) {
    case 'new-brand':
      out.payMonth = line.payMonth;
      break;
    case 'new-customer':
      out.quarter = line.quarter;
      out.payMonth = line.payMonth;
      break;
    case 'referral':
      out.payBy = line.payBy === null ? null : serialToIso(line.payBy);
      break;
    case 'fees':
      out.fee = line.fee;
      out.year = line.year;
      break;
    case 'bad-debt':
      out.role = line.role;
      break;
  }
  out.reason = line.reason;
  return out;
}
