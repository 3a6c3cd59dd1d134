/**
 * Adding sheets to an existing workbook (src/xlsx/into): every part the merge does not edit
 * keeps its compressed bytes; the merged package validates against the ECMA-376 schemas; a
 * sheet-name clash gives the new sheet another name (its formulas follow) and --replace only
 * ever replaces a sheet we stamped; files written by ExcelJS and openpyxl take our sheets too.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { getTemplate } from '../../src/sheets/templates/registry';
import { renderWorkbook } from '../../src/xlsx/render-workbook';
import { intoWorkbook, openTarget } from '../../src/xlsx/into/into-workbook';
import { IntoRefusal } from '../../src/xlsx/into/plan-names';
import { readStamps } from '../../src/xlsx/read-stamps';
import { readWorkbookParts } from '../../src/xlsx/workbook-names';
import { validatePackages } from '../support/ooxml-validate';
import { FIXED_TODAY, tempDir } from '../support/template-files';

/** Each zip entry's stored (compressed) bytes and method, read from the local headers via the central directory. */
function rawEntries(bytes: Uint8Array): Map<string, { method: number; crc: number; data: Buffer }> {
  const buf = Buffer.from(bytes);
  let eocd = buf.length - 22;
  while (buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, { method: number; crc: number; data: Buffer }>();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extra = buf.readUInt16LE(at + 30);
    const comment = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, { method, crc, data: buf.subarray(start, start + size) });
    at += 46 + nameLen + extra + comment;
  }
  return out;
}

const build = (kind: Parameters<typeof getTemplate>[0], lang: 'zh-CN' | 'en-US' = 'zh-CN') =>
  getTemplate(kind).build({ lang, example: true, today: FIXED_TODAY });

/** The parts the merge edits: the rest must come through untouched. */
const EDITED = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/sharedStrings.xml']);

