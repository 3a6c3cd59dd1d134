import { parseCell, quoteSheet } from '../../sheets/core/a1';
import { renameSheetRefs } from '../../sheets/core/sheet-refs';
import { withRowsAsCells } from '../../sheets/core/row-blocks';
import { isFormula, type CachedValue, type RowBlock, type Scalar, type SheetSpec } from '../../sheets/core/sheet-spec';
import { isRead, readAreas, type ReadAreas } from './formula-references';
import type { IronCalc } from './ironcalc';

/**
 * Evaluates every formula of a workbook with IronCalc and returns what each computes, as a
 * file stores it: numbers (dates as serial numbers), text, booleans, or one of Excel's seven
 * error values. The sheets must carry their final names (those the formulas refer to) and
 * `names` the workbook's defined names.
 *
 * A formula cell that already carries `cached` (a computed sheet whose builder knows the exact
 * result) goes into the engine as that value: the formulas that read it compute from it, and
 * the big per-row columns are not evaluated twice; those no evaluated formula reads are left
 * out altogether. Tests check such values against the engine.
 *
 * Numbers are read through a scientific number format, which IronCalc prints with 15
 * significant digits — the precision Excel shows and IronCalc compares with.
 */

export interface DefinedNameInput {
  name: string;
  /** Without "=", e.g. "'决策链'!$L$6:$L$27". */
  formula: string;
  /** The sheet (index into the sheets) a sheet-scoped name belongs to; workbook-scoped when absent. */
  scope?: number;
}

export interface EvaluationFailure {
  sheet: string;
  ref: string;
  formula: string;
  /** What IronCalc gave: an error Excel does not have (#N/IMPL!, #ERROR!, #CIRC!…) or an array. */
  result: string;
}

export interface Evaluation {
  /** Sheet name → A1 → value of every formula cell that evaluated (pre-cached ones included). */
  values: Map<string, Map<string, CachedValue>>;
  failures: EvaluationFailure[];
  formulaCells: number;
  /** Formula cells that went in as their pre-computed value. */
  precomputed: number;
}

/** The error values a .xlsx cell may store (ECMA-376 ST_CellType "e"), as Excel 2010 knows them. */
export const EXCEL_ERRORS: ReadonlySet<string> = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A']);

// IronCalc's CellType codes (wasm getCellType).
const NUMBER = 1;
const TEXT = 2;
const BOOLEAN = 4;
const ERROR = 16;

const SCIENTIFIC = '0.00000000000000E+00';

/** Excel's serial day number of a UTC date (1900 date system). */
export function dateSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/** What a constant is typed as, so IronCalc stores exactly it (text is never parsed). */
function inputText(value: Scalar | CachedValue): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : undefined;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return String(dateSerial(value));
  if (typeof value === 'string') return value === '' ? undefined : `'${value}`;
  return value.error;
}

export function evaluateWorkbook(engine: IronCalc, sheets: readonly SheetSpec[], names: readonly DefinedNameInput[] = []): Evaluation {
  const model = new engine.Model('workbook', 'en', 'UTC', 'en');
  try {
    return run(model, sheets, names);
  } finally {
    model.free();
  }
}

type Model = InstanceType<IronCalc['Model']>;

function run(model: Model, sheets: readonly SheetSpec[], names: readonly DefinedNameInput[]): Evaluation {
  model.pauseEvaluation();
  for (let i = 1; i < sheets.length; i++) model.newSheet();
  // Through temporary names first: a final name may be a default one ("Sheet2") still in use.
  sheets.forEach((_, i) => model.renameSheet(i, `__ap_${i}`));
  sheets.forEach((s, i) => model.renameSheet(i, s.name));
  // Excel matches sheet names in references case-insensitively, IronCalc 0.8.4 exactly: every
  // reference is spelt as the sheet is.
  const exactNames = new Map(sheets.map((s) => [s.name, s.name]));
  for (const n of names) {
    try {
      model.newDefinedName(n.name, n.scope, renameSheetRefs(n.formula, exactNames));
    } catch {
      // A name IronCalc does not take (a text constant, a print setting): formulas using it fail.
    }
  }

  const formulas: { sheet: number; row: number; col: number; ref: string; formula: string; cached?: CachedValue }[] = [];
  let precomputed = 0;
  const refused = new Set<string>();
  // Pre-computed cells go in only where an evaluated formula can read them.
  const read = readAreas(
    sheets.flatMap((s) => s.cells.flatMap((c) => (isFormula(c.value) && c.value.cached === undefined ? [{ sheet: s.name, formula: c.value.formula }] : []))),
    names,
  );
  sheets.forEach((s, i) => {
    for (const cell of s.cells) {
      const { row, col } = parseCell(cell.ref);
      const v = cell.value;
      if (isFormula(v)) {
        formulas.push({ sheet: i, row, col, ref: cell.ref, formula: v.formula, cached: v.cached });
        if (v.cached !== undefined) {
          precomputed++;
          if (!isRead(read, s.name, row, col)) continue;
          // An empty text result stays text (="" is not a blank cell to ISBLANK or COUNTA).
          const text = v.cached === '' ? '=""' : inputText(v.cached);
          if (text !== undefined) model.setUserInput(i, row, col, text);
        } else {
          try {
            model.setUserInput(i, row, col, `=${renameSheetRefs(v.formula, exactNames)}`);
          } catch {
            refused.add(`${i}!${cell.ref}`);
          }
        }
      } else {
        const text = inputText(v);
        if (text !== undefined) model.setUserInput(i, row, col, text);
      }
    }
  });
  model.resumeEvaluation();
  model.evaluate();

  const values = new Map<string, Map<string, CachedValue>>(sheets.map((s) => [s.name, new Map()]));
  const failures: EvaluationFailure[] = [];
  for (const f of formulas) {
    const sheetName = sheets[f.sheet].name;
    if (f.cached !== undefined) {
      values.get(sheetName)!.set(f.ref, f.cached);
      continue;
    }
    if (refused.has(`${f.sheet}!${f.ref}`)) {
      failures.push({ sheet: sheetName, ref: f.ref, formula: f.formula, result: 'not accepted by the engine' });
      continue;
    }
    const value = readValue(model, f.sheet, f.row, f.col);
    if (typeof value === 'object' && value !== null && 'failure' in value) {
      failures.push({ sheet: sheetName, ref: f.ref, formula: f.formula, result: value.failure });
    } else values.get(sheetName)!.set(f.ref, value);
  }
  return { values, failures, formulaCells: formulas.length, precomputed };
}

