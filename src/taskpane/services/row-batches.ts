import type { RowProblem } from '../../domain/parse/row-problem';
import { isBlankRow, type RowRecord } from '../../domain/table-rows';

const BATCH = 5_000;

/**
 * Rows handed to an engine in batches, yielding to the browser between them (progress, Cancel).
 *
 * Blank rows are skipped, as the command line's file reader skips them: a selection of whole
 * columns, or a table with empty rows at the end, would otherwise report every empty row as a
 * rejected row. Row numbers stay those of the sheet.
 */
export async function* rowBatches(
  rows: unknown[][],
  firstRowNumber: number,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
  problems?: Record<number, RowProblem>,
): AsyncGenerator<RowRecord[]> {
  for (let i = 0; i < rows.length; i += BATCH) {
    signal?.throwIfAborted();
    const batch: RowRecord[] = [];
    for (let k = i; k < Math.min(rows.length, i + BATCH); k++)
      if (!isBlankRow(rows[k])) {
        const problem = problems?.[firstRowNumber + k];
        batch.push(problem ? { rowNumber: firstRowNumber + k, cells: rows[k], problem } : { rowNumber: firstRowNumber + k, cells: rows[k] });
      }
    yield batch;
    onProgress?.(Math.min(1, (i + BATCH) / rows.length));
    await new Promise((r) => setTimeout(r, 0));
  }
}
