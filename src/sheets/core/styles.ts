import type { CellStyle, Lang } from './sheet-spec';

/**
 * The look every template shares. Input cells are pale yellow and unlocked; computed cells are
 * pale grey and locked, so a planner sees at a glance what to type and what the sheet works out.
 */
export const COLORS = {
  title: '1F4E78',
  headerFill: '1F4E78',
  headerText: 'FFFFFF',
  sectionFill: 'DDEBF7',
  inputFill: 'FFF9E1',
  computedFill: 'EDEDED',
  border: 'BFBFBF',
  note: '595959',
  red: 'F8CBAD',
  redText: '9C0006',
  yellow: 'FFEB9C',
  yellowText: '9C5700',
  green: 'C6EFCE',
  greenText: '006100',
  tierA: 'C6EFCE',
  tierB: 'FFEB9C',
  tierC: 'F2F2F2',
  dataBar: '5B9BD5',
} as const;

export const NUMFMT = {
  cny: '"¥"#,##0.00',
  usd: '"$"#,##0.00',
  integer: '#,##0',
  decimal2: '#,##0.00',
  percent: '0.0%',
  percent0: '0%',
  date: 'yyyy-mm-dd',
} as const;

/**
 * Narrowest column that shows a yyyy-mm-dd date, bold included, in the sheet's font: at 10.5–11 a
 * zh-CN sheet showed "###" in LibreOffice, whose stand-in for 等线 (Noto Sans CJK) has wider digits
 * than Calibri; en-US sheets are in Calibri, where 11 is enough.
 */
export function dateColumnWidth(lang: Lang): number {
  return lang === 'en-US' ? 11 : 12.5;
}

export const STYLE = {
  title: { font: { bold: true, size: 16, color: COLORS.title } },
  subtitle: { font: { italic: true, size: 10, color: COLORS.note } },
  label: { font: { bold: true }, alignment: { horizontal: 'right', vertical: 'middle' } },
  section: { font: { bold: true, size: 12, color: COLORS.title }, fill: COLORS.sectionFill },
  header: {
    font: { bold: true, color: COLORS.headerText },
    fill: COLORS.headerFill,
    border: COLORS.border,
    alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
  },
  input: { fill: COLORS.inputFill, border: COLORS.border, locked: false, alignment: { vertical: 'top', wrapText: true } },
  computed: { fill: COLORS.computedFill, border: COLORS.border },
  note: { font: { italic: true, size: 9, color: COLORS.note }, alignment: { wrapText: true, vertical: 'top' } },
} satisfies Record<string, CellStyle>;

/** Merges styles left to right; later fields win, nested font/alignment are merged too. */
export function style(...parts: (CellStyle | undefined)[]): CellStyle {
  const out: CellStyle = {};
  for (const p of parts) {
    if (!p) continue;
    Object.assign(out, p, {
      font: p.font || out.font ? { ...out.font, ...p.font } : undefined,
      alignment: p.alignment || out.alignment ? { ...out.alignment, ...p.alignment } : undefined,
    });
    if (!out.font) delete out.font;
    if (!out.alignment) delete out.alignment;
  }
  return out;
}

/** Notes on template sheets: 10 pt, so they stay 8 pt or larger when a page is scaled to 80 %. */
export const TEMPLATE_NOTE: CellStyle = style(STYLE.note, { font: { size: 10 } });
