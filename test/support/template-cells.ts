/**
 * Finding cells in a built template by what a planner reads — table names, column headers and
 * labels — so a test's checks hold wherever a block sits.
 */
import { cellRef, columnLetter, parseCell, parseRange } from '../../src/sheets/core/a1';
import { isFormula, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { readWorkbook, recalc, type SheetValues } from './libreoffice';
import { compareStored, readStoredFormulas, type Disagreement } from './stored-values';

/** Body rows of a table and the letter of a column, by its header text. */
export function tableCells(sheet: SheetSpec, name: string) {
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
 * The first cell right of a label that holds a formula or an input (skipping the label's merge).
 * A heading may read like a label; the label is the one with a value of that kind beside it.
 */
export function besideLabel(sheet: SheetSpec, label: string, kind: 'formula' | 'input' = 'formula'): string {
  for (const c of sheet.cells.filter((x) => x.value === label)) {
    const { row, col } = parseCell(c.ref);
    const merged = (sheet.merges ?? []).map(parseRange).find((m) => m.top === row && m.left === col);
    const ref = cellRef(row, merged ? merged.right + 1 : col + 1);
    const cell = sheet.cells.find((x) => x.ref === ref);
    if (cell && (kind === 'formula') === isFormula(cell.value)) return ref;
  }
  throw new Error(`${sheet.name}: no ${kind} beside ${label}`);
}

/** The formula cell right under a label (a summary laid out as a header row over a value row). */
export function belowLabel(sheet: SheetSpec, label: string): string {
  for (const c of sheet.cells.filter((x) => x.value === label)) {
    const { row, col } = parseCell(c.ref);
    const ref = cellRef(row + 1, col);
    const cell = sheet.cells.find((x) => x.ref === ref);
    if (cell && isFormula(cell.value)) return ref;
  }
  throw new Error(`${sheet.name}: no formula below ${label}`);
}

/**
 * Recalculates template files in one LibreOffice run and compares every formula's stored value
 * (IronCalc's) with LibreOffice's: the recalculated sheets by key, and the disagreements found.
 */
export async function recalcAndCompare(files: string[], keys: string[]) {
  const out = await recalc(files);
  const results = new Map<string, SheetValues[]>();
  const disagreements: (Disagreement & { file: string })[] = [];
  for (let i = 0; i < out.length; i++) {
    results.set(keys[i], await readWorkbook(out[i]));
    const cmp = compareStored(await readStoredFormulas(files[i]), await readStoredFormulas(out[i]));
    disagreements.push(...cmp.disagreements.map((d) => ({ ...d, file: keys[i] })));
  }
  return { results, disagreements };
}
