import abcMessages from '../../i18n/abc';
import { translator, type Lang } from '../../i18n/define';
import { parseErrorMessage } from '../../i18n/parse';
import {
  DEFAULT_ABC_OPTIONS,
  TIERS,
  checkAbcOptions,
  rankAbcDecimal,
  rankAbcScaled,
  type AbcMethod,
  type AbcOptionProblem,
  type AbcOptions,
  type Crossing,
  type Tier,
} from './tiers';
import { findAbcColumns } from './columns';
import { Decimal } from '../exact/decimal';
import { ExactAccumulator, MAX_FAST_SCALE, readPlainDecimal, scaledToDecimal } from '../exact/exact-accumulator';
import { parseMoney, type CurrencyCode } from '../parse/parse-number';
import { DecimalStyleWatch, plainForStyle } from '../parse/decimal-style';
import type { ParseErrorCode } from '../parse/parse-result';
import type { RunProgressOptions } from '../run-progress';
import { eachRow, type TableRows } from '../table-rows';
import { rowProblemText, type RowProblem } from '../parse/row-problem';

/**
 * ABC from a table of rows: finds the customer and value columns, reads every row (rejecting
 * blank customers and unreadable values with their row number and reason), sums values per
 * customer exactly, and ranks. The CLI, the Office layer and the task pane all call this.
 */

export interface AbcTable extends TableRows {
  headers: readonly string[];
}

export interface AbcRunOptions {
  /** Header of the customer column; found by synonyms (客户, Customer, CustomerID …) when absent. */
  customer?: string;
  /** Header of the value column, or a product `Quantity*UnitPrice`; found by synonyms when absent. */
  value?: string;
  /** field → header (`customer`, `value`), as the CLI's --map; `customer`/`value` above win. */
  map?: Record<string, string>;
  method?: AbcMethod;
  /** Fractions, e.g. { a: 0.8, b: 0.95 }. */
  thresholds?: { a: Decimal | number | string; b: Decimal | number | string };
  crossing?: Crossing;
  countShares?: { a: Decimal | number | string; b: Decimal | number | string };
  /** Sum rows per customer (default). false: every row is its own item. */
  group?: boolean;
  /** Language of the rejection reasons. */
  lang?: Lang;
  /** How many rejected rows to keep with their reasons (all are counted). Default 1,000. */
  keepRejected?: number;
  /**
   * Read text values with a decimal comma (`1.234,56`). Without it, a value column that holds any
   * decimal comma is refused as a whole (AbcInputError 'decimal-comma-column'), never half-read.
   */
  decimalComma?: boolean;
  /**
   * The currency of values without a currency mark. Without it, when any value carries a mark,
   * the rows whose values carry none are set aside rather than summed as if they were marked.
   */
  currency?: CurrencyCode;
  /** How the front end names those two choices in its messages (default: the CLI's options). */
  choiceNames?: { decimalComma: string; currency: string };
  /** Progress every `progressEvery` rows and cancellation (see run-progress). */
  onProgress?: RunProgressOptions['onProgress'];
  signal?: AbortSignal;
  progressEvery?: number;
}

export type AbcRejectCode = 'blank-customer' | 'currency-mismatch' | 'currency-missing' | RowProblem['code'] | ParseErrorCode;

export interface AbcRejectedRow {
  row: number;
  /** Header of the offending column. */
  field: string;
  code: AbcRejectCode;
  reason: string;
}

export interface AbcCustomer {
  customer: string;
  value: Decimal;
  /** 1-based position in the ranking (equal values are ordered by name). */
  rank: number;
  share: number;
  /** Share held by customers with a strictly larger value. */
  cumulativeBefore: number;
  tier: Tier;
  /** Rows summed into this customer. */
  rows: number;
  /** Without grouping: the row the item came from. */
  row?: number;
}

export interface AbcNonPositive {
  customer: string;
  value: Decimal;
  rows: number;
  row?: number;
}

export interface AbcTierSummary {
  customers: number;
  value: Decimal;
  customerShare: number;
  valueShare: number;
}

