/**
 * SheetSpec: a host-neutral description of a worksheet. Builders in src/sheets produce it;
 * src/xlsx/write renders it to SpreadsheetML parts and src/office writes it through Excel.run.
 *
 * Conventions shared by every builder and renderer:
 * - Addresses are A1 strings without sheet name ("B3", "A5:H20"); rows/columns are 1-based.
 * - Formulas are stored without the leading "=" and use only A1 references (no structured
 *   table references), so they compute the same in Excel 2010+, WPS and LibreOffice.
 * - Colours are 6-digit RGB hex strings without "#" ("1F4E78").
 */

import type { Lang } from '../../i18n/lang';

export type { Lang };
export { LANGS } from '../../i18n/lang';

export type Scalar = string | number | boolean | Date | null;

/** A formula's computed value as a file stores it beside the formula (dates as serial numbers). */
export type CachedValue = Scalar | { error: string };

/**
 * A formula (without "="). `cached` is the value it computes, written as the cell's stored value
 * so viewers that do not recalculate (Protected View, phone and chat previews, pandas) show it;
 * src/xlsx/evaluate fills it from a spreadsheet engine. Left out, the cell has no stored value
 * until the workbook is recalculated (it asks for that on open either way).
 */
export interface FormulaContent {
  formula: string;
  cached?: CachedValue;
}

/** A cell either holds a constant or a formula. */
export type CellContent = Scalar | FormulaContent;

export interface FontSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  underline?: boolean;
}

export interface AlignmentSpec {
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'middle' | 'bottom';
  wrapText?: boolean;
  indent?: number;
}

export interface CellStyle {
  /** Excel number-format code, e.g. '"¥"#,##0.00', '0.0%', 'yyyy-mm-dd'. */
  numFmt?: string;
  font?: FontSpec;
  /** Solid background fill colour. */
  fill?: string;
  /** Thin border on all four sides in the given colour. */
  border?: string;
  alignment?: AlignmentSpec;
  /**
   * false = the user may edit this cell when the sheet is protected (input cells).
   * Undefined means locked, as in Excel.
   */
  locked?: boolean;
}

export interface CellSpec {
  /** A1 address of a single cell. */
  ref: string;
  value: CellContent;
  style?: CellStyle;
  /** A cell note (comment) shown on hover. */
  note?: string;
}

/** A cell of a generated row: its column and content; style objects are shared across rows. */
export interface RowCellSpec {
  /** 1-based column index. */
  col: number;
  value: CellContent;
  style?: CellStyle;
}

/**
 * Rows produced on demand: a table body too large to hold as CellSpecs (an ABC result of
 * 200,000 customers). Writers ask for the rows in order, a few thousand at a time, so memory
 * stays bounded; src/sheets/core/row-blocks.ts turns them into CellSpecs for code that needs
 * them all at once. Rows of a block hold no notes, and no CellSpec shares their addresses.
 */
export interface RowBlock {
  /** Sheet row of the first generated row. */
  firstRow: number;
  count: number;
  /** The cells of sheet row firstRow + i. */
  row(i: number): RowCellSpec[];
  /**
   * The builder's promise that every formula of every row carries its value, so nobody needs to
   * generate the rows to find out (src/xlsx/evaluate's blockNeedsEngine): for blocks of a million
   * rows, where that look costs as much as writing them (sheets/bonus/bonus-sheets.ts).
   */
  valued?: boolean;
}

export interface TableColumnSpec {
  name: string;
}

/** An Excel table (ListObject). Its header cells and body cells are ordinary CellSpecs too. */
export interface TableSpec {
  /** Workbook-unique name: letters, digits, underscore; builders prefix it with their kind. */
  name: string;
  /** Range including the header row, e.g. "A5:H25". */
  ref: string;
  columns: TableColumnSpec[];
  /** Built-in table style name, e.g. 'TableStyleMedium2'. */
  style: string;
  showRowStripes?: boolean;
}

export interface ValidationMessage {
  title: string;
  message: string;
}

export type ValidationRule =
  | { type: 'list'; values: string[] }
  /** A list whose items come from a range, e.g. "$K$2:$K$6" on the same sheet. */
  | { type: 'listRange'; source: string }
  | { type: 'whole' | 'decimal'; min?: number; max?: number }
  | { type: 'date'; min?: Date; max?: Date };

export interface ValidationSpec {
  /** Range the rule applies to, e.g. "C6:C40". */
  ref: string;
  rule: ValidationRule;
  allowBlank?: boolean;
  prompt?: ValidationMessage;
  error?: ValidationMessage & { style?: 'stop' | 'warning' | 'information' };
}

export interface DifferentialStyle {
  fill?: string;
  font?: FontSpec;
}

export type ConditionalRule =
  /** Applies when the formula (relative to the top-left cell of ref) is true. */
  | { type: 'expression'; formula: string; style: DifferentialStyle }
  | {
      type: 'cellIs';
      operator: 'equal' | 'notEqual' | 'greaterThan' | 'lessThan' | 'between' | 'greaterThanOrEqual' | 'lessThanOrEqual';
      formulas: string[];
      style: DifferentialStyle;
    }
  | { type: 'dataBar'; color: string };

