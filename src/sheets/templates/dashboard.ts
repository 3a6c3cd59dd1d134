/**
 * Sales cockpit 销售驾驶舱 (docs/rules/templates/dashboard.md): one printed page over the stamped
 * source sheets of the workbook — pipeline by stage and colour against the target, this month's
 * visits by tier against plan, the ABC distribution, bonus by rep and credit exposure. Every
 * figure is a formula over the source's own defined names as the workbook holds them (passed in
 * as `sources`), guarded so a deleted source sheet shows a message instead of #REF!; a block
 * whose source is absent shows a note naming the sheet that would fill it.
 */
import abcCatalog from '../../i18n/abc';
import bonusCatalog from '../../i18n/bonus-sheets';
import common from '../../i18n/common';
import catalog from '../../i18n/templates/dashboard';
import creditCatalog from '../../i18n/templates/credit';
import pipelineCatalog from '../../i18n/templates/pipeline';
import visitCatalog from '../../i18n/templates/visit-plan';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { chartCells, columnPoints } from '../core/chart-plan';
import { messageFormula, shownNumber } from '../core/formula-text';
import { fitRowHeights, FLAG_STYLE, OK_STYLE, q } from '../core/planning-table';
import { a4Landscape } from '../core/print-layout';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, CellStyle, ChartSpec, Lang, SheetSpec } from '../core/sheet-spec';
import { guardedLink, type SourceLink, type SourceLinks } from '../core/source-link';
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import { ABC_RESULT_NAMES } from '../abc/result-sheet';
import { BONUS_NAMES } from '../bonus/bonus-sheets';
import { CREDIT_NAMES } from './credit';
import { PIPELINE_NAMES } from './pipeline';
import type { TemplateDef, TemplateOptions } from './registry';
import { VISIT_PLAN_NAMES } from './visit-plan';

/** Reps listed in the bonus block (the rest are in the bonus summary sheet). */
export const DASHBOARD_REPS = 4;
const TIERS = ['A', 'B', 'C'] as const;

/** The stamped kinds the cockpit reads. */
export const DASHBOARD_SOURCES = [
  'pipeline',
  'visit-plan',
  'visit-log',
  'abc-result',
  'bonus-summary',
  'credit',
] as const;

/** Columns: the left blocks in A–G, a gap in H (wide enough for the title block's version cell), the right blocks in I–N. */
const LEFT = 1;
const LEFT_END = 7;
const RIGHT = 9;
const RIGHT_END = 14;
// The page prints at about 85 %: room for every row, while the 10 pt notes and the charts'
// labels (a little under 10 pt in a CJK face) stay above 8 pt. The first columns hold the
// longest stage name on one line.
const WIDTHS = [23, 10.5, 10.5, 10.5, 10.5, 10.5, 10.5, 4, 23, 10.5, 10.5, 10.5, 10.5, 10.5];
/** Whole points across columns from … to (1-based), as the chart anchors measure them (Excel sizes charts in whole points). */
const across = (from: number, to: number) =>
  Math.floor(WIDTHS.slice(from - 1, to).reduce((sum, w) => sum + columnPoints(w), 0));

/** Rows of the blocks. */
const ROW = {
  pipeline: 6,
  visits: 17,
  bonus: 25,
} as const;

/** Chart colours: the pipeline's red, yellow and green, a shade deeper than its cell fills. */
const CHART = { red: 'E06666', yellow: 'F1C232', green: '6AA84F', blue: '4472C4' } as const;

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const dashboard: TemplateDef = {
  kind: 'dashboard',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  linksTo: DASHBOARD_SOURCES,
  build: (o) => [buildDashboard(o)],
};

type T = ReturnType<typeof translator<(typeof catalog)['en-US']>>;

/** A source's references to the given names, when it has every one of them. */
function refsOf<K extends string>(
  source: SourceLink | undefined,
  names: Record<K, string>,
): Record<K, string> | undefined {
  if (!source) return undefined;
  const out = {} as Record<K, string>;
  for (const [key, name] of Object.entries(names) as [K, string][]) {
    const ref = source.names[name];
    if (ref === undefined) return undefined;
    out[key] = ref;
  }
  return out;
}

