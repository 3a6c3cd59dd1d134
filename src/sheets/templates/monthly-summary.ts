import catalog from '../../i18n/templates/monthly-summary';
import pipelineCatalog from '../../i18n/templates/pipeline';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { daysFrom, earlierThisMonth, monthStart } from '../core/example-dates';
import { messageFormula } from '../core/formula-text';
import { Form, FORM_COMPUTED } from '../core/form-grid';
import { fitRowHeights, FLAG_STYLE, OK_STYLE, planTable, q, rowCells, type PlacedTable, type PlanRow } from '../core/planning-table';
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';
import { sectionBand } from '../core/section-band';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellStyle, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import linkCatalog from '../../i18n/templates/plan-links';
import { linksNote, newCustomers, openAtStage, planLinks, PLAN_LINKS_TO, visitsMade } from './plan-links';
import type { TemplateDef, TemplateOptions } from './registry';

/**
 * Monthly development summary (docs/rules/templates/monthly-summary.md): one sheet per rep and
 * month. In a workbook holding the pipeline, the visit log or the new-customer bonus sheet
 * (found by stamp, passed in as `sources`, see plan-links.ts) the cells those sheets know are
 * formulas over them: each stage's month-end count, the visits to A, B and C customers and the
 * new customers developed; without a source they are input cells and a note names the sheet.
 */

const WIDTH = 8;
/** Five fixed measures plus rows for a team's own. */
const TARGET_ROWS = 7;
const CASE_ROWS = 6;
const ACTION_ROWS = 6;
const SUPPORT_ROWS = 4;
const CENTRED = 'center' as const;
const MONTH = 'yyyy-mm';

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const monthlySummary: TemplateDef = {
  kind: 'monthly-summary',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  linksTo: PLAN_LINKS_TO,
  build: (o) => [buildSummary(o)],
};

type TargetKey = 'metric' | 'target' | 'actual' | 'attainment' | 'gap' | 'status' | 'note';
type StageKey = 'stage' | 'atStart' | 'entered' | 'advanced' | 'closed' | 'abandoned' | 'atEnd' | 'check';
type CaseKey = 'customer' | 'outcome' | 'stage' | 'amount' | 'date' | 'competitor' | 'cause' | 'lesson';
type ActionKey = 'problem' | 'kind' | 'owner' | 'due' | 'done' | 'status' | 'action' | 'result';
type SupportKey = 'need' | 'from' | 'by' | 'reply';

