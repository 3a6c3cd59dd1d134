/**
 * The in-memory workbook the fake Excel applies queued operations to: cell values and
 * formulas, number formats, formats as layers, merges, tables, validations, conditional
 * formats, names, freeze panes, page layout, protection, charts, notes and comments.
 * It does not calculate formulas. Sources and assumptions: see each family file and ASSUMPTIONS.md.
 */
import { FakeOfficeError } from './errors';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type CellValue = string | number | boolean;

export interface ModelCell {
  /** Constant value; undefined for a formula cell or an empty cell with only a format. */
  value?: CellValue;
  /** Formula without "=". */
  formula?: string;
  /** A cell value Excel computed (tests set it to read formula results back). */
  computed?: CellValue;
  numberFormat?: string;
  /** Written with a leading apostrophe: text that stays text. */
  quotePrefix?: boolean;
  /** An error literal such as #N/A typed as a value. */
  error?: string;
}

export interface FormatLayer {
  rect: Rect;
  /** Dotted property path, e.g. "font.bold", "fill.color", "borders.EdgeTop.style", "protection.locked". */
  path: string;
  value: unknown;
}

export interface ModelTable {
  id: string;
  name: string;
  sheet: ModelSheet;
  rect: Rect;
  style: string;
  showBandedRows: boolean;
  showHeaders: boolean;
}

export interface ModelValidation {
  rect: Rect;
  rule: Record<string, unknown>;
  ignoreBlanks: boolean;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert: { showAlert: boolean; style: string; title: string; message: string };
}

export interface ModelConditionalFormat {
  id: number;
  rect: Rect;
  type: string;
  /** custom: { formula }, cellValue: { formula1, formula2?, operator }, dataBar: bar settings. */
  rule: Record<string, unknown>;
  format: { fill?: string; font: Record<string, unknown> };
  stopIfTrue: boolean;
}

export interface ModelName {
  name: string;
  /** null = workbook scope. */
  scope: ModelSheet | null;
  /** Reference as Excel reports it: ='Sheet'!$A$1:$B$2. */
  formula: string;
  comment: string;
}

export interface ModelChartSeries {
  name: string;
  /** Made by charts.add from the source range (not by series.add). */
  fromSource?: boolean;
  values?: string;
  xValues?: string;
  bubbleSizes?: string;
  chartType?: string;
  axisGroup: string;
}

export interface ModelChart {
  /** "Chart 1", "Chart 2" … unique on its sheet, as Excel names new charts. */
  name: string;
  type: string;
  source: string;
  title: string;
  anchor?: string;
  width?: number;
  height?: number;
  series: ModelChartSeries[];
  axes: Record<string, Record<string, unknown>>;
  /** Whether hidden rows and columns are left out of the chart; Excel's default is true. */
  plotVisibleOnly?: boolean;
}

export interface ModelPageLayout {
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number | null; verticalFitToPages?: number | null; scale?: number | null };
  centerHorizontally?: boolean;
  margins: Record<string, number>;
  printTitleRows?: string;
  printArea?: string;
  /** Rows after which a manual page break starts a new page. */
  rowBreaks?: number[];
}

export class ModelSheet {
  readonly cells = new Map<number, ModelCell>();
  readonly formats: FormatLayer[] = [];
  readonly merges: Rect[] = [];
  readonly validations: ModelValidation[] = [];
  /** In priority order: index 0 is the highest priority. */
  readonly conditionalFormats: ModelConditionalFormat[] = [];
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  readonly rowHeights = new Map<number, number>();
  readonly charts: ModelChart[] = [];
  readonly notes = new Map<string, string>();
  readonly comments = new Map<string, string>();
  freeze: { rows: number; columns: number } | null = null;
  pageLayout: ModelPageLayout = { margins: {} };
  protection: { protected: boolean; options?: Record<string, unknown>; password?: string } = { protected: false };
  visibility = 'Visible';
  tabColor = '';

  constructor(
    readonly workbook: ModelWorkbook,
    readonly id: string,
    public name: string,
  ) {}

  key(row: number, col: number): number {
    return row * MAX_COLUMNS + col;
  }

  cell(row: number, col: number): ModelCell | undefined {
    return this.cells.get(this.key(row, col));
  }

  ensureCell(row: number, col: number): ModelCell {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) this.cells.set(k, (c = {}));
    return c;
  }

  /** The last format layer covering a cell for a property path, or undefined (Excel's default). */
  formatAt(row: number, col: number, path: string): unknown {
    for (let i = this.formats.length - 1; i >= 0; i--) {
      const f = this.formats[i];
      if (f.path === path && contains(f.rect, row, col)) return f.value;
    }
    return undefined;
  }

  /** Bounding box of cells holding a value or formula (values only), or null. */
  usedRect(): Rect | null {
    let r: Rect | null = null;
    for (const [k, c] of this.cells) {
      if (c.value === undefined && c.formula === undefined && c.error === undefined) continue;
      const row = Math.floor(k / MAX_COLUMNS);
      const col = k % MAX_COLUMNS;
      if (!r) r = { top: row, left: col, bottom: row, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.bottom = Math.max(r.bottom, row);
        r.left = Math.min(r.left, col);
        r.right = Math.max(r.right, col);
      }
    }
    return r;
  }

  assertEditable(rect: Rect, what: string): void {
    if (!this.protection.protected) return;
    for (let row = rect.top; row <= Math.min(rect.bottom, rect.top + 2000); row++)
      for (let col = rect.left; col <= rect.right; col++) {
        if (this.formatAt(row, col, 'protection.locked') !== false) {
          throw new FakeOfficeError('AccessDenied', `${what}: the cell is on a protected sheet`, `${this.name}!${row}:${col}`);
        }
      }
  }
}

