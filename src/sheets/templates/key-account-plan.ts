import catalog from '../../i18n/templates/key-account-plan';
import { translator } from '../../i18n/define';
import { cellRef, printArea, rangeRef } from '../core/a1';
import common from '../../i18n/common';
import { messageFormula } from '../core/formula-text';
import { monthStart } from '../core/example-dates';
import { customerTypes, fitRowHeights, FLAG_STYLE, OK_STYLE, planTable, q, rowCells, validationFor, type InputRule } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, CellStyle, Lang, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, TEMPLATE_NOTE, style } from '../core/styles';
import type { TemplateDef, TemplateOptions } from './registry';
import { titleBlock } from '../core/title-block';
import { sectionBand } from '../core/section-band';
import { a4Landscape, keepBlocksTogether } from '../core/print-layout';

const WIDTH = 8;
const TRADING_MONTHS = 12;
/** Decision makers the plan has room for: a key account's whole buying centre. */
export const DECISION_MAKERS = 8;

const zh = translator(catalog, 'zh-CN');
const en = translator(catalog, 'en-US');

export const keyAccountPlan: TemplateDef = {
  kind: 'key-account-plan',
  title: { 'zh-CN': zh('title'), 'en-US': en('title') },
  purpose: { 'zh-CN': zh('purpose'), 'en-US': en('purpose') },
  build: (o) => [buildKeyAccountPlan(o)],
};

const LABEL: CellStyle = style(STYLE.label, { alignment: { horizontal: 'left', vertical: 'middle', wrapText: true } });
const NOTE: CellStyle = style(TEMPLATE_NOTE, { alignment: { vertical: 'middle' } });
/** A check message: red text, shown only when something is wrong. */
const FLAG_TEXT: CellStyle = style(STYLE.computed, { font: { bold: true, color: COLORS.redText } });
const MONEY_IN: CellStyle = style(STYLE.input, { numFmt: NUMFMT.cny, alignment: { vertical: 'middle' } });
const MONEY_OUT: CellStyle = style(STYLE.computed, { numFmt: NUMFMT.cny });
const CENTRED = 'center' as const;

