import { withRowsAsCells } from '../../sheets/core/row-blocks';
import { isFormula, type SheetSpec, type WorkbookSpec } from '../../sheets/core/sheet-spec';
import { uniqueSheetName } from '../../sheets/core/sheet-names';
import { blockNeedsEngine, definedNames, evaluateWorkbook, type Evaluation } from './evaluate-workbook';
import { readAreas } from './formula-references';
import type { IronCalc } from './ironcalc';

/**
 * The workbook with `cached` filled on every formula cell the engine could evaluate, so the
 * written file shows values before anyone recalculates. Sheets are evaluated under the names
 * the writer gives them (unique, valid: uniqueSheetName in order), which are the names their
 * formulas use. Cells the engine could not evaluate keep no cached value and are listed in
 * `evaluation.failures`.
 *
 * Generated rows (SheetSpec.rowBlocks: tables too large for the engine) carry their values
 * themselves and stay out of the engine. Should a formula the engine evaluates read them, or a
 * block come without values, that sheet's rows become cells and are evaluated like any other.
 */
export function withCachedValues(workbook: WorkbookSpec, engine: IronCalc): { workbook: WorkbookSpec; evaluation: Evaluation } {
  const taken: string[] = [];
  const finalNames = workbook.sheets.map((s) => {
    const name = uniqueSheetName(s.name, taken);
    taken.push(name);
    return name;
  });
  const read = readAreas(
    workbook.sheets.flatMap((s, i) => s.cells.flatMap((c) => (isFormula(c.value) && c.value.cached === undefined ? [{ sheet: finalNames[i], formula: c.value.formula }] : []))),
    definedNames(workbook.sheets.map((s, i) => ({ ...s, name: finalNames[i] }))),
  );
  const input = workbook.sheets.map((s, i) => ((s.rowBlocks ?? []).some((b) => blockNeedsEngine(b, finalNames[i], read)) ? withRowsAsCells(s) : s));
  const named = input.map((s, i) => (finalNames[i] === s.name ? s : { ...s, name: finalNames[i] }));
  const evaluation = evaluateWorkbook(engine, named, definedNames(named));
  const sheets: SheetSpec[] = input.map((sheet, i) => {
    const values = evaluation.values.get(named[i].name);
    if (!values || values.size === 0) return sheet;
    return {
      ...sheet,
      cells: sheet.cells.map((c) => {
        if (!isFormula(c.value) || c.value.cached !== undefined) return c;
        const cached = values.get(c.ref);
        return cached === undefined ? c : { ...c, value: { ...c.value, cached } };
      }),
    };
  });
  return { workbook: { ...workbook, sheets }, evaluation };
}
