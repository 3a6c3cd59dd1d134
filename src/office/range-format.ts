import type { CellStyle, FontSpec } from '../sheets/core/sheet-spec';
import type { ExcelFeatures } from './features';

/**
 * Column width. A SheetSpec width is the .xlsx `<col width>` value (the .xlsx renderer writes it
 * unchanged); Office.js RangeFormat.columnWidth is in points (office-js#187). The stored .xlsx
 * width already includes the 5 px of padding: ECMA-376 Part 1 section 18.3.1.13 derives it from the
 * characters a user sees as width = Truncate([characters × MDW + 5 px] / MDW × 256) / 256, and
 * the column is drawn Truncate(((256 × width + Truncate(128 / MDW)) / 256) × MDW) pixels wide
 * (MS-OI29500 2.1.598, https://learn.microsoft.com/openspecs/office_standards/ms-oi29500/727f4736-6cba-40e3-b4d3-ce319885780e,
 * on the same attribute). So the pixels come from the stored width as they are, with no 5 px
 * added a second time, and points are pixels × 0.75 (96 px to 72 pt an inch).
 * MDW, the maximum digit width, is 7 px for 11-point Calibri, the templates' normal font.
 */
export const MAX_DIGIT_WIDTH_PX = 7;

/** Pixels Excel draws for an .xlsx column width (the ECMA-376 formula). */
export function widthToPixels(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / MAX_DIGIT_WIDTH_PX)) / 256) * MAX_DIGIT_WIDTH_PX);
}

/** The characters Excel's Column Width dialog shows for an .xlsx width: the padding taken off. */
export function widthToDialogCharacters(width: number): number {
  return Math.trunc(((widthToPixels(width) - 5) / MAX_DIGIT_WIDTH_PX) * 100) / 100;
}

export function widthToPoints(width: number): number {
  return widthToPixels(width) * 0.75;
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
