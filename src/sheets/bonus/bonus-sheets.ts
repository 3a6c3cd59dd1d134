import type { BadDebtLine, BonusLine, FeeLine, NewBrandLine, NewCustomerLine, ReferralLine } from '../../domain/bonus/line';
import type { BonusRunResult } from '../../domain/bonus/run';
import type { Decimal } from '../../domain/exact/decimal';
import { serialToDate, serialToIso } from '../../domain/parse/parse-date';
import sheetMessages from '../../i18n/bonus-sheets';
import { translator } from '../../i18n/define';
import { cellRef, columnLetter, quoteSheet, rangeRef } from '../core/a1';
import { buildBonusRulesSheet, type RulesRefs } from './rules-sheet';
import { NewCustomerValues, type NewCustomerRowValues } from './new-customer-values';
import { str, tierFormulas } from './tier-formula';
import { SheetBuilder } from '../core/sheet-builder';
import { isFormula, type CachedValue, type CellContent, type Lang, type RowBlock, type RowCellSpec, type SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';
import type { SourceLinks } from '../core/source-link';
import { badDebtRegisterCols, creditRefs } from './bad-debt-register-cols';

/**
 * The result sheets of a bonus run: the scheme's bonus sheet (one row per line: eligible,
 * basis, bonus, reason), for new-customer the orders it is computed from, a per-rep summary,
 * the Rules sheet, and one statement sheet per rep. Every figure a formula can express is a
 * live Excel-2010 formula over the data cells and the Rules sheet — tiers by SUMPRODUCT over the
 * band rows, the new-customer window by COUNTIFS/SUMIFS over each customer's own block of
 * orders (so the cost stays linear). What only the engine knows (the reason sentence, which row
 * repeats which) is written as a value with a note saying when and under which rules.
 */
export interface BonusSheetsOptions {
  lang?: Lang;
  /** One statement sheet per rep (default true). */
  statements?: boolean;
  /**
   * The line tables (bonus sheet, orders sheet, statements) as generated rows
   * (SheetSpec.rowBlocks) instead of cells, for the file writer to stream: the CLI's --out.
   * The cells and values are the same either way. Only new-customer, whose every formula
   * carries the value new-customer-values.ts works out, is streamed; other schemes keep cells.
   */
  rowsAsBlock?: boolean;
  /** Sheets of the workbook written into, by stamped kind: bad-debt reads the credit register. */
  sources?: SourceLinks;
}

type Role = 'rep' | 'eligible' | 'bonus';

export interface Col<L> {
  header: string;
  width: number;
  numFmt?: string;
  /** input: yellow, editable data the formulas read; formula: live; value: computed by the engine. */
  kind: 'input' | 'formula' | 'value' | 'data';
  cell: (line: L, r: number) => CellContent;
  role?: Role;
  /** Shown on the rep statements. */
  statement?: boolean;
  validation?: 'yesNo' | 'date';
  /** Text that differs from line to line, written inline rather than shared (SheetSpec.inlineText). */
  inline?: boolean;
}

const HEADER_ROW = 6;

/**
 * Workbook-scoped names other sheets read a run through (src/sheets/core/source-link.ts): the
 * summary's rep and total columns, and on the new-customer sheet the rep, the bonus and the
 * customer's first-order date (the day it became a new customer, docs/rules/bonus/new-customer.md).
 */
export const BONUS_NAMES = {
  summaryReps: 'BonusSummary_Reps',
  summaryTotals: 'BonusSummary_Totals',
  newCustomerReps: 'BonusNewCustomer_Reps',
  newCustomerAmounts: 'BonusNewCustomer_Amounts',
  newCustomerDates: 'BonusNewCustomer_Dates',
} as const;
const n = (d: Decimal) => d.toNumber();
const dateOf = (serial: number | null) => (serial === null ? null : serialToDate(serial));

export function buildBonusSheets(result: BonusRunResult, options: BonusSheetsOptions = {}): SheetSpec[] {
  const lang = options.lang ?? result.lang;
  const t = translator(sheetMessages, lang);
  const rules = buildBonusRulesSheet(result.rules, { lang });
  const R = rules.refs;
  const stamp = `${result.computedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  const computedNote = t('computedNote', { date: stamp, rules: R.sheetName });
  const liveNote = t('liveNote', { rules: R.sheetName });
  const periodText = result.period ? t('period', { period: result.period.label }) : t('allDates');
  const mainName = t(`sheet_${result.scheme}`);
  const main = `${quoteSheet(mainName)}!`;

  // Lines grouped by rep, so each rep's rows are one block: sums per rep stay linear.
  const lines = [...result.lines].sort((a, b) => (a.rep < b.rep ? -1 : a.rep > b.rep ? 1 : 0));
  const extra: SheetSpec[] = [];
  let cols: Col<BonusLine>[];
  // new-customer: every formula carries the value it computes (none goes through a spreadsheet engine).
  let known: NewCustomerValues | undefined;
  switch (result.scheme) {
    case 'new-brand':
      cols = newBrandCols(t, R, result.rules.newBrand.tierCurrency) as Col<BonusLine>[];
      break;
    case 'new-customer': {
      known = new NewCustomerValues(lines as NewCustomerLine[], result.rules, { yes: R.yes, no: R.no }, HEADER_ROW + 1);
      const orders = buildOrdersSheet(known, t, R, !!options.rowsAsBlock);
      extra.push(orders);
      cols = newCustomerCols(t, R, orders.name, known) as Col<BonusLine>[];
      break;
    }
    case 'referral':
      cols = referralCols(t, R) as Col<BonusLine>[];
      break;
    case 'fees':
      cols = feeCols(t, R) as Col<BonusLine>[];
      break;
    case 'bad-debt': {
      const credit = creditRefs(options.sources);
      cols = (credit ? badDebtRegisterCols(t, R, credit, lang) : badDebtCols(t, R)) as Col<BonusLine>[];
      break;
    }
  }
  cols = cols.map((c) => (c.kind === 'value' ? { ...c, width: fittedWidth(c, lines) } : c));

  const b = new SheetBuilder(mainName);
  header(b, mainName, t(`purpose_${result.scheme}`), periodText, t('legend'), cols.length);
  const asBlock = !!options.rowsAsBlock && !!known;
  writeTable(b, cols, lines, { liveNote, computedNote, yes: R.yes, no: R.no, lang, asBlock });
  // Texts that differ from line to line (new-customer's customer and reason sentence) are written
  // inline: out of the shared-string table, which would hold a million of them until the file's
  // end (docs/notes/bonus-out-scale.md). Both paths (cells and streamed rows) write them so.
  const inlineColumns = cols.flatMap((c, i) => (c.inline ? [i + 1] : []));
  if (inlineColumns.length) b.configure({ inlineText: { fromRow: HEADER_ROW + 1, columns: inlineColumns } });
  if (lines.length === 0) b.set(cellRef(HEADER_ROW + 1, 1), t('noLines'), STYLE.note);
  const col = (role: Role) => columnLetter(cols.findIndex((c) => c.role === role) + 1);
  const eligibleCol = col('eligible');
  const bonusCol = col('bonus');
  b.conditional({
    ref: `${eligibleCol}${HEADER_ROW + 1}:${eligibleCol}${HEADER_ROW + Math.max(lines.length, 1)}`,
    rules: [
      { type: 'cellIs', operator: 'equal', formulas: [str(R.yes)], style: { fill: COLORS.green, font: { color: COLORS.greenText } } },
      { type: 'cellIs', operator: 'equal', formulas: [str(R.no)], style: { fill: COLORS.red, font: { color: COLORS.redText } } },
    ],
  });

  // Rep blocks.
  const blocks: RepBlock[] = [];
  lines.forEach((l, i) => {
    const r = HEADER_ROW + 1 + i;
    const last = blocks[blocks.length - 1];
    if (last && last.rep === l.rep) last.last = r;
    else blocks.push({ rep: l.rep, first: r, last: r });
  });

  const bodyLast = HEADER_ROW + Math.max(lines.length, 1);
  const column = (c: string) => `$${c}$${HEADER_ROW + 1}:$${c}$${bodyLast}`;
  if (result.scheme === 'new-customer') {
    b.defineName({ name: BONUS_NAMES.newCustomerReps, ref: column('A') });
    b.defineName({ name: BONUS_NAMES.newCustomerAmounts, ref: column(bonusCol) });
    b.defineName({ name: BONUS_NAMES.newCustomerDates, ref: column('C') });
  }
  const summary = buildSummary(result, blocks, { t, R, main, eligibleCol, bonusCol, periodText, computedNote, known });
  // What a statement's reference to a bonus-sheet cell shows (new-customer: every cell's value is known).
  const mainValue = known ? mainValueOf(cols, lines) : undefined;
  const statements =
    options.statements === false
      ? []
      : blocks.map((blk) => buildStatement(blk, cols, { t, main, periodText, lang, known, mainValue, asBlock }));
  // Every sheet of the run in the run's language, stamped with its kind.
  const stamped = (sheet: SheetSpec, kind: string): SheetSpec => ({ ...sheet, lang, stamp: { kind, version: 1 } });
  return [
    stamped(b.build(), `bonus-${result.scheme}`),
    stamped(summary, 'bonus-summary'),
    stamped(rules.sheet, 'bonus-rules'),
    ...extra.map((s) => stamped(s, 'bonus-orders')),
    ...statements.map((s) => stamped(s, 'bonus-statement')),
  ];
}

function header(b: SheetBuilder, title: string, purpose: string, period: string, legend: string, width: number): void {
  const w = Math.max(width, 6);
  b.set('A1', title, STYLE.title).merge(rangeRef(1, 1, 1, w));
  b.set('A2', purpose, STYLE.subtitle).merge(rangeRef(2, 1, 2, w));
  b.set('A3', period, style(STYLE.label, { alignment: { horizontal: 'left' } })).merge(rangeRef(3, 1, 3, w));
  b.set('A4', legend, STYLE.note).merge(rangeRef(4, 1, 4, w));
  // The column headers wrap onto two or three lines (LibreOffice does not grow the row itself).
  b.configure({ rowHeights: { 1: 26, 2: 30, [HEADER_ROW]: 42 } });
}

/**
 * The reason column as wide as its longest sentence (up to 120): printed, a longer sentence would
 * run past the table's edge or be cut by the next column, and neither LibreOffice nor Excel
 * grows a row for wrapped text in a file by itself. A CJK character is about two widths of a digit.
 */
function fittedWidth<L>(c: Col<L>, lines: L[]): number {
  let widest = 0;
  lines.forEach((l, i) => {
    const text = String(c.cell(l, HEADER_ROW + 1 + i) ?? '');
    let w = 0;
    for (const ch of text) w += /[\u2e80-\uffef]/.test(ch) ? 2 : 1.1;
    widest = Math.max(widest, w);
  });
  return Math.min(120, Math.max(c.width, Math.ceil(widest + 2)));
}

interface RepBlock {
  rep: string;
  first: number;
  last: number;
}

/**
 * Rows [0, count) starting at sheet row `firstRow`, each from `row`: a RowBlock for the writer to
 * stream (asBlock), else placed as cells — the same cells either way.
 */
function placeRows(b: SheetBuilder, firstRow: number, count: number, row: (i: number) => RowCellSpec[], asBlock: boolean): void {
  if (asBlock && count > 0) {
    // Streamed tables are new-customer's, whose every formula carries its value (new-customer-values.ts).
    const block: RowBlock = { firstRow, count, row, valued: true };
    b.configure({ rowBlocks: [block] }); // one table of rows per sheet
  } else for (let i = 0; i < count; i++) for (const c of row(i)) b.at(firstRow + i, c.col, c.value, c.style);
}

function writeTable<L>(
  b: SheetBuilder,
  cols: Col<L>[],
  lines: L[],
  o: { liveNote: string; computedNote: string; yes: string; no: string; lang: Lang; asBlock: boolean },
): void {
  cols.forEach((c, i) => {
    const note = c.kind === 'formula' ? o.liveNote : c.kind === 'value' ? o.computedNote : undefined;
    b.at(HEADER_ROW, i + 1, c.header, STYLE.header, note);
  });
  const styles = cols.map((c) => {
    const base = c.kind === 'input' ? STYLE.input : c.kind === 'formula' || c.kind === 'value' ? STYLE.computed : { border: COLORS.border };
    return style(base, c.numFmt ? { numFmt: c.numFmt } : undefined);
  });
  const tableRow = (k: number): RowCellSpec[] => cols.map((c, i) => ({ col: i + 1, value: c.cell(lines[k], HEADER_ROW + 1 + k), style: styles[i] }));
  placeRows(b, HEADER_ROW + 1, lines.length, tableRow, o.asBlock);
  const last = HEADER_ROW + Math.max(lines.length, 1);
  cols.forEach((c, i) => {
    const ref = rangeRef(HEADER_ROW + 1, i + 1, last, i + 1);
    if (c.validation === 'yesNo') b.validation({ ref, rule: { type: 'list', values: [o.yes, o.no] } });
    if (c.validation === 'date') b.validation({ ref, rule: { type: 'date', min: new Date(Date.UTC(1900, 0, 1)) } });
  });
  b.widths(cols.map((c) => c.width));
  b.configure({
    freeze: { rows: HEADER_ROW, columns: 2 },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  });
}

export type T = ReturnType<typeof translator<(typeof sheetMessages)['en-US']>>;

const yesNo = (R: RulesRefs, v: boolean) => (v ? R.yes : R.no);
const ifYes = (R: RulesRefs, cond: string) => `IF(${cond},${str(R.yes)},${str(R.no)})`;

function newBrandCols(t: T, R: RulesRefs, tierCurrency: string): Col<NewBrandLine>[] {
  const nb = R.newBrand;
  const tiers = (r: number) => tierFormulas(`H${r}`, nb.tiers, R.yes, R.methodNames, nb.tierRate);
  return [
    { header: t('colRep'), width: 12, kind: 'data', cell: (l) => l.rep, role: 'rep' },
    { header: t('colContract'), width: 14, kind: 'data', cell: (l) => l.key, statement: true },
    { header: t('colDate'), width: 11, kind: 'data', numFmt: NUMFMT.date, cell: (l) => dateOf(l.date), statement: true },
    { header: t('colAmount'), width: 14, kind: 'input', numFmt: NUMFMT.decimal2, cell: (l) => n(l.amount), statement: true },
    { header: t('colCurrency2'), width: 8, kind: 'input', cell: (l) => l.currency, statement: true },
    { header: t('colMargin'), width: 9, kind: 'input', numFmt: '0.00%', cell: (l) => n(l.margin), statement: true },
    { header: t('colRate'), width: 12, kind: 'formula', numFmt: '0.0000', cell: (_, r) => ({ formula: `VLOOKUP(E${r},${R.fx},2,FALSE)` }) },
    { header: t('colAmountCny'), width: 14, kind: 'formula', numFmt: NUMFMT.decimal2, cell: (_, r) => ({ formula: `D${r}*G${r}` }) },
    { header: t('colBasis', { currency: tierCurrency }), width: 14, kind: 'formula', numFmt: NUMFMT.decimal2, cell: (_, r) => ({ formula: `H${r}/${nb.tierRate}` }), statement: true },
    { header: t('colBandNo'), width: 7, kind: 'formula', numFmt: NUMFMT.integer, cell: (_, r) => ({ formula: tiers(r).band }) },
    { header: t('colEligible'), width: 9, kind: 'formula', role: 'eligible', statement: true, cell: (_, r) => ({ formula: ifYes(R, `AND(J${r}>0,F${r}>=${nb.minMargin})`) }) },
    { header: t('colBonus'), width: 12, kind: 'formula', numFmt: NUMFMT.cny, role: 'bonus', statement: true, cell: (_, r) => ({ formula: `IF(K${r}=${str(R.yes)},ROUND(${tiers(r).bonus},2),0)` }) },
    { header: t('colReason'), width: 60, kind: 'value', cell: (l) => l.reason, statement: true },
    { header: t('colRows'), width: 10, kind: 'data', cell: (l) => l.rows.join(', ') },
  ];
}

/** The orders sheet: one row per order of every line, by customer and rep; its formulas carry their values. */
function buildOrdersSheet(known: NewCustomerValues, t: T, R: RulesRefs, asBlock: boolean): SheetSpec {
  const name = t('ordersSheet');
  const b = new SheetBuilder(name);
  const cols = [
    t('colCustomer'), t('colRep'), t('colDate'), t('colAmount'), t('colCurrency2'), t('colMargin'), t('colPrepayment'),
    t('colCustomerType'), t('colSelfDeveloped'), t('colRate'), t('colAmountCny'), t('colSourceRow'), t('colCustomerFirst'),
  ];
  header(b, name, t('purposeOrders'), '', t('legend'), cols.length);
  cols.forEach((h, i) =>
    b.at(HEADER_ROW, i + 1, h, STYLE.header, i >= 9 && i <= 10 ? t('liveNote', { rules: R.sheetName }) : i === 12 ? t('customerFirstNote') : undefined),
  );
  const input = STYLE.input;
  const st = {
    plain: { border: COLORS.border },
    date: style(input, { numFmt: NUMFMT.date }),
    amount: style(input, { numFmt: NUMFMT.decimal2 }),
    share: style(input, { numFmt: '0.00%' }),
    rate: style(STYLE.computed, { numFmt: '0.0000' }),
    cny: style(STYLE.computed, { numFmt: NUMFMT.decimal2 }),
  };
  const orderRow = (j: number): RowCellSpec[] => {
    const r = known.ordersFirstRow + j;
    const v = known.orderRow(j);
    const o = v.order;
    const [start, end] = v.block;
    // The customer's first order of all reps: its earliest date, and on that date its earliest source row.
    const dates = `$C$${start}:$C$${end}`;
    const rows = `$L$${start}:$L$${end}`;
    return [
      { col: 1, value: v.customer, style: st.plain },
      { col: 2, value: v.rep, style: st.plain },
      { col: 3, value: serialToDate(o.date), style: st.date },
      { col: 4, value: n(o.amount), style: st.amount },
      { col: 5, value: o.currency, style: input },
      { col: 6, value: n(o.margin), style: st.share },
      { col: 7, value: o.prepayment === null ? null : n(o.prepayment), style: st.share },
      { col: 8, value: o.customerType || null, style: input },
      { col: 9, value: yesNo(R, o.selfDeveloped), style: input },
      { col: 10, value: { formula: `VLOOKUP(E${r},${R.fx},2,FALSE)`, cached: v.rate }, style: st.rate },
      { col: 11, value: { formula: `D${r}*J${r}`, cached: v.amountCny }, style: st.cny },
      { col: 12, value: o.row, style: st.plain },
      { col: 13, value: { formula: ifYes(R, `AND(C${r}=MIN(${dates}),COUNTIFS(${dates},C${r},${rows},"<"&L${r})=0)`), cached: v.customerFirst }, style: STYLE.computed },
    ];
  };
  placeRows(b, known.ordersFirstRow, known.orderCount, orderRow, asBlock);
  // The customer, as on the bonus sheet: inline, out of the shared-string table.
  b.configure({ inlineText: { fromRow: known.ordersFirstRow, columns: [1] } });
  const last = Math.max(known.ordersFirstRow + known.orderCount - 1, HEADER_ROW + 1);
  b.validation({ ref: `I${HEADER_ROW + 1}:I${last}`, rule: { type: 'list', values: [R.yes, R.no] } });
  b.validation({ ref: `C${HEADER_ROW + 1}:C${last}`, rule: { type: 'date', min: new Date(Date.UTC(1900, 0, 1)) } });
  b.widths([16, 12, 11, 14, 8, 9, 11, 12, 10, 10, 14, 9, 10]);
  b.configure({
    freeze: { rows: HEADER_ROW, columns: 2 },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  return b.build();
}

function newCustomerCols(t: T, R: RulesRefs, ordersSheet: string, known: NewCustomerValues): Col<NewCustomerLine>[] {
  const nc = R.newCustomer;
  const o = `${quoteSheet(ordersSheet)}!`;
  // Row r of the bonus sheet is line r − HEADER_ROW − 1 of the table.
  const k = (r: number) => r - HEADER_ROW - 1;
  const rng = (r: number, col: string, which: 'customer' | 'pair') => {
    const [a, z] = known.range(k(r), which);
    return `${o}$${col}$${a}:$${col}$${z}`;
  };
  const dates = (r: number) => rng(r, 'C', 'pair');
  const firstOf = (col: string, r: number) => `INDEX(${rng(r, col, 'pair')},MATCH(D${r},${dates(r)},0))`;
  const tiers = (r: number) => tierFormulas(`H${r}`, nc.tiers, R.yes, R.methodNames);
  const Y = str(R.yes);
  // A formula with the value new-customer-values.ts works out for it.
  const f = (formula: string, r: number, key: keyof NewCustomerRowValues): CellContent => ({ formula, cached: known.at(k(r))[key] });
  return [
    { header: t('colRep'), width: 12, kind: 'data', cell: (l) => l.rep, role: 'rep' },
    { header: t('colCustomer'), width: 16, kind: 'data', cell: (l) => l.customer, statement: true, inline: true },
    { header: t('colFirstOrder'), width: 11, kind: 'formula', numFmt: NUMFMT.date, cell: (_, r) => f(`MIN(${rng(r, 'C', 'customer')})`, r, 'firstOrder'), statement: true },
    { header: t('colRepFirst'), width: 11, kind: 'formula', numFmt: NUMFMT.date, cell: (_, r) => f(`MIN(${dates(r)})`, r, 'repFirst') },
    // The rep developed the customer when the customer's first order of all is the rep's and is marked self-developed.
    { header: t('colDeveloper'), width: 9, kind: 'formula', cell: (_, r) => f(ifYes(R, `COUNTIFS(${rng(r, 'M', 'pair')},${Y},${rng(r, 'I', 'pair')},${Y})>0`), r, 'developer') },
    { header: t('colWindowEnd'), width: 11, kind: 'formula', numFmt: NUMFMT.date, cell: (_, r) => f(`EDATE(C${r},${nc.windowMonths})-1`, r, 'windowLast'), statement: true },
    { header: t('colOrdersIn'), width: 8, kind: 'formula', numFmt: NUMFMT.integer, statement: true, cell: (_, r) => f(`COUNTIFS(${dates(r)},">="&C${r},${dates(r)},"<="&F${r})`, r, 'ordersIn') },
    { header: t('colSumIn'), width: 14, kind: 'formula', numFmt: NUMFMT.decimal2, statement: true, cell: (_, r) => f(`SUMIFS(${rng(r, 'K', 'pair')},${dates(r)},">="&C${r},${dates(r)},"<="&F${r})`, r, 'sumIn') },
    {
      header: t('colWeighted'),
      width: 9,
      kind: 'formula',
      numFmt: '0.00%',
      statement: true,
      cell: (_, r) => f(`IF(H${r}=0,"",SUMPRODUCT((${dates(r)}>=C${r})*(${dates(r)}<=F${r})*${rng(r, 'K', 'pair')}*${rng(r, 'F', 'pair')})/H${r})`, r, 'weighted'),
    },
    { header: t('colIndustrial'), width: 8, kind: 'formula', cell: (_, r) => f(`IF(${firstOf('H', r)}="",${str(R.no)},${ifYes(R, `COUNTIF(${nc.industrialTypes},${firstOf('H', r)})>0`)})`, r, 'industrial') },
    { header: t('colFirstPrepay'), width: 9, kind: 'formula', numFmt: '0.00%', cell: (_, r) => f(`IF(${firstOf('G', r)}="","",${firstOf('G', r)})`, r, 'firstPrepay') },
    { header: t('colBandNo'), width: 6, kind: 'formula', numFmt: NUMFMT.integer, cell: (_, r) => f(tiers(r).band, r, 'band') },
    { header: t('colQuarter'), width: 9, kind: 'formula', statement: true, cell: (_, r) => f(`YEAR(F${r})&"Q"&ROUNDUP(MONTH(F${r})/3,0)`, r, 'quarter') },
    { header: t('colPayMonth'), width: 9, kind: 'formula', numFmt: 'yyyy-mm', statement: true, cell: (_, r) => f(`DATE(YEAR(F${r}),ROUNDUP(MONTH(F${r})/3,0)*3+${nc.payMonths},1)`, r, 'payMonth') },
    {
      header: t('colEligible'),
      width: 9,
      kind: 'formula',
      role: 'eligible',
      statement: true,
      cell: (_, r) =>
        f(
          ifYes(
            R,
            `AND(E${r}=${Y},D${r}=C${r},G${r}>=${nc.minOrders},H${r}<>0,I${r}>=${nc.minMargin},OR(J${r}=${str(R.no)},AND(K${r}<>"",K${r}>=${nc.minPrepayment})),L${r}>0)`,
          ),
          r,
          'eligible',
        ),
    },
    { header: t('colBonus'), width: 12, kind: 'formula', numFmt: NUMFMT.cny, role: 'bonus', statement: true, cell: (_, r) => f(`IF(O${r}=${Y},ROUND(${tiers(r).bonus},2),0)`, r, 'bonus') },
    { header: t('colReason'), width: 70, kind: 'value', cell: (l) => l.reason, statement: true, inline: true },
  ];
}

function referralCols(t: T, R: RulesRefs): Col<ReferralLine>[] {
  const rf = R.referral;
  const Y = str(R.yes);
  return [
    { header: t('colReferrer'), width: 14, kind: 'data', cell: (l) => l.rep, role: 'rep' },
    { header: t('colBuyer'), width: 16, kind: 'data', cell: (l) => l.buyer, statement: true },
    { header: t('colVisit'), width: 11, kind: 'input', numFmt: NUMFMT.date, validation: 'date', cell: (l) => dateOf(l.visitDate), statement: true },
    { header: t('colRegistered'), width: 10, kind: 'input', validation: 'yesNo', cell: (l) => yesNo(R, l.registered), statement: true },
    { header: t('colPayment'), width: 11, kind: 'input', numFmt: NUMFMT.date, validation: 'date', cell: (l) => dateOf(l.paymentDate) },
    { header: t('colRepeatOf'), width: 9, kind: 'value', cell: (l) => l.duplicateOf },
    {
      header: t('colEligible'),
      width: 9,
      kind: 'formula',
      role: 'eligible',
      statement: true,
      cell: (_, r) => ({
        formula: ifYes(
          R,
          `AND(F${r}="",E${r}<>"",OR(${rf.requireRegistration}=${str(R.no)},D${r}=${Y}),` +
            `OR(AND(${rf.start}="",${rf.end}=""),AND(C${r}<>"",OR(${rf.start}="",C${r}>=${rf.start}),OR(${rf.end}="",C${r}<=${rf.end}))))`,
        ),
      }),
    },
    { header: t('colReward'), width: 12, kind: 'formula', numFmt: NUMFMT.cny, role: 'bonus', statement: true, cell: (_, r) => ({ formula: `IF(G${r}=${Y},ROUND(${rf.reward},2),0)` }) },
    { header: t('colPayBy'), width: 11, kind: 'formula', numFmt: NUMFMT.date, statement: true, cell: (_, r) => ({ formula: `IF(E${r}="","",E${r}+${rf.payoutDays})` }) },
    { header: t('colReason'), width: 60, kind: 'value', cell: (l) => l.reason, statement: true },
    { header: t('colSourceRow'), width: 8, kind: 'data', cell: (l) => l.rows[0] },
  ];
}

function feeCols(t: T, R: RulesRefs): Col<FeeLine>[] {
  const dev = t('feeKind_development');
  const fee = (kind: 'development' | 'maintenance', r: number) => `INDEX(${R.fees[kind]},MATCH(D${r},${R.fees.scopes},0))`;
  return [
    { header: t('colRep'), width: 12, kind: 'data', cell: (l) => l.rep, role: 'rep' },
    { header: t('colCustomer'), width: 16, kind: 'data', cell: (l) => l.customer, statement: true },
    { header: t('colDate'), width: 11, kind: 'data', numFmt: NUMFMT.date, cell: (l) => dateOf(l.date), statement: true },
    { header: t('colScope'), width: 10, kind: 'input', cell: (l) => R.fees.names[l.scope], statement: true },
    { header: t('colFeeKind'), width: 12, kind: 'data', cell: (l) => t(`feeKind_${l.fee}`), statement: true },
    { header: t('colYear'), width: 7, kind: 'data', cell: (l) => l.year },
    { header: t('colRepeatOf'), width: 9, kind: 'value', cell: (l) => l.duplicateOf },
    { header: t('colEligible'), width: 9, kind: 'formula', role: 'eligible', statement: true, cell: (_, r) => ({ formula: ifYes(R, `G${r}=""`) }) },
    {
      header: t('colFee'),
      width: 13,
      kind: 'formula',
      numFmt: NUMFMT.cny,
      role: 'bonus',
      statement: true,
      cell: (_, r) => ({ formula: `IF(H${r}=${str(R.yes)},ROUND(IF(E${r}=${str(dev)},${fee('development', r)},${fee('maintenance', r)}),2),0)` }),
    },
    { header: t('colReason'), width: 60, kind: 'value', cell: (l) => l.reason, statement: true },
  ];
}

function badDebtCols(t: T, R: RulesRefs): Col<BadDebtLine>[] {
  const bd = R.badDebt;
  const handler = t('role_handler');
  return [
    { header: t('colPerson'), width: 12, kind: 'data', cell: (l) => l.rep, role: 'rep' },
    { header: t('colRole'), width: 9, kind: 'data', cell: (l) => t(`role_${l.role}`), statement: true },
    { header: t('colCustomer'), width: 16, kind: 'data', cell: (l) => l.customer, statement: true },
    { header: t('colAmount'), width: 14, kind: 'input', numFmt: NUMFMT.decimal2, cell: (l) => n(l.amount), statement: true },
    { header: t('colCurrency2'), width: 8, kind: 'input', cell: (l) => l.currency },
    { header: t('colRate'), width: 12, kind: 'formula', numFmt: '0.0000', cell: (_, r) => ({ formula: `VLOOKUP(E${r},${R.fx},2,FALSE)` }) },
    { header: t('colAmountCny'), width: 14, kind: 'formula', numFmt: NUMFMT.decimal2, cell: (_, r) => ({ formula: `D${r}*F${r}` }) },
    { header: t('colWithin'), width: 10, kind: 'input', validation: 'yesNo', cell: (l) => yesNo(R, l.withinCredit), statement: true },
    {
      header: t('colShare'),
      width: 8,
      kind: 'formula',
      numFmt: NUMFMT.percent0,
      statement: true,
      cell: (_, r) => ({
        formula: `IF(H${r}=${str(R.no)},${bd.outsideHandler},IF(B${r}=${str(handler)},IF(${bd.insideHandler}="","",${bd.insideHandler}),IF(${bd.insideApprover}="","",${bd.insideApprover})))`,
      }),
    },
    { header: t('colEligible'), width: 9, kind: 'formula', role: 'eligible', cell: (_, r) => ({ formula: ifYes(R, `I${r}<>""`) }) },
    { header: t('colLiability'), width: 13, kind: 'formula', numFmt: NUMFMT.cny, role: 'bonus', statement: true, cell: (_, r) => ({ formula: `IF(J${r}=${str(R.yes)},ROUND(-G${r}*I${r},2),0)` }) },
    { header: t('colReason'), width: 60, kind: 'value', cell: (l) => l.reason, statement: true },
  ];
}

function buildSummary(
  result: BonusRunResult,
  blocks: RepBlock[],
  o: { t: T; R: RulesRefs; main: string; eligibleCol: string; bonusCol: string; periodText: string; computedNote: string; known?: NewCustomerValues },
): SheetSpec {
  // With known values: each formula with what it computes (the rep's rows, and all rows for the total).
  const totalsOf = (first: number, last: number) => o.known?.totals(first - HEADER_ROW - 1, last - HEADER_ROW);
  const withCached = (formula: string, cached: number | undefined): CellContent => (cached === undefined ? { formula } : { formula, cached });
  const { t, R, main } = o;
  const name = t('summarySheet');
  const b = new SheetBuilder(name);
  header(b, name, t('purposeSummary'), o.periodText, t('legend'), 6);
  const live = t('liveNote', { rules: R.sheetName });
  b.row(HEADER_ROW, 1, [t('colRep'), t('colLines'), t('colEligibleLines'), t('colBonus')], STYLE.header);
  b.at(HEADER_ROW, 4, t('colBonus'), STYLE.header, live);
  let r = HEADER_ROW + 1;
  for (const blk of blocks) {
    const range = (c: string) => `${main}$${c}$${blk.first}:$${c}$${blk.last}`;
    const v = totalsOf(blk.first, blk.last);
    b.at(r, 1, blk.rep, { border: COLORS.border });
    b.at(r, 2, withCached(`ROWS(${range('A')})`, v?.lines), style(STYLE.computed, { numFmt: NUMFMT.integer }));
    b.at(r, 3, withCached(`COUNTIF(${range(o.eligibleCol)},${str(R.yes)})`, v?.eligible), style(STYLE.computed, { numFmt: NUMFMT.integer }));
    b.at(r, 4, withCached(`SUM(${range(o.bonusCol)})`, v?.bonus), style(STYLE.computed, { numFmt: NUMFMT.cny }));
    r++;
  }
  const repsLast = HEADER_ROW + Math.max(blocks.length, 1);
  b.defineName({ name: BONUS_NAMES.summaryReps, ref: `$A$${HEADER_ROW + 1}:$A$${repsLast}` });
  b.defineName({ name: BONUS_NAMES.summaryTotals, ref: `$D$${HEADER_ROW + 1}:$D$${repsLast}` });
  const bold = { font: { bold: true } };
  b.at(r, 1, t('total'), style(STYLE.label, { alignment: { horizontal: 'left' } }));
  const all = blocks.length ? totalsOf(blocks[0].first, blocks[blocks.length - 1].last) : undefined;
  for (const c of [2, 3, 4]) {
    const letter = columnLetter(c);
    const cached = all && (c === 2 ? all.lines : c === 3 ? all.eligible : all.bonus);
    b.at(r, c, blocks.length ? withCached(`SUM(${letter}${HEADER_ROW + 1}:${letter}${r - 1})`, cached) : 0, style(STYLE.computed, bold, { numFmt: c === 4 ? NUMFMT.cny : NUMFMT.integer }));
  }
  r += 2;

  if (result.penalties?.length) {
    const asOf = serialToIso(result.penalties[0].asOf);
    b.set(cellRef(r, 1), t('secPenaltyCheck', { date: asOf }), STYLE.section).merge(rangeRef(r, 1, r, 6));
    r++;
    b.row(r, 1, [t('colRep'), t('colLastNew'), t('colFlag'), t('colPenalty'), t('colReason')], STYLE.header);
    b.at(r, 5, t('colReason'), STYLE.header, o.computedNote);
    r++;
    for (const p of result.penalties) {
      b.at(r, 1, p.rep, { border: COLORS.border });
      b.at(r, 2, dateOf(p.lastDevelopment), style(STYLE.computed, { numFmt: NUMFMT.date }));
      b.at(r, 3, yesNo(R, p.flagged), STYLE.computed);
      b.at(r, 4, n(p.penalty), style(STYLE.computed, { numFmt: NUMFMT.cny }));
      b.at(r, 5, p.reason, STYLE.computed);
      r++;
    }
    r++;
  }

  if (result.rejected.count > 0) {
    b.set(cellRef(r, 1), t('secRejected', { count: result.rejected.count }), STYLE.section).merge(rangeRef(r, 1, r, 6));
    r++;
    b.row(r, 1, [t('colRow'), t('colReason')], STYLE.header);
    r++;
    const shown = result.rejected.rows.slice(0, 100);
    for (const x of shown) {
      b.at(r, 1, x.row, { border: COLORS.border });
      b.set(cellRef(r, 2), x.reason, STYLE.note).merge(rangeRef(r, 2, r, 6));
      r++;
    }
    if (result.rejected.count > shown.length) b.set(cellRef(r, 1), t('moreRejected', { count: result.rejected.count - shown.length }), STYLE.note);
  }
  b.widths([16, 14, 14, 16, 60, 10]);
  b.configure({ freeze: { rows: HEADER_ROW, columns: 1 }, print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true } });
  return b.build();
}

/**
 * What a formula referring to a bonus-sheet cell shows, for tables whose every cell's value is
 * known (new-customer): a formula's stored value, a constant as a reference reads it.
 */
function mainValueOf<L>(cols: Col<L>[], lines: L[]): (row: number, col: number) => CachedValue {
  return (row, col) => {
    const v = cols[col].cell(lines[row - HEADER_ROW - 1], row);
    if (isFormula(v)) return v.cached ?? null;
    if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
    return v === null ? 0 : v;
  };
}

function buildStatement<L>(
  blk: RepBlock,
  cols: Col<L>[],
  o: { t: T; main: string; periodText: string; lang: Lang; known?: NewCustomerValues; mainValue?: (row: number, col: number) => CachedValue; asBlock?: boolean },
): SheetSpec {
  const { t } = o;
  const shown = cols.map((c, i) => ({ c, i, letter: columnLetter(i + 1), style: style(STYLE.computed, c.numFmt ? { numFmt: c.numFmt } : undefined) })).filter((x) => x.c.statement);
  const b = new SheetBuilder(t('statementSheet', { rep: blk.rep }));
  header(b, t('statementTitle', { rep: blk.rep }), t('statementPurpose', { rep: blk.rep }), o.periodText, t('legend'), shown.length);
  shown.forEach((x, i) => b.at(HEADER_ROW, i + 1, x.c.header, STYLE.header));
  const count = blk.last - blk.first + 1;
  const statementRow = (j: number): RowCellSpec[] => {
    const src = blk.first + j;
    return shown.map((x, i) => {
      const formula = `${o.main}${x.letter}${src}`;
      return { col: i + 1, value: o.mainValue ? { formula, cached: o.mainValue(src, x.i) } : { formula }, style: x.style };
    });
  };
  placeRows(b, HEADER_ROW + 1, count, statementRow, !!o.asBlock);
  const r = HEADER_ROW + 1 + count;
  const bonusAt = shown.findIndex((x) => x.c.role === 'bonus');
  const bonusLetter = columnLetter(bonusAt + 1);
  const sum = `SUM(${bonusLetter}${HEADER_ROW + 1}:${bonusLetter}${r - 1})`;
  const total = o.known?.totals(blk.first - HEADER_ROW - 1, blk.last - HEADER_ROW).bonus;
  b.at(r, 1, t('total'), style(STYLE.label, { alignment: { horizontal: 'left' } }));
  b.at(r, bonusAt + 1, total === undefined ? { formula: sum } : { formula: sum, cached: total }, style(STYLE.computed, { font: { bold: true }, numFmt: NUMFMT.cny }));
  b.widths(shown.map((x) => x.c.width));
  b.configure({
    freeze: { rows: HEADER_ROW, columns: 0 },
    print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: `${HEADER_ROW}:${HEADER_ROW}` },
  });
  return b.build();
}