export interface AbcResult {
  method: AbcMethod;
  thresholds: { a: Decimal; b: Decimal };
  crossing: Crossing;
  countShares: { a: Decimal; b: Decimal };
  grouped: boolean;
  /** Headers used: the customer column and the value column(s). */
  columns: { customer: string; value: string[] };
  /** The value is quantity × unit price because the table has no value column (findAbcColumns). */
  valueFromProduct: boolean;
  /** The currency the values were marked with, if any. */
  currency?: CurrencyCode;
  /** Largest number of decimals among the customers' values. */
  scale: number;
  total: Decimal;
  customers: AbcCustomer[];
  nonPositive: AbcNonPositive[];
  summary: Record<Tier, AbcTierSummary>;
  rejected: { count: number; rows: AbcRejectedRow[] };
  /** Data rows read (accepted + rejected). */
  rowsRead: number;
  countCut?: { a: number; ab: number };
}

/** The table cannot be used at all (columns missing, options invalid): nothing was computed. */
export class AbcInputError extends Error {
  constructor(
    readonly code: 'missing-columns' | 'decimal-comma-column' | 'decimal-point-column' | AbcOptionProblem,
    message: string,
    /** missing-columns: what was not found and the headers there were, for each front end to say how to name them. */
    readonly columns?: { missing: string[]; headers: string[] },
  ) {
    super(message);
    this.name = 'AbcInputError';
  }
}

function toDecimal(x: Decimal | number | string): Decimal {
  return typeof x === 'number' ? new Decimal(String(x)) : new Decimal(x);
}

export function resolveAbcOptions(o: AbcRunOptions): AbcOptions {
  return {
    method: o.method ?? DEFAULT_ABC_OPTIONS.method,
    crossing: o.crossing ?? DEFAULT_ABC_OPTIONS.crossing,
    thresholds: o.thresholds ? { a: toDecimal(o.thresholds.a), b: toDecimal(o.thresholds.b) } : DEFAULT_ABC_OPTIONS.thresholds,
    countShares: o.countShares ? { a: toDecimal(o.countShares.a), b: toDecimal(o.countShares.b) } : DEFAULT_ABC_OPTIONS.countShares,
  };
}

