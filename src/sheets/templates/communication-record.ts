import catalog from '../../i18n/templates/communication-record';
import chain from '../../i18n/templates/decision-chain';
import { translator } from '../../i18n/define';
import { cellRef, printArea, quoteSheet, rangeRef } from '../core/a1';
import { daysFrom, earlierThisMonth } from '../core/example-dates';
import { messageFormula } from '../core/formula-text';
import { Form, FORM_COMPUTED, FORM_LABEL, type FieldOptions } from '../core/form-grid';
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
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';
import { sectionBand } from '../core/section-band';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import type { TemplateDef, TemplateOptions } from './registry';

/**
 * Key-account communication record (docs/rules/templates/communication-record.md): the contact
 * log with each customer's next-contact date, the minutes of a business meeting or senior visit,
 * and the promises we made, followed up against the report date.
 */

/** Both sheets are 11 columns wide. */
const WIDTH = 11;
// The log fits the first printed page in both languages (en-US rows wrap to two or three lines).
const LOG_ROWS = 13;
// Room for the example and two more on the sheet's one printed page; the table grows by inserted rows.
const PROMISE_ROWS = 10;
const DEFAULT_CONTACT_EVERY = 30;
const DEFAULT_DUE_SOON = 7;
const DEFAULT_STALL = 14;
const CENTRED = 'center' as const;
const AMBER = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const communicationRecord: TemplateDef = {
  kind: 'communication-record',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => {
    const promises = buildPromises(o);
    return [buildRecord(o, promises.refs), promises.sheet];
  },
};

/** The contact kinds: the log's drop-down, the meeting kind and where a promise was made. */
function contactKinds(lang: Lang): string[] {
  const t = translator(catalog, lang);
  return [t('kindVisit'), t('kindPhone'), t('kindMeeting'), t('kindSenior'), t('kindComplaint'), t('kindOther')];
}

type LogKey =
  'date' | 'customer' | 'kind' | 'people' | 'role' | 'topics' | 'opinions' | 'response' | 'by' | 'nextDue' | 'flag';
type PromiseKey =
  | 'madeOn'
  | 'customer'
  | 'source'
  | 'promise'
  | 'owner'
  | 'due'
  | 'status'
  | 'followUp'
  | 'doneOn'
  | 'daysLate'
  | 'follow';

/** Ranges of the promises table, as absolute addresses on its sheet, for the minutes. */
interface PromiseRefs {
  madeOn: string;
  customer: string;
  follow: string;
}

const dateRule = (t: ReturnType<typeof translator<(typeof catalog)['en-US']>>) => ({
  date: true as const,
  prompt: t('datePrompt'),
});

