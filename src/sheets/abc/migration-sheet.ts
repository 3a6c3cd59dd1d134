import { a4Landscape } from '../core/print-layout';
import { MATRIX_KEYS, MOVEMENTS, type MatrixKey, type Movement, type TierMigration } from '../../domain/abc/tier-migration';
import { translator, type Lang } from '../../i18n/define';
import messages from '../../i18n/tier-migration';
import { cellRef, rangeRef } from '../core/a1';
import { q } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';

/**
 * The tier migration sheet (docs/rules/tier-migration.md): visit quotas per tier as inputs,
 * counts per movement, the before/after totals, the before × after matrix, and one row per
 * customer with the tiers and values of both runs. Movement, value change and visits are live
 * formulas over the row's own cells and the quota inputs, so changing a quota (or correcting a
 * tier) recomputes the sheet. Only Excel 2010 functions, in forms IronCalc and LibreOffice agree on.
 */

export interface MigrationSheetOptions {
  lang: Lang;
  today?: Date;
  /** What the two runs were (file names, dates), for the source note. */
  previousLabel: string;
  currentLabel: string;
  /** Table name prefix, unique in the workbook; default 'Migration'. */
  namePrefix?: string;
}

/** Customer table columns. */
const COL = { customer: 1, before: 2, after: 3, movement: 4, valueBefore: 5, valueAfter: 6, valueChange: 7, visitsBefore: 8, visitsAfter: 9, visitsChange: 10 } as const;
const WIDTH = COL.visitsChange;
/** Quota inputs: tiers A, B, C on these rows, the visits in column B. */
export const MIGRATION_QUOTA_ROWS = { A: 8, B: 9, C: 10 } as const;
/** Movement counts in E on these rows (D holds the label). */
export const MIGRATION_MOVEMENT_ROWS: Record<Movement, number> = { up: 8, down: 9, new: 10, lost: 11, same: 12 };
/** Totals in H (before), I (after), J (change): visits on row 8, value on row 9. */
export const MIGRATION_TOTAL_ROWS = { visits: 8, value: 9 } as const;
/** The matrix: header on row 15, tiers before (A, B, C, absent) on rows 16–19, tiers after in columns B–E, the row total in F. */
export const MIGRATION_MATRIX_TOP = 15;
const RULE_ROW = 21;
const SOURCE_ROW = 22;
export const MIGRATION_HEADER_ROW = 24;
export const MIGRATION_FIRST_ROW = MIGRATION_HEADER_ROW + 1;