function buildKeyAccountPlan(o: TemplateOptions): SheetSpec {
  const { lang, example, protect = false } = o;
  const today = o.today ?? new Date();
  const t = translator(catalog, lang);
  const c = translator(common, lang);
  const b = new SheetBuilder(t('sheetName'), o);
  const { nextRow } = titleBlock(b, {
    lang,
    title: t('title'),
    purpose: t('purpose'),
    width: WIDTH,
    date: today,
    planName: t('planName'),
    protect,
  });
  const ex = example ? EXAMPLE[lang] : undefined;
  const rowHeights: Record<number, number> = { 1: 26, 2: 18, 3: 20 };
  const sectionStarts: number[] = [];
  let row = nextRow;

  const section = (text: string) => {
    sectionStarts.push(row);
    sectionBand(b, row, WIDTH, text);
    rowHeights[row] = 22;
    row += 1;
  };
  const subsection = (text: string) => {
    sectionStarts.push(row);
    b.at(row, 1, text, style(STYLE.label, { alignment: { horizontal: 'left' } }));
    row += 1;
  };
  /** A value spread over columns from..to of one row, merged when it spans more than one. */
  const spread = (r: number, from: number, to: number, value: CellContent, cellStyle: CellStyle) => {
    b.at(r, from, value, cellStyle);
    if (to > from) b.fill(rangeRef(r, from, r, to), cellStyle).merge(rangeRef(r, from, r, to));
    return cellRef(r, from);
  };
  // Long entries wrap; fitRowHeights below sizes the rows to them.
  const wrapRows = (from: number, to: number) => {
    for (let r = from; r <= to; r++) {
      for (let col = 1; col <= WIDTH; col++) {
        const cell = b.get(cellRef(r, col));
        if (cell) cell.style = style(cell.style, { alignment: { wrapText: true, vertical: 'middle' } });
      }
    }
  };
  const textIn = style(STYLE.input, { alignment: { vertical: 'middle' } });

  // 1. Purpose: one free-text box.
  section(t('sectionPurpose'));
  b.at(row, 1, ex?.purpose ?? null, textIn);
  b.fill(rangeRef(row, 1, row + 1, WIDTH), textIn).merge(rangeRef(row, 1, row + 1, WIDTH));
  rowHeights[row] = rowHeights[row + 1] = 20;
  row += 3;

  // 2. Classification.
  section(t('sectionClassification'));
  const tiers = [t('tierStrategic'), t('tierKey'), t('tierGeneral')];
  b.at(row, 1, t('accountName'), LABEL);
  spread(row, 2, 4, ex?.account ?? null, textIn);
  b.at(row, 5, t('serviceTier'), LABEL);
  const tierRef = spread(row, 6, 8, ex ? tiers[ex.tier] : null, textIn);
  b.validation(validationFor(lang, tierRef, { list: tiers, prompt: t('tierPrompt') }));
  row += 1;
  b.at(row, 1, t('productCategory'), LABEL);
  spread(row, 2, 4, ex?.category ?? null, textIn);
  b.at(row, 5, t('customerNature'), LABEL);
  const types = customerTypes(lang);
  const typeRef = spread(row, 6, 8, ex ? types[ex.type] : null, textIn);
  b.validation(validationFor(lang, typeRef, { list: types, prompt: c('typePrompt') }));
  row += 1;
  b.at(row, 1, t('serviceContent'), LABEL);
  spread(row, 2, WIDTH, ex?.service ?? null, textIn);
  row += 2;

  // 3. Account information: business ratios, sales information, top decision makers.
  section(t('sectionInformation'));
  subsection(t('subBusiness'));
  // Each value cell explains its metric in its own input message.
  // A share of the whole is 0–100 %; margins and returns may be negative.
  const share: InputRule = { decimal: [0, 1], prompt: '', shown: ['0%', '100%'] };
  const ratio: InputRule = { decimal: [-1, 1], prompt: '', shown: ['-100%', '100%'] };
  const days: InputRule = { whole: [0, 3650], prompt: '' };
  const metrics = [
    { label: t('metricCurrentAssets'), prompt: t('promptCurrentAssets'), rule: share },
    { label: t('metricNetMargin'), prompt: t('promptNetMargin'), rule: ratio },
    { label: t('metricReturnOnAssets'), prompt: t('promptReturnOnAssets'), rule: ratio },
    { label: t('metricCollection'), prompt: t('promptCollection'), rule: days },
    { label: t('metricInventory'), prompt: t('promptInventory'), rule: days },
  ];
  const business = planTable(b, lang, {
    name: 'KeyAccountPlan_Business',
    top: row,
    left: 1,
    rows: metrics.length,
    columns: [
      { key: 'metric', header: t('colMetric'), labels: metrics.map((m) => m.label) },
      { key: 'value', header: t('colValue'), align: CENTRED },
      { key: 'notes', header: t('colNotes') },
    ],
    data: metrics.map((_, i) => ({ value: ex?.business[i][0] ?? null, notes: ex?.business[i][1] ?? null })),
  });
  metrics.forEach((m, i) => {
    const r = business.firstRow + i;
    const ref = cellRef(r, business.index('value'));
    const cell = b.get(ref)!;
    cell.style = style(cell.style, { numFmt: 'whole' in m.rule ? '0' : NUMFMT.percent });
    b.validation(validationFor(lang, ref, { ...m.rule, prompt: m.prompt }));
  });
  row = business.lastRow + 2;

  subsection(t('subSales'));
  b.at(row, 1, t('salesBuyers'), LABEL);
  spread(row, 2, WIDTH, ex?.buyers ?? null, textIn);
  row += 1;
  b.at(row, 1, t('salesLogistics'), LABEL);
  spread(row, 2, WIDTH, ex?.logistics ?? null, textIn);
  row += 2;

  subsection(t('subDecisionMakers'));
  const people = planTable(b, lang, {
    name: 'KeyAccountPlan_DecisionMakers',
    top: row,
    left: 1,
    rows: DECISION_MAKERS,
    columns: [
      { key: 'name', header: t('colName') },
      { key: 'position', header: t('colPosition') },
      { key: 'character', header: t('colCharacter') },
      { key: 'pressure', header: t('colPressure') },
      { key: 'hobbies', header: t('colHobbies'), personal: true },
      { key: 'family', header: t('colFamily'), personal: true },
      { key: 'notes', header: t('colNotes') },
    ],
    data: ex?.people.map(([name, position, character, pressure, hobbies, family, notes]) => ({
      name,
      position,
      character,
      pressure,
      hobbies,
      family,
      notes,
    })),
  });
  rowHeights[people.headerRow] = 30;
  wrapRows(people.firstRow, people.lastRow);
  row = people.lastRow + 2;

  // 4. Purchase influence factors.
  section(t('sectionFactors'));
  const impacts = [t('impactHigh'), t('impactMedium'), t('impactLow')];
  const factors = planTable(b, lang, {
    name: 'KeyAccountPlan_Factors',
    top: row,
    left: 1,
    rows: 3,
    columns: [
      { key: 'factor', header: t('colFactor'), labels: [t('factorCost'), t('factorTechnical'), t('factorPolicy')] },
      { key: 'impact', header: t('colImpact'), align: CENTRED, input: { list: impacts, prompt: t('impactPrompt') } },
      { key: 'situation', header: t('colSituation') },
      { key: 'response', header: t('colResponse') },
    ],
    data: [0, 1, 2].map((i) => {
      const f = ex?.factors[i];
      return { impact: f ? impacts[f[0]] : null, situation: f?.[1] ?? null, response: f?.[2] ?? null };
    }),
  });
  wrapRows(factors.firstRow, factors.lastRow);
  row = factors.lastRow + 2;

  // 5. Trading record with our share of the account's purchases.
  section(t('sectionTrading'));
  const moneyRule: InputRule = { decimal: [0, 1e12], prompt: t('amountPrompt') };
  const trading = planTable(b, lang, {
    name: 'KeyAccountPlan_Trading',
    top: row,
    left: 1,
    rows: TRADING_MONTHS,
    columns: [
      { key: 'month', header: t('colMonth'), numFmt: 'yyyy-mm', align: CENTRED },
      { key: 'sales', header: t('colTheirSales'), numFmt: NUMFMT.cny, input: moneyRule },
      { key: 'purchases', header: t('colTheirPurchases'), numFmt: NUMFMT.cny, input: moneyRule },
      { key: 'ours', header: t('colOurSupply'), numFmt: NUMFMT.cny, input: moneyRule },
      {
        key: 'share',
        header: t('colShare'),
        numFmt: NUMFMT.percent,
        align: CENTRED,
        formula: (r, col) => {
          const x = rowCells(col, r);
          return `IF(OR(${x.purchases}="",${x.ours}=""),"",IF(${x.purchases}=0,"",${x.ours}/${x.purchases}))`;
        },
      },
      { key: 'item', header: t('colMainItem') },
      { key: 'notes', header: t('colNotes') },
    ],
    data: ex?.trading.map(([month, sales, purchases, ours, item]) => ({
      month: monthStart(today, month),
      sales,
      purchases,
      ours,
      item,
    })),
  });
  rowHeights[trading.headerRow] = 30;
  b.validation(validationFor(lang, trading.body('month'), { date: true, prompt: t('monthPrompt') }));
  row = trading.lastRow + 1;
  b.at(row, trading.index('month'), t('total'), style(LABEL, { alignment: { horizontal: 'center' } }));
  const totalOf = (key: 'sales' | 'purchases' | 'ours') => cellRef(row, trading.index(key));
  for (const key of ['sales', 'purchases', 'ours'] as const)
    b.set(totalOf(key), { formula: `SUM(${trading.range(key)})` }, style(MONEY_OUT, { font: { bold: true } }));
  const totalShare = cellRef(row, trading.index('share'));
  b.set(
    totalShare,
    { formula: `IF(${totalOf('purchases')}=0,"",${totalOf('ours')}/${totalOf('purchases')})` },
    style(STYLE.computed, { numFmt: NUMFMT.percent, font: { bold: true }, alignment: { horizontal: CENTRED } }),
  );
  // Our supply above their purchases is a typing error somewhere: say so beside the total.
  const shares = trading.range('share');
  const over = `COUNTIF(${shares},">1")`;
  const checkRange = rangeRef(row, trading.index('item'), row, trading.right);
  b.at(row, trading.index('item'), { formula: `IF(${over}=0,"",${messageFormula(t('shareOver'), { n: over })})` }, FLAG_TEXT)
    .fill(checkRange, FLAG_TEXT)
    .merge(checkRange);
  b.conditional({ ref: trading.body('share'), rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['1'], style: FLAG_STYLE }] });
  row += 1;
  b.at(row, 1, t('shareNote'), TEMPLATE_NOTE).merge(rangeRef(row, 1, row, WIDTH));
  row += 2;

  // 6. Competitors.
  section(t('sectionCompetitors'));
  const competitors = planTable(b, lang, {
    name: 'KeyAccountPlan_Competitors',
    top: row,
    left: 1,
    rows: 4,
    columns: [
      { key: 'competitor', header: t('colCompetitor') },
      { key: 'products', header: t('colProducts') },
      {
        key: 'share',
        header: t('colCompetitorShare'),
        numFmt: NUMFMT.percent0,
        align: CENTRED,
        input: { decimal: [0, 1], prompt: t('sharePrompt'), shown: ['0%', '100%'] },
      },
      { key: 'strengths', header: t('colStrengths') },
      { key: 'weaknesses', header: t('colWeaknesses') },
      { key: 'response', header: t('colResponse') },
    ],
    data: ex?.competitors.map(([competitor, products, share, strengths, weaknesses, response]) => ({
      competitor,
      products,
      share,
      strengths,
      weaknesses,
      response,
    })),
  });
  wrapRows(competitors.firstRow, competitors.lastRow);
  const competitorTotal = `SUM(${competitors.range('share')})`;
  b.at(
    competitors.lastRow + 1,
    1,
    { formula: `IF(${competitorTotal}>1,${messageFormula(t('competitorShareOver'), { total: `TEXT(${competitorTotal},"0%")` })},"")` },
    FLAG_TEXT,
  ).merge(rangeRef(competitors.lastRow + 1, 1, competitors.lastRow + 1, WIDTH));
  row = competitors.lastRow + 3;

  // 7. Cost and sales forecast: is the account worth developing?
  section(t('sectionForecast'));
  const line = (label: string, value: CellContent, valueStyle: CellStyle, note?: string) => {
    b.at(row, 1, label, LABEL);
    const ref = cellRef(row, 2, true);
    b.at(row, 2, value, valueStyle);
    if (note) spread(row, 3, WIDTH, note, NOTE);
    row += 1;
    return ref;
  };
  const f = ex?.forecast;
  const moneyPrompt = t('moneyPrompt');
  const sales = line(t('expectedSales'), f?.sales ?? null, MONEY_IN);
  const margin = line(t('grossMargin'), f?.margin ?? null, style(textIn, { numFmt: NUMFMT.percent }));
  const profit = line(
    t('expectedProfit'),
    { formula: `IF(COUNT(${sales},${margin})<2,"",${sales}*${margin})` },
    MONEY_OUT,
    t('noteProfit'),
  );
  const costFirst = row;
  line(t('inventoryInterest'), f?.inventoryInterest ?? null, MONEY_IN, t('noteInventoryInterest'));
  line(t('staffCost'), f?.staff ?? null, MONEY_IN);
  line(t('travelCost'), f?.travel ?? null, MONEY_IN);
  line(t('managementCost'), f?.management ?? null, MONEY_IN);
  const costs = line(t('totalCosts'), { formula: `SUM(${rangeRef(costFirst, 2, row - 1, 2, true)})` }, MONEY_OUT);
  const risk = line(t('riskCoefficient'), f?.risk ?? null, style(textIn, { numFmt: NUMFMT.percent0 }), t('noteRisk'));
  // Risk discounts the expected profit, never the costs (docs/rules/templates/key-account-plan.md).
  const adjusted = line(
    t('riskAdjusted'),
    { formula: `IF(COUNT(${sales},${margin},${risk})<3,"",${profit}*(1-${risk})-${costs})` },
    style(MONEY_OUT, { font: { bold: true } }),
    t('noteRiskAdjusted'),
  );
  const hurdle = line(t('hurdle'), 0, MONEY_IN, t('noteHurdle'));
  const verdictRow = row;
  const verdict = cellRef(verdictRow, 2, true);
  b.at(verdictRow, 1, t('verdict'), LABEL);
  spread(
    verdictRow,
    2,
    4,
    {
      formula: `IF(${adjusted}="",${q(t('verdictPending'))},IF(${adjusted}>${hurdle},${q(t('verdictWorth'))},${q(t('verdictNotWorth'))}))`,
    },
    style(STYLE.computed, { font: { bold: true } }),
  );
  b.conditional({
    ref: rangeRef(verdictRow, 2, verdictRow, 4),
    rules: [
      { type: 'expression', formula: `${verdict}=${q(t('verdictWorth'))}`, style: OK_STYLE },
      { type: 'expression', formula: `${verdict}=${q(t('verdictNotWorth'))}`, style: FLAG_STYLE },
    ],
  });
  for (const [ref, rule] of [
    [sales, { decimal: [0, 1e12], prompt: moneyPrompt }],
    [margin, { decimal: [-1, 1], prompt: t('marginPrompt'), shown: ['-100%', '100%'] }],
    [risk, { decimal: [0, 1], prompt: t('riskPrompt'), shown: ['0%', '100%'] }],
    [hurdle, { decimal: [-1e12, 1e12], prompt: t('noteHurdle') }],
  ] as [string, InputRule][])
    b.validation(validationFor(lang, ref.replace(/\$/g, ''), rule));
  b.validation(
    validationFor(lang, rangeRef(costFirst, 2, costFirst + 3, 2), { decimal: [0, 1e12], prompt: moneyPrompt }),
  );
  row += 2;

  // 8. Six sources of competitive advantage.
  section(t('sectionAdvantages'));
  const advantages = [
    t('advantageCost'),
    t('advantageRevenue'),
    t('advantageWaste'),
    t('advantageEfficiency'),
    t('advantageSolution'),
    t('advantageIntangible'),
  ];
  const advantageTable = planTable(b, lang, {
    name: 'KeyAccountPlan_Advantages',
    top: row,
    left: 1,
    rows: advantages.length,
    columns: [
      { key: 'source', header: t('colSource'), labels: advantages },
      {
        key: 'confidence',
        header: t('colConfidence'),
        align: CENTRED,
        input: { list: impacts, prompt: t('confidencePrompt') },
      },
      {
        key: 'value',
        header: t('colValueCreated'),
        numFmt: NUMFMT.cny,
        input: { decimal: [0, 1e12], prompt: t('valuePrompt') },
      },
      { key: 'measures', header: t('colMeasures') },
    ],
    data: advantages.map((_, i) => {
      const a = ex?.advantages[i];
      return { confidence: a ? impacts[a[0]] : null, value: a?.[1] ?? null, measures: a?.[2] ?? null };
    }),
  });
  rowHeights[advantageTable.headerRow] = 30;
  wrapRows(advantageTable.firstRow, advantageTable.lastRow);
  row = advantageTable.lastRow + 1;
  b.at(row, advantageTable.index('source'), t('total'), style(LABEL, { alignment: { horizontal: 'center' } }));
  b.at(
    row,
    advantageTable.index('value'),
    { formula: `SUM(${advantageTable.range('value')})` },
    style(MONEY_OUT, { font: { bold: true } }),
  );
  row += 2;

  // 9. Relationship stage, with the next goal and a consistency check.
  section(t('sectionRelationship'));
  const stages = [
    t('stageNascent'),
    t('stageBasic'),
    t('stageMid'),
    t('stagePartnership'),
    t('stageCollaborative'),
    t('stageInterrupted'),
  ];
  const descriptions = [
    t('describeNascent'),
    t('describeBasic'),
    t('describeMid'),
    t('describePartnership'),
    t('describeCollaborative'),
    t('describeInterrupted'),
  ];
  const causes = [
    t('causeStaff'),
    t('causeTrust'),
    t('causePersistence'),
    t('causeCulture'),
    t('causeQuality'),
    t('causeMarket'),
    t('causeFinance'),
  ];
  const stageRow = row;
  const causeRow = row + 1;
  const notesRow = row + 2;
  const referenceTop = row + 4;
  const stageList = rangeRef(referenceTop + 1, 1, referenceTop + stages.length, 1, true);
  const [collaborative, interrupted] = [q(stages[4]), q(stages[5])];
  b.at(stageRow, 1, t('currentStage'), LABEL);
  const stage = spread(stageRow, 2, 3, ex ? stages[ex.stage] : null, textIn);
  b.validation(validationFor(lang, rangeRef(stageRow, 2, stageRow, 3), { list: stages, prompt: t('stagePrompt') }));
  b.at(causeRow, 1, t('interruptionCause'), LABEL);
  const cause = spread(causeRow, 2, 3, ex && ex.cause !== null ? causes[ex.cause] : null, textIn);
  b.validation(validationFor(lang, rangeRef(causeRow, 2, causeRow, 3), { list: causes, prompt: t('causePrompt') }));
  b.at(stageRow, 4, t('nextGoal'), LABEL);
  spread(
    stageRow,
    5,
    WIDTH,
    {
      formula:
        `IF(${stage}="","",IF(${stage}=${interrupted},${q(t('goalRestore'))},` +
        `IF(${stage}=${collaborative},${q(t('goalKeep'))},IFERROR(INDEX(${stageList},MATCH(${stage},${stageList},0)+1),""))))`,
    },
    style(STYLE.computed, { font: { bold: true } }),
  );
  b.at(causeRow, 4, t('relationshipCheck'), LABEL);
  const check = spread(
    causeRow,
    5,
    WIDTH,
    {
      formula:
        `IF(AND(${stage}=${interrupted},${cause}=""),${q(t('checkNeedCause'))},` +
        `IF(AND(${stage}<>${interrupted},${cause}<>""),${q(t('checkCauseUnused'))},""))`,
    },
    STYLE.computed,
  );
  b.conditional({
    ref: rangeRef(causeRow, 5, causeRow, WIDTH),
    rules: [{ type: 'expression', formula: `${check}<>""`, style: FLAG_STYLE }],
  });
  b.at(notesRow, 1, t('relationshipNotes'), LABEL);
  spread(notesRow, 2, WIDTH, ex?.relationshipNotes ?? null, textIn);

  b.at(referenceTop, 1, t('stagesReference'), style(STYLE.label, { alignment: { horizontal: 'left' } }));
  stages.forEach((s, i) => {
    const r = referenceTop + 1 + i;
    b.at(r, 1, s, style(STYLE.computed, { font: { bold: true } }));
    spread(r, 2, WIDTH, descriptions[i], STYLE.computed);
  });
  b.conditional({
    ref: rangeRef(referenceTop + 1, 1, referenceTop + stages.length, 1),
    rules: [{ type: 'expression', formula: `$A${referenceTop + 1}=${cellRef(stageRow, 2, true)}`, style: OK_STYLE }],
  });
  const last = referenceTop + stages.length;

  b.widths([24, 18, 18, 20, 20, 20, 18, 26]);
  const sheet = b
    .configure({
      rowHeights,
      freeze: { rows: 2, columns: 0 },
      print: a4Landscape(printArea(rangeRef(1, 1, last, WIDTH)), '1:2'),
      protection: protect ? { enabled: true } : undefined,
      personalRanges: people.personal,
    })
    .build();
  const fitted = fitRowHeights(sheet, 2);
  // Each numbered section starts a new page when it would not fit on the current one.
  return { ...fitted, print: { ...fitted.print!, rowBreaks: keepBlocksTogether(fitted, sectionStarts) } };
}

