import type { Lang } from '../../sheets/core/sheet-spec';

/**
 * The typeface every style of a sheet names, by the sheet's language. A style that names no
 * font leaves the choice to the reader, and LibreOffice and WPS then fall back to a serif face.
 * - zh-CN: 等线 (DengXian), Excel's default body font for Chinese since Office 2016, a sans face
 *   with full CJK coverage; charset 134 (GB2312) tells readers to pick a Chinese face when they
 *   do not have it.
 * - en-US: Calibri, Excel's default body font; on machines without it, Carlito has the same
 *   metrics (fontconfig maps one to the other), so columns keep their widths.
 * Family 2 (swiss, i.e. sans-serif) is the hint readers use when substituting.
 */
export interface FontFace {
  name: string;
  family: number;
  charset?: number;
}

export const FONT_FACES: Record<Lang, FontFace> = {
  'zh-CN': { name: '等线', family: 2, charset: 134 },
  'en-US': { name: 'Calibri', family: 2 },
};

/** Excel's default font size, in points. */
export const DEFAULT_FONT_SIZE = 11;
