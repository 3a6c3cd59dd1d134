import common from '../../i18n/common';
import catalog from '../../i18n/templates/visit-plan';
import { translator } from '../../i18n/define';
import { rangeRef } from '../core/a1';
import { messageFormula } from '../core/formula-text';
import { fitRowHeights, planTable, q, rowCells, validationFor, type PlanColumn } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import { sectionBand, utcDate as date } from '../core/section-band';

const TIERS = ['A', 'B', 'C'];
const DEFAULT_VISITS = [4, 2, 1];
const DEFAULT_INTERVAL_DAYS = 15;
const DEFAULT_INTENSIVE_MONTHS = 3;
/** Revisit dates listed per customer: all short-interval ones (5 or 6 by default), then monthly. */
const REVISITS = 9;
const CUSTOMER_ROWS = 20;
const LOG_ROWS = 80;
const PLAN_WIDTH = 3 + REVISITS;
const LOG_WIDTH = 10;

/** Workbook-scoped names the two sheets use to talk to each other (they survive sheet renames). */
export const VISIT_PLAN_NAMES = {
  frequency: 'VisitPlan_Frequency',
  customers: 'VisitPlan_CustomerNames',
  logCustomer: 'VisitPlan_LogCustomer',
  logMonth: 'VisitPlan_LogMonth',
} as const;

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const visitPlan: TemplateDef = {
  kind: 'visit-plan',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => [buildPlan(o), buildLog(o)],
};

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

function buildPlan({ lang, example, today, columnProbe }: TemplateOptions): SheetSpec {
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('sheetName'), { columnProbe });
  const { dateRef } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: PLAN_WIDTH,
    date: today ?? new Date(),
    planName: t('planName'),
  });
  const ex = example ? EXAMPLE[lang] : undefined;
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20 };
  const section = (r: number, text: string) => {
    sectionBand(b, r, PLAN_WIDTH, text);
    rowHeights[r] = 22;
  };
  const note = (r: number, value: CellContent, height: number) => {
    b.at(r, 1, value, style(STYLE.note, { alignment: { vertical: 'middle' } })).merge(rangeRef(r, 1, r, PLAN_WIDTH));
    rowHeights[r] = height;
  };

  // Rules: visits per month by tier (a named range), and the two revisit rules.
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
    name: VISIT_PLAN_NAMES.frequency,
    ref: rangeRef(rules.firstRow, rules.index('tier'), rules.lastRow, rules.index('visits'), true),
  });
  const interval = '$H$8';
  const months = '$H$9';
  b.set('D8', t('revisitInterval'), STYLE.label).merge('D8:G8');
  b.set('H8', DEFAULT_INTERVAL_DAYS, style(STYLE.input, { alignment: { horizontal: CENTRED } }));
  b.set('D9', t('intensiveMonths'), STYLE.label).merge('D9:G9');
  b.set('H9', DEFAULT_INTENSIVE_MONTHS, style(STYLE.input, { alignment: { horizontal: CENTRED } }));
  b.validation(validationFor(lang, 'H8', { whole: [1, 365], prompt: t('intervalPrompt') }));
  b.validation(validationFor(lang, 'H9', { whole: [0, 60], prompt: t('monthsPrompt') }));
  note(11, t('tierNote'), 18);
  // The rule text is a formula so it always shows the numbers in the rule cells.
  note(12, { formula: messageFormula(t('revisitRule'), { days: interval, months }) }, 30);
  b.get('A12')!.style = style(b.get('A12')!.style, { alignment: { wrapText: true } });

  // Customers: visits per month from the rules, visits logged this month, next revisit.
  section(14, t('sectionCustomers'));
  const top = 15;
  const first = top + 1;
  const monthStart = `DATE(YEAR(${dateRef}),MONTH(${dateRef}),1)`;
  const customerColumns: PlanColumn<CustomerKey>[] = [
    { key: 'customer', header: t('colCustomer') },
    { key: 'owner', header: t('colOwner'), align: CENTRED },
    { key: 'tier', header: t('colTier'), align: CENTRED, input: { list: TIERS, prompt: t('tierPrompt') } },
    {
      key: 'visitsPerMonth',
      header: t('colVisitsPerMonth'),
      align: CENTRED,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.tier}="","",IFERROR(VLOOKUP(${x.tier},${VISIT_PLAN_NAMES.frequency},${visitsOffset},FALSE),""))`;
      },
    },
    {
      key: 'visited',
      header: t('colVisitedThisMonth'),
      align: CENTRED,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.customer}="","",COUNTIFS(${VISIT_PLAN_NAMES.logCustomer},${x.customer},${VISIT_PLAN_NAMES.logMonth},${monthStart}))`;
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
    top,
    left: 1,
    rows: CUSTOMER_ROWS,
    columns: customerColumns,
    data: ex?.customers.map(([customer, owner, tier, delivery, notes]) => ({
      customer,
      owner,
      tier: TIERS[tier],
      delivery: date(delivery),
      notes,
    })),
  });
  b.defineName({ name: VISIT_PLAN_NAMES.customers, ref: customers.range('customer') });
  b.validation(validationFor(lang, customers.body('delivery'), { date: true, prompt: t('deliveryPrompt') }));
  rowHeights[top] = 30;
  note(customers.lastRow + 1, t('monthNote'), 16);

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
  b.conditional({
    ref: customers.body('stillDue'),
    rules: [
      {
        type: 'expression',
        formula: `AND(ISNUMBER(${firstRow.stillDue}),${firstRow.stillDue}>0)`,
        style: { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } },
      },
    ],
  });

  // Revisit schedule, one row per customer row above.
  const scheduleSection = customers.lastRow + 3;
  section(scheduleSection, t('sectionSchedule'));
  const sTop = scheduleSection + 1;
  const offset = sTop - top;
  const source = (r: number) => rowCells(customers.col, r - offset);
  const scheduleColumns: PlanColumn<ScheduleKey>[] = [
    {
      key: 'customer',
      header: t('colCustomer'),
      formula: (r) => `IF(${source(r).customer}="","",${source(r).customer})`,
    },
    {
      key: 'delivery',
      header: t('colDelivery'),
      numFmt: NUMFMT.date,
      align: CENTRED,
      formula: (r) => `IF(${source(r).delivery}="","",${source(r).delivery})`,
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
  const thisMonth = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };
  b.conditional({
    ref: customers.body('nextRevisit'),
    rules: [{ type: 'expression', formula: inReportMonth(firstRow.nextRevisit), style: thisMonth }],
  });
  b.conditional({
    ref: schedule.span('revisit1', `revisit${REVISITS}`),
    rules: [{ type: 'expression', formula: inReportMonth(`${schedule.col.revisit1}${schedule.firstRow}`), style: thisMonth }],
  });

  // English company names are longer than Chinese ones.
  b.widths([lang === 'en-US' ? 36 : 28, 14, ...Array.from({ length: PLAN_WIDTH - 2 }, () => 12)]);
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: 2, columns: 1 },
      print: {
        orientation: 'landscape',
        paperSize: 'A4',
        fitToWidth: true,
        titleRows: '1:2',
        area: rangeRef(1, 1, schedule.lastRow, PLAN_WIDTH),
        rowBreaks: [customers.lastRow + 1],
      },
      protection: { enabled: true },
    })
    .build();
  return fitRowHeights(sheet);
}

