/**
 * What the SpreadsheetML writer does beyond mapping the spec: text XML cannot hold, text over
 * Excel's limits, sheet names that need quoting, sheets renamed on the way, cached values,
 * recalculation on open, version stamps, VML id blocks for many notes, identical bytes for
 * identical input. Checked against readers we did not write: LibreOffice (recalculated values),
 * ExcelJS (cached results), the schemas (test/support/ooxml-validate.ts).
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { runCli } from '../../src/cli/run';
import type { SheetSpec, WorkbookSpec } from '../../src/sheets/core/sheet-spec';
import { getTemplate } from '../../src/sheets/templates/registry';
import { renderWorkbook, renderWorkbookWithWarnings } from '../../src/xlsx/render-workbook';
import { readStamps } from '../../src/xlsx/read-stamps';
import { CUT_MARKER, MAX_CELL_TEXT } from '../../src/xlsx/write/xml-text';
import { readWorkbook, recalc, sheet, type SheetValues } from '../support/libreoffice';
import { validatePackages } from '../support/ooxml-validate';
import { FIXED_TODAY, tempDir } from '../support/template-files';

jest.setTimeout(300_000);

const parts = (bytes: Uint8Array) => {
  const files = unzipSync(bytes);
  return (p: string) => strFromU8(files[p]);
};

const dir = tempDir('ap-writer-');
const QUOTED = "O'Brien's plan";
const BAD = 'bad\u0001name\u0007';
const LONG = 'x'.repeat(MAX_CELL_TEXT + 500);

/** One workbook with everything awkward at once. */
const awkward: WorkbookSpec = {
  title: 'awkward',
  sheets: [
    {
      name: QUOTED,
      lang: 'en-US',
      stamp: { kind: 'test-kind', version: 3 },
      cells: [
        { ref: 'A1', value: 21 },
        { ref: 'A2', value: BAD, note: 'note with a \u0002 control' },
        { ref: 'A3', value: LONG },
        { ref: 'A4', value: 'literal _x0041_ stays' },
        { ref: 'A5', value: { formula: 'A1*2', cached: 42 } },
        { ref: 'A6', value: { formula: 'IF(A1>0,"yes","no")', cached: 'yes' } },
        { ref: 'A7', value: { formula: 'A1>0', cached: true } },
        { ref: 'A8', value: { formula: 'NA()', cached: { error: '#N/A' } } },
        { ref: 'A9', value: { formula: 'A1+1' } },
      ],
      names: [{ name: 'Base', ref: '$A$1' }],
      print: { orientation: 'landscape', paperSize: 'A4', fitToWidth: true, titleRows: '1:1', area: 'A1:A9' },
    },
    {
      name: 'Uses',
      lang: 'en-US',
      cells: [
        { ref: 'A1', value: { formula: `'O''Brien''s plan'!A1+1` } },
        { ref: 'A2', value: { formula: 'Base*10' } },
        // Refers to the next sheet by the name it asked for; that sheet gets a cleaned name.
        { ref: 'A3', value: { formula: `'Q1/Q2'!A1*3` } },
      ],
    },
    { name: 'Q1/Q2', cells: [{ ref: 'A1', value: 5 }] },
  ],
};

let rendered: { bytes: Uint8Array; warnings: { sheet?: string; ref?: string; message: string }[] };
let lo: SheetValues[];

beforeAll(async () => {
  rendered = await renderWorkbookWithWarnings(awkward, { created: FIXED_TODAY });
  const file = path.join(dir, 'awkward.xlsx');
  writeFileSync(file, rendered.bytes);
  lo = await readWorkbook((await recalc([file]))[0]);
});

describe('text the file cannot hold', () => {
  test('control characters become U+FFFD, with a warning naming the sheet and cell', () => {
    const cells = sheet(lo, QUOTED).values;
    expect(cells.get('A2')).toBe('bad\uFFFDname\uFFFD');
    expect(rendered.warnings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ sheet: QUOTED, ref: 'A2', message: expect.stringMatching(/cell at sheet "O'Brien's plan" cell A2: 2 characters .* replaced/) }),
        expect.objectContaining({ sheet: QUOTED, ref: 'A2', message: expect.stringMatching(/note .* 1 character/) }),
      ]),
    );
  });

  test('text over 32,767 characters is cut with a visible marker, with a warning', () => {
    const text = sheet(lo, QUOTED).values.get('A3') as string;
    expect(text.length).toBe(MAX_CELL_TEXT);
    expect(text.endsWith(CUT_MARKER)).toBe(true);
    expect(rendered.warnings).toEqual(expect.arrayContaining([expect.objectContaining({ ref: 'A3', message: expect.stringContaining('cut to Excel') })]));
  });

  test('literal "_xHHHH_" text survives (not read as an escaped character)', () => {
    expect(sheet(lo, QUOTED).values.get('A4')).toBe('literal _x0041_ stays');
  });

  test('the CLI prints the warnings on stderr and still writes the file', async () => {
    const input = path.join(dir, 'ctrl.csv');
    writeFileSync(input, 'customer,value\nFirm\u0001A,10\nFirm B,5\n');
    let err = '';
    const out = path.join(dir, 'ctrl.xlsx');
    const code = await runCli(['abc', '--in', input, '--out', out, '--lang', 'en-US'], { out: () => undefined, err: (t) => (err += t) });
    expect(code).toBe(0);
    expect(err).toMatch(/^warning: cell at sheet "[^"]+" cell B26: 1 character .* replaced by \uFFFD$/m);
  });
});

