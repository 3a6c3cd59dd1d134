import { isFormula, type SheetSpec, type WorkbookSpec } from '../../sheets/core/sheet-spec';
import { uniqueSheetName } from '../../sheets/core/sheet-names';
import { definedNames, evaluateWorkbook, type Evaluation } from './evaluate-workbook';
import type { IronCalc } from './ironcalc';

/**
 * The workbook with `cached` filled on every formula cell the engine could evaluate, so the
 * written file shows values before anyone recalculates. Sheets are evaluated under the names
 * the writer gives them (unique, valid: uniqueSheetName in order), which are the names their
 * formulas use. Cells the engine could not evaluate keep no cached value and are listed in
 * `evaluation.failures`.
 */
export function withCachedValues(workbook: WorkbookSpec, engine: IronCalc): { workbook: WorkbookSpec; evaluation: Evaluation } {
  const taken: string[] = [];
  const named = workbook.sheets.map((s) => {
    const name = uniqueSheetName(s.name, taken);
    taken.push(name);
    return name === s.name ? s : { ...s, name };
  });
  const evaluation = evaluateWorkbook(engine, named, definedNames(named));
  const sheets: SheetSpec[] = workbook.sheets.map((sheet, i) => {
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
