/**
 * Every template addresses its table columns by key, never by position: a blank probe column is
 * spliced into every table right after its first column (the planTable test hook), both
 * versions of each example are recalculated by LibreOffice, and each computed cell must show
 * the value it had without the probe. A formula still pointing at a fixed letter would now read
 * its left-hand neighbour and give another value (or an error).
 *
 * Rows do not move when a column is added, so each sheet row's computed cells are compared in
 * column order: the probe itself is a blank input column and adds no computed cell.
 */
import path from 'node:path';
import { PROBE_KEY, type ColumnProbe } from '../../src/sheets/core/planning-table';
import { isFormula, LANGS, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { cellRef, parseCell } from '../../src/sheets/core/a1';
import { TEMPLATE_KINDS, getTemplate, type TemplateKind } from '../../src/sheets/templates/registry';
import { errorCells, readWorkbook, recalc, type Computed, type SheetValues } from '../support/libreoffice';
import { FIXED_TODAY, tempDir, writeSheets } from '../support/template-files';

const PROBE_HEADER = 'Probe';
const probe: ColumnProbe = { header: PROBE_HEADER, at: () => 1 };

interface Case {
  kind: TemplateKind;
  lang: Lang;
  base: SheetSpec[];
  probed: SheetSpec[];
  baseValues: SheetValues[];
  probedValues: SheetValues[];
}

const cases: Case[] = [];
/** Every kind with a table: the cockpit (dashboard) has none, its figures read other sheets. */
const KINDS = TEMPLATE_KINDS.filter((k) => k !== 'dashboard');

beforeAll(async () => {
  const dir = tempDir('ap-columns-');
  const pending: Omit<Case, 'baseValues' | 'probedValues'>[] = [];
  const files: string[] = [];
  for (const kind of KINDS)
    for (const lang of LANGS) {
      const base = getTemplate(kind).build({ lang, example: true, today: FIXED_TODAY });
      const probed = getTemplate(kind).build({ lang, example: true, today: FIXED_TODAY, columnProbe: probe });
      pending.push({ kind, lang, base, probed });
      files.push(await writeSheets(base, path.join(dir, `${kind}-${lang}-base.xlsx`)));
      files.push(await writeSheets(probed, path.join(dir, `${kind}-${lang}-probed.xlsx`)));
    }
  const out = await recalc(files);
  for (const [i, p] of pending.entries())
    cases.push({ ...p, baseValues: await readWorkbook(out[2 * i]), probedValues: await readWorkbook(out[2 * i + 1]) });
}, 600_000);

/** Sheet row → the computed values of that row's formula cells, left to right. */
function computedByRow(spec: SheetSpec, values: SheetValues): Map<number, Computed[]> {
  const cells = spec.cells
    .filter((c) => isFormula(c.value))
    .map((c) => parseCell(c.ref))
    .sort((a, b) => a.row - b.row || a.col - b.col);
  const rows = new Map<number, Computed[]>();
  for (const { row, col } of cells) {
    const value = values.values.get(cellRef(row, col)) ?? null;
    rows.set(row, [...(rows.get(row) ?? []), value]);
  }
  return rows;
}

describe.each(KINDS.flatMap((k) => LANGS.map((l) => [k, l] as const)))('%s %s', (kind, lang) => {
  const get = () => cases.find((c) => c.kind === kind && c.lang === lang)!;

  test('the probe column went into every table', () => {
    const { base, probed } = get();
    const tables = base.flatMap((s) => s.tables ?? []);
    const probedTables = probed.flatMap((s) => s.tables ?? []);
    expect(tables.length).toBeGreaterThan(0);
    expect(probedTables.map((t) => t.name)).toEqual(tables.map((t) => t.name));
    for (const [i, t] of probedTables.entries()) {
      expect(t.columns.map((c) => c.name)).toEqual([tables[i].columns[0].name, PROBE_HEADER, ...tables[i].columns.slice(1).map((c) => c.name)]);
    }
    expect(PROBE_KEY).toBe('__probe__');
  });

  test('every computed cell keeps its value in LibreOffice', () => {
    const c = get();
    expect(errorCells(c.probedValues)).toEqual([]);
    let compared = 0;
    let filled = 0;
    c.base.forEach((spec, i) => {
      const before = computedByRow(spec, c.baseValues[i]);
      const after = computedByRow(c.probed[i], c.probedValues[i]);
      expect([...after.keys()]).toEqual([...before.keys()]);
      for (const [row, values] of before) {
        expect({ sheet: spec.name, row, values: after.get(row) }).toEqual({ sheet: spec.name, row, values });
        compared += values.length;
        filled += values.filter((v) => v !== '' && v !== null).length;
      }
    });
    // The example fills enough rows that a formula reading the wrong column would show.
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(filled).toBeGreaterThan(5);
  });
});
