/**
 * Source sheets of an .xlsx found by their version stamp (the sheet-scoped AP_Sheet name,
 * src/sheets/core/stamp.ts), never by their name: the file's names, as workbook.xml holds them,
 * given to the host-neutral search of src/sheets/core/find-sources.ts that the add-in uses too.
 */
import { findSources, sheetOfReference, sourceNameOn, type WorkbookLinkInfo, type WorkbookName } from '../../sheets/core/find-sources';
import type { SheetStamp } from '../../sheets/core/sheet-spec';
import type { SourceLink, SourceLinks } from '../../sheets/core/source-link';
import { stampsOf } from '../read-stamps';
import type { RawDefinedName, WorkbookParts } from '../workbook-names';

export { sheetOfReference };

export interface SourceSheet {
  /** The sheet's name as the workbook holds it now. */
  sheet: string;
  /** Its position in the workbook's <sheets> (what localSheetId counts). */
  index: number;
  stamp: SheetStamp;
}

type Parts = Pick<WorkbookParts, 'sheets' | 'names'>;

/** The file's stamps and names as find-sources takes them (a sheet-scoped name's scope by sheet name). */
export function linkInfoOf(parts: Parts): WorkbookLinkInfo {
  const names: WorkbookName[] = parts.names.map((n) => ({
    name: n.name,
    formula: n.formula,
    ...(n.localSheetId !== undefined && parts.sheets[n.localSheetId] !== undefined ? { scope: parts.sheets[n.localSheetId] } : {}),
  }));
  return { stamps: stampsOf(parts).sheets, names };
}

/** Every sheet stamped with this kind, in workbook order. */
export function findSourceSheets(parts: Parts, kind: string): SourceSheet[] {
  return stampsOf(parts)
    .sheets.filter((s) => s.stamp.kind === kind)
    .map((s) => ({ ...s, index: parts.sheets.indexOf(s.sheet) }));
}

/** The first sheet of this kind (the one a dependent sheet links to), if any. */
export function findSourceSheet(parts: Parts, kind: string): SourceSheet | undefined {
  return findSourceSheets(parts, kind)[0];
}

/** The source's defined name `name` (its sheet-scoped copy first; see find-sources.ts). */
export function sourceName(parts: Parts, source: SourceSheet, name: string): RawDefinedName | undefined {
  const found = sourceNameOn(linkInfoOf(parts).names, source.sheet, name);
  return found && parts.names.find((n) => n.name === found.name && n.formula === found.formula && (found.scope === undefined ? n.localSheetId === undefined : parts.sheets[n.localSheetId!] === found.scope));
}

/** A source sheet as a dependent sheet's builder sees it (src/sheets/core/source-link.ts). */
export type LinkSource = SourceLink;

/** The first stamped sheet of every kind in the workbook, with the names that point at it. */
export function linkSources(parts: Parts, kinds?: readonly string[]): SourceLinks {
  return findSources(linkInfoOf(parts), kinds);
}
