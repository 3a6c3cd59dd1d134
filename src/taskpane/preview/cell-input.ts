import { parseDate, serialToDate } from '../../domain/parse/parse-date';
import { parseDecimal, parsePercent } from '../../domain/parse/parse-number';
import { cleanTyped } from '../../domain/parse/normalize-text';
import type { ParseError } from '../../domain/parse/parse-result';
import { isFormula, type CellSpec, type Scalar } from '../../sheets/core/sheet-spec';

/**
 * What a person typed into an input cell of a previewed sheet, read as the cell expects it:
 * a date where the cell shows dates, a percentage where it shows percentages, a number where it
 * holds or shows numbers, text otherwise. The same parsers as uploads (docs/rules/parsing.md):
 * nothing unreadable becomes 0, and an emptied cell is blank.
 */
export type CellInput = { ok: true; value: Scalar } | { ok: false; error: ParseError };

/** Input cells are the ones a protected sheet leaves editable (locked: false); never formulas. */
export function isInputCell(cell: CellSpec | undefined): cell is CellSpec {
  return cell !== undefined && cell.style?.locked === false && !isFormula(cell.value);
}

export type CellKind = 'date' | 'percent' | 'number' | 'text';

export function cellKind(cell: CellSpec): CellKind {
  const fmt = (cell.style?.numFmt ?? '').replace(/"[^"]*"|\[[^\]]*\]/g, '');
  if (cell.value instanceof Date || /[yd]/i.test(fmt)) return 'date';
  if (fmt.includes('%')) return 'percent';
  if (typeof cell.value === 'number' || /[0#]/.test(fmt)) return 'number';
  return 'text';
}

export function readCellInput(cell: CellSpec, typed: string): CellInput {
  const text = cleanTyped(typed);
  if (text === '') return { ok: true, value: null };
  switch (cellKind(cell)) {
    case 'date': {
      const r = parseDate(text);
      return r.ok ? { ok: true, value: serialToDate(r.value) } : r;
    }
    case 'percent': {
      const r = parsePercent(text);
      return r.ok ? { ok: true, value: r.value.toNumber() } : r;
    }
    case 'number': {
      const r = parseDecimal(text);
      return r.ok ? { ok: true, value: r.value.toNumber() } : r;
    }
    default:
      return { ok: true, value: typed.trim() };
  }
}

/** The text an input cell starts editing with: dates as yyyy-mm-dd, percentages with %. */
export function editText(cell: CellSpec): string {
  const v = cell.value;
  if (v === null || v === undefined || isFormula(v)) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number' && cellKind(cell) === 'percent') return `${parseFloat((v * 100).toPrecision(12))}%`;
  return String(v);
}
