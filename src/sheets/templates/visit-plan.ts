import common from '../../i18n/common';
import abcCatalog from '../../i18n/abc';
import catalog from '../../i18n/templates/visit-plan';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { daysFrom, earlierThisMonth, monthStart as firstOfMonth } from '../core/example-dates';
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';
import { messageFormula } from '../core/formula-text';
import {
  CNY_WHOLE,
  fitRowHeights,
  FLAG_STYLE,
  OK_STYLE,
  planTable,
  q,
  rowCells,
  validationFor,
  type ColumnLetters,
  type PlanColumn,
} from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { guardedLink, type SourceLink } from '../core/source-link';
import { ABC_RESULT_NAMES } from '../abc/result-sheet';
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import { sectionBand } from '../core/section-band';

const TIERS = ['A', 'B', 'C'];
const DEFAULT_VISITS = [4, 2, 1];
const DEFAULT_INTERVAL_DAYS = 15;
const DEFAULT_INTENSIVE_MONTHS = 3;
/** Revisit dates listed per customer: all short-interval ones (5 or 6 by default), then monthly. */
const REVISITS = 9;
const CUSTOMER_ROWS = 20;
/** The log prints on one A4 page with the example filled; more rows are inserted inside the table. */
const LOG_ROWS = 20;
const CARE_ROWS = 12;
const PLAN_WIDTH = 3 + REVISITS;
const LOG_WIDTH = 11;

/** Workbook-scoped names the two sheets use to talk to each other (they survive sheet renames). */
export const VISIT_PLAN_NAMES = {
  frequency: 'VisitPlan_Frequency',
  interval: 'VisitPlan_RevisitDays',
  months: 'VisitPlan_IntensiveMonths',
  carePlanned: 'VisitPlan_CarePlanned',
  careDone: 'VisitPlan_CareDone',
  careStatus: 'VisitPlan_CareStatus',
  visitsPerMonth: 'VisitPlan_VisitsPerMonth',
  stillDue: 'VisitPlan_StillDue',
  customers: 'VisitPlan_CustomerNames',
  logCustomer: 'VisitPlan_LogCustomer',
  logMonth: 'VisitPlan_LogMonth',
  /** The customer table's tier column. */
  tiers: 'VisitPlan_Tiers',
  /** The log's visit date, its visitors and the visited customer's tier (looked up in the plan). */
  logDate: 'VisitPlan_LogDate',
  logVisitedBy: 'VisitPlan_LogVisitedBy',
  logTier: 'VisitPlan_LogTier',
} as const;

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const visitPlan: TemplateDef = {
  kind: 'visit-plan',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  linksTo: ['abc-result'],
  build: (o) => [buildPlan(o), buildLog(o)],
};

/** The ABC result's columns the plan reads, when the workbook has an ABC result with both names. */
function abcRefs(source: SourceLink | undefined): { sheet: string; customers: string; tiers: string } | undefined {
  const customers = source?.names[ABC_RESULT_NAMES.customers];
  const tiers = source?.names[ABC_RESULT_NAMES.tiers];
  return source && customers && tiers ? { sheet: source.sheet, customers, tiers } : undefined;
}

/**
 * The tier of a customer row looked up in the ABC result by customer name
 * (docs/rules/templates/visit-plan.md): a customer the result does not list says so in the
 * cell, and a deleted result sheet gives a message instead of #REF!.
 */
export function linkedTierFormula(customer: string, abc: { sheet: string; customers: string; tiers: string }, lang: Lang): string {
  const t = translator(catalog, lang);
  const found = `IFERROR(INDEX(${abc.tiers},MATCH(${customer},${abc.customers},0))&"",${q(t('notInAbc'))})`;
  return `IF(${customer}="","",${guardedLink(abc.tiers, translator(common, lang)('linkSourceGone', { sheet: abc.sheet }), found)})`;
}

const CENTRED = 'center' as const;

/**
 * Post-delivery revisits for a delivery date d (both rules are input cells):
 * d + I·k for k = 1, 2 … while before EDATE(d, M) — n = ROUNDUP((EDATE(d,M) − d) / I) − 1 of
 * them — then EDATE(d, M), EDATE(d, M+1) …, i.e. monthly on the delivery's day of month.
 */
