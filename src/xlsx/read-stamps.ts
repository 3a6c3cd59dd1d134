/**
 * The version stamps of an .xlsx (src/sheets/core/stamp.ts): the workbook's format version and
 * each sheet's kind and layout version, read from the defined names as the file holds them.
 * For later versions, to recognise and upgrade workbooks written earlier.
 */
import type { SheetStamp } from '../sheets/core/sheet-spec';
import { FORMAT_VERSION_NAME, parseFormatVersion, parseStamp, SHEET_STAMP_NAME } from '../sheets/core/stamp';
import { readWorkbookParts, type WorkbookParts } from './workbook-names';

export interface WorkbookStamps {
  /** The file format version; undefined for a workbook this product did not write. */
  formatVersion?: number;
  /** Stamped sheets, in workbook order. */
  sheets: { sheet: string; stamp: SheetStamp }[];
}

export async function readStamps(bytes: Uint8Array): Promise<WorkbookStamps> {
  return stampsOf(await readWorkbookParts(bytes));
}

export function stampsOf(parts: Pick<WorkbookParts, 'sheets' | 'names'>): WorkbookStamps {
  const out: WorkbookStamps = { sheets: [] };
  for (const n of parts.names) {
    if (n.name.toLowerCase() === FORMAT_VERSION_NAME.toLowerCase() && n.localSheetId === undefined) {
      const v = parseFormatVersion(n.formula);
      if (v !== undefined) out.formatVersion = v;
    } else if (n.name.toLowerCase() === SHEET_STAMP_NAME.toLowerCase() && n.localSheetId !== undefined) {
      const stamp = parseStamp(n.formula);
      const sheet = parts.sheets[n.localSheetId];
      if (stamp && sheet !== undefined) out.sheets.push({ sheet, stamp });
    }
  }
  out.sheets.sort((a, b) => parts.sheets.indexOf(a.sheet) - parts.sheets.indexOf(b.sheet));
  return out;
}