export interface ConditionalFormatSpec {
  ref: string;
  rules: ConditionalRule[];
}

/** A defined name. Names are workbook-scoped; builders make them unique by prefixing. */
export interface NameSpec {
  name: string;
  /** Absolute A1 address on this sheet, e.g. "$C$4" or "$A$2:$A$9". */
  ref: string;
  comment?: string;
}

export interface ColumnSpec {
  /** 1-based column index. */
  index: number;
  width: number;
  hidden?: boolean;
}

export interface PrintSpec {
  orientation: 'portrait' | 'landscape';
  paperSize: 'A4';
  /** Fit all columns on one page width; height is unconstrained. */
  fitToWidth: boolean;
  /** Rows repeated at the top of every printed page, e.g. "5:5". */
  titleRows?: string;
  /** The printed range, e.g. "A1:H40"; several separated by commas print one after the other. */
  area?: string;
  /** Manual page breaks: a new page starts after each of these rows (keeps a block on one page). */
  rowBreaks?: number[];
}

export interface ProtectionSpec {
  /** Locks cells whose style does not say locked: false. No password: it guards against slips, not people. */
  enabled: boolean;
}

/** How a series is drawn. */
export type ChartSeriesType = 'column' | 'bar' | 'line' | 'pie' | 'bubble';

export interface ChartAxisSpec {
  title?: string;
  min?: number;
  max?: number;
  /** Logarithmic scale, base 10. */
  log?: boolean;
  /** Number format of the axis labels, e.g. '0%'; default: the cells' format. */
  numFmt?: string;
}

export interface ChartSeriesSpec {
  name: string;
  /** The values (y values of a bubble chart), e.g. "C10:C59" or "'ABC'!C10:C59". */
  values: string;
  /** Bubble sizes. */
  sizes?: string;
  /** Drawn as this instead of the chart's kind: a line series on a column chart makes a combination. */
  type?: 'column' | 'line';
  /** On the secondary value axis (right of the plot). */
  secondary?: boolean;
  /** Fill or line colour (RGB hex); default: the theme's accent colours in turn. */
  color?: string;
}

/**
 * A chart over ranges of the sheet: drawn by the Office writer with Excel's chart API and
 * written as DrawingML chart parts into .xlsx files; both read it through planChart
 * (src/sheets/core/chart-plan.ts). The data it plots is always on the sheet.
 */
export interface ChartSpec {
  /**
   * column, bar (horizontal), line, pie or bubble; pareto is clustered columns (first series)
   * with a line (second series) on a secondary 0–100 % axis.
   */
  kind: ChartSeriesType | 'pareto';
  title: string;
  /** Category labels (x values for bubble charts), e.g. "B10:B59". */
  categories: string;
  series: ChartSeriesSpec[];
  /** Top-left cell the chart is placed at, and its size in points. */
  anchor: string;
  width: number;
  height: number;
  /** The category axis (the x value axis of a bubble chart), e.g. log scale 0.1–10 for the BCG matrix. */
  xAxis?: ChartAxisSpec;
  /** The primary value axis. */
  yAxis?: ChartAxisSpec;
  /** The secondary value axis (pareto: 0–100 %, unless given). */
  y2Axis?: ChartAxisSpec;
}

/**
 * What a sheet is and which layout version of it, so later versions can recognise and upgrade
 * workbooks written earlier (src/sheets/core/stamp.ts says how it is stored).
 */
export interface SheetStamp {
  /** The sheet's kind: a template kind ("pipeline"), or a result ("abc-result", "bonus-rules"). */
  kind: string;
  /** Layout version of that kind, raised when a change matters to readers of old sheets. */
  version: number;
}

export interface SheetSpec {
  /** Sheet name as the builder wants it; writers make it unique and valid. */
  name: string;
  /** Rows generated on demand, besides `cells` (see RowBlock). */
  rowBlocks?: RowBlock[];
  /**
   * Text cells written inline (t="inlineStr") instead of into the workbook's shared-string table:
   * the cells of `columns` (1-based) from sheet row `fromRow` down. For text unique to its row
   * (a million reason sentences), which the table would hold in memory until the workbook's end
   * (docs/notes/bonus-out-scale.md). Cells only; formula results are inline already.
   */
  inlineText?: { fromRow: number; columns: number[] };
  /** Language of the sheet's labels; it picks the font (a CJK face for zh-CN). Default zh-CN. */
  lang?: Lang;
  /** Kind and version, written into the workbook with the sheet. */
  stamp?: SheetStamp;
  cells: CellSpec[];
  merges?: string[];
  tables?: TableSpec[];
  validations?: ValidationSpec[];
  conditionalFormats?: ConditionalFormatSpec[];
  names?: NameSpec[];
  columns?: ColumnSpec[];
  /** Row heights in points, by 1-based row index. */
  rowHeights?: Record<number, number>;
  freeze?: { rows: number; columns: number };
  print?: PrintSpec;
  protection?: ProtectionSpec;
  /** Column ranges holding personal information (e.g. "H6:K40"); removed by a share-safe copy. */
  personalRanges?: string[];
  tabColor?: string;
  hidden?: boolean;
  charts?: ChartSpec[];
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  title?: string;
}

export function isFormula(value: CellContent): value is FormulaContent {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'formula' in value;
}
