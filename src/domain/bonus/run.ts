import messages from '../../i18n/bonus';
import { translator, type Lang } from '../../i18n/define';
import { parsePeriod, type Period } from '../calendar';
import { RepTotals, totalsByRep, type BonusLine, type BonusScheme, type CreditRegister, type RejectedRow, type RepTotal } from './line';
import { badDebtReader } from './readers/bad-debt';
import { CellReader, RowError } from './readers/cell-reader';
import { feesReader } from './readers/fees';
import { newBrandReader } from './readers/new-brand';
import { newCustomerReader } from './readers/new-customer';
import { referralReader } from './readers/referral';
import type { SchemeReaderDef } from './readers/scheme-reader';
import type { PenaltyLine } from './schemes/penalty';
import { defaultRules, type BonusRules } from './rules';
import type { Decimal } from '../exact/decimal';
import { resolveColumns, type FieldDef } from '../parse/column-map';
import { serialToIso } from '../parse/parse-date';
import type { RunProgressOptions } from '../run-progress';
import { eachRow, isBlankRow, type TableRows } from '../table-rows';
import { rowProblemText } from '../parse/row-problem';

/**
 * Runs one bonus scheme on a table of rows as read from a sheet or a file: finds the columns by
 * header, reads every row through the scheme's reader (readers/: a bad cell sets the row aside
 * with its number and reason, the run goes on), and returns the engine's lines. Used by the CLI,
 * the Office layer and the task pane alike.
 */

export { currencyCode, isPlainText } from './readers/cell-reader';

export interface BonusTable extends TableRows {
  headers: string[];
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
  /** The credit register of the workbook the run is written into (bad-debt: docs/rules/bonus/bad-debt.md). */
  creditRegister?: CreditRegister;
  /** Penalty as-of date (serial); default the period's last day, else the latest order date. */
  asOf?: number;
  /** How many rejected rows to keep with their reason (all are counted); default 1,000. */
  keepRejected?: number;
  /** When the run happened, for the notes on computed cells. */
  computedAt?: Date;
  /**
   * Read amounts and shares written as text with a decimal comma (`1.234,56`, `12,5 %`). Either
   * way, a column holding a value in the other style refuses the run as a whole
   * (BonusInputError 'decimal-comma-column' / 'decimal-point-column'), never half-read.
   */
  decimalComma?: boolean;
  /** How the front end names the decimal-comma choice in its messages (default: the CLI's option). */
  decimalCommaChoice?: string;
  /**
   * For output written line by line (the CLI's --json): called once every row is read, with what
   * is known by then; the function it returns is given each line as it is settled, and the lines
   * are not kept (the result's `lines` is empty; byRep, penalties and rejected rows as ever). The
   * new-customer engine then never holds more than one line, whatever the number of customers.
   */
  streamLines?: (read: BonusReadSummary) => (line: BonusLine) => void;
}

/** What a run knows once every row is read, before any line is settled. */
export interface BonusReadSummary {
  columns: Record<string, string>;
  rowsRead: number;
  rejected: { count: number; rows: RejectedRow[] };
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
  constructor(
    message: string,
    /** missing-columns: each front end adds how to name them (--map on the command line, the column pickers in the pane). */
    readonly code?: 'missing-columns' | 'decimal-comma-column' | 'decimal-point-column',
  ) {
    super(message);
  }
}

const READERS: Record<BonusScheme, SchemeReaderDef> = {
  'new-brand': newBrandReader,
  'new-customer': newCustomerReader,
  referral: referralReader,
  fees: feesReader,
  'bad-debt': badDebtReader,
};

/** The columns each scheme reads; the CLI documents these headers. */
export const SCHEME_FIELDS: Record<BonusScheme, FieldDef[]> = {
  'new-brand': newBrandReader.fields,
  'new-customer': newCustomerReader.fields,
  referral: referralReader.fields,
  fees: feesReader.fields,
  'bad-debt': badDebtReader.fields,
};

export async function runBonus(scheme: BonusScheme, table: BonusTable, options: BonusRunOptions = {}): Promise<BonusRunResult> {
  const lang = options.lang ?? 'en-US';
  const t = translator(messages, lang);
  const base = options.rules ?? defaultRules();
  const rules: BonusRules = { ...base, fx: { ...base.fx, ...(options.fx ?? {}) } };
  const period = typeof options.period === 'string' ? parsePeriod(options.period) : options.period;
  if (typeof options.period === 'string' && !period) throw new BonusInputError(t('badPeriod', { period: options.period }));
  const keep = options.keepRejected ?? 1000;

  const resolved = resolveColumns(table.headers, SCHEME_FIELDS[scheme], options.map ?? {});
  if (resolved.missing.length)
    throw new BonusInputError(
      t('missingColumns', { fields: resolved.missing.join(', '), headers: table.headers.map((h) => `"${h}"`).join(', ') }),
      'missing-columns',
    );
  const columns: Record<string, string> = {};
  for (const [f, i] of Object.entries(resolved.columns)) columns[f] = table.headers[i];
  if (scheme === 'new-brand' && !rules.fx[rules.newBrand.tierCurrency])
    throw new BonusInputError(t('noTierRate', { currency: rules.newBrand.tierCurrency }));

  const cells = new CellReader(table.headers, resolved.columns, rules.fx, lang, options.decimalComma === true);
  const reader = READERS[scheme].open(cells, { rules, lang, period, asOf: options.asOf, ...(options.creditRegister ? { creditRegister: options.creditRegister } : {}) });
  const rejectedRows: RejectedRow[] = [];
  let rejectedCount = 0;
  let rowsRead = 0;
  await eachRow(table, options, (rowCells, row, problem) => {
    if (isBlankRow(rowCells)) return;
    rowsRead++;
    let reason: string | undefined;
    if (problem) {
      // The file reader could not line the row up with the header: none of its fields can be trusted.
      reason = rowProblemText(problem, lang);
    } else {
      cells.at(rowCells, row);
      try {
        reason = reader.read(row);
      } catch (err) {
        if (!(err instanceof RowError)) throw err;
        reason = err.message;
      }
    }
    if (reason === undefined) return;
    rejectedCount++;
    if (rejectedRows.length < keep) rejectedRows.push({ row, reason });
  });

  const refusal = cells.style.refusal(lang, options.decimalCommaChoice ?? '--decimal-comma');
  if (refusal) throw new BonusInputError(refusal.message, refusal.code);
  const rejected = { count: rejectedCount, rows: rejectedRows };
  let emit: ((line: BonusLine) => void) | undefined;
  const totals = new RepTotals();
  if (options.streamLines) {
    const take = options.streamLines({ columns, rowsRead, rejected });
    emit = (line) => {
      totals.add(line);
      take(line);
    };
  }
  const { lines, penalties } = reader.finish(emit);
  // Readers that keep their lines anyway (the small schemes) hand them on here.
  if (emit) lines.splice(0).forEach(emit);
  return {
    scheme,
    lang,
    rules,
    period,
    lines,
    byRep: emit ? totals.byRep() : totalsByRep(lines),
    rejected,
    ...(penalties ? { penalties } : {}),
    columns,
    rowsRead,
    computedAt: options.computedAt ?? new Date(),
  };
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