async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const id = new RegExp(`<sheet name="${name.replace(/[()]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(wb)![1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
  return zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)!.async('string');
}

let base: Uint8Array;
let merged: Uint8Array;

beforeAll(async () => {
  base = await renderWorkbook({ sheets: build('visit-plan') });
  const result = await intoWorkbook(await openTarget(base), { sheets: [...build('pipeline'), ...build('decision-chain')] }, false);
  merged = result.bytes;
  expect(result.plan.renamed).toEqual([]);
}, 120_000);

test('every part the merge does not edit keeps its compressed bytes', () => {
  const before = rawEntries(base);
  const after = rawEntries(merged);
  let kept = 0;
  for (const [name, entry] of before) {
    if (EDITED.has(name)) continue;
    const now = after.get(name);
    expect({ name, present: !!now }).toEqual({ name, present: true });
    expect({ name, method: now!.method, crc: now!.crc, same: Buffer.compare(now!.data, entry.data) === 0 }).toEqual({ name, method: entry.method, crc: entry.crc, same: true });
    kept++;
  }
  // The visit plan's sheets, tables, notes and the package bookkeeping: more than a handful.
  expect(kept).toBeGreaterThanOrEqual(6);
  // …and the new sheets are really there, beside them.
  expect(after.size).toBeGreaterThan(before.size + 3);
});

test('the existing sheets keep their names, order, stamps and defined names; the new ones follow with theirs', async () => {
  const [b, m] = await Promise.all([readWorkbookParts(base), readWorkbookParts(merged)]);
  expect(m.sheets.slice(0, b.sheets.length)).toEqual(b.sheets);
  const added = [...build('pipeline'), ...build('decision-chain')].map((s) => s.name);
  expect(m.sheets.slice(b.sheets.length)).toEqual(added);
  for (const n of b.names) expect(m.names).toContainEqual(n);
  const stamps = await readStamps(merged);
  expect(stamps.formatVersion).toBe(1);
  const addedKinds = [...build('pipeline'), ...build('decision-chain')].map((s) => s.stamp!.kind);
  expect(stamps.sheets.map((s) => s.stamp.kind)).toEqual([...(await readStamps(base)).sheets.map((s) => s.stamp.kind), ...addedKinds]);
  // One format version, one AP_Sheet per stamped sheet.
  expect(m.names.filter((n) => n.name === 'AP_FormatVersion')).toHaveLength(1);
  const localIds = m.names.filter((n) => n.name === 'AP_Sheet').map((n) => n.localSheetId);
  expect(new Set(localIds).size).toBe(localIds.length);
});

test('the merged workbook is valid against the schemas, ids and relationships included', async () => {
  const report = await validatePackages([{ label: 'merged', bytes: merged }]);
  expect(report.errors).toEqual([]);
  expect(report.validated['sml-sheet.xsd']).toBeGreaterThanOrEqual(4);
  expect(report.vmlParts).toBeGreaterThanOrEqual(1);
}, 120_000);

test('table ids and names stay unique; added cells point at the merged styles and strings', async () => {
  const zip = await JSZip.loadAsync(merged);
  const tables = await Promise.all(Object.keys(zip.files).filter((p) => /^xl\/tables\/.*\.xml$/.test(p)).map((p) => zip.file(p)!.async('string')));
  const ids = tables.map((t) => /<table\b[^>]*\sid="(\d+)"/.exec(t)![1]);
  const names = tables.map((t) => /<table\b[^>]*\sname="([^"]+)"/.exec(t)![1].toLowerCase());
  expect(new Set(ids).size).toBe(tables.length);
  expect(new Set(names).size).toBe(tables.length);
  // The pipeline's header "客户名称"-like texts are shared strings: index past the visit plan's own.
  const sst = await zip.file('xl/sharedStrings.xml')!.async('string');
  const strings = [...sst.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
  const pipelineSheet = build('pipeline')[0];
  const xml = await sheetXml(merged, pipelineSheet.name);
  const a1 = pipelineSheet.cells.find((c) => typeof c.value === 'string' && c.ref === 'A1')!;
  const v = new RegExp(`<c r="A1"[^>]*t="s"[^>]*><v>(\\d+)</v>`).exec(xml)![1];
  expect(strings[Number(v)]).toBe(a1.value);
  expect(Number(/uniqueCount="(\d+)"/.exec(sst)![1])).toBe(strings.length);
});

test('a name the workbook already has: the new sheet gets another, and its formulas follow', async () => {
  const first = await intoWorkbook(await openTarget(base), { sheets: build('pipeline') }, false);
  const again = await intoWorkbook(await openTarget(first.bytes), { sheets: build('pipeline') }, false);
  const [main, summary] = build('pipeline').map((s) => s.name);
  expect(again.plan.renamed).toEqual([
    { from: main, to: `${main} (2)` },
    { from: summary, to: `${summary} (2)` },
  ]);
  const parts = await readWorkbookParts(again.bytes);
  expect(parts.sheets.slice(-4)).toEqual([main, summary, `${main} (2)`, `${summary} (2)`]);
  // The second pipeline's workbook names are scoped to its sheet, the first keeps the workbook-wide ones.
  const customer = parts.names.filter((n) => n.name === 'Pipeline_Customer');
  expect(customer.map((n) => [n.localSheetId, n.formula.split('!')[0]])).toEqual([
    [undefined, `'${main}'`],
    [parts.sheets.indexOf(`${main} (2)`), `'${main} (2)'`],
  ]);
  const report = await validatePackages([{ label: 'twice', bytes: again.bytes }]);
  expect(report.errors).toEqual([]);
}, 120_000);

test('--replace replaces only a sheet we stamped, in its place; a user sheet of that name is refused', async () => {
  const first = await intoWorkbook(await openTarget(base), { sheets: build('pipeline') }, false);
  const replaced = await intoWorkbook(await openTarget(first.bytes), { sheets: build('pipeline', 'zh-CN') }, true);
  const before = await readWorkbookParts(first.bytes);
  const after = await readWorkbookParts(replaced.bytes);
  expect(after.sheets).toEqual(before.sheets);
  expect(replaced.plan.replaced).toEqual(build('pipeline').map((s) => s.name));
  expect((await validatePackages([{ label: 'replaced', bytes: replaced.bytes }])).errors).toEqual([]);

  // A user's own sheet named like ours: ExcelJS writes it without a stamp.
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet(build('pipeline')[0].name).getCell('A1').value = 'mine';
  const foreign = new Uint8Array(await wb.xlsx.writeBuffer());
  await expect(intoWorkbook(await openTarget(foreign), { sheets: build('pipeline') }, true)).rejects.toBeInstanceOf(IntoRefusal);
}, 120_000);

async function foreignCheck(label: string, foreign: Uint8Array, keep: { sheet: string; ref: string; value: string | number }) {
  const result = await intoWorkbook(await openTarget(foreign), { sheets: build('credit') }, false);
  const report = await validatePackages([{ label, bytes: result.bytes }]);
  expect(report.errors).toEqual([]);
  // The foreign sheet reads back as it was, beside ours.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(result.bytes) as unknown as ArrayBuffer);
  expect(wb.getWorksheet(keep.sheet)!.getCell(keep.ref).value).toEqual(keep.value);
  expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(build('credit').map((s) => s.name)));
  const before = rawEntries(foreign);
  const after = rawEntries(result.bytes);
  const untouched = [...before.keys()].filter((n) => !/workbook\.xml|Content_Types|styles\.xml|sharedStrings\.xml/.test(n));
  for (const n of untouched) expect({ n, same: Buffer.compare(after.get(n)!.data, before.get(n)!.data) === 0 }).toEqual({ n, same: true });
  expect(untouched.length).toBeGreaterThan(0);
}

test('a workbook written by ExcelJS takes our sheets', async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Customers');
  ws.addRow(['Name', 'Sales']);
  ws.addRow(['Acme', 1200]);
  ws.getCell('B2').numFmt = '#,##0.00';
  wb.definedNames.add('Customers!$A$1:$B$2', 'MyRange');
  await foreignCheck('exceljs', new Uint8Array(await wb.xlsx.writeBuffer()), { sheet: 'Customers', ref: 'B2', value: 1200 });
}, 120_000);

test('a workbook written by openpyxl takes our sheets', async () => {
  const dir = tempDir('ap-into-');
  const file = path.join(dir, 'openpyxl.xlsx');
  execFileSync('/usr/bin/python3', [
    '-c',
    `import openpyxl\nwb=openpyxl.Workbook()\nws=wb.active\nws.title='Orders'\nws['A1']='Customer'\nws['B1']='Amount'\nws['A2']='Beta'\nws['B2']=300\nws['C2']='=B2*2'\nws['B2'].number_format='0.0%'\nwb.save(${JSON.stringify(file)})`,
  ]);
  await foreignCheck('openpyxl', new Uint8Array(readFileSync(file)), { sheet: 'Orders', ref: 'A2', value: 'Beta' });
}, 120_000);