interface Ctx {
  b: SheetBuilder;
  t: T;
  lang: Lang;
  /** The title block's date: the cockpit's report date. */
  date: string;
  /** Charts, each with the rows it spans: its height is theirs once the rows are sized. */
  charts: { chart: Omit<ChartSpec, 'height'>; rows: [number, number] }[];
  /** Row heights. */
  heights: Record<number, number>;
}

const centred: CellStyle = { alignment: { horizontal: 'center', vertical: 'middle' } };
const NUMBER = style(STYLE.computed, centred, { numFmt: NUMFMT.integer });
const BOLD_NUMBER = style(NUMBER, { font: { bold: true } });
const LABEL = style(STYLE.label, { alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
const NOTE = style(TEMPLATE_NOTE, { alignment: { vertical: 'top', wrapText: true } });

function band(c: Ctx, row: number, from: number, to: number, text: CellContent): void {
  c.b
    .at(row, from, text, STYLE.section)
    .fill(rangeRef(row, from, row, to), STYLE.section)
    .merge(rangeRef(row, from, row, to));
}

function header(c: Ctx, row: number, from: number, labels: string[]): void {
  labels.forEach((label, i) => c.b.at(row, from + i, label, STYLE.header));
}

/** The note under a block: which sheet feeds it, or which one would; a formula when linked, so a deleted source says so. */
function note(c: Ctx, row: number, from: number, to: number, value: CellContent): void {
  c.b
    .at(row, from, value, NOTE)
    .fill(rangeRef(row, from, row, to), NOTE)
    .merge(rangeRef(row, from, row, to));
}

/** The message a guarded cell shows when its source sheet was deleted. */
function gone(lang: Lang, sheet: string): string {
  return translator(common, lang)('linkSourceGone', { sheet });
}

function buildDashboard(o: TemplateOptions): SheetSpec {
  const { lang, protect = false } = o;
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const { dateRef } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: RIGHT_END,
    date: o.today ?? new Date(),
    planName: t('planName'),
    protect,
  });
  const c: Ctx = {
    b,
    t,
    lang,
    date: dateRef,
    charts: [],
    heights: { 1: 26, 2: 18, 3: 20, 5: 6, [ROW.visits - 1]: 6, [ROW.bonus - 1]: 6 },
  };
  const sources = o.sources ?? {};
  b.widths(WIDTHS);

  const pipelineEnd = pipelineBlock(c, sources);
  visitsBlock(c, sources);
  abcBlock(c, sources);
  const bonusEnd = bonusBlock(c, sources);
  const creditEnd = creditBlock(c, sources);
  const lastRow = Math.max(pipelineEnd, bonusEnd, creditEnd);

  const sheet = fitRowHeights(
    b
      .configure({
        rowHeights: c.heights,
        print: a4Landscape(printArea(rangeRef(1, 1, lastRow, RIGHT_END))),
        protection: protect ? { enabled: true } : undefined,
      })
      .build(),
    5,
  );
  // Each chart as tall as the rows it spans (CJK labels make rows taller than 15 pt).
  const rowPoints = (r: number) => sheet.rowHeights?.[r] ?? 15;
  sheet.charts = c.charts.map(({ chart, rows: [top, bottom] }) => {
    let height = 0;
    for (let r = top; r <= bottom; r++) height += rowPoints(r);
    return { ...chart, height: Math.floor(height) };
  });
  // Every chart inside the printed page.
  for (const chart of sheet.charts) {
    const cells = chartCells(sheet, chart);
    if (cells.bottom > lastRow || cells.right > RIGHT_END)
      throw new Error(`dashboard chart "${chart.title}" runs outside the page (${cells.bottom}, ${cells.right})`);
  }
  return sheet;
}

