import { a4Landscape } from '../core/print-layout';
import messages from '../../i18n/templates/bcg';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { chartCells } from '../core/chart-plan';
import { CNY_WHOLE, planTable, q, validationFor, type PlanColumn, fitRowHeights } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import { DEFAULT_BCG_THRESHOLDS, type BcgQuadrant } from '../../domain/planning/bcg-quadrant';

const RULES_ROW = 7;
const HEADER_ROW = 9;
const BODY_ROWS = 12;
const WIDTH = 9;
const GROWTH_NAME = 'Bcg_GrowthSplit';
const RSM_NAME = 'Bcg_RsmSplit';

/**
 * Example (ours): sales, growth, our share, largest competitor's share →
 * RSM 1.5 cash cow, 1.5 star, 0.25 question mark, 0.25 dog, and 1.0 at 10 % growth (on both splits) → star.
 */
const EXAMPLE: Record<Lang, [string, number, number, number, number][]> = {
  'zh-CN': [
    ['轻型卡车', 12000000, 0.04, 0.18, 0.12],
    ['新能源物流车', 5000000, 0.35, 0.15, 0.1],
    ['冷链专用车', 3000000, 0.15, 0.05, 0.2],
    ['中型客车', 1500000, 0.02, 0.04, 0.16],
    ['售后配件', 2500000, 0.1, 0.1, 0.1],
  ],
  'en-US': [
    ['Light trucks', 12000000, 0.04, 0.18, 0.12],
    ['New-energy delivery vans', 5000000, 0.35, 0.15, 0.1],
    ['Refrigerated trucks', 3000000, 0.15, 0.05, 0.2],
    ['Mid-size buses', 1500000, 0.02, 0.04, 0.16],
    ['Spare parts', 2500000, 0.1, 0.1, 0.1],
  ],
};

const FILLS: Record<BcgQuadrant, string> = { star: COLORS.green, questionMark: COLORS.yellow, cashCow: 'DDEBF7', dog: COLORS.red };

type ProductKey = 'product' | 'sales' | 'growth' | 'share' | 'competitorShare' | 'rsm' | 'quadrant' | 'strategy' | 'notes' | 'chartX';

/** Where the bubble chart puts a product that has no competitor: the right end of its axis. */
const LEADER_X = 10;

