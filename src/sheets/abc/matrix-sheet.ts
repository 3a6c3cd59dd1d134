import { a4Landscape } from '../core/print-layout';
import { DEFAULT_MATRIX_GRID, MATRIX_LEVELS, type MatrixGrid } from '../../domain/abc/matrix';
import type { AbcResult } from '../../domain/abc/run';
import abcMessages from '../../i18n/abc';
import { translator, type Lang } from '../../i18n/define';
import { cellRef, rangeRef } from '../core/a1';
import { q, validationFor } from '../core/planning-table';
import { SheetBuilder } from '../core/sheet-builder';
import type { CellContent, SheetSpec } from '../core/sheet-spec';
import { COLORS, NUMFMT, STYLE, style } from '../core/styles';
import { titleBlock } from '../core/title-block';

/**
 * The X/Y purchasing matrix (docs/rules/abc.md, second axis): the 5×5 rules grid as editable input cells
 * under a defined name, and a customer table whose class is a live formula — INDEX into the grid
 * at the customer's X column and Y row, A for a VIP. Each row's formula reads only its own row and
 * the 25 grid cells, so recalculation is linear in the number of customers.
 */

export interface MatrixCustomerRow {
  customer: string;
  /** Current purchasing 0–4; null or absent leaves the cell blank for the user. */
  x?: number | string | null;
  /** Total purchasing capacity 0–4. */
  y?: number | string | null;
  vip?: boolean | null;
}

export interface MatrixSheetOptions {
  lang: Lang;
  /** Date for the title block. */
  today?: Date;
  /** The rules grid, grid[y][x]; default DEFAULT_MATRIX_GRID. */
  grid?: MatrixGrid;
  customers?: readonly MatrixCustomerRow[];
  /** Blank table rows after the customers, for more to be typed in; default 20 (at least 30 rows in all). */
  blankRows?: number;
  /** Prefix of the defined name and the table name (workbook-unique); default 'ABC_'. */
  namePrefix?: string;
  /** A line under the title block, e.g. where the customers came from. */
  sourceNote?: string;
}

/** Rows of the grid: the X level labels, then Y = 4 at the top down to Y = 0. */
const X_LABEL_ROW = 8;
const GRID_TOP = 9;
const GRID_LEFT = 3;
const GRID_NOTE_ROW = GRID_TOP + MATRIX_LEVELS;
const GRID_WARNING_ROW = GRID_NOTE_ROW + 1;
const SUMMARY_COL = 9;
export const MATRIX_HEADER_ROW = GRID_WARNING_ROW + 3;
export const MATRIX_FIRST_ROW = MATRIX_HEADER_ROW + 1;
/** Columns of the customer table. */
export const MATRIX_COL = { customer: 1, x: 2, y: 3, vip: 4, cls: 5, note: 6 } as const;
/** Summary: class A, B, C, not classified, in column J of these rows. */
export const MATRIX_SUMMARY_ROWS = { A: 8, B: 9, C: 10, unclassified: 11 } as const;
const LAST_COL = SUMMARY_COL + 1;

/**
 * The customers of an ABC result as matrix rows with X, Y and VIP left blank: value order, then
 * the zero/negative ones; without grouping a customer listed on several rows appears once.
 */
export function matrixRowsFromAbc(result: AbcResult): MatrixCustomerRow[] {
  const seen = new Set<string>();
  const rows: MatrixCustomerRow[] = [];
  for (const c of [...result.customers, ...result.nonPositive])
    if (!seen.has(c.customer)) {
      seen.add(c.customer);
      rows.push({ customer: c.customer });
    }
  return rows;
}

/** A1 address of the grid cell for current purchasing x and capacity y (both 0–4). */
export function matrixGridCell(x: number, y: number): string {
  return cellRef(GRID_TOP + MATRIX_LEVELS - 1 - y, GRID_LEFT + x);
}

