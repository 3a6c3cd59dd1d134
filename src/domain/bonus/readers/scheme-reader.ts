import type { BonusLine, SchemeContext } from '../line';
import type { PenaltyLine } from '../schemes/penalty';
import type { FieldDef } from '../../parse/column-map';
import type { CellReader } from './cell-reader';

/** What a scheme's reader is given besides its cells: the engines' context and the run's penalty date. */
export interface ReaderContext extends SchemeContext {
  /** Penalty as-of date (serial), when the run sets one. */
  asOf?: number;
}

/** One scheme's rows, read one at a time into its engine. */
export interface SchemeReader {
  /**
   * Reads the row the CellReader is at (its cells in the same order as ever, so a row with several
   * bad cells names the same one) and takes it in. Returns why the engine sets the row aside, if
   * it does; throws a RowError for a bad cell.
   */
  read(row: number): string | undefined;
  /**
   * Every row is in: the lines, and for new-customer the penalties. With `emit`, a reader may hand
   * each line to it as it is settled instead of keeping it (then it returns only the lines it kept).
   */
  finish(emit?: (line: BonusLine) => void): { lines: BonusLine[]; penalties?: PenaltyLine[] };
}

export interface SchemeReaderDef {
  /** The columns the scheme reads (the CLI documents these headers). */
  fields: FieldDef[];
  open(cells: CellReader, ctx: ReaderContext): SchemeReader;
}
