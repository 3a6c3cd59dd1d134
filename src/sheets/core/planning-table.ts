import common from '../../i18n/common';
import { translator } from '../../i18n/define';
import { cellRef, columnLetter, parseCell, parseRange, rangeRef } from './a1';
import type { SheetBuilder } from './sheet-builder';
import type { CellContent, CellStyle, Lang, SheetSpec, ValidationSpec } from './sheet-spec';
import { COLORS, dateColumnWidth, NUMFMT, STYLE, style } from './styles';

/**
 * Bounds of every input date cell. Excel expects a date rule to carry an operator and values;
 * a bare type="date" rule is not something Excel writes itself.
 */
export const DATE_MIN = new Date(Date.UTC(2000, 0, 1));
export const DATE_MAX = new Date(Date.UTC(2099, 11, 31));

/**
 * One column of a planning table (an Excel table whose body rows are pre-made: blank input
 * cells for the planner and formulas that stay "" until the row is filled). Columns are named
 * by a key: formulas, ranges and example data address them by key, never by position, so
 * adding or moving a column is one edit to the table's column list.
 */
export interface PlanColumn<K extends string = string> {
  key: K;
  header: string;
  /**
   * A computed column: the formula for a given sheet row, given the letters of the table's
   * columns by key (`(r, c) => \`IF($${c.customer}${r}="","",…)\``). Its cells are grey.
   */
  formula?: (row: number, col: ColumnLetters<K>) => string;
  /** A constant label per body row (e.g. fixed criteria); rows without one stay input cells. */
  labels?: CellContent[];
  /**
   * A computed cell in some body rows only (by row, as labels), e.g. the one measure a linked
   * sheet fills; rows without one stay input cells under the column's input rule.
   */
  rowFormulas?: readonly (string | undefined)[];
  numFmt?: string;
  /** Drop-down or number rule for an input column, with the text shown when the cell is selected. */
  input?: InputRule;
  /** Personal information: distinct header, listed in the sheet's personalRanges. */
  personal?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Sheet column width; set only by tables that own their columns (not stacked under others). */
  width?: number;
  /** A helper column kept out of sight (and out of print), e.g. a chart's data. */
  hidden?: boolean;
  /** Header cell style instead of the table header style (e.g. a header the planner types). */
  headerStyle?: CellStyle;
}

/** Column letters of a placed table, by key. */
export type ColumnLetters<K extends string> = Readonly<Record<K, string>>;

export type InputRule =
  | { list: string[]; prompt: string }
  | { whole: [number, number]; prompt: string }
  | { decimal: [number, number]; prompt: string; shown?: [string, string] }
  | { date: true; prompt: string };

/** One example row: values by column key; computed and label columns are ignored. */
export type PlanRow<K extends string> = Partial<Record<K, CellContent>>;

export interface PlanTableOptions<K extends string> {
  /** Workbook-unique table name, prefixed with the template kind. */
  name: string;
  /** Sheet row of the header. */
  top: number;
  left: number;
  columns: readonly PlanColumn<K>[];
  /** Number of body rows. */
  rows: number;
  /** Example values per body row. */
  data?: readonly PlanRow<K>[];
  tableStyle?: string;
}

export interface PlacedTable<K extends string = string> {
  name: string;
  headerRow: number;
  firstRow: number;
  lastRow: number;
  /** First and last sheet column of the table. */
  left: number;
  right: number;
  /** Column letters by key. */
  col: ColumnLetters<K>;
  /** Sheet column index of a column. */
  index(key: K): number;
  /** Absolute body range of a column, e.g. "$E$7:$E$26". */
  range(key: K): string;
  /** Relative body range of a column, e.g. "E7:E26". */
  body(key: K): string;
  /** Relative body range from one column to another, e.g. "L13:M42". */
  span(from: K, to: K): string;
  /** The whole table, header included. */
  ref: string;
  /** Personal column ranges, header included. */
  personal: string[];
}

/**
 * Test-only: a blank column spliced into tables as they are placed, to show that every formula
 * finds its columns by key (test/templates/column-insertion.lo.test.ts).
 */
export interface ColumnProbe {
  header: string;
  /** Position to insert the probe column at in this table (0 = first), or undefined for none. */
  at(table: string, keys: readonly string[]): number | undefined;
}

export const PROBE_KEY = '__probe__';

/**
 * Test-only: one more body row in a table, a copy of the row above it — what a planner gets by
 * inserting a row inside the table and copying the row above into it (test/templates/row-insertion.test.ts).
 */
