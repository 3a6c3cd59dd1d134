/**
 * The X/Y purchasing matrix sheet recalculated by LibreOffice: every class the sheet's formulas
 * compute equals `classifyMatrix` on the same inputs — with the default grid, with grid cells
 * changed before rendering, and with a grid cell changed in the written file as a person would.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { DEFAULT_MATRIX_GRID, MATRIX_LEVELS, classifyMatrix, type MatrixGrid } from '../../../src/domain/abc/matrix';
import type { Tier } from '../../../src/domain/abc/tiers';
import {
  MATRIX_COL,
  MATRIX_FIRST_ROW,
  MATRIX_SUMMARY_ROWS,
  buildAbcMatrixSheet,
  matrixGridCell,
  type MatrixCustomerRow,
} from '../../../src/sheets/abc/matrix-sheet';
import { columnLetter } from '../../../src/sheets/core/a1';
import { disallowedFunctions } from '../../../src/sheets/core/formula-functions';
import { isFormula, type Lang, type SheetSpec } from '../../../src/sheets/core/sheet-spec';
import { renderWorkbook } from '../../../src/xlsx/render-workbook';
import { errorCells, readWorkbook, recalc, type SheetValues } from '../../support/libreoffice';
import { FIXED_TODAY, tempDir } from '../../support/template-files';

const dir = tempDir('ap-abc-matrix-');
const YES: Record<Lang, string> = { 'zh-CN': '是', 'en-US': 'Yes' };

/** Every (X, Y) with VIP yes, no and blank, then rows the formulas must leave unclassified. */
function exampleRows(lang: Lang): MatrixCustomerRow[] {
  const name = (s: string) => (lang === 'zh-CN' ? `客户${s}` : `Customer ${s}`);
  const rows: MatrixCustomerRow[] = [];
  for (const vip of [null, false, true])
    for (let y = 0; y < MATRIX_LEVELS; y++)
      for (let x = 0; x < MATRIX_LEVELS; x++) rows.push({ customer: name(`${x}-${y}-${String(vip)}`), x, y, vip });
  rows.push(
    { customer: name('blank-xy'), vip: true },
    { customer: name('only-x'), x: 3 },
    { customer: name('x5'), x: 5, y: 1 },
    { customer: name('y-neg'), x: 1, y: -1 },
    { customer: name('x-half'), x: 2.5, y: 3, vip: true },
    { customer: name('x-text'), x: '3', y: 3 },
  );
  return rows;
}

/** What the engine says for a row: its class, or "" when it cannot classify (or the row is blank). */
function engineClass(row: MatrixCustomerRow | undefined, grid: MatrixGrid): string {
  if (!row || row.customer === '') return '';
  if (typeof row.x !== 'number' || typeof row.y !== 'number') return '';
  const r = classifyMatrix(row.x, row.y, row.vip === true, grid);
  return r.ok ? r.tier : '';
}

interface Case {
  lang: Lang;
  rows: MatrixCustomerRow[];
  /** The grid the engine is given for this file. */
  grid: MatrixGrid;
  sheet: SheetSpec;
  file: string;
}

const withCell = (grid: MatrixGrid, changes: [number, number, Tier][]): MatrixGrid => {
  const g = grid.map((row) => [...row]);
  for (const [x, y, tier] of changes) g[y][x] = tier;
  return g;
};

async function write(name: string, sheet: SheetSpec): Promise<string> {
  const file = path.join(dir, `${name}.xlsx`);
  writeFileSync(file, await renderWorkbook({ sheets: [sheet] }));
  return file;
}

const cases = new Map<string, Case>();
const computed = new Map<string, SheetValues>();
const errors = new Map<string, string[]>();
const SPEC_EDITS: [number, number, Tier][] = [
  [0, 4, 'B'], // capacity large, buying nothing yet: worth developing
  [4, 4, 'C'],
  [2, 2, 'A'],
  [1, 3, 'B'],
];
const FILE_EDIT: [number, number, Tier] = [4, 0, 'B'];