export class ModelWorkbook {
  readonly sheets: ModelSheet[] = [];
  readonly tables: ModelTable[] = [];
  readonly names: ModelName[] = [];
  /** The saved document settings (what Office writes into the file). */
  savedSettings: Record<string, unknown> = {};
  selection: { sheet: ModelSheet; rect: Rect } | null = null;
  activeSheet: ModelSheet | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, '0')}}`;
  }

  sheet(name: string): ModelSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower || s.id === name);
  }

  addSheet(name: string): ModelSheet {
    if (this.sheet(name)) throw new FakeOfficeError('ItemAlreadyExists', `A sheet named ${name} already exists`, 'WorksheetCollection.add');
    const sheet = new ModelSheet(this, this.newId('sheet'), name);
    this.sheets.push(sheet);
    return sheet;
  }
}

export function contains(r: Rect, row: number, col: number): boolean {
  return row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;
}

export function overlaps(a: Rect, b: Rect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function sameRect(a: Rect, b: Rect): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

export function colLetters(index: number): string {
  let n = index;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/**
 * Parses an address as Excel's getRange does: "A1", "A1:C3", "$A$1", "A:C", "5:7", optionally
 * with a sheet prefix (returned separately). Anything else is InvalidArgument.
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } {
  let text = address.trim();
  let sheet: string | undefined;
  const bang = text.lastIndexOf('!');
  if (bang >= 0) {
    sheet = text.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
    text = text.slice(bang + 1);
  }
  const part = (p: string) => {
    let m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(p);
    if (m) return { col: colIndex(m[1]), row: Number(m[2]) };
    m = /^\$?([A-Za-z]{1,3})$/.exec(p);
    if (m) return { col: colIndex(m[1]), row: undefined };
    m = /^\$?(\d+)$/.exec(p);
    if (m) return { col: undefined, row: Number(m[1]) };
    throw new FakeOfficeError('InvalidArgument', `The argument is invalid or missing or has an incorrect format: ${address}`, 'Worksheet.getRange');
  };
  const [a, b = a] = text.split(':');
  const p = part(a);
  const q = part(b);
  const rows = p.row === undefined || q.row === undefined;
  const cols = p.col === undefined || q.col === undefined;
  if ((p.row === undefined) !== (q.row === undefined) || (p.col === undefined) !== (q.col === undefined)) {
    throw new FakeOfficeError('InvalidArgument', `mixed address ${address}`, 'Worksheet.getRange');
  }
  const rect: Rect = {
    top: rows ? 1 : Math.min(p.row!, q.row!),
    bottom: rows ? MAX_ROWS : Math.max(p.row!, q.row!),
    left: cols ? 1 : Math.min(p.col!, q.col!),
    right: cols ? MAX_COLUMNS : Math.max(p.col!, q.col!),
  };
  if (rect.bottom > MAX_ROWS || rect.right > MAX_COLUMNS || rect.top < 1 || rect.left < 1) {
    throw new FakeOfficeError('InvalidArgument', `address out of the grid: ${address}`, 'Worksheet.getRange');
  }
  return { sheet, rect };
}

export function rectAddress(r: Rect, absolute = false): string {
  const d = absolute ? '$' : '';
  const a = `${d}${colLetters(r.left)}${d}${r.top}`;
  if (r.top === r.bottom && r.left === r.right) return a;
  return `${a}:${d}${colLetters(r.right)}${d}${r.bottom}`;
}

export function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Sheet names Excel rejects: blank, > 31 characters, : \ / ? * [ ], leading/trailing apostrophe. */
export function assertSheetName(name: string): void {
  if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || /^'|'$/.test(name) || name.toLowerCase() === 'history') {
    throw new FakeOfficeError('InvalidArgument', `invalid sheet name "${name}"`, 'Worksheet.name');
  }
}

/** Defined-name and table-name syntax: letter/underscore/backslash first, no spaces, not a cell reference. */
export function assertDefinedName(name: string, where: string): void {
  const looksLikeCell = /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name);
  if (!/^[A-Za-z_\\\u00C0-\uFFFF][\w.\\\u00C0-\uFFFF]*$/.test(name) || name.length > 255 || looksLikeCell) {
    throw new FakeOfficeError('InvalidArgument', `invalid name "${name}"`, where);
  }
}

const ERROR_LITERALS = new Set(['#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!']);
const EPOCH = Date.UTC(1899, 11, 30);

function dateSerial(y: number, m: number, d: number): number | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31) return undefined;
  return (Date.UTC(y, m - 1, d) - EPOCH) / 86_400_000;
}

/**
 * What Excel stores when a string is written through Range.values/formulas. Sources: a value
 * starting with "+", "-" or "=" is read as a formula (Range.values reference,
 * https://learn.microsoft.com/javascript/api/excel/excel.range); other strings are parsed as if
 * typed in en-US Excel, whatever the user's locale ("the APIs use USA locale by default",
 * https://github.com/OfficeDev/office-js/issues/1559), which is what makes unescaped "001" or
 * "2026-03-01" come back as numbers. A leading apostrophe keeps text as text.
 * Which en-US inputs become numbers, dates, percentages, booleans and errors, and the number
 * format a parsed date gets, are assumptions (ASSUMPTIONS.md). Chinese dates such as "3月1日"
 * are NOT converted: that would need the zh-CN parser, which the API does not use (#1559).
 */
export function coerceTyped(input: string): ModelCell {
  if (input.startsWith("'")) return { value: input.slice(1), quotePrefix: true };
  if (/^[=+\-@]/.test(input) && input.length > 1) {
    const body = input.replace(/^[=+@]/, '');
    const asNumber = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(input.replace(/,/g, ''));
    if (!asNumber) return { formula: input.startsWith('=') ? body : input.startsWith('-') ? input : body };
  }
  const trimmed = input.trim();
  const plain = trimmed.replace(/,/g, '');
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return { value: Number(plain) };
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)%$/.test(plain)) return { value: Number(plain.slice(0, -1)) / 100, numberFormat: '0%' };
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  if (ERROR_LITERALS.has(trimmed.toUpperCase())) return { error: trimmed.toUpperCase() };
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(trimmed);
  if (m) {
    const serial = dateSerial(Number(m[1]), Number(m[2]), Number(m[3]));
    if (serial !== undefined) return { value: serial, numberFormat: 'yyyy-mm-dd' };
  }
  // en-US month/day/year, as in office-js-docs-pr#1730 where "1/1/2017" became a date.
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (m) {
    const serial = dateSerial(Number(m[3]), Number(m[1]), Number(m[2]));
    if (serial !== undefined) return { value: serial, numberFormat: 'm/d/yyyy' };
  }
  // en-US month/day without a year: a date in the current year.
  m = /^(\d{1,2})[/-](\d{1,2})$/.exec(trimmed);
  if (m) {
    const serial = dateSerial(new Date().getFullYear(), Number(m[1]), Number(m[2]));
    if (serial !== undefined) return { value: serial, numberFormat: 'd-mmm' };
  }
  return { value: input };
}

/**
 * What Excel does to formulas naming a sheet when that sheet is renamed (they follow it: the
 * reference is to the sheet, not to its name) or deleted (to = null: the reference becomes
 * #REF!, e.g. ='Bonus'!C5 → =#REF!C5). Text inside string literals is left alone.
 */
export function retargetSheetRefs(formula: string, from: string, to: string | null): string {
  if (!formula.includes('!')) return formula;
  const target = from.toLowerCase();
  const replacement = to === null ? '#REF!' : `${quoteName(to)}!`;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const quoted = ch === "'" ? /^'((?:[^']|'')+)'!/.exec(formula.slice(i)) : null;
    const bare = !quoted && !/[\w.$\u00C0-\uFFFF]/.test(formula[i - 1] ?? '') ? /^([A-Za-z_\u00C0-\uFFFF][\w.\u00C0-\uFFFF]*)!/.exec(formula.slice(i)) : null;
    const m = quoted ?? bare;
    if (m) {
      const name = quoted ? m[1].replace(/''/g, "'") : m[1];
      out += name.toLowerCase() === target ? replacement : m[0];
      i += m[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}

/** Applies retargetSheetRefs to every formula the workbook holds: cells, names, rules, validations, charts. */
export function retargetWorkbookRefs(model: ModelWorkbook, from: string, to: string | null): void {
  const map = (f: string) => retargetSheetRefs(f, from, to);
  for (const sheet of model.sheets) {
    for (const cell of sheet.cells.values()) if (cell.formula !== undefined) cell.formula = map(cell.formula);
    for (const cf of sheet.conditionalFormats)
      for (const key of ['formula', 'formula1', 'formula2'])
        if (typeof cf.rule[key] === 'string') cf.rule[key] = map(cf.rule[key] as string);
    for (const v of sheet.validations) {
      const list = v.rule.list as { source?: unknown } | undefined;
      if (list && typeof list.source === 'string' && list.source.startsWith('=')) list.source = map(list.source);
    }
    for (const chart of sheet.charts) {
      chart.source = map(chart.source);
      for (const s of chart.series)
        for (const key of ['values', 'xValues', 'bubbleSizes'] as const) if (s[key] !== undefined) s[key] = map(s[key]!);
    }
  }
  for (const n of model.names) n.formula = map(n.formula);
}
