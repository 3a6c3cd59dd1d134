import messages from '../../i18n/taskpane';
import { translator } from '../../i18n/define';
import { normalizeTypedText } from '../../domain/parse/normalize-text';
import type { TableData } from './table-data';
import { cellRef, parseCell, parseRange } from './a1';
import type { CellSpec, Lang, SheetSpec } from './sheet-spec';
import { LANGS } from './sheet-spec';
import { STYLE } from './styles';
import { toGrid } from './sheet-grid';

export interface CarriedColumns {
  spec: SheetSpec;
  /** Old rows with notes in the added columns that match no row of the new sheet. */
  unmatched: number;
}

/**
 * Recalculate replaces sheets the add-in wrote; people add their own columns to them (notes,
 * follow-ups). This carries such columns over: any column right of the new sheet's table whose
 * header cell (on the table's header row) is not blank in the old sheet is copied into the new
 * spec, row by row, matching rows by the first two table columns (rep and contract, customer,
 * buyer …) and, for repeated keys, by their order.
 *
 * Notes on an old row that matches no new row (the order left the data, a key was corrected)
 * are not dropped: they go into a labelled block below everything else on the sheet, with
 * their two key cells, under the same added columns. A later Recalculate reads that block as
 * old rows again, so a note whose row comes back finds its place.
 */
export function carryUserColumns(spec: SheetSpec, old: TableData, lang: Lang): CarriedColumns {
  const t = headerLayout(spec);
  if (!t) return { spec, unmatched: 0 };
  const grid = toGrid(old);
  const header = grid.get(t.top);
  if (!header) return { spec, unmatched: 0 };
  let lastNew = t.right;
  let lastRow = t.bottom;
  for (const c of spec.cells) {
    const p = parseCell(c.ref);
    if (p.row >= t.top && p.col > lastNew) lastNew = p.col;
    lastRow = Math.max(lastRow, p.row);
  }
  const extra = [...header.entries()].filter(([col, v]) => col > lastNew && !isBlank(v)).map(([col]) => col);
  if (!extra.length) return { spec, unmatched: 0 };
  const target = (col: number) => lastNew + 1 + extra.indexOf(col);

  const keyOf = (row: Map<number, unknown> | undefined) =>
    [t.left, t.left + 1].map((c) => String(row?.get(c) ?? '')).join('\u0001');
  const oldRows = new Map<string, number[]>();
  const lastOld = [...grid.keys()].reduce((a, b) => Math.max(a, b), 0);
  const titles = new Set(LANGS.map((l) => norm(translator(messages, l)('carriedUnmatchedTitle'))));
  for (let r = t.top + 1; r <= lastOld; r++) {
    const row = grid.get(r);
    // An earlier Recalculate's block of unmatched notes: its title, note and header are no rows.
    if (titles.has(norm(row?.get(t.left)))) {
      r += 2;
      continue;
    }
    if (!row || isBlank(row.get(t.left))) continue;
    const k = keyOf(row);
    oldRows.set(k, [...(oldRows.get(k) ?? []), r]);
  }
  const byRef = new Map(spec.cells.map((c) => [c.ref, c]));
  const added: CellSpec[] = [];
  const place = (row: number, col: number, value: unknown, style?: CellSpec['style']) => {
    if (isBlank(value)) return;
    added.push({ ref: cellRef(row, col), value: value as CellSpec['value'], ...(style ? { style } : {}) });
  };
  for (const col of extra) place(t.top, target(col), header.get(col));
  const used = new Map<string, number>();
  const matched = new Set<number>();
  for (let r = t.top + 1; r <= t.bottom; r++) {
    const row = new Map<number, unknown>();
    for (const c of [t.left, t.left + 1]) row.set(c, byRef.get(cellRef(r, c))?.value ?? '');
    const k = keyOf(row);
    const n = used.get(k) ?? 0;
    used.set(k, n + 1);
    const from = oldRows.get(k)?.[n];
    if (from === undefined) continue;
    matched.add(from);
    for (const col of extra) place(r, target(col), grid.get(from)?.get(col));
  }

  const orphans = [...oldRows.values()]
    .flat()
    .filter((r) => !matched.has(r) && extra.some((col) => !isBlank(grid.get(r)?.get(col))))
    .sort((a, b) => a - b);
  if (orphans.length > 0) {
    const tr = translator(messages, lang);
    const top = lastRow + 3;
    place(top, t.left, tr('carriedUnmatchedTitle'), STYLE.section);
    place(top + 1, t.left, tr('carriedUnmatchedNote'), STYLE.note);
    for (const c of [t.left, t.left + 1]) place(top + 2, c, header.get(c), STYLE.header);
    for (const col of extra) place(top + 2, target(col), header.get(col), STYLE.header);
    orphans.forEach((from, i) => {
      const row = grid.get(from);
      for (const c of [t.left, t.left + 1]) place(top + 3 + i, c, row?.get(c));
      for (const col of extra) place(top + 3 + i, target(col), row?.get(col));
    });
  }
  const columns = [...(spec.columns ?? [])];
  extra.forEach((col) => columns.push({ index: target(col), width: 24 }));
  return { spec: { ...spec, cells: [...spec.cells, ...added], columns }, unmatched: orphans.length };
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

const norm = (v: unknown) => (typeof v === 'string' ? normalizeTypedText(v).trim().toLowerCase() : '');
