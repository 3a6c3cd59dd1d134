import { a4Landscape } from '../core/print-layout';
import type { AbcResult } from '../../domain/abc/run';
import { translator, type Lang } from '../../i18n/define';
import abcMessages from '../../i18n/abc';
import { cellRef, columnLetter, rangeRef, type RangePos } from '../core/a1';
import { q } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import { chartCells } from '../core/chart-plan';
import type { CellContent, ChartSpec, ColumnSpec, RowCellSpec, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';
import { AbcTableValues, restOfTotal, type AbcHeadValues, type AbcRowValues } from './result-values';

/**
 * The ABC result sheet: parameters as labelled inputs, a summary per tier, and one row per
 * customer (value descending) whose tier is a live formula. Every per-row formula looks only at
 * its own row and its neighbours (running sums from the row above, ties by comparing with the
 * row above, the "lower tier" rule by a backward pass from the row below), so recalculation is
 * linear in the number of customers. All rows carry the same formula, so re-sorting the table
 * by value keeps it consistent; a warning cell shows when edits have broken the order.
 */

export interface AbcSheetOptions {
  lang: Lang;
  /** Date of the run, for the title block and the source note. */
  today?: Date;
  /** Prefix of the defined names (workbook-unique); default 'ABC_'. */
  namePrefix?: string;
  /** Most rejected rows listed on the Rejected sheet; default 1,000. */
  maxRejectedListed?: number;
  /**
   * The customer table as generated rows (SheetSpec.rowBlocks) instead of cells, for the file
   * writer to stream: the CLI's --out. The cells and values are the same either way.
   */
  rowsAsBlock?: boolean;
}

type T = ReturnType<typeof translator<(typeof abcMessages)['en-US']>>;

/** Columns of the customer table. I–M are hidden helpers in whole value units. */
const COL = { rank: 1, customer: 2, value: 3, share: 4, cum: 5, before: 6, tier: 7, flag: 8, units: 9, run: 10, larger: 11, through: 12, start: 13 } as const;
const LAST_VISIBLE = COL.flag;
const LAST = COL.start;

/** Where the parameter inputs and computed helpers sit (column C of these rows). */
export const ABC_PARAM_ROWS = {
  method: 7,
  crossing: 8,
  a: 9,
  b: 10,
  countA: 11,
  countB: 12,
  decimals: 13,
  n: 14,
  total: 15,
  cutA: 16,
  cutAB: 17,
  totalUnits: 18,
  limitA: 19,
  limitB: 20,
} as const;
const NOTE_ROW = 21;
export const ABC_WARNING_ROW = 22;
const SOURCE_ROW = 23;
export const ABC_HEADER_ROW = 25;
export const ABC_FIRST_ROW = ABC_HEADER_ROW + 1;
/** Summary block: tiers A, B, C on these rows; columns D (tier) … H (% of value). */
export const ABC_SUMMARY_ROWS = { A: 8, B: 9, C: 10, total: 11, excluded: 12 } as const;

const P = (row: number) => cellRef(row, 3, true);

/**
 * Workbook-scoped names of the customer table's customer, tier and value columns, for sheets
 * that look customers up in the result (the visit plan, docs/rules/templates/visit-plan.md).
 * These are the names with the default prefix; a second result in the same workbook gets its
 * own prefix, and a dependent sheet links to the first result.
 */
export const ABC_RESULT_NAMES = { customers: 'ABC_Customers', tiers: 'ABC_Tiers', values: 'ABC_Values' } as const;

/** A formula with the value it computes, when that is known. */
const withCached = (formula: string, cached: number | string | undefined): CellContent => (cached === undefined ? { formula } : { formula, cached });

export function buildAbcSheets(result: AbcResult, options: AbcSheetOptions): SheetSpec[] {
  const t = translator(abcMessages, options.lang);
  const sheets = [{ ...resultSheet(result, options, t), stamp: { kind: 'abc-result', version: 1 } }];
  if (result.rejected.count > 0) sheets.push({ ...rejectedSheet(result, options, t), lang: options.lang, stamp: { kind: 'abc-rejected', version: 1 } });
  return sheets;
}

function valueFormat(scale: number): string {
  const places = Math.min(Math.max(scale, 2), 10);
  return `#,##0.${'0'.repeat(places)}`;
}

function resultSheet(r: AbcResult, o: AbcSheetOptions, t: T): SheetSpec {
  const b = new SheetBuilder(t('sheetName'));
  const prefix = o.namePrefix ?? 'ABC_';
  const today = o.today ?? new Date();
  titleBlock(b, { lang: o.lang, title: t('title'), purpose: t('purpose'), width: LAST_VISIBLE, date: today });

  const count = r.customers.length + r.nonPositive.length;
  // What every formula computes, from the engine's exact values (none for an empty table: the
  // spreadsheet engine evaluates that small sheet).
  const known = count ? new AbcTableValues(r, Math.min(r.scale, 10), t('excluded')) : undefined;
  const head = known?.head();
  const f = ABC_FIRST_ROW;
  const l = f + Math.max(count, 1) - 1;
  const colRange = (col: number) => rangeRef(f, col, l, col, true);
  const UNITS = colRange(COL.units);
  const VALUES = colRange(COL.value);
  const TIERS = colRange(COL.tier);

  // Parameters (labels in A:B, inputs in C).
  const pr = ABC_PARAM_ROWS;
  const label = (row: number, text: string) => b.at(row, 1, text, style(STYLE.label, { alignment: { horizontal: 'left' } })).merge(rangeRef(row, 1, row, 2));
  const input = (row: number, value: string | number, numFmt?: string, note?: string) =>
    b.at(row, 3, value, style(STYLE.input, numFmt ? { numFmt } : {}, { alignment: { horizontal: 'right' } }), note);
  const computed = (row: number, formula: string, numFmt: string = NUMFMT.integer, cached?: number) =>
    b.at(row, 3, withCached(formula, cached), style(STYLE.computed, { numFmt }));
  b.at(6, 1, t('parameters'), STYLE.section).merge(rangeRef(6, 1, 6, 3));
  const methodValue = t('methodValue');
  const methodCount = t('methodCount');
  const crossInclude = t('crossingInclude');
  const crossExclude = t('crossingExclude');
  label(pr.method, t('method'));
  input(pr.method, r.method === 'count' ? methodCount : methodValue);
  label(pr.crossing, t('crossing'));
  input(pr.crossing, r.crossing === 'exclude' ? crossExclude : crossInclude);
  label(pr.a, t('thresholdA'));
  input(pr.a, r.thresholds.a.toNumber(), '0.00%');
  label(pr.b, t('thresholdB'));
  input(pr.b, r.thresholds.b.toNumber(), '0.00%');
  label(pr.countA, t('countA'));
  input(pr.countA, r.countShares.a.toNumber(), '0.00%');
  label(pr.countB, t('countB'));
  input(pr.countB, r.countShares.b.toNumber(), '0.00%');
  label(pr.decimals, t('decimals'));
  input(pr.decimals, Math.min(r.scale, 10), '0', t('decimalsNote'));
  // LibreOffice 7.4 computes a column of formulas (the tiers) with its group interpreter, which
  // reads a cell two references away before that cell's own inputs are calculated (it saw 0
  // customers). So every cell the per-row formulas use computes from the table directly.
  // (…)*1, not --(…): IronCalc reads a unary minus over an array as a single value.
  const N = `SUMPRODUCT((${UNITS}>0)*1)`;
  const TU = `SUMIF(${UNITS},">0")`;
  label(pr.n, t('positiveCount'));
  computed(pr.n, N, NUMFMT.integer, head?.n);
  label(pr.total, t('totalValue'));
  computed(pr.total, `SUMIF(${UNITS},">0",${VALUES})`, valueFormat(r.scale), head?.total);
  // ROUND(…, 9) first: share × N in binary floating point can land a hair below an exact .5.
  const cutA = `MAX(1,ROUND(ROUND(${P(pr.countA)}*${N},9),0))`;
  label(pr.cutA, t('countCutA'));
  computed(pr.cutA, `MIN(${N},${cutA})`, NUMFMT.integer, head?.cutA);
  label(pr.cutAB, t('countCutAB'));
  computed(pr.cutAB, `MIN(${N},MAX(${cutA},ROUND(ROUND((${P(pr.countA)}+${P(pr.countB)})*${N},9),0)))`, NUMFMT.integer, head?.cutAB);
  label(pr.totalUnits, t('totalUnits'));
  computed(pr.totalUnits, TU, '0', head?.totalUnits);
  // Thresholds have at most 4 decimals, so threshold × total units has at most 4: ROUND(…, 4) is exact.
  label(pr.limitA, t('limitA'));
  computed(pr.limitA, `ROUND(${P(pr.a)}*${TU},4)`, '#,##0.####', head?.limitA);
  label(pr.limitB, t('limitB'));
  computed(pr.limitB, `ROUND(${P(pr.b)}*${TU},4)`, '#,##0.####', head?.limitB);
  b.validation({ ref: P(pr.method).replace(/\$/g, ''), rule: { type: 'list', values: [methodValue, methodCount] }, allowBlank: false });
  b.validation({ ref: P(pr.crossing).replace(/\$/g, ''), rule: { type: 'list', values: [crossInclude, crossExclude] }, allowBlank: false });
  b.validation({ ref: rangeRef(pr.a, 3, pr.countB, 3), rule: { type: 'decimal', min: 0, max: 1 }, allowBlank: false });
  b.validation({ ref: cellRef(pr.decimals, 3), rule: { type: 'whole', min: 0, max: 10 }, allowBlank: false });
  const names: [string, number][] = [
    ['METHOD', pr.method],
    ['CROSSING', pr.crossing],
    ['A', pr.a],
    ['B', pr.b],
    ['COUNT_A', pr.countA],
    ['COUNT_B', pr.countB],
    ['DECIMALS', pr.decimals],
    // Not ABC_CUSTOMERS: names are case-insensitive and ABC_Customers is the customer column.
    ['CUSTOMER_COUNT', pr.n],
    ['TOTAL', pr.total],
  ];
  for (const [name, row] of names) b.defineName({ name: `${prefix}${name}`, ref: P(row) });

  // Summary per tier (over positive customers) in D:H.
  const sr = ABC_SUMMARY_ROWS;
  b.at(6, 4, t('summary'), STYLE.section).merge(rangeRef(6, 4, 6, 8));
  b.row(7, 4, [t('tier'), t('customers'), t('customerShare'), t('value'), t('valueShare')], STYLE.header);
  const cs = style(STYLE.computed);
  for (const tier of ['A', 'B', 'C'] as const) {
    const row = sr[tier];
    const v = head?.tiers[tier];
    b.at(row, 4, tier, style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } }));
    b.at(row, 5, withCached(`COUNTIFS(${TIERS},"${tier}",${UNITS},">0")`, v?.customers), style(cs, { numFmt: NUMFMT.integer }));
    b.at(row, 6, withCached(`IF(${P(pr.n)}>0,E${row}/${P(pr.n)},0)`, v?.customerShare), style(cs, { numFmt: NUMFMT.percent }));
    b.at(row, 7, withCached(`SUMIFS(${VALUES},${TIERS},"${tier}",${UNITS},">0")`, v?.value), style(cs, { numFmt: valueFormat(r.scale) }));
    b.at(row, 8, withCached(`IF(${P(pr.total)}<>0,G${row}/${P(pr.total)},0)`, v?.valueShare), style(cs, { numFmt: NUMFMT.percent }));
  }
  const sum = head?.sum;
  b.at(sr.total, 4, t('total'), style(STYLE.computed, { font: { bold: true } }));
  b.at(sr.total, 5, withCached(`SUM(E${sr.A}:E${sr.C})`, sum?.customers), style(cs, { numFmt: NUMFMT.integer }));
  b.at(sr.total, 6, withCached(`SUM(F${sr.A}:F${sr.C})`, sum?.customerShare), style(cs, { numFmt: NUMFMT.percent }));
  b.at(sr.total, 7, withCached(`SUM(G${sr.A}:G${sr.C})`, sum?.value), style(cs, { numFmt: valueFormat(r.scale) }));
  b.at(sr.total, 8, withCached(`SUM(H${sr.A}:H${sr.C})`, sum?.valueShare), style(cs, { numFmt: NUMFMT.percent }));
  b.at(sr.excluded, 4, t('excludedRow'), style(STYLE.computed, { alignment: { wrapText: true } }));
  b.at(sr.excluded, 5, withCached(`COUNTIFS(${UNITS},"<=0",${colRange(COL.customer)},"<>")`, head?.excluded.customers), style(cs, { numFmt: NUMFMT.integer }));
  b.at(sr.excluded, 6, null, cs);
  b.at(sr.excluded, 7, withCached(`SUMIF(${UNITS},"<=0",${VALUES})`, head?.excluded.value), style(cs, { numFmt: valueFormat(r.scale) }));
  b.at(sr.excluded, 8, null, cs);
  for (const [tier, fill] of [['A', COLORS.tierA], ['B', COLORS.tierB], ['C', COLORS.tierC]] as const)
    b.conditional({ ref: `D${sr.A}:D${sr.C}`, rules: [{ type: 'cellIs', operator: 'equal', formulas: [`"${tier}"`], style: { fill } }] });

  b.at(NOTE_ROW, 1, t('ruleNote'), STYLE.note).merge(rangeRef(NOTE_ROW, 1, NOTE_ROW, LAST_VISIBLE));
  // Linear stale-order check: any value smaller than the one below it.
  const stale =
    count > 1
      ? `IF(SUMPRODUCT((${rangeRef(f, COL.units, l - 1, COL.units, true)}<${rangeRef(f + 1, COL.units, l, COL.units, true)})*1)>0,${q(t('staleWarning'))},"")`
      : '""';
  b.at(ABC_WARNING_ROW, 1, withCached(stale, head && (head.stale ? t('staleWarning') : '')), { font: { bold: true, color: COLORS.redText } }).merge(rangeRef(ABC_WARNING_ROW, 1, ABC_WARNING_ROW, LAST_VISIBLE));
  b.at(SOURCE_ROW, 1, t('sourceNote', { rows: r.rowsRead, date: today.toISOString().slice(0, 10), customer: r.columns.customer, value: r.columns.value.join('×') }), STYLE.note).merge(
    rangeRef(SOURCE_ROW, 1, SOURCE_ROW, LAST_VISIBLE),
  );


  // The customer table.
  const headers = [t('rank'), t('customer'), t('value'), t('share'), t('cumulativeShare'), t('cumulativeBefore'), t('tier'), t('flag'), t('units'), t('cumUnits'), t('beforeUnits'), t('throughUnits'), t('groupStart')];
  b.row(ABC_HEADER_ROW, 1, headers, STYLE.header);
  const vf = valueFormat(r.scale);
  const cell = (col: number, row: number) => `${columnLetter(col)}${row}`;
  const dec = P(pr.decimals);
  const method = P(pr.method);
  const crossing = P(pr.crossing);
  const limA = P(pr.limitA);
  const limB = P(pr.limitB);
  const cutARef = P(pr.cutA);
  const cutAB = P(pr.cutAB);
  const totalUnits = P(pr.totalUnits);
  // One style object per column, shared by every row: the table can hold 100,000s of rows.
  const rowStyle = {
    rank: style(STYLE.computed, { numFmt: NUMFMT.integer }),
    value: style(STYLE.input, { numFmt: vf }),
    share: style(STYLE.computed, { numFmt: '0.00%' }),
    tier: style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } }),
    flag: style(STYLE.computed, { font: { color: COLORS.redText } }),
    units: style(STYLE.computed, { numFmt: '0' }),
  };
  // One function gives each table row's cells: the builder places them as cells, or the file
  // writer asks for them row by row (rowsAsBlock), so both give the same sheet.
  const tableRow = (i: number): RowCellSpec[] => {
    const row = f + i;
    const v = known && i < count ? known.at(i) : undefined;
    const k = (key: keyof AbcRowValues, formula: string): CellContent => (v ? { formula, cached: v[key] } : { formula });
    const c = (col: number, dr = 0) => cell(col, row + dr);
    const units = c(COL.units);
    const larger = c(COL.larger);
    const through = c(COL.through);
    const valueTier = `IF(${crossing}=${q(crossExclude)},IF(${through}<=${limA},"A",IF(${through}<=${limB},"B","C")),IF(${larger}<${limA},"A",IF(${larger}<${limB},"B","C")))`;
    return [
      { col: COL.rank, value: k('rank', `N(${c(COL.rank, -1)})+1`), style: rowStyle.rank },
      { col: COL.customer, value: v ? v.customer : null, style: STYLE.input },
      { col: COL.value, value: v ? v.value : null, style: rowStyle.value },
      { col: COL.share, value: k('share', `IF(${units}>0,${units}/${totalUnits},0)`), style: rowStyle.share },
      { col: COL.cum, value: k('cum', `IF(${units}>0,${c(COL.run)}/${totalUnits},"")`), style: rowStyle.share },
      { col: COL.before, value: k('before', `IF(${units}>0,${larger}/${totalUnits},"")`), style: rowStyle.share },
      {
        col: COL.tier,
        value: k(
          'tier',
          `IF(${c(COL.customer)}="","",IF(${units}<=0,"C",IF(${method}=${q(methodCount)},IF(${c(COL.start)}<=${cutARef},"A",IF(${c(COL.start)}<=${cutAB},"B","C")),${valueTier})))`,
        ),
        style: rowStyle.tier,
      },
      { col: COL.flag, value: k('flag', `IF(AND(${c(COL.customer)}<>"",${units}<=0),${excludedText},"")`), style: rowStyle.flag },
      { col: COL.units, value: k('units', `ROUND(${c(COL.value)}*10^${dec},0)`), style: rowStyle.units },
      { col: COL.run, value: k('run', `N(${c(COL.run, -1)})+MAX(${units},0)`), style: rowStyle.units },
      { col: COL.larger, value: k('larger', `IF(${units}=${c(COL.units, -1)},${c(COL.larger, -1)},N(${c(COL.run, -1)}))`), style: rowStyle.units },
      { col: COL.through, value: k('through', `IF(${units}=${c(COL.units, 1)},${c(COL.through, 1)},${c(COL.run)})`), style: rowStyle.units },
      { col: COL.start, value: k('start', `IF(${units}=${c(COL.units, -1)},${c(COL.start, -1)},${c(COL.rank)})`), style: rowStyle.units },
    ];
  };
  const excludedText = q(t('excluded'));
  const tableRows = Math.max(count, 1);
  const block = o.rowsAsBlock && known ? { firstRow: f, count: tableRows, row: tableRow } : undefined;
  if (!block)
    for (let i = 0; i < tableRows; i++) for (const x of tableRow(i)) b.at(f + i, x.col, x.value, x.style);
  b.table({
    name: `${prefix}Ranking`.replace(/[^A-Za-z0-9_]/g, '_'), // must differ from every defined name (case-insensitively)
    ref: rangeRef(ABC_HEADER_ROW, 1, l, LAST),
    columns: headers.map((name) => ({ name })),
    style: 'TableStyleLight1',
    showRowStripes: false,
  });

  b.defineName({ name: `${prefix}Customers`, ref: colRange(COL.customer) });
  b.defineName({ name: `${prefix}Tiers`, ref: TIERS });
  b.defineName({ name: `${prefix}Values`, ref: VALUES });

  const tierRange = rangeRef(f, COL.tier, l, COL.tier);
  for (const [tier, fill, color] of [
    ['A', COLORS.tierA, COLORS.greenText],
    ['B', COLORS.tierB, COLORS.yellowText],
    ['C', COLORS.tierC, COLORS.note],
  ] as const)
    b.conditional({ ref: tierRange, rules: [{ type: 'cellIs', operator: 'equal', formulas: [`"${tier}"`], style: { fill, font: { color } } }] });
  b.conditional({ ref: rangeRef(f, COL.value, l, COL.value), rules: [{ type: 'dataBar', color: COLORS.dataBar }] });

  const columns = [
    { index: 1, width: 8 },
    { index: 2, width: 28 },
    { index: 3, width: 18 },
    { index: 4, width: 16 }, // also the summary's labels: （不计入合计） must not be cut
    { index: 5, width: 14 },
    { index: 6, width: 16 },
    { index: 7, width: 16 },
    { index: 8, width: 28 },
    ...[COL.units, COL.run, COL.larger, COL.through, COL.start].map((index) => ({ index, width: 14, hidden: true })),
    // Under the chart: the chart data block of a large result (customer, value, cumulative share).
    { index: CHART_COL, width: 24 },
    { index: CHART_COL + 1, width: 18 },
    { index: CHART_COL + 2, width: 12 },
  ];
  // The table's headers wrap onto two lines (LibreOffice does not grow the row itself).
  const rowHeights = { 1: 26, 2: 18, 3: 20, [NOTE_ROW]: 54, [ABC_HEADER_ROW]: 30 };
  const chart = paretoChart(b, r, t, { first: f, columns, rowHeights, total: P(pr.total), known, head });
  // The chart prints on its own page after the table (a second print range).
  const printArea = [rangeRef(1, 1, l, LAST_VISIBLE), ...(chart ? [rangeRef(chart.printed.top, chart.printed.left, chart.printed.bottom, chart.printed.right)] : [])].join(',');

  b.configure({
    columns,
    rowHeights,
    freeze: { rows: ABC_HEADER_ROW, columns: 0 },
    print: a4Landscape(printArea, `${ABC_HEADER_ROW}:${ABC_HEADER_ROW}`),
    charts: chart ? [chart.spec] : [],
    tabColor: COLORS.title,
    ...(block ? { rowBlocks: [block] } : {}),
  });
  return b.build();
}