function buildRecord(o: TemplateOptions, promises: PromiseRefs): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const dc = translator(chain, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const wide = lang === 'en-US';
  const kinds = contactKinds(lang);
  const roles = [dc('roleDecisionMaker'), dc('roleEvaluator'), dc('roleExecutor'), dc('roleTechnical'), dc('roleUser')];
  const { report, form, rowHeights } = sheetHead(b, o, t('recordTitle'), t('recordPurpose'), t('planName'));
  const every = form.field(8, 1, 2, 2, t('contactEvery'), DEFAULT_CONTACT_EVERY, {
    input: { whole: [1, 366], prompt: t('contactEveryPrompt') },
    align: CENTRED,
  });
  form.note(7, 3, 5, t('contactEveryNote'), 2);
  const logTop = 11;
  sectionBand(b, logTop - 1, 11, t('sectionLog'));
  rowHeights[logTop - 1] = 22;
  const columns: PlanColumn<LogKey>[] = [
    { key: 'date', header: t('colDate'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule(t) },
    { key: 'customer', header: t('colCustomer') },
    { key: 'kind', header: t('colKind'), align: CENTRED, input: { list: kinds, prompt: t('kindPrompt') } },
    { key: 'people', header: t('colPeople'), personal: true },
    { key: 'role', header: t('colRole'), align: CENTRED, input: { list: roles, prompt: t('rolePrompt') } },
    { key: 'topics', header: t('colTopics') },
    { key: 'opinions', header: t('colOpinions') },
    { key: 'response', header: t('colResponse') },
    { key: 'by', header: t('colBy'), align: CENTRED },
    {
      key: 'nextDue',
      header: t('colNextDue'),
      numFmt: NUMFMT.date,
      align: CENTRED,
      // Only a customer's latest contact sets the next one: a later row of the same customer clears it.
      formula: (r, c) => {
        const x = rowCells(c, r);
        const whole = (letter: string) => `$${letter}$${logTop + 1}:$${letter}$${logTop + LOG_ROWS}`;
        const later = `COUNTIFS(${whole(c.customer)},${x.customer},${whole(c.date)},">"&${x.date})`;
        return `IF(OR(${x.date}="",${x.customer}=""),"",IF(${later}>0,"",${x.date}+${every}))`;
      },
    },
    {
      key: 'flag',
      header: t('colContactFlag'),
      align: CENTRED,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.nextDue}="","",IF(${x.nextDue}<${report},${q(t('contactLate'))},""))`;
      },
    },
  ];
  const log = planTable<LogKey>(b, lang, {
    name: 'Comm_Log',
    top: logTop,
    left: 1,
    rows: LOG_ROWS,
    columns,
    data: example ? logExample(lang, today) : undefined,
  });
  rowHeights[log.headerRow] = 30;
  b.conditional({
    ref: log.body('flag'),
    rules: [{ type: 'expression', formula: `${log.col.flag}${log.firstRow}<>""`, style: FLAG_STYLE }],
  });

  // Summary beside the rule, row 8: this month's contacts and complaints, customers due a contact.
  const dates = log.range('date');
  const monthStart = `EOMONTH(${report},-1)+1`;
  const thisMonth = `${dates},">="&${monthStart},${dates},"<="&EOMONTH(${report},0)`;
  const summary = summaryBlock(b, form, 6, [
    [t('contactsThisMonth'), `COUNTIFS(${thisMonth})`],
    [t('complaintsThisMonth'), `COUNTIFS(${thisMonth},${log.range('kind')},${q(kinds[4])})`],
    [t('customersDue'), `COUNTIF(${log.range('flag')},${q(t('contactLate'))})`],
  ]);
  const due = summary[2];
  b.conditional({
    ref: due.replace(/\$/g, ''),
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }],
  });

  // 2. The minutes of one meeting; its promises are counted on the promises sheet.
  let row = log.lastRow + 2;
  const minutesStart = row;
  sectionBand(b, row, 11, t('sectionMinutes'));
  rowHeights[row] = 22;
  row += 1;
  const ex = example ? minutesExample(lang, today) : undefined;
  const pair = (left: [string, CellContent, FieldOptions?], right: [string, CellContent, FieldOptions?]) => {
    const l = form.field(row, 1, 2, 5, left[0], left[1], left[2]);
    const r = form.field(row, 6, 7, 11, right[0], right[1], right[2]);
    row += 1;
    return [l, r] as const;
  };
  const textBlock = (label: string, value: CellContent) => {
    form.label(row, 1, label);
    form.text(row, 2, 11, value, 2);
    row += 2;
  };
  const meetingKinds = [kinds[2], kinds[3], kinds[0], kinds[5]];
  const [meetingDate] = pair(
    [t('meetingDate'), ex?.date ?? null, { numFmt: NUMFMT.date, input: dateRule(t), align: CENTRED }],
    [t('meetingKind'), ex?.kind ?? null, { input: { list: meetingKinds, prompt: t('meetingKindPrompt') } }],
  );
  const [meetingCustomer] = pair([t('meetingCustomer'), ex?.customer ?? null], [t('place'), ex?.place ?? null]);
  pair([t('ourSide'), ex?.ourSide ?? null], [t('theirSide'), ex?.theirSide ?? null, { personal: true }]);
  textBlock(t('agenda'), ex?.agenda ?? null);
  textBlock(t('theirViews'), ex?.views ?? null);
  textBlock(t('conclusions'), ex?.conclusions ?? null);
  pair(
    [t('minutesBy'), ex?.by ?? null],
    [t('nextMeeting'), ex?.next ?? null, { numFmt: NUMFMT.date, input: dateRule(t), align: CENTRED }],
  );
  // The promises entered with this customer and the meeting's date, and how many are not done.
  const made = `COUNTIFS(${promises.customer},${meetingCustomer},${promises.madeOn},${meetingDate})`;
  const done = [t('followDone'), t('followDoneLate'), t('followCancelled')]
    .map(
      (s) =>
        `COUNTIFS(${promises.customer},${meetingCustomer},${promises.madeOn},${meetingDate},${promises.follow},${q(s)})`,
    )
    .join('+');
  form.field(
    row,
    1,
    2,
    5,
    t('meetingPromises'),
    {
      formula: `IF(OR(${meetingCustomer}="",${meetingDate}=""),"",${messageFormula(t('meetingPromisesCount'), { n: made, open: `${made}-(${done})` })})`,
    },
    { computed: true },
  );
  form.note(row, 6, 11, t('minutesNote'));
  const last = row;

  b.widths(wide ? [11, 20, 12, 13, 14, 22, 22, 22, 10, 11, 11] : [11, 22, 10, 12, 12, 23, 24, 24, 8, 11, 11]);
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: logTop, columns: 0 },
      print: a4Landscape(printArea(rangeRef(1, 1, last, 11))),
      protection: protect ? { enabled: true } : undefined,
      personalRanges: [...log.personal, ...form.personal],
    })
    .build();
  const fitted = fitRowHeights(sheet);
  return { ...fitted, print: { ...fitted.print!, rowBreaks: keepBlocksTogether(fitted, [minutesStart]) } };
}

function buildPromises(o: TemplateOptions): { sheet: SheetSpec; refs: PromiseRefs } {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('promisesSheetName'), o);
  b.configure({ stamp: { kind: 'communication-promises', version: 1 } });
  const wide = lang === 'en-US';
  const kinds = contactKinds(lang);
  const statuses = [t('statusNotStarted'), t('statusInProgress'), t('statusDone'), t('statusCancelled')];
  const { report, form, rowHeights } = sheetHead(b, o, t('promisesTitle'), t('promisesPurpose'), t('promisesPlanName'));
  const soon = form.field(8, 1, 2, 2, t('dueSoon'), DEFAULT_DUE_SOON, {
    input: { whole: [0, 365], prompt: t('dueSoonPrompt') },
    align: CENTRED,
  });
  const stall = form.field(9, 1, 2, 2, t('stallAfter'), DEFAULT_STALL, {
    input: { whole: [1, 365], prompt: t('stallAfterPrompt') },
    align: CENTRED,
  });
  form.note(7, 3, 4, t('rulesNote'), 3);
  const top = 11;
  const columns: PlanColumn<PromiseKey>[] = [
    { key: 'madeOn', header: t('colMadeOn'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule(t) },
    { key: 'customer', header: t('colCustomer') },
    { key: 'source', header: t('colSource'), align: CENTRED, input: { list: kinds, prompt: t('sourcePrompt') } },
    { key: 'promise', header: t('colPromise') },
    { key: 'owner', header: t('colOwner'), align: CENTRED },
    { key: 'due', header: t('colDue'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule(t) },
    { key: 'status', header: t('colStatus'), align: CENTRED, input: { list: statuses, prompt: t('statusPrompt') } },
    { key: 'followUp', header: t('colFollowUp'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule(t) },
    { key: 'doneOn', header: t('colDoneOn'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule(t) },
    {
      key: 'follow',
      header: t('colFollow'),
      align: CENTRED,
      // Done and cancelled promises are never overdue or stalled; an open one is overdue past its
      // due date, else stalled when neither promised nor followed up within the stall days.
      formula: (r, c) => {
        const x = rowCells(c, r);
        const lastTouch = `MAX(${x.madeOn},${x.followUp})`;
        return (
          `IF(${x.promise}="","",IF(${x.status}=${q(statuses[3])},${q(t('followCancelled'))},` +
          `IF(${x.status}=${q(statuses[2])},IF(${x.doneOn}="",${q(t('followNoDoneDate'))},IF(AND(${x.due}<>"",${x.doneOn}>${x.due}),${q(t('followDoneLate'))},${q(t('followDone'))})),` +
          `IF(${x.due}="",${q(t('followNoDue'))},IF(${x.due}<${report},${q(t('followOverdue'))},` +
          `IF(${report}-${lastTouch}>${stall},${q(t('followStalled'))},IF(${x.due}-${report}<=${soon},${q(t('followSoon'))},${q(t('followOnPlan'))})))))))`
        );
      },
    },
    {
      key: 'daysLate',
      header: t('colDaysLate'),
      align: CENTRED,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(${x.follow}=${q(t('followOverdue'))},${report}-${x.due},IF(${x.follow}=${q(t('followDoneLate'))},${x.doneOn}-${x.due},""))`;
      },
    },
  ];
  const table = planTable<PromiseKey>(b, lang, {
    name: 'Comm_Promises',
    top,
    left: 1,
    rows: PROMISE_ROWS,
    columns,
    data: example ? promiseExample(lang, today) : undefined,
  });
  rowHeights[table.headerRow] = 30;
  const f = `${table.col.follow}${table.firstRow}`;
  b.conditional({
    ref: table.span('follow', 'daysLate'),
    rules: [
      {
        type: 'expression',
        formula: `OR(${f}=${q(t('followOverdue'))},${f}=${q(t('followStalled'))},${f}=${q(t('followNoDoneDate'))},${f}=${q(t('followNoDue'))})`,
        style: FLAG_STYLE,
      },
      { type: 'expression', formula: `OR(${f}=${q(t('followSoon'))},${f}=${q(t('followDoneLate'))})`, style: AMBER },
      { type: 'expression', formula: `${f}=${q(t('followDone'))}`, style: OK_STYLE },
    ],
  });

  // Summary beside the rules: labels in row 7, values in row 8.
  const follow = table.range('follow');
  const count = (key: Parameters<typeof t>[0]) => `COUNTIF(${follow},${q(t(key))})`;
  const doneAll = `${count('followDone')}+${count('followDoneLate')}`;
  summaryBlock(b, form, 6, [
    [t('countAll'), `COUNTA(${table.range('promise')})-${count('followCancelled')}`],
    [t('countDone'), doneAll],
    [t('countOverdue'), count('followOverdue')],
    [t('countStalled'), count('followStalled')],
    [t('countSoon'), count('followSoon')],
    [t('onTimeRate'), `IF((${doneAll})=0,"",${count('followDone')}/(${doneAll}))`, NUMFMT.percent0],
  ]);
  b.conditional({
    ref: rangeRef(8, 8, 8, 9),
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }],
  });

  b.widths(wide ? [12, 22, 14, 32, 12, 11, 12, 11, 11, 14, 8] : [11, 22, 11, 34, 11, 11, 9, 11, 11, 12, 9]);
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: top, columns: 0 },
      print: a4Landscape(printArea(rangeRef(1, 1, table.lastRow, 11)), `${top}:${top}`),
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  const name = quoteSheet(t('promisesSheetName'));
  return {
    sheet: fitRowHeights(sheet),
    refs: {
      madeOn: `${name}!${table.range('madeOn')}`,
      customer: `${name}!${table.range('customer')}`,
      follow: `${name}!${follow}`,
    },
  };
}

