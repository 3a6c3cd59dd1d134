/**
 * The credit register of a workbook read as values (docs/rules/bonus/bad-debt.md): customer →
 * approver and approved line, from the cells the register's names point at (Credit_Customers,
 * Credit_Approvers, Credit_Lines), as the file stores them. The bad-debt engine splits each debt
 * by it, so the reasons and totals it writes agree with the sheet's formulas over the same cells.
 */
import type { CreditRegister, CreditEntry } from '../../domain/bonus/line';
import { Decimal } from '../../domain/exact/decimal';
import { parseRange } from '../../sheets/core/a1';
import type { SourceLinks } from '../../sheets/core/source-link';
import { CREDIT_NAMES } from '../../sheets/templates/credit';
import { openXlsxBook } from '../read/xlsx-book';
import { sheetOfReference } from './source-sheets';

/** Column and rows of a single-column reference "'客户授信'!$A$13:$A$22". */
function columnOf(ref: string): { col: number; top: number; bottom: number } {
  const range = parseRange(ref.slice(ref.lastIndexOf('!') + 1));
  return { col: range.left, top: range.top, bottom: range.bottom };
}

/**
 * The register, or undefined when the workbook holds none with all three names. Keys are the
 * customer names in lower case (MATCH, which the sheet uses, ignores case); the first row of a
 * customer wins, as MATCH finds it. A line that is blank or not a number is no approved line.
 */
export function readCreditRegister(bytes: Uint8Array, sources: SourceLinks | undefined): CreditRegister | undefined {
  const source = sources?.credit;
  const refs = source && [CREDIT_NAMES.customers, CREDIT_NAMES.approvers, CREDIT_NAMES.lines].map((n) => source.names[n]);
  if (!source || !refs || refs.some((r) => r === undefined)) return undefined;
  const [customers, approvers, lines] = (refs as string[]).map(columnOf);
  const book = openXlsxBook(bytes);
  const sheetName = sheetOfReference(refs[0]!) ?? source.sheet;
  const sheet = book.sheets.find((s) => s.name === sheetName);
  const register = new Map<string, CreditEntry>();
  if (!sheet) return register;
  for (const batch of book.rows(sheet))
    for (const row of batch) {
      if (row.rowNumber < customers.top || row.rowNumber > customers.bottom) continue;
      const customer = row.cells[customers.col - 1];
      if (customer === null || customer === undefined || String(customer).trim() === '') continue;
      const key = String(customer).toLowerCase();
      if (register.has(key)) continue;
      const approver = row.cells[approvers.col - 1];
      const line = row.cells[lines.col - 1];
      register.set(key, {
        approver: approver === null || approver === undefined ? '' : String(approver).trim(),
        line: typeof line === 'number' && Number.isFinite(line) ? new Decimal(line) : null,
      });
    }
  return register;
}
