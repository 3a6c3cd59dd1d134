import { normalizeTypedText } from '../../domain/parse/normalize-text';
import type { TableData } from '../core/table-data';
import { parseCell } from '../core/a1';
import { isFormula, type SheetSpec } from '../core/sheet-spec';
import { toGrid } from '../core/sheet-grid';

/** A cell where the Rules sheet in the workbook differs from the one the bonus formulas expect. */
export interface RulesDifference {
  ref: string;
  /** What the run's Rules sheet has there. */
  expected: unknown;
  /** What the workbook's sheet has there (null: blank). */
  found: unknown;
}

const EPOCH = Date.UTC(1899, 11, 30);

/** Cell values as Excel reads them back: dates as serial numbers, text trimmed and normalised. */
function comparable(v: unknown): string | number | boolean | null {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return (v.getTime() - EPOCH) / 86_400_000;
  if (typeof v === 'string') {
    const s = normalizeTypedText(v).trim();
    return s === '' ? null : s;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return String(v);
}

function same(a: unknown, b: unknown): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x));
  return x === y;
}

/**
 * Whether the bonus formulas can read an existing Rules sheet as it is: every label and value
 * the run's Rules sheet would hold (`spec`, built from the rules the run used) must be in the
 * same cell of the existing sheet. Cells the spec leaves blank or computes (the Check column)
 * are not compared, so whatever the user added around them is no difference. Returns the
 * differences, in sheet order; none means the existing sheet is kept as it is.
 */
export function compareRulesSheet(spec: SheetSpec, existing: TableData): RulesDifference[] {
  const grid = toGrid(existing);
  const out: RulesDifference[] = [];
  for (const cell of spec.cells) {
    if (isFormula(cell.value) || comparable(cell.value) === null) continue;
    const { row, col } = parseCell(cell.ref);
    const found = grid.get(row)?.get(col) ?? null;
    if (!same(cell.value, found)) out.push({ ref: cell.ref, expected: cell.value, found });
  }
  return out.sort((a, b) => {
    const p = parseCell(a.ref);
    const q = parseCell(b.ref);
    return p.row - q.row || p.col - q.col;
  });
}