/**
 * The top of both sheets: the title block, then the rules band with the report date (=F3) in
 * row 7; the sheet's own rules and summary go beside and under it.
 */
function sheetHead(b: SheetBuilder, o: TemplateOptions, title: string, purpose: string, planName: string) {
  const t = translator(catalog, o.lang);
  const { dateRef: report } = titleBlock(b, {
    lang: o.lang,
    title,
    purpose,
    width: WIDTH,
    date: o.today ?? new Date(),
    planName,
    protect: !!o.protect,
  });
  const form = new Form(b, o.lang);
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20, 6: 22 };
  sectionBand(b, 6, WIDTH, t('rulesSection'));
  form.field(7, 1, 2, 2, t('reportDate'), { formula: report }, { computed: true, numFmt: NUMFMT.date, align: CENTRED });
  return { report, form, rowHeights };
}

/**
 * A summary beside a sheet's rules: one column each from `from`, its label in row 7 and its
 * computed value in row 8. Returns the value cells.
 */
function summaryBlock(b: SheetBuilder, form: Form, from: number, items: [string, string, string?][]): string[] {
  return items.map(([label, formula, numFmt], i) => {
    const col = from + i;
    b.at(7, col, label, style(FORM_LABEL, { alignment: { horizontal: CENTRED } }));
    form.spread(8, col, col, { formula }, style(FORM_COMPUTED, { numFmt, alignment: { horizontal: CENTRED } }));
    return cellRef(8, col, true);
  });
}

