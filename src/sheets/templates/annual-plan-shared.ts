import catalog from '../../i18n/templates/annual-plan';
import { translator } from '../../i18n/define';
import { printArea, rangeRef } from '../core/a1';
import { Form } from '../core/form-grid';
import { fitRowHeights, FLAG_STYLE, OK_STYLE, q } from '../core/planning-table';
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';
import { sectionBand } from '../core/section-band';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS } from '../core/styles';
import { titleBlock } from '../core/title-block';
import type { TemplateOptions } from './registry';

/** What the annual plan's three sheets share (docs/rules/templates/annual-plan.md). */

/** Workbook names the three sheets share. */
export const AP_NAMES = {
  start: 'AnnualPlan_Start',
  codes: 'AnnualPlan_ObjectiveCodes',
  objectives: 'AnnualPlan_ObjectiveTexts',
  logMonth: 'AnnualPlan_LogMonth',
  logCode: 'AnnualPlan_LogCode',
  logTarget: 'AnnualPlan_LogTarget',
  logActual: 'AnnualPlan_LogActual',
  warn: 'AnnualPlan_WarnAt',
} as const;

export const CENTRED = 'center' as const;
/** High / medium / low, for the drop-downs of this template. */
export function levels(lang: Lang): string[] {
  const t = translator(catalog, lang);
  return [t('high'), t('medium'), t('low')];
}

export const AMBER = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };


/**
 * One sheet of the plan: the title block, a form, numbered sections that may start a new printed
 * page (the first stays with the title block), and the finish every sheet shares — widths, A4
 * landscape print fitted to the width, row heights fitted to the text.
 */
export class PlanSheet {
  readonly b: SheetBuilder;
  readonly form: Form;
  /** Absolute address of the report date (F3). */
  readonly report: string;
  readonly rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20 };
  /** The first row under the title block. */
  readonly top = 6;
  private readonly sectionStarts: number[] = [];

  constructor(
    private readonly o: TemplateOptions,
    private readonly width: number,
    text: { name: string; title: string; purpose: string; stamp?: string },
  ) {
    const t = translator(catalog, o.lang);
    this.b = new SheetBuilder(text.name, o);
    if (text.stamp) this.b.configure({ stamp: { kind: text.stamp, version: 1 } });
    const block = titleBlock(this.b, {
      lang: o.lang,
      title: text.title,
      purpose: text.purpose,
      width,
      date: o.today ?? new Date(),
      planName: t('planName'),
      protect: !!o.protect,
    });
    this.report = block.dateRef;
    this.form = new Form(this.b, o.lang);
  }

  /** A section band on a row; returns the row under it. */
  section(row: number, text: string): number {
    this.sectionStarts.push(row);
    sectionBand(this.b, row, this.width, text);
    this.rowHeights[row] = 22;
    return row + 1;
  }

  /** The finished sheet, printing rows 1 … last. */
  finish(widths: number[], last: number): SheetSpec {
    this.b.widths(widths);
    const sheet = fitRowHeights(
      this.b
        .configure({
          rowHeights: this.rowHeights,
          freeze: { rows: 2, columns: 0 },
          print: a4Landscape(printArea(rangeRef(1, 1, last, this.width)), '1:2'),
          protection: this.o.protect ? { enabled: true } : undefined,
        })
        .build(),
    );
    return { ...sheet, print: { ...sheet.print!, rowBreaks: keepBlocksTogether(sheet, this.sectionStarts.slice(1)) } };
  }
}

/**
 * Green / amber / red on a column of results: `cell` is the range's first cell, `green` the
 * results shown green, `amber` the one shown amber; any other non-blank result is red.
 */
export function trafficLight(b: SheetBuilder, ref: string, cell: string, green: string[], amber?: string): void {
  const is = (text: string) => `${cell}=${q(text)}`;
  b.conditional({
    ref,
    rules: [
      { type: 'expression', formula: green.length > 1 ? `OR(${green.map(is).join(',')})` : is(green[0]), style: OK_STYLE },
      ...(amber ? [{ type: 'expression' as const, formula: is(amber), style: AMBER }] : []),
      { type: 'expression', formula: `${cell}<>""`, style: FLAG_STYLE },
    ],
  });
}
