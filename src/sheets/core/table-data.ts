import type { RowProblem } from '../../domain/parse/row-problem';

/** A block of user data: header row plus body rows, with the sheet row number of rows[0]. */
export interface TableData {
  /** Human label of where the data came from, e.g. "Sheet1!A1:H500" or a table name. */
  label: string;
  headers: string[];
  /** Cell values as Excel holds them: numbers (dates as serial numbers), text, booleans; blank = null. */
  rows: unknown[][];
  /** 1-based sheet row number of rows[0], so messages can name the user's row. */
  firstRowNumber: number;
  /** Rows the file reader set aside (a CSV row not lined up with the header), by sheet row number. */
  rowProblems?: Record<number, RowProblem>;
}
