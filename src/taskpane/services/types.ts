import type { TableData, WorkbookHost } from '../../host/workbook-host';
import type { Lang, SheetSpec } from '../../sheets/core/sheet-spec';
import type { HostMode } from '../host/connect';
import type { PreferenceStore } from '../app/preferences';
import type { PreviewWorkbook } from '../preview/preview-workbook';

/**
 * Everything a page needs, handed down from the entry point. Pages never import Office,
 * the engines or ExcelJS directly: tests give them stubs, the entry point the real ones.
 */
export interface Services {
  mode: HostMode;
  host: WorkbookHost;
  /** Present only in preview mode: uploads, HTML previews and .xlsx downloads. */
  preview?: PreviewWorkbook;
  templates: TemplateService;
  abc: AbcService;
  bonus: BonusService;
  preferences: PreferenceStore;
  version: string;
}

export interface TemplateInfo {
  kind: string;
  title: Record<Lang, string>;
  purpose: Record<Lang, string>;
}

export interface TemplateService {
  list(): readonly TemplateInfo[];
  /** The examples are dated from today; protect locks the formulas (tables then cannot grow). */
  build(kind: string, options: { lang: Lang; example: boolean; protect?: boolean }): SheetSpec[];
}

/** A column a computation reads: `key` is the engine's field name. */
export interface FieldDef {
  key: string;
  required: boolean;
}

/** field key → header text chosen by the user ('' = not mapped). */
export type ColumnMap = Record<string, string>;

export interface RejectedRow {
  row: number;
  reason: string;
}

export type Tier = 'A' | 'B' | 'C';

export interface AbcOptions {
  method: 'value' | 'count';
  /** Fractions: value method cumulative limits a/b (0.8, 0.95); count method shares of customers in A and in B (0.2, 0.3). */
  thresholds: [number, number];
  /** Value method: the customer crossing a threshold goes to the lower tier (default: stays in the upper one). */
  crossingToLower: boolean;
  groupByCustomer: boolean;
}

export interface AbcSummary {
  tiers: { tier: Tier; customers: number; customerShare: number; value: number; valueShare: number }[];
  /** Positive customers in rank order (for the chart), value and cumulative share after each. */
  ranked: { customer: string; value: number; cumulative: number; tier: Tier }[];
  total: number;
  positiveCustomers: number;
  nonPositive: number;
  rejectedCount: number;
  /** The first rejected rows, with the sheet row numbers. */
  rejected: RejectedRow[];
}

export interface AbcComputation {
  summary: AbcSummary;
  /** Builds the result sheet(s), Pareto chart included; `run` numbers the workbook's ABC results (defined names stay unique). */
  sheets(lang: Lang, run?: number): Promise<SheetSpec[]>;
}

export interface AbcService {
  fields: readonly FieldDef[];
  /** Maps engine fields to headers by name (zh-CN/en-US synonyms). */
  guessColumns(headers: string[]): ColumnMap;
  /** `lang`: language of the reasons shown in the pane (the sheets get their own). */
  compute(
    table: TableData,
    columns: ColumnMap,
    options: AbcOptions,
    lang: Lang,
    signal?: AbortSignal,
    onProgress?: (fraction: number) => void,
  ): Promise<AbcComputation>;
}

export interface BonusScheme {
  id: string;
  fields: readonly FieldDef[];
  /** Whether the scheme uses a settlement period (quarter). */
  usesPeriod: boolean;
}

export interface BonusRules {
  /** Where the rules came from: built-in defaults or a sheet name. */
  source: { kind: 'defaults' } | { kind: 'sheet'; name: string };
  /** Currency → CNY per unit, as held by the rules. */
  rates: Record<string, number>;
  /** Problems the rules sheet itself flags (gaps, overlaps): computing is refused while any exist. */
  problems: string[];
  /** Opaque to the UI: handed back to compute(). */
  value: unknown;
}

export interface BonusRequest {
  scheme: string;
  table: TableData;
  columns: ColumnMap;
  rules: BonusRules;
  /** e.g. "2026Q1"; '' = every period in the data. */
  period: string;
  /** Currency → CNY per unit, overriding the rules' rates. */
  rates: Record<string, number>;
  /** Language of the reasons shown in the pane (the sheets get their own). */
  lang: Lang;
}

export interface BonusSummary {
  reps: { rep: string; lines: number; eligible: number; bonus: number }[];
  total: number;
  lines: number;
  rejectedCount: number;
  rejected: RejectedRow[];
}

export interface BonusComputation {
  summary: BonusSummary;
  /** The bonus sheet, then one statement sheet per rep (reasons in `lang`). */
  sheets(lang: Lang): Promise<SheetSpec[]>;
}

export interface BonusService {
  schemes: readonly BonusScheme[];
  guessColumns(scheme: string, headers: string[]): ColumnMap;
  defaultRules(): BonusRules;
  /** The Rules sheet for the workbook, with the built-in defaults. */
  rulesSheet(lang: Lang): SheetSpec;
  /** Reads rules back from a Rules sheet's data; problems are worded in `lang`. */
  readRules(table: TableData, sheetName: string, lang: Lang): BonusRules;
  /** Currencies the run needs a CNY rate for: those in the data, plus the scheme's band currency. CNY excluded. */
  currencies(scheme: string, table: TableData, columns: ColumnMap, rules: BonusRules): string[];
  compute(
    request: BonusRequest,
    signal?: AbortSignal,
    onProgress?: (fraction: number) => void,
  ): Promise<BonusComputation>;
}
