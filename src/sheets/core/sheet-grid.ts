import type { TableData } from './table-data';
import { columnIndex } from './a1';

/** Sheet row → (sheet column → value), from a sheet read as headers + rows (its used range). */
export type SheetGrid = Map<number, Map<number, unknown>>;

export function toGrid(data: TableData): SheetGrid {
  const m = /(?:^|!)\$?([A-Za-z]{1,3})\$?(\d+)/.exec(data.label);
  const left = m ? columnIndex(m[1]) : 1;
  const headerRow = data.firstRowNumber - 1;
  const grid: SheetGrid = new Map();
  const put = (row: number, cells: unknown[]) => {
    const line = new Map<number, unknown>();
    for (let i = 0; i < cells.length; i++) line.set(left + i, cells[i]);
    grid.set(row, line);
  };
  put(headerRow, data.headers);
  data.rows.forEach((r, i) => put(data.firstRowNumber + i, r));
  return grid;
}
