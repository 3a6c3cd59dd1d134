/**
 * The version stamp every written workbook carries, so a later version of the product can tell
 * what it is looking at and upgrade it:
 *   AP_FormatVersion  workbook-scoped defined name, a number constant: the file format version;
 *   AP_Sheet          one per sheet, scoped to that sheet, a text constant "kind@version".
 *
 * Defined names rather than document properties: a name can be scoped to one sheet, so each
 * sheet carries its own stamp and keeps it when it is moved or copied into another workbook
 * (Excel, WPS and LibreOffice copy sheet-scoped names with the sheet, and keep them through
 * renames); custom document properties exist once per workbook and are lost on a copy. Names
 * are also what both writers already make (the .xlsx writer in the workbook part, the Office
 * writer with NamedItemCollection.add) and what both readers already list.
 */
import type { SheetStamp } from './sheet-spec';

export const FORMAT_VERSION = 1;
export const FORMAT_VERSION_NAME = 'AP_FormatVersion';
export const SHEET_STAMP_NAME = 'AP_Sheet';

/** "pipeline@1". */
export function stampText(stamp: SheetStamp): string {
  return `${stamp.kind}@${stamp.version}`;
}

/** The stamp as a defined name's formula: a quoted text constant. */
export function stampFormula(stamp: SheetStamp): string {
  return `"${stampText(stamp).replace(/"/g, '""')}"`;
}

/** Reads `"pipeline@1"`, `="pipeline@1"` or `pipeline@1`; undefined for anything else. */
export function parseStamp(formula: string): SheetStamp | undefined {
  const text = formula.trim().replace(/^=/, '').replace(/^"(.*)"$/s, '$1').replace(/""/g, '"');
  const m = /^([A-Za-z][\w.-]*)@(\d+)$/.exec(text);
  return m ? { kind: m[1], version: Number(m[2]) } : undefined;
}

/** Reads the format version constant ("1" or "=1"); undefined if it is not a whole number. */
export function parseFormatVersion(formula: string): number | undefined {
  const m = /^=?\s*(\d+)\s*$/.exec(formula);
  return m ? Number(m[1]) : undefined;
}
