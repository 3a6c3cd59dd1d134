import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { ReadError } from './read-error';
import { isEmptyRow, type CellValue, type RowRecord } from './rows';
import { isDateFormat, serialToDate } from './number-format';
import { openZip, type ZipArchive, type ZipEntry } from './zip';

/**
 * Reads the worksheets of an .xlsx (SpreadsheetML, ECMA-376 Part 1 section 18; Strict and Transitional)
 * into rows of plain cell values. The package is found through relationships (Part 2, OPC) — never
 * through fixed paths or the order of the zip entries — so files from Excel (Windows, Mac, Online),
 * LibreOffice, WPS, Numbers, Google Sheets, openpyxl and friends read alike:
 *
 * - part names compared without letter case; relationship targets relative or absolute ("/xl/…");
 * - the shared strings, styles and workbook parts read before any worksheet, whatever the entry order;
 * - cells and rows without the optional `r` attribute take the next column / row; `r` in lower case;
 * - text from `<t>` and rich-text runs, never from phonetic runs (`<rPh>`, furigana); CDATA sections;
 *   `_xHHHH_` escapes (ST_Xstring, section 22.9.2.19) decoded;
 * - numbers formatted as dates, and `t="d"` cells (ISO 8601 text), as dates; the 1904 date system;
 * - booleans, error codes as text, formula results as cached in the file.
 *
 * XML is parsed by saxes (well-formedness, entities, CDATA, namespaces prefixes); zip by ./zip.ts
 * with fflate inflating. No Node built-ins: the task pane uses this module as it is.
 */

export interface SheetInfo {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Zip entry of the worksheet part. */
  entry: ZipEntry;
}

export interface XlsxBook {
  /** Worksheets in tab order (chart sheets and macro sheets are not listed). */
  sheets: SheetInfo[];
  /** The workbook counts dates from 1904 (old Mac Excel). */
  date1904: boolean;
  /** The sheet's non-blank rows in batches of up to `batch` rows. */
  rows(sheet: SheetInfo, batch?: number): Generator<RowRecord[]>;
  /** Every sheet name in the order of <sheets>, chart sheets included (what a name's localSheetId counts). */
  sheetOrder: string[];
  /** The workbook's defined names as the file holds them (formula without "="). */
  definedNames: BookName[];
  /** The Excel tables (ListObjects) of a worksheet: name and range, header row included. */
  tables(sheet: SheetInfo): { name: string; ref: string }[];
}

export interface BookName {
  name: string;
  formula: string;
  localSheetId?: number;
}

const REL_SUFFIX = {
  officeDocument: '/officedocument',
  worksheet: '/worksheet',
  table: '/table',
  sharedStrings: '/sharedstrings',
  styles: '/styles',
};

interface Relationship {
  id: string;
  type: string;
  target: string;
}

export function openXlsxBook(bytes: Uint8Array): XlsxBook {
  const zip = openZip(bytes);
  const rootRels = readRels(zip, '');
  const docRel = rootRels.find((r) => r.type.endsWith(REL_SUFFIX.officeDocument));
  const workbookPath = docRel ? docRel.target : 'xl/workbook.xml';
  const workbookEntry = zip.find(workbookPath);
  if (!workbookEntry) throw new ReadError('bad-format', { detail: `it has no workbook part (${workbookPath}): is it an .xlsx file?` });
  const workbook = parseWorkbook(partText(zip, workbookEntry));
  const rels = readRels(zip, workbookPath);
  const relById = new Map(rels.map((r) => [r.id, r]));

  const sharedRel = rels.find((r) => r.type.endsWith(REL_SUFFIX.sharedStrings));
  const sharedEntry = sharedRel ? zip.find(sharedRel.target) : undefined;
  const shared = sharedEntry ? parseSharedStrings(partText(zip, sharedEntry)) : [];
  const stylesRel = rels.find((r) => r.type.endsWith(REL_SUFFIX.styles));
  const stylesEntry = stylesRel ? zip.find(stylesRel.target) : undefined;
  const dateStyles = stylesEntry ? parseDateStyles(partText(zip, stylesEntry)) : [];

  const sheets: SheetInfo[] = [];
  for (const s of workbook.sheets) {
    const rel = relById.get(s.rid);
    if (!rel || !rel.type.endsWith(REL_SUFFIX.worksheet)) continue;
    const entry = zip.find(rel.target);
    if (!entry) throw new ReadError('bad-format', { detail: `the sheet "${s.name}" has no part (${rel.target})` });
    sheets.push({ name: s.name, state: s.state, entry });
  }

  return {
    sheets,
    date1904: workbook.date1904,
    rows: (sheet, batch = 2048) => sheetRows(zip, sheet, { shared, dateStyles, date1904: workbook.date1904 }, batch),
    sheetOrder: workbook.sheets.map((s) => s.name),
    definedNames: workbook.names,
    tables: (sheet) => sheetTables(zip, sheet),
  };
}