export async function runAbc(table: AbcTable, options: AbcRunOptions = {}): Promise<AbcResult> {
  const lang = options.lang ?? 'en-US';
  const t = translator(abcMessages, lang);
  const abc = resolveAbcOptions(options);
  const problems = checkAbcOptions(abc);
  if (problems.length) throw new AbcInputError(problems[0], t(`option.${problems[0]}`));

  const headers = [...table.headers];
  const resolved = findAbcColumns(headers, { customer: options.customer ?? options.map?.customer, value: options.value ?? options.map?.value });
  if (resolved.missing.length || resolved.customer === undefined)
    throw new AbcInputError('missing-columns', t('missingColumns', { missing: resolved.missing.join(', '), headers: headers.join(', ') }), {
      missing: resolved.missing,
      headers,
    });
  const customerCol = resolved.customer;
  const valueCols = resolved.value;
  const valueHeaders = valueCols.map((c) => headers[c]);

  const grouped = options.group !== false;
  const keep = options.keepRejected ?? 1000;
  const ids = new Map<string, number>();
  const names: string[] = [];
  const rowCounts: number[] = [];
  const itemRows: number[] = [];
  let sums = new ExactAccumulator();
  const rejectedRows: AbcRejectedRow[] = [];
  let rejectedCount = 0;
  let rowsRead = 0;
  let currency: CurrencyCode | undefined = options.currency;
  const choices = options.choiceNames ?? { decimalComma: '--decimal-comma', currency: '--currency' };
  const decimalComma = options.decimalComma === true;
  // The first value in the other decimal style refuses the whole run (see DecimalStyleWatch).
  const style = new DecimalStyleWatch(decimalComma);
  /**
   * Rows accepted without a currency mark, kept until a marked value shows the column is marked:
   * then they are taken out of the sums and set aside (docs/rules/abc.md, currencies).
   */
  let marked = options.currency !== undefined;
  const unmarked = { rows: [] as number[], ids: [] as number[], m: [] as number[], s: [] as number[], big: new Map<number, Decimal>() };
  let rowMark: CurrencyCode | undefined;

  const reject = (row: number, fieldName: string, code: AbcRejectCode, reason: string) => {
    rejectedCount++;
    if (rejectedRows.length < keep) rejectedRows.push({ row, field: fieldName, code, reason });
  };
  const fast = { m: 0, s: 0 };
  const factor = { m: 0, s: 0, big: undefined as Decimal | undefined };

  /** Reads one value cell into `factor` (exact); returns false after rejecting the row. */
  const readValue = (cell: unknown, row: number, col: number): boolean => {
    if (typeof cell === 'number' && Number.isSafeInteger(cell)) {
      factor.m = cell;
      factor.s = 0;
      factor.big = undefined;
      return true;
    }
    // With decimal commas, "1.000" is a thousand: only texts without . and , take the fast path.
    if (typeof cell === 'string' && plainForStyle(cell, decimalComma) && readPlainDecimal(cell, fast)) {
      factor.m = fast.m;
      factor.s = fast.s;
      factor.big = undefined;
      return true;
    }
    if (typeof cell === 'number' && Number.isFinite(cell) && readPlainDecimal(String(cell), fast)) {
      factor.m = fast.m;
      factor.s = fast.s;
      factor.big = undefined;
      return true;
    }
    const parsed = parseMoney(cell, { decimalComma });
    if (!parsed.ok) {
      style.note(parsed.error, row, headers[col]);
      reject(row, headers[col], parsed.error.code, t('rejectedValue', { header: headers[col], message: parseErrorMessage(parsed.error, lang) }));
      return false;
    }
    const c = parsed.value.currency;
    if (c) {
      if (currency && currency !== c) {
        reject(row, headers[col], 'currency-mismatch', t('rejectedCurrency', { header: headers[col], found: c, expected: currency }));
        return false;
      }
      currency = c;
      rowMark = c;
    }
    factor.big = parsed.value.amount;
    return true;
  };

  const rejectUnmarked = (row: number) =>
    reject(row, valueHeaders.join('*'), 'currency-missing', t('rejectedNoCurrency', { header: valueHeaders.join('*'), currency: currency ?? '', choice: choices.currency }));

  /** The column turned out to be marked: rows summed without a mark come out of the sums and are set aside. */
  const retractUnmarked = () => {
    for (let k = 0; k < unmarked.rows.length; k++) {
      const id = unmarked.ids[k];
      const big = unmarked.big.get(k);
      if (big !== undefined) sums.add(id, big.neg());
      else sums.addScaled(id, -unmarked.m[k], unmarked.s[k]);
      rowCounts[id]--;
      rejectUnmarked(unmarked.rows[k]);
    }
    unmarked.rows = [];
    unmarked.ids = [];
    unmarked.m = [];
    unmarked.s = [];
    unmarked.big.clear();
  };

  const handle = (cells: readonly unknown[], row: number, problem?: RowProblem) => {
    rowsRead++;
    if (problem) {
      // The file reader could not line the row up with the header: none of its fields can be trusted.
      reject(row, '', problem.code, rowProblemText(problem, lang));
      return;
    }
    const rawCustomer = cells[customerCol];
    const customer = rawCustomer === null || rawCustomer === undefined ? '' : typeof rawCustomer === 'string' ? rawCustomer.trim() : String(rawCustomer).trim();
    if (customer === '') {
      reject(row, headers[customerCol], 'blank-customer', t('rejectedCustomer', { header: headers[customerCol] }));
      return;
    }
    let m = 1;
    let s = 0;
    let big: Decimal | undefined;
    rowMark = undefined;
    for (const col of valueCols) {
      if (!readValue(cells[col], row, col)) return;
      if (factor.big !== undefined || big !== undefined) {
        const current = big ?? scaledToDecimal(m, s);
        big = current.times(factor.big ?? scaledToDecimal(factor.m, factor.s));
      } else {
        const p = m * factor.m;
        if (Number.isSafeInteger(p) && s + factor.s <= MAX_FAST_SCALE) {
          m = p;
          s += factor.s;
        } else big = scaledToDecimal(m, s).times(scaledToDecimal(factor.m, factor.s));
      }
    }
    if (rowMark && !marked) {
      marked = true;
      retractUnmarked();
    } else if (!rowMark && marked && options.currency === undefined) {
      rejectUnmarked(row);
      return;
    }
    let id: number | undefined = grouped ? ids.get(customer) : undefined;
    if (id === undefined) {
      id = sums.push();
      names.push(customer);
      rowCounts.push(0);
      itemRows.push(row);
      if (grouped) ids.set(customer, id);
    }
    rowCounts[id]++;
    if (big !== undefined) sums.add(id, big);
    else sums.addScaled(id, m, s);
    if (!marked) {
      if (big !== undefined) unmarked.big.set(unmarked.rows.length, big);
      unmarked.rows.push(row);
      unmarked.ids.push(id);
      unmarked.m.push(m);
      unmarked.s.push(s);
    }
  };

  await eachRow(table, options, handle);
  unmarked.rows = [];
  const refusal = style.refusal(lang, choices.decimalComma);
  if (refusal) throw new AbcInputError(refusal.code, refusal.message);
  rejectedRows.sort((a, b) => a.row - b.row);
  // Customers whose every row was set aside afterwards (no currency mark) are not customers.
  if (rowCounts.some((n) => n === 0)) {
    const keepIds = names.flatMap((_, i) => (rowCounts[i] > 0 ? [i] : []));
    const compact = new ExactAccumulator();
    for (const i of keepIds) compact.add(compact.push(), sums.value(i));
    names.splice(0, names.length, ...keepIds.map((i) => names[i]));
    const counts = keepIds.map((i) => rowCounts[i]);
    const firstRows = keepIds.map((i) => itemRows[i]);
    rowCounts.splice(0, rowCounts.length, ...counts);
    itemRows.splice(0, itemRows.length, ...firstRows);
    sums = compact;
  }

  const fastValues = sums.scaled();
  const ranking = fastValues ? rankAbcScaled(names, fastValues, abc) : rankAbcDecimal(names, names.map((_, i) => sums.value(i)), abc);
  const scale = fastValues ? fastValues.scale : names.reduce((mx, _, i) => Math.max(mx, sums.value(i).decimalPlaces()), 0);

  const customers: AbcCustomer[] = new Array(ranking.order.length);
  for (let p = 0; p < ranking.order.length; p++) {
    const i = ranking.order[p];
    const c: AbcCustomer = {
      customer: names[i],
      value: sums.value(i),
      rank: p + 1,
      share: ranking.share[p],
      cumulativeBefore: ranking.cumulativeBefore[p],
      tier: TIERS[ranking.tier[i]],
      rows: rowCounts[i],
    };
    if (!grouped) c.row = itemRows[i];
    customers[p] = c;
  }
  const nonPositive: AbcNonPositive[] = Array.from(ranking.nonPositive, (i) => ({
    customer: names[i],
    value: sums.value(i),
    rows: rowCounts[i],
    ...(grouped ? {} : { row: itemRows[i] }),
  }));
  const n = customers.length;
  const summary = {} as Record<Tier, AbcTierSummary>;
  for (const tier of TIERS) {
    const s = ranking.summary[tier];
    summary[tier] = {
      customers: s.customers,
      value: s.value,
      customerShare: n ? s.customers / n : 0,
      valueShare: ranking.total.isZero() ? 0 : s.value.div(ranking.total).toNumber(),
    };
  }
  return {
    method: abc.method,
    thresholds: abc.thresholds,
    crossing: abc.crossing,
    countShares: abc.countShares,
    grouped,
    columns: { customer: headers[customerCol], value: valueHeaders },
    valueFromProduct: resolved.valueFromProduct,
    ...(currency ? { currency } : {}),
    scale,
    total: ranking.total,
    customers,
    nonPositive,
    summary,
    rejected: { count: rejectedCount, rows: rejectedRows },
    rowsRead,
    ...(ranking.countCut ? { countCut: ranking.countCut } : {}),
  };
}

