/**
 * Reading a sheet's generated rows (SheetSpec.rowBlocks) as CellSpecs: for code that handles a
 * few rows at a time, and for the few places that need every cell at once on small sheets.
 */
import { cellRef } from './a1';
import type { CellSpec, RowBlock, RowCellSpec, SheetSpec } from './sheet-spec';

/** The CellSpecs of rows [from, to) of a block (indexes into the block). */
export function blockCells(block: RowBlock, from = 0, to = block.count): CellSpec[] {
  const out: CellSpec[] = [];
  for (let i = from; i < Math.min(to, block.count); i++) {
    const row = block.firstRow + i;
    for (const c of block.row(i)) out.push({ ref: cellRef(row, c.col), value: c.value, ...(c.style ? { style: c.style } : {}) });
  }
  return out;
}

/** The sheet with its generated rows turned into cells (for consumers that need them all; small sheets). */
export function withRowsAsCells(spec: SheetSpec): SheetSpec {
  if (!spec.rowBlocks?.length) return spec;
  const { rowBlocks, ...rest } = spec;
  return { ...rest, cells: [...spec.cells, ...rowBlocks.flatMap((b) => blockCells(b))] };
}

/** Every cell up to sheet row `lastRow`: the spec's cells and the generated rows above it (previews). */
export function cellsUpToRow(spec: SheetSpec, lastRow: number): CellSpec[] {
  const out = spec.cells.slice();
  for (const b of spec.rowBlocks ?? []) out.push(...blockCells(b, 0, lastRow - b.firstRow + 1));
  return out;
}

/** The last row any generated row reaches (0 without blocks). */
export function lastBlockRow(spec: SheetSpec): number {
  return Math.max(0, ...(spec.rowBlocks ?? []).map((b) => b.firstRow + b.count - 1));
}

/** A block whose formulas go through `map` (sheet renames), row by row as they are read. */
export function mapBlockFormulas(block: RowBlock, map: (formula: string) => string): RowBlock {
  return {
    firstRow: block.firstRow,
    count: block.count,
    ...(block.valued ? { valued: true } : {}),
    row: (i) => block.row(i).map((c) => (c.value && typeof c.value === 'object' && !(c.value instanceof Date) && 'formula' in c.value ? { ...c, value: { ...c.value, formula: map(c.value.formula) } } : c)),
  };
}

/** The generated cell at a sheet row and column, if a block has one (a random read of one row). */
export function blockCellAt(spec: SheetSpec, row: number, col: number): RowCellSpec | undefined {
  for (const b of spec.rowBlocks ?? []) if (row >= b.firstRow && row < b.firstRow + b.count) return b.row(row - b.firstRow).find((c) => c.col === col);
  return undefined;
}