// ——— parts ———

/** Decodes a part: UTF-8 (a BOM is dropped) or UTF-16 with its BOM. */
function decoderFor(first: Uint8Array): TextDecoder {
  if (first[0] === 0xff && first[1] === 0xfe) return new TextDecoder('utf-16le');
  if (first[0] === 0xfe && first[1] === 0xff) return new TextDecoder('utf-16be');
  return new TextDecoder('utf-8');
}

function partText(zip: ZipArchive, entry: ZipEntry): string {
  const bytes = zip.read(entry);
  return decoderFor(bytes).decode(bytes);
}

function local(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

/** An attribute by its local name (`r:id` → `id`), whatever the prefix. */
function attr(tag: SaxesTagPlain, name: string): string | undefined {
  const attrs = tag.attributes as Record<string, string>;
  if (name in attrs) return attrs[name];
  for (const k in attrs) if (local(k) === name) return attrs[k];
  return undefined;
}

function xmlParser(part: string): SaxesParser {
  const p = new SaxesParser({ xmlns: false, position: true });
  p.on('error', (err) => {
    throw new ReadError('bad-format', { detail: `the part ${part} is not well-formed XML (${err.message})` });
  });
  return p;
}

/** Relationships of a part: `dir/_rels/name.rels`, targets resolved to package paths. */
function readRels(zip: ZipArchive, partPath: string): Relationship[] {
  const slash = partPath.lastIndexOf('/');
  const dir = slash < 0 ? '' : partPath.slice(0, slash + 1);
  const file = partPath.slice(slash + 1);
  const entry = zip.find(`${dir}_rels/${file}.rels`);
  if (!entry) return [];
  const out: Relationship[] = [];
  const p = xmlParser(entry.name);
  p.on('opentag', (tag) => {
    if (local(tag.name) !== 'Relationship') return;
    if ((attr(tag, 'TargetMode') ?? '').toLowerCase() === 'external') return;
    out.push({ id: attr(tag, 'Id') ?? '', type: (attr(tag, 'Type') ?? '').toLowerCase(), target: resolveTarget(dir, attr(tag, 'Target') ?? '') });
  });
  p.write(partText(zip, entry)).close();
  return out;
}

/** A relationship target against the source part's folder; "/xl/…" is from the package root. */
export function resolveTarget(dir: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const parts = (t.startsWith('/') ? t : dir + t).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(decodeURIComponentSafe(part));
  }
  return out.join('/');
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** The tables a worksheet's relationships point at: each table part's name and ref. */
function sheetTables(zip: ZipArchive, sheet: SheetInfo): { name: string; ref: string }[] {
  const out: { name: string; ref: string }[] = [];
  for (const rel of readRels(zip, sheet.entry.name)) {
    if (!rel.type.endsWith(REL_SUFFIX.table)) continue;
    const entry = zip.find(rel.target);
    if (!entry) continue;
    const p = xmlParser(entry.name);
    let seen = false;
    p.on('opentag', (tag) => {
      if (seen || local(tag.name) !== 'table') return;
      seen = true;
      out.push({ name: attr(tag, 'displayName') ?? attr(tag, 'name') ?? '', ref: attr(tag, 'ref') ?? '' });
    });
    p.write(partText(zip, entry)).close();
  }
  return out;
}

function parseWorkbook(xml: string): { sheets: { name: string; state: SheetInfo['state']; rid: string }[]; date1904: boolean; names: BookName[] } {
  const sheets: { name: string; state: SheetInfo['state']; rid: string }[] = [];
  const names: BookName[] = [];
  let name: BookName | undefined;
  let date1904 = false;
  const p = xmlParser('workbook');
  // Only the main elements: extensions repeat names (x15:workbookPr in extLst).
  const path: string[] = [];
  p.on('opentag', (tag) => {
    const n = local(tag.name);
    path.push(n);
    if (n === 'workbookPr' && path.length === 2) {
      const v = (attr(tag, 'date1904') ?? '').toLowerCase();
      date1904 = v === '1' || v === 'true';
    } else if (n === 'sheet' && path.length === 3 && path[1] === 'sheets') {
      const state = attr(tag, 'state');
      sheets.push({
        name: attr(tag, 'name') ?? '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        rid: attr(tag, 'id') ?? '',
      });
    } else if (n === 'definedName' && path.length === 3 && path[1] === 'definedNames') {
      const scope = attr(tag, 'localSheetId');
      name = { name: attr(tag, 'name') ?? '', formula: '', ...(scope !== undefined && /^\d+$/.test(scope) ? { localSheetId: Number(scope) } : {}) };
    }
  });
  const onText = (t: string) => {
    if (name) name.formula += t;
  };
  p.on('text', onText);
  p.on('cdata', onText);
  p.on('closetag', () => {
    if (path.pop() === 'definedName' && name) {
      name.formula = name.formula.trim().replace(/^=/, '');
      names.push(name);
      name = undefined;
    }
  });
  p.write(xml).close();
  return { sheets, date1904, names };
}

/** Decodes `_xHHHH_` escapes (ST_Xstring): `_x000D_` is a carriage return, `_x005F_` an underscore. */
export function decodeXString(s: string): string {
  if (s.indexOf('_x') < 0) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * The text of string items (`<si>` or `<is>`): every `<t>`, directly or in rich-text runs `<r>`,
 * never the phonetic runs `<rPh>` (the furigana Japanese Excel stores beside the text).
 */
class StringItemText {
  private depthRph = 0;
  private inT = false;
  private parts: string[] = [];

  open(n: string): void {
    if (n === 'rPh') this.depthRph++;
    else if (n === 't' && this.depthRph === 0) this.inT = true;
  }
  close(n: string): void {
    if (n === 'rPh') this.depthRph--;
    else if (n === 't') this.inT = false;
  }
  text(t: string): void {
    if (this.inT) this.parts.push(t);
  }
  take(): string {
    const s = decodeXString(this.parts.join(''));
    this.parts = [];
    this.inT = false;
    this.depthRph = 0;
    return s;
  }
}

function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const item = new StringItemText();
  let depth = 0;
  const p = xmlParser('sharedStrings');
  // <sst> at depth 1, its <si> items at depth 2.
  p.on('opentag', (tag) => {
    depth++;
    if (depth > 2) item.open(local(tag.name));
  });
  p.on('closetag', (tag) => {
    if (depth === 2 && local(tag.name) === 'si') out.push(item.take());
    else if (depth > 2) item.close(local(tag.name));
    depth--;
  });
  p.on('text', (t) => item.text(t));
  p.on('cdata', (t) => item.text(t));
  p.write(xml).close();
  return out;
}

/** For each cell style (cellXfs index): whether its number format shows a date or time. */
function parseDateStyles(xml: string): boolean[] {
  const formats = new Map<number, string>();
  const xfs: number[] = [];
  const path: string[] = [];
  const p = xmlParser('styles');
  p.on('opentag', (tag) => {
    const n = local(tag.name);
    path.push(n);
    if (path.length !== 3) return;
    if (n === 'numFmt' && path[1] === 'numFmts') formats.set(Number(attr(tag, 'numFmtId')), attr(tag, 'formatCode') ?? '');
    else if (n === 'xf' && path[1] === 'cellXfs') xfs.push(Number(attr(tag, 'numFmtId') ?? 0));
  });
  p.on('closetag', () => void path.pop());
  p.write(xml).close();
  return xfs.map((id) => isDateFormat(id, formats.get(id)));
}

// ——— worksheets ———

interface SheetContext {
  shared: string[];
  dateStyles: boolean[];
  date1904: boolean;
}

/** `B12` or `b12` → column 1 (0-based), row 12; undefined when it is not a cell reference. */
export function parseRef(ref: string): { col: number; row: number } | undefined {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
  }
  if (i === 0 || i > 3) return undefined;
  const row = i < ref.length ? Number(ref.slice(i)) : NaN;
  return { col: col - 1, row: Number.isInteger(row) && row > 0 ? row : NaN };
}

