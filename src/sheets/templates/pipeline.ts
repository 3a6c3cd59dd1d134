import { a4Landscape } from '../core/print-layout';
import catalog from '../../i18n/templates/pipeline';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { messageFormula, shownNumber } from '../core/formula-text';
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
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import { sectionBand } from '../core/section-band';
import { daysFrom } from '../core/example-dates';

/** Body rows: the 25–30 potential customers a team should hold, plus the yellow and red ones, twice over. */
export const PIPELINE_ROWS = 60;
const DEFAULT_STALL_DAYS = 30;
const DEFAULT_TARGET: [number, number] = [25, 30];
const OWNER_ROWS = 8;

/** Workbook-scoped names the summary sheet reads the pipeline through (they grow with the table). */
export const PIPELINE_NAMES = {
  customer: 'Pipeline_Customer',
  owner: 'Pipeline_Owner',
  stage: 'Pipeline_Stage',
  status: 'Pipeline_Status',
  decision: 'Pipeline_Decision',
  overdue: 'Pipeline_Overdue',
  stalled: 'Pipeline_Stalled',
  missingDocs: 'Pipeline_MissingDocs',
  reportDate: 'Pipeline_ReportDate',
  targetMin: 'Pipeline_TargetMin',
  targetMax: 'Pipeline_TargetMax',
  potential: 'Pipeline_Potential',
} as const;

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const pipeline: TemplateDef = {
  kind: 'pipeline',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => {
    const built = buildPipeline(o);
    return [built.sheet, buildSummary(o, built.vocabulary)];
  },
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
  | 'stalled'
  | 'missingDocs'
  | DocKey;

/** The six step documents (docs/rules/templates/pipeline.md), each with the stage that needs it. */
const DOCS = [
  { key: 'docPhone', stage: 1, header: 'colDocPhone' },
  { key: 'docVisit', stage: 2, header: 'colDocVisit' },
  { key: 'docProposal', stage: 3, header: 'colDocProposal' },
  { key: 'docExchange', stage: 3, header: 'colDocExchange' },
  { key: 'docNegotiation', stage: 4, header: 'colDocNegotiation' },
  { key: 'docService', stage: 5, header: 'colDocService' },
] as const;
type DocKey = (typeof DOCS)[number]['key'];

interface Vocabulary {
  stages: string[];
  statuses: [string, string, string];
  decisions: string[];
}

function vocabulary(lang: Lang): Vocabulary {
  const t = translator(catalog, lang);
  return {
    stages: [t('stage1'), t('stage2'), t('stage3'), t('stage4'), t('stage5')],
    statuses: [t('statusRed'), t('statusYellow'), t('statusGreen')],
    decisions: [t('decisionContinue'), t('decisionKeep'), t('decisionAbandon')],
  };
}

/** The stage number of a stage cell ("3 价值评估" → 3; blank → 0): every stage label starts with its number. */
function stageNumber(ref: string): string {
  return `IFERROR(VALUE(LEFT(${ref},1)),0)`;
}

function buildPipeline(o: TemplateOptions): { sheet: SheetSpec; vocabulary: Vocabulary } {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const v = vocabulary(lang);
  const { stages, decisions } = v;
  const [red, yellow, green] = v.statuses;
  const abandon = decisions[2];
  const top = 12;
  const reportDate = '$C$7';
  const stallDays = '$C$8';
  const wide = lang === 'en-US';

  // A row is judged only while the deal is open: closed (red) and abandoned rows are never flagged.
  const open = (x: Record<PipelineKey, string>) => `AND(${x.status}<>${q(red)},${x.decision}<>${q(abandon)})`;
  const columns: PlanColumn<PipelineKey>[] = [
    { key: 'customer', header: t('colCustomer'), width: wide ? 24 : 20 },
    { key: 'owner', header: t('colOwner'), align: 'center', width: wide ? 10 : 8 },
    { key: 'stage', header: t('colStage'), input: { list: stages, prompt: t('stagePrompt') }, width: wide ? 12 : 13 },
    {
      key: 'status',
      header: t('colStatus'),
      align: 'center',
      input: { list: v.statuses, prompt: t('statusPrompt') },
      width: wide ? 11 : 10,
    },
    {
      key: 'decision',
      header: t('colDecision'),
      align: 'center',
      input: { list: decisions, prompt: t('decisionPrompt') },
      width: wide ? 9 : 9,
    },
    { key: 'nextAction', header: t('colNextAction'), width: 15 },
    { key: 'due', header: t('colDue'), numFmt: NUMFMT.date, align: 'center', width: 10.5 },
    { key: 'lastContact', header: t('colLastContact'), numFmt: NUMFMT.date, align: 'center', width: 10.5 },
    { key: 'progress', header: t('colProgress'), width: wide ? 17 : 16 },
    { key: 'achievements', header: t('colAchievements'), width: 13 },
    { key: 'problems', header: t('colProblems'), width: 13 },
    {
      key: 'overdue',
      header: t('colOverdue'),
      align: 'center',
      width: wide ? 9 : 6,
      // The next action's due date has passed while the deal is still open.
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(OR(${x.customer}="",${x.due}=""),"",IF(AND(${x.due}<${reportDate},${open(x)}),${q(t('overdueFlag'))},""))`;
      },
    },
    {
      key: 'stalled',
      header: t('colStalled'),
      align: 'center',
      width: wide ? 9 : 6,
      formula: (r, c) => {
        const x = rowCells(c, r);
        return `IF(OR(${x.customer}="",${x.lastContact}=""),"",IF(AND(${reportDate}-${x.lastContact}>${stallDays},${open(x)}),${q(t('stalledFlag'))},""))`;
      },
    },
    {
      key: 'missingDocs',
      header: t('colMissingDocs'),
      align: 'center',
      width: wide ? 11 : 8,
      // Each stage reached needs its document; abandoned rows are no longer documented.
      formula: (r, c) => {
        const x = rowCells(c, r);
        const n = stageNumber(x.stage);
        const missing = DOCS.map((d) => `(${n}>=${d.stage})*(${x[d.key]}="")`).join('+');
        return `IF(OR(${x.customer}="",${x.decision}=${q(abandon)}),"",IF(${missing}=0,"",${messageFormula(t('missingDocsFlag'), { n: missing })}))`;
      },
    },
    ...DOCS.map(
      (d): PlanColumn<PipelineKey> => ({
        key: d.key,
        header: t(d.header),
        numFmt: NUMFMT.date,
        align: 'center',
        input: { date: true, prompt: t('docPrompt', { stage: d.stage }) },
        width: 12,
      }),
    ),
  ];
  const printedRight = columns.findIndex((c) => c.key === 'missingDocs') + 1;

  const { dateRef } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: printedRight,
    date: today,
    planName: t('planName'),
    protect,
  });

  // Rules (left) and summary (right), rows 6–10; the table header is row 12.
  sectionBand(b, 6, printedRight, t('rulesSection'));
  const leftLabel = style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true } });
  const ruleLabel = (row: number, label: string) => b.at(row, 1, label, leftLabel).merge(rangeRef(row, 1, row, 2));
  const note = (ref: string, text: string) => {
    const [first] = ref.split(':');
    b.set(first, text, style(TEMPLATE_NOTE, { alignment: { vertical: 'middle' } })).merge(ref);
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

  const table = planTable(b, lang, {
    name: 'Pipeline_Targets',
    top,
    left: 1,
    columns,
    rows: PIPELINE_ROWS,
    data: example ? exampleRows(lang, today, v) : undefined,
  });
  const first = table.firstRow;
  b.validation(validationFor(lang, table.body('due'), { date: true, prompt: t('duePrompt') }));
  b.validation(validationFor(lang, table.body('lastContact'), { date: true, prompt: t('lastContactPrompt') }));
  const docsBand = rangeRef(top - 1, table.index('docPhone'), top - 1, table.index('docService'));
  b.at(top - 1, table.index('docPhone'), t('docsSection'), style(STYLE.label, { alignment: { horizontal: 'left' } })).merge(docsBand);

  // Summary: I–N of rows 7–10, over the progress … documents-missing columns.
  const [I, J, K, L, N] = ['progress', 'achievements', 'problems', 'overdue', 'missingDocs'].map((k) =>
    table.index(k as PipelineKey),
  );
  const summaryLabel = (row: number, col: number, label: string) => b.at(row, col, label, leftLabel);
  const status = table.range('status');
  const decision = table.range('decision');
  summaryLabel(7, I, t('potentialCount'));
  const count = cellRef(7, J, true);
  // A blank decision counts as not abandoned: all green rows minus the abandoned ones (a "<>"&x
  // criterion would say the same in Excel and LibreOffice, but IronCalc skips empty cells there).
  b.at(7, J, { formula: `COUNTIF(${status},${q(green)})-COUNTIFS(${status},${q(green)},${decision},${q(abandon)})` }, computed);
  note(rangeRef(7, K, 7, N), t('potentialCountNote'));
  summaryLabel(8, I, t('targetStatus'));
  const [min, max] = ['$C$9', '$C$10'];
  const message =
    `IF(${count}<${min},${messageFormula(t('belowTarget'), { n: shownNumber(`${min}-${count}`) })},` +
    `IF(${count}>${max},${messageFormula(t('aboveTarget'), { n: shownNumber(`${count}-${max}`) })},` +
    `${messageFormula(t('onTarget'), { min, max })}))`;
  const messageRange = rangeRef(8, J, 8, N);
  b.at(8, J, { formula: message }, style(STYLE.computed, { font: { bold: true }, alignment: { vertical: 'middle' } }));
  b.fill(messageRange, STYLE.computed).merge(messageRange);
  summaryLabel(9, I, t('closedCount'));
  b.at(9, J, { formula: `COUNTIF(${status},${q(red)})` }, computed);
  summaryLabel(10, I, t('likelyCount'));
  b.at(10, J, { formula: `COUNTIF(${status},${q(yellow)})` }, computed);
  summaryLabel(9, K, t('overdueCount'));
  b.at(9, L, { formula: `COUNTIF(${table.range('overdue')},${q(t('overdueFlag'))})` }, computed)
    .fill(rangeRef(9, L, 9, N), computed)
    .merge(rangeRef(9, L, 9, N));
  summaryLabel(10, K, t('stalledCount'));
  b.at(10, L, { formula: `COUNTIF(${table.range('stalled')},${q(t('stalledFlag'))})` }, computed)
    .fill(rangeRef(10, L, 10, N), computed)
    .merge(rangeRef(10, L, 10, N));

  const x = rowCells(table.col, first);
  const colour = (fill: string, color: string) => ({ fill, font: { bold: true, color } });
  b.conditional({
    ref: table.body('status'),
    rules: [
      { type: 'expression', formula: `${x.status}=${q(red)}`, style: colour(COLORS.red, COLORS.redText) },
      { type: 'expression', formula: `${x.status}=${q(yellow)}`, style: colour(COLORS.yellow, COLORS.yellowText) },
      { type: 'expression', formula: `${x.status}=${q(green)}`, style: colour(COLORS.green, COLORS.greenText) },
    ],
  });
  b.conditional({
    ref: table.span('overdue', 'missingDocs'),
    rules: [{ type: 'expression', formula: `${table.col.overdue}${first}<>""`, style: FLAG_STYLE }],
  });
  // A document a reached stage still lacks is marked where it is to be typed.
  for (const d of DOCS)
    b.conditional({
      ref: table.body(d.key),
      rules: [
        {
          type: 'expression',
          formula: `AND(${x.customer}<>"",${x.decision}<>${q(abandon)},${x[d.key]}="",${stageNumber(x.stage)}>=${d.stage})`,
          style: FLAG_STYLE,
        },
      ],
    });
  b.conditional({
    ref: messageRange,
    rules: [
      { type: 'expression', formula: `AND(${count}>=${min},${count}<=${max})`, style: OK_STYLE },
      { type: 'expression', formula: `OR(${count}<${min},${count}>${max})`, style: FLAG_STYLE },
    ],
  });

  const names: [string, string][] = [
    [PIPELINE_NAMES.customer, table.range('customer')],
    [PIPELINE_NAMES.owner, table.range('owner')],
    [PIPELINE_NAMES.stage, table.range('stage')],
    [PIPELINE_NAMES.status, status],
    [PIPELINE_NAMES.decision, decision],
    [PIPELINE_NAMES.overdue, table.range('overdue')],
    [PIPELINE_NAMES.stalled, table.range('stalled')],
    [PIPELINE_NAMES.missingDocs, table.range('missingDocs')],
    [PIPELINE_NAMES.reportDate, '$C$7'],
    [PIPELINE_NAMES.targetMin, min],
    [PIPELINE_NAMES.targetMax, max],
    [PIPELINE_NAMES.potential, count],
  ];
  for (const [name, ref] of names) b.defineName({ name, ref });

  const noteRow = table.lastRow + 1;
  b.at(noteRow, 1, t('docsNote'), TEMPLATE_NOTE).merge(rangeRef(noteRow, 1, noteRow, printedRight));
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20, 9: 22, 10: 22, [top]: 45 };
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: top, columns: 1 },
      print: {
        orientation: 'landscape',
        paperSize: 'A4',
        fitToWidth: true,
        titleRows: `${top}:${top}`,
        // The step-document dates stay on screen; the printed report shows what is missing.
        area: printArea(rangeRef(1, 1, noteRow, printedRight)),
      },
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  return { sheet: fitRowHeights(sheet, 2), vocabulary: v };
}

type OwnerKey = 'owner' | `stage${number}` | 'red' | 'yellow' | 'green' | 'potential' | 'overdue' | 'stalled' | 'missingDocs' | 'total';

/** The manager's view: counts per owner by stage and colour, against the team target. */
function buildSummary(o: TemplateOptions, v: Vocabulary): SheetSpec {
  const { lang, example, protect = false } = o;
  const t = translator(catalog, lang);
  const b = new SheetBuilder(t('summarySheetName'), o);
  const N = PIPELINE_NAMES;
  const [red, yellow, green] = v.statuses;
  const abandon = v.decisions[2];
  const width = 15;
  titleBlock(b, {
    lang,
    title: t('summaryTitle'),
    purpose: t('summaryPurpose'),
    width,
    date: o.today ?? new Date(),
    planName: t('summaryPlanName'),
    protect,
  });
  // The report date is the pipeline's.
  b.set('F3', { formula: N.reportDate }, style(STYLE.computed, { numFmt: NUMFMT.date }));

  const label = style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true } });
  const value = style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  sectionBand(b, 6, width, t('summaryTargetSection'));
  b.at(7, 1, t('summaryPotential'), label).at(7, 2, { formula: N.potential }, value);
  b.at(7, 3, t('summaryTarget'), label).at(7, 4, { formula: `${N.targetMin}&"–"&${N.targetMax}` }, value);
  b.at(7, 5, t('summaryAgainst'), label).merge('E7:F7');
  const against =
    `IF(${N.potential}<${N.targetMin},${messageFormula(t('belowTarget'), { n: shownNumber(`${N.targetMin}-${N.potential}`) })},` +
    `IF(${N.potential}>${N.targetMax},${messageFormula(t('aboveTarget'), { n: shownNumber(`${N.potential}-${N.targetMax}`) })},` +
    `${messageFormula(t('onTarget'), { min: N.targetMin, max: N.targetMax })}))`;
  b.at(7, 7, { formula: against }, style(value, { alignment: { horizontal: 'left' } }))
    .fill(rangeRef(7, 7, 7, width), STYLE.computed)
    .merge(rangeRef(7, 7, 7, width));
  b.conditional({
    ref: rangeRef(7, 7, 7, width),
    rules: [
      {
        type: 'expression',
        formula: `AND(${N.potential}>=${N.targetMin},${N.potential}<=${N.targetMax})`,
        style: OK_STYLE,
      },
      { type: 'expression', formula: `OR(${N.potential}<${N.targetMin},${N.potential}>${N.targetMax})`, style: FLAG_STYLE },
    ],
  });

  sectionBand(b, 9, width, t('summaryOwnersSection'));
  const count = (criteria: string) => `COUNTIFS(${criteria})`;
  // Green rows minus the abandoned ones, as on the pipeline sheet (IronCalc skips empty cells
  // under a "<>"&x criterion, Excel and LibreOffice count them).
  const greenAll = `${N.status},${q(green)}`;
  const greenAbandoned = `${greenAll},${N.decision},${q(abandon)}`;
  const perOwner = (extra: string, minus?: string) => (r: number, c: Record<OwnerKey, string>) => {
    const owner = `${N.owner},$${c.owner}${r}`;
    const counted = count(`${owner}${extra ? `,${extra}` : ''}`);
    return `IF($${c.owner}${r}="","",${minus ? `${counted}-${count(`${owner},${minus}`)}` : counted})`;
  };
  const stageKeys = v.stages.map((_, i): OwnerKey => `stage${i + 1}`);
  const stageHeaders = [t('colSumStage1'), t('colSumStage2'), t('colSumStage3'), t('colSumStage4'), t('colSumStage5')];
  const countColumn = (key: OwnerKey, header: string, extra: string, minus?: string): PlanColumn<OwnerKey> => ({
    key,
    header,
    align: 'center',
    width: 10.5,
    formula: perOwner(extra, minus),
  });
  const columns: PlanColumn<OwnerKey>[] = [
    { key: 'owner', header: t('colSumOwner'), width: 16 },
    ...v.stages.map((s, i) => countColumn(stageKeys[i], stageHeaders[i], `${N.stage},${q(s)}`)),
    countColumn('red', t('colSumRed'), `${N.status},${q(red)}`),
    countColumn('yellow', t('colSumYellow'), `${N.status},${q(yellow)}`),
    countColumn('green', t('colSumGreen'), `${N.status},${q(green)}`),
    countColumn('potential', t('colSumPotential'), greenAll, greenAbandoned),
    countColumn('overdue', t('colSumOverdue'), `${N.overdue},${q(t('overdueFlag'))}`),
    countColumn('stalled', t('colSumStalled'), `${N.stalled},${q(t('stalledFlag'))}`),
    countColumn('missingDocs', t('colSumMissingDocs'), `${N.missingDocs},"?*"`),
    countColumn('total', t('colSumTotal'), ''),
  ];
  const owners = planTable(b, lang, {
    name: 'Pipeline_Owners',
    top: 10,
    left: 1,
    columns,
    rows: OWNER_ROWS,
    data: example ? [...new Set(EXAMPLE[lang].map((e) => e.owner))].map((owner) => ({ owner })) : undefined,
  });

  // Whole-team rows: every pipeline row, and the rows whose owner is not listed above.
  const allRow = owners.lastRow + 1;
  const othersRow = allRow + 1;
  const bold = style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } });
  b.at(allRow, owners.index('owner'), t('summaryAll'), style(bold, { alignment: { horizontal: 'left' } }));
  b.at(othersRow, owners.index('owner'), t('summaryOthers'), style(bold, { alignment: { horizontal: 'left' } }));
  const allCriteria: Record<OwnerKey, string> = {
    owner: '',
    ...Object.fromEntries(v.stages.map((s, i) => [stageKeys[i], `COUNTIF(${N.stage},${q(s)})`])),
    red: `COUNTIF(${N.status},${q(red)})`,
    yellow: `COUNTIF(${N.status},${q(yellow)})`,
    green: `COUNTIF(${N.status},${q(green)})`,
    potential: `${count(greenAll)}-${count(greenAbandoned)}`,
    overdue: `COUNTIF(${N.overdue},${q(t('overdueFlag'))})`,
    stalled: `COUNTIF(${N.stalled},${q(t('stalledFlag'))})`,
    missingDocs: `COUNTIF(${N.missingDocs},"?*")`,
    // Every row with a customer.
    total: `COUNTIF(${N.customer},"?*")`,
  } as Record<OwnerKey, string>;
  for (const c of columns) {
    if (c.key === 'owner') continue;
    const col = owners.index(c.key);
    b.at(allRow, col, { formula: allCriteria[c.key] }, bold);
    b.at(othersRow, col, { formula: `${cellRef(allRow, col)}-SUM(${owners.range(c.key)})` }, bold);
  }
  const noteRow = othersRow + 2;
  b.at(noteRow, 1, t('summaryNote'), TEMPLATE_NOTE).merge(rangeRef(noteRow, 1, noteRow, width));
  b.conditional({
    ref: rangeRef(owners.firstRow, owners.index('overdue'), othersRow, owners.index('missingDocs')),
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }],
  });

  const sheet = b
    .configure({
      rowHeights: { 1: 26, 2: 18, 3: 20, 7: 30, [owners.headerRow]: 45 },
      freeze: { rows: owners.headerRow, columns: 1 },
      print: a4Landscape(printArea(rangeRef(1, 1, noteRow, width))),
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  return fitRowHeights(sheet, 2);
}

interface ExampleRow {
  customer: string;
  owner: string;
  stage: number;
  status: 0 | 1 | 2;
  decision: number | null;
  nextAction: string;
  /** Days from the report date (negative: before it). */
  due: number | null;
  lastContact: number | null;
  /** Days from the report date each step document was done, in the order of DOCS; null = not yet. */
  docs: (number | null)[];
  progress: string;
  achievements: string;
  problems: string;
}

/**
 * Dates are days from the report date and the same in both languages, so on any report date the
 * example has the same mix: closed, on time, overdue, stalled, abandoned, documents missing.
 */
const EXAMPLE: Record<Lang, ExampleRow[]> = {
  'zh-CN': [
    {
      customer: '华东精密机械有限公司',
      owner: '王磊',
      stage: 5,
      status: 0,
      decision: 0,
      nextAction: '签订年度框架协议',
      due: -5,
      lastContact: -3,
      progress: '首批订单已交付，客户对交期满意',
      achievements: '成交首批订单 48 万元',
      problems: '付款账期要求 90 天',
      docs: [-120, -100, -80, -70, -40, -10],
    },
    {
      customer: '苏州恒达电子科技有限公司',
      owner: '李娜',
      stage: 4,
      status: 1,
      decision: 0,
      nextAction: '安排双方总经理会谈',
      due: 5,
      lastContact: -10,
      progress: '技术交流已完成，采购经理认可方案',
      achievements: '样品测试通过',
      problems: '财务部倾向现有供应商',
      docs: [-90, -75, -50, -35, -12, null],
    },
    {
      customer: '宁波海纳塑业有限公司',
      owner: '王磊',
      stage: 3,
      status: 1,
      decision: 0,
      nextAction: '提交产品推介书和报价',
      due: -14,
      lastContact: -33,
      progress: '等待客户内部评估',
      achievements: '找到采购部内线',
      problems: '推介书尚未完成',
      docs: [-60, -45, null, -40, null, null],
    },
    {
      customer: '杭州远景包装材料有限公司',
      owner: '张伟',
      stage: 2,
      status: 2,
      decision: 0,
      nextAction: '寄送样品并确认检测要求',
      due: 3,
      lastContact: -30,
      progress: '已电话邀约，客户同意试样',
      achievements: '获得检测标准',
      problems: '',
      docs: [-40, -32, null, null, null, null],
    },
    {
      customer: '无锡天成化工有限公司',
      owner: '张伟',
      stage: 1,
      status: 2,
      decision: 1,
      nextAction: '电话邀约采购经理',
      due: -1,
      lastContact: -54,
      progress: '初步了解经营概况',
      achievements: '',
      problems: '关键决策人尚未确定',
      docs: [-55, null, null, null, null, null],
    },
    {
      customer: '常州万利五金制品厂',
      owner: '李娜',
      stage: 2,
      status: 2,
      decision: 2,
      nextAction: '归档客户资料',
      due: -15,
      lastContact: -69,
      progress: '客户已与竞争对手签订三年协议',
      achievements: '',
      problems: '短期内无合作机会',
      docs: [-80, null, null, null, null, null],
    },
    {
      customer: '南通华瑞纺织有限公司',
      owner: '王磊',
      stage: 1,
      status: 2,
      decision: null,
      nextAction: '收集客户经营信息',
      due: null,
      lastContact: -13,
      progress: '展会上结识设备部主管',
      achievements: '',
      problems: '',
      docs: [null, null, null, null, null, null],
    },
    {
      customer: '嘉兴同舟物流设备有限公司',
      owner: '李娜',
      stage: 3,
      status: 2,
      decision: 0,
      nextAction: '评估合作价值并上报',
      due: 0,
      lastContact: -31,
      progress: '需求明确，月用量约 2 吨',
      achievements: '完成需求调研',
      problems: '客户要求先小批量试用',
      docs: [-50, -40, null, null, null, null],
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
      due: -5,
      lastContact: -3,
      progress: 'First order delivered; customer satisfied with lead time',
      achievements: 'First order of CNY 480,000',
      problems: 'Asks for 90-day payment terms',
      docs: [-120, -100, -80, -70, -40, -10],
    },
    {
      customer: 'Suzhou Hengda Electronics Co., Ltd.',
      owner: 'Li Na',
      stage: 4,
      status: 1,
      decision: 0,
      nextAction: 'Arrange a meeting of both general managers',
      due: 5,
      lastContact: -10,
      progress: 'Technical exchange done; purchasing manager supports the proposal',
      achievements: 'Samples passed testing',
      problems: 'Finance prefers the current supplier',
      docs: [-90, -75, -50, -35, -12, null],
    },
    {
      customer: 'Ningbo Haina Plastics Co., Ltd.',
      owner: 'Wang Lei',
      stage: 3,
      status: 1,
      decision: 0,
      nextAction: 'Send the product proposal and quotation',
      due: -14,
      lastContact: -33,
      progress: 'Waiting for their internal review',
      achievements: 'Insider found in purchasing',
      problems: 'Proposal not finished yet',
      docs: [-60, -45, null, -40, null, null],
    },
    {
      customer: 'Hangzhou Yuanjing Packaging Co., Ltd.',
      owner: 'Zhang Wei',
      stage: 2,
      status: 2,
      decision: 0,
      nextAction: 'Ship samples and confirm test requirements',
      due: 3,
      lastContact: -30,
      progress: 'Phone invitation accepted; trial agreed',
      achievements: 'Received their test standard',
      problems: '',
      docs: [-40, -32, null, null, null, null],
    },
    {
      customer: 'Wuxi Tiancheng Chemical Co., Ltd.',
      owner: 'Zhang Wei',
      stage: 1,
      status: 2,
      decision: 1,
      nextAction: 'Call the purchasing manager',
      due: -1,
      lastContact: -54,
      progress: 'Basic business overview collected',
      achievements: '',
      problems: 'Key decision maker not identified',
      docs: [-55, null, null, null, null, null],
    },
    {
      customer: 'Changzhou Wanli Hardware Factory',
      owner: 'Li Na',
      stage: 2,
      status: 2,
      decision: 2,
      nextAction: 'File the customer record',
      due: -15,
      lastContact: -69,
      progress: 'Signed a three-year deal with a competitor',
      achievements: '',
      problems: 'No opportunity in the near term',
      docs: [-80, null, null, null, null, null],
    },
    {
      customer: 'Nantong Huarui Textile Co., Ltd.',
      owner: 'Wang Lei',
      stage: 1,
      status: 2,
      decision: null,
      nextAction: 'Collect business information',
      due: null,
      lastContact: -13,
      progress: 'Met the equipment manager at a trade fair',
      achievements: '',
      problems: '',
      docs: [null, null, null, null, null, null],
    },
    {
      customer: 'Jiaxing Tongzhou Logistics Equipment Co., Ltd.',
      owner: 'Li Na',
      stage: 3,
      status: 2,
      decision: 0,
      nextAction: 'Assess the value and report to the manager',
      due: 0,
      lastContact: -31,
      progress: 'Need is clear: about 2 tonnes a month',
      achievements: 'Needs survey completed',
      problems: 'Wants a small trial batch first',
      docs: [-50, -40, null, null, null, null],
    },
  ],
};

function exampleRows(lang: Lang, today: Date, v: Vocabulary): PlanRow<PipelineKey>[] {
  const day = (offset: number | null) => (offset === null ? null : daysFrom(today, offset));
  return EXAMPLE[lang].map((e) => ({
    customer: e.customer,
    owner: e.owner,
    stage: v.stages[e.stage - 1],
    status: v.statuses[e.status],
    decision: e.decision === null ? null : v.decisions[e.decision],
    nextAction: e.nextAction,
    due: day(e.due),
    lastContact: day(e.lastContact),
    progress: e.progress,
    achievements: e.achievements || null,
    problems: e.problems || null,
    ...Object.fromEntries(DOCS.map((d, i) => [d.key, day(e.docs[i])])),
  }));
}
