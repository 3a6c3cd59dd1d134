/**
 * The corpus test (test/corpus/README.md): real files from public test suites, written by Excel
 * (Windows, Mac, Online), LibreOffice, WPS, Numbers, Google Sheets, gnumeric, openpyxl and others,
 * each read by our reader and by LibreOffice (converted to CSV headless, one soffice start per
 * batch). Every sheet must read the same in both, cell for cell, except the cells listed below
 * with the reason; the files we refuse are listed with the reason too. The class files of the
 * unit tests (test/support/class-files.ts) go through LibreOffice as well.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openCsvText, openWorkbook, slices } from '../../src/xlsx/read/open-table';
import { ReadError } from '../../src/xlsx/read/read-error';
import type { CellValue, RowRecord } from '../../src/xlsx/read/rows';
import { decodeWhole } from '../../src/xlsx/read/text-encoding';
import { xlsxClassFiles } from '../support/class-files';
import { diffSheet, type CellDiff } from '../support/lo-compare';
import { libreOfficeSheets, type LoSheet } from '../support/lo-csv';
import { tempDir } from '../support/template-files';

const CORPUS = path.resolve(__dirname, '../corpus/files');

/** Files we refuse, and why (LibreOffice cannot read them either, or reads nothing). */
const REFUSED: Record<string, string> = {
  'calamine/pass_protected.xlsx': 'encrypted',
  'calamine/issue252.xlsx': 'bad-format', // its workbook relationships part is damaged (bad CRC, not XML)
  'xlrd/reveng2.xlsx': 'bad-format', // every reference names xl/workbook.xml, the part is xl/workbook2.xml
};

/**
 * Cells where LibreOffice reads differently, each with the reason (file → sheet → cells).
 * Everything else must match.
 */
const KNOWN: Record<string, Record<string, Record<string, string>>> = {
  'calamine/inlineStr_with_value.xlsx': {
    Requirements: {
      '*': 'the cells hold both <v> and an inline string <is>; the inline string is the text (ECMA-376 Part 1, 18.3.1.4), LibreOffice shows nothing',
    },
  },
  'sheetjs/LONumbers.xlsx': {
    Sheet1: { 'row 38': 'LibreOffice 4.1 saved these formulas (=C37 …) with an empty text as their cached result; LibreOffice 7 recomputes them' },
  },
  'sheetjs/wtf_path.xlsx': {
    SheetJS: Object.fromEntries(
      ['E2', 'E3', 'E4'].map((c) => [c, 'a cell of an array formula SheetJS wrote without results: LibreOffice computes it, the file holds no value there']),
    ),
  },
};

interface Source {
  rel: string;
  file: string;
}

function corpusFiles(ext: RegExp): Source[] {
  const out: Source[] = [];
  for (const d of readdirSync(CORPUS).sort())
    for (const f of readdirSync(path.join(CORPUS, d)).sort()) if (ext.test(f)) out.push({ rel: `${d}/${f}`, file: path.join(CORPUS, d, f) });
  return out;
}

/** Every worksheet as a grid by sheet row, through the shared reader (what both front ends use). */
function readAllSheets(bytes: Uint8Array): { name: string; grid: CellValue[][]; date1904: boolean }[] {
  const book = openWorkbook(bytes);
  return book.sheets.map((s) => {
    const grid: CellValue[][] = [];
    for (const batch of book.rows(s)) for (const r of batch) grid[r.rowNumber - 1] = r.cells;
    return { name: s.name, grid: Array.from(grid, (r) => r ?? []), date1904: book.date1904 };
  });
}