beforeAll(async () => {
  for (const lang of ['zh-CN', 'en-US'] as const) {
    const rows = exampleRows(lang);
    const sheet = buildAbcMatrixSheet({ lang, customers: rows, today: FIXED_TODAY });
    cases.set(lang, { lang, rows, grid: DEFAULT_MATRIX_GRID, sheet, file: await write(lang, sheet) });
  }
  // Grid cells changed in the SheetSpec before rendering, as if typed into the Rules grid.
  const rows = exampleRows('zh-CN');
  const edited = buildAbcMatrixSheet({ lang: 'zh-CN', customers: rows, today: FIXED_TODAY });
  for (const [x, y, tier] of SPEC_EDITS) edited.cells.find((c) => c.ref === matrixGridCell(x, y))!.value = tier;
  cases.set('spec-edit', {
    lang: 'zh-CN',
    rows,
    grid: withCell(DEFAULT_MATRIX_GRID, SPEC_EDITS),
    sheet: edited,
    file: await write('spec-edit', edited),
  });
  // A grid cell emptied: the sheet warns and leaves that cell's customers unclassified.
  const blanked = buildAbcMatrixSheet({ lang: 'en-US', customers: exampleRows('en-US'), today: FIXED_TODAY });
  blanked.cells.find((c) => c.ref === matrixGridCell(1, 1))!.value = null;
  cases.set('blank-cell', {
    lang: 'en-US',
    rows: exampleRows('en-US'),
    grid: DEFAULT_MATRIX_GRID,
    sheet: blanked,
    file: await write('blank-cell', blanked),
  });
  // A grid cell and a VIP flag changed in the written file with ExcelJS, as a person would in Excel.
  const base = cases.get('zh-CN')!;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(base.file);
  wb.worksheets[0].getCell(matrixGridCell(FILE_EDIT[0], FILE_EDIT[1])).value = FILE_EDIT[2];
  const flipped = base.rows.findIndex((r) => r.x === 0 && r.y === 0 && r.vip === null);
  wb.worksheets[0].getCell(`D${MATRIX_FIRST_ROW + flipped}`).value = YES['zh-CN'];
  const fileEdit = path.join(dir, 'file-edit.xlsx');
  await wb.xlsx.writeFile(fileEdit);
  const fileRows = base.rows.map((r, i) => (i === flipped ? { ...r, vip: true } : r));
  cases.set('file-edit', {
    lang: 'zh-CN',
    rows: fileRows,
    grid: withCell(DEFAULT_MATRIX_GRID, [FILE_EDIT]),
    sheet: base.sheet,
    file: fileEdit,
  });

  const names = [...cases.keys()];
  const outs = await recalc(names.map((n) => cases.get(n)!.file));
  for (let i = 0; i < names.length; i++) {
    const sheets = await readWorkbook(outs[i]);
    errors.set(names[i], errorCells(sheets));
    computed.set(names[i], sheets[0]);
  }
}, 300_000);

const col = (c: number) => columnLetter(c);
const bodyRows = (c: Case) =>
  c.sheet.cells.filter((x) => x.ref.startsWith('A') && Number(x.ref.slice(1)) >= MATRIX_FIRST_ROW).length;

