/**
 * share-safe leaves nothing: a distinct marker is planted in every personal cell (plain text,
 * numbers, rich-text runs, hyperlinks), in notes and a threaded comment on them, in a list
 * validation over them, in formulas elsewhere that read them (their stored values), in a chart's
 * cache plotting them, in a defined name and in every document property. The copy — as the
 * CLI writes it, from our file and from the same file saved by LibreOffice — is unzipped and
 * every part searched: no marker is left, while a control marker outside the personal cells is.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { runCli } from '../../src/cli/run';
import { recalc } from '../support/libreoffice';
import { readStoredFormulas } from '../support/stored-values';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-markers-');
const SHEET = '决策链';
const BODY = { top: 7, bottom: 27, cols: ['L', 'M', 'N', 'O'] };

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

/** Every marker planted, each a distinct string; 987654321 is the planted number. */
const planted: string[] = [];
const mark = (what: string) => {
  const m = `MK${planted.length.toString().padStart(2, '0')}${what}`;
  planted.push(m);
  return m;
};

async function plant(input: string, output: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(input);
  const ws = wb.getWorksheet(SHEET)!;
  const special = new Set(['L8', 'M8', 'N8']);
  for (const col of BODY.cols)
    for (let row = BODY.top; row <= BODY.bottom; row++) if (!special.has(`${col}${row}`)) ws.getCell(`${col}${row}`).value = mark(`cell${col}${row}`);
  ws.getCell('L8').value = 987654321;
  ws.getCell('M8').value = { richText: [{ text: mark('runA') }, { text: mark('runB'), font: { bold: true } }] };
  ws.getCell('N8').value = { text: mark('linktext'), hyperlink: `mailto:${mark('linktarget')}@example.com` };
  ws.getCell('O9').note = mark('note');
  ws.getCell('L10').note = { texts: [{ text: mark('richnote') }] };
  (ws as unknown as { dataValidations: { add(ref: string, dv: ExcelJS.DataValidation): void } }).dataValidations.add('M10:M12', {
    type: 'list',
    allowBlank: true,
    formulae: [`"${mark('listA')},${mark('listB')}"`],
  });
  // Formulas outside the personal columns that read them, with their values stored.
  ws.getCell('Q7').value = { formula: 'L7&""', result: 'MK00cellL7' } as ExcelJS.CellFormulaValue;
  ws.getCell('Q8').value = { formula: 'Q7&"!"', result: 'MK00cellL7!' } as ExcelJS.CellFormulaValue;
  ws.getCell('Q9').value = { formula: 'L8*1', result: 987654321 } as ExcelJS.CellFormulaValue;
  ws.getCell('Q10').value = { formula: 'COUNTIF(M7:M27,"MK*")', result: 21 } as ExcelJS.CellFormulaValue;
  ws.getCell('Q12').value = 'KEEP-control-cell';
  wb.creator = mark('creator');
  wb.lastModifiedBy = mark('lastby');
  wb.title = mark('title');
  wb.subject = mark('subject');
  wb.keywords = mark('keywords');
  wb.description = mark('description');
  wb.company = mark('company');
  wb.manager = mark('manager');
  wb.category = mark('category');
  writeFileSync(output, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));

  // What ExcelJS cannot write, added part by part: a defined name holding text, a custom
  // property, a threaded comment on a personal cell, a chart caching personal cells.
  const zip = await JSZip.loadAsync(readFileSync(output));
  const wbXml = (await zip.file('xl/workbook.xml')!.async('string')).replace('</definedNames>', `<definedName name="Contact_Owner">"${mark('name')}"</definedName></definedNames>`);
  zip.file('xl/workbook.xml', wbXml);
  zip.file(
    'docProps/custom.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Owner"><vt:lpwstr>${mark('custom')}</vt:lpwstr></property></Properties>`,
  );
  const rootRels = (await zip.file('_rels/.rels')!.async('string')).replace(
    '</Relationships>',
    '<Relationship Id="rIdCustom" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>',
  );
  zip.file('_rels/.rels', rootRels);
  const types = (await zip.file('[Content_Types].xml')!.async('string')).replace(
    '</Types>',
    '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
      '<Override PartName="/xl/threadedComments/threadedComment1.xml" ContentType="application/vnd.ms-excel.threadedcomments+xml"/></Types>',
  );
  zip.file('[Content_Types].xml', types);
  zip.file(
    'xl/threadedComments/threadedComment1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="N10" dT="2026-03-01T10:00:00.00" personId="{00000000-0000-0000-0000-000000000001}" id="{00000000-0000-0000-0000-000000000002}"><text>${mark('thread')}</text></threadedComment></ThreadedComments>`,
  );
  const sheetRelsPath = 'xl/worksheets/_rels/sheet1.xml.rels';
  const sheetRels = (await zip.file(sheetRelsPath)?.async('string')) ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  zip.file(
    sheetRelsPath,
    sheetRels.replace('</Relationships>', '<Relationship Id="rIdThread" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/></Relationships>'),
  );
  zip.file(
    'xl/charts/chart1.xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart><c:ser><c:idx val="0"/><c:order val="0"/><c:cat><c:strRef><c:f>'${SHEET}'!$L$7:$L$9</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>${mark('chart')}</c:v></c:pt></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>'${SHEET}'!$E$7:$E$9</c:f><c:numCache><c:ptCount val="1"/><c:pt idx="0"><c:v>KEEP-chart-value</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
  );
  writeFileSync(output, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** Every part of the package as text, and which of `needles` it contains. */
async function search(file: string, needles: string[]): Promise<string[]> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const found: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir) continue;
    const text = await zip.files[name].async('string');
    for (const n of needles) if (text.toLowerCase().includes(n.toLowerCase())) found.push(`${name}: ${n}`);
  }
  return found;
}

