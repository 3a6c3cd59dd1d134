/**
 * Source sheets of a workbook found by their version stamp (the sheet-scoped AP_Sheet name,
 * src/sheets/core/stamp.ts), never by their name: a user may rename "开发进度" to "6月进度" and
 * it is still the pipeline. What a dependent sheet needs of its source (the customer column,
 * the stage column…) is read from the source's own defined names, which follow its table when
 * rows are inserted or the sheet is renamed.
 */
import type { SheetStamp } from '../../sheets/core/sheet-spec';
import type { SourceLink } from '../../sheets/core/source-link';
import { stampsOf } from '../read-stamps';
import type { RawDefinedName, WorkbookParts } from '../workbook-names';

export interface SourceSheet {
  /** The sheet's name as the workbook holds it now. */
  sheet: string;
  /** Its position in the workbook's <sheets> (what localSheetId counts). */
  index: number;
  stamp: SheetStamp;
}

type Parts = Pick<WorkbookParts, 'sheets' | 'names'>;

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

/** The sheet a reference ("'开发进度'!$A$13:$A$72", "Sheet1!A1") is on, unquoted; undefined without one. */
export function sheetOfReference(formula: string): string | undefined {
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!\s(),"]+))!/.exec(formula);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

/**
 * The source's defined name `name`, as a reference on that sheet: the one scoped to the sheet
 * if there is one (a template inserted twice gets sheet-scoped copies), else the workbook-scoped
 * one, and only when it points at this sheet.
 */
export function sourceName(parts: Parts, source: SourceSheet, name: string): RawDefinedName | undefined {
  const same = parts.names.filter((n) => n.name.toLowerCase() === name.toLowerCase());
  const onSheet = (n: RawDefinedName) => sheetOfReference(n.formula)?.toLowerCase() === source.sheet.toLowerCase();
  return same.find((n) => n.localSheetId === source.index && onSheet(n)) ?? same.find((n) => n.localSheetId === undefined && onSheet(n));
}

/** A source sheet as a dependent sheet's builder sees it (src/sheets/core/source-link.ts). */
export type LinkSource = SourceLink;

/** The first stamped sheet of every kind in the workbook, with the names that point at it. */
export function linkSources(parts: Parts): Record<string, LinkSource> {
  const out: Record<string, LinkSource> = {};
  for (const s of stampsOf(parts).sheets) {
    if (out[s.stamp.kind]) continue;
    const source = { ...s, index: parts.sheets.indexOf(s.sheet) };
    const names: Record<string, string> = {};
    for (const n of parts.names) {
      if (n.name.startsWith('_xlnm.') || n.name.toLowerCase() === 'ap_sheet' || names[n.name] !== undefined) continue;
      const found = sourceName(parts, source, n.name);
      if (found) names[n.name] = found.formula;
    }
    out[s.stamp.kind] = { sheet: s.sheet, names };
  }
  return out;
}
