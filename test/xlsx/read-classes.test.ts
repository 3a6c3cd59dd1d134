/**
 * Every class of input issue 11 lists, read through the command line's reader (openRows with the
 * encoding restart, as `account-planner abc|bonus --in` reads) and through the preview's
 * (readUpload, as an upload in the pane is read): both must give the same headers, rows, row
 * numbers and refusals, and those must be the right ones.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { readUpload, UploadError } from '../../src/taskpane/preview/read-upload';
import { ReadError, readWithRestart, type OpenRowsOptions } from '../../src/xlsx/read-rows';
import type { CellValue, RowRecord } from '../../src/xlsx/read/rows';
import { CSV_CLASSES, ORDERS, encryptedWorkbook, lateGb18030, oldXls, xlsxClassFiles, type ClassFile } from '../support/class-files';
import { tempDir } from '../support/template-files';

const dir = tempDir('ap-classes-');

interface Read {
  headers: string[];
  headerRow: number;
  rows: RowRecord[];
  sheet?: string;
  encoding?: string;
}

/** The command line's way: the file from disk, streamed, restarted once if the encoding changes. */
async function viaCli(name: string, bytes: Buffer | string, options: OpenRowsOptions = {}): Promise<Read> {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return readWithRestart(file, options, async (o) => {
    const rows: RowRecord[] = [];
    for await (const b of o.batches) rows.push(...b);
    return { headers: o.headers, headerRow: o.headerRow, rows, sheet: o.sheet, encoding: o.encoding };
  });
}

/** The preview's way: the upload's bytes; the first sheet it shows. */
async function viaPane(name: string, bytes: Buffer | string, options: { encoding?: string; headerRow?: number } = {}): Promise<Read> {
  const b = typeof bytes === 'string' ? Buffer.from(bytes) : bytes;
  const [sheet] = await readUpload({ name, arrayBuffer: async () => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer }, undefined, undefined, options);
  const rows: RowRecord[] = [];
  sheet.table.rows.forEach((cells, k) => {
    const rowNumber = sheet.table.firstRowNumber + k;
    if (!(cells as unknown[]).some((c) => c !== null && c !== '')) return;
    const problem = sheet.table.rowProblems?.[rowNumber];
    rows.push(problem ? { rowNumber, cells: cells as CellValue[], problem } : { rowNumber, cells: cells as CellValue[] });
  });
  return { headers: sheet.table.headers, headerRow: sheet.table.firstRowNumber - 1, rows, sheet: sheet.name };
}

/** Both ways agree; returns what they read. */
async function both(name: string, bytes: Buffer | string, options: { encoding?: string; headerRow?: number } = {}): Promise<Read> {
  const cli = await viaCli(name, bytes, options);
  const pane = await viaPane(name, bytes, options);
  expect({ headers: pane.headers, headerRow: pane.headerRow, rows: pane.rows }).toEqual({ headers: cli.headers, headerRow: cli.headerRow, rows: cli.rows });
  return cli;
}