function build(o: TemplateOptions): SheetSpec[] {
  const { lang, example, protect = false } = o;
  const t = translator(messages, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  titleBlock(b, { lang, title: t('title'), purpose: t('purpose'), width: WIDTH, date: o.today ?? new Date(), protect });
  const leader = q(t('rsmLeader'));

  // Rules: the two splits, as named input cells every formula refers to.
  b.set(cellRef(RULES_ROW - 1, 1), t('rulesSection'), STYLE.section).merge(rangeRef(RULES_ROW - 1, 1, RULES_ROW - 1, 6));
  const ruleLabel = style(STYLE.label, { border: COLORS.border });
  const ruleInput = style(STYLE.input, { font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } });
  b.at(RULES_ROW, 1, t('growthSplit'), ruleLabel).at(RULES_ROW, 2, DEFAULT_BCG_THRESHOLDS.growthSplit, style(ruleInput, { numFmt: NUMFMT.percent0 }));
  b.at(RULES_ROW, 3, t('rsmSplit'), ruleLabel).at(RULES_ROW, 4, null, ruleLabel).at(RULES_ROW, 5, null, ruleLabel);
  b.merge(rangeRef(RULES_ROW, 3, RULES_ROW, 5));
  b.at(RULES_ROW, 6, DEFAULT_BCG_THRESHOLDS.rsmSplit, style(ruleInput, { numFmt: '0.0"×"' }));
  b.validation(validationFor(lang, cellRef(RULES_ROW, 2), { decimal: [-1, 10], prompt: t('promptGrowthSplit'), shown: ['-100%', '1000%'] }));
  b.validation(validationFor(lang, cellRef(RULES_ROW, 6), { decimal: [0.01, 100], prompt: t('promptRsmSplit') }));
  b.defineName({ name: GROWTH_NAME, ref: cellRef(RULES_ROW, 2, true) });
  b.defineName({ name: RSM_NAME, ref: cellRef(RULES_ROW, 6, true) });

  const label: Record<BcgQuadrant, string> = { star: t('star'), questionMark: t('questionMark'), cashCow: t('cashCow'), dog: t('dog') };
  const strategy: Record<BcgQuadrant, string> = {
    star: t('strategyStar'),
    questionMark: t('strategyQuestionMark'),
    cashCow: t('strategyCashCow'),
    dog: t('strategyDog'),
  };
  const share = (prompt: string) => ({ decimal: [0, 1] as [number, number], prompt, shown: ['0%', '100%'] as [string, string] });
  const columns: PlanColumn<ProductKey>[] = [
    { key: 'product', header: t('colProduct'), width: 24 },
    {
      key: 'sales',
      header: t('colSales'),
      numFmt: NUMFMT.cny,
      input: { decimal: [0, 1e12], prompt: t('promptSales') },
      width: 18,
    },
    {
      key: 'growth',
      header: t('colGrowth'),
      numFmt: NUMFMT.percent,
      align: 'center',
      input: { decimal: [-1, 10], prompt: t('promptGrowth'), shown: ['-100%', '1000%'] },
      width: 15,
    },
    {
      key: 'share',
      header: t('colShare'),
      numFmt: NUMFMT.percent,
      align: 'center',
      input: share(t('promptShare')),
      width: 14,
    },
    {
      key: 'competitorShare',
      header: t('colCompetitorShare'),
      numFmt: NUMFMT.percent,
      align: 'center',
      input: share(t('promptCompetitorShare')),
      width: 18,
    },
    {
      key: 'rsm',
      header: t('colRsm'),
      numFmt: '0.00"×"',
      align: 'center',
      width: 16,
      // No competitor (its share 0) while we sell: we lead, said in words; the quadrant counts it as high share.
      formula: (r, c) => {
        const [D, E] = [`${c.share}${r}`, `${c.competitorShare}${r}`];
        return `IF(AND(ISNUMBER(${D}),ISNUMBER(${E})),IF(${E}>0,${D}/${E},IF(${D}>0,${leader},"")),"")`;
      },
    },
    {
      key: 'quadrant',
      header: t('colQuadrant'),
      align: 'center',
      width: 15,
      formula: (r, c) => {
        const [C, F] = [`${c.growth}${r}`, `${c.rsm}${r}`];
        const high = `OR(${F}=${leader},AND(ISNUMBER(${F}),${F}>=${RSM_NAME}))`;
        return (
          `IF(AND(ISNUMBER(${C}),OR(ISNUMBER(${F}),${F}=${leader})),IF(${C}>=${GROWTH_NAME},IF(${high},${q(label.star)},${q(label.questionMark)}),` +
          `IF(${high},${q(label.cashCow)},${q(label.dog)})),"")`
        );
      },
    },
    {
      key: 'strategy',
      header: t('colStrategy'),
      width: 22,
      formula: (r, c) => {
        const G = `${c.quadrant}${r}`;
        return (
          `IF(${G}="","",IF(${G}=${q(label.star)},${q(strategy.star)},IF(${G}=${q(label.questionMark)},${q(strategy.questionMark)},` +
          `IF(${G}=${q(label.cashCow)},${q(strategy.cashCow)},${q(strategy.dog)}))))`
        );
      },
    },
    { key: 'notes', header: t('colNotes'), width: 18 },
    // Hidden: the bubble chart's x values (a chart cannot place a word on its axis).
    {
      key: 'chartX',
      header: t('colChartX'),
      numFmt: '0.00',
      width: 12,
      hidden: true,
      formula: (r, c) => {
        const F = `${c.rsm}${r}`;
        return `IF(ISNUMBER(${F}),${F},IF(${F}=${leader},${LEADER_X},""))`;
      },
    },
  ];
  const data = example
    ? EXAMPLE[lang].map(([product, sales, growth, share, competitorShare]) => ({ product, sales, growth, share, competitorShare }))
    : undefined;
  const table = planTable(b, lang, { name: 'Bcg_Products', top: HEADER_ROW, left: 1, columns, rows: BODY_ROWS, data });
  const quadrantBody = table.body('quadrant');
  const tl = quadrantBody.split(':')[0];
  b.conditional({
    ref: quadrantBody,
    rules: (Object.keys(label) as BcgQuadrant[]).map((k) => ({ type: 'expression' as const, formula: `${tl}=${q(label[k])}`, style: { fill: FILLS[k], font: { bold: true } } })),
  });

  // Portfolio summary per quadrant.
  const top = table.lastRow + 2;
  b.set(cellRef(top, 1), t('summarySection'), STYLE.section).merge(rangeRef(top, 1, top, 4));
  const sumTable = planTable(b, lang, {
    name: 'Bcg_Portfolio',
    top: top + 1,
    left: 1,
    rows: 4,
    columns: [
      { key: 'quadrant', header: t('sumQuadrant'), labels: Object.values(label) },
      {
        key: 'products',
        header: t('sumProducts'),
        align: 'center',
        formula: (r, c) => `COUNTIF(${table.range('quadrant')},${c.quadrant}${r})`,
      },
      {
        key: 'sales',
        header: t('sumSales'),
        numFmt: CNY_WHOLE,
        formula: (r, c) => `SUMIF(${table.range('quadrant')},${c.quadrant}${r},${table.range('sales')})`,
      },
      {
        key: 'share',
        header: t('sumShare'),
        numFmt: NUMFMT.percent,
        align: 'center',
        formula: (r, c) => {
          const all = `$${c.sales}$${top + 2}:$${c.sales}$${top + 5}`;
          return `IF(SUM(${all})=0,"",${c.sales}${r}/SUM(${all}))`;
        },
      },
    ],
  });
  b.conditional({
    ref: sumTable.body('quadrant'),
    rules: (Object.keys(label) as BcgQuadrant[]).map((k) => ({
      type: 'expression' as const,
      formula: `${sumTable.col.quadrant}${sumTable.firstRow}=${q(label[k])}`,
      style: { fill: FILLS[k] },
    })),
  });
  const noteRow = sumTable.lastRow + 1;
  b.set(cellRef(noteRow, 1), t('summaryNote'), TEMPLATE_NOTE).merge(rangeRef(noteRow, 1, noteRow, 4));

  const heights: Record<number, number> = { 1: 26, 2: 18, 3: 20, [RULES_ROW]: 22, [HEADER_ROW]: 32, [noteRow]: 40 };
  b.configure({
    rowHeights: heights,
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: a4Landscape(printArea(rangeRef(1, 1, noteRow, WIDTH)), `${HEADER_ROW}:${HEADER_ROW}`),
    protection: protect ? { enabled: true } : undefined,
    charts: [
      {
        kind: 'bubble',
        title: t('chartTitle'),
        categories: table.body('chartX'),
        series: [{ name: t('chartSeries'), values: table.body('growth'), sizes: table.body('sales') }],
        anchor: cellRef(top, 6),
        width: 420,
        // Low enough to end on the first printed page with the table above it.
        height: 200,
        xAxis: { log: true, min: 0.1, max: 10, title: t('axisRsm') },
        yAxis: { title: t('axisGrowth'), numFmt: '0%' },
      },
    ],
  });
  const sheet = fitRowHeights(b.build());
  // The bubble chart sits below the table beside the summary: the print area reaches down to it.
  const chart = chartCells(sheet, sheet.charts![0]);
  return [{ ...sheet, print: { ...sheet.print!, area: printArea(rangeRef(1, 1, Math.max(noteRow, chart.bottom), Math.max(WIDTH, chart.right))) } }];
}

const en = translator(messages, 'en-US');
const zh = translator(messages, 'zh-CN');

export const bcg: TemplateDef = {
  kind: 'bcg',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build,
};