type LogKey = 'date' | 'customer' | 'visitedBy' | 'met' | 'type' | 'objective' | 'outcome' | 'nextStep' | 'nextStepDue' | 'month';

function buildLog({ lang, example, today, columnProbe }: TemplateOptions): SheetSpec {
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('logSheetName'), { columnProbe });
  titleBlock(b, {
    lang,
    title: t('logTitle'),
    purpose: t('logPurpose'),
    width: LOG_WIDTH,
    date: today ?? new Date(),
    planName: t('logPlanName'),
  });
  const types = [t('typeRoutine'), t('typeRevisit'), t('typeProblem'), t('typeNegotiation'), t('typeSenior')];
  const top = 6;
  const log = planTable<LogKey>(b, lang, {
    name: 'VisitPlan_Log',
    top,
    left: 1,
    rows: LOG_ROWS,
    columns: [
      { key: 'date', header: t('colDate'), numFmt: NUMFMT.date, align: CENTRED, width: 12 },
      { key: 'customer', header: t('colCustomer'), width: lang === 'en-US' ? 36 : 28 },
      { key: 'visitedBy', header: t('colVisitedBy'), align: CENTRED, width: 14 },
      { key: 'met', header: t('colMet'), align: CENTRED, width: 16 },
      { key: 'type', header: t('colType'), align: CENTRED, input: { list: types, prompt: t('typePrompt') }, width: 20 },
      { key: 'objective', header: t('colObjective'), width: 24 },
      { key: 'outcome', header: t('colOutcome'), width: 24 },
      { key: 'nextStep', header: t('colNextStep'), width: 24 },
      { key: 'nextStepDue', header: t('colNextStepDue'), numFmt: NUMFMT.date, align: CENTRED, width: 12 },
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
    ],
    data: example
      ? EXAMPLE[lang].log.map(([visit, customer, visitedBy, met, type, objective, outcome, nextStep, due]) => ({
          date: date(visit),
          customer: EXAMPLE[lang].customers[customer][0],
          visitedBy,
          met,
          type: types[type],
          objective,
          outcome,
          nextStep,
          nextStepDue: date(due),
        }))
      : undefined,
  });
  b.defineName({ name: VISIT_PLAN_NAMES.logCustomer, ref: log.range('customer') });
  b.defineName({ name: VISIT_PLAN_NAMES.logMonth, ref: log.range('month') });
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
      print: {
        orientation: 'landscape',
        paperSize: 'A4',
        fitToWidth: true,
        titleRows: `${top}:${top}`,
        area: rangeRef(1, 1, log.lastRow, log.right),
      },
      protection: { enabled: true },
    })
    .build();
  return fitRowHeights(sheet);
}

