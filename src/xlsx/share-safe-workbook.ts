import ExcelJS from 'exceljs';
import { translator } from '../i18n/define';
import messages from '../i18n/share-safe';
import { parseRange, rangeRef } from '../sheets/core/a1';
import { isPersonalMarkerName } from '../sheets/sharing/personal-marker';
import type { Lang } from '../sheets/core/sheet-spec';
import { nameAreas, type SheetArea } from '../sheets/core/name-reference';
import { readWorkbookParts, type RawDefinedName } from './workbook-names';

/**
 * A share-safe copy of an .xlsx file: every range marked personal (AP_Personal_<n> names, see
 * src/sheets/personal-marker.ts) loses the values, formulas and notes of its cells below the
 * header row; the header keeps its text and gets the note "removed for sharing". Formatting,
 * validations, tables, the marks and every other cell stay as they were.
 *
 * ExcelJS reads and writes the file. It keeps only one defined name per spelling and drops
 * their scope, so the names are read from workbook.xml and written back as the file had them.
 * What ExcelJS cannot write at all (charts, pivot tables, threaded comments) is reported.
 */

export interface ClearedSheet {
  sheet: string;
  /** The marked ranges on this sheet, e.g. "L6:L27". */
  ranges: string[];
  /** Cells below the headers that held a value or formula. */
  cells: number;
  /** Notes removed below the headers. */
  notes: number;
}

export interface ShareSafeReport {
  sheets: ClearedSheet[];
  /** Marker names found. */
  markers: number;
  /** Marker names that point nowhere usable (deleted sheet, #REF!, not a range). */
  unresolved: string[];
  /** Parts of the input that the copy cannot carry (ExcelJS does not write them). */
  dropped: string[];
}

/** The input cannot be read as a workbook ('read'), or the library cannot write it back ('write'). */
export class ShareSafeInputError extends Error {
  constructor(
    readonly phase: 'read' | 'write',
    message: string,
  ) {
    super(message);
  }
}

export async function makeShareSafeXlsx(input: Uint8Array, options: { lang?: Lang } = {}): Promise<{ bytes: Uint8Array; report: ShareSafeReport }> {
  let parts;
  const wb = new ExcelJS.Workbook();
  try {
    parts = await readWorkbookParts(input);
    await wb.xlsx.load(input as unknown as ArrayBuffer);
  } catch (e) {
    throw new ShareSafeInputError('read', (e as Error).message);
  }

  const { areas, markers, unresolved } = personalAreas(parts.names, parts.sheets);
  const bySheet = new Map<string, SheetArea[]>();
  for (const a of areas) {
    const ws = wb.getWorksheet(a.sheet);
    if (!ws) {
      unresolved.push(`${a.sheet}!${rangeRef(a.top, a.left, a.bottom, a.right)}`);
      continue;
    }
    const list = bySheet.get(ws.name) ?? [];
    if (!list.some((b) => b.top === a.top && b.left === a.left && b.bottom === a.bottom && b.right === a.right)) list.push(a);
    bySheet.set(ws.name, list);
  }

  const sheets: ClearedSheet[] = [];
  for (const [name, list] of bySheet) {
    const ws = wb.getWorksheet(name)!;
    unshareFormulas(ws, list);
    let cells = 0;
    let notes = 0;
    for (const a of list) {
      const r = clearArea(ws, a, options.lang);
      cells += r.cells;
      notes += r.notes;
    }
    sheets.push({ sheet: name, ranges: list.map((a) => rangeRef(a.top, a.left, a.bottom, a.right)), cells, notes });
  }

  keepDefinedNames(wb, parts.names, parts.sheets);
  for (const ws of wb.worksheets) completeTableStyles(ws);
  let buffer;
  try {
    buffer = await wb.xlsx.writeBuffer();
  } catch (e) {
    throw new ShareSafeInputError('write', (e as Error).message);
  }
  return {
    bytes: new Uint8Array(buffer as ArrayBuffer),
    report: { sheets, markers, unresolved, dropped: droppedParts(parts.parts) },
  };
}

function personalAreas(names: RawDefinedName[], sheets: string[]) {
  const areas: SheetArea[] = [];
  const unresolved: string[] = [];
  let markers = 0;
  for (const n of names) {
    if (!isPersonalMarkerName(n.name)) continue;
    markers++;
    const scope = n.localSheetId !== undefined ? sheets[n.localSheetId] : undefined;
    const found = nameAreas(n.formula, scope);
    if (found.length === 0) unresolved.push(`${n.name}=${n.formula}`);
    areas.push(...found);
  }
  return { areas, markers, unresolved };
}

type Internal = { _comment?: unknown };

