import { parseCell } from '../../sheets/core/a1';
import type { CachedValue, Scalar, SheetSpec } from '../../sheets/core/sheet-spec';
import { dateSerial, definedNames, engineSheets, evaluateWorkbook } from '../../xlsx/evaluate/evaluate-workbook';
import type { IronCalc } from '../../xlsx/evaluate/ironcalc';

/** Sheet name → A1 → what each formula of the preview workbook computes. */
export type WorkbookValues = Map<string, Map<string, CachedValue>>;

/** Evaluates the preview workbook's generated sheets together (their formulas refer to each other). */
export function computeValues(engine: IronCalc, sheets: readonly SheetSpec[]): WorkbookValues {
  const input = engineSheets(sheets);
  return evaluateWorkbook(engine, input, definedNames(input)).values;
}


/** The sheet with `cached` filled from the computed values (the spec itself is not changed). */
export function withValues(spec: SheetSpec, values: ReadonlyMap<string, CachedValue> | undefined): SheetSpec {
  if (!values || values.size === 0) return spec;
  return {
    ...spec,
    cells: spec.cells.map((c) => {
      const v = c.value;
      if (typeof v !== 'object' || v === null || v instanceof Date || v.cached !== undefined) return c;
      const cached = values.get(c.ref);
      return cached === undefined ? c : { ...c, value: { ...v, cached } };
    }),
  };
}

export interface DisplayCell {
  ref: string;
  value: Scalar | CachedValue;
  numFmt?: string;
}

/**
 * The text each cell shows, as a spreadsheet shows it: numbers and dates through the cell's
 * number format ("¥1,234.50", "12.3%", "2026-07-01"), by the same engine that computed them.
 */
export function displayTexts(engine: IronCalc, cells: readonly DisplayCell[]): Map<string, string> {
  const out = new Map<string, string>();
  const model = new engine.Model('preview', 'en', 'UTC', 'en');
  try {
    const numbers: { ref: string; row: number; col: number }[] = [];
    for (const c of cells) {
      const v = c.value;
      if (v === null || v === undefined) continue;
      if (typeof v === 'number' || v instanceof Date) {
        const { row, col } = parseCell(c.ref);
        model.setUserInput(0, row, col, String(v instanceof Date ? dateSerial(v) : v));
        model.updateRangeStyle({ sheet: 0, row, column: col, width: 1, height: 1 }, 'num_fmt', c.numFmt ?? 'general');
        numbers.push({ ref: c.ref, row, col });
      } else if (typeof v === 'boolean') out.set(c.ref, v ? 'TRUE' : 'FALSE');
      else if (typeof v === 'string') out.set(c.ref, v);
      else if ('error' in v) out.set(c.ref, v.error);
    }
    for (const n of numbers) out.set(n.ref, model.getFormattedCellValue(0, n.row, n.col));
  } finally {
    model.free();
  }
  return out;
}
