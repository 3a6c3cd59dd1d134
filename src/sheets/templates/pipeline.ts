import catalog from '../../i18n/templates/pipeline';
import { translator } from '../../i18n/define';
import { rangeRef } from '../core/a1';
import { messageFormula } from '../core/formula-text';
import {
  fitRowHeights,
  FLAG_STYLE,
  OK_STYLE,
  planTable,
  q,
  rowCells,
  validationFor,
  type PlanColumn,
  type PlanRow,
} from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import { sectionBand, utcDate as date } from '../core/section-band';

const BODY_ROWS = 30;
const WIDTH = 13;
const DEFAULT_STALL_DAYS = 30;
const DEFAULT_TARGET: [number, number] = [25, 30];

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const pipeline: TemplateDef = {
  kind: 'pipeline',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => [buildPipeline(o)],
};

type PipelineKey =
  | 'customer'
  | 'owner'
  | 'stage'
  | 'status'
  | 'decision'
  | 'nextAction'
  | 'due'
  | 'lastContact'
  | 'progress'
  | 'achievements'
  | 'problems'
  | 'overdue'
  | 'stalled';

function buildPipeline({ lang, example, today, columnProbe }: TemplateOptions): SheetSpec {
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('sheetName'), { columnProbe });
  const { dateRef } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: WIDTH,
    date: today ?? new Date(),
    planName: t('planName'),
  });

  const stages = [t('stage1'), t('stage2'), t('stage3'), t('stage4'), t('stage5')];
  const [red, yellow, green] = [t('statusRed'), t('statusYellow'), t('statusGreen')];
  const decisions = [t('decisionContinue'), t('decisionKeep'), t('decisionAbandon')];

  // Rules (left) and summary (right), rows 6–10; the table header is row 12.
  sectionBand(b, 6, WIDTH, t('rulesSection'));
  const ruleLabel = (row: number, label: string) => {
    b.at(row, 1, label, style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true } })).merge(
      rangeRef(row, 1, row, 2),
    );
  };
  const note = (ref: string, text: string) => {
    const [first] = ref.split(':');
    b.set(first, text, style(STYLE.note, { alignment: { vertical: 'middle' } })).merge(ref);
  };
  const input = style(STYLE.input, { alignment: { horizontal: 'center', vertical: 'middle' } });
  const computed = style(STYLE.computed, { alignment: { horizontal: 'center', vertical: 'middle' } });

  ruleLabel(7, t('reportDate'));
  b.set('C7', { formula: dateRef }, style(computed, { numFmt: NUMFMT.date }));
  note('D7:H7', t('reportDateNote'));
  ruleLabel(8, t('stallDays'));
  b.set('C8', DEFAULT_STALL_DAYS, input);
  note('D8:H8', t('stallDaysNote'));
  ruleLabel(9, t('targetMin'));
  b.set('C9', DEFAULT_TARGET[0], input);
  ruleLabel(10, t('targetMax'));
  b.set('C10', DEFAULT_TARGET[1], input);
  note('D9:H10', t('targetNote'));
  b.validation(validationFor(lang, 'C8', { whole: [1, 3650], prompt: t('stallDaysPrompt') }));
  b.validation(validationFor(lang, 'C9:C10', { whole: [0, 10000], prompt: t('targetPrompt') }));

  const top = 12;
  const reportDate = '$C$7';
  const stallDays = '$C$8';
  const en = lang === 'en-US';
  const columns: PlanColumn<PipelineKey>[] = [
    { key: 'customer', header: t('colCustomer'), width: en ? 28 : 22 },
    { key: 'owner', header: t('colOwner'), align: 'center', width: 14 },
    { key: 'stage', header: t('colStage'), input: { list: stages, prompt: t('stagePrompt') }, width: 20 },
    {
      key: 'status',
      header: t('colStatus'),
      align: 'center',
      input: { list: [red, yellow, green], prompt: t('statusPrompt') },
      width: 18,
    },
    {
      key: 'decision',
      header: t('colDecision'),
      align: 'center',
      input: { list: decisions, prompt: t('decisionPrompt') },
      width: 13,
    },
    { key: 'nextAction', header: t('colNextAction'), width: 24 },
    { key: 'due', header: t('colDue'), numFmt: NUMFMT.date, align: 'center', width: 12 },
    { key: 'lastContact', header: t('colLastContact'), numFmt: NUMFMT.date, align: 'center', width: 12 },
    { key: 'progress', header: t('colProgress'), width: 26 },
    { key: 'achievements', header: t('colAchievements'), width: 20 },
    { key: 'problems', header: t('colProblems'), width: 20 },
    {
      key: 'overdue',
      header: t('colOverdue'),
      align: 'center',
      width: 11,
      // Overdue: the next action's due date is before the report date and the deal is not closed.
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(OR(${x.customer}="",${x.due}=""),"",IF(AND(${x.due}<${reportDate},${x.status}<>${q(red)}),${q(t('overdueFlag'))},""))`;
      },
    },
    {
      key: 'stalled',
      header: t('colStalled'),
      align: 'center',
      width: 11,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(OR(${x.customer}="",${x.lastContact}=""),"",IF(${reportDate}-${x.lastContact}>${stallDays},${q(t('stalledFlag'))},""))`;
      },
    },
  ];
  const table = planTable(b, lang, {
    name: 'Pipeline_Targets',
    top,
    left: 1,
    columns,
    rows: BODY_ROWS,
    data: example ? exampleRows(lang, stages, [red, yellow, green], decisions) : undefined,
  });
  const first = table.firstRow;
  const last = table.lastRow;
  b.validation(validationFor(lang, table.body('due'), { date: true, prompt: t('duePrompt') }));
  b.validation(validationFor(lang, table.body('lastContact'), { date: true, prompt: t('lastContactPrompt') }));

  // Summary.
  const summaryLabel = (ref: string, label: string) =>
    b.set(ref, label, style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true } }));
  const status = table.range('status');
  const decision = table.range('decision');
  summaryLabel('I7', t('potentialCount'));
  // A blank decision counts as not abandoned: all green rows minus the abandoned ones (a "<>"&x
  // criterion would say the same in Excel and LibreOffice, but IronCalc skips empty cells there).
  b.set('J7', { formula: `COUNTIF(${status},${q(green)})-COUNTIFS(${status},${q(green)},${decision},${q(decisions[2])})` }, computed);
  note('K7:M7', t('potentialCountNote'));
  summaryLabel('I8', t('targetStatus'));
  const [count, min, max] = ['$J$7', '$C$9', '$C$10'];
  const message =
    `IF(${count}<${min},${messageFormula(t('belowTarget'), { n: `${min}-${count}` })},` +
    `IF(${count}>${max},${messageFormula(t('aboveTarget'), { n: `${count}-${max}` })},` +
    `${messageFormula(t('onTarget'), { min, max })}))`;
  b.set('J8', { formula: message }, style(STYLE.computed, { font: { bold: true }, alignment: { vertical: 'middle' } }));
  b.fill('J8:M8', STYLE.computed).merge('J8:M8');
  summaryLabel('I9', t('closedCount'));
  b.set('J9', { formula: `COUNTIF(${status},${q(red)})` }, computed);
  summaryLabel('I10', t('likelyCount'));
  b.set('J10', { formula: `COUNTIF(${status},${q(yellow)})` }, computed);
  summaryLabel('K9', t('overdueCount'));
  b.set('L9', { formula: `COUNTIF(${table.range('overdue')},${q(t('overdueFlag'))})` }, computed)
    .fill('L9:M9', computed)
    .merge('L9:M9');
  summaryLabel('K10', t('stalledCount'));
  b.set('L10', { formula: `COUNTIF(${table.range('stalled')},${q(t('stalledFlag'))})` }, computed)
    .fill('L10:M10', computed)
    .merge('L10:M10');

  const statusCell = `$${table.col.status}${first}`;
  b.conditional({
    ref: table.body('status'),
    rules: [
      {
        type: 'expression',
        formula: `${statusCell}=${q(red)}`,
        style: { fill: COLORS.red, font: { bold: true, color: COLORS.redText } },
      },
      {
        type: 'expression',
        formula: `${statusCell}=${q(yellow)}`,
        style: { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } },
      },
      {
        type: 'expression',
        formula: `${statusCell}=${q(green)}`,
        style: { fill: COLORS.green, font: { bold: true, color: COLORS.greenText } },
      },
    ],
  });
  b.conditional({
    ref: table.span('overdue', 'stalled'),
    rules: [{ type: 'expression', formula: `${table.col.overdue}${first}<>""`, style: FLAG_STYLE }],
  });
  b.conditional({
    ref: 'J8:M8',
    rules: [
      { type: 'expression', formula: `AND(${count}>=${min},${count}<=${max})`, style: OK_STYLE },
      { type: 'expression', formula: `OR(${count}<${min},${count}>${max})`, style: FLAG_STYLE },
    ],
  });

  // English notes run to two lines.
  const noteRow = lang === 'en-US' ? 28 : 22;
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20, 7: noteRow, 8: noteRow, 9: 22, 10: 22, [top]: 32 };
  // Example rows with long text get taller rows; blank rows keep Excel's automatic height.
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: top, columns: 1 },
      print: {
        orientation: 'landscape',
        paperSize: 'A4',
        fitToWidth: true,
        titleRows: `${top}:${top}`,
        area: rangeRef(1, 1, last, table.right),
      },
      protection: { enabled: true },
    })
    .build();
  return fitRowHeights(sheet);
}