let planted1: string;
let fromLibreOffice: string;
beforeAll(async () => {
  const base = path.join(dir, 'chain.xlsx');
  expect((await cli(['template', 'decision-chain', '--lang', 'zh-CN', '--example', '--out', base])).code).toBe(0);
  planted1 = path.join(dir, 'planted.xlsx');
  await plant(base, planted1);
  [fromLibreOffice] = await recalc([planted1]);
}, 300_000);

const needles = () => [...planted, '987654321'];

test('the planted file really holds every marker (the search can find them)', async () => {
  const found = await search(planted1, needles());
  expect(planted.length).toBeGreaterThan(90);
  for (const n of needles()) expect(found.some((f) => f.endsWith(`: ${n}`))).toBe(true);
});

test.each(['ours', 'LibreOffice'])('the copy of %s file holds none of them, keeps the rest, and says what it cleared', async (which) => {
  const input = which === 'ours' ? planted1 : fromLibreOffice;
  const out = path.join(dir, `safe-${which}.xlsx`);
  const r = await cli(['share-safe', '--in', input, '--out', out, '--lang', 'en-US']);
  expect(r.code).toBe(0);
  expect(await search(out, needles())).toEqual([]);
  expect((await search(out, ['KEEP-control-cell'])).length).toBeGreaterThan(0);
  // What it reports.
  expect(r.out).toMatch(/Cleared 84 cells and 2 notes on sheet 决策链/);
  expect(r.out).toMatch(/Recomputed [1-9]\d* formula cells?/);
  expect(r.out).toMatch(/Emptied the document properties .*creator.*title.*Company/);
  if (which === 'ours') {
    expect(r.out).toContain('1 threaded comment, 1 hyperlink and 1 list validation');
    expect(r.out).toContain('Emptied the text of the defined name Contact_Owner.');
    expect(r.out).toContain('custom: Owner');
    expect(r.out).toContain('Cleared the cached points of 1 chart series');
  }
  // The formulas that read personal cells now store what they compute without them.
  const stored = (await readStoredFormulas(out)).get(SHEET)!;
  expect(['Q7', 'Q8', 'Q9', 'Q10'].map((ref) => stored.get(ref)?.value)).toEqual(['', '!', 0, 0]);
});

// (ExcelJS, which planted the markers, drops stored values that are 0 or "" when it re-saves a
// file: those cells have none in the input either, and the copy keeps them as they were.)
test('both copies open in LibreOffice, which computes every formula to the value the copy stores', async () => {
  const copies = ['ours', 'LibreOffice'].map((w) => path.join(dir, `safe-${w}.xlsx`));
  const recalculated = await recalc(copies);
  for (const [i, copy] of copies.entries()) {
    const { compareStored } = await import('../support/stored-values');
    const { compared, disagreements } = compareStored(await readStoredFormulas(copy), await readStoredFormulas(recalculated[i]));
    expect(compared).toBeGreaterThan(60);
    expect(disagreements.filter((d) => d.ours !== undefined)).toEqual([]);
    expect(disagreements.map((d) => d.ref)).not.toEqual(expect.arrayContaining(['Q7']));
  }
});
