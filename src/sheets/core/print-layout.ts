import { parseRange } from './a1';
import type { PrintSpec, SheetSpec } from './sheet-spec';

/**
 * Page breaks that keep each block of a sheet on one printed page where it fits: A4 landscape,
 * scaled to the print area's width as the .xlsx print setup asks. Sizes are estimates in the
 * units spreadsheet programs use (a column of width w is about 7w + 5 pixels; rows without a
 * height are 15 pt), so a block is only moved to a new page when it clearly would not fit.
 */

const A4_LANDSCAPE = { width: 841.9, height: 595.3 };
/** Margins of the .xlsx print setup, in points (0.4 in left/right, 0.5 in top/bottom). */
const MARGINS = { horizontal: 2 * 0.4 * 72, vertical: 2 * 0.5 * 72 };
const DEFAULT_ROW = 15;
const DEFAULT_WIDTH = 9;

/** The scale fit-to-width gives the print area (1 when it fits unscaled). */
export function printScale(sheet: SheetSpec): number {
  if (!sheet.print?.area) return 1;
  const area = parseRange(sheet.print.area);
  const widths = new Map((sheet.columns ?? []).map((c) => [c.index, c.hidden ? 0 : c.width]));
  let points = 0;
  for (let col = area.left; col <= area.right; col++) {
    const w = widths.get(col) ?? DEFAULT_WIDTH;
    points += w === 0 ? 0 : (7 * w + 5) * 0.75;
  }
  return Math.min(1, (A4_LANDSCAPE.width - MARGINS.horizontal) / points);
}

function rowHeight(sheet: SheetSpec, row: number): number {
  return sheet.rowHeights?.[row] ?? DEFAULT_ROW;
}

/**
 * Breaks (a new page starts after each returned row) so that every block — from one start row
 * to the next — begins on a new page when it does not fit in what is left of the current one
 * (a block taller than a page too, when less than a third of the page is left; otherwise it
 * flows on). Rows repeated at the top of each page count
 * against every page.
 */
export function keepBlocksTogether(sheet: SheetSpec, blockStarts: number[]): number[] {
  if (!sheet.print?.area) return [];
  const area = parseRange(sheet.print.area);
  const scale = printScale(sheet);
  const titles = sheet.print.titleRows ? parseRange(`A${sheet.print.titleRows.split(':')[0]}:A${sheet.print.titleRows.split(':')[1]}`) : undefined;
  let titleHeight = 0;
  if (titles) for (let r = titles.top; r <= titles.bottom; r++) titleHeight += rowHeight(sheet, r);
  const page = (A4_LANDSCAPE.height - MARGINS.vertical) / scale;
  const starts = [...new Set(blockStarts)].filter((r) => r > area.top && r <= area.bottom).sort((a, b) => a - b);
  const blocks = [area.top, ...starts].map((start, i, all) => ({ start, end: (all[i + 1] ?? area.bottom + 1) - 1 }));
  const height = (from: number, to: number) => {
    let h = 0;
    for (let r = from; r <= to; r++) h += rowHeight(sheet, r);
    return h;
  };
  const breaks: number[] = [];
  let used = 0;
  for (const [i, b] of blocks.entries()) {
    const h = height(b.start, b.end);
    const room = page - used;
    // Move the block when it would fit on a page of its own, or when little is left of this one.
    if (i > 0 && h > room && (h <= page - titleHeight || room < page / 3)) {
      breaks.push(b.start - 1);
      used = titleHeight + h;
    } else {
      used += h;
      // A block that ran over continues on further pages.
      while (used > page) used = titleHeight + (used - page);
    }
  }
  return breaks;
}

/**
 * How every template and result sheet prints: A4 landscape, all columns fitted to the page width,
 * `titleRows` repeated on each page.
 */
export function a4Landscape(area: string, titleRows?: string): PrintSpec {
  return { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, ...(titleRows === undefined ? {} : { titleRows }), area };
}