describe('X/Y matrix sheet, recalculated by LibreOffice', () => {
  test('no error values in any file', () => {
    expect(errors.size).toBe(5);
    for (const [name, e] of errors) expect({ name, e }).toEqual({ name, e: [] });
  });

  test.each(['zh-CN', 'en-US', 'spec-edit', 'file-edit'])(
    '%s: every class equals classifyMatrix on the same inputs; blank rows stay ""',
    (name) => {
      const c = cases.get(name)!;
      const s = computed.get(name)!;
      const n = bodyRows(c);
      expect(n).toBeGreaterThan(c.rows.length); // blank rows follow the customers
      const sheetClasses = Array.from(
        { length: n },
        (_, i) => s.values.get(`${col(MATRIX_COL.cls)}${MATRIX_FIRST_ROW + i}`) ?? '',
      );
      const expected = Array.from({ length: n }, (_, i) => engineClass(c.rows[i], c.grid));
      expect(sheetClasses).toEqual(expected);
      // Every class occurs, and the edits really changed something.
      for (const t of ['A', 'B', 'C']) expect(expected).toContain(t);
      for (const t of ['A', 'B', 'C'] as const)
        expect(s.values.get(`J${MATRIX_SUMMARY_ROWS[t]}`)).toBe(expected.filter((x) => x === t).length);
      expect(s.values.get(`J${MATRIX_SUMMARY_ROWS.unclassified}`)).toBe(
        c.rows.length - expected.filter((x) => x !== '').length,
      );
    },
  );

  test('the edits changed classes against the default grid (the formulas read the grid, not constants)', () => {
    for (const name of ['spec-edit', 'file-edit']) {
      const c = cases.get(name)!;
      const changed = c.rows.filter((r) => engineClass(r, c.grid) !== engineClass(r, DEFAULT_MATRIX_GRID));
      expect(changed.length).toBeGreaterThan(0);
    }
    const s = computed.get('spec-edit')!;
    const rows = cases.get('spec-edit')!.rows;
    const at = (x: number, y: number) =>
      s.values.get(`E${MATRIX_FIRST_ROW + rows.findIndex((r) => r.x === x && r.y === y && r.vip === null)}`);
    expect([at(0, 4), at(4, 4), at(2, 2), at(1, 3)]).toEqual(['B', 'C', 'A', 'B']);
  });

  test('notes: missing X/Y, out-of-range levels and VIP are explained', () => {
    const s = computed.get('en-US')!;
    const rows = cases.get('en-US')!.rows;
    const note = (customer: string) =>
      s.values.get(`F${MATRIX_FIRST_ROW + rows.findIndex((r) => r.customer === `Customer ${customer}`)}`);
    expect(note('blank-xy')).toBe('Fill in X and Y');
    expect(note('only-x')).toBe('Fill in X and Y');
    expect(note('x5')).toBe('X, Y: whole 0–4');
    expect(note('x-half')).toBe('X, Y: whole 0–4');
    expect(note('x-text')).toBe('X, Y: whole 0–4');
    expect(note('4-4-true')).toBe('VIP: A');
    expect(note('4-4-null')).toBe('');
  });

  test('a grid cell left empty shows the warning and leaves its customers unclassified', () => {
    const c = cases.get('blank-cell')!;
    const s = computed.get('blank-cell')!;
    const warning = [...s.values].find(([, v]) => v === 'Every grid cell must be A, B or C.');
    expect(warning).toBeDefined();
    expect(computed.get('en-US')!.values.get(warning![0])).toBe('');
    c.rows.forEach((r, i) => {
      const got = s.values.get(`E${MATRIX_FIRST_ROW + i}`);
      if (r.x === 1 && r.y === 1 && r.vip !== true) expect(got).toBe('');
      else expect(got).toBe(engineClass(r, c.grid));
    });
  });
});

