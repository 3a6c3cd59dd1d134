import { gunzipSync } from 'fflate';
import type { TableData } from '../../host/workbook-host';
import type { RowProblem } from '../../domain/parse/row-problem';
import { byteKind, chooseSheet, openCsvText, openWorkbook, slices, type OpenedTable } from '../../xlsx/read/open-table';
import { ReadError } from '../../xlsx/read/read-error';
import { decodeWhole } from '../../xlsx/read/text-encoding';
import { tableFrom } from '../../xlsx/read/table';

/**
 * An uploaded file as the preview workbook's data sheets, read by the same reader as the command
 * line (src/xlsx/read/): the same rows, the same row numbers, the same refusals.
 */
export interface UploadedSheet {
  name: string;
  table: Omit<TableData, 'label'>;
}

export interface UploadFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface UploadOptions {
  /** CSV: the encoding; default decided for the whole file (UTF-8, else GB18030). */
  encoding?: string;
  /** The header row (1-based) in every sheet read; default found below any title block. */
  headerRow?: number;
}

export class UploadError extends Error {
  constructor(
    readonly code: 'unsupported-type' | 'empty' | 'unreadable',
    readonly file: string,
    detail?: string,
    /** Why the reader refused the file, in both languages. */
    readonly reason?: ReadError,
  ) {
    super(`${file}: ${code}${detail ? ` — ${detail}` : ''}`);
    this.name = 'UploadError';
  }
}

export { ACCEPTED_UPLOADS } from './accepted-uploads';

/** Pieces of this many characters for the CSV parser (Papa Parse is slower on much larger pieces). */
const PIECE = 64 * 1024;
/** Pause for the browser (progress bar, Cancel) after this many milliseconds of work or this many pieces. */
const SLICE_MS = 50;
const SLICE_PIECES = 16;

export async function readUpload(
  file: UploadFile,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
  options: UploadOptions = {},
): Promise<UploadedSheet[]> {
  let name = file.name;
  if (!/\.(csv|txt|tsv|xlsx|xlsm)(\.gz)?$/i.test(name)) throw new UploadError('unsupported-type', file.name);
  let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer());
  signal?.throwIfAborted();
  if (byteKind(bytes) === 'gzip') bytes = await gunzip(bytes, file.name);
  name = name.replace(/\.gz$/i, '');
  const base = name.replace(/\.[^.]+$/, '') || name;
  try {
    const kind = byteKind(bytes);
    if (kind === 'zip' || kind === 'ole' || /\.xls[xm]$/i.test(name)) return await readXlsx(bytes, options, signal);
    const { text, encoding } = decodeWhole(bytes, options.encoding);
    bytes = new Uint8Array(0);
    const table = await openCsvText(paced(slices(text, PIECE), text.length, signal, onProgress), { encoding, headerRow: options.headerRow });
    return [{ name: base, table: await collect(table, signal) }];
  } catch (e) {
    if (e instanceof ReadError) {
      if (e.code === 'no-header' || e.code === 'no-worksheet') throw new UploadError('empty', file.name, e.message, e);
      throw new UploadError('unreadable', file.name, e.message, e);
    }
    throw e;
  }
}

/** Pauses between pieces now and then so the browser can paint progress and handle Cancel. */
async function* paced(pieces: Iterable<string>, total: number, signal?: AbortSignal, onProgress?: (f: number) => void): AsyncGenerator<string> {
  let done = 0;
  let since = Date.now();
  let count = 0;
  for (const p of pieces) {
    signal?.throwIfAborted();
    yield p;
    done += p.length;
    if (++count % SLICE_PIECES === 0 || Date.now() - since >= SLICE_MS || done >= total) {
      onProgress?.(Math.min(1, done / Math.max(1, total)));
      await new Promise((r) => setTimeout(r, 0));
      since = Date.now();
    }
  }
}

async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  try {
    // The browser's own gunzip is several times faster than one in JavaScript.
    if (typeof DecompressionStream !== 'undefined') {
      const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
      return new Uint8Array(await new Response(stream).arrayBuffer());
    }
    return gunzipSync(bytes);
  } catch (e) {
    throw new UploadError('unreadable', file, (e as Error).message);
  }
}

/** Every visible worksheet that has data, each as a table. */
async function readXlsx(bytes: Uint8Array, options: UploadOptions, signal?: AbortSignal): Promise<UploadedSheet[]> {
  const book = openWorkbook(bytes);
  chooseSheet(book); // refuses a workbook without any visible sheet holding data
  const out: UploadedSheet[] = [];
  for (const sheet of book.sheets) {
    if (sheet.state !== 'visible') continue;
    signal?.throwIfAborted();
    let table: OpenedTable;
    try {
      table = { ...(await tableFrom(book.rows(sheet), { headerRow: options.headerRow })), format: 'xlsx', sheet: sheet.name };
    } catch (e) {
      if (e instanceof ReadError && e.code === 'no-header') continue;
      throw e;
    }
    out.push({ name: sheet.name, table: await collect(table, signal) });
  }
  return out;
}

/**
 * The rows as the preview workbook keeps them: positional from the row after the header (empty
 * rows as []), so rows[k] is sheet row firstRowNumber + k; rows the reader set aside keep their
 * reason in rowProblems.
 */
async function collect(table: OpenedTable, signal?: AbortSignal): Promise<Omit<TableData, 'label'>> {
  const rows: unknown[][] = [];
  const firstRowNumber = table.headerRow + 1;
  let rowProblems: Record<number, RowProblem> | undefined;
  for await (const batch of table.batches) {
    signal?.throwIfAborted();
    for (const r of batch) {
      const k = r.rowNumber - firstRowNumber;
      while (rows.length < k) rows.push([]);
      rows.push(r.cells);
      if (r.problem) (rowProblems ??= {})[r.rowNumber] = r.problem;
    }
  }
  return { headers: table.headers, rows, firstRowNumber, ...(rowProblems ? { rowProblems } : {}) };
}
