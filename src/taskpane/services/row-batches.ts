/** Rows handed to an engine in batches, yielding to the browser between them (progress, Cancel). */
export interface RowRecord {
  rowNumber: number;
  cells: unknown[];
}

const BATCH = 5_000;

export async function* rowBatches(
  rows: unknown[][],
  firstRowNumber: number,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
): AsyncGenerator<RowRecord[]> {
  for (let i = 0; i < rows.length; i += BATCH) {
    signal?.throwIfAborted();
    const batch: RowRecord[] = [];
    for (let k = i; k < Math.min(rows.length, i + BATCH); k++)
      batch.push({ rowNumber: firstRowNumber + k, cells: rows[k] });
    yield batch;
    onProgress?.(Math.min(1, (i + BATCH) / rows.length));
    await new Promise((r) => setTimeout(r, 0));
  }
}