/* ---------------------------------------------------------------- examples */

const KEY_A = { 'zh-CN': '华东精密机械有限公司', 'en-US': 'Huadong Precision Machinery Co., Ltd.' };
const KEY_B = { 'zh-CN': '苏州恒达电子科技有限公司', 'en-US': 'Suzhou Hengda Electronics Co., Ltd.' };
const KEY_C = { 'zh-CN': '嘉兴同舟物流设备有限公司', 'en-US': 'Jiaxing Tongzhou Logistics Equipment Co., Ltd.' };
const WANG = { 'zh-CN': '王磊', 'en-US': 'Wang Lei' };
const LI = { 'zh-CN': '李娜', 'en-US': 'Li Na' };
const ZHANG = { 'zh-CN': '张伟', 'en-US': 'Zhang Wei' };
const SERVICE = { 'zh-CN': '售后部 赵强', 'en-US': 'Zhao Qiang (service)' };
/** The meeting the minutes record: a business meeting with Huadong, 12 days before the report date. */
const MEETING_DAYS_AGO = 12;

/**
 * Contacts (docs/rules/templates/communication-record.md): days before the report date, customer,
 * kind index, role index, then the texts. Huadong and Jiaxing were contacted within 30 days;
 * Suzhou's latest contact is 41 days old, so it is due.
 */