interface Example {
  /** name, owner, tier index, delivery date, notes */
  customers: [string, string, number, string | null, string | null][];
  /** date, customer index, visited by, met, type index, objective, outcome, next step, next step due */
  log: [string, number, string, string, number, string, string, string, string | null][];
}

/** Dates, tiers and visit counts are the same in both languages, so the results agree. */
const EXAMPLE: Record<Lang, Example> = {
  'zh-CN': {
    customers: [
      ['华东精密机械有限公司', '王磊', 0, '2026-01-10', '总经理每季度拜访一次'],
      ['苏州恒达电子科技有限公司', '李娜', 1, '2025-12-01', null],
      ['宁波海纳塑业有限公司', '张伟', 2, '2025-11-30', '月末交货'],
      ['杭州远景包装材料有限公司', '王磊', 0, '2026-03-01', '首批交货'],
      ['无锡天成化工有限公司', '李娜', 1, null, '尚未交货'],
    ],
    log: [
      ['2026-02-20', 0, '王磊', '赵敏', 0, '了解二季度用量', '确认二季度追加 2 吨', '安排技术交流', '2026-03-02'],
      ['2026-03-02', 0, '王磊、孙工', '孙浩', 0, '技术交流', '对新机型用胶达成一致', '提交试用方案', '2026-03-09'],
      ['2026-03-09', 0, '王磊', '赵敏', 3, '商谈年度价格', '价格下调 2% 换取独家供货', '起草年度协议', '2026-03-20'],
      ['2026-03-11', 0, '王磊', '车间主任', 1, '交货后回访', '使用正常，无投诉', '下次回访', '2026-03-26'],
      ['2026-03-05', 1, '李娜', '采购经理', 0, '月度例行拜访', '获得二季度需求预测', '报价', '2026-03-12'],
      ['2026-03-03', 3, '王磊', '质量部长', 1, '首批交货后回访', '来料检验合格', '收集使用反馈', '2026-03-16'],
      ['2026-03-12', 4, '李娜、刘总', '总经理', 4, '高层拜访', '同意小批量试用', '安排试用', '2026-03-31'],
    ],
  },
  'en-US': {
    customers: [
      ['Huadong Precision Machinery Co., Ltd.', 'Wang Lei', 0, '2026-01-10', 'GM visits quarterly'],
      ['Suzhou Hengda Electronics Co., Ltd.', 'Li Na', 1, '2025-12-01', null],
      ['Ningbo Haina Plastics Co., Ltd.', 'Zhang Wei', 2, '2025-11-30', 'Month-end delivery'],
      ['Hangzhou Yuanjing Packaging Co., Ltd.', 'Wang Lei', 0, '2026-03-01', 'First delivery'],
      ['Wuxi Tiancheng Chemical Co., Ltd.', 'Li Na', 1, null, 'Not delivered yet'],
    ],
    log: [
      [
        '2026-02-20',
        0,
        'Wang Lei',
        'Zhao Min',
        0,
        'Q2 volumes',
        '2 more tonnes in Q2',
        'Technical exchange',
        '2026-03-02',
      ],
      [
        '2026-03-02',
        0,
        'Wang Lei, Eng. Sun',
        'Sun Hao',
        0,
        'Technical exchange',
        'Agreed on adhesive for new model',
        'Send trial plan',
        '2026-03-09',
      ],
      [
        '2026-03-09',
        0,
        'Wang Lei',
        'Zhao Min',
        3,
        'Annual price talks',
        '2% off for sole supply',
        'Draft annual deal',
        '2026-03-20',
      ],
      [
        '2026-03-11',
        0,
        'Wang Lei',
        'Workshop head',
        1,
        'Post-delivery revisit',
        'Works well, no complaints',
        'Next revisit',
        '2026-03-26',
      ],
      [
        '2026-03-05',
        1,
        'Li Na',
        'Purchasing manager',
        0,
        'Monthly routine visit',
        'Got Q2 demand forecast',
        'Send quotation',
        '2026-03-12',
      ],
      [
        '2026-03-03',
        3,
        'Wang Lei',
        'Quality manager',
        1,
        'Revisit after first delivery',
        'Incoming inspection passed',
        'Collect feedback',
        '2026-03-16',
      ],
      [
        '2026-03-12',
        4,
        'Li Na, Mr Liu',
        'General manager',
        4,
        'Senior visit',
        'Agreed to a small trial',
        'Arrange the trial',
        '2026-03-31',
      ],
    ],
  },
};
