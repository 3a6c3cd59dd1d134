/**
 * Every table can grow: in each table of each template's example, LibreOffice inserts a sheet row
 * inside the table and copies the table's first filled row into it, as a planner does (a Basic
 * macro run headless, test/support/lo-macro.ts: LibreOffice itself shifts every reference, name,
 * table range and rule, so no reference arithmetic of ours is trusted), recalculates and saves.
 *
 * Checked against a second file where the same row's inputs are typed into the table's first
 * blank row instead, recalculated by the same LibreOffice run:
 * - the new row's computed cells equal those of the row it copies (same inputs);
 * - every other computed cell of the workbook — totals, counts, summaries, other sheets — has the
 *   value it has in the second file (cells under the insertion compared one row down). A total
 *   or count whose range missed the new row, or a fixed-row reference, would differ.
 * Tables without a blank row (fixed labels) get the first check only, and are listed.
 *
 * Why a macro and not edited XML: inserting a row the way Excel does means shifting formulas,
 * defined names, table refs, validations, conditional formats, merges and chart ranges; doing
 * that ourselves would test our own shifting. LibreOffice's insertByIndex does it all.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { cellRef, parseCell, parseRange } from '../../src/sheets/core/a1';
import { isFormula, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { TEMPLATE_KINDS, getTemplate, type TemplateKind } from '../../src/sheets/templates/registry';
import { readWorkbook, type Computed, type SheetValues } from '../support/libreoffice';
import { runRowJobs, type RowJob } from '../support/lo-macro';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

interface Case {
  kind: TemplateKind;
  sheetIndex: number;
  table: string;
  /** Sheet rows, 1-based, before the insertion. */
  source: number;
  insertAt: number;
  blank: number | null;
  sheets: SheetSpec[];
  inserted: SheetValues[];
  typed: SheetValues[] | null;
  /** The ranges LibreOffice's saved charts read after the insertion (every `c:f` of every chart part). */
  chartRanges: string[];
}

const cases: Case[] = [];
const LANG = 'zh-CN';

/**
 * The table's first body row holding a constant, the first body row holding none, and a row's
 * constants. A table whose rows all carry labels (S1…S5, fixed metric or checklist items) has no
 * blank row: typing into a labelled row is not the same as adding an item, so only the new-row
 * check applies there.
 */
function rowsOf(sheet: SheetSpec, ref: string) {
  const r = parseRange(ref);
  const cells = new Map(sheet.cells.map((c) => [c.ref, c]));
  const constant = (row: number, col: number) => {
    const c = cells.get(cellRef(row, col));
    return !!c && !isFormula(c.value) && c.value !== null && c.value !== undefined && c.value !== '';
  };
  const body = Array.from({ length: r.bottom - r.top }, (_, i) => r.top + 1 + i);
  const inputs = (row: number) => {
    const out: { col: number; value: unknown }[] = [];
    for (let col = r.left; col <= r.right; col++) if (constant(row, col)) out.push({ col, value: cells.get(cellRef(row, col))!.value });
    return out;
  };
  const source = body.find((row) => inputs(row).length > 0) ?? null;
  const blank = body.find((row) => inputs(row).length === 0) ?? null;
  return { first: r.top + 1, last: r.bottom, source, blank, inputs };
}

/** Body rows of the tables with no input cell at all: computed lists mirroring another table row by row. */
function mirrorRows(sheet: SheetSpec): Map<number, string> {
  const out = new Map<number, string>();
  for (const t of sheet.tables ?? []) {
    const r = parseRange(t.ref);
    const inBody = sheet.cells.filter((c) => {
      const p = parseCell(c.ref);
      return p.row > r.top && p.row <= r.bottom && p.col >= r.left && p.col <= r.right;
    });
    if (inBody.length && inBody.every((c) => isFormula(c.value))) for (let row = r.top + 1; row <= r.bottom; row++) out.set(row, t.name);
  }
  return out;
}