function* sheetRows(zip: ZipArchive, sheet: SheetInfo, ctx: SheetContext, batch: number): Generator<RowRecord[]> {
  const out: RowRecord[] = [];
  const p = xmlParser(sheet.entry.name);
  const item = new StringItemText();
  let depth = 0;
  let dataDepth = -1; // depth of <sheetData>
  let rowNumber = 0;
  let cells: CellValue[] = [];
  let col = -1;
  // The cell being read.
  let type = 'n';
  let style = 0;
  let value = '';
  let formula = '';
  let hasValue = false;
  let hasFormula = false;
  let hasInline = false;
  let field: 'v' | 'f' | 'is' | '' = '';

  p.on('opentag', (tag) => {
    depth++;
    const n = local(tag.name);
    if (dataDepth < 0) {
      if (n === 'sheetData') dataDepth = depth;
      return;
    }
    if (n === 'row' && depth === dataDepth + 1) {
      const r = attr(tag, 'r');
      rowNumber = r !== undefined && /^\d+$/.test(r) ? Number(r) : rowNumber + 1;
      cells = [];
      col = -1;
    } else if (n === 'c' && depth === dataDepth + 2) {
      const r = attr(tag, 'r');
      const ref = r === undefined ? undefined : parseRef(r);
      col = ref ? ref.col : col + 1;
      if (ref && !Number.isNaN(ref.row) && ref.row !== rowNumber) rowNumber = ref.row;
      type = attr(tag, 't') ?? 'n';
      style = Number(attr(tag, 's') ?? 0);
      value = '';
      formula = '';
      hasValue = hasFormula = hasInline = false;
      field = '';
    } else if (depth === dataDepth + 3) {
      if (n === 'v') {
        field = 'v';
        hasValue = true;
      } else if (n === 'f') {
        field = 'f';
        hasFormula = true;
      } else if (n === 'is') {
        field = 'is';
        hasInline = true;
      }
    } else if (field === 'is') item.open(n);
  });
  p.on('closetag', (tag) => {
    const n = local(tag.name);
    if (dataDepth >= 0) {
      if (depth === dataDepth + 3) field = '';
      else if (field === 'is') item.close(n);
      else if (n === 'c' && depth === dataDepth + 2) {
        const v = cellValue(type, style, value, hasValue, formula, hasFormula, hasInline ? item.take() : undefined, ctx, sheet, rowNumber, col);
        if (v !== null) cells[col] = v;
      } else if (n === 'row' && depth === dataDepth + 1) {
        if (cells.length && !isEmptyRow(cells)) {
          for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
          out.push({ rowNumber, cells });
        }
      } else if (depth === dataDepth) dataDepth = -1;
    }
    depth--;
  });
  const onText = (t: string) => {
    if (field === 'v') value += t;
    else if (field === 'f') formula += t;
    else if (field === 'is') item.text(t);
  };
  p.on('text', onText);
  p.on('cdata', onText);

  let decoder: TextDecoder | undefined;
  for (const bytes of zip.chunks(sheet.entry)) {
    decoder ??= decoderFor(bytes);
    p.write(decoder.decode(bytes, { stream: true }));
    while (out.length >= batch) yield out.splice(0, batch);
  }
  p.write(decoder ? decoder.decode() : '').close();
  while (out.length) yield out.splice(0, batch);
}