describe('X/Y matrix sheet, as written', () => {
  const CJK = /[\u3400-\u9fff\uff00-\uffef]/;
  // XY: the two axes together, as in the sheet name 'XY矩阵'.
  const LATIN_ALLOWED = new Set(['VIP', 'X', 'Y', 'XY', 'A', 'B', 'C', 'ABC']);
  function visibleTexts(sheet: SheetSpec): string[] {
    const texts = [sheet.name];
    for (const c of sheet.cells) if (typeof c.value === 'string') texts.push(c.value);
    for (const c of sheet.cells) if (c.note) texts.push(c.note);
    // Texts a formula can show.
    for (const c of sheet.cells)
      if (isFormula(c.value)) for (const m of c.value.formula.matchAll(/"((?:[^"]|"")*)"/g)) texts.push(m[1]);
    for (const t of sheet.tables ?? []) texts.push(...t.columns.map((x) => x.name));
    for (const v of sheet.validations ?? []) {
      if (v.rule.type === 'list') texts.push(...v.rule.values);
      if (v.prompt) texts.push(v.prompt.title, v.prompt.message);
      if (v.error) texts.push(v.error.title, v.error.message);
    }
    return texts.filter((x) => x !== '');
  }

  test('zh-CN shows no English words; en-US shows no Chinese', () => {
    const zh = buildAbcMatrixSheet({ lang: 'zh-CN', customers: [{ customer: '华为' }], sourceNote: '来源' });
    const english = visibleTexts(zh).filter((t) => (t.match(/[A-Za-z]+/g) ?? []).some((w) => !LATIN_ALLOWED.has(w)));
    expect(english).toEqual([]);
    const en = buildAbcMatrixSheet({ lang: 'en-US', customers: [{ customer: 'Acme' }] });
    expect(visibleTexts(en).filter((t) => CJK.test(t))).toEqual([]);
  });

  test('formulas use only Excel 2010 functions and read the named grid with INDEX', () => {
    const s = cases.get('zh-CN')!.sheet;
    const formulas = s.cells.flatMap((c) => (isFormula(c.value) ? [c.value.formula] : []));
    expect(formulas.flatMap((f) => disallowedFunctions(f))).toEqual([]);
    expect(s.names).toEqual([{ name: 'ABC_MATRIX_GRID', ref: '$C$9:$G$13' }]);
    const cls = s.cells.find((c) => c.ref === `E${MATRIX_FIRST_ROW}`)!.value;
    expect(isFormula(cls) && cls.formula).toContain('INDEX(ABC_MATRIX_GRID,');
    expect(buildAbcMatrixSheet({ lang: 'en-US', namePrefix: 'ABC2_' }).names![0].name).toBe('ABC2_MATRIX_GRID');
  });

  test('the file carries the named grid, drop-downs, whole-number rules, tier colours, protection with unlocked inputs, A4 landscape', async () => {
    const file = cases.get('zh-CN')!.file;
    const zip = await JSZip.loadAsync(readFileSync(file));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml.replace(/&apos;/g, "'")).toMatch(
      /<definedName name="ABC_MATRIX_GRID"[^>]*>'XY矩阵'!\$C\$9:\$G\$13<\/definedName>/,
    );
    const xml = (await zip.file('xl/worksheets/sheet1.xml')!.async('string')).replace(/&quot;/g, '"');
    expect(xml).toMatch(/<dataValidation [^>]*type="list"[^>]*sqref="C9:G13"[^>]*>\s*<formula1>"A,B,C"<\/formula1>/);
    const f = MATRIX_FIRST_ROW;
    expect(xml).toMatch(
      new RegExp(
        `<dataValidation [^>]*type="whole"[^>]*sqref="B${f}:B\\d+"[^>]*>\\s*<formula1>0</formula1>\\s*<formula2>4</formula2>`,
      ),
    );
    expect(xml).toMatch(new RegExp(`<dataValidation [^>]*type="whole"[^>]*sqref="C${f}:C\\d+"`));
    expect(xml).toMatch(
      new RegExp(`<dataValidation [^>]*type="list"[^>]*sqref="D${f}:D\\d+"[^>]*>\\s*<formula1>"是,否"</formula1>`),
    );
    expect(xml).toMatch(/<conditionalFormatting sqref="C9:G13">/);
    expect(xml).toMatch(new RegExp(`<conditionalFormatting sqref="E${f}:E\\d+">`));
    expect(xml).toMatch(/<sheetProtection /);
    expect(xml).toMatch(/<pageSetup[^>]*orientation="landscape"/);
    expect(xml).toMatch(/<pageSetup[^>]*paperSize="9"/);
    expect(Object.keys(zip.files).some((n) => /^xl\/tables\/table\d+\.xml$/.test(n))).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const locked = (ref: string) => ws.getCell(ref).protection?.locked !== false;
    expect(locked(matrixGridCell(0, 0))).toBe(false);
    expect(locked(matrixGridCell(4, 4))).toBe(false);
    for (const c of ['A', 'B', 'C', 'D']) expect(locked(`${c}${MATRIX_FIRST_ROW + 3}`)).toBe(false);
    expect(locked(`E${MATRIX_FIRST_ROW}`)).toBe(true);
    expect(locked(`F${MATRIX_FIRST_ROW}`)).toBe(true);
    expect(locked('J8')).toBe(true);
  });
});
