/**
 * Finding cells in a built template by what a planner reads — table names, column headers and
 * labels — so a test's checks hold wherever a block sits.
 */
import { cellRef, parseCell } from '../../src/sheets/core/a1';
import { isFormula, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { readWorkbook, recalc, type SheetValues } from './libreoffice';
import { compareStored, readStoredFormulas, type Disagreement } from './stored-values';

export { tableCells, cellBeside as besideLabel } from './spec-cells';

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