beforeAll(async () => {
  const dir = tempDir('ap-rows-');
  const jobs: RowJob[] = [];
  const pending: Omit<Case, 'inserted' | 'typed' | 'chartRanges'>[] = [];
  for (const kind of TEMPLATE_KINDS) {
    const sheets = getTemplate(kind).build({ lang: LANG, example: true, today: FIXED_TODAY });
    const base = await writeSheets(sheets, path.join(dir, `${kind}.xlsx`));
    for (const [sheetIndex, sheet] of sheets.entries())
      for (const t of sheet.tables ?? []) {
        const rows = rowsOf(sheet, t.ref);
        if (rows.source === null || rows.last <= rows.first) continue; // nothing a planner would copy
        // Inside the table: under the copied row, or above it when it is the last one.
        const insertAt = rows.source < rows.last ? rows.source + 1 : rows.source;
        const blank = rows.blank !== null && rows.blank !== rows.source ? rows.blank : null;
        const name = `${kind}-${t.name}`;
        jobs.push({ input: base, output: path.join(dir, 'out', `${name}-inserted.xlsx`), sheet: sheetIndex, insertAt, copyFrom: rows.source });
        if (blank !== null) {
          const typedSheets = sheets.map((s, i) => (i === sheetIndex ? copyInputs(s, rows.inputs(rows.source!), blank) : s));
          const typed = await writeSheets(typedSheets, path.join(dir, `${name}-typed.xlsx`));
          jobs.push({ input: typed, output: path.join(dir, 'out', `${name}-typed.xlsx`), sheet: sheetIndex, insertAt: null });
        }
        pending.push({ kind, sheetIndex, table: t.name, source: rows.source, insertAt, blank, sheets });
      }
  }
  await runRowJobs(jobs);
  for (const p of pending) {
    const name = `${p.kind}-${p.table}`;
    cases.push({
      ...p,
      inserted: await readWorkbook(path.join(dir, 'out', `${name}-inserted.xlsx`)),
      chartRanges: chartRangesOf(path.join(dir, 'out', `${name}-inserted.xlsx`)),
      typed: p.blank === null ? null : await readWorkbook(path.join(dir, 'out', `${name}-typed.xlsx`)),
    });
  }
  console.log(
    `Row insertion, ${cases.length} tables:\n` +
      cases.map((c) => `  ${c.kind.padEnd(20)} ${c.table.padEnd(32)} row ${c.insertAt}${c.blank === null ? '  (no blank row: new-row check only)' : ''}`).join('\n'),
  );
}, 1_200_000);

function copyInputs(sheet: SheetSpec, inputs: { col: number; value: unknown }[], row: number): SheetSpec {
  const cells = sheet.cells.filter((c) => !inputs.some((i) => c.ref === cellRef(row, i.col)));
  for (const i of inputs) {
    const old = sheet.cells.find((c) => c.ref === cellRef(row, i.col));
    cells.push({ ...(old ?? { ref: cellRef(row, i.col) }), value: i.value as never });
  }
  return { ...sheet, cells };
}

/** Every chart part's data references, without sheet names and `$`, e.g. "J5:J15". */
function chartRangesOf(file: string): string[] {
  const parts = unzipSync(readFileSync(file), { filter: (f) => /^xl\/charts\/chart\d+\.xml$/.test(f.name) });
  const refs: string[] = [];
  // (Series names are saved as formulas too, e.g. "产品" as a quoted literal: not ranges.)
  for (const xml of Object.values(parts)) for (const m of strFromU8(xml).matchAll(/<c:f>([^<&]*)<\/c:f>/g)) refs.push(bareRange(m[1]));
  return refs.sort();
}

const bareRange = (ref: string) => ref.replace(/^.*!/, '').replace(/\$/g, '');

/** Where a chart range of the sheet should be once a row is inserted at `insertAt`: grown when the row is inside it, moved when below. */
function shiftedRange(ref: string, insertAt: number): string {
  const r = parseRange(bareRange(ref));
  const top = r.top >= insertAt ? r.top + 1 : r.top;
  const bottom = r.bottom >= insertAt ? r.bottom + 1 : r.bottom;
  return top === bottom && r.left === r.right ? cellRef(top, r.left) : `${cellRef(top, r.left)}:${cellRef(bottom, r.right)}`;
}

const value = (wb: SheetValues[], sheet: number, ref: string): Computed => {
  const v = wb[sheet].values.get(ref);
  return v === undefined || v === null ? '' : v;
};
const same = (v: Computed) => (typeof v === 'number' ? Math.round(v * 1e9) / 1e9 : v instanceof Date ? v.toISOString() : v);

test('tables were found in every template', () => {
  // The cockpit (dashboard) has no table: its figures read other sheets.
  expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(TEMPLATE_KINDS.filter((k) => k !== 'dashboard')));
});

