import catalog from '../../i18n/templates/targets';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { daysFrom } from '../core/example-dates';
import { messageFormula } from '../core/formula-text';
import { Form, FORM_COMPUTED } from '../core/form-grid';
import { fitRowHeights, FLAG_STYLE, OK_STYLE, planTable, q, rowCells, type PlanRow } from '../core/planning-table';
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';
import { sectionBand } from '../core/section-band';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import linkCatalog from '../../i18n/templates/plan-links';
import { latestNewCustomer, linksNote, newCustomers, planLinks, PLAN_LINKS_TO, potentialHeld, visitsMade } from './plan-links';
import type { TemplateDef, TemplateOptions } from './registry';

/**
 * Targets and attainment (docs/rules/templates/targets.md): one row per rep and period with the
 * targets, the actuals, attainment, and the penalty flags of docs/rules/bonus/penalty.md; visit
 * targets by tier in a second table the first one adds up. In a workbook holding the pipeline,
 * the visit log or the new-customer bonus sheet (plan-links.ts) the actuals they know are
 * formulas over them — new customers and the latest one's date, potential customers held,
 * visits per tier; without a source they are input cells and a note names the sheet.
 */

const REP_ROWS = 12;
const VISIT_ROWS = 18;
const DEFAULT_PERIOD_MONTHS = 3;
const DEFAULT_MIN = 25;
const DEFAULT_MAX = 30;
const DEFAULT_REPLAN = 6;
const DEFAULT_PENALTY_MONTHS = 12;
const DEFAULT_PENALTY = 1000;
const TIERS = ['A', 'B', 'C'];
const CENTRED = 'center' as const;
const MONTH = 'yyyy-mm';
const AMBER = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const targets: TemplateDef = {
  kind: 'targets',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  linksTo: PLAN_LINKS_TO,
  build: (o) => [buildTargets(o)],
};

type RepKey =
  | 'rep'
  | 'period'
  | 'ncTarget'
  | 'ncActual'
  | 'ncAttainment'
  | 'salesTarget'
  | 'salesActual'
  | 'salesAttainment'
  | 'potential'
  | 'visitTarget'
  | 'visitActual'
  | 'visitAttainment'
  | 'lastNew'
  | 'monthsWithout'
  | 'penalty';
type VisitKey = 'rep' | 'period' | 'tier' | 'target' | 'actual' | 'attainment' | 'status';

/**
 * actual ÷ target, blank until the row and both numbers are there (a target of 0 has no rate; a
 * linked actual whose source was deleted shows a message, not a number).
 */
function attainment(rep: string, target: string, actual: string): string {
  return `IF(OR(${rep}="",${target}="",NOT(ISNUMBER(${actual})),${target}=0),"",${actual}/${target})`;
}

