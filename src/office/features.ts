/**
 * Which Excel API sets this Excel supports. The manifest requires MIN_EXCEL_API (1.8: tables,
 * merges, protection, conditional formats, freeze panes, data validation); everything newer is
 * optional and checked here with Office.context.requirements.isSetSupported.
 */
export const MIN_EXCEL_API = '1.8';

export interface ExcelFeatures {
  /** Application.suspendApiCalculationUntilNextSync, Range.calculate (1.6). */
  calcSuspension: boolean;
  /** Worksheet.pageLayout: orientation, paper size, fit to width, print titles and area (1.9). */
  pageLayout: boolean;
  /** RangeFormat.indentLevel (1.9). */
  indent: boolean;
  /** Range.copyFrom: a replaced sheet gets its new content in one copy (1.9). */
  copyFrom: boolean;
  /** Threaded comments, the fallback for cell notes (1.10). */
  comments: boolean;
  /** Worksheet.notes: classic cell notes, what the .xlsx renderer writes (1.18). */
  notes: boolean;
  /** WorksheetProtection.isPasswordProtected (ExcelApiOnline 1.1: Excel on the web only). */
  passwordProtection: boolean;
}

export function detectFeatures(): ExcelFeatures {
  const has = (version: string) => Office.context.requirements.isSetSupported('ExcelApi', version);
  return {
    calcSuspension: has('1.6'),
    pageLayout: has('1.9'),
    indent: has('1.9'),
    copyFrom: has('1.9'),
    comments: has('1.10'),
    notes: has('1.18'),
    passwordProtection: Office.context.requirements.isSetSupported('ExcelApiOnline', '1.1'),
  };
}
