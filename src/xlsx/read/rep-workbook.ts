/**
 * One rep's workbook read for the team roll-up (docs/rules/team-rollup.md): its stamped sheets
 * (AP_Sheet, src/sheets/core/stamp.ts) found by stamp, never by name; in each, the team tables
 * found by their Excel table (which grows as rows are added), their header row, the customer named
 * above a decision chain, and the owner cell of the title block. Whatever cannot be read becomes
 * an issue naming the file, never an exception. No Node: the pane reads uploads with it.
 */
import { parseRange } from '../../sheets/core/a1';
import { parseStamp, SHEET_STAMP_NAME } from '../../sheets/core/stamp';
import type { Lang } from '../../sheets/core/sheet-spec';
import { isTableNamed, layoutsOf, CURRENT_LAYOUT_VERSION, TEAM_TABLE_DEFS, type TableLayout } from '../../sheets/team/team-tables';
import type { RepFileRead, RepSheetRead, TeamCell } from '../../domain/team/combine';
import { openWorkbook } from './open-table';
import { ReadError } from './read-error';
import type { CellValue } from './rows';

/** The title block's owner cell (src/sheets/core/title-block.ts): row 3, column D. */
const OWNER_ROW = 3;
const OWNER_COL = 3;

/** The file's name without folders and extension: the rep when no owner cell is filled. */
export function fileRep(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.xlsx$/i, '') || base;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : v instanceof Date ? v.toISOString().slice(0, 10) : String(v).trim());

/** The language whose headers the found header row shares most with. */
function closest(layouts: Record<Lang, TableLayout>, found: string[]): { lang: Lang; layout: TableLayout } {
  let best: { lang: Lang; layout: TableLayout; score: number } | undefined;
  for (const [lang, layout] of Object.entries(layouts) as [Lang, TableLayout][]) {
    const score = layout.headers.filter((h) => found.includes(h)).length;
    if (!best || score > best.score) best = { lang, layout, score };
  }
  return best!;
}

export function readRepWorkbook(bytes: Uint8Array, file: string, lang: Lang = 'zh-CN'): RepFileRead {
  const out: RepFileRead = { file, sheets: [], issues: [] };
  try {
    readInto(bytes, file, out);
  } catch (err) {
    const reason = err instanceof ReadError ? err.text(lang) : err instanceof Error ? err.message : String(err);
    return { file, sheets: [], issues: [{ code: 'unreadable', file, detail: { reason } }] };
  }
  return out;
}

function readInto(bytes: Uint8Array, file: string, out: RepFileRead): void {
  const book = openWorkbook(bytes);
  for (const n of book.definedNames) {
    if (n.name.toLowerCase() !== SHEET_STAMP_NAME.toLowerCase() || n.localSheetId === undefined) continue;
    const stamp = parseStamp(n.formula);
    const sheetName = book.sheetOrder[n.localSheetId];
    const info = book.sheets.find((s) => s.name === sheetName);
    if (!stamp || !info) continue;
    const defs = TEAM_TABLE_DEFS.filter((d) => d.stampKind === stamp.kind);
    if (defs.length === 0) continue;
    const tables = book.tables(info);
    // A pipeline's summary sheet carries the pipeline's stamp but none of its table: it is
    // computed from the pipeline, and the team sheets compute their own (docs/rules/team-rollup.md).
    const placed = defs.map((def) => ({ def, table: tables.find((t) => isTableNamed(def, t.name)) }));
    if (placed.every((p) => !p.table) && tables.length > 0 && stamp.kind === 'pipeline') continue;
    // Every row of the sheet once; each table takes the rows inside its range.
    const rows: { rowNumber: number; cells: CellValue[] }[] = [];
    for (const batch of book.rows(info)) for (const r of batch) rows.push(r);
    const cellAt = (ref: string): CellValue | undefined => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref);
      if (!m) return undefined;
      const col = m[1].split('').reduce((a, c) => a * 26 + c.charCodeAt(0) - 64, 0) - 1;
      return rows.find((r) => r.rowNumber === Number(m[2]))?.cells[col];
    };
    const ownerCell = text(rows.find((r) => r.rowNumber === OWNER_ROW)?.cells[OWNER_COL]);
    const owner = ownerCell || fileRep(file);
    for (const { def, table } of placed) {
      if (!table) {
        out.issues.push({ code: 'table-missing', file, sheet: info.name, detail: { table: def.tableName } });
        continue;
      }
      const r = parseRange(table.ref);
      const slice = (cells: CellValue[]) => cells.slice(r.left - 1, r.right);
      const headerCells = slice(rows.find((x) => x.rowNumber === r.top)?.cells ?? []);
      const found = Array.from({ length: r.right - r.left + 1 }, (_, i) => text(headerCells[i]));
      const { layout } = closest(layoutsOf(def), found);
      const computed = new Set(layout.headers.filter((_, i) => layout.computed[i]));
      // A row counts when something is typed in it: computed columns show "" or a flag on empty rows.
      const typed = found.map((h) => !computed.has(h));
      const body: RepSheetRead['rows'] = [];
      for (const x of rows) {
        if (x.rowNumber <= r.top || x.rowNumber > r.bottom) continue;
        // A computed cell saved without its value (a file no spreadsheet has opened) reads as its
        // formula text: that is no value of the rep's, so it is left blank.
        const cells = slice(x.cells).map((c, i) => (c === undefined || (!typed[i] && typeof c === 'string' && c.startsWith('=')) ? null : (c as TeamCell)));
        if (cells.some((c, i) => typed[i] && c !== null && c !== '')) body.push({ rowNumber: x.rowNumber, cells });
      }
      const sheet: RepSheetRead = {
        file,
        sheet: info.name,
        table: def.id,
        owner,
        stampVersion: stamp.version,
        currentVersion: CURRENT_LAYOUT_VERSION,
        expected: layout.headers,
        found,
        headerRow: r.top,
        rows: body,
      };
      if (def.customerCell) sheet.customer = text(cellAt(def.customerCell));
      out.sheets.push(sheet);
    }
  }
}
