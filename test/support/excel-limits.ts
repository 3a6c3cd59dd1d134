/**
 * Limits Excel enforces but LibreOffice tolerates, so a recalculation test alone would not
 * notice them: Excel repairs or rejects the file, or cuts the text.
 */
import { isFormula, type CellContent, type SheetSpec } from '../../src/sheets/core/sheet-spec';

export const EXCEL_LIMITS = {
  promptTitle: 32,
  promptMessage: 255,
  errorTitle: 32,
  errorMessage: 225,
  /** An inline list validation is stored as one quoted, comma-separated formula. */
  inlineList: 255,
  formulaStringLiteral: 255,
  formula: 8192,
  tableName: 255,
} as const;

/** Every limit a sheet breaks, as readable strings (empty when all is well). */
export function excelLimitViolations(sheet: SheetSpec): string[] {
  const out: string[] = [];
  const L = EXCEL_LIMITS;
  const check = (what: string, text: string | undefined, max: number) => {
    if (text !== undefined && text.length > max)
      out.push(`${sheet.name}: ${what} is ${text.length} > ${max}: ${text.slice(0, 40)}…`);
  };
  for (const v of sheet.validations ?? []) {
    check(`prompt title of ${v.ref}`, v.prompt?.title, L.promptTitle);
    check(`prompt of ${v.ref}`, v.prompt?.message, L.promptMessage);
    check(`error title of ${v.ref}`, v.error?.title, L.errorTitle);
    check(`error of ${v.ref}`, v.error?.message, L.errorMessage);
    if (v.rule.type === 'list') {
      check(`list of ${v.ref}`, v.rule.values.join(','), L.inlineList);
      for (const item of v.rule.values)
        if (item.includes(',')) out.push(`${sheet.name}: list item of ${v.ref} has a comma: ${item}`);
    }
  }
  const formulas: [string, string][] = sheet.cells.flatMap((c) =>
    isFormula(c.value) ? [[c.ref, c.value.formula] as [string, string]] : [],
  );
  for (const cf of sheet.conditionalFormats ?? [])
    for (const r of cf.rules) if (r.type === 'expression') formulas.push([`conditional format ${cf.ref}`, r.formula]);
  for (const [where, f] of formulas) {
    check(`formula in ${where}`, f, L.formula);
    for (const m of f.matchAll(/"((?:[^"]|"")*)"/g))
      check(`text literal in ${where}`, m[1].replace(/""/g, '"'), L.formulaStringLiteral);
  }
  for (const t of sheet.tables ?? []) {
    check('table name', t.name, L.tableName);
    const names = t.columns.map((c) => c.name);
    if (new Set(names).size !== names.length) out.push(`${sheet.name}: table ${t.name} repeats a column name`);
  }
  return out;
}

/** Replaces the constant or formula of one cell of a built sheet (to try other inputs). */
export function setCell(sheet: SheetSpec, ref: string, value: CellContent): void {
  const cell = sheet.cells.find((c) => c.ref === ref);
  if (!cell) throw new Error(`${sheet.name} has no cell ${ref}`);
  cell.value = value;
}
