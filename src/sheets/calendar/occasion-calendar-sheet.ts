import type { Occasion } from '../../domain/calendar/occasion-calendar';
import { translator, type Lang } from '../../i18n/define';
import messages from '../../i18n/occasion-calendar';
import { rangeRef } from '../core/a1';
import { SheetBuilder } from '../core/sheet-builder';
import type { SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';

/**
 * The occasion calendar sheet (docs/rules/occasion-calendar.md): one row per occasion in date
 * order. The customer, the person and the family occasion's detail are personal columns (marked
 * with AP_Personal_ names, see sheets/sharing), so a share-safe copy keeps the festivals and dates
 * but not whose (which customer's people) the birthdays and family occasions are. No formulas.
 */
export interface OccasionSheetOptions {
  lang: Lang;
  window: { from: string; to: string };
  today?: Date;
}

const COL = { date: 1, occasion: 2, customer: 3, person: 4, detail: 5, action: 6, done: 7 } as const;
const WIDTH = COL.done;
export const OCCASION_HEADER_ROW = 7;

export function buildOccasionSheet(occasions: readonly Occasion[], o: OccasionSheetOptions): SheetSpec {
  const t = translator(messages, o.lang);
  const b = new SheetBuilder(t('sheetName'));
  titleBlock(b, { lang: o.lang, title: t('title'), purpose: t('purpose'), width: WIDTH, date: o.today ?? new Date() });
  b.at(5, 1, occasions.length ? t('window', o.window) : `${t('window', o.window)} ${t('none')}`, STYLE.note).merge(rangeRef(5, 1, 5, WIDTH));
  const headers = [t('date'), t('occasion'), t('customer'), t('person'), t('detail'), t('action'), t('done')];
  b.row(OCCASION_HEADER_ROW, 1, headers, STYLE.header);
  const first = OCCASION_HEADER_ROW + 1;
  const last = first + Math.max(occasions.length, 1) - 1;
  const dateStyle = style(STYLE.computed, { numFmt: NUMFMT.date, alignment: { horizontal: 'center' } });
  occasions.forEach((x, i) => {
    const row = first + i;
    const [y, m, d] = x.date.split('-').map(Number);
    b.at(row, COL.date, new Date(Date.UTC(y, m - 1, d)), dateStyle);
    b.at(row, COL.occasion, x.kind === 'festival' ? t(x.festival!) : t(x.kind), STYLE.computed);
    b.at(row, COL.customer, x.customer ?? null, STYLE.computed);
    b.at(row, COL.person, x.person ?? null, STYLE.computed);
    b.at(row, COL.detail, x.detail ?? null, STYLE.computed);
    b.at(row, COL.action, t(x.action), STYLE.computed);
    b.at(row, COL.done, null, STYLE.input);
  });
  b.validation({ ref: rangeRef(first, COL.done, last, COL.done), rule: { type: 'list', values: ['✓'] }, allowBlank: true });
  b.conditional({
    ref: rangeRef(first, COL.occasion, last, COL.occasion),
    rules: [{ type: 'cellIs', operator: 'equal', formulas: [`"${t('springFestival')}"`], style: { fill: COLORS.red, font: { color: COLORS.redText } } }],
  });
  b.configure({
    columns: [14, 20, 24, 14, 24, 18, 8].map((width, i) => ({ index: i + 1, width })),
    freeze: { rows: OCCASION_HEADER_ROW, columns: 0 },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: `${OCCASION_HEADER_ROW}:${OCCASION_HEADER_ROW}` },
    personalRanges: [rangeRef(OCCASION_HEADER_ROW, COL.customer, last, COL.detail)],
    tabColor: COLORS.title,
  });
  return b.build();
}
