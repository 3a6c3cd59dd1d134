/** Finding a template's cells the way a reader does: tables by name and header, values by their label. */
import { cellRef, columnLetter, parseCell, parseRange } from '../../src/sheets/core/a1';
import { isFormula, type SheetSpec } from '../../src/sheets/core/sheet-spec';

/** Body rows of a table and the letter of a column, by its header text. */
export function table(sheet: SheetSpec, name: string) {
  const spec = sheet.tables!.find((x) => x.name === name)!;
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
 * The first cell right of a label that holds a formula or an input (skipping the label's merge),
 * or the cell `offset` columns further right. A heading may read like a label; the label is the
 * one with a value of that kind beside it.
 */
export function valueOf(sheet: SheetSpec, label: string, kind: 'formula' | 'input' = 'formula', offset = 0): string {
  for (const c of sheet.cells.filter((x) => x.value === label)) {
    const { row, col } = parseCell(c.ref);
    const merged = (sheet.merges ?? []).map(parseRange).find((m) => m.top === row && m.left === col);
    const ref = cellRef(row, (merged ? merged.right + 1 : col + 1) + offset);
    const cell = sheet.cells.find((x) => x.ref === ref);
    if (cell && (kind === 'formula') === isFormula(cell.value)) return ref;
  }
  throw new Error(`${sheet.name}: no ${kind} beside ${label}`);
}