function shortVisitCount(d: string, interval: string, months: string): string {
  return `ROUNDUP((EDATE(${d},${months})-${d})/${interval},0)-1`;
}

function revisitDate(k: number, d: string, n: string, interval: string, months: string): string {
  return `IF(${k}<=${n},${d}+${interval}*${k},EDATE(${d},${months}+${k}-${n}-1))`;
}

/** The first revisit on or after the report date T, without a limit on how many came before. */
function nextRevisit(d: string, report: string, interval: string, months: string): string {
  const short = `${d}+${interval}*MAX(1,ROUNDUP((${report}-${d})/${interval},0))`;
  const m = `MAX(${months},(YEAR(${report})-YEAR(${d}))*12+MONTH(${report})-MONTH(${d}))`;
  return `IF(${short}<EDATE(${d},${months}),${short},IF(EDATE(${d},${m})>=${report},EDATE(${d},${m}),EDATE(${d},${m}+1)))`;
}

type CustomerKey = 'customer' | 'owner' | 'tier' | 'visitsPerMonth' | 'visited' | 'stillDue' | 'delivery' | 'nextRevisit' | 'notes';
type ScheduleKey = 'customer' | 'delivery' | 'shortVisits' | `revisit${number}`;
type CareKey = 'customer' | 'activity' | 'occasion' | 'planned' | 'owner' | 'budget' | 'done' | 'status' | 'notes';

