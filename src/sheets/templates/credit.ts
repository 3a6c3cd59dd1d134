import { a4Landscape } from '../core/print-layout';
import catalog from '../../i18n/templates/credit';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { daysFrom } from '../core/example-dates';
import { messageFormula } from '../core/formula-text';
import { Form, FORM_COMPUTED, type FieldOptions } from '../core/form-grid';
import {
  fitRowHeights,
  FLAG_STYLE,
  OK_STYLE,
  planTable,
  q,
  rowCells,
  type PlanColumn,
  type PlanRow,
} from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, style } from '../core/styles';
import { sectionBand } from '../core/section-band';
import { titleBlock } from '../core/title-block';
import type { TemplateDef, TemplateOptions } from './registry';

/**
 * Customer credit (docs/rules/templates/credit.md): the register of approved lines with live
 * exposure and flags, and the survey + application form a line is approved on.
 */

/** Room for a dozen customers on one printed page; the table grows by inserting rows. */
// Ten rows print on the first page in both languages (long customer names wrap in en-US); tables grow by inserted rows.
const REGISTER_ROWS = 10;
const DEFAULT_WARN = 0.8;
const DEFAULT_GOOD = 4;
const DEFAULT_FAIR = 3;
const DEFAULT_REVIEW_MONTHS = 12;
/** Default weights of the six credit-score criteria (ours; they total 100 %). */
const DEFAULT_WEIGHTS = [0.15, 0.15, 0.25, 0.2, 0.1, 0.15];

/**
 * Workbook-scoped names of the register's columns, for sheets that look customers up in it (the
 * bad-debt split, docs/rules/bonus/bad-debt.md): customer, approver, approved line and exposure.
 */
export const CREDIT_NAMES = {
  customers: 'Credit_Customers',
  approvers: 'Credit_Approvers',
  lines: 'Credit_Lines',
  balances: 'Credit_Balances',
} as const;

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const credit: TemplateDef = {
  kind: 'credit',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => [buildRegister(o), buildForm(o)],
};

const CENTRED = 'center' as const;
const MONEY = NUMFMT.integer;
/** The register's report date: D7 holds =F3, the title block's date. */
const REPORT_DATE = '$D$7';

type RegisterKey =
  | 'customer'
  | 'handler'
  | 'approver'
  | 'line'
  | 'terms'
  | 'review'
  | 'receivables'
  | 'overdue'
  | 'openOrders'
  | 'exposure'
  | 'available'
  | 'use'
  | 'overLine'
  | 'reviewDue'
  | 'hold';

