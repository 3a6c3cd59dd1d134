/**
 * Share-safe copies inside Excel. Every sheet whose personal ranges (AP_Personal_* names, in
 * any scope: see src/sheets/personal-marker.ts) hold a value, a formula or a note is copied
 * with Worksheet.copy (ExcelApi 1.7, below the manifest's minimum) right after itself, named
 * "<name> (share-safe)"; on the copy the cells below each personal header are cleared
 * (contents only: formatting, validation and tables stay), their notes and comments deleted,
 * and each header gets the note "removed for sharing". The original sheet is only read.
 *
 * Why copies in the same workbook: Office.js cannot write into another workbook, and rebuilding
 * the file outside Excel (getFileAsync → .xlsx library → createWorkbook) would lose what such a
 * library cannot write (charts, pivot tables). The user moves the copies to a new workbook with
 * Move or Copy, or deletes the originals in a copy of the file, before sharing.
 *
 * Round trips: names (2), protection and notes (1), what the ranges hold (1 per sheet, more when
 * a range holds more than one response can carry: read-chunks.ts), where the notes are (1, only
 * when there are notes), the copies (1). A failure while copying removes every sheet it added.
 *
 * Protected sheets: the copy is unprotected, emptied and protected again with the original's
 * options. That needs no password only when the sheet has none; a password-protected sheet is
 * refused with sheetPasswordProtected before anything is copied, where Excel can tell
 * (WorksheetProtection.isPasswordProtected, ExcelApiOnline 1.1:
 * https://learn.microsoft.com/javascript/api/excel/excel.worksheetprotection), and otherwise when
 * unprotect() answers BadPassword ("The password you supplied is incorrect":
 * https://learn.microsoft.com/office/dev/add-ins/testing/application-specific-api-error-handling),
 * after removing the copies. The add-in never asks for or keeps the password: the user
 * unprotects the sheet, makes the copy and protects both again.
 */
import { translator } from '../i18n/define';
import messages from '../i18n/share-safe';
import { cellRef, parseCell, rangeRef } from '../sheets/core/a1';
import { nameAreas, type SheetArea } from '../sheets/core/name-reference';
import { isPersonalMarkerName } from '../sheets/sharing/personal-marker';
import type { Lang } from '../sheets/core/sheet-spec';
import { cleanSheetName, uniqueSheetName } from '../sheets/core/sheet-names';
import type { ExcelFeatures } from './features';
import { HostError, throwIfAborted, toHostError } from '../host/host-error';
import { readBlocks } from './read-chunks';
import type { ShareSafeCopyResult } from '../host/workbook-host';

/** Rows of a personal range read to see whether it holds anything; a taller one is copied anyway. */
const SCAN_ROWS = 20_000;

export interface ShareSafeOptions {
  lang: Lang;
  features: ExcelFeatures;
  signal?: AbortSignal;
}

interface Scan {
  area: SheetArea;
  /** The formulas read: header row first. */
  formulas: unknown[][];
  /** The range is taller than what was read. */
  truncated: boolean;
}

interface Annotation {
  row: number;
  col: number;
  kind: 'note' | 'comment';
}

interface Marked {
  ws: Excel.Worksheet;
  name: string;
  visible: boolean;
  areas: SheetArea[];
  scans: Scan[];
  protection?: Excel.WorksheetProtection;
  noteItems?: Excel.NoteCollection;
  commentItems?: Excel.CommentCollection;
  annotations: Annotation[];
}

type NameList = { items: { name: string; type: string; formula: string }[] };