/** Pipeline, rows 6–17: counts by stage and colour (A–G), the stage chart (I–N), potential against target. */
function pipelineBlock(c: Ctx, sources: SourceLinks): number {
  const { b, t, lang } = c;
  const tp = translator(pipelineCatalog, lang);
  const top = ROW.pipeline;
  const source = sources.pipeline;
  const N = refsOf(source, PIPELINE_NAMES);
  band(c, top, LEFT, RIGHT_END, t('pipelineSection'));
  const head = top + 1;
  const stages = [1, 2, 3, 4, 5].map((i) => tp(`stage${i}` as 'stage1'));
  const colours = [tp('statusRed'), tp('statusYellow'), tp('statusGreen')];
  // The colour columns are headed by the pipeline's own status labels, as the chart's legend.
  header(c, head, LEFT, [t('colStage'), ...colours, t('colAll'), t('overdueLabel'), t('stalledLabel')]);
  // Two lines for the longer status labels.
  c.heights[head] = 30;
  const first = head + 1;
  const totalRow = first + stages.length;
  const guard = (formula: string) => (N ? { formula: guardedLink(N.stage, '', formula) } : null);
  stages.forEach((label, i) => {
    const r = first + i;
    // Every stage label starts with its number, whatever the pipeline's language.
    const stage = `${N?.stage},"${i + 1}*"`;
    b.at(r, LEFT, label, LABEL);
    colours.forEach((colour, k) =>
      b.at(r, LEFT + 1 + k, guard(`COUNTIFS(${stage},${N?.status},${q(colour)})`), NUMBER),
    );
    b.at(r, LEFT + 4, guard(`COUNTIF(${stage})`), BOLD_NUMBER);
    b.at(r, LEFT + 5, guard(`COUNTIFS(${stage},${N?.overdue},"?*")`), NUMBER);
    b.at(r, LEFT + 6, guard(`COUNTIFS(${stage},${N?.stalled},"?*")`), NUMBER);
  });
  // Totals over the whole pipeline, as its own summary counts them (a row without a stage counts too).
  b.at(totalRow, LEFT, t('total'), LABEL);
  colours.forEach((colour, k) =>
    b.at(totalRow, LEFT + 1 + k, guard(`COUNTIF(${N?.status},${q(colour)})`), BOLD_NUMBER),
  );
  b.at(totalRow, LEFT + 4, guard(`COUNTIF(${N?.customer},"?*")`), BOLD_NUMBER);
  b.at(totalRow, LEFT + 5, guard(`COUNTIF(${N?.overdue},"?*")`), BOLD_NUMBER);
  b.at(totalRow, LEFT + 6, guard(`COUNTIF(${N?.stalled},"?*")`), BOLD_NUMBER);

  // Potential customers against the target, as on the pipeline sheet.
  const targetRow = totalRow + 1;
  b.at(targetRow, LEFT, t('potentialLabel'), LABEL);
  b.at(targetRow, LEFT + 1, guard(`${N?.potential}`), BOLD_NUMBER);
  b.at(targetRow, LEFT + 2, t('targetLabel'), style(LABEL, { alignment: { horizontal: 'right' } }));
  b.at(
    targetRow,
    LEFT + 3,
    N ? { formula: guardedLink(N.stage, '', `${N.targetMin}&"–"&${N.targetMax}`) } : null,
    BOLD_NUMBER,
  );
  const message = rangeRef(targetRow, LEFT + 4, targetRow, LEFT_END);
  if (N) {
    const [count, min, max] = [N.potential, N.targetMin, N.targetMax];
    const against =
      `IF(${count}<${min},${messageFormula(tp('belowTarget'), { n: shownNumber(`${min}-${count}`) })},` +
      `IF(${count}>${max},${messageFormula(tp('aboveTarget'), { n: shownNumber(`${count}-${max}`) })},` +
      `${messageFormula(tp('onTarget'), { min, max })}))`;
    b.at(
      targetRow,
      LEFT + 4,
      { formula: guardedLink(N.stage, '', against) },
      style(STYLE.computed, { font: { bold: true }, alignment: { vertical: 'middle', wrapText: true } }),
    );
    b.conditional({
      ref: message,
      rules: [
        { type: 'expression', formula: `AND(ISNUMBER(${count}),${count}>=${min},${count}<=${max})`, style: OK_STYLE },
        {
          type: 'expression',
          formula: `AND(ISNUMBER(${count}),OR(${count}<${min},${count}>${max}))`,
          style: FLAG_STYLE,
        },
      ],
    });
  } else b.at(targetRow, LEFT + 4, null, STYLE.computed);
  b.fill(message, STYLE.computed).merge(message);
  b.conditional({
    ref: rangeRef(first, LEFT + 5, totalRow, LEFT + 6),
    rules: [
      {
        type: 'expression',
        formula: `AND(ISNUMBER(${cellRef(first, LEFT + 5)}),${cellRef(first, LEFT + 5)}>0)`,
        style: FLAG_STYLE,
      },
    ],
  });

  const noteRow = targetRow + 1;
  const sheetName = translator(pipelineCatalog, lang)('sheetName');
  note(
    c,
    noteRow,
    LEFT,
    LEFT_END,
    N
      ? { formula: guardedLink(N.stage, gone(lang, source!.sheet), q(t('linkedNote', { sheet: source!.sheet }))) }
      : t('missingNote', { sheet: sheetName }),
  );

  // The stage chart beside the table: one column per colour.
  // Bars, so the long stage names read across.
  c.charts.push({
    rows: [head, noteRow],
    chart: {
      kind: 'bar',
      title: t('pipelineChart'),
      categories: rangeRef(first, LEFT, first + stages.length - 1, LEFT),
      series: colours.map((colour, k) => ({
        name: colour,
        values: rangeRef(first, LEFT + 1 + k, first + stages.length - 1, LEFT + 1 + k),
        color: [CHART.red, CHART.yellow, CHART.green][k],
      })),
      anchor: cellRef(head, RIGHT),
      width: across(RIGHT, RIGHT_END),
    },
  });
  return noteRow;
}

