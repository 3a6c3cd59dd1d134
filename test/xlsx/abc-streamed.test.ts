/**
 * The CLI streams the ABC customer table (a row block, Node's zlib, straight into a temporary
 * file). The file it writes must be the file the normal path writes from the same result —
 * every cell built as a CellSpec, values filled by the evaluator, rendered in memory with
 * fflate — part for part, and valid against the ECMA-376 schemas.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { runAbc } from '../../src/domain/abc/run';
import { buildAbcSheets } from '../../src/sheets/abc/result-sheet';
import { computeCachedValues } from '../../src/xlsx/evaluate/node';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { writeWorkbookFile } from '../../src/xlsx/write-file';
import { dataset } from '../support/abc-data';
import { validatePackages } from '../support/ooxml-validate';
import { FIXED_TODAY, tempDir } from '../support/template-files';

const dir = tempDir('ap-abc-streamed-');
const when = { created: FIXED_TODAY, modified: FIXED_TODAY };

async function both(rows: unknown[][], lang: 'zh-CN' | 'en-US') {
  const result = await runAbc({ headers: ['客户', '金额'], rows }, { lang });
  const build = (rowsAsBlock: boolean) => buildAbcSheets(result, { lang, today: FIXED_TODAY, rowsAsBlock });
  const normal = await renderWorkbook(computeCachedValues({ sheets: build(false), title: 'ABC' }).workbook, when);
  const file = path.join(dir, `streamed-${lang}-${rows.length}.xlsx`);
  const streamedSheets = build(true);
  expect(streamedSheets[0].rowBlocks?.[0].count).toBe(result.customers.length + result.nonPositive.length);
  await writeWorkbookFile(file, computeCachedValues({ sheets: streamedSheets, title: 'ABC' }).workbook, false, when);
  return { normal, streamed: new Uint8Array(readFileSync(file)), result };
}

const parts = (bytes: Uint8Array) => new Map(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));

test.each([
  ['zh-CN', dataset(41, 220)],
  ['en-US', dataset(42, 12)],
] as const)('%s: the streamed file holds the same parts, byte for byte, as the normal path', async (lang, rows) => {
  const { normal, streamed, result } = await both(rows as unknown[][], lang);
  const a = parts(normal);
  const b = parts(streamed);
  expect([...b.keys()]).toEqual([...a.keys()]);
  for (const [name, xml] of a) expect({ name, xml: b.get(name) }).toEqual({ name, xml });
  // The table really is in the sheet: one row per customer below the header, each with its tier stored.
  const sheet = b.get('xl/worksheets/sheet1.xml')!;
  const tiers = [...sheet.matchAll(/<c r="G(\d+)"[^>]*t="str"><f>[^<]*<\/f><v>([ABC])<\/v>/g)].filter((m) => Number(m[1]) >= 26);
  expect(tiers.length).toBe(result.customers.length + result.nonPositive.length);
  expect(tiers.slice(0, result.customers.length).map((m) => m[2])).toEqual(result.customers.map((c) => c.tier));
});

test('a streamed file of 3,000 customers is valid against the schemas', async () => {
  const { streamed } = await both(dataset(43, 3000), 'zh-CN');
  const report = await validatePackages([{ label: 'abc streamed', bytes: streamed }]);
  expect(report.errors).toEqual([]);
  // The sheet with its generated rows, its table, the chart and its drawing were all validated.
  for (const xsd of ['sml-sheet.xsd', 'sml-table.xsd', 'dml-chart.xsd', 'dml-spreadsheetDrawing.xsd', 'sml-sharedStringTable.xsd']) expect({ xsd, validated: (report.validated[xsd] ?? 0) > 0 }).toEqual({ xsd, validated: true });
});
