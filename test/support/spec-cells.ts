/**
 * Finding cells in built sheets the way a reader does: a table's body rows and a column by its
 * header text, a form value by the label beside it. Tests that use these hold wherever a block
 * sits, so moving a block is not a reason to rewrite the test.
 */
import { cellRef, columnLetter, parseCell, parseRange } from '../../src/sheets/core/a1';
import { isFormula, type SheetSpec } from '../../src/sheets/core/sheet-spec';

export interface TableCells {
  first: number;
  last: number;
  /** Column letter by header text. */
  col(header: string): string;
}

/** Body rows of a table and the letter of a column, by its header text. */
export function tableCells(sheet: SheetSpec, name: string): TableCells {
  const spec = sheet.tables?.find((x) => x.name === name);
  if (!spec) throw new Error(`${sheet.name} has no table ${name}`);
  const r = parseRange(spec.ref);
  return {
    first: r.top + 1,
    last: r.bottom,
    col: (header: string) => {
      const i = spec.columns.findIndex((c) => c.name === header);
      if (i < 0) throw new Error(`${name} has no column ${header}`);
      return columnLetter(r.left + i);
    },
  };
}

/**
 * The first cell right of a label (skipping the label's merge) that holds a formula or an input.
 * A heading may read like a label; the label is the one with a value of that kind beside it.
 */
export function cellBeside(sheet: SheetSpec, label: string, kind: 'formula' | 'input' = 'formula'): string {
  for (const c of sheet.cells.filter((x) => x.value === label)) {
    const { row, col } = parseCell(c.ref);
    const merged = (sheet.merges ?? []).map(parseRange).find((m) => m.top === row && m.left === col);
    const ref = cellRef(row, merged ? merged.right + 1 : col + 1);
    const cell = sheet.cells.find((x) => x.ref === ref);
    if (cell && (kind === 'formula') === isFormula(cell.value)) return ref;
  }
  throw new Error(`${sheet.name}: no ${kind} beside ${label}`);
}

/** The cell `offset` columns right of the one `cellBeside` finds. */
export function cellRightOf(ref: string, offset: number): string {
  const { row, col } = parseCell(ref);
  return cellRef(row, col + offset);
}