/** This month's visits by tier (A–G), rows 19–25: customers, planned, made, still due, done. */
function visitsBlock(c: Ctx, sources: SourceLinks): void {
  const { b, t, lang } = c;
  const tv = translator(visitCatalog, lang);
  const top = ROW.visits;
  const plan = sources['visit-plan'];
  const log = sources['visit-log'];
  const P = refsOf(plan, {
    tiers: VISIT_PLAN_NAMES.tiers,
    perMonth: VISIT_PLAN_NAMES.visitsPerMonth,
    stillDue: VISIT_PLAN_NAMES.stillDue,
    customers: VISIT_PLAN_NAMES.customers,
  });
  const L = refsOf(log, { tier: VISIT_PLAN_NAMES.logTier, date: VISIT_PLAN_NAMES.logDate });
  band(c, top, LEFT, LEFT_END - 1, t('visitsSection'));
  // The report month, at the band's right end.
  const monthStart = `DATE(YEAR(${c.date}),MONTH(${c.date}),1)`;
  b.at(
    top,
    LEFT_END,
    { formula: monthStart },
    style(STYLE.section, { numFmt: 'yyyy-mm', alignment: { horizontal: 'center' } }),
  );
  const head = top + 1;
  header(c, head, LEFT, [
    t('colTier'),
    t('colCustomers'),
    t('colPlanned'),
    t('colMade'),
    t('colStillDue'),
    t('colDone'),
  ]);
  const first = head + 1;
  const inMonth = (range: string) => `${range},">="&${monthStart},${range},"<="&EOMONTH(${c.date},0)`;
  const both = (formula: string) => guardedLink(P!.tiers, '', guardedLink(L!.tier, '', formula));
  TIERS.forEach((tier, i) => {
    const r = first + i;
    b.at(
      r,
      LEFT,
      tier,
      style(STYLE.computed, centred, { font: { bold: true }, fill: [COLORS.tierA, COLORS.tierB, COLORS.tierC][i] }),
    );
    b.at(
      r,
      LEFT + 1,
      P ? { formula: guardedLink(P.tiers, '', `COUNTIFS(${P.tiers},"${tier}",${P.customers},"?*")`) } : null,
      NUMBER,
    );
    b.at(
      r,
      LEFT + 2,
      P ? { formula: guardedLink(P.tiers, '', `SUMIF(${P.tiers},"${tier}",${P.perMonth})`) } : null,
      NUMBER,
    );
    b.at(r, LEFT + 3, P && L ? { formula: both(`COUNTIFS(${L.tier},"${tier}",${inMonth(L.date)})`) } : null, NUMBER);
    b.at(
      r,
      LEFT + 4,
      P ? { formula: guardedLink(P.tiers, '', `SUMIF(${P.tiers},"${tier}",${P.stillDue})`) } : null,
      NUMBER,
    );
    const [planned, made] = [cellRef(r, LEFT + 2), cellRef(r, LEFT + 3)];
    b.at(
      r,
      LEFT + 5,
      P && L
        ? { formula: `IF(OR(NOT(ISNUMBER(${planned})),NOT(ISNUMBER(${made})),N(${planned})=0),"",${made}/${planned})` }
        : null,
      style(NUMBER, { numFmt: NUMFMT.percent0 }),
    );
  });
  const totalRow = first + TIERS.length;
  b.at(totalRow, LEFT, t('total'), LABEL);
  for (let k = 1; k <= 4; k++) {
    const col = LEFT + k;
    const range = rangeRef(first, col, totalRow - 1, col);
    const ready = k === 3 ? P && L : P;
    b.at(totalRow, col, ready ? { formula: `IF(COUNT(${range})=0,"",SUM(${range}))` } : null, BOLD_NUMBER);
  }
  const [planned, made] = [cellRef(totalRow, LEFT + 2), cellRef(totalRow, LEFT + 3)];
  b.at(
    totalRow,
    LEFT + 5,
    P && L
      ? { formula: `IF(OR(NOT(ISNUMBER(${planned})),NOT(ISNUMBER(${made})),N(${planned})=0),"",${made}/${planned})` }
      : null,
    style(BOLD_NUMBER, { numFmt: NUMFMT.percent0 }),
  );
  b.conditional({
    ref: rangeRef(first, LEFT + 4, totalRow, LEFT + 4),
    rules: [
      {
        type: 'expression',
        formula: `AND(ISNUMBER(${cellRef(first, LEFT + 4)}),${cellRef(first, LEFT + 4)}>0)`,
        style: { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } },
      },
    ],
  });
  const noteRow = totalRow + 1;
  const value: CellContent =
    P && L
      ? {
          formula: guardedLink(
            P.tiers,
            gone(lang, plan!.sheet),
            guardedLink(
              L.tier,
              gone(lang, log!.sheet),
              q(t('visitsLinkedNote', { sheet: plan!.sheet, log: log!.sheet })),
            ),
          ),
        }
      : t('missingNote', { sheet: P ? tv('logSheetName') : tv('sheetName') });
  note(c, noteRow, LEFT, LEFT_END, value);
}

