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
  const untouched = [...before.keys()].filter((n) => !/workbook\.xml|Content_Types|styles\.xml|sharedStrings\.xml|docProps\/app\.xml/.test(n));
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

/** Every <sheet> of the workbook part resolves through its relationship to a worksheet part that exists. */
async function sheetsResolve(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const wb = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]));
  const sheets = [...wb.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]);
  expect(sheets.length).toBeGreaterThan(0);
  for (const tag of sheets) {
    const id = /\sr:id="([^"]+)"/.exec(tag)?.[1];
    expect({ tag, id: !!id }).toEqual({ tag, id: true });
    const target = targets.get(id!);
    expect({ tag, target: !!target && !!zip.file(`xl/${target}`) }).toEqual({ tag, target: true });
  }
  return sheets.map((t) => /name="([^"]+)"/.exec(t)![1]);
}

describe('--replace of several sheets at once', () => {
  // Nine relationships in the workbook part: the replacements get rId10, rId11, rId12, longer than
  // the rId1, rId2, rId6 they replace (the text before each later <sheet> moves).
  const base9 = () => renderWorkbook({ sheets: [...build('pipeline'), ...build('visit-plan'), ...build('swot'), ...build('decision-chain')] });

  test('three sheets replaced: workbook.xml stays well formed, every sheet resolves, the package validates', async () => {
    const before = await base9();
    const replaced = await intoWorkbook(await openTarget(before), { sheets: [...build('pipeline', 'zh-CN'), ...build('decision-chain', 'zh-CN')] }, true);
    expect(replaced.plan.replaced).toEqual([...build('pipeline'), ...build('decision-chain')].map((s) => s.name));
    const wb = await (await JSZip.loadAsync(replaced.bytes)).file('xl/workbook.xml')!.async('string');
    execFileSync('xmllint', ['--noout', '-'], { input: wb });
    expect(await sheetsResolve(replaced.bytes)).toEqual((await readWorkbookParts(before)).sheets);
    expect(wb).toMatch(/r:id="rId1\d"/);
    const report = await validatePackages([{ label: 'replaced-3', bytes: replaced.bytes }]);
    expect(report.errors).toEqual([]);
    // The stamps follow the sheets: still one per sheet, the kinds in place.
    expect((await readStamps(replaced.bytes)).sheets.map((s) => s.stamp.kind)).toEqual((await readStamps(before)).sheets.map((s) => s.stamp.kind));
  }, 120_000);

  test('a part another sheet still uses stays; the parts only the replaced sheet used go', async () => {
    // A background picture both the pipeline and the SWOT sheet point at (sheet1 and sheet5).
    const zip = await JSZip.loadAsync(await base9());
    const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360000002000001e221bc330000000049454e44ae426082', 'hex');
    zip.file('xl/media/image1.png', PNG);
    const imageRel = (id: string) => `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="../media/image1.png"/>`;
    const relsOf = async (n: number) => (await zip.file(`xl/worksheets/_rels/sheet${n}.xml.rels`)?.async('string')) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    for (const n of [1, 5]) zip.file(`xl/worksheets/_rels/sheet${n}.xml.rels`, (await relsOf(n)).replace('</Relationships>', `${imageRel('rIdBg')}</Relationships>`));
    const types = await zip.file('[Content_Types].xml')!.async('string');
    if (!/Extension="png"/.test(types)) zip.file('[Content_Types].xml', types.replace('<Default ', '<Default Extension="png" ContentType="image/png"/><Default '));
    const shared = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

    const once = await intoWorkbook(await openTarget(shared), { sheets: build('pipeline') }, true);
    const after = await JSZip.loadAsync(once.bytes);
    expect(after.file('xl/media/image1.png')).not.toBeNull();
    expect(await after.file('xl/worksheets/_rels/sheet5.xml.rels')!.async('string')).toContain('../media/image1.png');
    // The replaced sheet's own parts are gone unless the new sheet took their names: nothing dangles.
    for (const p of Object.keys(after.files).filter((f) => f.endsWith('.rels'))) {
      const owner = p.replace(/_rels\/([^/]*)\.rels$/, '$1');
      const text = await after.file(p)!.async('string');
      for (const m of text.matchAll(/<Relationship\b[^>]*>/g)) {
        if (/TargetMode="External"/.test(m[0])) continue;
        const target = /Target="([^"]+)"/.exec(m[0])![1];
        const folder = owner.split('/').slice(0, -1);
        for (const seg of target.split('/')) if (seg === '..') folder.pop(); else folder.push(seg);
        expect({ p, target, exists: !!after.file(folder.join('/')) }).toEqual({ p, target, exists: true });
      }
    }
    // (The validator has no schema for a picture: every XML part is checked.)
    expect((await validatePackages([{ label: 'shared-image', bytes: once.bytes }])).errors.filter((e) => !/image\/png/.test(e))).toEqual([]);

    // The last sheet using it replaced too: then the picture goes.
    const twice = await intoWorkbook(await openTarget(once.bytes), { sheets: build('swot') }, true);
    expect((await JSZip.loadAsync(twice.bytes)).file('xl/media/image1.png')).toBeNull();
  }, 120_000);
});

