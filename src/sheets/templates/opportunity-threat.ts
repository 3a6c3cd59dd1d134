import messages from '../../i18n/templates/opportunity-threat';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { planTable, q, type PlacedTable, type PlanColumn, fitRowHeights } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';

const SECTION_ROW = 6;
const BODY_ROWS = 12;
const LEFT = 1;
/** Both blocks use columns A–F; G and H carry the title block's version cell. */
const WIDTH = 8;

type H = 'H' | 'L';
/** Example (ours). Opportunities: pursue 1, improve odds 2, quick win 1, ignore 1. Threats: major 2, monitor 1, routine 1, negligible 0. */
const EXAMPLE: Record<Lang, { opp: [string, H, H, string, string][]; thr: [string, H, H, string, string][] }> = {
  'zh-CN': {
    opp: [
      ['客户车队更新项目（120 台）', 'H', 'H', '组织专项投标小组', '陈明'],
      ['新能源补贴带来的换车需求', 'H', 'L', '先做两家样板客户', '刘洋'],
      ['现有客户追加保养合同', 'L', 'H', '随季度回访一并报价', '陈明'],
      ['进入海外市场', 'L', 'L', '', ''],
      ['港口无人驾驶试点', 'H', 'L', '与技术部评估可行性', '刘洋'],
    ],
    thr: [
      ['竞争对手低价投标', 'H', 'H', '准备全生命周期成本对比', '陈明'],
      ['客户财务部压缩预算', 'H', 'L', '备好分期付款方案', '刘洋'],
      ['钢材涨价推高成本', 'L', 'H', '锁定半年采购价', '刘洋'],
      ['客户关键联系人调岗', 'H', 'H', '发展第二条内线', '陈明'],
    ],
  },
  'en-US': {
    opp: [
      ['Customer fleet renewal (120 vehicles)', 'H', 'H', 'Set up a bid team', 'Chen Ming'],
      ['Replacement demand from new-energy subsidies', 'H', 'L', 'Win two reference customers first', 'Liu Yang'],
      ['Maintenance contracts with current customers', 'L', 'H', 'Quote during quarterly visits', 'Chen Ming'],
      ['Entering overseas markets', 'L', 'L', '', ''],
      ['Driverless pilot at the port', 'H', 'L', 'Assess feasibility with engineering', 'Liu Yang'],
    ],
    thr: [
      ['Competitor bidding low', 'H', 'H', 'Prepare a life-cycle cost comparison', 'Chen Ming'],
      ['Customer finance cutting budget', 'H', 'L', 'Have an instalment plan ready', 'Liu Yang'],
      ['Steel prices pushing up costs', 'L', 'H', 'Lock in prices for six months', 'Liu Yang'],
      ['Key contact moving to another post', 'H', 'H', 'Develop a second insider', 'Chen Ming'],
    ],
  },
};

interface Matrix {
  name: string;
  section: string;
  cols: [string, string, string, string, string, string];
  prompts: [string, string];
  /** Quadrant labels: [high/high, high/low, low/high, low/low] (first rating / second rating). */
  quadrants: [string, string, string, string];
  fills: [string, string, string, string];
  corner: string;
  colHeads: [string, string];
  rowHeads: [string, string];
  rows: [string, H, H, string, string][];
}

type MatrixKey = 'item' | 'first' | 'second' | 'quadrant' | 'action' | 'owner';