interface Example {
  purpose: string;
  account: string;
  /** index into strategic / key / general */
  tier: number;
  category: string;
  /** index into the customer types */
  type: number;
  service: string;
  /** value, notes — in the order of the five metrics */
  business: [number, string | null][];
  buyers: string;
  logistics: string;
  /** name, position, character, pressures, interests, family, notes */
  people: (string | null)[][];
  /** impact index, situation, our response — in the order of the three factors */
  factors: [number, string, string][];
  /** month (months from the report month), their sales, their purchases, our supply, main product */
  trading: [number, number, number, number, string][];
  /** competitor, products, share, strengths, weaknesses, our response */
  competitors: (string | number)[][];
  forecast: {
    sales: number;
    margin: number;
    inventoryInterest: number;
    staff: number;
    travel: number;
    management: number;
    risk: number;
  };
  /** confidence index, value for the customer, measures — in the order of the six sources */
  advantages: [number, number | null, string][];
  stage: number;
  cause: number | null;
  relationshipNotes: string;
}

/** The six full months before the report month. */
const TRADING: [number, number, number, number][] = [
  [-6, 1250000, 420000, 84000],
  [-5, 1310000, 450000, 99000],
  [-4, 1180000, 400000, 100000],
  [-3, 1420000, 480000, 132000],
  [-2, 1050000, 360000, 108000],
  [-1, 980000, 300000, 96000],
];
const FORECAST = {
  sales: 3600000,
  margin: 0.18,
  inventoryInterest: 36000,
  staff: 120000,
  travel: 48000,
  management: 60000,
  risk: 0.25,
};

