import messages from '../../i18n/templates/swot';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { messageFormula } from '../core/formula-text';
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';
import { FLAG_STYLE, planTable, q, type PlacedTable, type PlanColumn, fitRowHeights } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';

const ITEMS = 5;
const STRATEGIES = 3;
const WIDTH = 11;
/** Left blocks start in column A; right blocks one spacer column (wide enough for the title block's date) to their right. */
const LEFT = 1;

type T = ReturnType<typeof translator<(typeof messages)['en-US']>>;

/** Example items (ours): S 4.10, W 3.30, O 4.20, T 3.50 → internal +0.80, external +0.70 → SO. */
const EXAMPLE: Record<Lang, Record<'S' | 'W' | 'O' | 'T', [string, number, number][]>> = {
  'zh-CN': {
    S: [['产品性能稳定，故障率低', 0.4, 4], ['本地服务网点覆盖全省', 0.35, 5], ['与客户采购部关系良好', 0.25, 3]],
    W: [['品牌知名度不及外资品牌', 0.5, 4], ['交货周期偏长', 0.3, 3], ['报价高于本地竞争对手', 0.2, 2]],
    O: [['客户车队更新计划已立项', 0.6, 5], ['新能源车辆补贴政策', 0.4, 3]],
    T: [['竞争对手低价投标', 0.5, 4], ['客户财务部压缩预算', 0.5, 3]],
  },
  'en-US': {
    S: [['Reliable product, low failure rate', 0.4, 4], ['Service points across the province', 0.35, 5], ['Good relationship with purchasing', 0.25, 3]],
    W: [['Brand less known than foreign brands', 0.5, 4], ['Long delivery lead time', 0.3, 3], ['Price above local competitors', 0.2, 2]],
    O: [['Fleet renewal project approved', 0.6, 5], ['Subsidies for new-energy vehicles', 0.4, 3]],
    T: [['Competitor bidding low', 0.5, 4], ['Finance department cutting budget', 0.5, 3]],
  },
};

const EXAMPLE_STRATEGIES: Record<Lang, Record<'SO' | 'WO' | 'ST' | 'WT', CellContent[]>> = {
  'zh-CN': {
    SO: ['以稳定性能和本地服务争取车队更新项目', 'S1、S2、O1', '陈明', '高'],
    WO: ['借补贴政策推出新能源车型报价，缩小价差', 'W3、O2', '刘洋', '中'],
    ST: ['用全生命周期成本对比回应低价竞争', 'S1、T1', '陈明', '高'],
    WT: ['与财务部商谈分期付款方案', 'W3、T2', '刘洋', '中'],
  },
  'en-US': {
    SO: ['Win the fleet renewal on reliability and local service', 'S1, S2, O1', 'Chen Ming', 'High'],
    WO: ['Quote new-energy models under the subsidy to close the price gap', 'W3, O2', 'Liu Yang', 'Medium'],
    ST: ['Answer low bids with a life-cycle cost comparison', 'S1, T1', 'Chen Ming', 'High'],
    WT: ['Offer finance an instalment payment plan', 'W3, T2', 'Liu Yang', 'Medium'],
  },
};

interface Quadrant {
  key: 'S' | 'W' | 'O' | 'T';
  name: string;
  section: string;
  header: string;
}

type ItemKey = 'code' | 'item' | 'weight' | 'score' | 'weighted';
type StrategyKey = 'code' | 'strategy' | 'basis' | 'owner' | 'priority';

interface ItemBlock {
  table: PlacedTable<ItemKey>;
  /** The quadrant's weighted total (blank until something is weighted and scored). */
  total: string;
  /** What the quadrant still needs ("" when its weights and scores are complete, or it is empty). */
  problem: string;
}