export interface RowProbe {
  /** Body index (1 … rows − 1) at which the copy goes, or undefined to leave the table as it is. */
  at(table: string, rows: number): number | undefined;
}

export const PERSONAL_HEADER: CellStyle = style(STYLE.header, { fill: '7030A0' });

/** Places an Excel table with styled header, body cells, validations and personal markers. */
export function planTable<K extends string>(b: SheetBuilder, lang: Lang, o: PlanTableOptions<K>): PlacedTable<K> {
  const t = translator(common, lang);
  const columns: PlanColumn<string>[] = [...(o.columns as readonly PlanColumn<string>[])];
  const probeAt = b.columnProbe?.at(o.name, columns.map((c) => c.key));
  if (probeAt !== undefined && b.columnProbe) columns.splice(probeAt, 0, { key: PROBE_KEY, header: b.columnProbe.header });
  const copyAt = b.rowProbe?.at(o.name, o.rows);
  const rows = copyAt === undefined ? o.rows : o.rows + 1;
  /** Body index → the index of the example row (or label) it shows. */
  const source = (k: number) => (copyAt === undefined || k < copyAt ? k : k - 1);
  const first = o.top + 1;
  const last = o.top + rows;
  const indexOf = new Map(columns.map((c, i) => [c.key, o.left + i]));
  const letters = Object.fromEntries(columns.map((c, i) => [c.key, columnLetter(o.left + i)])) as ColumnLetters<K>;
  const index = (key: K) => {
    const i = indexOf.get(key);
    if (i === undefined) throw new Error(`table ${o.name} has no column ${key}`);
    return i;
  };
  const personal: string[] = [];

  columns.forEach((c, i) => {
    const col = o.left + i;
    const headerStyle = c.headerStyle ?? (c.personal ? PERSONAL_HEADER : STYLE.header);
    b.at(o.top, col, c.header, headerStyle, c.personal ? t('personalHeaderNote') : undefined);
    if (c.personal) personal.push(rangeRef(o.top, col, last, col));
    if (c.width !== undefined) b.width(col, c.width, c.hidden);
    if (c.numFmt === NUMFMT.date && !c.hidden) b.minWidth(col, dateColumnWidth(lang));
    const align = { alignment: { horizontal: c.align, wrapText: true, vertical: 'top' as const } };
    for (let r = first; r <= last; r++) {
      const k = source(r - first);
      if (c.formula) {
        b.at(r, col, { formula: c.formula(r, letters) }, style(STYLE.computed, { numFmt: c.numFmt }, align));
      } else if (c.rowFormulas?.[k] !== undefined) {
        b.at(r, col, { formula: c.rowFormulas[k] }, style(STYLE.computed, { numFmt: c.numFmt }, align));
      } else if (c.labels && c.labels[k] !== undefined) {
        b.at(r, col, c.labels[k], style(STYLE.computed, { font: { bold: true }, numFmt: c.numFmt }, align));
      } else {
        const value = (o.data?.[k] as Record<string, CellContent> | undefined)?.[c.key] ?? null;
        b.at(r, col, value, style(STYLE.input, { numFmt: c.numFmt }, align));
      }
    }
    if (c.input && !c.formula && !c.labels) b.validation(validationFor(lang, rangeRef(first, col, last, col), c.input));
  });

  const right = o.left + columns.length - 1;
  const ref = rangeRef(o.top, o.left, last, right);
  b.table({
    name: o.name,
    ref,
    columns: columns.map((c) => ({ name: c.header })),
    style: o.tableStyle ?? 'TableStyleLight9',
    showRowStripes: false,
  });

  return {
    name: o.name,
    headerRow: o.top,
    firstRow: first,
    lastRow: last,
    left: o.left,
    right,
    col: letters,
    index,
    range: (key) => rangeRef(first, index(key), last, index(key), true),
    body: (key) => rangeRef(first, index(key), last, index(key)),
    span: (from, to) => rangeRef(first, index(from), last, index(to)),
    ref,
    personal,
  };
}

