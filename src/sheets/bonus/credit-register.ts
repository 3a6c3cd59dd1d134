/**
 * The credit register as the bad-debt split reads it (docs/rules/bonus/bad-debt.md): customer →
 * approver and approved line, from the cells the register's own names point at
 * (Credit_Customers, Credit_Approvers, Credit_Lines). Host-neutral: the CLI gives the file's
 * cells, the add-in what it read from the open workbook, so both compute the same split.
 */
import type { CreditEntry, CreditRegister } from '../../domain/bonus/line';
import { Decimal } from '../../domain/exact/decimal';
import { parseRange, rangeRef } from '../core/a1';
import { sheetOfReference } from '../core/find-sources';
import type { SourceLinks } from '../core/source-link';
import { CREDIT_NAMES } from '../templates/credit';

interface Column {
  col: number;
  top: number;
  bottom: number;
}

/** Where the register's three columns are: the sheet and each column's rows. */
export interface CreditRegisterColumns {
  sheet: string;
  customers: Column;
  approvers: Column;
  lines: Column;
}

/** Column and rows of a single-column reference "'客户授信'!$A$13:$A$22". */
function columnOf(ref: string): Column {
  const range = parseRange(ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, ''));
  return { col: range.left, top: range.top, bottom: range.bottom };
}

/** The register's columns, or undefined when the sources hold no credit sheet with all three names. */
export function creditRegisterColumns(sources: SourceLinks | undefined): CreditRegisterColumns | undefined {
  const source = sources?.credit;
  if (!source) return undefined;
  const refs = [CREDIT_NAMES.customers, CREDIT_NAMES.approvers, CREDIT_NAMES.lines].map((n) => source.names[n]);
  if (refs.some((r) => r === undefined)) return undefined;
  const [customers, approvers, lines] = (refs as string[]).map(columnOf);
  return { sheet: sheetOfReference(refs[0]!) ?? source.sheet, customers, approvers, lines };
}

/** The rectangle covering the three columns ("B12:G21"), for a host to read in one request. */
export function creditRegisterArea(cols: CreditRegisterColumns): string {
  const all = [cols.customers, cols.approvers, cols.lines];
  return rangeRef(
    Math.min(...all.map((c) => c.top)),
    Math.min(...all.map((c) => c.col)),
    Math.max(...all.map((c) => c.bottom)),
    Math.max(...all.map((c) => c.col)),
  );
}

/**
 * The register from its cells (`valueAt(row, col)`, 1-based). Keys are the customer names in
 * lower case (MATCH, which the sheet uses, ignores case); the first row of a customer wins, as
 * MATCH finds it. A line that is blank or not a number is no approved line.
 */
export function creditRegisterFrom(cols: CreditRegisterColumns, valueAt: (row: number, col: number) => unknown): CreditRegister {
  const register = new Map<string, CreditEntry>();
  for (let row = cols.customers.top; row <= cols.customers.bottom; row++) {
    const customer = valueAt(row, cols.customers.col);
    if (customer === null || customer === undefined || String(customer).trim() === '') continue;
    const key = String(customer).toLowerCase();
    if (register.has(key)) continue;
    const approver = valueAt(row, cols.approvers.col);
    const line = valueAt(row, cols.lines.col);
    register.set(key, {
      approver: approver === null || approver === undefined ? '' : String(approver).trim(),
      line: typeof line === 'number' && Number.isFinite(line) ? new Decimal(line) : null,
    });
  }
  return register;
}
