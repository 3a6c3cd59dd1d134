import { cellRef, rangeRef } from './a1';
import { validationFor, type InputRule } from './planning-table';
import type { SheetBuilder } from './sheet-builder';
import type { CellContent, CellStyle, Lang } from './sheet-spec';
import { STYLE, TEMPLATE_NOTE, style } from './styles';

/**
 * Forms on a sheet: a bold label followed by a value cell (an input, or a computed cell), the
 * value possibly merged across several columns. Used by the templates that are filled in once
 * per customer, contract or month rather than row by row (credit survey, customer file, …).
 */

export const FORM_LABEL: CellStyle = style(STYLE.label, { alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
export const FORM_INPUT: CellStyle = style(STYLE.input, { alignment: { vertical: 'middle', wrapText: true } });
export const FORM_COMPUTED: CellStyle = style(STYLE.computed, { alignment: { vertical: 'middle', wrapText: true } });
export const FORM_NOTE: CellStyle = style(TEMPLATE_NOTE, { alignment: { vertical: 'middle' } });

export interface FieldOptions {
  /** Drop-down, number or date rule for an input value. */
  input?: InputRule;
  numFmt?: string;
  /** A formula value: grey, locked. */
  computed?: boolean;
  align?: 'left' | 'center' | 'right';
  /** Personal information: the value cell is listed in the sheet's personal ranges. */
  personal?: boolean;
}

export class Form {
  /** Personal value ranges, for the sheet's personalRanges. */
  readonly personal: string[] = [];

  constructor(
    private readonly b: SheetBuilder,
    private readonly lang: Lang,
  ) {}

  /** Writes a style over columns from..to of a row, merged when it spans more than one column. */
  spread(row: number, from: number, to: number, value: CellContent, cellStyle: CellStyle, rows = 1): string {
    this.b.at(row, from, value, cellStyle);
    if (to > from || rows > 1) this.b.fill(rangeRef(row, from, row + rows - 1, to), cellStyle).merge(rangeRef(row, from, row + rows - 1, to));
    return cellRef(row, from);
  }

  label(row: number, col: number, text: string, to = col): void {
    this.spread(row, col, to, text, FORM_LABEL);
  }

  /**
   * A label in column `labelCol` and its value across valueFrom..valueTo. Returns the absolute
   * address of the value cell (for formulas and defined names).
   */
  field(row: number, labelCol: number, valueFrom: number, valueTo: number, label: string, value: CellContent, o: FieldOptions = {}): string {
    this.label(row, labelCol, label, valueFrom - 1);
    return this.value(row, valueFrom, valueTo, value, o);
  }

  /** A value cell without a label of its own (an input, or a computed cell), across from..to. */
  value(row: number, from: number, to: number, value: CellContent, o: FieldOptions = {}): string {
    const base = o.computed ? FORM_COMPUTED : FORM_INPUT;
    const cellStyle = style(base, { numFmt: o.numFmt, alignment: o.align ? { horizontal: o.align } : undefined });
    const ref = this.spread(row, from, to, value, cellStyle);
    if (o.input && !o.computed) this.b.validation(validationFor(this.lang, ref, o.input));
    if (o.personal) this.personal.push(rangeRef(row, from, row, to));
    return cellRef(row, from, true);
  }

  /** A free-text input box across columns from..to and `rows` rows. */
  text(row: number, from: number, to: number, value: CellContent, rows = 1): string {
    this.spread(row, from, to, value, style(FORM_INPUT, { alignment: { vertical: 'top' } }), rows);
    return cellRef(row, from, true);
  }

  /** An explanatory note (10 pt italic) across columns from..to and `rows` rows. */
  note(row: number, from: number, to: number, text: CellContent, rows = 1): void {
    this.spread(row, from, to, text, FORM_NOTE, rows);
  }
}
