/**
 * SheetSpec: a host-neutral description of a worksheet. Builders in src/sheets produce it;
 * src/xlsx renders it with ExcelJS and src/office writes it through Excel.run.
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
 * A cell either holds a constant or a formula. `cached` is the value the formula computes,
 * written as the cell's stored value so viewers that do not recalculate (Protected View, phone
 * and chat previews, pandas) show it; src/xlsx/evaluate fills it from a spreadsheet engine.
 */
export type CellContent = Scalar | { formula: string; cached?: CachedValue };

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
  /** The printed range, e.g. "A1:H40". */
  area?: string;
  /** Manual page breaks: a new page starts after each of these rows (keeps a block on one page). */
  rowBreaks?: number[];
}

export interface ProtectionSpec {
  /** Locks cells whose style does not say locked: false. No password: it guards against slips, not people. */
  enabled: boolean;
}

/**
 * A chart the Office writer draws with Excel's chart API. ExcelJS cannot write charts, so the
 * .xlsx renderer leaves them out; the data they plot is always on the sheet.
 */
export interface ChartSpec {
  /** pareto: clustered columns (first series) + line on a secondary axis (second series). */
  kind: 'pareto' | 'bubble';
  title: string;
  /** Category labels (pareto) or x values (bubble), e.g. "B10:B59". */
  categories: string;
  series: { name: string; values: string; sizes?: string }[];
  /** Top-left cell the chart is placed at, and its size in points. */
  anchor: string;
  width: number;
  height: number;
  /** Bubble charts: log-scale x axis between these bounds (BCG: 0.1 to 10). */
  xAxis?: { log?: boolean; min?: number; max?: number; title?: string };
  yAxis?: { title?: string; min?: number; max?: number };
}

export interface SheetSpec {
  /** Sheet name as the builder wants it; writers make it unique and valid. */
  name: string;
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

export function isFormula(value: CellContent): value is { formula: string; cached?: CachedValue } {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'formula' in value;
}