/** A validation with the product's input message and error alert texts. */
export function validationFor(lang: Lang, ref: string, rule: InputRule): ValidationSpec {
  const t = translator(common, lang);
  const prompt = { title: t('inputPromptTitle'), message: rule.prompt };
  if ('list' in rule)
    return {
      ref,
      rule: { type: 'list', values: rule.list },
      allowBlank: true,
      prompt,
      error: { title: t('listErrorTitle'), message: t('listErrorMessage'), style: 'stop' },
    };
  if ('date' in rule)
    return {
      ref,
      rule: { type: 'date', min: DATE_MIN, max: DATE_MAX },
      allowBlank: true,
      prompt,
      error: { title: t('dateErrorTitle'), message: t('dateErrorMessage') },
    };
  const [min, max] = 'whole' in rule ? rule.whole : rule.decimal;
  const shown = 'decimal' in rule && rule.shown ? rule.shown : [String(min), String(max)];
  return {
    ref,
    rule: { type: 'whole' in rule ? 'whole' : 'decimal', min, max },
    allowBlank: true,
    prompt,
    error: { title: t('numberErrorTitle'), message: t('numberErrorMessage', { min: shown[0], max: shown[1] }), style: 'stop' },
  };
}

/** A small labelled block row: bold label, then a value cell (input or computed). */
export function labelled(b: SheetBuilder, row: number, col: number, label: string, value: CellContent, valueStyle: CellStyle): string {
  b.at(row, col, label, style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true } }));
  b.at(row, col + 1, value, valueStyle);
  return cellRef(row, col + 1);
}

/** Red text on a pale red fill: the look of a risk or rule-violation flag. */
export const FLAG_STYLE = { fill: COLORS.red, font: { bold: true, color: COLORS.redText } };
export const OK_STYLE = { fill: COLORS.green, font: { color: COLORS.greenText } };

/** Quotes a label for use inside a formula string literal. */
export function q(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

const CJK_TEXT = /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/;

/** Approximate width of text in column-width units: CJK and full-width characters count double. */
function textUnits(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 2 : 1;
  return n;
}

/**
 * Raises row heights so wrapped text fits: neither Excel nor LibreOffice re-fits rows of a file
 * they open, so a long phrase would otherwise overflow into the row below. Rows 1–4 (title
 * block) keep their heights; multi-row merges are ignored.
 */
export function fitRowHeights(sheet: SheetSpec, fromRow = 5): SheetSpec {
  const widths = new Map((sheet.columns ?? []).map((c) => [c.index, c.width]));
  const widthOf = (col: number) => widths.get(col) ?? 9;
  const spans = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of sheet.merges ?? []) {
    const r = parseRange(m);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) covered.add(cellRef(row, col));
    let w = 0;
    for (let col = r.left; col <= r.right; col++) w += widthOf(col);
    spans.set(cellRef(r.top, r.left), r.top === r.bottom ? w : -1);
  }
  const heights: Record<number, number> = { ...sheet.rowHeights };
  for (const c of sheet.cells) {
    if (typeof c.value !== 'string' || covered.has(c.ref)) continue;
    const { row, col } = parseCell(c.ref);
    const span = spans.get(c.ref) ?? widthOf(col);
    if (row < fromRow || span < 0) continue;
    const size = c.style?.font?.size ?? 11;
    const available = Math.max(1, span - 1.5) * (11 / size);
    const lines = c.value.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(textUnits(part) / available)), 0);
    // Line heights as LibreOffice and Excel lay out the default fonts: Chinese text (Noto Sans
    // CJK, DengXian) takes about 1.45 em a line, Latin text (Calibri, Carlito) about 1.25 em.
    const lineHeight = CJK_TEXT.test(c.value) ? 1.45 : 1.25;
    const needed = Math.ceil(lines * size * lineHeight + 4);
    if (needed > (heights[row] ?? 15)) heights[row] = needed;
  }
  return { ...sheet, rowHeights: heights };
}

/** Whole yuan, for summary cells where cents only cost width. */
export const CNY_WHOLE = '"¥"#,##0';

/** `$D13`-style references to one row's cells, by column key, for per-row formulas. */
export function rowCells<K extends string>(col: ColumnLetters<K>, row: number): Readonly<Record<K, string>> {
  return Object.fromEntries(Object.entries<string>(col).map(([k, letter]) => [k, `$${letter}${row}`])) as Record<K, string>;
}

/** Customer types (docs/rules/templates/development-plan.md), for the drop-downs of the templates that classify customers. */
export function customerTypes(lang: Lang): string[] {
  const t = translator(common, lang);
  return [t('typeGovernment'), t('typeInstitution'), t('typeAssociation'), t('typeEnterprise'), t('typeIndividual')];
}
