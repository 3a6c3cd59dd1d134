import type { SheetSpec } from '../sheets/sheet-spec';

/**
 * What the task pane needs from a workbook. Two implementations: the Excel one in this folder
 * (Office.js) and the in-browser preview one (src/taskpane/preview). Components receive a
 * WorkbookHost; they never import Excel.
 */

export type DataSourceRef =
  | { kind: 'selection' }
  | { kind: 'table'; name: string }
  | { kind: 'sheet'; name: string };

/** A block of user data: header row plus body rows, with the sheet row number of rows[0]. */
export interface TableData {
  /** Human label of where the data came from, e.g. "Sheet1!A1:H500" or a table name. */
  label: string;
  headers: string[];
  rows: unknown[][];
  /** 1-based sheet row number of rows[0], so messages can name the user's row. */
  firstRowNumber: number;
}

export interface InsertOptions {
  /** Activate the first inserted sheet. */
  activate?: boolean;
  /**
   * Names of sheets this add-in wrote earlier that the user has agreed to replace. Only these
   * may be deleted/overwritten; any other existing sheet is left alone and a unique name chosen.
   */
  replace?: string[];
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
}
