/**
 * Which cells of an existing sheet the new sheets' formulas read: the engine computing their
 * cached values needs only those as constants. An ABC result of 50,000 customers has 600,000
 * cells, and giving IronCalc all of them took minutes where the two columns a visit plan looks
 * customers up in take seconds.
 */
import { parseRange, type RangePos } from '../../sheets/core/a1';
import { renameSheetRefs } from '../../sheets/core/sheet-refs';
import { isFormula, type SheetSpec } from '../../sheets/core/sheet-spec';

const MARK = 'AP\u0001READ';
const REF = new RegExp(`'${MARK}'!(\\$?[A-Z]{1,3}\\$?\\d+(?::\\$?[A-Z]{1,3}\\$?\\d+)?)(?![A-Za-z0-9_(!:])`, 'g');

/**
 * The ranges of `sheet` that formulas of `specs` refer to; undefined (read all of it) when a
 * reference is anything but a plain cell or cell range (whole columns, a name after the sheet…).
 */
export function rangesRead(specs: readonly SheetSpec[], sheet: string): RangePos[] | undefined {
  const probe = new Map([[sheet, MARK]]);
  const ranges = new Map<string, RangePos>();
  for (const spec of specs)
    for (const c of spec.cells) {
      if (!isFormula(c.value)) continue;
      const marked = renameSheetRefs(c.value.formula, probe);
      if (marked === c.value.formula) continue;
      const all = marked.split(`'${MARK}'!`).length - 1;
      const plain = [...marked.matchAll(REF)];
      if (plain.length !== all) return undefined;
      for (const m of plain) ranges.set(m[1].replace(/\$/g, ''), parseRange(m[1]));
    }
  return [...ranges.values()];
}

/** Whether a cell lies in one of the ranges. */
export function inRanges(ranges: readonly RangePos[], row: number, col: number): boolean {
  return ranges.some((r) => row >= r.top && row <= r.bottom && col >= r.left && col <= r.right);
}