function itemTable(b: SheetBuilder, lang: Lang, t: T, q4: Quadrant, top: number, left: number, example: boolean): ItemBlock {
  const columns: PlanColumn<ItemKey>[] = [
    { key: 'code', header: t('colCode'), labels: Array.from({ length: ITEMS }, (_, i) => `${q4.key}${i + 1}`), align: 'center' },
    { key: 'item', header: q4.header },
    {
      key: 'weight',
      header: t('colWeight'),
      numFmt: NUMFMT.percent0,
      align: 'center',
      input: { decimal: [0, 1], prompt: t('promptWeight'), shown: ['0%', '100%'] },
    },
    { key: 'score', header: t('colScore'), align: 'center', input: { whole: [1, 5], prompt: t('promptScore') } },
    {
      key: 'weighted',
      header: t('colWeighted'),
      numFmt: '0.00',
      align: 'center',
      formula: (r, c) => {
        const [w, s] = [`${c.weight}${r}`, `${c.score}${r}`];
        return `IF(AND(ISNUMBER(${w}),ISNUMBER(${s})),${w}*${s},"")`;
      },
    },
  ];
  const data = example ? EXAMPLE[lang][q4.key].map(([item, weight, score]) => ({ item, weight, score })) : undefined;
  const table = planTable(b, lang, { name: `Swot_${q4.name}`, top: top + 1, left, columns, rows: ITEMS, data });
  sectionOver(b, top, table, q4.section);
  const sumRow = table.lastRow + 1;
  const bold = style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } });
  for (let c = table.left; c <= table.right; c++) b.at(sumRow, c, null, bold);
  b.at(sumRow, table.index('item'), t('total'), style(bold, { alignment: { horizontal: 'right' } }));
  const sumOf = (key: ItemKey) => `IF(COUNT(${table.body(key)})=0,"",SUM(${table.body(key)}))`;
  const weightTotal = cellRef(sumRow, table.index('weight'));
  b.at(sumRow, table.index('weight'), { formula: sumOf('weight') }, style(bold, { numFmt: NUMFMT.percent0 }));
  b.at(sumRow, table.index('weighted'), { formula: sumOf('weighted') }, style(bold, { numFmt: '0.00' }));

  // A quadrant counts only when every scored item has a weight, every weighted item a score,
  // and the weights make 100 %; otherwise the row under its total says what is missing.
  const [weights, scores, weighted] = [table.body('weight'), table.body('score'), table.body('weighted')];
  const problem =
    `IF(COUNT(${weights})+COUNT(${scores})=0,"",` +
    `IF(COUNT(${scores})>COUNT(${weighted}),${messageFormula(t('checkNeedWeights'), { q: q(q4.key) })},` +
    `IF(COUNT(${weights})>COUNT(${weighted}),${messageFormula(t('checkNeedScores'), { q: q(q4.key) })},` +
    `IF(ROUND(SUM(${weights}),6)<>1,${messageFormula(t('checkWeightTotal'), { q: q(q4.key), total: `TEXT(SUM(${weights}),"0%")` })},""))))`;
  const checkRow = sumRow + 1;
  const checkRange = rangeRef(checkRow, table.left, checkRow, table.right);
  b.at(checkRow, table.left, { formula: problem }, style(STYLE.computed, { font: { bold: true, color: COLORS.redText } }))
    .fill(checkRange, STYLE.computed)
    .merge(checkRange);
  b.conditional({
    ref: weightTotal,
    rules: [
      {
        type: 'expression',
        formula: `AND(COUNT(${weights})>0,ROUND(SUM(${weights}),6)<>1)`,
        style: FLAG_STYLE,
      },
    ],
  });
  return { table, total: cellRef(sumRow, table.index('weighted')), problem: cellRef(checkRow, table.left) };
}

/** The section band over a table, as wide as the table. */
function sectionOver(b: SheetBuilder, row: number, table: PlacedTable, text: string): void {
  b.at(row, table.left, text, STYLE.section).merge(rangeRef(row, table.left, row, table.right));
  for (let c = table.left + 1; c <= table.right; c++) b.at(row, c, null, STYLE.section);
}

function strategyTable(b: SheetBuilder, lang: Lang, t: T, key: 'SO' | 'WO' | 'ST' | 'WT', top: number, left: number, example: boolean) {
  const priorities = [t('priorityHigh'), t('priorityMedium'), t('priorityLow')];
  const columns: PlanColumn<StrategyKey>[] = [
    { key: 'code', header: t('colCode'), labels: Array.from({ length: STRATEGIES }, (_, i) => `${key}${i + 1}`), align: 'center' },
    { key: 'strategy', header: t('colStrategy') },
    { key: 'basis', header: t('colBasis') },
    { key: 'owner', header: t('colOwner') },
    { key: 'priority', header: t('colPriority'), align: 'center', input: { list: priorities, prompt: t('promptPriority') } },
  ];
  const [strategy, basis, owner, priority] = EXAMPLE_STRATEGIES[lang][key];
  const data = example ? [{ strategy, basis, owner, priority }] : undefined;
  const table = planTable(b, lang, { name: `Swot_${key}`, top: top + 1, left, columns, rows: STRATEGIES, data });
  sectionOver(b, top, table, t(key.toLowerCase() as 'so'));
  b.conditional({
    ref: table.body('priority'),
    rules: [
      {
        type: 'expression',
        formula: `${table.col.priority}${table.firstRow}=${q(priorities[0])}`,
        style: { font: { bold: true, color: COLORS.redText } },
      },
    ],
  });
  return table;
}