/** Both ways refuse, with the same code; returns the CLI's error. */
async function bothRefuse(name: string, bytes: Buffer | string, options: { encoding?: string; headerRow?: number } = {}): Promise<ReadError> {
  const cli = await viaCli(name, bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  const pane = await viaPane(name, bytes, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(cli).toBeInstanceOf(ReadError);
  expect(pane).toBeInstanceOf(UploadError);
  expect((pane as UploadError).reason?.code).toBe((cli as ReadError).code);
  return cli as ReadError;
}

const plain = (r: Read) => [r.headers, ...r.rows.map((x) => x.cells)];

let xlsx: Record<string, ClassFile>;
beforeAll(async () => {
  xlsx = await xlsxClassFiles();
});

describe('.xlsx written by other tools', () => {
  test('worksheets before the shared strings in the zip: the same rows on every one of 20 runs', async () => {
    const f = xlsx['zip-order.xlsx'];
    const first = await both(f.name, f.bytes);
    expect(plain(first)).toEqual(ORDERS);
    for (let i = 0; i < 20; i++) expect(plain(await viaCli(f.name, f.bytes))).toEqual(ORDERS);
  });

  test('a shared-strings part whose name differs in letter case from its relationship', async () => {
    const f = xlsx['part-case.xlsx'];
    expect(plain(await both(f.name, f.bytes))).toEqual(ORDERS);
  });

  test('absolute relationship targets (openpyxl, pandas): every sheet found, --sheet by name', async () => {
    const f = xlsx['absolute-targets.xlsx'];
    const r = await both(f.name, f.bytes);
    expect(r.sheet).toBe('订单');
    expect(plain(r)).toEqual(ORDERS);
    const notes = await viaCli(f.name, f.bytes, { sheet: 'notes' });
    expect(notes.sheet).toBe('Notes');
    await expect(viaCli(f.name, f.bytes, { sheet: 'Missing' })).rejects.toMatchObject({ code: 'no-sheet', message: expect.stringContaining('订单, Notes') });
  });

  test('cells and rows without the optional r attribute (and r in lower case) take the next place', async () => {
    const f = xlsx['no-r.xlsx'];
    const r = await both(f.name, f.bytes);
    expect(r.rows).toEqual([
      { rowNumber: 2, cells: ['Acme', 100] },
      { rowNumber: 5, cells: ['Beta', null, 7, 8] },
      { rowNumber: 6, cells: [null, 9] },
    ]);
  });

  test('an inline string in a CDATA section', async () => {
    const f = xlsx['cdata.xlsx'];
    expect((await both(f.name, f.bytes)).rows[0].cells).toEqual(['Acme & Co <1>', 100]);
  });

  test('phonetic guides (furigana) are not part of the text', async () => {
    const f = xlsx['phonetic.xlsx'];
    expect((await both(f.name, f.bytes)).rows.map((r) => r.cells[0])).toEqual(['東京商事', '大阪']);
  });

  test('t="d" cells (ISO 8601) and date-formatted numbers are dates, never the year or a serial', async () => {
    const f = xlsx['date-cells.xlsx'];
    const r = await both(f.name, f.bytes);
    expect(r.rows).toEqual([
      { rowNumber: 2, cells: ['Acme', new Date(Date.UTC(2026, 2, 1)), new Date(Date.UTC(2026, 2, 2))] },
      { rowNumber: 3, cells: ['Beta', new Date(Date.UTC(2026, 2, 1)), 5] },
    ]);
  });

  test('an encrypted workbook is named as such', async () => {
    const err = await bothRefuse('locked.xlsx', encryptedWorkbook());
    expect(err.code).toBe('encrypted');
    expect(err.message).toMatch(/locked\.xlsx: is password-protected: save an unprotected copy/);
    expect(err.text('zh-CN')).toContain('设有打开密码');
  });

  test('an old .xls workbook is named as such', async () => {
    expect((await bothRefuse('old.xls.xlsx', oldXls())).code).toBe('old-xls');
  });

  test('text named .xlsx is refused, not read as CSV', async () => {
    expect((await bothRefuse('fake.xlsx', 'a,b\n1,2\n')).code).toBe('bad-format');
  });
});

describe('header row', () => {
  test('found below a title block (the first row naming known columns)', async () => {
    const f = xlsx['title-block.xlsx'];
    const r = await both(f.name, f.bytes);
    expect(r.headerRow).toBe(4);
    expect(r.headers).toEqual(['客户名称', '业务员', '金额(元)']);
    expect(r.rows.map((x) => x.rowNumber)).toEqual([5, 6]);
    const csv = await both('title.csv', CSV_CLASSES.title);
    expect(csv.headerRow).toBe(4);
    expect(csv.headers).toEqual(['客户名称', '金额']);
    expect(csv.rows).toEqual([
      { rowNumber: 5, cells: ['华为', '1000'] },
      { rowNumber: 6, cells: ['腾讯', '2500'] },
    ]);
  });

  test('named by the user (--header-row, the pane’s choice); a row that is empty or beyond the data is refused', async () => {
    const f = xlsx['title-block.xlsx'];
    const r = await both(f.name, f.bytes, { headerRow: 2 });
    expect(r.headers).toEqual(['制表人：王磊', '', '制表日期：2026-04-02']);
    expect(r.rows[0].rowNumber).toBe(4);
    expect((await bothRefuse(f.name, f.bytes, { headerRow: 3 })).code).toBe('header-row-empty');
    const beyond = await bothRefuse(f.name, f.bytes, { headerRow: 40 });
    expect(beyond.code).toBe('header-row-beyond');
    expect(beyond.message).toContain('its last row with data is 6');
  });
});

describe('CSV', () => {
  test('rows with more fields than the header (an unquoted thousands comma) or fewer are marked, with the counts', async () => {
    const r = await both('counts.csv', CSV_CLASSES.fieldCounts);
    expect(r.rows).toEqual([
      { rowNumber: 2, cells: ['Acme', '100', 'x'] },
      { rowNumber: 3, cells: ['Beta', '1', '200', 'y'], problem: { code: 'too-many-fields', fields: 4, expected: 3 } },
      { rowNumber: 4, cells: ['Gamma', '5'], problem: { code: 'too-few-fields', fields: 2, expected: 3 } },
      // An empty field after the last column (a trailing separator) shifts nothing.
      { rowNumber: 5, cells: ['Delta', '7', 'z', ''] },
    ]);
  });

  test('an unterminated quote is refused with the row it starts on and the lines it swallowed', async () => {
    const err = await bothRefuse('quote.csv', CSV_CLASSES.unterminated);
    expect(err.code).toBe('unterminated-quote');
    expect(err.params).toMatchObject({ row: 3, line: 3, lines: 3 });
    expect(err.message).toMatch(/quote\.csv: row 3 \(line 3\): a quoted field opens here and is never closed; it swallows the 3 lines to the end of the file\. Close the quote \(a " inside a field is written ""\)$/);
  });

  test('text after a closing quote marks that row only; the rows after it are read as they are', async () => {
    const r = await both('badq.csv', CSV_CLASSES.badQuotes);
    expect(r.rows[0]).toMatchObject({ rowNumber: 2, problem: { code: 'bad-quotes', expected: 2 } });
    expect(r.rows.slice(1)).toEqual([
      { rowNumber: 3, cells: ['Beta', '200'] },
      { rowNumber: 4, cells: ['Gamma', '300'] },
    ]);
  });

  test('the separator is detected: semicolon (with decimal commas in the values), tab, comma', async () => {
    const semi = await both('semi.csv', CSV_CLASSES.semicolon);
    expect(semi.headers).toEqual(['Kunde', 'Betrag']);
    expect(semi.rows.map((r) => r.cells)).toEqual([
      ['Acme', '1.234,56'],
      ['Beta', '12,5'],
      ['Gamma', '1.000'],
    ]);
    const tab = await both('tab.csv', CSV_CLASSES.tab);
    expect(tab.rows[0].cells).toEqual(['Acme', '1,234.5']);
  });

  test('the encoding is decided for the whole file: GB18030 that starts after 2 MB of ASCII is read as GB18030 (the CLI starts again), names stay apart', async () => {
    const bytes = lateGb18030();
    const r = await both('late.csv', bytes);
    const names = r.rows.slice(-2).map((x) => x.cells[0]);
    expect(names).toEqual(['华为技术有限公司', '华润万家有限公司']);
    expect(r.rows).toHaveLength(90_002);
    expect(r.encoding).toBe('gb18030');
  });

  test('--encoding overrides the decision; an unknown one is refused', async () => {
    const bytes = iconv.encode('客户,金额\n華為,1\n', 'big5');
    const r = await both('big5.csv', bytes, { encoding: 'big5' });
    expect(r.rows[0].cells).toEqual(['華為', '1']);
    expect((await bothRefuse('x.csv', 'a\n1\n', { encoding: 'klingon' })).code).toBe('bad-encoding');
  });
});