function logExample(lang: Lang, today: Date): PlanRow<LogKey>[] {
  const dc = translator(chain, lang);
  const kinds = contactKinds(lang);
  const roles = [dc('roleDecisionMaker'), dc('roleEvaluator'), dc('roleExecutor'), dc('roleTechnical'), dc('roleUser')];
  const z = lang === 'zh-CN';
  const ago = (days: number) => daysFrom(today, -days);
  const rows: [Date, Record<Lang, string>, number, string, number, string, string, string, Record<Lang, string>][] = [
    [
      ago(55),
      KEY_B,
      0,
      z ? '孙浩' : 'Sun Hao',
      1,
      z ? '了解二季度产线扩建计划' : 'Their second-quarter line expansion',
      z ? '对上批交货延误两天不满' : 'Unhappy that the last batch came two days late',
      z ? '说明原因，承诺下批提前发货' : 'Explained; promised to ship the next batch early',
      LI,
    ],
    [
      ago(41),
      KEY_B,
      4,
      z ? '孙浩' : 'Sun Hao',
      1,
      z ? '处理包装破损投诉' : 'Damaged packaging complaint',
      z ? '三箱外包装破损，要求补发' : 'Three cartons damaged; asks for replacements',
      z ? '已安排补发，改进包装' : 'Replacements sent; packing improved',
      SERVICE,
    ],
    [
      ago(33),
      KEY_A,
      0,
      z ? '刘建华' : 'Liu Jianhua',
      2,
      z ? '年度框架协议续签' : 'Renewing the annual frame agreement',
      z ? '希望单价下调 3%' : 'Wants 3% off the unit price',
      z ? '回去测算后一周内答复' : 'We answer within a week after costing',
      WANG,
    ],
    [
      ago(MEETING_DAYS_AGO),
      KEY_A,
      2,
      z ? '陈总、刘建华' : 'Mr Chen, Liu Jianhua',
      0,
      z ? '季度业务例会（见会议纪要）' : 'Quarterly business meeting (see minutes)',
      z ? '关注备件供应速度' : 'Spare-part lead times matter to them',
      z ? '承诺建立备件寄售库' : 'Promised a consignment stock of spares',
      WANG,
    ],
    [
      ago(18),
      KEY_C,
      3,
      z ? '周涛' : 'Zhou Tao',
      0,
      z ? '我方总经理回访' : 'Our general manager’s return visit',
      z ? '对锂电叉车方案感兴趣' : 'Interested in the lithium-battery plan',
      z ? '安排试用车两周' : 'Two-week trial truck arranged',
      ZHANG,
    ],
    [
      // Kept in the report month, so this month's count is never 0.
      earlierThisMonth(today, 4),
      KEY_C,
      1,
      z ? '吴静' : 'Wu Jing',
      1,
      z ? '确认试用车到场时间' : 'Confirming the trial truck’s arrival',
      z ? '无' : 'None',
      z ? '下周一送到' : 'Delivered next Monday',
      ZHANG,
    ],
  ];
  return rows.map(([date, customer, kind, people, role, topics, opinions, response, by]) => ({
    date,
    customer: customer[lang],
    kind: kinds[kind],
    people,
    role: roles[role],
    topics,
    opinions,
    response,
    by: by[lang],
  }));
}

