import type { RowProblem } from './parse/row-problem';
import { watchRows, type RunProgressOptions } from './run-progress';

/**
 * The data rows of a table, as every engine (ABC, bonuses) reads them: from a sheet selection,
 * a file or a test, with the row number each row has in its source so every message can name it.
 */

/** A data row with its 1-based row (or line) number in the sheet or file. */
export interface RowRecord {
  rowNumber: number;
  cells: unknown[];
  /** Set by the file reader when the row cannot be read field by field (docs/rules/parsing.md). */
  problem?: RowProblem;
}

export interface TableRows {
  /** Plain arrays (numbered from firstRowNumber) or records carrying their own row numbers. */
  rows?: Iterable<readonly unknown[] | RowRecord> | AsyncIterable<readonly unknown[] | RowRecord>;
  /** Records in batches (what the file reader gives): much faster than one await per row. */
  batches?: AsyncIterable<readonly RowRecord[]> | Iterable<readonly RowRecord[]>;
  /** Row number of the first data row when rows are plain arrays. Default 2 (headers on row 1). */
  firstRowNumber?: number;
}

/** No cell holds anything: null, undefined or only spaces. */
export function isBlankRow(cells: readonly unknown[]): boolean {
  for (const c of cells) if (c !== null && c !== undefined && !(typeof c === 'string' && c.trim() === '')) return false;
  return true;
}

/**
 * Hands every row of `table` to `take` with its row number (and the file reader's problem with
 * it, if any: the engine sets such a row aside): the batches first, then the rows.
 * Blank rows are handed over too (each engine decides what a blank row means). With progress or
 * a signal in `options` it pauses every so many rows (see run-progress); without, it never
 * awaits inside a batch or a plain iterable.
 */
export async function eachRow(
  table: TableRows,
  options: RunProgressOptions,
  take: (cells: readonly unknown[], rowNumber: number, problem?: RowProblem) => void,
): Promise<void> {
  const watch = watchRows(options);
  if (table.batches)
    for await (const batch of table.batches)
      for (const r of batch) {
        take(r.cells, r.rowNumber, r.problem);
        if (watch?.due()) await watch.pause();
      }
  if (table.rows) {
    let next = table.firstRowNumber ?? 2;
    const takeOne = (r: readonly unknown[] | RowRecord) => {
      if (isRecord(r)) take(r.cells, r.rowNumber, r.problem);
      else take(r, next++);
    };
    if (Symbol.iterator in table.rows)
      for (const r of table.rows) {
        takeOne(r);
        if (watch?.due()) await watch.pause();
      }
    else
      for await (const r of table.rows) {
        takeOne(r);
        if (watch?.due()) await watch.pause();
      }
  }
  watch?.done();
}

function isRecord(r: readonly unknown[] | RowRecord): r is RowRecord {
  return !Array.isArray(r) && typeof r === 'object' && r !== null && 'cells' in r;
}