function readValue(model: Model, sheet: number, row: number, col: number): CachedValue | { failure: string } {
  const type = model.getCellType(sheet, row, col);
  switch (type) {
    case NUMBER: {
      model.updateRangeStyle({ sheet, row, column: col, width: 1, height: 1 }, 'num_fmt', SCIENTIFIC);
      const text = model.getFormattedCellValue(sheet, row, col);
      const n = Number(text);
      return Number.isFinite(n) ? n : { failure: text };
    }
    case TEXT:
      return model.getFormattedCellValue(sheet, row, col);
    case BOOLEAN:
      return model.getFormattedCellValue(sheet, row, col) === 'TRUE';
    case ERROR: {
      const text = model.getFormattedCellValue(sheet, row, col);
      return EXCEL_ERRORS.has(text) ? { error: text } : { failure: text };
    }
    default:
      return { failure: `cell type ${type}` };
  }
}

/**
 * The defined names of the sheets' NameSpecs: workbook-scoped, as the .xlsx writer writes them;
 * a name several sheets define (a copy of a sheet in the preview workbook) is scoped to each of
 * its sheets, as Excel keeps it when a sheet is copied.
 */
export function definedNames(sheets: readonly SheetSpec[]): DefinedNameInput[] {
  const count = new Map<string, number>();
  for (const s of sheets) for (const n of s.names ?? []) count.set(n.name.toLowerCase(), (count.get(n.name.toLowerCase()) ?? 0) + 1);
  return sheets.flatMap((s, i) =>
    (s.names ?? []).map((n) => ({
      name: n.name,
      formula: `${quoteSheet(s.name)}!${n.ref}`,
      ...(count.get(n.name.toLowerCase())! > 1 ? { scope: i } : {}),
    })),
  );
}

/**
 * The sheets as the engine takes them. Generated rows (SheetSpec.rowBlocks: a table too large
 * for the engine, every formula carrying its value) stay out of it — fed cell by cell,
 * 200,000 ABC rows took IronCalc 90 s and most of the task pane's memory. Should a formula the engine
 * evaluates read those rows, or a generated row hold a formula without its value, that sheet's
 * rows become cells and are evaluated like any other.
 */
export function engineSheets(sheets: readonly SheetSpec[]): SheetSpec[] {
  if (!sheets.some((s) => s.rowBlocks?.length)) return [...sheets];
  const read = readAreas(
    sheets.flatMap((s) => s.cells.flatMap((c) => (isFormula(c.value) && c.value.cached === undefined ? [{ sheet: s.name, formula: c.value.formula }] : []))),
    definedNames(sheets),
  );
  return sheets.map((s) => ((s.rowBlocks ?? []).some((b) => blockNeedsEngine(b, s.name, read)) ? withRowsAsCells(s) : s));
}

/** Does an evaluated formula read the block's rows, or does any of its rows hold a formula without its value? */
export function blockNeedsEngine(block: RowBlock, sheet: string, read: ReadAreas): boolean {
  if (block.count === 0) return false;
  const last = block.firstRow + block.count - 1;
  if (read === 'all' || (read.get(sheet.toLowerCase()) ?? []).some((r) => r.top <= last && r.bottom >= block.firstRow)) return true;
  if (block.valued) return false;
  for (let i = 0; i < block.count; i++) if (block.row(i).some((c) => isFormula(c.value) && c.value.cached === undefined)) return true;
  return false;
}