export async function makeShareSafeCopies(context: Excel.RequestContext, options: ShareSafeOptions): Promise<ShareSafeCopyResult> {
  const { features, signal } = options;
  const t = translator(messages, options.lang);
  const step = 'make share-safe copies';

  // 1–2: every name in every scope.
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id,items/visibility');
  const bookNames = context.workbook.names;
  bookNames.load('items/name,items/type,items/formula');
  await context.sync();
  const scoped = sheets.items.map((ws) => ({ ws, names: ws.names.load('items/name,items/type,items/formula') }));
  await context.sync();
  throwIfAborted(signal, step);

  const marked = findMarked(sheets.items, bookNames, scoped);
  const result: ShareSafeCopyResult = { copies: [], alreadySafe: [], notesUnchecked: !features.notes };
  if (marked.length === 0) return result;

  // 3: protection, notes and comments.
  for (const m of marked) {
    m.protection = m.ws.protection.load(features.passwordProtection ? 'protected,options,isPasswordProtected' : 'protected,options');
    if (features.notes) m.noteItems = m.ws.notes.load('items');
    if (features.comments) m.commentItems = m.ws.comments.load('items');
  }
  await context.sync();
  const locked = marked.find((m) => features.passwordProtection && m.protection?.protected && m.protection.isPasswordProtected);
  if (locked) throw passwordProtected(locked.name);

  // 4: what the personal ranges hold, in requests sized to their bytes.
  for (const m of marked) {
    const blocks = m.areas.map((area) => ({ ...area, bottom: Math.min(area.bottom, area.top + SCAN_ROWS) }));
    const read = await readBlocks(context, m.name, blocks, 'formulas', { step: 'read personal ranges of', signal });
    m.areas.forEach((area, i) => m.scans.push({ area, formulas: read[i], truncated: blocks[i].bottom < area.bottom }));
  }

  // 5: the cells the notes and comments are on.
  const located: { m: Marked; kind: Annotation['kind']; range: Excel.Range }[] = [];
  for (const m of marked) {
    for (const n of m.noteItems?.items ?? []) located.push({ m, kind: 'note', range: n.getLocation().load('address') });
    for (const c of m.commentItems?.items ?? []) located.push({ m, kind: 'comment', range: c.getLocation().load('address') });
  }
  if (located.length > 0) await context.sync();
  for (const { m, kind, range } of located) {
    const { row, col } = parseCell(range.address.replace(/^.*!/, ''));
    if (m.areas.some((a) => row >= a.top && row <= a.bottom && col >= a.left && col <= a.right)) m.annotations.push({ row, col, kind });
  }
  throwIfAborted(signal, step);

  // 6: the copies, in one request.
  const plans: { m: Marked; copyName: string; cells: number; notes: number }[] = [];
  const taken = sheets.items.map((s) => s.name);
  for (const m of marked) {
    const cells = m.scans.reduce((n, s) => n + countBody(s.formulas), 0);
    const notes = m.annotations.filter((a) => !isHeader(m, a)).length;
    if (cells === 0 && notes === 0 && !m.scans.some((s) => s.truncated)) {
      result.alreadySafe.push(m.name);
      continue;
    }
    const suffix = t('copySuffix');
    const copyName = uniqueSheetName(cleanSheetName(m.name).slice(0, 31 - suffix.length).trimEnd() + suffix, taken);
    taken.push(copyName);
    plans.push({ m, copyName, cells, notes });
  }
  if (plans.length === 0) return result;

  const before = new Set(sheets.items.map((s) => s.id));
  try {
    let activated = false;
    for (const { m, copyName } of plans) {
      const copy = m.ws.copy('After', m.ws);
      copy.name = copyName;
      clearCopy(copy, m, t('removedNote'), features);
      if (m.visible && !activated) {
        copy.activate();
        activated = true;
      }
    }
    await context.sync();
  } catch (e) {
    // Excel does not say which sheet's unprotect failed: name the first protected one.
    const guarded = plans.find((p) => p.m.protection?.protected) ?? plans[0];
    const error = (e as { code?: string }).code === 'BadPassword' ? passwordProtected(guarded.m.name, e) : toHostError(e, step);
    await removeAddedSheets(context, before);
    throw error;
  }
  result.copies = plans.map((p) => ({ source: p.m.name, copy: p.copyName, cells: p.cells, notes: p.notes }));
  // The original workbook's document properties are never changed here: the pane warns instead.
  result.propertiesKept = true;
  return result;
}

