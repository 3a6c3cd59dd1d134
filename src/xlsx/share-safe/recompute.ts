import type { CachedValue, CellContent, SheetSpec } from '../../sheets/core/sheet-spec';
import { evaluateWorkbook, type DefinedNameInput } from '../evaluate/evaluate-workbook';
import { isRead, readAreas, type ReadAreas } from '../evaluate/formula-references';
import type { IronCalc } from '../evaluate/ironcalc';
import { contains, type Rect } from './areas';

/**
 * Which formulas of the copy computed their stored value from a personal cell — directly, or
 * through other formulas or names — and what they compute with those cells empty.
 */
export interface FormulaCell {
  sheet: string;
  ref: string;
  row: number;
  col: number;
  formula: string;
  /** The value stored in the file, read as the engine takes it. */
  stored: CachedValue | undefined;
}

export interface ConstantCell {
  sheet: string;
  ref: string;
  row: number;
  col: number;
  value: CellContent;
}

/** Formula cells whose value depends on a cell in `personal` (sheet name → rectangles), transitively. */
export function dependentFormulas(formulas: FormulaCell[], personal: Map<string, Rect[]>, names: readonly DefinedNameInput[]): Set<FormulaCell> {
  const reads = new Map<FormulaCell, ReadAreas>(formulas.map((f) => [f, readAreas([{ sheet: f.sheet, formula: f.formula }], names)]));
  const affected = new Set<FormulaCell>();
  const queue: { sheet: string; rects: Rect[] }[] = [...personal].map(([sheet, rects]) => ({ sheet, rects }));
  // Index of the formulas by the sheets they read (an unfollowable formula reads everything).
  while (queue.length) {
    const { sheet, rects } = queue.shift()!;
    for (const f of formulas) {
      if (affected.has(f)) continue;
      const areas = reads.get(f)!;
      const hit =
        areas === 'all' ||
        (areas.get(sheet.toLowerCase()) ?? []).some((a) => rects.some((r) => a.top <= r.bottom && r.top <= a.bottom && a.left <= r.right && r.left <= a.right));
      if (hit) {
        affected.add(f);
        queue.push({ sheet: f.sheet, rects: [{ top: f.row, bottom: f.row, left: f.col, right: f.col }] });
      }
    }
  }
  return affected;
}

/**
 * Evaluates the affected formulas on the copy: personal cells are left out (empty), every other
 * formula goes in as its stored value, and only the cells the affected formulas read are given
 * to the engine. A formula the engine cannot take as Excel would (external or table references,
 * functions it lacks) gets no value: the copy then stores none for it.
 */
export function recompute(
  engine: IronCalc,
  sheets: string[],
  constants: ConstantCell[],
  formulas: FormulaCell[],
  affected: Set<FormulaCell>,
  personal: Map<string, Rect[]>,
  names: readonly DefinedNameInput[],
): Map<FormulaCell, CachedValue | undefined> {
  const out = new Map<FormulaCell, CachedValue | undefined>();
  const computable = [...affected].filter((f) => {
    const outsideStrings = f.formula.replace(/"(?:[^"]|"")*"/g, '""');
    if (outsideStrings.includes('[')) {
      out.set(f, undefined);
      return false;
    }
    return true;
  });
  if (computable.length === 0) return out;
  const read = readAreas(
    computable.map((f) => ({ sheet: f.sheet, formula: f.formula })),
    names,
  );
  const isPersonal = (sheet: string, row: number, col: number) => (personal.get(sheet) ?? []).some((r) => contains(r, row, col));
  const specs: SheetSpec[] = sheets.map((name) => ({ name, cells: [] }));
  const bySheet = new Map(specs.map((s) => [s.name, s]));
  const wanted = new Set(computable);
  for (const c of constants) {
    if (isPersonal(c.sheet, c.row, c.col) || !isRead(read, c.sheet, c.row, c.col)) continue;
    bySheet.get(c.sheet)?.cells.push({ ref: c.ref, value: c.value });
  }
  for (const f of formulas) {
    if (isPersonal(f.sheet, f.row, f.col)) continue;
    if (wanted.has(f)) bySheet.get(f.sheet)?.cells.push({ ref: f.ref, value: { formula: f.formula } });
    else if (affected.has(f)) continue; // not computable: its cell stays empty for the others
    else if (f.stored !== undefined && isRead(read, f.sheet, f.row, f.col)) bySheet.get(f.sheet)?.cells.push({ ref: f.ref, value: { formula: f.formula, cached: f.stored } });
  }
  const { values } = evaluateWorkbook(engine, specs, names);
  for (const f of computable) out.set(f, values.get(f.sheet)?.get(f.ref));
  return out;
}

/** A defined name of the file as the engine takes it (scope: index into `sheets`). */
export function nameInput(name: string, formula: string, scopeSheet: string | undefined, sheets: string[]): DefinedNameInput {
  const scope = scopeSheet === undefined ? undefined : sheets.indexOf(scopeSheet);
  return { name, formula, ...(scope !== undefined && scope >= 0 ? { scope } : {}) };
}

