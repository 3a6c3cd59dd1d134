import { a4Landscape } from '../core/print-layout';
import messages from '../../i18n/templates/ansoff';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import { monthEnd } from '../core/example-dates';
import { CNY_WHOLE, planTable, q, type PlanColumn, fitRowHeights } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import type { AnsoffQuadrant } from '../../domain/planning/ansoff-quadrant';

const HEADER_ROW = 6;
const BODY_ROWS = 12;
const WIDTH = 9;

/** Example (ours): 2 × penetration (¥1.4M), 1 each of product development, market development, diversification. */
/** Initiative, target, product, market, expected sales, owner, due (end of the month this many months after the report month). */
const EXAMPLE: Record<Lang, [string, string, 'existing' | 'new', 'existing' | 'new', number, string, number][]> = {
  'zh-CN': [
    ['向现有客户追加配件与保养合同', '华东物流集团', 'existing', 'existing', 800000, '陈明', 3],
    ['向现有客户推出新能源车型', '华东物流集团', 'new', 'existing', 1500000, '刘洋', 6],
    ['把现有车型推向西南冷链客户', '西南冷链企业', 'existing', 'new', 1200000, '陈明', 9],
    ['为港口客户开发无人驾驶牵引车', '港口运营商', 'new', 'new', 3000000, '刘洋', 15],
    ['以旧换新提高车队份额', '华东物流集团', 'existing', 'existing', 600000, '陈明', 4],
  ],
  'en-US': [
    ['Add parts and maintenance contracts for current customers', 'East China Logistics Group', 'existing', 'existing', 800000, 'Chen Ming', 3],
    ['Offer new-energy models to current customers', 'East China Logistics Group', 'new', 'existing', 1500000, 'Liu Yang', 6],
    ['Take current models to cold-chain customers in the south-west', 'South-west cold-chain firms', 'existing', 'new', 1200000, 'Chen Ming', 9],
    ['Develop driverless tractors for port operators', 'Port operators', 'new', 'new', 3000000, 'Liu Yang', 15],
    ['Trade-in offer to raise our fleet share', 'East China Logistics Group', 'existing', 'existing', 600000, 'Chen Ming', 4],
  ],
};

type InitiativeKey = 'initiative' | 'target' | 'product' | 'market' | 'quadrant' | 'risk' | 'sales' | 'owner' | 'due';