/** Clears the area below its header row; only cells that exist are visited. */
function clearArea(ws: ExcelJS.Worksheet, a: SheetArea, lang: Lang | undefined): { cells: number; notes: number } {
  let cells = 0;
  let notes = 0;
  const last = Math.min(a.bottom, ws.rowCount);
  for (let row = a.top; row <= last; row++) {
    const line = ws.findRow(row);
    if (!line) continue;
    for (let col = a.left; col <= a.right; col++) {
      const cell = line.findCell(col);
      if (!cell) continue;
      // The other cells of a merged area forward writes to its top-left cell.
      if (cell.isMerged && cell.master !== cell) continue;
      if (row === a.top) {
        const header = cell.value;
        if (header !== null && header !== undefined && header !== '') cell.note = removedNote(String(cell.text), lang);
        continue;
      }
      if (cell.value !== null && cell.value !== undefined && cell.value !== '') {
        cell.value = null;
        cells++;
      }
      const internal = cell as unknown as Internal;
      // ExcelJS has no way to delete a note: setting one always writes a comment box.
      if (internal._comment) {
        internal._comment = undefined;
        notes++;
      }
    }
  }
  return { cells, notes };
}

function removedNote(header: string, lang: Lang | undefined): string {
  const l: Lang = lang ?? (/[\u3400-\u9fff]/.test(header) ? 'zh-CN' : 'en-US');
  return translator(messages, l)('removedNote');
}

/**
 * Excel stores a filled-down formula once (the "master" cell) and lets the other cells refer
 * to it. Clearing a master would break the cells that still refer to it, so every shared
 * formula touching a cleared area becomes an ordinary formula in each of its cells first.
 */
function unshareFormulas(ws: ExcelJS.Worksheet, areas: SheetArea[]): void {
  type Shared = { formula?: string; sharedFormula?: string; shareType?: string; ref?: string; result?: unknown };
  const touches = (ref: string) => {
    const r = parseRange(ref);
    return areas.some((x) => r.top <= x.bottom && r.bottom >= x.top && r.left <= x.right && r.right >= x.left);
  };
  const masters = new Set<string>();
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as Shared | null;
      if (v && typeof v === 'object' && v.shareType === 'shared' && touches(v.ref ?? cell.address)) masters.add(cell.address);
    }),
  );
  if (masters.size === 0) return;
  const plain: { cell: ExcelJS.Cell; formula: string; result: unknown }[] = [];
  ws.eachRow((row) =>
    row.eachCell((cell) => {
      const v = cell.value as Shared | null;
      if (!v || typeof v !== 'object') return;
      const master = v.sharedFormula ?? (masters.has(cell.address) ? cell.address : undefined);
      if (master && masters.has(master)) plain.push({ cell, formula: cell.formula, result: v.result });
    }),
  );
  // Translated formulas are read before any cell changes (they are computed from the master).
  for (const p of plain) p.cell.value = { formula: p.formula, ...(p.result !== undefined ? { result: p.result } : {}) } as ExcelJS.CellFormulaValue;
}

/**
 * Writes the defined names back as the file had them (scope included) instead of ExcelJS's
 * collapsed list. Print areas and print titles are left to ExcelJS, which rewrites them from
 * each sheet's page setup; names scoped to a sheet ExcelJS did not keep are dropped.
 */
function keepDefinedNames(wb: ExcelJS.Workbook, names: RawDefinedName[], sheetOrder: string[]): void {
  const written = wb.worksheets.map((w) => w.name);
  const model: { name: string; ranges: string[]; localSheetId?: number }[] = [];
  for (const n of names) {
    if (n.name === '_xlnm.Print_Area' || n.name === '_xlnm.Print_Titles') continue;
    let localSheetId: number | undefined;
    if (n.localSheetId !== undefined) {
      localSheetId = written.indexOf(sheetOrder[n.localSheetId] ?? '');
      if (localSheetId < 0) continue;
    }
    model.push({ name: n.name, ranges: [n.formula], ...(localSheetId !== undefined ? { localSheetId } : {}) });
  }
  // ExcelJS renders each entry's ranges joined by commas, and localSheetId when present.
  Object.defineProperty(wb.definedNames, 'model', { get: () => model, configurable: true });
}

/**
 * LibreOffice saves tables without <tableStyleInfo>; ExcelJS reads that as no style and then
 * fails writing the table. An empty style (no name, no stripes) writes back what the file said.
 */
function completeTableStyles(ws: ExcelJS.Worksheet): void {
  const tables = (ws as unknown as { tables: Record<string, { table: { style?: unknown } }> }).tables;
  for (const t of Object.values(tables ?? {})) {
    if (!t.table.style) {
      t.table.style = { theme: null, showFirstColumn: false, showLastColumn: false, showRowStripes: false, showColumnStripes: false };
    }
  }
}

const DROPPED: [RegExp, string][] = [
  [/^xl\/charts\/chart\d+\.xml$/, 'charts'],
  [/^xl\/pivotTables\//, 'pivot tables'],
  [/^xl\/threadedComments\//, 'threaded comments (their plain-note copies are kept)'],
  [/^xl\/slicers\//, 'slicers'],
];

function droppedParts(parts: string[]): string[] {
  const out = new Set<string>();
  for (const p of parts) for (const [re, what] of DROPPED) if (re.test(p)) out.add(what);
  return [...out];
}