export function buildAbcMatrixSheet(o: MatrixSheetOptions): SheetSpec {
  const t = translator(abcMessages, o.lang);
  const b = new SheetBuilder(t('matrixSheetName'));
  const prefix = o.namePrefix ?? 'ABC_';
  const gridName = `${prefix}MATRIX_GRID`;
  const grid = o.grid ?? DEFAULT_MATRIX_GRID;
  const levels = t('matrixLevels').split('|');
  const levelList = levels.map((name, i) => `${i} ${name}`).join(o.lang === 'zh-CN' ? '，' : ', ');
  b.configure({ stamp: { kind: 'abc-matrix', version: 1 } });
  titleBlock(b, {
    lang: o.lang,
    title: t('matrixTitle'),
    purpose: t('matrixPurpose'),
    width: LAST_COL,
    date: o.today ?? new Date(),
  });
  if (o.sourceNote) b.at(5, 1, o.sourceNote, STYLE.note).merge(rangeRef(5, 1, 5, LAST_COL));

  // The rules grid: X across, Y down (largest capacity on top, as the matrix is usually drawn).
  const gridLeft = GRID_LEFT;
  const gridRight = GRID_LEFT + MATRIX_LEVELS - 1;
  const gridBottom = GRID_TOP + MATRIX_LEVELS - 1;
  const axis = style(STYLE.header, { fill: COLORS.sectionFill, font: { color: COLORS.title } });
  b.at(6, 1, t('matrixGrid'), STYLE.section).merge(rangeRef(6, 1, 6, gridRight));
  b.at(7, gridLeft, t('matrixX'), axis).merge(rangeRef(7, gridLeft, 7, gridRight));
  b.at(GRID_TOP, 1, t('matrixY'), axis).merge(rangeRef(GRID_TOP, 1, gridBottom, 1));
  for (let x = 0; x < MATRIX_LEVELS; x++) b.at(X_LABEL_ROW, gridLeft + x, `${x} ${levels[x]}`, axis);
  const gridCell = style(STYLE.input, {
    font: { bold: true },
    alignment: { horizontal: 'center', vertical: 'middle' },
  });
  for (let y = MATRIX_LEVELS - 1; y >= 0; y--) {
    const row = GRID_TOP + MATRIX_LEVELS - 1 - y;
    b.at(row, 2, `${y} ${levels[y]}`, axis);
    for (let x = 0; x < MATRIX_LEVELS; x++) b.set(matrixGridCell(x, y), grid[y][x], gridCell);
  }
  const gridRef = rangeRef(GRID_TOP, gridLeft, gridBottom, gridRight);
  const GRID = gridName;
  b.defineName({ name: gridName, ref: rangeRef(GRID_TOP, gridLeft, gridBottom, gridRight, true) });
  b.validation(validationFor(o.lang, gridRef, { list: ['A', 'B', 'C'], prompt: t('matrixPromptGrid') }));
  tierColours(b, gridRef);
  b.at(GRID_NOTE_ROW, 1, t('matrixRuleNote'), STYLE.note).merge(rangeRef(GRID_NOTE_ROW, 1, GRID_NOTE_ROW, LAST_COL));
  b.at(
    GRID_WARNING_ROW,
    1,
    {
      formula: `IF(COUNTIF(${GRID},"A")+COUNTIF(${GRID},"B")+COUNTIF(${GRID},"C")<${MATRIX_LEVELS ** 2},${q(t('matrixGridWarning'))},"")`,
    },
    {
      font: { bold: true, color: COLORS.redText },
    },
  ).merge(rangeRef(GRID_WARNING_ROW, 1, GRID_WARNING_ROW, LAST_COL));

  // The customer table.
  const customers = o.customers ?? [];
  const rows = Math.max(customers.length + (o.blankRows ?? 20), 30);
  const f = MATRIX_FIRST_ROW;
  const l = f + rows - 1;
  const yes = t('yes');
  const no = t('no');
  b.at(MATRIX_HEADER_ROW - 1, 1, t('matrixCustomers'), STYLE.section).merge(
    rangeRef(MATRIX_HEADER_ROW - 1, 1, MATRIX_HEADER_ROW - 1, MATRIX_COL.note),
  );
  const headers = [t('customer'), t('matrixX'), t('matrixY'), t('matrixVip'), t('matrixClass'), t('matrixNote')];
  b.row(MATRIX_HEADER_ROW, 1, headers, STYLE.header);
  const centred = style(STYLE.input, { alignment: { horizontal: 'center' } });
  const level = (v: number | string | null | undefined): CellContent => (v === undefined ? null : v);
  for (let i = 0; i < rows; i++) {
    const r = f + i;
    const c = customers[i];
    const [A, X, Y, V] = [`A${r}`, `B${r}`, `C${r}`, `D${r}`];
    b.at(r, MATRIX_COL.customer, c ? c.customer : null, STYLE.input);
    b.at(r, MATRIX_COL.x, level(c?.x), style(centred, { numFmt: '0' }));
    b.at(r, MATRIX_COL.y, level(c?.y), style(centred, { numFmt: '0' }));
    b.at(r, MATRIX_COL.vip, c?.vip === true ? yes : c?.vip === false ? no : null, centred);
    const numbers = `AND(ISNUMBER(${X}),ISNUMBER(${Y}))`;
    const inRange = `AND(${X}>=0,${X}<=${MATRIX_LEVELS - 1},${Y}>=0,${Y}<=${MATRIX_LEVELS - 1},${X}=INT(${X}),${Y}=INT(${Y}))`;
    // &"" turns a blanked grid cell into "" rather than 0.
    const cls = `IF(${V}=${q(yes)},"A",INDEX(${GRID},${MATRIX_LEVELS}-${Y},${X}+1)&"")`;
    b.at(
      r,
      MATRIX_COL.cls,
      { formula: `IF(${A}="","",IF(${numbers},IF(${inRange},${cls},""),""))` },
      style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } }),
    );
    b.at(
      r,
      MATRIX_COL.note,
      {
        formula:
          `IF(${A}="","",IF(OR(${X}="",${Y}=""),${q(t('matrixMissing'))},IF(${numbers},IF(${inRange},` +
          `IF(${V}=${q(yes)},${q(t('matrixVipNote'))},""),${q(t('matrixRange'))}),${q(t('matrixRange'))})))`,
      },
      style(STYLE.computed, { font: { color: COLORS.note } }),
    );
  }
  b.table({
    name: `${prefix}MatrixCustomers`.replace(/[^A-Za-z0-9_]/g, '_'),
    ref: rangeRef(MATRIX_HEADER_ROW, 1, l, MATRIX_COL.note),
    columns: headers.map((name) => ({ name })),
    style: 'TableStyleLight1',
    showRowStripes: false,
  });
  const levelRule = (prompt: string) => ({ whole: [0, MATRIX_LEVELS - 1] as [number, number], prompt });
  b.validation(
    validationFor(
      o.lang,
      rangeRef(f, MATRIX_COL.x, l, MATRIX_COL.x),
      levelRule(t('matrixPromptX', { levels: levelList })),
    ),
  );
  b.validation(
    validationFor(
      o.lang,
      rangeRef(f, MATRIX_COL.y, l, MATRIX_COL.y),
      levelRule(t('matrixPromptY', { levels: levelList })),
    ),
  );
  b.validation(
    validationFor(o.lang, rangeRef(f, MATRIX_COL.vip, l, MATRIX_COL.vip), {
      list: [yes, no],
      prompt: t('matrixPromptVip'),
    }),
  );
  const classes = rangeRef(f, MATRIX_COL.cls, l, MATRIX_COL.cls, true);
  tierColours(b, rangeRef(f, MATRIX_COL.cls, l, MATRIX_COL.cls));

  // Customers per class, beside the grid.
  const sr = MATRIX_SUMMARY_ROWS;
  b.row(7, SUMMARY_COL, [t('matrixClass'), t('customers')], STYLE.header);
  const cs = style(STYLE.computed, { numFmt: NUMFMT.integer });
  for (const tier of ['A', 'B', 'C'] as const) {
    b.at(
      sr[tier],
      SUMMARY_COL,
      tier,
      style(STYLE.computed, { font: { bold: true }, alignment: { horizontal: 'center' } }),
    );
    b.at(sr[tier], SUMMARY_COL + 1, { formula: `COUNTIF(${classes},"${tier}")` }, cs);
  }
  tierColours(b, rangeRef(sr.A, SUMMARY_COL, sr.C, SUMMARY_COL));
  const names = rangeRef(f, MATRIX_COL.customer, l, MATRIX_COL.customer, true);
  b.at(sr.unclassified, SUMMARY_COL, t('matrixUnclassified'), STYLE.computed);
  b.at(sr.unclassified, SUMMARY_COL + 1, { formula: `SUMPRODUCT((${names}<>"")*(${classes}=""))` }, cs);

  b.configure({
    columns: [
      { index: 1, width: 30 },
      { index: 2, width: 16 },
      ...[3, 4, 5, 6, 7].map((index) => ({ index, width: 13 })),
      { index: 8, width: 3 },
      { index: SUMMARY_COL, width: 18 },
      { index: SUMMARY_COL + 1, width: 10 },
    ],
    rowHeights: { 1: 26, 2: 18, 3: 20, 7: 20, [X_LABEL_ROW]: 20, [GRID_NOTE_ROW]: 30, [MATRIX_HEADER_ROW]: 48 },
    print: a4Landscape(rangeRef(1, 1, l, LAST_COL), `${MATRIX_HEADER_ROW}:${MATRIX_HEADER_ROW}`),
    protection: { enabled: true },
    tabColor: COLORS.title,
  });
  return b.build();
}

function tierColours(b: SheetBuilder, ref: string): void {
  for (const [tier, fill, color] of [
    ['A', COLORS.tierA, COLORS.greenText],
    ['B', COLORS.tierB, COLORS.yellowText],
    ['C', COLORS.tierC, COLORS.note],
  ] as const)
    b.conditional({
      ref,
      rules: [{ type: 'cellIs', operator: 'equal', formulas: [`"${tier}"`], style: { fill, font: { color } } }],
    });
}