interface ExampleRow {
  customer: string;
  owner: string;
  stage: number;
  status: 0 | 1 | 2;
  decision: number | null;
  nextAction: string;
  due: string | null;
  lastContact: string | null;
  progress: string;
  achievements: string;
  problems: string;
}

/** Dates and choices are the same in both languages, so the computed flags agree. */
const EXAMPLE: Record<Lang, ExampleRow[]> = {
  'zh-CN': [
    {
      customer: '华东精密机械有限公司',
      owner: '王磊',
      stage: 5,
      status: 0,
      decision: 0,
      nextAction: '签订年度框架协议',
      due: '2026-03-10',
      lastContact: '2026-03-12',
      progress: '首批订单已交付，客户对交期满意',
      achievements: '成交首批订单 48 万元',
      problems: '付款账期要求 90 天',
    },
    {
      customer: '苏州恒达电子科技有限公司',
      owner: '李娜',
      stage: 4,
      status: 1,
      decision: 0,
      nextAction: '安排双方总经理会谈',
      due: '2026-03-20',
      lastContact: '2026-03-05',
      progress: '技术交流已完成，采购经理认可方案',
      achievements: '样品测试通过',
      problems: '财务部倾向现有供应商',
    },
    {
      customer: '宁波海纳塑业有限公司',
      owner: '王磊',
      stage: 3,
      status: 1,
      decision: 0,
      nextAction: '提交产品推介书和报价',
      due: '2026-03-01',
      lastContact: '2026-02-10',
      progress: '等待客户内部评估',
      achievements: '找到采购部内线',
      problems: '推介书尚未完成',
    },
    {
      customer: '杭州远景包装材料有限公司',
      owner: '张伟',
      stage: 2,
      status: 2,
      decision: 0,
      nextAction: '寄送样品并确认检测要求',
      due: '2026-03-18',
      lastContact: '2026-02-13',
      progress: '已电话邀约，客户同意试样',
      achievements: '获得检测标准',
      problems: '',
    },
    {
      customer: '无锡天成化工有限公司',
      owner: '张伟',
      stage: 1,
      status: 2,
      decision: 1,
      nextAction: '电话邀约采购经理',
      due: '2026-03-14',
      lastContact: '2026-01-20',
      progress: '初步了解经营概况',
      achievements: '',
      problems: '关键决策人尚未确定',
    },
    {
      customer: '常州万利五金制品厂',
      owner: '李娜',
      stage: 2,
      status: 2,
      decision: 2,
      nextAction: '归档客户资料',
      due: '2026-02-28',
      lastContact: '2026-01-05',
      progress: '客户已与竞争对手签订三年协议',
      achievements: '',
      problems: '短期内无合作机会',
    },
    {
      customer: '南通华瑞纺织有限公司',
      owner: '王磊',
      stage: 1,
      status: 2,
      decision: null,
      nextAction: '收集客户经营信息',
      due: null,
      lastContact: '2026-03-02',
      progress: '展会上结识设备部主管',
      achievements: '',
      problems: '',
    },
    {
      customer: '嘉兴同舟物流设备有限公司',
      owner: '李娜',
      stage: 3,
      status: 2,
      decision: 0,
      nextAction: '评估合作价值并上报',
      due: '2026-03-15',
      lastContact: '2026-02-12',
      progress: '需求明确，月用量约 2 吨',
      achievements: '完成需求调研',
      problems: '客户要求先小批量试用',
    },
  ],
  'en-US': [
    {
      customer: 'Huadong Precision Machinery Co., Ltd.',
      owner: 'Wang Lei',
      stage: 5,
      status: 0,
      decision: 0,
      nextAction: 'Sign the annual framework agreement',
      due: '2026-03-10',
      lastContact: '2026-03-12',
      progress: 'First order delivered; customer satisfied with lead time',
      achievements: 'First order of CNY 480,000',
      problems: 'Asks for 90-day payment terms',
    },
    {
      customer: 'Suzhou Hengda Electronics Co., Ltd.',
      owner: 'Li Na',
      stage: 4,
      status: 1,
      decision: 0,
      nextAction: 'Arrange a meeting of both general managers',
      due: '2026-03-20',
      lastContact: '2026-03-05',
      progress: 'Technical exchange done; purchasing manager supports the proposal',
      achievements: 'Samples passed testing',
      problems: 'Finance prefers the current supplier',
    },
    {
      customer: 'Ningbo Haina Plastics Co., Ltd.',
      owner: 'Wang Lei',
      stage: 3,
      status: 1,
      decision: 0,
      nextAction: 'Send the product proposal and quotation',
      due: '2026-03-01',
      lastContact: '2026-02-10',
      progress: 'Waiting for their internal review',
      achievements: 'Insider found in purchasing',
      problems: 'Proposal not finished yet',
    },
    {
      customer: 'Hangzhou Yuanjing Packaging Co., Ltd.',
      owner: 'Zhang Wei',
      stage: 2,
      status: 2,
      decision: 0,
      nextAction: 'Ship samples and confirm test requirements',
      due: '2026-03-18',
      lastContact: '2026-02-13',
      progress: 'Phone invitation accepted; trial agreed',
      achievements: 'Received their test standard',
      problems: '',
    },
    {
      customer: 'Wuxi Tiancheng Chemical Co., Ltd.',
      owner: 'Zhang Wei',
      stage: 1,
      status: 2,
      decision: 1,
      nextAction: 'Call the purchasing manager',
      due: '2026-03-14',
      lastContact: '2026-01-20',
      progress: 'Basic business overview collected',
      achievements: '',
      problems: 'Key decision maker not identified',
    },
    {
      customer: 'Changzhou Wanli Hardware Factory',
      owner: 'Li Na',
      stage: 2,
      status: 2,
      decision: 2,
      nextAction: 'File the customer record',
      due: '2026-02-28',
      lastContact: '2026-01-05',
      progress: 'Signed a three-year deal with a competitor',
      achievements: '',
      problems: 'No opportunity in the near term',
    },
    {
      customer: 'Nantong Huarui Textile Co., Ltd.',
      owner: 'Wang Lei',
      stage: 1,
      status: 2,
      decision: null,
      nextAction: 'Collect business information',
      due: null,
      lastContact: '2026-03-02',
      progress: 'Met the equipment manager at a trade fair',
      achievements: '',
      problems: '',
    },
    {
      customer: 'Jiaxing Tongzhou Logistics Equipment Co., Ltd.',
      owner: 'Li Na',
      stage: 3,
      status: 2,
      decision: 0,
      nextAction: 'Assess the value and report to the manager',
      due: '2026-03-15',
      lastContact: '2026-02-12',
      progress: 'Need is clear: about 2 tonnes a month',
      achievements: 'Needs survey completed',
      problems: 'Wants a small trial batch first',
    },
  ],
};

function exampleRows(lang: Lang, stages: string[], statuses: string[], decisions: string[]): PlanRow<PipelineKey>[] {
  return EXAMPLE[lang].map((e) => ({
    customer: e.customer,
    owner: e.owner,
    stage: stages[e.stage - 1],
    status: statuses[e.status],
    decision: e.decision === null ? null : decisions[e.decision],
    nextAction: e.nextAction,
    due: date(e.due),
    lastContact: date(e.lastContact),
    progress: e.progress,
    achievements: e.achievements || null,
    problems: e.problems || null,
  }));
}