function buildPlan(o: TemplateOptions): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const { dateRef } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: PLAN_WIDTH,
    date: today,
    planName: t('planName'),
    protect,
  });
  const ex = example ? EXAMPLE[lang] : undefined;
  const abc = abcRefs(o.sources?.['abc-result']);
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20 };
  const sections: number[] = [];
  const section = (r: number, text: string) => {
    sectionBand(b, r, PLAN_WIDTH, text);
    rowHeights[r] = 22;
    sections.push(r);
  };
  const note = (r: number, value: CellContent) => {
    b.at(r, 1, value, style(TEMPLATE_NOTE, { alignment: { vertical: 'middle', wrapText: true } })).merge(rangeRef(r, 1, r, PLAN_WIDTH));
  };
  const label = style(STYLE.label, { alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
  const N = VISIT_PLAN_NAMES;
  const monthStart = `DATE(YEAR(${dateRef}),MONTH(${dateRef}),1)`;

  // Rules: visits per month by tier (a named range), then the two revisit rules under it.
  section(6, t('sectionRules'));
  const rules = planTable(b, lang, {
    name: 'VisitPlan_Rules',
    top: 7,
    left: 1,
    rows: TIERS.length,
    columns: [
      { key: 'tier', header: t('colTier'), labels: TIERS, align: CENTRED },
      { key: 'visits', header: t('colVisitsPerMonth'), align: CENTRED, input: { whole: [0, 31], prompt: t('visitsPrompt') } },
    ],
    data: DEFAULT_VISITS.map((visits) => ({ visits })),
  });
  // VLOOKUP reads the visits column by its position in this range, counted from the tier column.
  const visitsOffset = rules.index('visits') - rules.index('tier') + 1;
  b.defineName({
    name: N.frequency,
    ref: rangeRef(rules.firstRow, rules.index('tier'), rules.lastRow, rules.index('visits'), true),
  });
  const ruleInput = style(STYLE.input, { alignment: { horizontal: CENTRED, vertical: 'middle' } });
  const intervalRow = rules.lastRow + 1;
  b.at(intervalRow, 1, t('revisitInterval'), label).at(intervalRow, 2, DEFAULT_INTERVAL_DAYS, ruleInput);
  b.at(intervalRow + 1, 1, t('intensiveMonths'), label).at(intervalRow + 1, 2, DEFAULT_INTENSIVE_MONTHS, ruleInput);
  b.validation(validationFor(lang, cellRef(intervalRow, 2), { whole: [1, 365], prompt: t('intervalPrompt') }));
  b.validation(validationFor(lang, cellRef(intervalRow + 1, 2), { whole: [0, 60], prompt: t('monthsPrompt') }));
  b.defineName({ name: N.interval, ref: cellRef(intervalRow, 2, true) });
  b.defineName({ name: N.months, ref: cellRef(intervalRow + 1, 2, true) });
  const [interval, months] = [N.interval, N.months];
  note(intervalRow + 2, t('tierNote'));
  // The rule text is a formula so it always shows the numbers in the rule cells; its row is
  // sized for the text with the default rules (see the end of this function).
  const ruleRow = intervalRow + 3;
  note(ruleRow, t('revisitRule', { days: DEFAULT_INTERVAL_DAYS, months: DEFAULT_INTENSIVE_MONTHS }));

  // Monthly review of the report month: figures from the plan, the care activities and the log,
  // then the team's own words.
  const reviewSection = intervalRow + 5;
  section(reviewSection, t('sectionReview'));
  const reviewTop = reviewSection + 1;
  const careStatusName = N.careStatus;
  const carePlannedName = N.carePlanned;
  const careDoneName = N.careDone;
  const inMonth = (range: string) => `COUNTIFS(${range},">="&${monthStart},${range},"<="&EOMONTH(${dateRef},0))`;
  const figures: [string, string, string?][] = [
    [t('reviewMonth'), monthStart, 'yyyy-mm'],
    [t('reviewVisitsPlanned'), `SUM(${N.visitsPerMonth})`],
    [t('reviewVisitsMade'), `COUNTIF(${N.logMonth},${monthStart})`],
    [t('reviewCompletion'), `IF(${cellRef(reviewTop + 1, 3)}=0,"",${cellRef(reviewTop + 2, 3)}/${cellRef(reviewTop + 1, 3)})`, NUMFMT.percent0],
    [t('reviewBehind'), `COUNTIF(${N.stillDue},">0")`],
    [t('reviewCareDue'), inMonth(carePlannedName)],
    [t('reviewCareDone'), inMonth(careDoneName)],
    [t('reviewCareOverdue'), `COUNTIF(${careStatusName},${q(t('careOverdue'))})`],
  ];
  const figure = style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: CENTRED, vertical: 'middle' } });
  figures.forEach(([text, formula, numFmt], i) => {
    const r = reviewTop + i;
    b.at(r, 1, text, label).at(r, 2, null, label).merge(rangeRef(r, 1, r, 2));
    b.at(r, 3, { formula }, style(figure, { numFmt }));
  });
  // The review in words, beside the figures.
  const words: [string, CellContent][] = [
    [t('reviewGains'), ex?.review[0] ?? null],
    [t('reviewProblems'), ex?.review[1] ?? null],
    [t('reviewActions'), ex?.review[2] ?? null],
  ];
  const wordsRows = Math.floor(figures.length / words.length);
  words.forEach(([text, value], i) => {
    const r = reviewTop + i * wordsRows;
    const box = rangeRef(r, 6, r + wordsRows - 1, PLAN_WIDTH);
    b.at(r, 4, text, style(label, { alignment: { vertical: 'top' } })).merge(rangeRef(r, 4, r, 5));
    b.at(r, 6, value, style(STYLE.input, { alignment: { vertical: 'top', wrapText: true } }))
      .fill(box, STYLE.input)
      .merge(box);
  });

  // Customers: visits per month from the rules, visits logged this month, next revisit.
  const customersSection = reviewTop + figures.length + 1;
  section(customersSection, t('sectionCustomers'));
  const customerColumns: PlanColumn<CustomerKey>[] = [
    { key: 'customer', header: t('colCustomer') },
    { key: 'owner', header: t('colOwner'), align: CENTRED },
    abc
      ? { key: 'tier', header: t('colTier'), align: CENTRED, formula: (r, c) => linkedTierFormula(rowCells(c, r).customer, abc, lang) }
      : { key: 'tier', header: t('colTier'), align: CENTRED, input: { list: TIERS, prompt: t('tierPrompt') } },
    {
      key: 'visitsPerMonth',
      header: t('colVisitsPerMonth'),
      align: CENTRED,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.tier}="","",IFERROR(VLOOKUP(${x.tier},${N.frequency},${visitsOffset},FALSE),""))`;
      },
    },
    {
      key: 'visited',
      header: t('colVisitedThisMonth'),
      align: CENTRED,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.customer}="","",COUNTIFS(${N.logCustomer},${x.customer},${N.logMonth},${monthStart}))`;
      },
    },
    {
      key: 'stillDue',
      header: t('colStillDue'),
      align: CENTRED,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(OR(${x.customer}="",${x.visitsPerMonth}=""),"",MAX(0,${x.visitsPerMonth}-${x.visited}))`;
      },
    },
    { key: 'delivery', header: t('colDelivery'), numFmt: NUMFMT.date, align: CENTRED },
    {
      key: 'nextRevisit',
      header: t('colNextRevisit'),
      numFmt: NUMFMT.date,
      align: CENTRED,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.delivery}="","",${nextRevisit(x.delivery, dateRef, interval, months)})`;
      },
    },
    { key: 'notes', header: t('colNotes') },
  ];
  const customers = planTable(b, lang, {
    name: 'VisitPlan_Customers',
    top: customersSection + 1,
    left: 1,
    rows: CUSTOMER_ROWS,
    columns: customerColumns,
    data: ex?.customers.map(([customer, owner, tier, delivery, notes]) => ({
      customer,
      owner,
      ...(abc ? {} : { tier: TIERS[tier] }),
      delivery: delivery === null ? null : daysFrom(today, delivery),
      notes,
    })),
  });
  const first = customers.firstRow;
  b.defineName({ name: N.customers, ref: customers.range('customer') });
  b.defineName({ name: N.tiers, ref: customers.range('tier') });
  b.defineName({ name: N.visitsPerMonth, ref: customers.range('visitsPerMonth') });
  b.defineName({ name: N.stillDue, ref: customers.range('stillDue') });
  // A linked tier may still be typed over; what is typed is checked like the unlinked input.
  if (abc) b.validation(validationFor(lang, customers.body('tier'), { list: TIERS, prompt: t('tierPrompt') }));
  b.validation(validationFor(lang, customers.body('delivery'), { date: true, prompt: t('deliveryPrompt') }));
  rowHeights[customers.headerRow] = 30;
  const tierSource = abc
    ? t('tierLinkedNote', { sheet: abc.sheet })
    : t('tierUnlinkedNote', { sheet: translator(abcCatalog, lang)('sheetName') });
  note(customers.lastRow + 1, `${t('monthNote')}${lang === 'zh-CN' ? '' : ' '}${tierSource}`);

  const tierColours = [COLORS.tierA, COLORS.tierB, COLORS.tierC];
  const firstRow = rowCells(customers.col, first);
  b.conditional({
    ref: customers.body('tier'),
    rules: TIERS.map((tier, i) => ({
      type: 'expression' as const,
      formula: `${firstRow.tier}=${q(tier)}`,
      style: { fill: tierColours[i], font: { bold: true } },
    })),
  });
  const dueStyle = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };
  b.conditional({
    ref: customers.body('stillDue'),
    rules: [{ type: 'expression', formula: `AND(ISNUMBER(${firstRow.stillDue}),${firstRow.stillDue}>0)`, style: dueStyle }],
  });

  // Care activities: planned per customer, with their status against the report date.
  const careSection = customers.lastRow + 3;
  section(careSection, t('sectionCare'));
  const activities = [t('activityFestival'), t('activityGifts'), t('activityService'), t('activitySenior'), t('activityOther')];
  const [doneText, overdueText, thisMonthText, plannedText] = [t('careDone'), t('careOverdue'), t('careThisMonth'), t('carePlanned')];
  const care = planTable<CareKey>(b, lang, {
    name: 'VisitPlan_Care',
    top: careSection + 1,
    left: 1,
    rows: CARE_ROWS,
    columns: [
      { key: 'customer', header: t('colCustomer') },
      { key: 'activity', header: t('colActivity'), input: { list: activities, prompt: t('activityPrompt') } },
      { key: 'occasion', header: t('colOccasion') },
      { key: 'planned', header: t('colPlanned'), numFmt: NUMFMT.date, align: CENTRED, input: { date: true, prompt: t('plannedPrompt') } },
      { key: 'owner', header: t('colOwner'), align: CENTRED },
      { key: 'budget', header: t('colBudget'), numFmt: CNY_WHOLE, input: { decimal: [0, 1e9], prompt: t('budgetPrompt') } },
      { key: 'done', header: t('colDone'), numFmt: NUMFMT.date, align: CENTRED, input: { date: true, prompt: t('donePrompt') } },
      {
        key: 'status',
        header: t('colCareStatus'),
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return (
            `IF(OR(${x.customer}="",${x.activity}=""),"",IF(${x.done}<>"",${q(doneText)},IF(${x.planned}="","",` +
            `IF(${x.planned}<${dateRef},${q(overdueText)},IF(${x.planned}<=EOMONTH(${dateRef},0),${q(thisMonthText)},${q(plannedText)})))))`
          );
        },
      },
      { key: 'notes', header: t('colNotes') },
    ],
    data: ex?.care.map(([customer, activity, occasion, planned, owner, budget, done]) => ({
      customer: ex.customers[customer][0],
      activity: activities[activity],
      occasion,
      planned: daysFrom(today, planned),
      owner,
      budget,
      done: done === null ? null : daysFrom(today, done),
    })),
  });
  rowHeights[care.headerRow] = 30;
  b.defineName({ name: carePlannedName, ref: care.range('planned') });
  b.defineName({ name: careDoneName, ref: care.range('done') });
  b.defineName({ name: careStatusName, ref: care.range('status') });
  b.validation({
    ref: care.body('customer'),
    rule: { type: 'listRange', source: N.customers },
    allowBlank: true,
    prompt: { title: translator(common, lang)('inputPromptTitle'), message: t('customerPrompt') },
    error: { title: t('customerWarningTitle'), message: t('customerWarning'), style: 'warning' },
  });
  const statusCell = `${care.col.status}${care.firstRow}`;
  b.conditional({
    ref: care.body('status'),
    rules: [
      { type: 'expression', formula: `${statusCell}=${q(overdueText)}`, style: FLAG_STYLE },
      { type: 'expression', formula: `${statusCell}=${q(thisMonthText)}`, style: dueStyle },
      { type: 'expression', formula: `${statusCell}=${q(doneText)}`, style: OK_STYLE },
    ],
  });

  // Revisit schedule: its k-th row shows the k-th customer row above, so a row inserted in
  // either table keeps both in step.
  const scheduleSection = care.lastRow + 2;
  section(scheduleSection, t('sectionSchedule'));
  const sTop = scheduleSection + 1;
  const nth = (r: number, c: ColumnLetters<ScheduleKey>) => `ROWS($${c.customer}$${sTop + 1}:$${c.customer}${r})`;
  const scheduleColumns: PlanColumn<ScheduleKey>[] = [
    {
      key: 'customer',
      header: t('colCustomer'),
      formula: (r, c) => `IF(INDEX(${customers.range('customer')},${nth(r, c)})="","",INDEX(${customers.range('customer')},${nth(r, c)}))`,
    },
    {
      key: 'delivery',
      header: t('colDelivery'),
      numFmt: NUMFMT.date,
      align: CENTRED,
      formula: (r, c) => `IF(INDEX(${customers.range('delivery')},${nth(r, c)})="","",INDEX(${customers.range('delivery')},${nth(r, c)}))`,
    },
    {
      key: 'shortVisits',
      header: t('colShortVisits'),
      align: CENTRED,
      formula: (r, c) => {
        const d = rowCells(c, r).delivery;
        return `IF(${d}="","",${shortVisitCount(d, interval, months)})`;
      },
    },
    ...Array.from(
      { length: REVISITS },
      (_, i): PlanColumn<ScheduleKey> => ({
        key: `revisit${i + 1}`,
        header: t('colRevisit', { n: i + 1 }),
        numFmt: NUMFMT.date,
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(${x.delivery}="","",${revisitDate(i + 1, x.delivery, x.shortVisits, interval, months)})`;
        },
      }),
    ),
  ];
  const schedule = planTable(b, lang, {
    name: 'VisitPlan_Revisits',
    top: sTop,
    left: 1,
    rows: CUSTOMER_ROWS,
    columns: scheduleColumns,
  });
  rowHeights[sTop] = 30;

  // Revisits in the report month stand out, in the plan and in the schedule.
  const inReportMonth = (ref: string) =>
    `AND(ISNUMBER(${ref}),YEAR(${ref})=YEAR(${dateRef}),MONTH(${ref})=MONTH(${dateRef}))`;
  b.conditional({
    ref: customers.body('nextRevisit'),
    rules: [{ type: 'expression', formula: inReportMonth(firstRow.nextRevisit), style: dueStyle }],
  });
  b.conditional({
    ref: schedule.span('revisit1', `revisit${REVISITS}`),
    rules: [{ type: 'expression', formula: inReportMonth(`${schedule.col.revisit1}${schedule.firstRow}`), style: dueStyle }],
  });

  // English company names are longer than Chinese ones.
  b.widths([lang === 'en-US' ? 30 : 26, 12, ...Array.from({ length: PLAN_WIDTH - 2 }, () => 11)]);
  const fitted = fitRowHeights(
    b
      .configure({
        rowHeights,
        freeze: { rows: 2, columns: 1 },
        print: a4Landscape(printArea(rangeRef(1, 1, schedule.lastRow, PLAN_WIDTH)), '1:2'),
        protection: protect ? { enabled: true } : undefined,
      })
      .build(),
    2,
  );
  const ruleRef = cellRef(ruleRow, 1);
  const sheet: SheetSpec = {
    ...fitted,
    cells: fitted.cells.map((c) =>
      c.ref === ruleRef ? { ...c, value: { formula: messageFormula(t('revisitRule'), { days: interval, months }) } } : c,
    ),
  };
  return { ...sheet, print: { ...sheet.print!, rowBreaks: keepBlocksTogether(sheet, sections) } };
}

type LogKey = 'date' | 'customer' | 'visitedBy' | 'met' | 'type' | 'objective' | 'outcome' | 'nextStep' | 'nextStepDue' | 'month' | 'tier';

function buildLog(o: TemplateOptions): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('logSheetName'), o);
  b.configure({ stamp: { kind: 'visit-log', version: 1 } });
  titleBlock(b, {
    lang,
    title: t('logTitle'),
    purpose: t('logPurpose'),
    width: LOG_WIDTH,
    date: today,
    planName: t('logPlanName'),
    protect,
  });
  const types = [t('typeRoutine'), t('typeRevisit'), t('typeProblem'), t('typeNegotiation'), t('typeSenior')];
  const top = 6;
  const log = planTable<LogKey>(b, lang, {
    name: 'VisitPlan_Log',
    top,
    left: 1,
    rows: LOG_ROWS,
    columns: [
      { key: 'date', header: t('colDate'), numFmt: NUMFMT.date, align: CENTRED, width: 10.5 },
      { key: 'customer', header: t('colCustomer'), width: lang === 'en-US' ? 26 : 22 },
      { key: 'visitedBy', header: t('colVisitedBy'), align: CENTRED, width: 12 },
      { key: 'met', header: t('colMet'), align: CENTRED, width: 13 },
      { key: 'type', header: t('colType'), align: CENTRED, input: { list: types, prompt: t('typePrompt') }, width: 14 },
      { key: 'objective', header: t('colObjective'), width: 20 },
      { key: 'outcome', header: t('colOutcome'), width: 22 },
      { key: 'nextStep', header: t('colNextStep'), width: 18 },
      { key: 'nextStepDue', header: t('colNextStepDue'), numFmt: NUMFMT.date, align: CENTRED, width: 10.5 },
      // The first day of the visit's month: what the plan counts visits by.
      {
        key: 'month',
        header: t('colMonth'),
        numFmt: 'yyyy-mm',
        align: CENTRED,
        width: 10,
        formula: (r, c) => {
          const d = rowCells(c, r).date;
          return `IF(${d}="","",DATE(YEAR(${d}),MONTH(${d}),1))`;
        },
      },
      // The visited customer's tier as the plan gives it: what visits by tier are counted by.
      {
        key: 'tier',
        header: t('colTier'),
        align: CENTRED,
        width: 7,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(${x.customer}="","",IFERROR(INDEX(${VISIT_PLAN_NAMES.tiers},MATCH(${x.customer},${VISIT_PLAN_NAMES.customers},0))&"",""))`;
        },
      },
    ],
    data: example
      ? EXAMPLE[lang].log.map(([visit, customer, visitedBy, met, type, objective, outcome, nextStep, due]) => ({
          // Visits of this month stay in it whatever the day; the earlier one falls in the month before.
          date: visit === 'previous' ? daysFrom(firstOfMonth(today), -9) : earlierThisMonth(today, visit),
          customer: EXAMPLE[lang].customers[customer][0],
          visitedBy,
          met,
          type: types[type],
          objective,
          outcome,
          nextStep,
          nextStepDue: due === null ? null : daysFrom(today, due),
        }))
      : undefined,
  });
  b.defineName({ name: VISIT_PLAN_NAMES.logCustomer, ref: log.range('customer') });
  b.defineName({ name: VISIT_PLAN_NAMES.logMonth, ref: log.range('month') });
  b.defineName({ name: VISIT_PLAN_NAMES.logDate, ref: log.range('date') });
  b.defineName({ name: VISIT_PLAN_NAMES.logVisitedBy, ref: log.range('visitedBy') });
  b.defineName({ name: VISIT_PLAN_NAMES.logTier, ref: log.range('tier') });
  b.validation(validationFor(lang, log.body('date'), { date: true, prompt: t('datePrompt') }));
  b.validation(validationFor(lang, log.body('nextStepDue'), { date: true, prompt: t('nextStepDuePrompt') }));
  // Customers come from the plan's list; another name is allowed after a warning.
  b.validation({
    ref: log.body('customer'),
    rule: { type: 'listRange', source: VISIT_PLAN_NAMES.customers },
    allowBlank: true,
    prompt: { title: translator(common, lang)('inputPromptTitle'), message: t('customerPrompt') },
    error: { title: t('customerWarningTitle'), message: t('customerWarning'), style: 'warning' },
  });
  b.conditional({
    ref: log.body('type'),
    rules: [
      {
        type: 'expression',
        formula: `$${log.col.type}${log.firstRow}=${q(types[1])}`,
        style: { fill: COLORS.green, font: { color: COLORS.greenText } },
      },
    ],
  });

  const sheet = b
    .configure({
      rowHeights: { 1: 26, 2: 18, 3: 20, [top]: 30 },
      freeze: { rows: top, columns: 0 },
      print: a4Landscape(printArea(rangeRef(1, 1, log.lastRow, log.right)), `${top}:${top}`),
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  return fitRowHeights(sheet);
}

interface Example {
  /** name, owner, tier index, delivery (days from the report date), notes */
  customers: [string, string, number, number | null, string | null][];
  /**
   * date (days before the report date, kept in its month; 'previous' = in the month before),
   * customer index, visited by, met, type index, objective, outcome, next step, next step due
   * (days from the report date)
   */
  log: [number | 'previous', number, string, string, number, string, string, string, number | null][];
  /** customer index, activity index, occasion, planned and done (days from the report date), owner, budget */
  care: [number, number, string, number, string, number, number | null][];
  /** what went well, problems found, improvements for next month */
  review: [string, string, string];
}

/**
 * Tiers and visit counts are the same in both languages, and dates are days from the report
 * date, so on any report date some customers were visited this month, some still need visits,
 * and one care activity is done, one overdue, one due this month, one planned later.
 */
const EXAMPLE: Record<Lang, Example> = {
  'zh-CN': {
    customers: [
      ['华东精密机械有限公司', '王磊', 0, -64, '总经理每季度拜访一次'],
      ['苏州恒达电子科技有限公司', '李娜', 1, -104, null],
      ['宁波海纳塑业有限公司', '张伟', 2, -105, '月末交货'],
      ['杭州远景包装材料有限公司', '王磊', 0, -14, '首批交货'],
      ['无锡天成化工有限公司', '李娜', 1, null, '尚未交货'],
    ],
    log: [
      ['previous', 0, '王磊', '赵敏', 0, '了解二季度用量', '确认二季度追加 2 吨', '安排技术交流', -13],
      [13, 0, '王磊、孙工', '孙浩', 0, '技术交流', '对新机型用胶达成一致', '提交试用方案', -6],
      [6, 0, '王磊', '赵敏', 3, '商谈年度价格', '价格下调 2% 换取独家供货', '起草年度协议', 5],
      [4, 0, '王磊', '车间主任', 1, '交货后回访', '使用正常，无投诉', '下次回访', 11],
      [10, 1, '李娜', '采购经理', 0, '月度例行拜访', '获得二季度需求预测', '报价', -3],
      [12, 3, '王磊', '质量部长', 1, '首批交货后回访', '来料检验合格', '收集使用反馈', 1],
      [3, 4, '李娜、刘总', '总经理', 4, '高层拜访', '同意小批量试用', '安排试用', 16],
    ],
    care: [
      [0, 0, '春节前拜访', -40, '王磊', 2000, -38],
      [1, 1, '客户厂庆十周年', -6, '李娜', 800, null],
      [2, 2, '设备年度免费检测', 0, '张伟', 1500, null],
      [0, 3, '我方总经理回访', 45, '王磊', 5000, null],
    ],
    review: [
      '华东精密确认年度价格，独家供货谈判取得进展。',
      '宁波海纳本月尚未拜访；苏州恒达厂庆贺卡未按时送出。',
      'C 类客户改为电话加季度拜访；关怀活动提前一周准备。',
    ],
  },
  'en-US': {
    customers: [
      ['Huadong Precision Machinery Co., Ltd.', 'Wang Lei', 0, -64, 'GM visits quarterly'],
      ['Suzhou Hengda Electronics Co., Ltd.', 'Li Na', 1, -104, null],
      ['Ningbo Haina Plastics Co., Ltd.', 'Zhang Wei', 2, -105, 'Month-end delivery'],
      ['Hangzhou Yuanjing Packaging Co., Ltd.', 'Wang Lei', 0, -14, 'First delivery'],
      ['Wuxi Tiancheng Chemical Co., Ltd.', 'Li Na', 1, null, 'Not delivered yet'],
    ],
    log: [
      [
        'previous',
        0,
        'Wang Lei',
        'Zhao Min',
        0,
        'Q2 volumes',
        '2 more tonnes in Q2',
        'Technical exchange',
        -13,
      ],
      [
        13,
        0,
        'Wang Lei, Eng. Sun',
        'Sun Hao',
        0,
        'Technical exchange',
        'Agreed on adhesive for new model',
        'Send trial plan',
        -6,
      ],
      [
        6,
        0,
        'Wang Lei',
        'Zhao Min',
        3,
        'Annual price talks',
        '2% off for sole supply',
        'Draft annual deal',
        5,
      ],
      [
        4,
        0,
        'Wang Lei',
        'Workshop head',
        1,
        'Post-delivery revisit',
        'Works well, no complaints',
        'Next revisit',
        11,
      ],
      [
        10,
        1,
        'Li Na',
        'Purchasing manager',
        0,
        'Monthly routine visit',
        'Got Q2 demand forecast',
        'Send quotation',
        -3,
      ],
      [
        12,
        3,
        'Wang Lei',
        'Quality manager',
        1,
        'Revisit after first delivery',
        'Incoming inspection passed',
        'Collect feedback',
        1,
      ],
      [
        3,
        4,
        'Li Na, Mr Liu',
        'General manager',
        4,
        'Senior visit',
        'Agreed to a small trial',
        'Arrange the trial',
        16,
      ],
    ],
    care: [
      [0, 0, 'Visit before Spring Festival', -40, 'Wang Lei', 2000, -38],
      [1, 1, 'Their 10th anniversary', -6, 'Li Na', 800, null],
      [2, 2, 'Yearly free inspection', 0, 'Zhang Wei', 1500, null],
      [0, 3, 'Return visit by our GM', 45, 'Wang Lei', 5000, null],
    ],
    review: [
      'Huadong agreed the annual price; sole-supply talks moved on.',
      'Ningbo Haina not visited yet; the Hengda anniversary card was late.',
      'Tier C by phone plus a visit a quarter; prepare care activities a week ahead.',
    ],
  },
};