function cellValue(
  type: string,
  style: number,
  v: string,
  hasValue: boolean,
  formula: string,
  hasFormula: boolean,
  inline: string | undefined,
  ctx: SheetContext,
  sheet: SheetInfo,
  row: number,
  col: number,
): CellValue {
  switch (type) {
    case 's': {
      if (!hasValue || v.trim() === '') return null;
      const i = Number(v);
      if (!Number.isInteger(i) || i < 0 || i >= ctx.shared.length)
        throw new ReadError('bad-format', { detail: `cell ${colName(col)}${row} of "${sheet.name}" refers to shared string ${v}, which does not exist` });
      return ctx.shared[i];
    }
    case 'inlineStr':
      return inline !== undefined ? inline : hasValue ? decodeXString(v) : null;
    case 'str':
      return hasValue ? decodeXString(v) : hasFormula ? `=${formula}` : null;
    case 'b':
      return hasValue ? v.trim() === '1' || v.trim().toLowerCase() === 'true' : null;
    case 'e':
      return hasValue && v.trim() !== '' ? v.trim() : null;
    case 'd': {
      if (!hasValue || v.trim() === '') return null;
      return isoToDate(v.trim()) ?? v;
    }
    default: {
      if (!hasValue || v.trim() === '') return hasFormula ? `=${formula}` : null;
      const x = Number(v);
      if (!Number.isFinite(x)) return v;
      if (ctx.dateStyles[style]) return serialToDate(x, ctx.date1904) ?? x;
      return x;
    }
  }
}