function build(o: TemplateOptions): SheetSpec[] {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(messages, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  titleBlock(b, { lang, title: t('title'), purpose: t('purpose'), width: WIDTH, date: today, protect });

  const flags = { existing: t('existing'), new: t('new') };
  const quadrant: Record<AnsoffQuadrant, string> = {
    marketPenetration: t('penetration'),
    productDevelopment: t('productDevelopment'),
    marketDevelopment: t('marketDevelopment'),
    diversification: t('diversification'),
  };
  const ex = q(flags.existing);
  const columns: PlanColumn<InitiativeKey>[] = [
    { key: 'initiative', header: t('colInitiative'), width: 34 },
    { key: 'target', header: t('colTarget'), width: 22 },
    {
      key: 'product',
      header: t('colProduct'),
      align: 'center',
      input: { list: [flags.existing, flags.new], prompt: t('promptProduct') },
      width: 13,
    },
    {
      key: 'market',
      header: t('colMarket'),
      align: 'center',
      input: { list: [flags.existing, flags.new], prompt: t('promptMarket') },
      width: 13,
    },
    {
      key: 'quadrant',
      header: t('colQuadrant'),
      align: 'center',
      width: 20,
      formula: (r, c) => {
        const [P, M] = [`${c.product}${r}`, `${c.market}${r}`];
        return (
          `IF(OR(${P}="",${M}=""),"",IF(${P}=${ex},IF(${M}=${ex},${q(quadrant.marketPenetration)},${q(quadrant.marketDevelopment)}),` +
          `IF(${M}=${ex},${q(quadrant.productDevelopment)},${q(quadrant.diversification)})))`
        );
      },
    },
    {
      key: 'risk',
      header: t('colRisk'),
      align: 'center',
      width: 16,
      formula: (r, c) => {
        const Q = `${c.quadrant}${r}`;
        return `IF(${Q}="","",IF(${Q}=${q(quadrant.marketPenetration)},${q(t('riskLow'))},IF(${Q}=${q(quadrant.diversification)},${q(t('riskHigh'))},${q(t('riskMedium'))})))`;
      },
    },
    {
      key: 'sales',
      header: t('colSales'),
      numFmt: NUMFMT.cny,
      input: { decimal: [0, 1e12], prompt: t('promptSales') },
      width: 18,
    },
    { key: 'owner', header: t('colOwner'), width: 11 },
    {
      key: 'due',
      header: t('colDue'),
      numFmt: NUMFMT.date,
      align: 'center',
      input: { date: true, prompt: t('promptDue') },
      width: 12,
    },
  ];
  const data = example
    ? EXAMPLE[lang].map(([initiative, target, p, m, sales, owner, due]) => ({
        initiative,
        target,
        product: flags[p],
        market: flags[m],
        sales,
        owner,
        due: monthEnd(today, due),
      }))
    : undefined;
  const table = planTable(b, lang, { name: 'Ansoff_Initiatives', top: HEADER_ROW, left: 1, columns, rows: BODY_ROWS, data });
  const quadrants = table.range('quadrant');
  const sales = table.range('sales');

  const riskBody = table.body('risk');
  const riskTl = riskBody.split(':')[0];
  b.conditional({
    ref: riskBody,
    rules: [
      { type: 'expression', formula: `${riskTl}=${q(t('riskHigh'))}`, style: { fill: COLORS.red, font: { color: COLORS.redText } } },
      { type: 'expression', formula: `${riskTl}=${q(t('riskMedium'))}`, style: { fill: COLORS.yellow, font: { color: COLORS.yellowText } } },
      { type: 'expression', formula: `${riskTl}=${q(t('riskLow'))}`, style: { fill: COLORS.green, font: { color: COLORS.greenText } } },
    ],
  });

  // 2×2 summary: rows = market, columns = product; each quadrant shows its name, then count and sales.
  const top = table.lastRow + 2;
  b.set(cellRef(top, 1), t('summarySection'), STYLE.section).merge(rangeRef(top, 1, top, WIDTH));
  const head = STYLE.header;
  const corner = top + 1;
  b.at(corner, 2, t('corner'), head);
  b.at(corner, 3, t('existingProduct'), head).at(corner, 4, null, head).merge(rangeRef(corner, 3, corner, 4));
  b.at(corner, 5, t('newProduct'), head).at(corner, 6, null, head).merge(rangeRef(corner, 5, corner, 6));
  const grid: [string, AnsoffQuadrant, AnsoffQuadrant][] = [
    [t('existingMarket'), 'marketPenetration', 'productDevelopment'],
    [t('newMarket'), 'marketDevelopment', 'diversification'],
  ];
  const fills: Record<AnsoffQuadrant, string> = {
    marketPenetration: COLORS.green,
    productDevelopment: COLORS.yellow,
    marketDevelopment: COLORS.yellow,
    diversification: COLORS.red,
  };
  const count = (qd: AnsoffQuadrant) => `COUNTIF(${quadrants},${q(quadrant[qd])})`;
  const sum = (qd: AnsoffQuadrant) => `SUMIF(${quadrants},${q(quadrant[qd])},${sales})`;
  grid.forEach(([market, left, right], i) => {
    const r = corner + 1 + i * 3;
    b.at(r, 2, market, head).at(r + 1, 2, null, head).at(r + 2, 2, null, head).merge(rangeRef(r, 2, r + 2, 2));
    [left, right].forEach((qd, j) => {
      const col = 3 + j * 2;
      const name = style(STYLE.computed, { fill: fills[qd], font: { bold: true }, alignment: { horizontal: 'center' } });
      b.at(r, col, quadrant[qd], name).at(r, col + 1, null, name).merge(rangeRef(r, col, r, col + 1));
      const sub = style(STYLE.computed, { font: { italic: true, size: 10, color: COLORS.note }, alignment: { horizontal: 'center' } });
      b.at(r + 1, col, t('countHeader'), sub).at(r + 1, col + 1, t('salesHeader'), sub);
      const num = style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } });
      b.at(r + 2, col, { formula: count(qd) }, num).at(r + 2, col + 1, { formula: sum(qd) }, style(num, { numFmt: CNY_WHOLE }));
    });
  });
  const noteRow = corner + 7;
  b.set(cellRef(noteRow, 1), t('summaryNote'), TEMPLATE_NOTE).merge(rangeRef(noteRow, 1, noteRow, WIDTH));

  const heights: Record<number, number> = { 1: 26, 2: 18, 3: 20, [HEADER_ROW]: 30, [corner]: 24 };
  b.configure({
    rowHeights: heights,
    freeze: { rows: HEADER_ROW, columns: 1 },
    print: a4Landscape(printArea(rangeRef(1, 1, noteRow, WIDTH)), `${HEADER_ROW}:${HEADER_ROW}`),
    protection: protect ? { enabled: true } : undefined,
  });
  return [fitRowHeights(b.build())];
}

const en = translator(messages, 'en-US');
const zh = translator(messages, 'zh-CN');

export const ansoff: TemplateDef = {
  kind: 'ansoff',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build,
};
