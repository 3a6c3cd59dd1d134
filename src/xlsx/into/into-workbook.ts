/**
 * Adds rendered sheets to an existing .xlsx: the names are settled against the workbook's
 * (plan-names), every formula gets its cached value — computed with the existing sheets the new
 * ones read (their values as the file stores them) — and the parts are merged (add-sheets).
 */
import { cellRef } from '../../sheets/core/a1';
import type { CellSpec, SheetSpec, WorkbookSpec } from '../../sheets/core/sheet-spec';
import { renameSheetRefs } from '../../sheets/core/sheet-refs';
import { isFormula } from '../../sheets/core/sheet-spec';
import { computeCachedValues } from '../evaluate/node';
import { openXlsxBook } from '../read/xlsx-book';
import { stampsOf } from '../read-stamps';
import { renderWorkbookWithWarnings, type RenderWarning } from '../render-workbook';
import { readWorkbookParts, type WorkbookParts } from '../workbook-names';
import { addSheets } from './add-sheets';
import { planSheetNames, type NamePlan } from './plan-names';
import type { SourceLinks } from '../../sheets/core/source-link';
import { inAreas, readAreas } from './read-areas';
import { linkSources } from './source-sheets';

export interface IntoResult {
  bytes: Uint8Array;
  plan: NamePlan;
  warnings: RenderWarning[];
}

export interface OpenedTarget {
  bytes: Uint8Array;
  parts: WorkbookParts;
  /** Source sheets by kind, for builders that link to them. */
  sources: SourceLinks;
}

export async function openTarget(bytes: Uint8Array): Promise<OpenedTarget> {
  const parts = await readWorkbookParts(bytes);
  return { bytes, parts, sources: linkSources(parts) };
}

/**
 * The values of existing sheets, as constants, for the engine to compute the new sheets' formulas
 * over: only the cells those formulas refer to (read-areas), the whole sheet when a reference is
 * not understood. Rows below the last one referred to are not read.
 */
function valueSheets(bytes: Uint8Array, specs: readonly SheetSpec[], names: Set<string>): SheetSpec[] {
  if (names.size === 0) return [];
  const book = openXlsxBook(bytes);
  return book.sheets
    .filter((s) => names.has(s.name.toLowerCase()))
    .map((s) => {
      const areas = readAreas(specs, s.name);
      const lastRow = areas ? Math.max(0, ...areas.map((a) => a.bottom)) : Number.POSITIVE_INFINITY;
      const cells: CellSpec[] = [];
      rows: for (const batch of book.rows(s))
        for (const row of batch) {
          if (row.rowNumber > lastRow) break rows;
          row.cells.forEach((value, i) => {
            if (value !== null && value !== '' && (!areas || inAreas(areas, row.rowNumber, i + 1))) cells.push({ ref: cellRef(row.rowNumber, i + 1), value });
          });
        }
      return { name: s.name, cells };
    });
}

/** Does a formula of the spec refer to that sheet? (The sheet-reference parser of renames, asked to rename it.) */
function readsSheet(spec: SheetSpec, sheet: string): boolean {
  const probe = new Map([[sheet, `${sheet}\u0001`]]);
  return spec.cells.some((c) => isFormula(c.value) && renameSheetRefs(c.value.formula, probe) !== c.value.formula);
}

export async function intoWorkbook(target: OpenedTarget, workbook: WorkbookSpec, replace: boolean): Promise<IntoResult> {
  const stamps = new Map(stampsOf(target.parts).sheets.map((s) => [s.sheet, s.stamp]));
  const existing = target.parts.sheets.map((name) => ({ name, ...(stamps.has(name) ? { stamp: stamps.get(name)! } : {}) }));
  const plan = planSheetNames(existing, workbook.sheets, replace);
  // Existing sheets the new formulas read (and that are not being replaced) go into the engine as values.
  const ours = new Set(plan.specs.map((s) => s.name.toLowerCase()));
  const read = new Set(target.parts.sheets.filter((name) => !ours.has(name.toLowerCase()) && plan.specs.some((s) => readsSheet(s, name))).map((n) => n.toLowerCase()));
  const context = valueSheets(target.bytes, plan.specs, read);
  const computed = computeCachedValues({ sheets: [...context, ...plan.specs] }).workbook.sheets.slice(context.length);
  const rendered = await renderWorkbookWithWarnings({ ...workbook, sheets: computed }, { level: 1 });
  const merged = await addSheets(target.bytes, rendered.bytes, { replace: new Set(plan.replaced) });
  return { bytes: merged.bytes, plan, warnings: rendered.warnings };
}
