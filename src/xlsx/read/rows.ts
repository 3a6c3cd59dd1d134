import type { RowProblem } from '../../domain/parse/row-problem';

/**
 * What the readers give for one cell: text, a number, a boolean, a date (a Date at UTC for a
 * cell typed or formatted as a date; its UTC calendar day is the day the spreadsheet shows), or
 * null for an empty cell. Error cells give their code as text ("#N/A"), which no number or date
 * parser accepts, so they are reported rather than read as 0.
 */
export type CellValue = string | number | boolean | Date | null;

export interface RowRecord {
  /** 1-based row (XLSX) or line (CSV) number in the file, as a spreadsheet would show it. */
  rowNumber: number;
  cells: CellValue[];
  /** Set when the row cannot be read field by field (a CSV row that does not line up with the header). */
  problem?: RowProblem;
}

/**
 * No cell holds anything (null or ''): such rows are skipped. A row of spaces is kept, so that
 * whatever reads it reports it (a blank customer) rather than it vanishing.
 */
export function isEmptyRow(cells: readonly unknown[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && c !== '') return false;
  return true;
}