describe("docProps/app.xml's list of sheets", () => {
  const titles = async (bytes: Uint8Array) => {
    const app = await (await JSZip.loadAsync(bytes)).file('docProps/app.xml')!.async('string');
    const heading = [...app.matchAll(/<vt:variant>(?:<vt:lpstr>([^<]*)<\/vt:lpstr>|<vt:i4>(\d+)<\/vt:i4>)<\/vt:variant>/g)].map((m) => m[1] ?? Number(m[2]));
    const parts = [...(/<TitlesOfParts>([\s\S]*?)<\/TitlesOfParts>/.exec(app)?.[1] ?? '').matchAll(/<vt:lpstr>([^<]*)<\/vt:lpstr>/g)].map((m) => m[1]);
    return { heading, parts, size: /<TitlesOfParts><vt:vector size="(\d+)"/.exec(app)?.[1] };
  };

  test('a workbook whose app.xml lists its sheets (ExcelJS writes the list) lists the added ones too, in order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Customers').getCell('A1').value = 'x';
    wb.addWorksheet('Notes').getCell('A1').value = 'y';
    const foreign = new Uint8Array(await wb.xlsx.writeBuffer());
    expect((await titles(foreign)).parts).toEqual(['Customers', 'Notes']);
    const result = await intoWorkbook(await openTarget(foreign), { sheets: build('pipeline') }, false);
    const names = build('pipeline').map((s) => s.name);
    const t = await titles(result.bytes);
    expect(t.parts).toEqual(['Customers', 'Notes', ...names]);
    expect(t.size).toBe('4');
    expect(t.heading).toEqual(['Worksheets', 4]);
    expect((await validatePackages([{ label: 'app-titles', bytes: result.bytes }])).errors).toEqual([]);
  }, 120_000);

  test("Excel's list in another language with a named-range group: the sheet group grows, the names stay", async () => {
    const base = await renderWorkbook({ sheets: build('visit-plan') });
    const zip = await JSZip.loadAsync(base);
    const sheets = (await readWorkbookParts(base)).sheets;
    const app = (await zip.file('docProps/app.xml')!.async('string')).replace(
      '</Properties>',
      `<HeadingPairs><vt:vector size="4" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>${sheets.length}</vt:i4></vt:variant><vt:variant><vt:lpstr>命名范围</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
        `<TitlesOfParts><vt:vector size="${sheets.length + 1}" baseType="lpstr">${sheets.map((s) => `<vt:lpstr>${s}</vt:lpstr>`).join('')}<vt:lpstr>VisitPlan_Frequency</vt:lpstr></vt:vector></TitlesOfParts></Properties>`,
    );
    // Schema order: HeadingPairs and TitlesOfParts come before LinksUpToDate.
    const ordered = app.replace(/(<HeadingPairs>[\s\S]*<\/TitlesOfParts>)<\/Properties>/, '</Properties>').replace('<LinksUpToDate>', `${/(<HeadingPairs>[\s\S]*<\/TitlesOfParts>)/.exec(app)![1]}<LinksUpToDate>`);
    zip.file('docProps/app.xml', ordered);
    const withList = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const result = await intoWorkbook(await openTarget(withList), { sheets: build('swot') }, false);
    const t = await titles(result.bytes);
    expect(t.heading).toEqual(['工作表', sheets.length + 1, '命名范围', 1]);
    expect(t.parts).toEqual([...sheets, build('swot')[0].name, 'VisitPlan_Frequency']);
    expect((await validatePackages([{ label: 'app-titles-zh', bytes: result.bytes }])).errors).toEqual([]);
  }, 120_000);

  test('our own files carry no list: app.xml is left byte for byte', async () => {
    const entries = rawEntries(merged);
    expect(Buffer.compare(entries.get('docProps/app.xml')!.data, rawEntries(base).get('docProps/app.xml')!.data)).toBe(0);
  });
});