function buildRegister(o: TemplateOptions): SheetSpec {
  const { lang, example } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const wide = lang === 'en-US';
  const columns: PlanColumn<RegisterKey>[] = [
    { key: 'customer', header: t('colCustomer'), width: wide ? 23 : 26 },
    { key: 'handler', header: t('colHandler'), align: CENTRED, width: wide ? 12 : 10 },
    { key: 'approver', header: t('colApprover'), align: CENTRED, width: wide ? 10 : 8 },
    { key: 'line', header: t('colLine'), numFmt: MONEY, width: 11, input: { decimal: [0, 1e12], prompt: t('linePrompt') } },
    { key: 'terms', header: t('colTerms'), align: CENTRED, width: 7, input: { whole: [0, 3650], prompt: t('termsPrompt') } },
    { key: 'review', header: t('colReview'), numFmt: NUMFMT.date, align: CENTRED, width: 11, input: { date: true, prompt: t('reviewPrompt') } },
    { key: 'receivables', header: t('colReceivables'), numFmt: MONEY, width: 11, input: { decimal: [0, 1e12], prompt: t('moneyPrompt') } },
    { key: 'overdue', header: t('colOverdue'), numFmt: MONEY, width: 10, input: { decimal: [0, 1e12], prompt: t('overduePrompt') } },
    { key: 'openOrders', header: t('colOpenOrders'), numFmt: MONEY, width: 10, input: { decimal: [0, 1e12], prompt: t('openOrdersPrompt') } },
    {
      key: 'exposure',
      header: t('colExposure'),
      numFmt: MONEY,
      width: 11,
      // Exposure: what the customer owes plus what it has ordered and not yet received.
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.customer}="","",${x.receivables}+${x.openOrders})`;
      },
    },
    {
      key: 'available',
      header: t('colAvailable'),
      numFmt: MONEY,
      width: 11,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(OR(${x.customer}="",${x.line}=""),"",${x.line}-${x.exposure})`;
      },
    },
    {
      key: 'use',
      header: t('colUse'),
      numFmt: NUMFMT.percent,
      align: CENTRED,
      width: wide ? 11 : 9,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(OR(${x.customer}="",${x.line}="",${x.line}=0),"",${x.exposure}/${x.line})`;
      },
    },
    {
      key: 'overLine',
      header: t('colOverLine'),
      align: CENTRED,
      width: wide ? 10 : 8,
      // Without a line every yuan of exposure is outside any approved credit.
      formula: (r, c) => {
        const x = rowCells(c, r);
        return (
          `IF(${x.customer}="","",IF(AND(OR(${x.line}="",${x.line}=0),${x.exposure}>0),${q(t('noLineFlag'))},` +
          `IF(${x.exposure}>${x.line},${q(t('overLineFlag'))},"")))`
        );
      },
    },
    {
      key: 'reviewDue',
      header: t('colReviewDue'),
      align: CENTRED,
      width: wide ? 11 : 8,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(OR(${x.customer}="",${x.review}=""),"",IF(${x.review}<${REPORT_DATE},${q(t('reviewFlag'))},""))`;
      },
    },
    {
      key: 'hold',
      header: t('colHold'),
      align: CENTRED,
      width: wide ? 9 : 9,
      // An order waiting to go out while money is overdue: hold it until the overdue part is paid.
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.customer}="","",IF(AND(${x.overdue}>0,${x.openOrders}>0),${q(t('holdFlag'))},""))`;
      },
    },
  ];
  const right = columns.length;

  titleBlock(b, {
    lang,
    title: t('registerTitle'),
    purpose: t('registerPurpose'),
    width: right,
    date: today,
    planName: t('planName'),
    protect: !!o.protect,
  });
  sectionBand(b, 6, right, t('rulesSection'));
  const form = new Form(b, lang);
  const centred = { alignment: { horizontal: CENTRED } };
  form.label(7, 1, t('reportDate'), 3);
  form.spread(7, 4, 4, { formula: '$F$3' }, style(FORM_COMPUTED, centred, { numFmt: NUMFMT.date }));
  form.note(7, 5, 9, t('reportDateNote'));
  const warn = form.field(8, 1, 4, 4, t('warnShare'), DEFAULT_WARN, {
    input: { decimal: [0, 1], prompt: t('warnPrompt'), shown: ['0%', '100%'] },
    numFmt: NUMFMT.percent0,
    align: CENTRED,
  });
  form.note(8, 5, 9, t('warnNote'));
  form.note(9, 1, 9, t('liabilityNote'), 2);

  const table = planTable(b, lang, {
    name: 'Credit_Register',
    top: 12,
    left: 1,
    columns,
    rows: REGISTER_ROWS,
    data: example ? registerExample(lang, today) : undefined,
  });

  b.defineName({ name: CREDIT_NAMES.customers, ref: table.range('customer') });
  b.defineName({ name: CREDIT_NAMES.approvers, ref: table.range('approver') });
  b.defineName({ name: CREDIT_NAMES.lines, ref: table.range('line') });
  b.defineName({ name: CREDIT_NAMES.balances, ref: table.range('exposure') });

  // Summary, right of the rules: rows 7–10.
  const sumLabel = (row: number, from: number, to: number, text: string) => form.label(row, from, text, to);
  const sumValue = (row: number, from: number, to: number, formula: string, numFmt?: string) =>
    form.spread(row, from, to, { formula }, style(FORM_COMPUTED, centred, { numFmt }));
  const [lab1, val1a, val1b, lab2a, lab2b, val2] = [10, 11, 12, 13, 14, 15].map((c) => c + (right - 15));
  const line = table.range('line');
  const exposure = table.range('exposure');
  const overLine = table.range('overLine');
  sumLabel(7, lab1, lab1, t('linesCount'));
  sumValue(7, val1a, val1b, `COUNTIF(${line},">0")`);
  sumLabel(8, lab1, lab1, t('totalLine'));
  sumValue(8, val1a, val1b, `SUM(${line})`, MONEY);
  sumLabel(9, lab1, lab1, t('totalExposure'));
  sumValue(9, val1a, val1b, `SUMIF(${line},">0",${exposure})`, MONEY);
  sumLabel(10, lab1, lab1, t('overallUse'));
  const overall = cellRef(10, val1a, true);
  sumValue(10, val1a, val1b, `IF(SUM(${line})=0,"",SUMIF(${line},">0",${exposure})/SUM(${line}))`, NUMFMT.percent);
  sumLabel(7, lab2a, lab2b, t('overCount'));
  sumValue(7, val2, val2, `COUNTIF(${overLine},${q(t('overLineFlag'))})`);
  sumLabel(8, lab2a, lab2b, t('noLineCount'));
  sumValue(8, val2, val2, `COUNTIF(${overLine},${q(t('noLineFlag'))})`);
  sumLabel(9, lab2a, lab2b, t('reviewCount'));
  sumValue(9, val2, val2, `COUNTIF(${table.range('reviewDue')},${q(t('reviewFlag'))})`);
  sumLabel(10, lab2a, lab2b, t('holdCount'));
  sumValue(10, val2, val2, `COUNTIF(${table.range('hold')},${q(t('holdFlag'))})`);

  const first = rowCells(table.col, table.firstRow);
  const amber = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };
  b.conditional({
    ref: table.body('use'),
    rules: [
      { type: 'expression', formula: `AND(ISNUMBER(${first.use}),${first.use}>1)`, style: FLAG_STYLE },
      { type: 'expression', formula: `AND(ISNUMBER(${first.use}),${first.use}>=${warn})`, style: amber },
    ],
  });
  b.conditional({
    ref: table.span('overLine', 'hold'),
    rules: [{ type: 'expression', formula: `${table.col.overLine}${table.firstRow}<>""`, style: FLAG_STYLE }],
  });
  b.conditional({
    ref: rangeRef(10, val1a, 10, val1b),
    rules: [
      { type: 'expression', formula: `AND(ISNUMBER(${overall}),${overall}>1)`, style: FLAG_STYLE },
      { type: 'expression', formula: `AND(ISNUMBER(${overall}),${overall}>=${warn})`, style: amber },
      { type: 'expression', formula: `ISNUMBER(${overall})`, style: OK_STYLE },
    ],
  });

  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20, 7: 30, 8: 30, 9: 22, 10: 22, 12: 34 };
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: 12, columns: 1 },
      print: a4Landscape(printArea(rangeRef(1, 1, table.lastRow, table.right)), '12:12'),
      protection: o.protect ? { enabled: true } : undefined,
    })
    .build();
  return fitRowHeights(sheet);
}

interface RegisterExample {
  customer: Record<Lang, string>;
  handler: Record<Lang, string>;
  approver: Record<Lang, string> | null;
  line: number | null;
  terms: number | null;
  /** Review date in days from the report date. */
  review: number | null;
  receivables: number;
  overdue: number;
  openOrders: number;
}

const WANG = { 'zh-CN': '王磊', 'en-US': 'Wang Lei' };
const LI = { 'zh-CN': '李娜', 'en-US': 'Li Na' };
const ZHANG = { 'zh-CN': '张伟', 'en-US': 'Zhang Wei' };
const GM = { 'zh-CN': '陈刚', 'en-US': 'Chen Gang' };
const MANAGER = { 'zh-CN': '刘洋', 'en-US': 'Liu Yang' };
const FINANCE = { 'zh-CN': '赵敏', 'en-US': 'Zhao Min' };

/** The customer surveyed on the form, approved 60 days before the report date for 12 months. */
const FORM_CUSTOMER = { 'zh-CN': '宁波海纳塑业有限公司', 'en-US': 'Ningbo Haina Plastics Co., Ltd.' };
const APPROVED_DAYS_AGO = 60;

/**
 * Worked example (docs/rules/templates/credit.md): the same numbers in both languages, dates
 * counted from the report date so the flags are the same on any day.
 */
const REGISTER_EXAMPLE: RegisterExample[] = [
  {
    customer: { 'zh-CN': '华东精密机械有限公司', 'en-US': 'Huadong Precision Machinery Co., Ltd.' },
    handler: WANG,
    approver: GM,
    line: 500_000,
    terms: 60,
    review: 120,
    receivables: 320_000,
    overdue: 0,
    openOrders: 80_000,
  },
  {
    customer: { 'zh-CN': '苏州恒达电子科技有限公司', 'en-US': 'Suzhou Hengda Electronics Co., Ltd.' },
    handler: LI,
    approver: GM,
    line: 200_000,
    terms: 30,
    review: -10,
    receivables: 150_000,
    overdue: 30_000,
    openOrders: 60_000,
  },
  {
    customer: FORM_CUSTOMER,
    handler: WANG,
    approver: GM,
    line: 300_000,
    terms: 45,
    review: null, // EDATE(approval, 12): set in registerExample
    receivables: 90_000,
    overdue: 0,
    openOrders: 0,
  },
  {
    customer: { 'zh-CN': '杭州远景包装材料有限公司', 'en-US': 'Hangzhou Yuanjing Packaging Co., Ltd.' },
    handler: ZHANG,
    approver: MANAGER,
    line: 100_000,
    terms: 30,
    review: -40,
    receivables: 60_000,
    overdue: 15_000,
    openOrders: 0,
  },
  {
    customer: { 'zh-CN': '无锡天成化工有限公司', 'en-US': 'Wuxi Tiancheng Chemical Co., Ltd.' },
    handler: ZHANG,
    approver: null,
    line: null,
    terms: null,
    review: null,
    receivables: 0,
    overdue: 0,
    openOrders: 45_000,
  },
  {
    customer: { 'zh-CN': '常州万利五金制品厂', 'en-US': 'Changzhou Wanli Hardware Factory' },
    handler: LI,
    approver: GM,
    line: 150_000,
    terms: 30,
    review: 200,
    receivables: 40_000,
    overdue: 8_000,
    openOrders: 20_000,
  },
  {
    customer: { 'zh-CN': '嘉兴同舟物流设备有限公司', 'en-US': 'Jiaxing Tongzhou Logistics Equipment Co., Ltd.' },
    handler: WANG,
    approver: MANAGER,
    line: 80_000,
    terms: 30,
    review: 0,
    receivables: 80_000,
    overdue: 0,
    openOrders: 0,
  },
];

/** The same day `months` months later, as EDATE does (the last day of a shorter month). */
export function addMonths(d: Date, months: number): Date {
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m, Math.min(d.getUTCDate(), last)));
}

function registerExample(lang: Lang, today: Date): PlanRow<RegisterKey>[] {
  const approved = daysFrom(today, -APPROVED_DAYS_AGO);
  return REGISTER_EXAMPLE.map((e) => ({
    customer: e.customer[lang],
    handler: e.handler[lang],
    approver: e.approver?.[lang] ?? null,
    line: e.line,
    terms: e.terms,
    review: e.customer === FORM_CUSTOMER ? addMonths(approved, DEFAULT_REVIEW_MONTHS) : e.review === null ? null : daysFrom(today, e.review),
    receivables: e.receivables,
    overdue: e.overdue,
    openOrders: e.openOrders,
  }));
}

type PaymentKey = 'counterpart' | 'deals' | 'onTime' | 'rate' | 'maxLate' | 'disputes' | 'balance';
type ScoreKey = 'criterion' | 'weight' | 'score' | 'weighted' | 'basis';
type ApprovalKey = 'level' | 'opinion' | 'lineSet' | 'signed' | 'date' | 'comment';

const FORM_WIDTH = 8;
/** The row of the credit-score block's heading. */
const SCORE_ROW = 22;

function buildForm(o: TemplateOptions): SheetSpec {
  const { lang, example } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('formSheetName'), o);
  // A sheet of its own kind, as the visit plan's log: the stamp tells it from the register.
  b.configure({ stamp: { kind: 'credit-survey', version: 1 } });
  const { dateRef } = titleBlock(b, {
    lang,
    title: t('formTitle'),
    purpose: t('formPurpose'),
    width: FORM_WIDTH,
    date: today,
    planName: t('formPlanName'),
    protect: !!o.protect,
  });
  const ex = example ? formExample(lang, today) : undefined;
  const form = new Form(b, lang);
  const rowHeights: Record<number, number> = { 1: 26, 2: 30, 3: 20 };
  const wide = lang === 'en-US';
  b.widths(wide ? [20, 12, 12, 12, 15, 12, 13, 14] : [18, 12, 12, 12, 15, 12, 13, 14]);
  const dateRule = { date: true as const, prompt: t('datePrompt') };
  const money = { decimal: [0, 1e12] as [number, number], prompt: t('moneyPrompt') };
  const count = { whole: [0, 100000] as [number, number], prompt: t('countPrompt') };

  // 1. Survey.
  sectionBand(b, 6, FORM_WIDTH, t('sectionSurvey'));
  rowHeights[6] = 22;
  const pair = (row: number, left: [string, CellContent, FieldOptions?], right?: [string, CellContent, FieldOptions?]) => {
    const l = form.field(row, 1, 2, 4, left[0], left[1], left[2]);
    const r = right ? form.field(row, 5, 6, 8, right[0], right[1], right[2]) : undefined;
    return [l, r] as const;
  };
  pair(7, [t('customerName'), ex?.customer ?? null], [t('registration'), ex?.registration ?? null]);
  pair(8, [t('legalRep'), ex?.legalRep ?? null], [t('capital'), ex?.capital ?? null, { numFmt: NUMFMT.integer, input: money }]);
  const [established] = pair(9, [t('established'), ex?.established ?? null, { numFmt: NUMFMT.date, input: dateRule, align: CENTRED }]);
  // Whole years from the founding date to the report date.
  const years = `IF(${established}="","",DATEDIF(${established},${dateRef},"y"))`;
  form.field(9, 5, 6, 8, t('years'), { formula: years }, { computed: true, align: CENTRED });
  const ownership = ['ownershipState', 'ownershipPrivate', 'ownershipForeign', 'ownershipJoint', 'ownershipCollective', 'ownershipOther'] as const;
  const scales = [t('scaleLarge'), t('scaleMedium'), t('scaleSmall')];
  pair(
    10,
    [t('ownership'), ex ? t(ownership[ex.ownership]) : null, { input: { list: ownership.map((k) => t(k)), prompt: t('ownershipPrompt') } }],
    [t('scale'), ex ? scales[ex.scale] : null, { input: { list: scales, prompt: t('scalePrompt') } }],
  );
  pair(11, [t('employees'), ex?.employees ?? null, { numFmt: NUMFMT.integer, input: count }], [t('revenue'), ex?.revenue ?? null, { numFmt: NUMFMT.integer, input: money }]);
  form.field(12, 1, 2, 8, t('banks'), ex?.banks ?? null);
  form.field(13, 1, 2, 8, t('address'), ex?.address ?? null);

  form.label(15, 1, t('subPayment'), 4);
  const payment = planTable<PaymentKey>(b, lang, {
    name: 'Credit_Payments',
    top: 16,
    left: 1,
    rows: 3,
    columns: [
      { key: 'counterpart', header: t('colCounterpart'), labels: [t('withUs')] },
      { key: 'deals', header: t('colDeals'), align: CENTRED, input: count },
      { key: 'onTime', header: t('colOnTime'), align: CENTRED, input: count },
      {
        key: 'rate',
        header: t('colOnTimeRate'),
        align: CENTRED,
        numFmt: NUMFMT.percent,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.deals}="",${x.deals}=0),"",${x.onTime}/${x.deals})`;
        },
      },
      { key: 'maxLate', header: t('colMaxLate'), align: CENTRED, input: count },
      { key: 'disputes', header: t('colDisputes'), align: CENTRED, input: count },
      { key: 'balance', header: t('colBalance'), numFmt: NUMFMT.integer, input: money },
    ],
    data: ex?.payments,
  });
  rowHeights[payment.headerRow] = 34;
  pair(20, [t('legalCases'), ex?.legalCases ?? null, { input: count, align: CENTRED }]);
  form.field(20, 5, 6, 8, t('legalNotes'), ex?.legalNotes ?? null);

  form.label(SCORE_ROW, 1, t('subScore'), 4);
  const criteria = ['critYears', 'critScale', 'critPayUs', 'critPayOthers', 'critLegal', 'critFinance'] as const;
  const score = planTable<ScoreKey>(b, lang, {
    name: 'Credit_Score',
    top: SCORE_ROW + 1,
    left: 1,
    rows: criteria.length,
    columns: [
      { key: 'criterion', header: t('colCriterion'), labels: criteria.map((k) => t(k)) },
      { key: 'weight', header: t('colWeight'), align: CENTRED, numFmt: NUMFMT.percent0, input: { decimal: [0, 1], prompt: t('weightPrompt'), shown: ['0%', '100%'] } },
      { key: 'score', header: t('colScore'), align: CENTRED, input: { whole: [1, 5], prompt: t('scorePrompt') } },
      {
        key: 'weighted',
        header: t('colWeighted'),
        align: CENTRED,
        numFmt: '0.00',
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.weight}="",${x.score}=""),"",${x.weight}*${x.score})`;
        },
      },
      { key: 'basis', header: t('colBasis') },
    ],
    data: criteria.map((_, i) => ({ weight: DEFAULT_WEIGHTS[i], score: ex?.scores[i][0] ?? null, basis: ex?.scores[i][1] ?? null })),
  });
  const sr = score.lastRow + 1;
  const weightTotal = form.field(sr, 1, 2, 2, t('weightTotal'), { formula: `SUM(${score.range('weight')})` }, { computed: true, numFmt: NUMFMT.percent0, align: CENTRED });
  const good = form.field(sr, 3, 4, 4, t('goodFrom'), DEFAULT_GOOD, { input: { decimal: [1, 5], prompt: t('thresholdPrompt') }, numFmt: '0.0', align: CENTRED });
  const fair = form.field(sr, 5, 6, 6, t('fairFrom'), DEFAULT_FAIR, { input: { decimal: [1, 5], prompt: t('thresholdPrompt') }, numFmt: '0.0', align: CENTRED });
  const scores = score.range('score');
  const total = form.field(
    sr + 1,
    1,
    2,
    2,
    t('creditScore'),
    { formula: `IF(COUNT(${scores})=0,"",SUM(${score.range('weighted')}))` },
    { computed: true, numFmt: '0.00', align: CENTRED },
  );
  const missing = `ROWS(${scores})-COUNT(${scores})`;
  const rating =
    `IF(${total}="","",IF(ABS(${weightTotal}-1)>0.0001,${q(t('weightError'))},` +
    `IF(${missing}>0,${messageFormula(t('scoresMissing'), { n: missing })},` +
    `IF(${total}>=${good},${q(t('ratingGood'))},IF(${total}>=${fair},${q(t('ratingFair'))},${q(t('ratingPoor'))})))))`;
  const ratingRef = form.field(sr + 1, 3, 4, 8, t('rating'), { formula: rating }, { computed: true });
  const ratingCell = ratingRef.replace(/\$/g, '');
  b.conditional({
    ref: `${ratingCell}:${cellRef(sr + 1, 8)}`,
    rules: [
      { type: 'expression', formula: `${ratingRef}=${q(t('ratingGood'))}`, style: OK_STYLE },
      { type: 'expression', formula: `${ratingRef}=${q(t('ratingFair'))}`, style: { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } } },
      { type: 'expression', formula: `${ratingRef}<>""`, style: FLAG_STYLE },
    ],
  });
  b.conditional({
    ref: weightTotal.replace(/\$/g, ''),
    rules: [{ type: 'expression', formula: `ABS(${weightTotal}-1)>0.0001`, style: FLAG_STYLE }],
  });
  form.field(sr + 2, 1, 2, 8, t('assessment'), ex?.assessment ?? null);
  rowHeights[sr + 2] = 36;
  pair(sr + 3, [t('surveyedBy'), ex?.surveyedBy ?? null], [t('surveyDate'), ex?.surveyDate ?? null, { numFmt: NUMFMT.date, input: dateRule, align: CENTRED }]);
  const surveyEnd = sr + 3;

  // 2. Application and approvals.
  let row = surveyEnd + 2;
  sectionBand(b, row, FORM_WIDTH, t('sectionApplication'));
  rowHeights[row] = 22;
  const applicationStart = row;
  row += 1;
  const [requested] = pair(
    row,
    [t('requested'), ex?.requested ?? null, { numFmt: NUMFMT.integer, input: money }],
    [t('requestedTerms'), ex?.requestedTerms ?? null, { input: count, align: CENTRED }],
  );
  row += 1;
  form.field(row, 1, 2, 8, t('reason'), ex?.reason ?? null);
  rowHeights[row] = 36;
  row += 1;
  pair(row, [t('applicant'), ex?.applicant ?? null], [t('applicationDate'), ex?.applied ?? null, { numFmt: NUMFMT.date, input: dateRule, align: CENTRED }]);
  row += 2;
  const opinions = [t('opinionAgree'), t('opinionAdjust'), t('opinionReject')];
  const approvals = planTable<ApprovalKey>(b, lang, {
    name: 'Credit_Approvals',
    top: row,
    left: 1,
    rows: 3,
    columns: [
      { key: 'level', header: t('colLevel'), labels: [t('levelManager'), t('levelFinance'), t('levelGm')] },
      { key: 'opinion', header: t('colOpinion'), align: CENTRED, input: { list: opinions, prompt: t('opinionPrompt') } },
      { key: 'lineSet', header: t('colLineSet'), numFmt: NUMFMT.integer, input: money },
      { key: 'signed', header: t('colSigned'), align: CENTRED },
      { key: 'date', header: t('colSignDate'), align: CENTRED, numFmt: NUMFMT.date, input: dateRule },
      { key: 'comment', header: t('colComment') },
    ],
    data: ex?.approvals,
  });
  rowHeights[approvals.headerRow] = 22;
  const level = (i: number) => rowCells(approvals.col, approvals.firstRow + i);
  const [manager, finance, gm] = [level(0), level(1), level(2)];
  const agreed = (x: Record<ApprovalKey, string>) => `OR(${x.opinion}=${q(opinions[0])},${x.opinion}=${q(opinions[1])})`;
  row = approvals.lastRow + 1;
  form.note(row, 1, 8, t('approvalNote'));
  rowHeights[row] = 30;
  row += 1;
  const [approvedLine] = pair(
    row,
    [t('approvedLine'), ex?.approvedLine ?? null, { numFmt: NUMFMT.integer, input: money }],
    [t('approvedTerms'), ex?.approvedTerms ?? null, { input: count, align: CENTRED }],
  );
  row += 1;
  const opinionsRange = approvals.range('opinion');
  const status =
    `IF(COUNTA(${opinionsRange})=0,"",IF(COUNTIF(${opinionsRange},${q(opinions[2])})>0,${q(t('statusRejected'))},` +
    `IF(AND(${agreed(manager)},OR(${agreed(finance)},${agreed(gm)})),${q(t('statusApproved'))},${q(t('statusPending'))})))`;
  const statusRef = form.field(row, 1, 2, 4, t('status'), { formula: status }, { computed: true, align: CENTRED });
  const approver = `IF(${statusRef}<>${q(t('statusApproved'))},"",IF(${agreed(gm)},${gm.signed}&"",${finance.signed}&""))`;
  form.field(row, 5, 6, 8, t('approver'), { formula: approver }, { computed: true, align: CENTRED });
  b.conditional({
    ref: rangeRef(row, 2, row, 4),
    rules: [
      { type: 'expression', formula: `${statusRef}=${q(t('statusApproved'))}`, style: OK_STYLE },
      { type: 'expression', formula: `${statusRef}=${q(t('statusRejected'))}`, style: FLAG_STYLE },
    ],
  });
  row += 1;
  const months = form.field(row, 1, 2, 4, t('reviewMonths'), DEFAULT_REVIEW_MONTHS, {
    input: { whole: [1, 120], prompt: t('reviewMonthsPrompt') },
    align: CENTRED,
  });
  // The approval that made the line: the general manager's when given, else finance's.
  const approvedOn = `IF(${agreed(gm)},${gm.date},${finance.date})`;
  form.field(
    row,
    5,
    6,
    8,
    t('nextReview'),
    { formula: `IF(OR(${statusRef}<>${q(t('statusApproved'))},${approvedOn}=""),"",EDATE(${approvedOn},${months}))` },
    { computed: true, numFmt: NUMFMT.date, align: CENTRED },
  );
  row += 1;
  const lineSet = approvals.range('lineSet');
  const check =
    `IF(${approvedLine}="","",IF(${statusRef}<>${q(t('statusApproved'))},${q(t('checkNotApproved'))},` +
    `IF(AND(${requested}<>"",${approvedLine}>${requested}),${q(t('checkOverRequested'))},` +
    `IF(AND(COUNT(${lineSet})>0,${approvedLine}>MIN(${lineSet})),${q(t('checkOverSet'))},${q(t('checkOk'))}))))`;
  const checkRef = form.field(row, 1, 2, 8, t('check'), { formula: check }, { computed: true });
  b.conditional({
    ref: rangeRef(row, 2, row, 8),
    rules: [
      { type: 'expression', formula: `${checkRef}=${q(t('checkOk'))}`, style: OK_STYLE },
      { type: 'expression', formula: `${checkRef}<>""`, style: FLAG_STYLE },
    ],
  });
  row += 1;
  form.note(row, 1, 8, t('registerNote'));
  const last = row;

  const sheet = b
    .configure({
      rowHeights,
      print: {
        orientation: 'landscape',
        paperSize: 'A4',
        fitToWidth: true,
        area: printArea(rangeRef(1, 1, last, FORM_WIDTH)),
        // The survey, the score and the application each start a page.
        rowBreaks: [SCORE_ROW - 1, applicationStart - 1],
      },
      protection: o.protect ? { enabled: true } : undefined,
    })
    .build();
  return fitRowHeights(sheet);
}

interface FormExample {
  customer: string;
  registration: string;
  legalRep: string;
  capital: number;
  established: Date;
  ownership: number;
  scale: number;
  employees: number;
  revenue: number;
  banks: string;
  address: string;
  payments: PlanRow<PaymentKey>[];
  legalCases: number;
  legalNotes: string;
  scores: [number, string][];
  assessment: string;
  surveyedBy: string;
  surveyDate: Date;
  requested: number;
  requestedTerms: number;
  reason: string;
  applicant: string;
  applied: Date;
  approvals: PlanRow<ApprovalKey>[];
  approvedLine: number;
  approvedTerms: number;
}

/** The survey and application behind the register's third line (same customer, line and approver). */
function formExample(lang: Lang, today: Date): FormExample {
  const t = translator(catalog, lang);
  const approved = daysFrom(today, -APPROVED_DAYS_AGO);
  const zhText = lang === 'zh-CN';
  const founded = new Date(Date.UTC(today.getUTCFullYear() - 9, today.getUTCMonth(), 1));
  return {
    customer: FORM_CUSTOMER[lang],
    registration: '913302016788523453',
    legalRep: zhText ? '周建国' : 'Zhou Jianguo',
    capital: 2000,
    established: founded,
    ownership: 1,
    scale: 1,
    employees: 320,
    revenue: 18500,
    banks: zhText ? '中国工商银行宁波分行；宁波银行江北支行' : 'ICBC Ningbo Branch; Bank of Ningbo, Jiangbei Sub-branch',
    address: zhText ? '浙江省宁波市江北区工业园区海纳路 8 号' : '8 Haina Road, Industrial Park, Jiangbei District, Ningbo, Zhejiang',
    payments: [
      { deals: 12, onTime: 11, maxLate: 15, disputes: 0, balance: 90_000 },
      { counterpart: zhText ? '其他供应商（据同行了解）' : 'Other suppliers (from peers)', deals: 20, onTime: 18, maxLate: 30, disputes: 1, balance: 60_000 },
      {},
    ],
    legalCases: 0,
    legalNotes: zhText ? '查询裁判文书网，近三年无涉诉记录' : 'No court cases in the last three years (public records)',
    scores: zhText
      ? [
          [4, '成立九年，主营稳定'],
          [3, '中型企业，设备较新'],
          [4, '12 笔中 11 笔按时'],
          [3, '偶有 30 天内逾期'],
          [5, '无涉诉'],
          [3, '银行授信正常，资产负债率偏高'],
        ]
      : [
          [4, 'Nine years old, stable core business'],
          [3, 'Medium-sized, fairly new equipment'],
          [4, '11 of 12 invoices on time'],
          [3, 'Occasional delays under 30 days'],
          [5, 'No court cases'],
          [3, 'Normal bank lines; rather high leverage'],
        ],
    assessment: zhText
      ? '付款记录良好，规模中等，建议给予 30 万元额度、45 天账期，一年后复核。'
      : 'Good payment record, medium size: a line of CNY 300,000 with 45-day terms, reviewed after a year.',
    surveyedBy: WANG[lang],
    surveyDate: daysFrom(today, -APPROVED_DAYS_AGO - 7),
    requested: 350_000,
    requestedTerms: 60,
    reason: zhText ? '客户年采购量约 200 万元，首批订单已确认，需赊销支持。' : 'The customer buys about CNY 2 million a year; the first order is confirmed and needs credit.',
    applicant: WANG[lang],
    applied: daysFrom(today, -APPROVED_DAYS_AGO - 5),
    approvals: [
      { opinion: t('opinionAdjust'), lineSet: 300_000, signed: MANAGER[lang], date: daysFrom(today, -APPROVED_DAYS_AGO - 3), comment: zhText ? '账期缩短为 45 天' : 'Terms cut to 45 days' },
      { opinion: t('opinionAgree'), lineSet: 300_000, signed: FINANCE[lang], date: daysFrom(today, -APPROVED_DAYS_AGO - 1) },
      { opinion: t('opinionAgree'), lineSet: 300_000, signed: GM[lang], date: approved },
    ],
    approvedLine: 300_000,
    approvedTerms: 45,
  };
}
