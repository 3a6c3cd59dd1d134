import { parseRange, rangeRef, type RangePos } from '../core/a1';
import type { NameSpec, SheetSpec } from '../core/sheet-spec';

/**
 * How personal columns stay marked in the file, with or without the add-in: one defined name
 * per personal range, `AP_Personal_<n>`, numbered across the workbook being written, pointing
 * at the sheet's range. Excel, WPS and LibreOffice keep defined names, show them in the Name
 * Manager, carry them along when a sheet is copied and move/grow them when rows are inserted.
 *
 * A marked range runs from the column header down over the table body and the empty rows
 * below it, up to the row before the next thing in those columns (at most MARK_EXTRA_ROWS past
 * the table): a row the user adds at the end of the table (Tab in its last cell, or typing in
 * the row below) is then inside the name and makes it grow, so new people stay covered.
 *
 * The .xlsx renderer writes the names workbook-scoped (unique across the file); the Office
 * writer writes them like its other names, scoped to their sheet, so inserting a template twice
 * cannot collide. Readers look for the prefix in every scope.
 */
export const PERSONAL_NAME_PREFIX = 'AP_Personal_';
export const MARK_EXTRA_ROWS = 1000;
const MAX_ROWS = 1_048_576;

const MARKER = /^AP_Personal_\d+$/i;

export function isPersonalMarkerName(name: string): boolean {
  return MARKER.test(name);
}

/** The sheet's personal ranges as written into the file (relative A1, e.g. "L6:L27"). */
export function personalMarkRanges(sheet: SheetSpec): string[] {
  return (sheet.personalRanges ?? []).map((ref) => {
    const r = parseRange(ref);
    const bottom = Math.min(nextOccupiedRow(sheet, r) - 1, r.bottom + MARK_EXTRA_ROWS, MAX_ROWS);
    return rangeRef(r.top, r.left, Math.max(bottom, r.bottom), r.right);
  });
}

/** The first row below the range that holds anything in the range's columns. */
function nextOccupiedRow(sheet: SheetSpec, r: RangePos): number {
  let next = Number.POSITIVE_INFINITY;
  const below = (top: number, bottom: number, left: number, right: number) => {
    if (right < r.left || left > r.right || bottom <= r.bottom) return;
    next = Math.min(next, Math.max(top, r.bottom + 1));
  };
  for (const c of sheet.cells) {
    const p = parseRange(c.ref);
    below(p.top, p.bottom, p.left, p.right);
  }
  for (const m of sheet.merges ?? []) {
    const p = parseRange(m);
    below(p.top, p.bottom, p.left, p.right);
  }
  for (const t of sheet.tables ?? []) {
    const p = parseRange(t.ref);
    below(p.top, p.bottom, p.left, p.right);
  }
  return next;
}

/** The marker names of one sheet, numbered from `first`. */
export function personalMarkerNames(sheet: SheetSpec, first: number): NameSpec[] {
  return personalMarkRanges(sheet).map((ref, i) => {
    const r = parseRange(ref);
    return { name: `${PERSONAL_NAME_PREFIX}${first + i}`, ref: rangeRef(r.top, r.left, r.bottom, r.right, true) };
  });
}

/**
 * The sheets with their marker names added to `names`, numbered 1, 2, … across the list so
 * they are unique in a workbook written from it. Sheets without personal ranges are returned
 * as they are.
 */
export function withPersonalMarkers(sheets: readonly SheetSpec[]): SheetSpec[] {
  let next = 1;
  return sheets.map((sheet) => {
    const marks = personalMarkerNames(sheet, next);
    if (marks.length === 0) return sheet;
    next += marks.length;
    return { ...sheet, names: [...(sheet.names ?? []), ...marks] };
  });
}