/** Numbers, dates and choices are the same in both languages, so the results agree. */
const EXAMPLE: Record<Lang, Example> = {
  'zh-CN': {
    purpose: '三年内成为华东精密机械的第一供应商，年供货额达到 360 万元，带动其配套厂采购。',
    account: '华东精密机械有限公司',
    tier: 0,
    category: '工业胶粘剂与密封材料',
    type: 3,
    service: '技术支持、驻厂服务、月度对账与库存预警',
    business: [
      [0.45, '现金较充裕'],
      [0.08, null],
      [0.06, '管理较规范'],
      [75, '比行业平均长 15 天'],
      [40, null],
    ],
    buyers: '国内工程机械整机厂，以华东地区为主，按项目订货',
    logistics: '自有车队配送；原材料需防潮存放，保质期 12 个月',
    people: [
      ['陈建国', '总经理，最终拍板', '稳重务实', '年内降本 10%', '钓鱼', '子女在读大学', '经采购经理引荐'],
      ['赵敏', '采购经理，筛选供应商', '细致，重流程', '供应商整合', '羽毛球', null, '我方内线'],
      ['孙浩', '技术部长，负责选型', '严谨', '新机型量产', null, null, '关注耐温指标'],
      ['刘芳', '财务经理，审核付款', '谨慎', '控制应收账款', null, null, '关注账期'],
      ['周强', '生产部长，使用者', '直率', '避免停线', '篮球', null, '关心供货稳定'],
    ],
    factors: [
      [0, '更换供应商需重新认证，周期约 3 个月', '提供免费试样与认证支持'],
      [1, '新机型要求耐温 150 度', '派工程师驻厂联合测试'],
      [1, '环保法规要求低挥发', '提供第三方环保检测报告'],
    ],
    trading: TRADING.map(([m, s, p, o], i) => [m, s, p, o, i % 2 === 0 ? '环氧胶' : '密封胶']),
    competitors: [
      ['德润化工', '进口环氧胶', 0.45, '品牌知名度高', '交期长，价格高', '强调本地库存与快速交货'],
      ['华科新材', '国产密封胶', 0.2, '价格低', '批次稳定性差', '提供批次检测报告'],
    ],
    forecast: FORECAST,
    advantages: [
      [0, 180000, '本地库存，减少客户库存利息'],
      [1, 120000, '缩短新机型上市时间'],
      [1, 50000, '减少返工与报废'],
      [0, 30000, '月度对账，简化采购流程'],
      [1, null, '联合测试解决耐温问题'],
      [2, null, '共同申报省级科技项目'],
    ],
    stage: 2,
    cause: null,
    relationshipNotes: '财务部已对接月度对账，下一步邀请生产与技术部门参加联合改进会议',
  },
  'en-US': {
    purpose:
      'Become the first supplier of Huadong Precision Machinery within three years, CNY 3.6 million a year, and reach its own suppliers.',
    account: 'Huadong Precision Machinery Co., Ltd.',
    tier: 0,
    category: 'Industrial adhesives and sealants',
    type: 3,
    service: 'Technical support, on-site service, monthly statements and stock alerts',
    business: [
      [0.45, 'Cash is ample'],
      [0.08, null],
      [0.06, 'Well managed'],
      [75, '15 days over norm'],
      [40, null],
    ],
    buyers: 'Machinery makers in East China, ordering per project',
    logistics: 'Own fleet; materials kept dry, 12-month shelf life',
    people: [
      [
        'Chen Jianguo',
        'General manager; final say',
        'Steady, practical',
        'Cut costs by 10%',
        'Fishing',
        'Children at university',
        'Met through purchasing',
      ],
      ['Zhao Min', 'Purchasing manager', 'Careful, by the book', 'Fewer suppliers', 'Badminton', null, 'Our insider'],
      ['Sun Hao', 'Head of engineering', 'Rigorous', 'New model launch', null, null, 'Watches heat resistance'],
      ['Liu Fang', 'Finance manager', 'Cautious', 'Fewer receivables', null, null, 'Watches payment terms'],
      ['Zhou Qiang', 'Head of production', 'Direct', 'No line stops', 'Basketball', null, 'Wants steady supply'],
    ],
    factors: [
      [0, 'A new supplier needs 3 months of approval', 'Free samples and approval support'],
      [1, 'New model: 150-degree rating', 'Engineer on site for joint tests'],
      [1, 'Rules demand low emissions', 'Third-party emission test report'],
    ],
    trading: TRADING.map(([m, s, p, o], i) => [m, s, p, o, i % 2 === 0 ? 'Epoxy' : 'Sealant']),
    competitors: [
      ['Derun Chemical', 'Imported epoxy', 0.45, 'Well-known brand', 'Slow, expensive', 'Local stock, fast delivery'],
      ['Huake Materials', 'Local sealant', 0.2, 'Cheap', 'Unstable batches', 'Batch test reports'],
    ],
    forecast: FORECAST,
    advantages: [
      [0, 180000, 'Local stock cuts their inventory interest'],
      [1, 120000, 'Faster launch of new models'],
      [1, 50000, 'Less rework and scrap'],
      [0, 30000, 'Monthly statements, simpler buying'],
      [1, null, 'Joint tests solve heat resistance'],
      [2, null, 'Joint application for a provincial project'],
    ],
    stage: 2,
    cause: null,
    relationshipNotes:
      'Finance now reconciles monthly with us; next, invite production and engineering to a joint improvement meeting',
  },
};