function buildTargets(o: TemplateOptions): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const { dateRef: report } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: 15,
    date: today,
    planName: t('planName'),
    protect,
  });
  const ex = example ? targetsExample(lang, today) : undefined;
  const form = new Form(b, lang);
  const centred = { alignment: { horizontal: CENTRED } };
  const rowHeights: Record<number, number> = { 1: 26, 2: 30, 3: 20 };
  const count = { whole: [0, 100000] as [number, number], prompt: t('countPrompt') };
  const money = { decimal: [0, 1e12] as [number, number], prompt: t('moneyPrompt') };
  const periodRule = { date: true as const, prompt: t('periodPrompt') };

  // Rules, left of the team summary.
  sectionBand(b, 6, 15, t('rulesSection'));
  rowHeights[6] = 22;
  const rule = (row: number, label: string, value: number, input: { whole: [number, number]; prompt: string }) =>
    form.field(row, 1, 3, 3, label, value, { input, align: CENTRED });
  const months = rule(7, t('periodMonths'), DEFAULT_PERIOD_MONTHS, { whole: [1, 12], prompt: t('periodMonthsPrompt') });
  const min = rule(8, t('potentialMin'), DEFAULT_MIN, { whole: [0, 10000], prompt: t('potentialPrompt') });
  const max = rule(9, t('potentialMax'), DEFAULT_MAX, { whole: [0, 10000], prompt: t('potentialPrompt') });
  const replan = rule(10, t('replanMonths'), DEFAULT_REPLAN, { whole: [1, 120], prompt: t('monthsPrompt') });
  const penaltyAfter = rule(11, t('penaltyMonths'), DEFAULT_PENALTY_MONTHS, { whole: [1, 120], prompt: t('monthsPrompt') });
  const penaltyAmount = form.field(12, 1, 3, 3, t('penaltyAmount'), DEFAULT_PENALTY, { input: { decimal: [0, 1e9], prompt: t('penaltyPrompt') }, numFmt: NUMFMT.integer, align: CENTRED });
  form.note(13, 1, 7, t('rulesNote'), 2);

  const links = planLinks(lang, o.sources);
  const tl = translator(linkCatalog, lang);
  /** The first day after the row's period. */
  const periodEnd = (x: { period: string }) => `EDATE(${x.period},${months})`;

  // Visit targets by tier (placed first: the rep table adds them up).
  const repTop = 16;
  const visitTop = repTop + REP_ROWS + 3;
  sectionBand(b, visitTop - 1, 15, t('visitsSection'));
  rowHeights[visitTop - 1] = 22;
  const visits = planTable<VisitKey>(b, lang, {
    name: 'Targets_Visits',
    top: visitTop,
    left: 1,
    rows: VISIT_ROWS,
    columns: [
      { key: 'rep', header: t('colRep') },
      { key: 'period', header: t('colPeriod'), numFmt: MONTH, align: CENTRED, input: periodRule },
      { key: 'tier', header: t('colTier'), align: CENTRED, input: { list: TIERS, prompt: t('tierPrompt') } },
      { key: 'target', header: t('colTierTarget'), align: CENTRED, input: count },
      links.visits
        ? {
            key: 'actual',
            header: t('colTierActual'),
            align: CENTRED,
            formula: (r, c) => {
              const x = rowCells(c, r);
              return `IF(OR(${x.rep}="",${x.period}="",${x.tier}=""),"",${visitsMade(links.visits!, x.rep, x.tier, x.period, periodEnd(x))})`;
            },
          }
        : { key: 'actual', header: t('colTierActual'), align: CENTRED, input: count },
      {
        key: 'attainment',
        header: t('colTierAttainment'),
        numFmt: NUMFMT.percent0,
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return attainment(x.rep, x.target, x.actual);
        },
      },
      {
        key: 'status',
        header: t('colTierStatus'),
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.rep}="",${x.target}="",NOT(ISNUMBER(${x.actual}))),"",IF(${x.actual}>=${x.target},${q(t('reached'))},${q(t('behind'))}))`;
        },
      },
    ],
    data: ex?.visits,
  });
  rowHeights[visits.headerRow] = 30;
  form.note(visits.lastRow + 1, 1, 15, `${t('visitsNote')} ${linksNote(lang, links, { visits: tl('targetsFromVisits') }, ['visits'])}`);

  // One row per rep and period.
  const V = { rep: visits.range('rep'), period: visits.range('period'), target: visits.range('target'), actual: visits.range('actual') };
  const visitSum = (range: string, x: Record<RepKey, string>) =>
    `IF(OR(${x.rep}="",${x.period}="",COUNTIFS(${V.rep},${x.rep},${V.period},${x.period})=0),"",SUMIFS(${range},${V.rep},${x.rep},${V.period},${x.period}))`;
  // The day a row is judged on: the period's last day, or the report date while the period runs.
  const asOfDate = (x: Record<RepKey, string>) => `MIN(EDATE(${x.period},${months})-1,${report})`;
  const reps = planTable<RepKey>(b, lang, {
    name: 'Targets_Reps',
    top: repTop,
    left: 1,
    rows: REP_ROWS,
    columns: [
      { key: 'rep', header: t('colRep') },
      { key: 'period', header: t('colPeriod'), numFmt: MONTH, align: CENTRED, input: periodRule },
      { key: 'ncTarget', header: t('colNcTarget'), align: CENTRED, input: count },
      links.bonus
        ? {
            key: 'ncActual',
            header: t('colNcActual'),
            align: CENTRED,
            formula: (r, c) => {
              const x = rowCells(c, r);
              return `IF(OR(${x.rep}="",${x.period}=""),"",${newCustomers(links.bonus!, x.rep, x.period, periodEnd(x))})`;
            },
          }
        : { key: 'ncActual', header: t('colNcActual'), align: CENTRED, input: count },
      { key: 'ncAttainment', header: t('colNcAttainment'), numFmt: NUMFMT.percent0, align: CENTRED, formula: (r, c) => ratio(r, c, 'ncTarget', 'ncActual') },
      { key: 'salesTarget', header: t('colSalesTarget'), numFmt: NUMFMT.integer, input: money },
      { key: 'salesActual', header: t('colSalesActual'), numFmt: NUMFMT.integer, input: money },
      { key: 'salesAttainment', header: t('colSalesAttainment'), numFmt: NUMFMT.percent0, align: CENTRED, formula: (r, c) => ratio(r, c, 'salesTarget', 'salesActual') },
      links.pipeline
        ? {
            key: 'potential',
            header: t('colPotential'),
            align: CENTRED,
            formula: (r, c) => {
              const x = rowCells(c, r);
              return `IF(${x.rep}="","",${potentialHeld(links.pipeline!, lang, x.rep)})`;
            },
          }
        : { key: 'potential', header: t('colPotential'), align: CENTRED, input: count },
      { key: 'visitTarget', header: t('colVisitTarget'), align: CENTRED, formula: (r, c) => visitSum(V.target, rowCells(c, r)) },
      { key: 'visitActual', header: t('colVisitActual'), align: CENTRED, formula: (r, c) => visitSum(V.actual, rowCells(c, r)) },
      { key: 'visitAttainment', header: t('colVisitAttainment'), numFmt: NUMFMT.percent0, align: CENTRED, formula: (r, c) => ratio(r, c, 'visitTarget', 'visitActual') },
      links.bonus
        ? {
            key: 'lastNew',
            header: t('colLastNew'),
            numFmt: NUMFMT.date,
            align: CENTRED,
            formula: (r, c) => {
              const x = rowCells(c, r);
              return `IF(OR(${x.rep}="",${x.period}=""),"",${latestNewCustomer(links.bonus!, x.rep, periodEnd(x))})`;
            },
          }
        : { key: 'lastNew', header: t('colLastNew'), numFmt: NUMFMT.date, align: CENTRED, input: { date: true, prompt: t('lastNewPrompt') } },
      {
        key: 'monthsWithout',
        header: t('colMonthsWithout'),
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          const asOf = asOfDate(x);
          return `IF(OR(${x.rep}="",${x.period}="",NOT(ISNUMBER(${x.lastNew}))),"",IF(${x.lastNew}>=${asOf},0,DATEDIF(${x.lastNew},${asOf},"m")))`;
        },
      },
      {
        key: 'penalty',
        header: t('colPenalty'),
        align: CENTRED,
        // As the bonus run decides it (docs/rules/bonus/penalty.md): flagged when the latest new
        // customer is on or before the day so many months before the as-of date.
        formula: (r, c) => {
          const x = rowCells(c, r);
          const asOf = asOfDate(x);
          return (
            `IF(OR(${x.rep}="",${x.period}=""),"",IF(${x.lastNew}="",${q(t('missingDate'))},IF(NOT(ISNUMBER(${x.lastNew})),"",`+
            `IF(${x.lastNew}<=EDATE(${asOf},-${penaltyAfter}),${q(t('penaltyFlag'))},IF(${x.lastNew}<=EDATE(${asOf},-${replan}),${q(t('replanFlag'))},"")))))`
          );
        },
      },
    ],
    data: ex?.reps,
  });
  rowHeights[reps.headerRow] = lang === 'en-US' ? 44 : 34;
  form.note(reps.lastRow + 1, 1, 15, linksNote(lang, links, { pipeline: tl('targetsFromPipeline'), bonus: tl('targetsFromBonus') }, ['pipeline', 'bonus']));

  for (const key of ['ncAttainment', 'salesAttainment', 'visitAttainment'] as const) attainmentColours(b, reps.body(key), `$${reps.col[key]}${reps.firstRow}`);
  attainmentColours(b, visits.body('attainment'), `$${visits.col.attainment}${visits.firstRow}`);
  b.conditional({
    ref: reps.body('penalty'),
    rules: [
      { type: 'expression', formula: `$${reps.col.penalty}${reps.firstRow}=${q(t('replanFlag'))}`, style: AMBER },
      { type: 'expression', formula: `$${reps.col.penalty}${reps.firstRow}<>""`, style: FLAG_STYLE },
    ],
  });

  // Team summary for one period, rows 7–14 right of the rules.
  const period = form.field(7, 9, 12, 12, t('summaryPeriod'), ex ? ex.current : null, { input: { date: true, prompt: t('summaryPeriodPrompt') }, numFmt: MONTH, align: CENTRED });
  const inPeriod = (range: string) => `SUMIFS(${range},${reps.range('period')},${period})`;
  form.label(7, 13, t('repsInPeriod'), 14);
  const repCount = cellRef(7, 15, true);
  form.spread(7, 15, 15, { formula: `COUNTIFS(${reps.range('period')},${period},${reps.range('rep')},"?*")` }, style(FORM_COMPUTED, centred));
  form.label(8, 12, t('colSumTarget'));
  form.label(8, 13, t('colSumActual'));
  form.label(8, 14, t('colSumAttainment'));
  const value = (row: number, col: number, formula: string, numFmt?: string) => {
    form.spread(row, col, col, { formula }, style(FORM_COMPUTED, centred, { numFmt }));
    return cellRef(row, col, true);
  };
  const line = (row: number, label: string, target: string, actual: string, numFmt?: string) => {
    form.label(row, 9, label, 11);
    const tgt = value(row, 12, `IF(${repCount}=0,"",${target})`, numFmt);
    const act = value(row, 13, `IF(${repCount}=0,"",${actual})`, numFmt);
    const rate = value(row, 14, `IF(OR(${tgt}="",${tgt}=0),"",${act}/${tgt})`, NUMFMT.percent0);
    attainmentColours(b, rate.replace(/\$/g, ''), rate);
  };
  line(9, t('sumNewCustomers'), inPeriod(reps.range('ncTarget')), inPeriod(reps.range('ncActual')));
  line(10, t('sumNewSales'), inPeriod(reps.range('salesTarget')), inPeriod(reps.range('salesActual')), NUMFMT.integer);
  line(11, t('sumVisits'), `SUMIFS(${V.target},${V.period},${period})`, `SUMIFS(${V.actual},${V.period},${period})`);
  form.label(12, 9, t('sumPotential'), 11);
  value(12, 12, messageFormula(t('potentialRange'), { min, max }));
  const held = value(12, 13, `IF(${repCount}=0,"",${inPeriod(reps.range('potential'))})`);
  const heldCheck = cellRef(12, 14, true);
  form.spread(
    12,
    14,
    15,
    { formula: `IF(${held}="","",IF(${held}<${min},${q(t('potentialLow'))},IF(${held}>${max},${q(t('potentialHigh'))},${q(t('potentialOk'))})))` },
    style(FORM_COMPUTED, centred, { font: { bold: true } }),
  );
  b.conditional({
    ref: rangeRef(12, 14, 12, 15),
    rules: [
      { type: 'expression', formula: `${heldCheck}=${q(t('potentialOk'))}`, style: OK_STYLE },
      { type: 'expression', formula: `${heldCheck}<>""`, style: AMBER },
    ],
  });
  const flagged = (flag: string) => `COUNTIFS(${reps.range('period')},${period},${reps.range('penalty')},${q(flag)})`;
  form.label(13, 9, t('replanCount'), 11);
  const replanCount = value(13, 12, flagged(t('replanFlag')));
  form.label(13, 13, t('penaltyCount'), 14);
  const penaltyCount = value(13, 15, flagged(t('penaltyFlag')));
  form.label(14, 9, t('penaltyTotal'), 11);
  value(14, 12, `${penaltyCount}*${penaltyAmount}`, NUMFMT.integer);
  b.conditional({ ref: replanCount.replace(/\$/g, ''), rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: AMBER }] });
  b.conditional({ ref: penaltyCount.replace(/\$/g, ''), rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }] });

  const last = visits.lastRow + 1;
  b.widths(lang === 'en-US' ? [11, 9, 10, 10, 10, 12, 12, 9, 10, 9, 9, 11, 12, 11, 18] : [10, 9, 10, 10, 9, 12, 12, 9, 11, 9, 9, 11, 12, 9, 13]);
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: repTop, columns: 2 },
      print: a4Landscape(printArea(rangeRef(1, 1, last, 15))),
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  const fitted = fitRowHeights(sheet);
  return { ...fitted, print: { ...fitted.print!, rowBreaks: keepBlocksTogether(fitted, [visitTop - 1]) } };
}

function ratio(r: number, c: Readonly<Record<RepKey, string>>, target: RepKey, actual: RepKey): string {
  const x = rowCells(c, r);
  return attainment(x.rep, x[target], x[actual]);
}

/** Green when the target is reached, amber below it. */
function attainmentColours(b: SheetBuilder, ref: string, first: string): void {
  b.conditional({
    ref,
    rules: [
      { type: 'expression', formula: `AND(ISNUMBER(${first}),${first}>=1)`, style: OK_STYLE },
      { type: 'expression', formula: `ISNUMBER(${first})`, style: AMBER },
    ],
  });
}

interface TargetsExample {
  /** First day of the period the report date falls in. */
  current: Date;
  reps: PlanRow<RepKey>[];
  visits: PlanRow<VisitKey>[];
}

/**
 * Worked example (docs/rules/templates/targets.md): quarterly periods; three reps in the current
 * quarter — one on track, one without a new customer for about 200 days (re-plan), one for about
 * 400 days (penalty) — and the first rep's previous quarter. Dates count from the report date.
 */
function targetsExample(lang: Lang, today: Date): TargetsExample {
  const zhText = lang === 'zh-CN';
  const current = new Date(Date.UTC(today.getUTCFullYear(), Math.floor(today.getUTCMonth() / 3) * 3, 1));
  const previous = new Date(Date.UTC(current.getUTCFullYear(), current.getUTCMonth() - 3, 1));
  const later = (a: Date, b: Date) => (a > b ? a : b);
  const wang = zhText ? '王磊' : 'Wang Lei';
  const li = zhText ? '李娜' : 'Li Na';
  const zhang = zhText ? '张伟' : 'Zhang Wei';
  const tiers = (rep: string, counts: [number, number][]): PlanRow<VisitKey>[] =>
    counts.map(([target, actual], i) => ({ rep, period: current, tier: TIERS[i], target, actual }));
  return {
    current,
    reps: [
      { rep: wang, period: current, ncTarget: 3, ncActual: 2, salesTarget: 600_000, salesActual: 450_000, potential: 12, lastNew: later(daysFrom(today, -20), current) },
      { rep: li, period: current, ncTarget: 2, ncActual: 0, salesTarget: 400_000, salesActual: 120_000, potential: 9, lastNew: daysFrom(today, -200) },
      { rep: zhang, period: current, ncTarget: 2, ncActual: 0, salesTarget: 400_000, salesActual: 0, potential: 6, lastNew: daysFrom(today, -400) },
      { rep: wang, period: previous, ncTarget: 3, ncActual: 3, salesTarget: 500_000, salesActual: 520_000, potential: 10, lastNew: daysFrom(current, -10) },
    ],
    visits: [
      ...tiers(wang, [
        [12, 13],
        [8, 6],
        [4, 4],
      ]),
      ...tiers(li, [
        [8, 8],
        [8, 8],
        [6, 3],
      ]),
      ...tiers(zhang, [
        [4, 2],
        [6, 5],
        [6, 6],
      ]),
    ],
  };
}
