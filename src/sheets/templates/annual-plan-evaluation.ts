import catalog from '../../i18n/templates/annual-plan';
import { translator } from '../../i18n/define';
import { monthStart } from '../core/example-dates';
import { planTable, q, rowCells } from '../core/planning-table';
import { sectionBand } from '../core/section-band';
import type { SheetSpec } from '../core/sheet-spec';
import { NUMFMT } from '../core/styles';
import { AP_NAMES, CENTRED, PlanSheet, trafficLight } from './annual-plan-shared';
import { MONTHLY, START_MONTHS_BACK } from './annual-plan-example';
import type { TemplateOptions } from './registry';

/**
 * The annual plan's monthly evaluation (docs/rules/templates/annual-plan.md): one row per
 * objective and month with target, actual, attainment and the running totals, and the twelve
 * months of the plan year at a glance.
 */

const WIDTH = 11;
const DEFAULT_WARN = 0.9;
/** Two objectives over twelve months and six spare rows: two printed pages; insert rows for more. */
const LOG_ROWS = 30;
const MONTH_FMT = 'yyyy-mm';

type MonthKey = 'month' | 'count' | 'verdict' | 'reached' | 'slightly' | 'missed' | 'noActual';
type LogKey = 'month' | 'code' | 'objective' | 'target' | 'actual' | 'attainment' | 'cumTarget' | 'cumActual' | 'cumAttainment' | 'flag' | 'note';