function buildSummary(o: TemplateOptions): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const p = translator(pipelineCatalog, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const { dateRef: report } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: WIDTH,
    date: today,
    planName: t('planName'),
    protect,
  });
  const ex = example ? monthlyExample(lang, today) : undefined;
  const form = new Form(b, lang);
  const rowHeights: Record<number, number> = { 1: 26, 2: 30, 3: 20 };
  const section = (row: number, text: string) => {
    sectionBand(b, row, WIDTH, text);
    rowHeights[row] = 22;
  };
  const centred = { alignment: { horizontal: CENTRED } };
  const computed = (row: number, col: number, formula: string, numFmt?: string) => {
    form.spread(row, col, col, { formula }, style(FORM_COMPUTED, centred, { numFmt }));
    return cellRef(row, col, true);
  };
  const count = { whole: [0, 100000] as [number, number], prompt: t('countPrompt') };
  const dateRule = { date: true as const, prompt: t('datePrompt') };
  const stages = [p('stage1'), p('stage2'), p('stage3'), p('stage4'), p('stage5')];

  // Header and summary, rows 6–10; the summary cells are filled in once the tables are placed.
  section(6, t('sectionHeader'));
  const rep = form.field(7, 1, 2, 3, t('rep'), ex?.rep ?? null);
  const month = form.field(7, 4, 5, 5, t('month'), ex ? monthStart(today) : null, { numFmt: MONTH, input: { date: true, prompt: t('monthPrompt') }, align: CENTRED });
  form.field(7, 6, 7, 7, t('reportDate'), { formula: report }, { computed: true, numFmt: NUMFMT.date, align: CENTRED });

  // Linked measures: the month runs from its first day up to the next month's first day.
  const links = planLinks(lang, o.sources);
  const tl = translator(linkCatalog, lang);
  const monthFrom = `DATE(YEAR(${month}),MONTH(${month}),1)`;
  const whenSet = (formula: string) => `IF(OR(${rep}="",${month}=""),"",${formula})`;
  const visitsTo = (tier: string) => (links.visits ? whenSet(visitsMade(links.visits, rep, q(tier), monthFrom, `EDATE(${monthFrom},1)`)) : undefined);
  const linkedActuals = [
    links.bonus ? whenSet(newCustomers(links.bonus, rep, monthFrom, `EDATE(${monthFrom},1)`)) : undefined,
    undefined,
    visitsTo('A'),
    visitsTo('B'),
    visitsTo('C'),
  ];

  // 1. Targets and actuals: five fixed measures, then the team's own.
  section(12, t('sectionTargets'));
  const metrics = [t('metricNewCustomers'), t('metricNewSales'), t('metricVisitsA'), t('metricVisitsB'), t('metricVisitsC')];
  const amount = { decimal: [0, 1e12] as [number, number], prompt: t('targetPrompt') };
  const targets = planTable<TargetKey>(b, lang, {
    name: 'MonthlySummary_Targets',
    top: 13,
    left: 1,
    rows: TARGET_ROWS,
    columns: [
      { key: 'metric', header: t('colMetric'), labels: metrics },
      { key: 'target', header: t('colTarget'), numFmt: NUMFMT.integer, align: CENTRED, input: amount },
      { key: 'actual', header: t('colActual'), numFmt: NUMFMT.integer, align: CENTRED, input: { ...amount, prompt: t('actualPrompt') }, rowFormulas: linkedActuals },
      {
        key: 'attainment',
        header: t('colAttainment'),
        numFmt: NUMFMT.percent,
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.target}="",NOT(ISNUMBER(${x.actual})),${x.target}=0),"",${x.actual}/${x.target})`;
        },
      },
      {
        key: 'gap',
        header: t('colGap'),
        numFmt: NUMFMT.integer,
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.target}="",NOT(ISNUMBER(${x.actual}))),"",${x.actual}-${x.target})`;
        },
      },
      {
        key: 'status',
        header: t('colStatus'),
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          return `IF(OR(${x.target}="",NOT(ISNUMBER(${x.actual}))),"",IF(${x.actual}>=${x.target},${q(t('reached'))},${q(t('behind'))}))`;
        },
      },
      { key: 'note', header: t('colNote') },
    ],
    data: ex?.targets,
  });
  rowHeights[targets.headerRow] = 22;
  form.note(targets.lastRow + 1, 1, WIDTH, `${t('targetsNote')} ${linksNote(lang, { visits: links.visits, bonus: links.bonus }, { pipeline: '', visits: tl('summaryFromVisits'), bonus: tl('summaryFromBonus') }, ['visits', 'bonus'])}`, 2);
  const reached = `COUNTIF(${targets.range('status')},${q(t('reached'))})`;
  const judged = `COUNTIF(${targets.range('status')},"?*")`;
  colourByValue(b, targets, 'status', [
    [t('reached'), OK_STYLE],
    [t('behind'), AMBER],
  ]);

  // 2. Pipeline movement: one row per stage, its month-end count derived from the moves.
  let row = targets.lastRow + 3;
  const pipelineStart = row;
  section(row, t('sectionPipeline'));
  const pipe = planTable<StageKey>(b, lang, {
    name: 'MonthlySummary_Pipeline',
    top: row + 1,
    left: 1,
    rows: stages.length,
    columns: [
      { key: 'stage', header: t('colStage'), labels: stages },
      { key: 'atStart', header: t('colAtStart'), align: CENTRED, input: count },
      { key: 'entered', header: t('colEntered'), align: CENTRED, input: count },
      { key: 'advanced', header: t('colAdvanced'), align: CENTRED, input: count },
      { key: 'closed', header: t('colClosed'), align: CENTRED, input: count },
      { key: 'abandoned', header: t('colAbandoned'), align: CENTRED, input: count },
      {
        key: 'atEnd',
        header: t('colAtEnd'),
        align: CENTRED,
        // Linked: the pipeline's open prospects of the rep at this stage; else derived from the moves.
        formula: (r, c) => {
          const x = rowCells(c, r);
          if (links.pipeline) return `IF(${rep}="","",${openAtStage(links.pipeline, lang, rep, x.stage)})`;
          return `IF(COUNT(${movesOf(x).join(',')})=0,"",${movesSum(x)})`;
        },
      },
      {
        key: 'check',
        header: t('colCheck'),
        align: CENTRED,
        formula: (r, c) => {
          const x = rowCells(c, r);
          if (!links.pipeline) return `IF(${x.atEnd}="","",IF(${x.atEnd}<0,${q(t('negativeFlag'))},""))`;
          // Linked: typed moves that do not add up to the pipeline's count are flagged.
          return (
            `IF(OR(COUNT(${movesOf(x).join(',')})=0,NOT(ISNUMBER(${x.atEnd}))),"",` +
            `IF(${movesSum(x)}<>${x.atEnd},${messageFormula(tl('movesDiffer'), { n: movesSum(x) })},""))`
          );
        },
      },
    ],
    // The example's moves are not the linked pipeline's: beside one, the moves are left to type.
    data: links.pipeline ? undefined : ex?.pipeline,
  });
  rowHeights[pipe.headerRow] = 30;
  row = pipe.lastRow + 1;
  form.label(row, 1, t('pipelineTotal'));
  const pipeTotals = (['atStart', 'entered', 'advanced', 'closed', 'abandoned', 'atEnd'] as const).map((k) =>
    computed(row, pipe.index(k), `SUM(${pipe.range(k)})`),
  );
  const [startTotal, , , closedTotal, , endTotal] = pipeTotals;
  form.note(row + 1, 1, WIDTH, `${t('pipelineNote')} ${linksNote(lang, { pipeline: links.pipeline }, { pipeline: tl('summaryFromPipeline'), visits: '', bonus: '' }, ['pipeline'])}`, 2);
  b.conditional({ ref: pipe.body('check'), rules: [{ type: 'expression', formula: `$${pipe.col.check}${pipe.firstRow}<>""`, style: FLAG_STYLE }] });

  // 3. Wins and losses.
  row += 4;
  section(row, t('sectionCases'));
  const outcomes = [t('outcomeWin'), t('outcomeLoss')];
  const cases = planTable<CaseKey>(b, lang, {
    name: 'MonthlySummary_Cases',
    top: row + 1,
    left: 1,
    rows: CASE_ROWS,
    columns: [
      { key: 'customer', header: t('colCustomer') },
      { key: 'outcome', header: t('colOutcome'), align: CENTRED, input: { list: outcomes, prompt: t('outcomePrompt') } },
      { key: 'stage', header: t('colStageReached'), input: { list: stages, prompt: t('stagePrompt') } },
      { key: 'amount', header: t('colAmount'), numFmt: NUMFMT.integer, input: { decimal: [0, 1e12], prompt: t('amountPrompt') } },
      { key: 'date', header: t('colDate'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule },
      { key: 'competitor', header: t('colCompetitor') },
      { key: 'cause', header: t('colCause') },
      { key: 'lesson', header: t('colLesson') },
    ],
    data: ex?.cases,
  });
  rowHeights[cases.headerRow] = 22;
  colourByValue(b, cases, 'outcome', [
    [outcomes[0], OK_STYLE],
    [outcomes[1], FLAG_STYLE],
  ]);

  // 4. Corrective and preventive actions, each due on a date and flagged once it is late.
  row = cases.lastRow + 2;
  const actionsStart = row;
  section(row, t('sectionActions'));
  const kinds = [t('kindCorrective'), t('kindPreventive')];
  const actions = planTable<ActionKey>(b, lang, {
    name: 'MonthlySummary_Actions',
    top: row + 1,
    left: 1,
    rows: ACTION_ROWS,
    columns: [
      { key: 'problem', header: t('colProblem') },
      { key: 'kind', header: t('colKind'), align: CENTRED, input: { list: kinds, prompt: t('kindPrompt') } },
      { key: 'owner', header: t('colOwner'), align: CENTRED },
      { key: 'due', header: t('colDue'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule },
      { key: 'done', header: t('colDone'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule },
      {
        key: 'status',
        header: t('colStatus'),
        align: CENTRED,
        // Due on the report date itself is not late yet.
        formula: (r, c) => {
          const x = rowCells(c, r);
          return (
            `IF(AND(${x.problem}="",${x.action}=""),"",IF(${x.done}<>"",${q(t('statusDone'))},` +
            `IF(AND(${x.due}<>"",${x.due}<${report}),${q(t('statusOverdue'))},${q(t('statusOpen'))})))`
          );
        },
      },
      { key: 'action', header: t('colAction') },
      { key: 'result', header: t('colResult') },
    ],
    data: ex?.actions,
  });
  rowHeights[actions.headerRow] = 22;
  colourByValue(b, actions, 'status', [
    [t('statusOverdue'), FLAG_STYLE],
    [t('statusOpen'), AMBER],
    [t('statusDone'), OK_STYLE],
  ]);

  // 5. Support needed.
  row = actions.lastRow + 2;
  section(row, t('sectionSupport'));
  const support = planTable<SupportKey>(b, lang, {
    name: 'MonthlySummary_Support',
    top: row + 1,
    left: 1,
    rows: SUPPORT_ROWS,
    columns: [
      { key: 'need', header: t('colNeed') },
      { key: 'from', header: t('colFrom'), align: CENTRED },
      { key: 'by', header: t('colBy'), numFmt: NUMFMT.date, align: CENTRED, input: dateRule },
      { key: 'reply', header: t('colReply') },
    ],
    data: ex?.support,
  });
  const last = support.lastRow;

  // The summary, rows 8–10, now that the ranges are known.
  form.label(8, 1, t('metricsReached'));
  form.spread(8, 2, 3, { formula: `IF(${judged}=0,"",${messageFormula(t('reachedOf'), { n: reached, m: judged })})` }, style(FORM_COMPUTED, centred));
  form.label(8, 4, t('pipelineEnd'));
  computed(8, 5, `IF(COUNT(${pipe.range('atEnd')})=0,"",${endTotal})`);
  form.label(8, 6, t('pipelineNet'));
  // Linked, the month-end counts are there before any move is typed: no change without a start.
  const noStart = links.pipeline ? `,COUNT(${pipe.range('atStart')})=0` : '';
  computed(8, 7, `IF(OR(COUNT(${pipe.range('atEnd')})=0${noStart}),"",${endTotal}-${startTotal})`);
  form.label(9, 1, t('wins'));
  computed(9, 2, `COUNTIF(${cases.range('outcome')},${q(outcomes[0])})`);
  form.label(9, 4, t('losses'));
  computed(9, 5, `COUNTIF(${cases.range('outcome')},${q(outcomes[1])})`);
  form.label(9, 6, t('winAmount'));
  computed(9, 7, `SUMIF(${cases.range('outcome')},${q(outcomes[0])},${cases.range('amount')})`, NUMFMT.integer);
  form.label(10, 1, t('actionsOverdue'));
  const overdue = computed(10, 2, `COUNTIF(${actions.range('status')},${q(t('statusOverdue'))})`);
  form.label(10, 4, t('actionsOpen'));
  computed(10, 5, `COUNTIF(${actions.range('status')},${q(t('statusOpen'))})`);
  form.label(10, 6, t('closedCount'));
  computed(10, 7, `IF(COUNT(${pipe.range('closed')})=0,"",${closedTotal})`);
  b.conditional({ ref: overdue.replace(/\$/g, ''), rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: FLAG_STYLE }] });

  b.widths(lang === 'en-US' ? [28, 12, 14, 15, 12, 15, 30, 30] : [22, 12, 12, 17, 12, 17, 20, 24]);
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: 2, columns: 0 },
      print: a4Landscape(printArea(rangeRef(1, 1, last, WIDTH)), '1:2'),
      protection: protect ? { enabled: true } : undefined,
    })
    .build();
  const fitted = fitRowHeights(sheet);
  return { ...fitted, print: { ...fitted.print!, rowBreaks: keepBlocksTogether(fitted, [pipelineStart, actionsStart]) } };
}