/** ABC distribution (I–N), rows 19–25: customers and value by tier, and a small value chart. */
function abcBlock(c: Ctx, sources: SourceLinks): void {
  const { b, t, lang } = c;
  const top = ROW.visits;
  const source = sources['abc-result'];
  const A = refsOf(source, ABC_RESULT_NAMES);
  band(c, top, RIGHT, RIGHT_END, t('abcSection'));
  const head = top + 1;
  header(c, head, RIGHT, [t('colTier'), t('colCustomers'), t('colValue'), t('colValueShare')]);
  const first = head + 1;
  const totalRow = first + TIERS.length;
  const guard = (formula: string) => (A ? { formula: guardedLink(A.tiers, '', formula) } : null);
  const valueCol = RIGHT + 2;
  const total = cellRef(totalRow, valueCol, true);
  TIERS.forEach((tier, i) => {
    const r = first + i;
    b.at(
      r,
      RIGHT,
      tier,
      style(STYLE.computed, centred, { font: { bold: true }, fill: [COLORS.tierA, COLORS.tierB, COLORS.tierC][i] }),
    );
    // Customers with a value above 0, as the result's own summary (the others are listed there as excluded, tier C).
    b.at(r, RIGHT + 1, guard(`COUNTIFS(${A?.tiers},"${tier}",${A?.values},">0")`), NUMBER);
    b.at(r, valueCol, guard(`SUMIFS(${A?.values},${A?.tiers},"${tier}",${A?.values},">0")`), NUMBER);
    b.at(
      r,
      RIGHT + 3,
      A ? { formula: `IF(N(${total})=0,"",${cellRef(r, valueCol)}/${total})` } : null,
      style(NUMBER, { numFmt: NUMFMT.percent }),
    );
  });
  b.at(totalRow, RIGHT, t('total'), LABEL);
  for (const col of [RIGHT + 1, valueCol]) {
    const range = rangeRef(first, col, totalRow - 1, col);
    b.at(totalRow, col, A ? { formula: `IF(COUNT(${range})=0,"",SUM(${range}))` } : null, BOLD_NUMBER);
  }
  b.at(
    totalRow,
    RIGHT + 3,
    A ? { formula: `IF(N(${total})=0,"",1)` } : null,
    style(BOLD_NUMBER, { numFmt: NUMFMT.percent }),
  );
  const noteRow = totalRow + 1;
  const sheetName = translator(abcCatalog, lang)('sheetName');
  note(
    c,
    noteRow,
    RIGHT,
    RIGHT + 3,
    A
      ? { formula: guardedLink(A.tiers, gone(lang, source!.sheet), q(t('linkedNote', { sheet: source!.sheet }))) }
      : t('missingNote', { sheet: sheetName }),
  );
  c.charts.push({
    rows: [head, noteRow],
    chart: {
      kind: 'pie',
      title: t('abcChart'),
      categories: rangeRef(first, RIGHT, totalRow - 1, RIGHT),
      series: [{ name: t('colValue'), values: rangeRef(first, valueCol, totalRow - 1, valueCol) }],
      anchor: cellRef(head, RIGHT + 4),
      width: across(RIGHT + 4, RIGHT_END),
    },
  });
}

