/**
 * The source sheets a template links to, found in a workbook by their version stamp (AP_Sheet,
 * src/sheets/core/stamp.ts) and never by their name — a user may rename "开发进度" to "6月进度"
 * and it is still the pipeline. What a dependent sheet reads of its source (the customer
 * column, the stage column…) is the reference of the source's own defined names, which follow
 * its table when rows are inserted or the sheet is renamed. Host-neutral: the CLI gives what
 * the .xlsx file holds (src/xlsx/into/source-sheets.ts), the add-in what Office.js lists
 * (src/office/link-sources.ts); both get the same answer. See docs/notes/links.md.
 */
import type { SheetStamp } from './sheet-spec';
import type { SourceLinks, SourceLink } from './source-link';
import { SHEET_STAMP_NAME } from './stamp';

/** A defined name as a workbook holds it. */
export interface WorkbookName {
  name: string;
  /** Its reference, with or without "=", e.g. "'开发进度'!$C$13:$C$72". */
  formula: string;
  /** The sheet a sheet-scoped name belongs to; undefined for a workbook-scoped name. */
  scope?: string;
}

/** What a host reads of a workbook to find source sheets: its stamped sheets and defined names. */
export interface WorkbookLinkInfo {
  /** Stamped sheets in workbook order (the first of a kind is the one linked to). */
  stamps: readonly { sheet: string; stamp: SheetStamp }[];
  names: readonly WorkbookName[];
}

/** The sheet a reference ("'开发进度'!$A$13:$A$72", "Sheet1!A1") is on, unquoted; undefined without one. */
export function sheetOfReference(formula: string): string | undefined {
  const m = /^\s*=?\s*(?:'((?:[^']|'')+)'|([^'!\s(),"]+))!/.exec(formula);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/**
 * The source's defined name `name`, as a reference on that sheet: the one scoped to the sheet
 * if there is one (a template inserted twice gets sheet-scoped copies; the add-in scopes names
 * to their sheet), else the workbook-scoped one, and only when it points at this sheet.
 */
export function sourceNameOn(names: readonly WorkbookName[], sheet: string, name: string): WorkbookName | undefined {
  const candidates = names.filter((n) => n.name.toLowerCase() === name.toLowerCase() && same(sheetOfReference(n.formula), sheet));
  return candidates.find((n) => same(n.scope, sheet)) ?? candidates.find((n) => n.scope === undefined);
}

/** One source sheet as a builder sees it: its current name and every name that points at it. */
export function sourceLinkOf(info: WorkbookLinkInfo, sheet: string): SourceLink {
  const names: Record<string, string> = {};
  for (const n of info.names) {
    if (n.name.startsWith('_xlnm.') || n.name.toLowerCase() === SHEET_STAMP_NAME.toLowerCase() || names[n.name] !== undefined) continue;
    const found = sourceNameOn(info.names, sheet, n.name);
    if (found) names[n.name] = found.formula.trim().replace(/^=/, '');
  }
  return { sheet, names };
}

/**
 * Kinds a workbook gathers one sheet of per run, each new run added after the others: the ABC
 * result (a manager re-tiers each quarter and keeps the old runs to compare them). Sheets that
 * read one follow the latest run, the last in workbook order, so a visit plan takes the tiers of
 * the newest result (and the pane offers to re-link it when a new run is written).
 */
const LATEST_RUN_KINDS: ReadonlySet<string> = new Set(['abc-result']);

/**
 * The first stamped sheet of each kind in `kinds` (the last one for LATEST_RUN_KINDS) (a template's `linksTo`; every stamped kind
 * when omitted) that the source's names point at, with those names: what a template's build()
 * takes as `sources`. A kind of several sheets (the credit register and its application form are
 * both `credit`) is found by the sheet holding its names, wherever the user moved the others;
 * a kind none of whose sheets has names gives its first sheet.
 */
export function findSources(info: WorkbookLinkInfo, kinds?: readonly string[]): SourceLinks {
  const out: Record<string, SourceLink> = {};
  const latestFirst = info.stamps.filter((s) => LATEST_RUN_KINDS.has(s.stamp.kind)).reverse();
  for (const s of [...latestFirst, ...info.stamps.filter((x) => !LATEST_RUN_KINDS.has(x.stamp.kind))]) {
    const kind = s.stamp.kind;
    if ((out[kind] && Object.keys(out[kind].names).length > 0) || (kinds && !kinds.includes(kind))) continue;
    const link = sourceLinkOf(info, s.sheet);
    if (!out[kind] || Object.keys(link.names).length > 0) out[kind] = link;
  }
  return out;
}
