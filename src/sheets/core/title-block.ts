import common from '../../i18n/common';
import { translator } from '../../i18n/define';
import { cellRef, rangeRef } from './a1';
import type { SheetBuilder } from './sheet-builder';
import type { Lang } from './sheet-spec';
import { dateColumnWidth, NUMFMT, STYLE, TEMPLATE_NOTE, style } from './styles';

export interface TitleBlockOptions {
  lang: Lang;
  title: string;
  /** One line under the title saying what the sheet is for. */
  purpose: string;
  /** Number of columns the sheet uses; the title is merged across them (at least 8). */
  width: number;
  date: Date;
  /** Default plan name; the planner overwrites it. */
  planName?: string;
  /**
   * Templates say how their tables grow: by inserting rows, or (when protect is true) that the
   * sheet must be unprotected first. Left out, the legend only explains the colours.
   */
  protect?: boolean;
}

export interface TitleBlock {
  /** First free row after the block (a blank spacer row is left). */
  nextRow: number;
  /** Absolute address of the date cell, for formulas that need the report date. */
  dateRef: string;
}

/**
 * Rows 1–4 of every template: title, purpose, then plan name / owner / date / version as
 * input cells, then the colour legend.
 */
export function titleBlock(b: SheetBuilder, o: TitleBlockOptions): TitleBlock {
  const t = translator(common, o.lang);
  // The block's language is the sheet's: it picks the font the file names.
  b.configure({ lang: o.lang });
  const width = Math.max(o.width, 8);
  b.set('A1', o.title, STYLE.title).merge(rangeRef(1, 1, 1, width));
  b.set('A2', o.purpose, STYLE.subtitle).merge(rangeRef(2, 1, 2, width));
  const input = STYLE.input;
  b.set('A3', t('planName'), STYLE.label).set('B3', o.planName ?? null, input);
  b.set('C3', t('owner'), STYLE.label).set('D3', null, input);
  b.set('E3', t('date'), STYLE.label).set('F3', startOfDay(o.date), style(input, { numFmt: NUMFMT.date }));
  b.minWidth(6, dateColumnWidth(o.lang));
  b.set('G3', t('version'), STYLE.label).set('H3', '1.0', input);
  const legend = o.protect === undefined ? t('legendInput') : o.protect ? t('legendProtected') : t('legendGrow');
  b.set('A4', legend, o.protect === undefined ? STYLE.note : TEMPLATE_NOTE).merge(rangeRef(4, 1, 4, width));
  b.configure({ rowHeights: { 1: 26, 2: 18, 3: 20 } });
  return { nextRow: 6, dateRef: cellRef(3, 6, true) };
}

/** Drops the time of day, in UTC, so the date cell is a whole Excel day. */
export function startOfDay(d: Date): Date {
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}
