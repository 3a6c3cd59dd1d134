/**
 * `bonus --scheme new-customer --out` streams the line tables (bonus sheet, orders sheet,
 * statements) as row blocks whose formulas carry the values sheets/bonus/new-customer-values.ts
 * works out. Three things must hold:
 * - the streamed file is the file the normal path (every cell a CellSpec, rendered in memory)
 *   writes from the same result, part for part;
 * - every stored value is what IronCalc computes from the formulas alone (the path before
 *   streaming, where IronCalc filled the values);
 * - the streamed file is valid against the ECMA-376 schemas.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { NewCustomerLine } from '../../src/domain/bonus/line';
import { runBonus, type BonusRunResult } from '../../src/domain/bonus/run';
import { buildBonusSheets } from '../../src/sheets/bonus/bonus-sheets';
import { withRowsAsCells } from '../../src/sheets/core/row-blocks';
import { isFormula, type Lang, type SheetSpec } from '../../src/sheets/core/sheet-spec';
import { computeCachedValues } from '../../src/xlsx/evaluate/node';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { writeWorkbookFile } from '../../src/xlsx/write-file';
import { escapeText, escapeXstring } from '../../src/xlsx/write/xml-text';
import { GENERATORS, HEADERS, fx, rng, rulesFor } from '../support/bonus-data';
import { validatePackages } from '../support/ooxml-validate';
import { sameValue } from '../support/stored-values';
import { FIXED_TODAY, tempDir } from '../support/template-files';

const dir = tempDir('ap-bonus-streamed-');
const when = { created: FIXED_TODAY, modified: FIXED_TODAY };
const computedAt = new Date(Date.UTC(2026, 3, 1, 8, 30));

async function run(seed: number, lang: Lang, copies = 1): Promise<BonusRunResult> {
  // `copies` repeats the data set under other customer names: more lines, same kinds of cases.
  const base = GENERATORS['new-customer'](rng(seed), lang);
  const rows = Array.from({ length: copies }, (_, c) => base.map((r) => [r[0], `${String(r[1])}-${c}`, ...r.slice(2)])).flat();
  return runBonus('new-customer', { headers: HEADERS['new-customer'], rows }, { rules: rulesFor('new-customer', seed), fx, lang, computedAt });
}

const parts = (bytes: Uint8Array) => new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

async function streamedFile(result: BonusRunResult, name: string): Promise<Uint8Array> {
  const file = path.join(dir, name);
  await writeWorkbookFile(file, computeCachedValues({ sheets: buildBonusSheets(result, { rowsAsBlock: true }), title: 'new-customer' }).workbook, false, when);
  return new Uint8Array(readFileSync(file));
}

test.each([
  [11, 'en-US'],
  [12, 'zh-CN'],
] as const)('seed %i (%s): the streamed file holds the same parts, byte for byte, as the normal path', async (seed, lang) => {
  const result = await run(seed, lang);
  const streamedSheets = buildBonusSheets(result, { rowsAsBlock: true });
  // The bonus sheet, the orders sheet and every statement are generated rows; summary and Rules are cells.
  const withBlocks = streamedSheets.filter((s) => s.rowBlocks?.length).map((s) => s.stamp?.kind);
  expect(withBlocks).toEqual(['bonus-new-customer', 'bonus-orders', ...streamedSheets.filter((s) => s.stamp?.kind === 'bonus-statement').map(() => 'bonus-statement')]);
  expect(streamedSheets[0].rowBlocks![0].count).toBe(result.lines.length);

  const normal = await renderWorkbook(computeCachedValues({ sheets: buildBonusSheets(result), title: 'new-customer' }).workbook, when);
  const a = parts(normal);
  const b = parts(await streamedFile(result, `streamed-${seed}.xlsx`));
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, xml] of a) expect({ name, xml: b.get(name) }).toEqual({ name, xml });

  // Customers and reason sentences differ from line to line: both paths write them inline
  // (SheetSpec.inlineText), so the shared-string table, held until the file's end, has none of them.
  const inlineTexts = (xml: string) => [...xml.matchAll(/t="inlineStr"><is><t[^>]*>([^<]*)<\/t><\/is>/g)].map((m) => m[1]);
  const sorted = (xs: string[]) => [...xs].sort();
  const text = (x: string) => escapeText(escapeXstring(x));
  const lines = result.lines as NewCustomerLine[];
  expect(sorted(inlineTexts(a.get('xl/worksheets/sheet1.xml')!))).toEqual(sorted(lines.flatMap((l) => [text(l.customer), text(l.reason)])));
  expect(new Set(inlineTexts(a.get('xl/worksheets/sheet4.xml')!))).toEqual(new Set(lines.map((l) => text(l.customer))));
  const sst = a.get('xl/sharedStrings.xml')!;
  expect(lines.filter((l) => sst.includes(`>${text(l.reason)}<`)).map((l) => l.reason)).toEqual([]);
});

const withoutCached = (s: SheetSpec): SheetSpec => ({
  ...s,
  cells: s.cells.map((c) => (isFormula(c.value) ? { ...c, value: { formula: c.value.formula } } : c)),
});

test.each([
  [11, 'en-US'],
  [12, 'zh-CN'],
  [13, 'en-US'],
] as const)('seed %i (%s): every value the builder stored is what IronCalc computes from the formulas alone', async (seed, lang) => {
  const result = await run(seed, lang);
  const sheets = buildBonusSheets(result, { rowsAsBlock: true }).map(withRowsAsCells);
  const stored = sheets.flatMap((s) => s.cells.flatMap((c) => (isFormula(c.value) && c.value.cached !== undefined ? [{ sheet: s.name, ref: c.ref, formula: c.value.formula, v: c.value.cached }] : [])));
  // Every formula of the line tables and the summary carries its value (the Rules sheet's are IronCalc's to fill).
  const uncached = sheets.filter((s) => s.stamp?.kind !== 'bonus-rules').flatMap((s) => s.cells.filter((c) => isFormula(c.value) && c.value.cached === undefined).map((c) => `${s.name}!${c.ref}`));
  expect(uncached).toEqual([]);
  expect(stored.length).toBeGreaterThan(14 * result.lines.length);

  const { workbook, evaluation } = computeCachedValues({ sheets: sheets.map(withoutCached), title: 'x' });
  expect(evaluation.failures).toEqual([]);
  const computed = new Map(workbook.sheets.flatMap((s) => s.cells.flatMap((c) => (isFormula(c.value) ? [[`${s.name}!${c.ref}`, c.value.cached] as const] : []))));
  const differ = stored.filter((x) => !sameValue(x.v as never, computed.get(`${x.sheet}!${x.ref}`) as never, 1e-12));
  expect(differ.slice(0, 10).map((x) => ({ ...x, ironcalc: computed.get(`${x.sheet}!${x.ref}`) }))).toEqual([]);
});

test('a streamed file of a few thousand lines is valid against the schemas', async () => {
  const result = await run(14, 'zh-CN', 60);
  expect(result.lines.length).toBeGreaterThan(1500);
  const report = await validatePackages([{ label: 'bonus streamed', bytes: await streamedFile(result, 'schema.xlsx') }]);
  expect(report.errors).toEqual([]);
  for (const xsd of ['sml-sheet.xsd', 'sml-sharedStringTable.xsd', 'sml-styles.xsd']) expect({ xsd, validated: (report.validated[xsd] ?? 0) > 0 }).toEqual({ xsd, validated: true });
});