function loSheet(sheets: LoSheet[], name: string): LoSheet | undefined {
  return sheets.find((s) => s.name === name) ?? sheets.find((s) => s.name === name.replace(/[\\/:*?"<>|]/g, '_'));
}

interface Outcome {
  file: string;
  sheet?: string;
  diffs?: CellDiff[];
  refused?: string;
  note?: string;
}

function compareXlsx(rel: string, bytes: Uint8Array, lo: LoSheet[]): Outcome[] {
  let sheets: ReturnType<typeof readAllSheets>;
  try {
    sheets = readAllSheets(bytes);
  } catch (e) {
    return [{ file: rel, refused: e instanceof ReadError ? e.code : `crash: ${(e as Error).message}` }];
  }
  return sheets.map((s) => {
    const theirs = loSheet(lo, s.name);
    if (!theirs) return { file: rel, sheet: s.name, note: 'LibreOffice wrote no CSV for this sheet' };
    const known = KNOWN[rel]?.[s.name] ?? {};
    const diffs = diffSheet(s.grid, theirs.rows, s.date1904).filter(
      // A formula without a cached value: we give its text so the row is refused; LibreOffice computes it.
      (d) => !(known['*'] || known[d.cell] || known[`row ${d.cell.replace(/^[A-Z]+/, '')}`] || (typeof d.ours === 'string' && d.ours.startsWith('='))),
    );
    return { file: rel, sheet: s.name, diffs };
  });
}

let outcomes: Outcome[] = [];
let csvOutcomes: Outcome[] = [];

beforeAll(async () => {
  const xlsx = corpusFiles(/\.xlsx$/);
  const dir = tempDir('ap-corpus-');
  const classes = Object.values(await xlsxClassFiles()).map((c) => {
    const file = path.join(dir, c.name);
    writeFileSync(file, c.bytes);
    return { rel: `class-files/${c.name}`, file };
  });
  const all: Source[] = [...xlsx, ...classes];
  const lo = await libreOfficeSheets(all.map((s) => s.file));
  outcomes = all.flatMap((s, i) => compareXlsx(s.rel, new Uint8Array(readFileSync(s.file)), lo[i]));

  const csv = corpusFiles(/\.csv$/);
  const loCsv = await libreOfficeSheets(
    csv.map((s) => s.file),
    { csvImport: true },
  );
  csvOutcomes = await Promise.all(
    csv.map(async (s, i) => {
      const { text } = decodeWhole(new Uint8Array(readFileSync(s.file)));
      const table = await openCsvText(slices(text), { headerRow: 1 });
      const grid: CellValue[][] = [];
      grid[table.headerRow - 1] = table.headers;
      for await (const b of table.batches) for (const r of b as RowRecord[]) grid[r.rowNumber - 1] = r.cells;
      const theirs = loCsv[i][0];
      if (!theirs) return { file: s.rel, note: 'LibreOffice wrote nothing' };
      return { file: s.rel, diffs: diffSheet(Array.from(grid, (r) => r ?? []), theirs.rows) };
    }),
  );
}, 900_000);

test('the corpus is there: dozens of workbooks from several writers and the CSV test suite', () => {
  expect(corpusFiles(/\.xlsx$/).length).toBeGreaterThanOrEqual(60);
  expect(corpusFiles(/\.csv$/).length).toBeGreaterThanOrEqual(10);
});

test('every sheet of every workbook reads as LibreOffice reads it (listed differences aside)', () => {
  const readable = outcomes.filter((o) => !REFUSED[o.file]);
  const report = readable.filter((o) => o.refused || o.note || (o.diffs && o.diffs.length)).map((o) => ({ file: o.file, sheet: o.sheet, refused: o.refused, note: o.note, diffs: o.diffs?.slice(0, 5) }));
  console.log(`corpus: ${readable.length} sheets compared with LibreOffice, ${report.length} differ`);
  expect(report).toEqual([]);
  expect(readable.length).toBeGreaterThanOrEqual(120);
});

test('the files we refuse are refused for the listed reason', () => {
  for (const [file, code] of Object.entries(REFUSED)) expect({ file, refused: outcomes.find((o) => o.file === file)?.refused }).toEqual({ file, refused: code });
});

test('the class files read as LibreOffice reads them', () => {
  const classes = outcomes.filter((o) => o.file.startsWith('class-files/'));
  expect(classes.length).toBeGreaterThanOrEqual(8);
  expect(classes.filter((o) => o.refused || (o.diffs && o.diffs.length))).toEqual([]);
});

test('every CSV file reads as LibreOffice reads it', () => {
  expect(csvOutcomes.filter((o) => o.note || (o.diffs && o.diffs.length))).toEqual([]);
});