/** A matrix block: section band, table, and the 2×2 count grid under it. Returns the table and the grid's last row. */
function matrix(
  b: SheetBuilder,
  lang: Lang,
  m: Matrix,
  sectionRow: number,
  levels: { high: string; low: string },
  example: boolean,
): { table: PlacedTable<MatrixKey>; lastRow: number } {
  const left = LEFT;
  const hi = q(levels.high);
  const [hh, hl, lh, ll] = m.quadrants.map(q);
  const columns: PlanColumn<MatrixKey>[] = [
    { key: 'item', header: m.cols[0] },
    { key: 'first', header: m.cols[1], align: 'center', input: { list: [levels.high, levels.low], prompt: m.prompts[0] } },
    { key: 'second', header: m.cols[2], align: 'center', input: { list: [levels.high, levels.low], prompt: m.prompts[1] } },
    {
      key: 'quadrant',
      header: m.cols[3],
      align: 'center',
      formula: (r, c) => {
        const [a, p] = [`${c.first}${r}`, `${c.second}${r}`];
        return `IF(OR(${a}="",${p}=""),"",IF(${a}=${hi},IF(${p}=${hi},${hh},${hl}),IF(${p}=${hi},${lh},${ll})))`;
      },
    },
    { key: 'action', header: m.cols[4] },
    { key: 'owner', header: m.cols[5] },
  ];
  const level = (x: H) => (x === 'H' ? levels.high : levels.low);
  const data = example
    ? m.rows.map(([item, a, p, action, owner]) => ({ item, first: level(a), second: level(p), action: action || null, owner: owner || null }))
    : undefined;
  const table = planTable(b, lang, { name: `OpportunityThreat_${m.name}`, top: sectionRow + 1, left, columns, rows: BODY_ROWS, data });
  b.at(sectionRow, left, m.section, STYLE.section).merge(rangeRef(sectionRow, left, sectionRow, WIDTH));
  for (let c = left + 1; c <= WIDTH; c++) b.at(sectionRow, c, null, STYLE.section);
  const tl = `${table.col.quadrant}${table.firstRow}`;
  b.conditional({
    ref: table.body('quadrant'),
    rules: m.quadrants.map((label, i) => ({ type: 'expression' as const, formula: `${tl}=${q(label)}`, style: { fill: m.fills[i], font: { bold: true } } })),
  });

  // 2×2 count grid under the table: rows = first rating, columns = second rating; name + count per quadrant.
  const top = table.lastRow + 2;
  const head = STYLE.header;
  b.at(top, left, m.corner, head);
  b.at(top, left + 1, m.colHeads[0], head).at(top, left + 2, null, head).merge(rangeRef(top, left + 1, top, left + 2));
  b.at(top, left + 3, m.colHeads[1], head).at(top, left + 4, null, head).merge(rangeRef(top, left + 3, top, left + 4));
  const quadrants = table.range('quadrant');
  [0, 1].forEach((i) => {
    const r = top + 1 + i;
    b.at(r, left, m.rowHeads[i], head);
    [0, 1].forEach((j) => {
      const k = i * 2 + j;
      const col = left + 1 + j * 2;
      b.at(r, col, m.quadrants[k], style(STYLE.computed, { fill: m.fills[k], font: { bold: true }, alignment: { horizontal: 'center' } }));
      b.at(r, col + 1, { formula: `COUNTIF(${quadrants},${q(m.quadrants[k])})` }, style(STYLE.computed, { font: { bold: true, size: 12 }, alignment: { horizontal: 'center' } }));
    });
  });
  return { table, lastRow: top + 2 };
}

function build(o: TemplateOptions): SheetSpec[] {
  const { lang, example, protect = false } = o;
  const t = translator(messages, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  titleBlock(b, { lang, title: t('title'), purpose: t('purpose'), width: WIDTH, date: o.today ?? new Date(), protect });
  const levels = { high: t('high'), low: t('low') };
  const data = EXAMPLE[lang];

  // Opportunities, then threats under them: each block prints on a page of its own.
  const opp = matrix(
    b,
    lang,
    {
      name: 'Opportunities',
      section: t('opportunitiesSection'),
      cols: [t('colOpportunity'), t('colAttractiveness'), t('colSuccess'), t('colQuadrant'), t('colAction'), t('colOwner')],
      prompts: [t('promptAttractiveness'), t('promptSuccess')],
      quadrants: [t('oppPursue'), t('oppImproveOdds'), t('oppQuickWin'), t('oppIgnore')],
      fills: [COLORS.green, COLORS.yellow, 'DDEBF7', COLORS.tierC],
      corner: t('oppCorner'),
      colHeads: [t('successHigh'), t('successLow')],
      rowHeads: [t('attractivenessHigh'), t('attractivenessLow')],
      rows: data.opp,
    },
    SECTION_ROW,
    levels,
    example,
  );
  const threatsRow = opp.lastRow + 2;
  const thr = matrix(
    b,
    lang,
    {
      name: 'Threats',
      section: t('threatsSection'),
      cols: [t('colThreat'), t('colSeverity'), t('colProbability'), t('colQuadrant'), t('colResponse'), t('colOwner')],
      prompts: [t('promptSeverity'), t('promptProbability')],
      quadrants: [t('thrContingency'), t('thrMonitor'), t('thrRoutine'), t('thrNegligible')],
      fills: [COLORS.red, COLORS.yellow, 'DDEBF7', COLORS.tierC],
      corner: t('thrCorner'),
      colHeads: [t('probabilityHigh'), t('probabilityLow')],
      rowHeads: [t('severityHigh'), t('severityLow')],
      rows: data.thr,
    },
    threatsRow,
    levels,
    example,
  );
  const noteRow = thr.lastRow + 2;
  b.set(cellRef(noteRow, 1), t('note'), TEMPLATE_NOTE).merge(rangeRef(noteRow, 1, noteRow, WIDTH));

  // B holds "Attractiveness" (the longest header) on one line.
  b.widths([34, 15, 13, 15, 32, 12, 8, 8]);
  const heights: Record<number, number> = { 1: 26, 2: 18, 3: 20 };
  for (const m of [opp, thr]) heights[m.table.headerRow] = heights[m.lastRow - 2] = 28;
  b.configure({
    rowHeights: heights,
    freeze: { rows: 3, columns: 0 },
    print: {
      orientation: 'landscape',
      paperSize: 'A4',
      fitToWidth: true,
      titleRows: '1:2',
      area: printArea(rangeRef(1, 1, noteRow, WIDTH)),
      rowBreaks: [threatsRow - 1],
    },
    protection: protect ? { enabled: true } : undefined,
  });
  return [fitRowHeights(b.build(), 2)];
}

const en = translator(messages, 'en-US');
const zh = translator(messages, 'zh-CN');

export const opportunityThreat: TemplateDef = {
  kind: 'opportunity-threat',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build,
};