function build(o: TemplateOptions): SheetSpec[] {
  const { lang, example, protect = false } = o;
  const t = translator(messages, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  titleBlock(b, { lang, title: t('title'), purpose: t('purpose'), width: WIDTH, date: o.today ?? new Date(), protect });

  const quads: Quadrant[] = [
    { key: 'S', name: 'Strengths', section: t('strengths'), header: t('colStrength') },
    { key: 'W', name: 'Weaknesses', section: t('weaknesses'), header: t('colWeakness') },
    { key: 'O', name: 'Opportunities', section: t('opportunities'), header: t('colOpportunity') },
    { key: 'T', name: 'Threats', section: t('threats'), header: t('colThreat') },
  ];
  const top1 = 6;
  // Each right-hand block starts one spacer column after its left-hand neighbour; each lower
  // pair one blank row under the taller block above (a block: section, table, total, check).
  const s = itemTable(b, lang, t, quads[0], top1, LEFT, example);
  const w = itemTable(b, lang, t, quads[1], top1, s.table.right + 2, example);
  const top2 = Math.max(s.table.lastRow, w.table.lastRow) + 4;
  const o2 = itemTable(b, lang, t, quads[2], top2, LEFT, example);
  const th = itemTable(b, lang, t, quads[3], top2, o2.table.right + 2, example);

  // Balances and the suggested TOWS quadrant: only from complete quadrants. An empty quadrant
  // counts as 0; one with missing weights or scores, or weights not totalling 100 %, stops them.
  const sumTop = Math.max(o2.table.lastRow, th.table.lastRow) + 4;
  const internal = cellRef(sumTop, 3);
  const external = cellRef(sumTop + 1, 3);
  const label = style(STYLE.label, { alignment: { horizontal: 'left', wrapText: true }, border: COLORS.border, fill: COLORS.sectionFill });
  const value = style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } });
  const orZero = (ref: string) => `IF(ISNUMBER(${ref}),${ref},0)`;
  const balance = (a: ItemBlock, c: ItemBlock) =>
    `IF(OR(${a.problem}<>"",${c.problem}<>""),"",IF(AND(${a.total}="",${c.total}=""),"",${orZero(a.total)}-${orZero(c.total)}))`;
  b.at(sumTop, 2, t('summaryInternal'), label).at(sumTop, 3, { formula: balance(s, w) }, style(value, { numFmt: '+0.00;-0.00;0.00' }));
  b.at(sumTop + 1, 2, t('summaryExternal'), label).at(sumTop + 1, 3, { formula: balance(o2, th) }, style(value, { numFmt: '+0.00;-0.00;0.00' }));
  b.at(sumTop + 2, 2, t('summarySuggested'), label);
  const blocks = [s, w, o2, th];
  const incomplete = blocks.map((x, i) => `IF(${x.problem}<>"",${q(`${quads[i].key} `)},"")`).join('&');
  b.at(
    sumTop + 2,
    3,
    {
      formula:
        `IF(OR(${blocks.map((x) => `${x.problem}<>""`).join(',')}),${messageFormula(t('suggestionPending'), { list: `TRIM(${incomplete})` })},` +
        `IF(OR(${internal}="",${external}=""),"",IF(${internal}>=0,IF(${external}>=0,${q(t('so'))},${q(t('st'))}),` +
        `IF(${external}>=0,${q(t('wo'))},${q(t('wt'))}))))`,
    },
    style(value, { alignment: { horizontal: 'left' }, fill: COLORS.green, font: { color: COLORS.greenText } }),
  );
  b.merge(rangeRef(sumTop + 2, 3, sumTop + 2, WIDTH));
  for (let c = 4; c <= WIDTH; c++) b.at(sumTop + 2, c, null, value);
  b.conditional({
    ref: rangeRef(sumTop + 2, 3, sumTop + 2, WIDTH),
    rules: [{ type: 'expression', formula: `OR(${blocks.map((x) => `${x.problem.replace(/([A-Z]+)(\d+)/, '$$$1$$$2')}<>""`).join(',')})`, style: FLAG_STYLE }],
  });
  b.set(cellRef(sumTop, w.table.left), t('summaryNote'), TEMPLATE_NOTE).merge(rangeRef(sumTop, w.table.left, sumTop + 1, WIDTH));
  b.defineName({ name: 'Swot_SuggestedStrategy', ref: cellRef(sumTop + 2, 3, true) });

  const towsTop = sumTop + 4;
  b.set(cellRef(towsTop, 1), t('towsSection'), style(STYLE.title, { font: { size: 13 } })).merge(rangeRef(towsTop, 1, towsTop, WIDTH));
  const sTop1 = towsTop + 1;
  const so = strategyTable(b, lang, t, 'SO', sTop1, LEFT, example);
  const wo = strategyTable(b, lang, t, 'WO', sTop1, so.right + 2, example);
  const sTop2 = Math.max(so.lastRow, wo.lastRow) + 2;
  const st = strategyTable(b, lang, t, 'ST', sTop2, LEFT, example);
  const last = strategyTable(b, lang, t, 'WT', sTop2, st.right + 2, example).lastRow;

  b.widths([10, 36, 11, 10, 10, 11, 8, 36, 11, 10, 10]);
  const heights: Record<number, number> = { 1: 26, 2: 18, 3: 20, [towsTop]: 24 };
  for (const r of [s.table.headerRow, o2.table.headerRow, so.headerRow, st.headerRow]) heights[r] = 26;
  b.configure({
    rowHeights: heights,
    freeze: { rows: 3, columns: 0 },
    print: a4Landscape(printArea(rangeRef(1, 1, last, WIDTH)), '1:2'),
    protection: protect ? { enabled: true } : undefined,
  });
  const sheet = fitRowHeights(b.build(), 2);
  return [{ ...sheet, print: { ...sheet.print!, rowBreaks: keepBlocksTogether(sheet, [towsTop]) } }];
}

const en = translator(messages, 'en-US');
const zh = translator(messages, 'zh-CN');

export const swot: TemplateDef = {
  kind: 'swot',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build,
};
