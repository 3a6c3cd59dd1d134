import { CsvRecords, sniffDialect, type CsvDialect } from './csv-records';
import { ReadError } from './read-error';
import type { RowRecord } from './rows';
import { tableFrom, type Table, type TableOptions } from './table';
import { isOle, oleError, openXlsxBook, type SheetInfo, type XlsxBook } from './xlsx-book';
import { isZip } from './zip';

/**
 * The one reader of .csv and .xlsx files for both front ends: the command line wraps it with
 * file and gzip streaming (src/xlsx/read-rows.ts), the task pane's preview hands it the bytes of
 * an upload (src/taskpane/preview/read-upload.ts). Nothing here uses Node.
 */

export interface OpenedTable extends Table {
  format: 'csv' | 'xlsx';
  /** CSV: the encoding used and the separator found. */
  encoding?: string;
  delimiter?: CsvDialect['delimiter'];
  /** XLSX: the sheet read, and every worksheet's name in tab order. */
  sheet?: string;
  sheets?: string[];
}

export type ByteKind = 'gzip' | 'zip' | 'ole' | 'text';

/** What the first bytes say the file is; the name's extension is not trusted. */
export function byteKind(head: Uint8Array): ByteKind {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (isZip(head)) return 'zip';
  if (isOle(head)) return 'ole';
  return 'text';
}

/** Refuses what is neither a zip package nor text: old .xls workbooks and encrypted .xlsx files. */
export function refuseOle(bytes: Uint8Array): never {
  throw oleError(bytes);
}

const SNIFF_CHARS = 64 * 1024;

/** CSV text, in pieces, as a table. `dialect`: skip detection (tests). */
export async function openCsvText(
  pieces: AsyncIterable<string> | Iterable<string>,
  options: TableOptions & { encoding?: string; dialect?: CsvDialect } = {},
): Promise<OpenedTable> {
  const iterator = Symbol.asyncIterator in pieces ? (pieces as AsyncIterable<string>)[Symbol.asyncIterator]() : (pieces as Iterable<string>)[Symbol.iterator]();
  // Enough text to see the separator and line ending.
  let first = '';
  let ended = false;
  while (first.length < SNIFF_CHARS) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    first += next.value;
  }
  const dialect = options.dialect ?? sniffDialect(first.charCodeAt(0) === 0xfeff ? first.slice(1) : first);
  const records = new CsvRecords(dialect);
  const toRows = (text: string, last: boolean): RowRecord[] =>
    records.push(text, last).map((r) => (r.badQuotes ? { rowNumber: r.row, cells: r.cells, problem: { code: 'bad-quotes', fields: r.cells.length, expected: 0 } } : { rowNumber: r.row, cells: r.cells }));
  async function* batches(): AsyncGenerator<RowRecord[]> {
    if (ended) {
      yield toRows(first, true);
      return;
    }
    let pending = first;
    for (;;) {
      const next = await iterator.next();
      if (next.done) {
        yield toRows(pending, true);
        return;
      }
      const rows = toRows(pending, false);
      if (rows.length) yield rows;
      pending = next.value;
    }
  }
  const table = await tableFrom(batches(), { ...options, checkFields: true });
  return { ...table, format: 'csv', encoding: options.encoding, delimiter: dialect.delimiter };
}

/** Slices of one string, for openCsvText. */
export function* slices(text: string, size = 1 << 20): Generator<string> {
  for (let i = 0; i < text.length; i += size) yield text.slice(i, i + size);
}

/** The worksheet named (without regard to case), or the first visible one that has data. */
export function chooseSheet(book: XlsxBook, name?: string): SheetInfo {
  const names = book.sheets.map((s) => s.name).join(', ') || 'none';
  if (name !== undefined) {
    const wanted = name.trim().toLowerCase();
    const hit = book.sheets.find((s) => s.name.toLowerCase() === wanted);
    if (!hit) throw new ReadError('no-sheet', { sheet: name, sheets: names });
    return hit;
  }
  const visible = book.sheets.filter((s) => s.state === 'visible');
  for (const s of visible) {
    const first = book.rows(s, 1).next();
    if (!first.done && first.value.length) return s;
  }
  throw new ReadError('no-worksheet');
}

/** One worksheet of an .xlsx as a table. */
export async function openXlsxBytes(bytes: Uint8Array, options: TableOptions & { sheet?: string } = {}): Promise<OpenedTable> {
  const book = openWorkbook(bytes);
  const sheet = chooseSheet(book, options.sheet);
  const table = await tableFrom(book.rows(sheet), options);
  return { ...table, format: 'xlsx', sheet: sheet.name, sheets: book.sheets.map((s) => s.name) };
}

/** The workbook of an .xlsx file, or the reason it cannot be read. */
export function openWorkbook(bytes: Uint8Array): XlsxBook {
  const kind = byteKind(bytes);
  if (kind === 'ole') refuseOle(bytes);
  if (kind !== 'zip') throw new ReadError('bad-format', { detail: 'it is not a zip package, as every .xlsx file is' });
  return openXlsxBook(bytes);
}