export function buildMigrationSheet(m: TierMigration, o: MigrationSheetOptions): SheetSpec {
  const t = translator(messages, o.lang);
  const b = new SheetBuilder(t('sheetName'));
  const today = o.today ?? new Date();
  titleBlock(b, { lang: o.lang, title: t('title'), purpose: t('purpose'), width: WIDTH, date: today });
  const none = t('none');
  const label: Record<Movement, string> = { up: t('up'), down: t('down'), new: t('new'), lost: t('lost'), same: t('same') };
  const f = MIGRATION_FIRST_ROW;
  const l = f + Math.max(m.rows.length, 1) - 1;
  const col = (c: number) => rangeRef(f, c, l, c, true);
  const cs = style(STYLE.computed, { numFmt: NUMFMT.integer });
  const valueFmt = '#,##0.00';
  const section = (row: number, c1: number, c2: number, text: string) => b.at(row, c1, text, STYLE.section).merge(rangeRef(row, c1, row, c2));

  // Visit quotas per tier (inputs).
  section(6, 1, 2, t('quotas'));
  b.row(7, 1, [t('tier'), t('visitsPerMonth')], STYLE.header);
  const quota: Record<'A' | 'B' | 'C', string> = { A: cellRef(MIGRATION_QUOTA_ROWS.A, 2, true), B: cellRef(MIGRATION_QUOTA_ROWS.B, 2, true), C: cellRef(MIGRATION_QUOTA_ROWS.C, 2, true) };
  for (const tier of ['A', 'B', 'C'] as const) {
    const row = MIGRATION_QUOTA_ROWS[tier];
    b.at(row, 1, tier, style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } }));
    b.at(row, 2, m.quotas[tier], style(STYLE.input, { numFmt: '0', alignment: { horizontal: 'center' } }));
  }
  b.validation({ ref: rangeRef(MIGRATION_QUOTA_ROWS.A, 2, MIGRATION_QUOTA_ROWS.C, 2), rule: { type: 'whole', min: 0, max: 31 }, allowBlank: false });

  // Counts per movement.
  section(6, 4, 5, t('movements'));
  b.row(7, 4, [t('movement'), t('customers')], STYLE.header);
  for (const mv of MOVEMENTS) {
    const row = MIGRATION_MOVEMENT_ROWS[mv];
    b.at(row, 4, label[mv], style(STYLE.computed, { font: { bold: true } }));
    b.at(row, 5, { formula: `COUNTIF(${col(COL.movement)},${q(label[mv])})` }, cs);
  }

  // Totals before and after.
  section(6, 7, 10, t('totals'));
  b.row(7, 7, ['', t('before'), t('after'), t('change')], STYLE.header);
  const totals: [number, string, number, number, string][] = [
    [MIGRATION_TOTAL_ROWS.visits, t('visitsTotal'), COL.visitsBefore, COL.visitsAfter, NUMFMT.integer],
    [MIGRATION_TOTAL_ROWS.value, t('valueTotal'), COL.valueBefore, COL.valueAfter, valueFmt],
  ];
  for (const [row, text, before, after, numFmt] of totals) {
    b.at(row, 7, text, style(STYLE.computed, { font: { bold: true } }));
    b.at(row, 8, { formula: `SUM(${col(before)})` }, style(STYLE.computed, { numFmt }));
    b.at(row, 9, { formula: `SUM(${col(after)})` }, style(STYLE.computed, { numFmt }));
    b.at(row, 10, { formula: `I${row}-H${row}` }, style(STYLE.computed, { numFmt }));
  }

  // The matrix: customers by tier before (rows) and after (columns); "—" = not in that run.
  const top = MIGRATION_MATRIX_TOP;
  section(top - 1, 1, 6, t('matrix'));
  const keyLabel = (k: MatrixKey) => (k === '' ? t('absent') : k);
  b.row(top, 1, [t('matrixCorner'), ...MATRIX_KEYS.map(keyLabel), t('totals')], STYLE.header);
  const tierText = (k: MatrixKey) => (k === '' ? none : k);
  MATRIX_KEYS.forEach((from, i) => {
    const row = top + 1 + i;
    b.at(row, 1, keyLabel(from), style(STYLE.computed, { font: { bold: true } }));
    MATRIX_KEYS.forEach((to, j) => {
      // Nobody is absent from both runs: that cell stays empty.
      if (from === '' && to === '') b.at(row, 2 + j, null, cs);
      else b.at(row, 2 + j, { formula: `COUNTIFS(${col(COL.before)},${q(tierText(from))},${col(COL.after)},${q(tierText(to))})` }, cs);
    });
    b.at(row, 2 + MATRIX_KEYS.length, { formula: `SUM(B${row}:E${row})` }, cs);
  });
  b.conditional({
    ref: rangeRef(top + 1, 2, top + MATRIX_KEYS.length, 1 + MATRIX_KEYS.length),
    rules: [{ type: 'cellIs', operator: 'greaterThan', formulas: ['0'], style: { font: { bold: true } } }],
  });

  b.at(RULE_ROW, 1, t('ruleNote'), STYLE.note).merge(rangeRef(RULE_ROW, 1, RULE_ROW, WIDTH));
  b.at(SOURCE_ROW, 1, t('sourceNote', { previous: o.previousLabel, current: o.currentLabel }), STYLE.note).merge(rangeRef(SOURCE_ROW, 1, SOURCE_ROW, WIDTH));

  // One row per customer.
  const headers = [t('customer'), t('tierBefore'), t('tierAfter'), t('movement'), t('valueBefore'), t('valueAfter'), t('valueChange'), t('visitsBefore'), t('visitsAfter'), t('visitsChange')];
  b.row(MIGRATION_HEADER_ROW, 1, headers, STYLE.header);
  const rowStyle = {
    tier: style(STYLE.input, { font: { bold: true }, alignment: { horizontal: 'center' } }),
    value: style(STYLE.input, { numFmt: valueFmt }),
    computedValue: style(STYLE.computed, { numFmt: valueFmt }),
    movement: style(STYLE.computed, { font: { bold: true } }),
  };
  const visits = (tierCell: string) => `IF(${tierCell}="A",${quota.A},IF(${tierCell}="B",${quota.B},IF(${tierCell}="C",${quota.C},0)))`;
  for (let i = 0; i < Math.max(m.rows.length, 1); i++) {
    const row = f + i;
    const r = m.rows[i];
    const c = (k: keyof typeof COL) => cellRef(row, COL[k]);
    b.at(row, COL.customer, r ? r.customer : null, STYLE.input);
    b.at(row, COL.before, r ? (r.before ?? none) : null, rowStyle.tier);
    b.at(row, COL.after, r ? (r.after ?? none) : null, rowStyle.tier);
    // Tiers compare by their place in "ABC": a smaller place is a better tier.
    const [before, after] = [c('before'), c('after')];
    b.at(
      row,
      COL.movement,
      {
        formula: `IF(${c('customer')}="","",IF(${before}=${q(none)},${q(label.new)},IF(${after}=${q(none)},${q(label.lost)},IF(FIND(${after},"ABC")<FIND(${before},"ABC"),${q(label.up)},IF(FIND(${after},"ABC")>FIND(${before},"ABC"),${q(label.down)},${q(label.same)})))))`,
      },
      rowStyle.movement,
    );
    b.at(row, COL.valueBefore, r?.valueBefore !== undefined ? r.valueBefore.toNumber() : null, rowStyle.value);
    b.at(row, COL.valueAfter, r?.valueAfter !== undefined ? r.valueAfter.toNumber() : null, rowStyle.value);
    b.at(row, COL.valueChange, { formula: `N(${c('valueAfter')})-N(${c('valueBefore')})` }, rowStyle.computedValue);
    b.at(row, COL.visitsBefore, { formula: visits(before) }, cs);
    b.at(row, COL.visitsAfter, { formula: visits(after) }, cs);
    b.at(row, COL.visitsChange, { formula: `${c('visitsAfter')}-${c('visitsBefore')}` }, cs);
  }
  b.validation({ ref: rangeRef(f, COL.before, l, COL.after), rule: { type: 'list', values: ['A', 'B', 'C', none] }, allowBlank: true });
  b.table({
    name: `${o.namePrefix ?? 'Migration'}_Customers`.replace(/[^A-Za-z0-9_]/g, '_'),
    ref: rangeRef(MIGRATION_HEADER_ROW, 1, l, WIDTH),
    columns: headers.map((name) => ({ name })),
    style: 'TableStyleLight1',
    showRowStripes: false,
  });
  const movementRange = rangeRef(f, COL.movement, l, COL.movement);
  for (const [mv, fill, color] of [
    ['up', COLORS.green, COLORS.greenText],
    ['down', COLORS.red, COLORS.redText],
    ['lost', COLORS.red, COLORS.redText],
    ['new', COLORS.yellow, COLORS.yellowText],
  ] as const)
    b.conditional({ ref: movementRange, rules: [{ type: 'cellIs', operator: 'equal', formulas: [q(label[mv])], style: { fill, font: { color } } }] });

  b.configure({
    columns: [
      { index: 1, width: 28 },
      ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((index) => ({ index, width: index >= 5 && index <= 7 ? 16 : 13 })),
    ],
    rowHeights: { 1: 26, 2: 18, 3: 20, [RULE_ROW]: 42 },
    freeze: { rows: MIGRATION_HEADER_ROW, columns: 1 },
    print: a4Landscape(rangeRef(1, 1, l, WIDTH), `${MIGRATION_HEADER_ROW}:${MIGRATION_HEADER_ROW}`),
    tabColor: COLORS.title,
  });
  return b.build();
}
