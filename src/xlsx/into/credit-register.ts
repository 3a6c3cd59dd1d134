/**
 * The credit register of a .xlsx file read as values (docs/rules/bonus/bad-debt.md), as the file
 * stores them: the bad-debt engine splits each debt by it, so the reasons and totals it writes
 * agree with the sheet's formulas over the same cells. What is read is the one host-neutral rule
 * of src/sheets/bonus/credit-register.ts.
 */
import type { CreditRegister } from '../../domain/bonus/line';
import { cellRef } from '../../sheets/core/a1';
import { creditRegisterColumns, creditRegisterFrom } from '../../sheets/bonus/credit-register';
import type { SourceLinks } from '../../sheets/core/source-link';
import { openXlsxBook } from '../read/xlsx-book';

/** The register, or undefined when the workbook holds none with all three names. */
export function readCreditRegister(bytes: Uint8Array, sources: SourceLinks | undefined): CreditRegister | undefined {
  const cols = creditRegisterColumns(sources);
  if (!cols) return undefined;
  const book = openXlsxBook(bytes);
  const sheet = book.sheets.find((s) => s.name === cols.sheet);
  if (!sheet) return new Map();
  const cells = new Map<string, unknown>();
  for (const batch of book.rows(sheet))
    for (const row of batch) {
      if (row.rowNumber < cols.customers.top || row.rowNumber > cols.customers.bottom) continue;
      row.cells.forEach((v, i) => cells.set(cellRef(row.rowNumber, i + 1), v));
    }
  return creditRegisterFrom(cols, (row, col) => cells.get(cellRef(row, col)));
}