/** ISO 8601 text of a `t="d"` cell: `2026-03-01`, `2026-03-01T08:26:00Z`, `T10:10:10`, `10:10:10`. */
export function isoToDate(text: string): Date | undefined {
  const m = /^(?:(\d{4})-(\d{2})-(\d{2}))?(?:[T ]?(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  if (!m || (!m[1] && !m[4])) return undefined;
  // A time alone is a time of day on day 0, which serialToDate shows as 1899-12-31 ("1900-01-00").
  const [y, mo, d] = m[1] ? [Number(m[1]), Number(m[2]), Number(m[3])] : [1899, 12, 31];
  const ms = Date.UTC(y, mo - 1, d, Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), Math.round(Number(m[7] ?? 0) * 1000));
  const date = new Date(ms);
  // The calendar day as written: a zone offset is not applied (Excel shows the wall-clock time).
  if (date.getUTCMonth() !== mo - 1 && m[1]) return undefined;
  return date;
}

function colName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function isOle(b: Uint8Array): boolean {
  return b.length >= 8 && b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0 && b[4] === 0xa1 && b[5] === 0xb1 && b[6] === 0x1a && b[7] === 0xe1;
}

/**
 * An OLE compound file is either an old .xls workbook or an encrypted .xlsx: Office wraps an
 * encrypted package in a compound file with the streams "EncryptionInfo" and "EncryptedPackage"
 * ([MS-OFFCRYPTO] section 2.3.4.1). Their names are stored in UTF-16LE in the directory.
 */
export function oleError(bytes: Uint8Array): ReadError {
  const name = 'EncryptedPackage';
  outer: for (let i = 0; i + name.length * 2 <= bytes.length; i++) {
    for (let k = 0; k < name.length; k++) if (bytes[i + 2 * k] !== name.charCodeAt(k) || bytes[i + 2 * k + 1] !== 0) continue outer;
    return new ReadError('encrypted');
  }
  return new ReadError('old-xls');
}