function minutesExample(lang: Lang, today: Date) {
  const kinds = contactKinds(lang);
  const z = lang === 'zh-CN';
  return {
    date: daysFrom(today, -MEETING_DAYS_AGO),
    kind: kinds[2],
    customer: KEY_A[lang],
    place: z ? '客户公司三楼会议室' : 'Customer’s third-floor meeting room',
    ourSide: z ? '王磊、售后部 赵强' : 'Wang Lei, Zhao Qiang (service)',
    theirSide: z ? '陈总（总经理）、刘建华（设备部）' : 'Mr Chen (GM), Liu Jianhua (equipment)',
    agenda: z
      ? '一季度供货回顾；备件供应；下半年新增产线设备需求'
      : 'First-quarter deliveries; spare parts; equipment for the new line in the second half',
    views: z
      ? '备件到货慢影响生产，希望两天内到货；新产线预计 8 台设备，9 月前定型'
      : 'Slow spare parts stop production, they want them within two days; about 8 machines for the new line, chosen before September',
    conclusions: z
      ? '我方在客户处建立常用备件寄售库；两周内提交新产线设备初步方案；下次例会审阅方案'
      : 'We set up a consignment stock of common spares at their site; an outline for the new line within two weeks; reviewed at the next meeting',
    by: WANG[lang],
    next: daysFrom(today, 78),
  };
}

/**
 * Promises: days before the report date they were made, customer, source index, text, owner, due
 * in days from the report date, status index, last follow-up and done date in days from the
 * report date. One on plan, one due soon, one overdue, one stalled, two done (one late), one cancelled.
 */
function promiseExample(lang: Lang, today: Date): PlanRow<PromiseKey>[] {
  const t = translator(catalog, lang);
  const kinds = contactKinds(lang);
  const statuses = [t('statusNotStarted'), t('statusInProgress'), t('statusDone'), t('statusCancelled')];
  const z = lang === 'zh-CN';
  const rows: [
    number,
    Record<Lang, string>,
    number,
    string,
    Record<Lang, string>,
    number,
    number,
    number | null,
    number | null,
  ][] = [
    [55, KEY_B, 0, z ? '下批货提前两天发出' : 'Ship the next batch two days early', LI, -45, 2, null, -47],
    [41, KEY_B, 4, z ? '补发三箱并改进包装' : 'Replace three cartons and improve packing', SERVICE, -38, 2, null, -35],
    [
      33,
      KEY_A,
      0,
      z ? '一周内答复降价 3% 的要求' : 'Answer the 3% price request within a week',
      WANG,
      -26,
      1,
      -30,
      null,
    ],
    [
      MEETING_DAYS_AGO,
      KEY_A,
      2,
      z ? '建立常用备件寄售库' : 'Set up a consignment stock of spares',
      SERVICE,
      20,
      1,
      null,
      null,
    ],
    [
      MEETING_DAYS_AGO,
      KEY_A,
      2,
      z ? '提交新产线设备初步方案' : 'Outline for the new line’s equipment',
      WANG,
      2,
      1,
      -3,
      null,
    ],
    [18, KEY_C, 3, z ? '安排试用车两周' : 'Arrange a two-week trial truck', ZHANG, 30, 1, -1, null],
    [18, KEY_C, 3, z ? '高层回访时提供融资租赁方案' : 'Leasing offer for the senior visit', ZHANG, 10, 0, null, null],
    [55, KEY_B, 0, z ? '寄送新品样品' : 'Send samples of the new product', LI, -20, 3, null, null],
  ];
  return rows.map(([ago, customer, source, promise, owner, due, status, followUp, doneOn]) => ({
    madeOn: daysFrom(today, -ago),
    customer: customer[lang],
    source: kinds[source],
    promise,
    owner: owner[lang],
    due: daysFrom(today, due),
    status: statuses[status],
    followUp: followUp === null ? null : daysFrom(today, followUp),
    doneOn: doneOn === null ? null : daysFrom(today, doneOn),
  }));
}