describe('sheet names in formulas and names', () => {
  test('an apostrophe is doubled in defined names and print titles; LibreOffice resolves them', () => {
    const workbook = parts(rendered.bytes)('xl/workbook.xml');
    expect(workbook).toContain(`<definedName name="Base">'O''Brien''s plan'!$A$1</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'O''Brien''s plan'!$1:$1</definedName>`);
    const uses = sheet(lo, 'Uses').values;
    expect(uses.get('A1')).toBe(22);
    expect(uses.get('A2')).toBe(210);
  });

  test('a sheet renamed to be valid is followed by the formulas that name it', () => {
    expect(sheet(lo, 'Q1 Q2').values.get('A1')).toBe(5);
    expect(sheet(lo, 'Uses').values.get('A3')).toBe(15);
  });

  test('a name that looks like a cell address is quoted', async () => {
    const bytes = await renderWorkbook({ sheets: [{ name: 'ABC1', cells: [{ ref: 'A1', value: 1 }], names: [{ name: 'One', ref: '$A$1' }] }] });
    expect(parts(bytes)('xl/workbook.xml')).toContain(`<definedName name="One">'ABC1'!$A$1</definedName>`);
  });
});

describe('values', () => {
  test('cached results are stored with their type (ExcelJS reads them back); uncached formulas store none', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(rendered.bytes) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet(QUOTED)!;
    const result = (ref: string) => (ws.getCell(ref).value as { result?: unknown }).result;
    expect(result('A5')).toBe(42);
    expect(result('A6')).toBe('yes');
    expect(result('A7')).toBe(true);
    expect(result('A8')).toEqual({ error: '#N/A' });
    expect(result('A9')).toBeUndefined();
    const xml = parts(rendered.bytes)('xl/worksheets/sheet1.xml');
    expect(xml).toContain('<c r="A6" t="str"><f>IF(A1&gt;0,"yes","no")</f><v>yes</v></c>');
    expect(xml).toContain('<c r="A9"><f>A1+1</f></c>');
  });

  test('the workbook asks to be recalculated on open, and LibreOffice computes the uncached cell', () => {
    expect(parts(rendered.bytes)('xl/workbook.xml')).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
    expect(sheet(lo, QUOTED).values.get('A9')).toBe(22);
  });
});

describe('stamps', () => {
  test('the format version and each sheet’s kind@version are read back; unstamped sheets have none', async () => {
    expect(await readStamps(rendered.bytes)).toEqual({ formatVersion: 1, sheets: [{ sheet: QUOTED, stamp: { kind: 'test-kind', version: 3 } }] });
  });

  test('every template sheet is stamped with its kind', async () => {
    const stamps = await readStamps(await renderWorkbook({ sheets: getTemplate('visit-plan').build({ lang: 'zh-CN', example: false, today: FIXED_TODAY }) }));
    expect(stamps.sheets.map((s) => `${s.sheet}=${s.stamp.kind}@${s.stamp.version}`)).toEqual(['拜访计划=visit-plan@1', '拜访记录=visit-log@1']);
  });
});

describe('notes', () => {
  test('1,100 notes on one sheet and notes on two more: VML id blocks 1–2, 3, 4; all valid', async () => {
    const noted = (name: string, count: number): SheetSpec => ({
      name,
      cells: Array.from({ length: count }, (_, i) => ({ ref: `A${i + 1}`, value: i, note: `note ${i}` })),
    });
    const bytes = await renderWorkbook({ sheets: [noted('Many', 1100), noted('Two', 2), noted('Three', 3)] });
    const get = parts(bytes);
    const idmap = (n: number) => /<o:idmap v:ext="edit" data="([^"]+)"/.exec(get(`xl/drawings/vmlDrawing${n}.vml`))?.[1];
    expect([idmap(1), idmap(2), idmap(3)]).toEqual(['1,2', '3', '4']);
    // Note 1,100 is the 76th shape of block 2: 2 × 1024 + 76.
    expect(get('xl/drawings/vmlDrawing1.vml').includes('id="_x0000_s2124"')).toBe(true);
    const report = await validatePackages([{ label: 'notes', bytes }]);
    expect(report).toMatchObject({ errors: [], vmlParts: 3 });
  });
});

test('the same spec and date give the same bytes', async () => {
  const sheets = getTemplate('decision-chain').build({ lang: 'en-US', example: true, today: FIXED_TODAY });
  const a = await renderWorkbook({ sheets }, { created: FIXED_TODAY });
  const b = await renderWorkbook({ sheets }, { created: FIXED_TODAY });
  expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
});

test('the awkward workbook is schema-valid too', async () => {
  expect((await validatePackages([{ label: 'awkward', bytes: rendered.bytes }])).errors).toEqual([]);
});