/** Bonus by rep (A–G), rows 27–37: the bonus summary's reps in its order, their totals and a bar chart. */
function bonusBlock(c: Ctx, sources: SourceLinks): number {
  const { b, t, lang } = c;
  const top = ROW.bonus;
  const source = sources['bonus-summary'];
  const S = refsOf(source, { reps: BONUS_NAMES.summaryReps, totals: BONUS_NAMES.summaryTotals });
  band(c, top, LEFT, LEFT_END, t('bonusSection'));
  const head = top + 1;
  header(c, head, LEFT, [t('colRep'), t('colBonus')]);
  const first = head + 1;
  for (let k = 1; k <= DASHBOARD_REPS; k++) {
    const r = first + k - 1;
    const at = (range: string) => `IF(ROWS(${range})<${k},"",INDEX(${range},${k}))`;
    b.at(
      r,
      LEFT,
      S ? { formula: guardedLink(S.reps, '', `IF(ROWS(${S.reps})<${k},"",INDEX(${S.reps},${k})&"")`) } : null,
      style(STYLE.computed, { alignment: { vertical: 'middle' } }),
    );
    b.at(
      r,
      LEFT + 1,
      S ? { formula: guardedLink(S.totals, '', at(S.totals)) } : null,
      style(STYLE.computed, { numFmt: NUMFMT.cny }),
    );
  }
  const totalRow = first + DASHBOARD_REPS;
  b.at(totalRow, LEFT, t('total'), LABEL);
  // The whole run's total, reps beyond the listed ones included.
  b.at(
    totalRow,
    LEFT + 1,
    S ? { formula: guardedLink(S.totals, '', `SUM(${S.totals})`) } : null,
    style(STYLE.computed, { font: { bold: true }, numFmt: NUMFMT.cny }),
  );
  const noteRow = totalRow + 1;
  const sheetName = translator(bonusCatalog, lang)('summarySheet');
  note(
    c,
    noteRow,
    LEFT,
    LEFT_END,
    S
      ? {
          formula: guardedLink(
            S.reps,
            gone(lang, source!.sheet),
            q(t('bonusLinkedNote', { sheet: source!.sheet, n: DASHBOARD_REPS })),
          ),
        }
      : t('missingNote', { sheet: sheetName }),
  );
  c.charts.push({
    rows: [head, totalRow],
    chart: {
      // Columns: every rep's name fits under its column (bars dropped every other name).
      kind: 'column',
      title: t('bonusChart'),
      categories: rangeRef(first, LEFT, totalRow - 1, LEFT),
      series: [{ name: t('colBonus'), values: rangeRef(first, LEFT + 1, totalRow - 1, LEFT + 1), color: CHART.blue }],
      anchor: cellRef(head, LEFT + 2),
      width: across(LEFT + 2, LEFT_END),
    },
  });
  return noteRow;
}

