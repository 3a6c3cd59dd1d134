import type { TableData } from '../../office/workbook-host';
import { cellRef, columnIndex, parseCell, parseRange } from '../../sheets/a1';
import type { CellSpec, SheetSpec } from '../../sheets/sheet-spec';

/**
 * Recalculate replaces sheets the add-in wrote; people add their own columns to them (notes,
 * follow-ups). This carries such columns over: any column right of the new sheet's table whose
 * header cell (on the table's header row) is not blank in the old sheet is copied into the new
 * spec, row by row, matching rows by the first two table columns (rep and contract, customer,
 * buyer …) and, for repeated keys, by their order.
 */
export function carryUserColumns(spec: SheetSpec, old: TableData): SheetSpec {
  const t = headerLayout(spec);
  if (!t) return spec;
  const grid = toGrid(old);
  const header = grid.get(t.top);
  if (!header) return spec;
  let lastNew = t.right;
  for (const c of spec.cells) {
    const p = parseCell(c.ref);
    if (p.row >= t.top && p.col > lastNew) lastNew = p.col;
  }
  const extra = [...header.entries()].filter(([col, v]) => col > lastNew && !isBlank(v)).map(([col]) => col);
  if (!extra.length) return spec;

  const keyOf = (row: Map<number, unknown> | undefined) =>
    [t.left, t.left + 1].map((c) => String(row?.get(c) ?? '')).join('\u0001');
  const oldRows = new Map<string, number[]>();
  const lastOld = [...grid.keys()].reduce((a, b) => Math.max(a, b), 0);
  for (let r = t.top + 1; r <= lastOld; r++) {
    const row = grid.get(r);
    if (!row || isBlank(row.get(t.left))) continue;
    const k = keyOf(row);
    oldRows.set(k, [...(oldRows.get(k) ?? []), r]);
  }
  const byRef = new Map(spec.cells.map((c) => [c.ref, c]));
  const added: CellSpec[] = [];
  const place = (row: number, col: number, value: unknown) => {
    if (isBlank(value)) return;
    added.push({ ref: cellRef(row, lastNew + 1 + extra.indexOf(col)), value: value as CellSpec['value'] });
  };
  for (const col of extra) place(t.top, col, header.get(col));
  const used = new Map<string, number>();
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const row = new Map<number, unknown>();
    for (const c of [t.left, t.left + 1]) row.set(c, byRef.get(cellRef(r, c))?.value ?? '');
    const k = keyOf(row);
    const n = used.get(k) ?? 0;
    used.set(k, n + 1);
    const from = oldRows.get(k)?.[n];
    if (from === undefined) continue;
    for (const col of extra) place(r, col, grid.get(from)?.get(col));
  }
  const columns = [...(spec.columns ?? [])];
  extra.forEach((_, i) => columns.push({ index: lastNew + 1 + i, width: 24 }));
  return { ...spec, cells: [...spec.cells, ...added], columns };
}

/** The list's header row and extent: its table, else the print title row, else the frozen rows. */
function headerLayout(spec: SheetSpec): { top: number; left: number; right: number; bottom: number } | undefined {
  if (spec.tables?.[0]) return parseRange(spec.tables[0].ref);
  const title = spec.print?.titleRows ? Number(spec.print.titleRows.split(':')[0]) : spec.freeze?.rows;
  if (!title) return undefined;
  let right = 0;
  let bottom = title;
  for (const c of spec.cells) {
    const p = parseCell(c.ref);
    if (p.row === title) right = Math.max(right, p.col);
    bottom = Math.max(bottom, p.row);
  }
  return right ? { top: title, left: 1, right, bottom } : undefined;
}

function isBlank(v: unknown): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

/** Sheet row → (sheet column → value), from a sheet read as headers + rows. */
function toGrid(data: TableData): Map<number, Map<number, unknown>> {
  const m = /(?:^|!)\$?([A-Za-z]{1,3})\$?(\d+)/.exec(data.label);
  const left = m ? columnIndex(m[1]) : 1;
  const headerRow = data.firstRowNumber - 1;
  const grid = new Map<number, Map<number, unknown>>();
  const put = (row: number, cells: unknown[]) => {
    const m = new Map<number, unknown>();
    for (let i = 0; i < cells.length; i++) m.set(left + i, cells[i]);
    grid.set(row, m);
  };
  put(headerRow, data.headers);
  data.rows.forEach((r, i) => put(data.firstRowNumber + i, r));
  return grid;
}