function movesOf(x: Readonly<Record<StageKey, string>>): string[] {
  return [x.atStart, x.entered, x.advanced, x.closed, x.abandoned];
}

/** start + entered − moved on − won − abandoned, blanks as 0. */
function movesSum(x: Readonly<Record<StageKey, string>>): string {
  return `N(${x.atStart})+N(${x.entered})-N(${x.advanced})-N(${x.closed})-N(${x.abandoned})`;
}

const AMBER = { fill: COLORS.yellow, font: { bold: true, color: COLORS.yellowText } };

/** Colours a table column's cells by the text they show: one style per value, first match wins. */
function colourByValue<K extends string>(b: SheetBuilder, table: PlacedTable<K>, key: K, styles: [string, CellStyle][]): void {
  const first = `$${table.col[key]}${table.firstRow}`;
  b.conditional({ ref: table.body(key), rules: styles.map(([value, st]) => ({ type: 'expression' as const, formula: `${first}=${q(value)}`, style: st })) });
}

interface MonthlyExample {
  rep: string;
  targets: PlanRow<TargetKey>[];
  pipeline: PlanRow<StageKey>[];
  cases: PlanRow<CaseKey>[];
  actions: PlanRow<ActionKey>[];
  support: PlanRow<SupportKey>[];
}

