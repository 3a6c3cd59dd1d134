import { translator } from '../../i18n/define';
import messages from '../../i18n/share-safe';
import { parseCell, parseRange, type RangePos } from '../core/a1';
import { personalMarkRanges } from './personal-marker';
import { isFormula, type Lang, type SheetSpec } from '../core/sheet-spec';

/**
 * Share-safe copies at the SheetSpec level (the preview workbook and anything that still holds
 * specs): every cell of a personal range below its header loses its value and its note; the
 * header keeps its text and gets the note "removed for sharing". Styles, validations, tables
 * and the personal marks themselves stay, so the copy looks like the original with those
 * columns empty.
 */

function inside(ranges: RangePos[], ref: string): 'header' | 'body' | undefined {
  const { row, col } = parseCell(ref);
  for (const r of ranges) {
    if (col < r.left || col > r.right || row < r.top || row > r.bottom) continue;
    return row === r.top ? 'header' : 'body';
  }
  return undefined;
}

function isBlank(value: unknown): boolean {
  return value === null || value === undefined || value === '';
}

/** What the personal ranges hold below their headers: cells with a value or formula, and notes. */
export function personalContent(sheet: SheetSpec): { cells: number; notes: number } {
  const ranges = personalMarkRanges(sheet).map(parseRange);
  let cells = 0;
  let notes = 0;
  if (ranges.length === 0) return { cells, notes };
  for (const c of sheet.cells) {
    if (inside(ranges, c.ref) !== 'body') continue;
    if (!isBlank(c.value)) cells++;
    if (c.note) notes++;
  }
  return { cells, notes };
}

/** A copy of the sheet with its personal ranges emptied (the sheet itself is not changed). */
export function shareSafeSheet(sheet: SheetSpec, lang: Lang): SheetSpec {
  const ranges = personalMarkRanges(sheet).map(parseRange);
  if (ranges.length === 0) return sheet;
  const note = translator(messages, lang)('removedNote');
  const cells = sheet.cells.map((c) => {
    const where = inside(ranges, c.ref);
    if (where === 'header') return { ...c, note };
    if (where === 'body') {
      const { note: _dropped, ...rest } = c;
      return { ...rest, value: null };
    }
    // A value computed beforehand may come from the personal cells: the copy computes its own.
    if (isFormula(c.value) && c.value.cached !== undefined) return { ...c, value: { formula: c.value.formula } };
    return c;
  });
  return { ...sheet, cells };
}
