/**
 * What every computation the pane runs (ABC, bonus) has in common: the columns it reads, as
 * the user mapped them, and the rows it sets aside.
 */

/** A column a computation reads: `key` is the engine's field name. */
export interface FieldDef {
  key: string;
  required: boolean;
}

/** field key → header text chosen by the user ('' = not mapped). */
export type ColumnMap = Record<string, string>;

/** A data row the computation did not count, with the sheet's row number and why. */
export interface RejectedRow {
  row: number;
  reason: string;
}
