import type { WorkbookLinkInfo } from '../sheets/core/find-sources';
import type { CellSpec, Lang, Scalar, SheetSpec, ValidationSpec } from '../sheets/core/sheet-spec';
import type { TableData } from '../sheets/core/table-data';

export type { TableData };

/**
 * What the task pane needs from a workbook. Two implementations: the Excel one in src/office
 * (Office.js) and the in-browser preview one (src/taskpane/preview). Components receive a
 * WorkbookHost; they never import Excel.
 */

export type DataSourceRef =
  | { kind: 'selection' }
  | { kind: 'table'; name: string }
  | { kind: 'sheet'; name: string };


export interface InsertOptions {
  /** Activate the first inserted sheet. */
  activate?: boolean;
  /**
   * Names of sheets this add-in wrote earlier that the user has agreed to replace. Only these
   * may be deleted/overwritten; any other existing sheet is left alone and a unique name chosen.
   */
  replace?: string[];
  /**
   * What wrote these sheets ("template:swot", "abc", "bonus"), recorded in the workbook so a
   * later Recalculate can offer to replace exactly the sheets this add-in wrote.
   */
  owner?: string;
  /** Called with what this Excel could not write or did not apply (e.g. print setup before ExcelApi 1.9, fit to width ignored). */
  onSkipped?: (sheet: string, skipped: string[]) => void;
  /**
   * Called when the sheets were written but the record of who wrote them could not be saved
   * in the workbook (Recalculate will not know them). Without it, that failure is thrown.
   */
  onSettingsNotSaved?: (error: unknown) => void;
}

/** A sheet this add-in wrote earlier and that still exists (under its current name). */
export interface OwnedSheet {
  name: string;
  owner: string;
}

/**
 * A sheet carrying the version stamp (AP_Sheet, src/sheets/core/stamp.ts): what kind of sheet it
 * is, whoever inserted it and whatever it is called now.
 */
export interface StampedSheet {
  name: string;
  kind: string;
  version: number;
}

/** A column appended to the user's data, e.g. the ABC tier next to the customer rows. */
export interface NewColumn {
  header: string;
  /** One value per data row of the source, in TableData.rows order. */
  values: (string | number | boolean | null)[];
}

/** What a share-safe copy did (see WorkbookHost.makeShareSafeCopy). */
export interface ShareSafeCopyResult {
  /** One copy per sheet whose personal columns held something: its name and what it lost. */
  copies: { source: string; copy: string; cells: number; notes: number }[];
  /** Sheets with personal columns that are already empty: nothing to copy. */
  alreadySafe: string[];
  /** This Excel cannot list cell notes (ExcelApi 1.18): notes in personal columns were not checked. */
  notesUnchecked: boolean;
  /**
   * The copies live in the user's workbook, whose document properties (author, title, subject,
   * keywords, description, company) are the workbook's own: they were not changed and go with
   * whatever file the copies are moved to.
   */
  propertiesKept?: boolean;
}

/** One cell as a relink reads it: its constant, or its formula (with "="; value then null). */
export interface ReadCell {
  value: Scalar;
  formula?: string;
}

/**
 * Cells of an existing sheet to rewrite so it reads a source sheet (src/sheets/templates/relink.ts):
 * each area is cleared of its validations and formats first, then the cells, their styles and
 * the validations are written.
 */
export interface CellPatch {
  cells: CellSpec[];
  areas: string[];
  validations: ValidationSpec[];
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'preview';
  listSources(): Promise<{ tables: string[]; sheets: string[] }>;
  readSource(ref: DataSourceRef, signal?: AbortSignal): Promise<TableData>;
  /** Writes each spec as a new sheet and returns the names actually used. */
  insertSheets(sheets: SheetSpec[], options?: InsertOptions, signal?: AbortSignal): Promise<string[]>;
  /** Per-workbook settings that travel with the file. */
  getSetting<T>(key: string): Promise<T | undefined>;
  setSetting<T>(key: string, value: T): Promise<void>;
  /**
   * Every sheet that carries a version stamp, in workbook order: how the pane finds source sheets
   * (the decision chains the occasion calendar reads) by kind rather than by name.
   */
  listStampedSheets?(signal?: AbortSignal): Promise<StampedSheet[]>;
  /** Sheets this add-in wrote (insertSheets with an owner) that are still in the workbook. */
  listOwnedSheets?(): Promise<OwnedSheet[]>;
  /**
   * Writes a new column right of the source's data (a table gets a new table column). The
   * only write into the user's own data: call it only after the user asked and confirmed.
   * Fails without writing anything when that column is not empty.
   */
  addColumn?(ref: DataSourceRef, column: NewColumn, confirmation: { confirmed: true }, signal?: AbortSignal): Promise<{ address: string }>;
  /**
   * Copies every sheet whose personal columns (AP_Personal_* names) hold something, next to
   * it, as "<name> (share-safe)" with those columns emptied (values, formulas, notes; headers
   * and formatting stay). The originals are never changed. `lang` is the language of the copy's
   * name suffix and header note.
   */
  makeShareSafeCopy?(lang: Lang, signal?: AbortSignal): Promise<ShareSafeCopyResult>;
  /**
   * The workbook's stamped sheets (AP_Sheet) and defined names, for finding the sheets a
   * template links to (src/sheets/core/find-sources.ts).
   */
  readLinkInfo?(): Promise<WorkbookLinkInfo>;
  /** The constants and formulas of one rectangle of a sheet ("A1:I80"), by A1 reference; empty cells left out. */
  readCells?(sheet: string, area: string): Promise<Map<string, ReadCell>>;
  /**
   * Rewrites some cells of an existing sheet (a relink): only after the user asked and
   * confirmed. Nothing else of the sheet is touched.
   */
  patchCells?(sheet: string, patch: CellPatch, confirmation: { confirmed: true }): Promise<void>;
}
