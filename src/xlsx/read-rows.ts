import { createReadStream, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { byteKind, openCsvText, openXlsxBytes, refuseOle, type OpenedTable } from './read/open-table';
import { ReadError } from './read/read-error';
import type { RowRecord } from './read/rows';
import { EncodingRestart, StreamDecoder, checkEncoding } from './read/text-encoding';

export { ReadError } from './read/read-error';
export type { RowRecord } from './read/rows';

/**
 * The command line's file reader: opens a .csv or .xlsx file (or a .gz of either) from disk and
 * hands the bytes to the shared reader of src/xlsx/read/ — the same code the task pane's preview
 * uses — streaming CSV files through gunzip and the text decoder so big files are never held
 * whole. The format is told by the bytes, not the extension.
 */

export interface OpenedRows extends OpenedTable {
  compressed: boolean;
  /** Data rows after the header; empty rows are skipped. Iterate `rows` or `batches`, once. */
  rows: AsyncIterable<RowRecord>;
}

export interface OpenRowsOptions {
  /** .xlsx: the sheet to read (letter case ignored); default the first visible sheet with data. */
  sheet?: string;
  /** .csv: an encoding label TextDecoder knows ('utf-8', 'gb18030', 'gbk', 'big5' …); default decided for the whole file. */
  encoding?: string;
  /** 1-based row of the header; default found below any title block. */
  headerRow?: number;
}

export async function openRows(file: string, options: OpenRowsOptions = {}): Promise<OpenedRows> {
  try {
    return await open(file, options);
  } catch (err) {
    throw named(file, err);
  }
}

/**
 * Runs `work` on the file's rows and, when a CSV file turns out not to be UTF-8 only after rows
 * were handed on, runs it once more from the start in the encoding found (GB18030): the whole
 * file is read in one encoding, never half in each.
 */
export async function readWithRestart<T>(
  file: string,
  options: OpenRowsOptions,
  work: (rows: OpenedRows) => Promise<T>,
): Promise<T> {
  try {
    return await work(await openRows(file, options));
  } catch (err) {
    if (!(err instanceof EncodingRestart) || options.encoding) throw err instanceof ReadError ? named(file, err) : err;
    return work(await openRows(file, { ...options, encoding: err.encoding }));
  }
}

function named(file: string, err: unknown): unknown {
  if (err instanceof ReadError) return err.file ? err : err.inFile(file);
  if (err instanceof EncodingRestart) return err;
  return fileError(file, err);
}

async function open(file: string, options: OpenRowsOptions): Promise<OpenedRows> {
  if (options.encoding) checkEncoding(options.encoding);
  const head = await readHead(file, 8);
  const compressed = byteKind(head) === 'gzip';
  const inner = compressed ? await gunzipHead(file, 8) : head;
  const kind = byteKind(inner);
  // The bytes decide, except that a file named .xlsx must be one (text named .xlsx is refused, not read as CSV).
  if (kind === 'zip' || kind === 'ole' || /\.xls[xm](\.gz)?$/i.test(file)) {
    const bytes = await readAll(file, compressed);
    if (kind === 'ole') refuseOle(bytes);
    return withRows(await openXlsxBytes(bytes, { sheet: options.sheet, headerRow: options.headerRow }), compressed);
  }
  if (options.sheet !== undefined) throw new ReadError('csv-for-sheet', { sheet: options.sheet });
  const decoder = new StreamDecoder(options.encoding);
  const table = await openCsvText(decodedPieces(file, compressed, decoder), { headerRow: options.headerRow });
  // The encoding is known once the first piece is decoded, which opening did.
  return withRows({ ...table, encoding: decoder.encoding }, compressed);
}

function withRows(table: OpenedTable, compressed: boolean): OpenedRows {
  const batches = table.batches;
  async function* rows(): AsyncGenerator<RowRecord> {
    for await (const b of batches) yield* b;
  }
  return { ...table, compressed, rows: rows() };
}

const PIECE = 64 * 1024;

function byteStream(file: string, compressed: boolean): Readable {
  const raw = createReadStream(file, { highWaterMark: 1 << 20 });
  if (!compressed) return raw;
  // Big input reads, small gunzip chunks: measured fastest on the 48 MB retail file (a 1 MiB gunzip chunk was 10× slower).
  const gunzip = createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/** Decoded text in pieces of about 64 KiB: Papa Parse was measured 2–4× slower on 1 MiB pieces of the retail file. */
async function* decodedPieces(file: string, compressed: boolean, decoder: StreamDecoder): AsyncGenerator<string> {
  try {
    let pending: string[] = [];
    let size = 0;
    for await (const chunk of byteStream(file, compressed)) {
      const text = decoder.decode(chunk as Buffer);
      pending.push(text);
      size += text.length;
      if (size >= PIECE) {
        yield pending.join('');
        pending = [];
        size = 0;
      }
    }
    pending.push(decoder.decode(new Uint8Array(0), true));
    const tail = pending.join('');
    if (tail) yield tail;
  } catch (err) {
    if (err instanceof ReadError || err instanceof EncodingRestart) throw err;
    throw fileError(file, err);
  }
}

async function readAll(file: string, compressed: boolean): Promise<Uint8Array> {
  const parts: Buffer[] = [];
  try {
    for await (const chunk of byteStream(file, compressed)) parts.push(chunk as Buffer);
  } catch (err) {
    throw fileError(file, err);
  }
  const all = Buffer.concat(parts);
  return new Uint8Array(all.buffer, all.byteOffset, all.byteLength);
}

async function readHead(file: string, n: number): Promise<Uint8Array> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, 'r');
  } catch (err) {
    throw fileError(file, err);
  }
  try {
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, 0);
    return buf.subarray(0, bytesRead);
  } catch (err) {
    throw fileError(file, err);
  } finally {
    await handle.close();
  }
}

async function gunzipHead(file: string, n: number): Promise<Uint8Array> {
  const stream = byteStream(file, true);
  try {
    for await (const chunk of stream) {
      const c = chunk as Buffer;
      if (c.length) return c.subarray(0, n);
    }
    return new Uint8Array(0);
  } catch (err) {
    throw fileError(file, err);
  } finally {
    stream.destroy();
  }
}

function fileError(file: string, err: unknown): ReadError {
  if (err instanceof ReadError) return err.file ? err : err.inFile(file);
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new ReadError('not-found').inFile(file);
  if (code === 'EISDIR') return new ReadError('unreadable', { detail: 'it is a folder, not a file' }).inFile(file);
  if (code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR')
    return new ReadError('unreadable', { detail: `the gzip data is damaged (${(err as Error).message})` }).inFile(file);
  return new ReadError('unreadable', { detail: (err as Error)?.message ?? String(err) }).inFile(file);
}
