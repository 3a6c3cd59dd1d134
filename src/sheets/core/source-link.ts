import { quoteSheet } from './a1';
import type { SheetSpec } from './sheet-spec';

/**
 * A sheet another sheet can be linked to, as a builder sees it: found in the workbook by its
 * version stamp (AP_Sheet), not by name, with the references of its defined names. A builder
 * given a source writes formulas over it; without one it writes input cells and says which
 * sheet would fill them.
 */
export interface SourceLink {
  /** The source sheet's name as the workbook holds it now. */
  sheet: string;
  /** Defined name → reference, e.g. Pipeline_Stage → "'开发进度'!$C$13:$C$72". */
  names: Record<string, string>;
}

/** Source sheets by stamped kind ("pipeline", "abc-result"…). */
export type SourceLinks = Readonly<Record<string, SourceLink>>;

/**
 * A linked formula that says in its cell that its source sheet was deleted, instead of showing
 * an error: deleting a sheet turns every reference to it into #REF!, which ROWS() passes on, so
 * the test tells "source gone" from "not found in the source" (which `formula` handles itself).
 * `goneMessage` is plain text (common.ts linkSourceGone).
 */
export function guardedLink(sourceRange: string, goneMessage: string, formula: string): string {
  return `IF(ISERROR(ROWS(${sourceRange})),"${goneMessage.replace(/"/g, '""')}",${formula})`;
}

/**
 * Source links of sheets built together (the demo workbook): the first sheet of each stamped
 * kind, with its defined names as references on it — what a host finds in a written workbook.
 */
export function sourcesOfSpecs(sheets: readonly SheetSpec[]): SourceLinks {
  const out: Record<string, SourceLink> = {};
  for (const s of sheets) {
    if (!s.stamp || out[s.stamp.kind]) continue;
    const names: Record<string, string> = {};
    for (const n of s.names ?? []) names[n.name] = n.ref.includes('!') ? n.ref : `${quoteSheet(s.name)}!${n.ref}`;
    out[s.stamp.kind] = { sheet: s.name, names };
  }
  return out;
}