describe.each(TEMPLATE_KINDS)('%s', (kind) => {
  test("the inserted row computes like the row it copies", () => {
    for (const c of cases.filter((x) => x.kind === kind)) {
      const sheet = c.sheets[c.sheetIndex];
      const sourceAfter = c.source >= c.insertAt ? c.source + 1 : c.source;
      const formulaCols = sheet.cells.filter((x) => isFormula(x.value) && parseCell(x.ref).row === c.source).map((x) => parseCell(x.ref).col);
      const got = formulaCols.map((col) => [cellRef(c.insertAt, col), same(value(c.inserted, c.sheetIndex, cellRef(c.insertAt, col)))]);
      const want = formulaCols.map((col) => [cellRef(c.insertAt, col), same(value(c.inserted, c.sheetIndex, cellRef(sourceAfter, col)))]);
      expect({ table: c.table, cells: got }).toEqual({ table: c.table, cells: want });
      const formulas = formulaCols.filter((col) => !c.inserted[c.sheetIndex].formulas.has(cellRef(c.insertAt, col)));
      expect({ table: c.table, withoutFormula: formulas }).toEqual({ table: c.table, withoutFormula: [] });
    }
  });

  test("charts over the table take in the new row", () => {
    for (const c of cases.filter((x) => x.kind === kind)) {
      // A template's charts read ranges of their own sheet: those on the edited sheet move.
      const want = c.sheets
        .flatMap((s, si) => (s.charts ?? []).map((ch) => ({ ch, edited: si === c.sheetIndex })))
        .flatMap(({ ch, edited }) =>
          [ch.categories, ...ch.series.flatMap((s) => [s.values, s.sizes ?? ''])].filter(Boolean).map((ref) => (edited ? shiftedRange(ref, c.insertAt) : bareRange(ref))),
        )
        .sort();
      expect({ table: c.table, chartRanges: c.chartRanges }).toEqual({ table: c.table, chartRanges: want });
    }
  });

  test('totals, counts and summaries include the new row', () => {
    for (const c of cases.filter((x) => x.kind === kind && x.typed)) {
      const body = parseRange(c.sheets[c.sheetIndex].tables!.find((t) => t.name === c.table)!.ref);
      const differ: string[] = [];
      c.sheets.forEach((s, si) => {
        const mirrors = mirrorRows(s);
        // Mirrored lists follow the table's order, so the new row shows up in another place:
        // their rows are compared as a multiset.
        const rowsOfMirror = new Map<string, Map<number, string[]>>();
        for (const cell of s.cells) {
          if (!isFormula(cell.value)) continue;
          const { row, col } = parseCell(cell.ref);
          const inTable = si === c.sheetIndex && row > body.top && row <= body.bottom && col >= body.left && col <= body.right;
          if (inTable) continue;
          const shifted = si === c.sheetIndex && row >= c.insertAt ? cellRef(row + 1, col) : cell.ref;
          const want = same(value(c.typed!, si, cell.ref));
          const got = same(value(c.inserted, si, shifted));
          const mirror = mirrors.get(row);
          if (mirror) {
            const byRow = rowsOfMirror.get(mirror) ?? new Map<number, string[]>();
            rowsOfMirror.set(mirror, byRow.set(row, [...(byRow.get(row) ?? []), JSON.stringify([got, want])]));
            continue;
          }
          if (JSON.stringify(got) !== JSON.stringify(want)) differ.push(`${s.name}!${cell.ref}: ${JSON.stringify(got)} ≠ ${JSON.stringify(want)}`);
        }
        for (const [mirror, byRow] of rowsOfMirror) {
          const rowsGot = [...byRow.values()].map((cells) => JSON.stringify(cells.map((x) => JSON.parse(x)[0]))).sort();
          const rowsWant = [...byRow.values()].map((cells) => JSON.stringify(cells.map((x) => JSON.parse(x)[1]))).sort();
          if (JSON.stringify(rowsGot) !== JSON.stringify(rowsWant)) differ.push(`${s.name} ${mirror}: rows ${JSON.stringify(rowsGot)} ≠ ${JSON.stringify(rowsWant)}`);
        }
      });
      expect({ table: c.table, differ }).toEqual({ table: c.table, differ: [] });
    }
  });
});