/**
 * Worked example (docs/rules/templates/monthly-summary.md): the same numbers in both languages;
 * the two wins add up to the new-customer sales, the pipeline's wins to the new customers, and the
 * actions are dated from the report date (one done, one overdue, two still on time).
 */
function monthlyExample(lang: Lang, today: Date): MonthlyExample {
  const zhText = lang === 'zh-CN';
  const t = translator(catalog, lang);
  const p = translator(pipelineCatalog, lang);
  const text = (zhValue: string, enValue: string) => (zhText ? zhValue : enValue);
  return {
    rep: text('王磊', 'Wang Lei'),
    targets: [
      { target: 3, actual: 2, note: text('一家推迟到下月签约', 'One signing moved to next month') },
      { target: 300_000, actual: 360_000 },
      { target: 16, actual: 17 },
      { target: 12, actual: 9, note: text('展会占用一周', 'A trade fair took a week') },
      { target: 8, actual: 8 },
    ],
    pipeline: [
      { atStart: 10, entered: 8, advanced: 3, closed: 0, abandoned: 2 },
      { atStart: 8, entered: 3, advanced: 2, closed: 0, abandoned: 1 },
      { atStart: 6, entered: 2, advanced: 2, closed: 0, abandoned: 0 },
      { atStart: 4, entered: 2, advanced: 1, closed: 0, abandoned: 1 },
      { atStart: 2, entered: 1, advanced: 0, closed: 2, abandoned: 0 },
    ],
    cases: [
      {
        customer: text('常州瑞丰机电设备有限公司', 'Changzhou Ruifeng Electric Co., Ltd.'),
        outcome: t('outcomeWin'),
        stage: p('stage5'),
        amount: 200_000,
        date: earlierThisMonth(today, 12),
        cause: text('决策人到厂参观，认可质量和交期', 'Decision maker visited our plant; quality and lead time accepted'),
        lesson: text('重点客户尽早安排高层互访', 'Arrange senior visits early for key accounts'),
      },
      {
        customer: text('嘉兴华美纺织有限公司', 'Jiaxing Huamei Textiles Co., Ltd.'),
        outcome: t('outcomeWin'),
        stage: p('stage5'),
        amount: 160_000,
        date: earlierThisMonth(today, 4),
        cause: text('样品试用合格，预付 50%', 'Samples passed the trial; 50 % prepaid'),
        lesson: text('首批交货后每 15 天回访', 'Visit every 15 days after the first delivery'),
      },
      {
        customer: text('绍兴永盛化纤有限公司', 'Shaoxing Yongsheng Fibre Co., Ltd.'),
        outcome: t('outcomeLoss'),
        stage: p('stage3'),
        amount: 150_000,
        date: earlierThisMonth(today, 9),
        competitor: text('恒力机械', 'Hengli Machinery'),
        cause: text('对手报价低 8%，价值对比做得太晚', 'Competitor 8 % cheaper; we showed our value too late'),
        lesson: text('报价时附上全寿命成本对比', 'Quote with a life-cycle cost comparison'),
      },
      {
        customer: text('湖州新达建材有限公司', 'Huzhou Xinda Materials Co., Ltd.'),
        outcome: t('outcomeLoss'),
        stage: p('stage2'),
        amount: 80_000,
        date: earlierThisMonth(today, 2),
        cause: text('项目暂停，需求不明确', 'Project on hold; no clear need'),
        lesson: text('转为潜在客户，三个月后再联系', 'Back to potential; contact again in three months'),
      },
    ],
    actions: [
      {
        problem: text('报价缺少价值对比', 'Quotes lack a value comparison'),
        kind: t('kindCorrective'),
        owner: text('王磊', 'Wang Lei'),
        due: daysFrom(today, -10),
        done: daysFrom(today, -12),
        action: text('制作全寿命成本对比表', 'Make a life-cycle cost comparison sheet'),
        result: text('已用于两次报价', 'Used in two quotes'),
      },
      {
        problem: text('B 类客户拜访不足', 'Too few visits to B customers'),
        kind: t('kindCorrective'),
        owner: text('王磊', 'Wang Lei'),
        due: daysFrom(today, -3),
        action: text('补排三次 B 类客户拜访', 'Schedule three more B-customer visits'),
      },
      {
        problem: text('潜在客户来源单一', 'Prospects come from one source'),
        kind: t('kindPreventive'),
        owner: text('李娜', 'Li Na'),
        due: daysFrom(today, 10),
        action: text('整理行业协会名录并电话邀约', 'Work through the trade association list by phone'),
      },
      {
        problem: text('首批交货后客户流失', 'Customers lost after the first delivery'),
        kind: t('kindPreventive'),
        owner: text('刘洋', 'Liu Yang'),
        due: daysFrom(today, 20),
        action: text('新客户交货后三个月内每 15 天回访', 'Visit new customers every 15 days for three months after delivery'),
      },
    ],
    support: [
      { need: text('技术工程师陪同两次技术交流', 'An engineer at two technical exchanges'), from: text('技术部', 'Engineering'), by: daysFrom(today, 14) },
      { need: text('绍兴永盛项目的特价审批', 'Special price approval for the Shaoxing Yongsheng project'), from: text('营销副总', 'Sales VP'), by: daysFrom(today, 7) },
    ],
  };
}
