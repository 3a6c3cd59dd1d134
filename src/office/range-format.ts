import type { CellStyle, FontSpec } from '../sheets/core/sheet-spec';
import type { ExcelFeatures } from './features';

/** Column width: SheetSpec widths are in characters (as in .xlsx), Office.js takes points. */
export const POINTS_PER_CHARACTER = 5.25; // 7 px per character at the default font × 0.75 pt/px

export function widthToPoints(characters: number): number {
  return Math.round(characters * POINTS_PER_CHARACTER * 100) / 100;
}

const HORIZONTAL = { left: 'Left', center: 'Center', right: 'Right' } as const;
const VERTICAL = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

export function hex(rgb: string): string {
  return `#${rgb.toUpperCase()}`;
}

export function applyFont(font: Excel.RangeFont | Excel.ConditionalRangeFont, spec: FontSpec): void {
  if (spec.bold !== undefined) font.bold = spec.bold;
  if (spec.italic !== undefined) font.italic = spec.italic;
  if (spec.color) font.color = hex(spec.color);
  if (spec.underline !== undefined) font.underline = spec.underline ? 'Single' : 'None';
  if (spec.size && 'size' in font) (font as Excel.RangeFont).size = spec.size;
}

/**
 * Applies a cell style (minus the number format, which goes in 2-D arrays) to a rectangle.
 * Only what the style says is set; everything else keeps Excel's default.
 */
export function applyStyle(
  range: Excel.Range,
  style: Omit<CellStyle, 'numFmt'>,
  shape: { rows: number; columns: number },
  features: ExcelFeatures,
): void {
  const format = range.format;
  if (style.font) applyFont(format.font, style.font);
  if (style.fill) format.fill.color = hex(style.fill);
  if (style.border) {
    // Inside edges only exist when the rectangle has more than one column / row.
    const edges: ('EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal')[] = [
      'EdgeTop',
      'EdgeBottom',
      'EdgeLeft',
      'EdgeRight',
    ];
    if (shape.columns > 1) edges.push('InsideVertical');
    if (shape.rows > 1) edges.push('InsideHorizontal');
    for (const edge of edges) {
      const border = format.borders.getItem(edge);
      border.style = 'Continuous';
      border.weight = 'Thin';
      border.color = hex(style.border);
    }
  }
  const a = style.alignment;
  if (a) {
    if (a.horizontal) format.horizontalAlignment = HORIZONTAL[a.horizontal];
    if (a.vertical) format.verticalAlignment = VERTICAL[a.vertical];
    if (a.wrapText !== undefined) format.wrapText = a.wrapText;
    if (a.indent && features.indent) format.indentLevel = a.indent;
  }
  if (style.locked === false) format.protection.locked = false;
}
