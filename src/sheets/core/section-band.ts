import { rangeRef } from './a1';
import type { SheetBuilder } from './sheet-builder';
import type { CellContent } from './sheet-spec';
import { STYLE } from './styles';

/** A section title across columns 1..width of a row: every cell in the section style, merged. */
export function sectionBand(b: SheetBuilder, row: number, width: number, text: CellContent): void {
  b.at(row, 1, text, STYLE.section)
    .fill(rangeRef(row, 1, row, width), STYLE.section)
    .merge(rangeRef(row, 1, row, width));
}

/** `2026-03-01` → that day as a UTC Date (the SheetSpec's date convention); null stays null. */
export function utcDate(iso: string | null): Date | null {
  return iso ? new Date(`${iso}T00:00:00Z`) : null;
}