function findMarked(items: Excel.Worksheet[], bookNames: NameList, scoped: { ws: Excel.Worksheet; names: NameList }[]): Marked[] {
  const bySheet = new Map<string, Marked>();
  const add = (formula: string, scope?: string) => {
    for (const area of nameAreas(formula, scope)) {
      const ws = items.find((s) => s.name.toLowerCase() === area.sheet.toLowerCase());
      if (!ws) continue;
      let m = bySheet.get(ws.name);
      if (!m) bySheet.set(ws.name, (m = { ws, name: ws.name, visible: ws.visibility === 'Visible', areas: [], scans: [], annotations: [] }));
      if (!m.areas.some((a) => a.top === area.top && a.left === area.left && a.bottom === area.bottom && a.right === area.right)) m.areas.push(area);
    }
  };
  const isMark = (n: { name: string; type: string }) => isPersonalMarkerName(n.name) && n.type === 'Range';
  for (const n of bookNames.items) if (isMark(n)) add(n.formula);
  for (const { ws, names } of scoped) for (const n of names.items) if (isMark(n)) add(n.formula, ws.name);
  // In workbook order, so the copies' order follows the originals'.
  return items.flatMap((ws) => bySheet.get(ws.name) ?? []);
}

function isHeader(m: Marked, a: { row: number; col: number }): boolean {
  return m.areas.some((x) => a.row === x.top && a.col >= x.left && a.col <= x.right);
}

/** Cells below the header row (row 0) holding a value or a formula. */
function countBody(formulas: unknown[][]): number {
  let n = 0;
  for (let r = 1; r < formulas.length; r++) for (const v of formulas[r]) if (v !== '' && v !== null && v !== undefined) n++;
  return n;
}

function clearCopy(copy: Excel.Worksheet, m: Marked, note: string, features: ExcelFeatures): void {
  const protection = m.protection!;
  if (protection.protected) copy.protection.unprotect();
  for (const a of m.areas) if (a.bottom > a.top) copy.getRange(rangeRef(a.top + 1, a.left, a.bottom, a.right)).clear('Contents');
  for (const a of m.annotations) {
    if (isHeader(m, a)) continue;
    const address = cellRef(a.row, a.col);
    if (a.kind === 'note') copy.notes.getItem(address).delete();
    else copy.comments.getItemByCell(address).delete();
  }
  // Each header that has text gets the note, in place of any note it had.
  for (const scan of m.scans) {
    const headers = scan.formulas[0] ?? [];
    headers.forEach((text, i) => {
      if (text === '' || text === null || text === undefined) return;
      const row = scan.area.top;
      const col = scan.area.left + i;
      const address = cellRef(row, col);
      for (const had of m.annotations.filter((a) => a.row === row && a.col === col)) {
        if (had.kind === 'note') copy.notes.getItem(address).delete();
        else copy.comments.getItemByCell(address).delete();
      }
      if (features.notes) copy.notes.add(address, note);
      else if (features.comments) copy.comments.add(address, note);
    });
  }
  if (protection.protected) copy.protection.protect(protection.options);
}

function passwordProtected(sheet: string, cause?: unknown): HostError {
  return new HostError('sheetPasswordProtected', `sheet "${sheet}" is protected with a password; unprotect it to make a share-safe copy`, {
    params: { sheet },
    officeCode: cause === undefined ? undefined : 'BadPassword',
    cause,
  });
}

/** Best effort after a failed copy: every sheet that was not there before goes. */
async function removeAddedSheets(context: Excel.RequestContext, before: Set<string>): Promise<void> {
  try {
    const sheets = context.workbook.worksheets;
    sheets.load('items/id');
    await context.sync();
    for (const s of sheets.items) if (!before.has(s.id)) s.delete();
    await context.sync();
  } catch (cleanup) {
    // The copy already failed and that error is what the caller sees; a sheet left behind is
    // visible to the user and holds only what the original holds. Logged so a support session
    // can tell why it is there.
    console.warn('Account Planner: removing the partly made share-safe copies failed', cleanup);
  }
}