export function buildEvaluation(o: TemplateOptions): SheetSpec {
  const { lang, example } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const p = new PlanSheet(o, WIDTH, { name: t('evalSheetName'), title: t('evalTitle'), purpose: t('evalPurpose'), stamp: 'annual-plan-evaluation' });
  const { b, form, rowHeights, report } = p;
  let row = p.top;

  // Rules: the share from which a month is only slightly behind.
  row = p.section(row, t('sectionEvalRules'));
  const warn = form.field(row, 1, 3, 3, t('warnAt'), DEFAULT_WARN, {
    numFmt: NUMFMT.percent0,
    align: CENTRED,
    input: { decimal: [0, 1], prompt: t('warnPrompt'), shown: ['0%', '100%'] },
  });
  b.defineName({ name: AP_NAMES.warn, ref: warn });
  form.note(row, 4, WIDTH, t('warnNote'));
  row += 1;
  form.note(row, 1, WIDTH, t('closedNote'));
  row += 2;
  const closedTo = `EOMONTH(${report},-1)`;
  const [reached, slightly, missed, noActual] = [t('logReached'), t('logSlightly'), t('logMissed'), t('logNoActual')];

  // The twelve months at a glance: counts of the log's results per month (built after the log's place is known).
  row = p.section(row, t('sectionMonths'));
  const monthsTop = row;
  row = monthsTop + 13 + 1;

  // The log: one row per objective and month.
  // The log flows on from the months' page: a new page for it would leave most of one empty.
  sectionBand(b, row, WIDTH, t('sectionLog'));
  rowHeights[row] = 22;
  row += 1;
  const log = planTable<LogKey>(b, lang, {
    name: 'AnnualPlan_Evaluation',
    top: row,
    left: 1,
    rows: LOG_ROWS,
    columns: [
      { key: 'month', header: t('colLogMonth'), numFmt: MONTH_FMT, align: CENTRED, input: { date: true, prompt: t('monthPrompt') } },
      { key: 'code', header: t('colLogCode'), align: CENTRED },
      {
        key: 'objective',
        header: t('colLogObjective'),
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(${x.code}="","",IFERROR(INDEX(${AP_NAMES.objectives},MATCH(${x.code},${AP_NAMES.codes},0))&"",${q(t('unknownCode'))}))`;
        },
      },
      // Targets and actuals are in each objective's own unit (CNY 10k, customers, %): no number format.
      { key: 'target', header: t('colMonthTarget'), input: { decimal: [-1e12, 1e12], prompt: t('amountPrompt') } },
      { key: 'actual', header: t('colMonthActual'), input: { decimal: [-1e12, 1e12], prompt: t('amountPrompt') } },
      {
        key: 'attainment',
        header: t('colMonthAttainment'),
        numFmt: NUMFMT.percent,
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.actual}="",${x.target}="",${x.target}=0),"",${x.actual}/${x.target})`;
        },
      },
      {
        key: 'cumTarget',
        header: t('colCumTarget'),
        // This objective's months up to this one, wherever their rows sit in the table.
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.code}="",${x.month}=""),"",SUMIFS(${AP_NAMES.logTarget},${AP_NAMES.logCode},${x.code},${AP_NAMES.logMonth},"<="&${x.month}))`;
        },
      },
      {
        key: 'cumActual',
        header: t('colCumActual'),
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.code}="",${x.month}=""),"",SUMIFS(${AP_NAMES.logActual},${AP_NAMES.logCode},${x.code},${AP_NAMES.logMonth},"<="&${x.month}))`;
        },
      },
      {
        key: 'cumAttainment',
        header: t('colCumAttainment'),
        numFmt: NUMFMT.percent,
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.actual}="",${x.cumTarget}="",${x.cumTarget}=0),"",${x.cumActual}/${x.cumTarget})`;
        },
      },
      {
        key: 'flag',
        header: t('colLogFlag'),
        align: CENTRED,
        // A closed month must have its actual; an open month without one is simply not due yet.
        formula: (r, c) => {
          const x = rowCells(c, r);
          return (
            `IF(OR(${x.code}="",${x.month}=""),"",IF(${x.actual}="",IF(${x.month}<=${closedTo},${q(noActual)},""),` +
            `IF(${x.attainment}="","",IF(${x.attainment}>=1,${q(reached)},IF(${x.attainment}>=${warn},${q(slightly)},${q(missed)})))))`
          );
        },
      },
      { key: 'note', header: t('colLogNote') },
    ],
    data: example ? logExample(monthStart(today, START_MONTHS_BACK)) : undefined,
  });
  for (const [name, key] of [
    [AP_NAMES.logMonth, 'month'],
    [AP_NAMES.logCode, 'code'],
    [AP_NAMES.logTarget, 'target'],
    [AP_NAMES.logActual, 'actual'],
  ] as const)
    b.defineName({ name, ref: log.range(key) });
  rowHeights[log.headerRow] = 32;
  const flagCell = `${log.col.flag}${log.firstRow}`;
  trafficLight(b, log.body('flag'), flagCell, [reached], slightly);

  // The twelve months, counted from the plan year's start on the plan sheet.
  const logMonth = log.range('month');
  const flags = log.range('flag');
  const months = planTable<MonthKey>(b, lang, {
    name: 'AnnualPlan_Months',
    top: monthsTop,
    left: 1,
    rows: 12,
    columns: [
      { key: 'month', header: t('colMonth'), numFmt: MONTH_FMT, align: CENTRED, formula: (r) => `IF(${AP_NAMES.start}="","",EDATE(${AP_NAMES.start},${r - monthsTop - 1}))` },
      { key: 'count', header: t('colCount'), align: CENTRED, formula: (r, c) => inMonth(rowCells(c, r).month) },
      {
        key: 'verdict',
        header: t('colVerdict'),
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return (
            `IF(${x.reached}="","",IF(${x.missed}>0,${q(t('verdictAct'))},IF(${x.noActual}>0,${q(t('verdictData'))},` +
            `IF(${x.slightly}>0,${q(t('verdictWatch'))},IF(${x.reached}>0,${q(t('verdictGood'))},"")))))`
          );
        },
      },
      { key: 'reached', header: t('colReachedCount'), align: CENTRED, formula: (r, c) => inMonth(rowCells(c, r).month, reached) },
      { key: 'slightly', header: t('colSlightlyCount'), align: CENTRED, formula: (r, c) => inMonth(rowCells(c, r).month, slightly) },
      { key: 'missed', header: t('colMissedCount'), align: CENTRED, formula: (r, c) => inMonth(rowCells(c, r).month, missed) },
      { key: 'noActual', header: t('colNoActualCount'), align: CENTRED, formula: (r, c) => inMonth(rowCells(c, r).month, noActual) },
    ],
  });
  // Log rows of a month (any day of it), optionally with a given result.
  function inMonth(month: string, result?: string): string {
    const within = `${logMonth},">="&${month},${logMonth},"<"&EDATE(${month},1)`;
    // Results are counted up to the report month; later months have none yet.
    const blank = result ? `OR(${month}="",${month}>${report})` : `${month}=""`;
    return `IF(${blank},"",COUNTIFS(${within}${result ? `,${flags},${q(result)}` : ''}))`;
  }
  rowHeights[months.headerRow] = 22;
  const verdictCell = `${months.col.verdict}${months.firstRow}`;
  trafficLight(b, months.body('verdict'), verdictCell, [t('verdictGood')], t('verdictWatch'));
  const last = log.lastRow;

  return p.finish(lang === 'en-US' ? [10, 14, 34, 11, 11, 12, 11, 11, 11, 15, 20] : [10, 14, 24, 10, 10, 12, 10, 10, 10, 10, 26], last);
}

/** Two objectives × twelve months: monthly targets, actuals of the closed months. */
function logExample(start: Date) {
  return MONTHLY.flatMap((m) =>
    m.targets.map((target, i) => ({
      month: new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1)),
      code: m.code,
      target,
      actual: m.actuals[i] ?? null,
    })),
  );
}