/** More customers than this and the Pareto chart shows the top ones and one bar for the rest. */
export const PARETO_MAX_BARS = 30;
/** The chart's column: one blank column right of the table. */
const CHART_COL = LAST + 2;

/**
 * The Pareto chart right of the summary: value bars and the cumulative share as a line. Up to
 * PARETO_MAX_BARS positive customers it plots the table itself; with more, bars that thin are
 * unreadable, so a small block below the chart lists the top PARETO_MAX_BARS − 1 customers
 * (formulas over the table's first rows) and one row for all the others, and the title says so.
 * Returns the chart and the cells it covers (what prints on its own page).
 */
function paretoChart(
  b: SheetBuilder,
  r: AbcResult,
  t: T,
  o: { first: number; columns: ColumnSpec[]; rowHeights: Record<number, number>; total: string; known?: AbcTableValues; head?: AbcHeadValues },
): { spec: ChartSpec; printed: RangePos } | undefined {
  const positives = r.customers.length;
  if (positives === 0) return undefined;
  const f = o.first;
  const size = { anchor: cellRef(6, CHART_COL), width: 640, height: 360 };
  const yAxis = { numFmt: '#,##0' };
  const area = chartCells({ columns: o.columns, rowHeights: o.rowHeights }, size);
  const series = (values: string, cum: string) => [
    { name: t('value'), values },
    { name: t('cumulativeShare'), values: cum },
  ];
  if (positives <= PARETO_MAX_BARS) {
    const last = f + positives - 1;
    const spec: ChartSpec = {
      kind: 'pareto',
      title: t('chartTitle'),
      categories: rangeRef(f, COL.customer, last, COL.customer),
      series: series(rangeRef(f, COL.value, last, COL.value), rangeRef(f, COL.cum, last, COL.cum)),
      yAxis,
      ...size,
    };
    return { spec, printed: area };
  }
  const top = PARETO_MAX_BARS - 1;
  const rest = positives - top;
  const left = area.left;
  const head = area.bottom + 2;
  const rows = { first: head + 1, last: head + PARETO_MAX_BARS };
  b.at(head - 1, left, t('chartData', { top }), STYLE.section).merge(rangeRef(head - 1, left, head - 1, left + 2));
  b.row(head, left, [t('customer'), t('value'), t('cumulativeShare')], STYLE.header);
  const cs = style(STYLE.computed);
  const valueStyle = style(cs, { numFmt: valueFormat(r.scale) });
  const shareStyle = style(cs, { numFmt: '0.00%' });
  const col = (c: number) => columnLetter(c);
  const shown: number[] = [];
  for (let i = 0; i < top; i++) {
    const row = rows.first + i;
    const v = o.known?.at(i);
    if (v) shown.push(v.value);
    b.at(row, left, withCached(`${col(COL.customer)}${f + i}&""`, v?.customer), cs);
    b.at(row, left + 1, withCached(`${col(COL.value)}${f + i}`, v?.value), valueStyle);
    b.at(row, left + 2, withCached(`${col(COL.cum)}${f + i}`, v?.cum), shareStyle);
  }
  const topValues = rangeRef(rows.first, left + 1, rows.last - 1, left + 1);
  const h = o.head;
  b.at(rows.last, left, t('chartRest', { rest }), cs);
  b.at(rows.last, left + 1, withCached(`${o.total}-SUM(${topValues})`, h && restOfTotal(h.total, shown)), valueStyle);
  b.at(rows.last, left + 2, withCached(`IF(${o.total}<>0,1,"")`, h && (h.total !== 0 ? 1 : '')), shareStyle);
  const spec: ChartSpec = {
    kind: 'pareto',
    title: t('chartTitleTop', { top, rest }),
    categories: rangeRef(rows.first, left, rows.last, left),
    series: series(rangeRef(rows.first, left + 1, rows.last, left + 1), rangeRef(rows.first, left + 2, rows.last, left + 2)),
    yAxis,
    ...size,
  };
  return { spec, printed: area };
}

function rejectedSheet(r: AbcResult, o: AbcSheetOptions, t: T): SheetSpec {
  const b = new SheetBuilder(t('rejectedTitle'));
  const shown = r.rejected.rows.slice(0, o.maxRejectedListed ?? 1000);
  b.at(1, 1, t('rejectedTitle'), STYLE.title).merge('A1:C1');
  b.at(2, 1, t('rejectedMore', { count: r.rejected.count, shown: shown.length }), STYLE.subtitle).merge('A2:C2');
  b.row(4, 1, [t('rejectedRow'), t('rejectedField'), t('rejectedReason')], STYLE.header);
  shown.forEach((x, i) => b.row(5 + i, 1, [x.row, x.field, x.reason]));
  b.widths([10, 22, 80]);
  b.configure({ freeze: { rows: 4, columns: 0 }, print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: '4:4' } });
  return b.build();
}