/** Credit exposure (I–N), rows 27–35: lines, exposure and what runs over the lines, from the register. */
function creditBlock(c: Ctx, sources: SourceLinks): number {
  const { b, t, lang } = c;
  const top = ROW.bonus;
  const source = sources.credit;
  const C = refsOf(source, CREDIT_NAMES);
  band(c, top, RIGHT, RIGHT_END, t('creditSection'));
  const guard = (formula: string) => (C ? { formula: guardedLink(C.lines, '', formula) } : null);
  // A row is over its line when it has an exposure above the line (a blank line is 0). A row
  // without a customer has "" as exposure: (…<>"") leaves it out (IronCalc reads ISNUMBER over a
  // range as one value, so the test is a comparison).
  const over = `(${C?.balances}<>"")*(${C?.balances}>${C?.lines})`;
  const figures: [string, string, string][] = [
    [t('creditLines'), `COUNTIF(${C?.lines},">0")`, NUMFMT.integer],
    [t('creditTotalLine'), `SUM(${C?.lines})`, NUMFMT.integer],
    [t('creditExposure'), `SUM(${C?.balances})`, NUMFMT.integer],
    [t('creditUse'), `IF(SUM(${C?.lines})=0,"",SUM(${C?.balances})/SUM(${C?.lines}))`, NUMFMT.percent],
    [t('creditOver'), `SUMPRODUCT(${over})`, NUMFMT.integer],
    // SUMPRODUCT of two arrays reads a blank or text entry as 0.
    [t('creditOverAmount'), `SUMPRODUCT(${over},${C?.balances})-SUMPRODUCT(${over},${C?.lines})`, NUMFMT.integer],
  ];
  const first = top + 1;
  figures.forEach(([label, formula, numFmt], i) => {
    const r = first + i;
    b.at(r, RIGHT, label, LABEL)
      .fill(rangeRef(r, RIGHT, r, RIGHT + 2), LABEL)
      .merge(rangeRef(r, RIGHT, r, RIGHT + 2));
    b.at(r, RIGHT + 3, guard(formula), style(BOLD_NUMBER, { numFmt }));
  });
  const overRows = rangeRef(first + 4, RIGHT + 3, first + 5, RIGHT + 3);
  const overFirst = cellRef(first + 4, RIGHT + 3);
  b.conditional({
    ref: overRows,
    rules: [{ type: 'expression', formula: `AND(ISNUMBER(${overFirst}),${overFirst}>0)`, style: FLAG_STYLE }],
  });
  const noteRow = first + figures.length;
  const sheetName = translator(creditCatalog, lang)('sheetName');
  note(
    c,
    noteRow,
    RIGHT,
    RIGHT_END,
    C
      ? { formula: guardedLink(C.lines, gone(lang, source!.sheet), q(t('linkedNote', { sheet: source!.sheet }))) }
      : t('missingNote', { sheet: sheetName }),
  );
  return noteRow;
}
