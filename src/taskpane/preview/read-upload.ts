import type { TableData } from '../../host/workbook-host';
import { loadCsvParser, type ParseHooks } from './csv-parser';

/** An uploaded file as the preview workbook's data sheets. */
export interface UploadedSheet {
  name: string;
  table: Omit<TableData, 'label'>;
}

export interface UploadFile {
  name: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export class UploadError extends Error {
  constructor(
    readonly code: 'unsupported-type' | 'empty' | 'unreadable',
    readonly file: string,
    detail?: string,
  ) {
    super(`${file}: ${code}${detail ? ` — ${detail}` : ''}`);
    this.name = 'UploadError';
  }
}

export const ACCEPTED_UPLOADS = '.csv,.txt,.xlsx,.gz';

/** Reads .csv (UTF-8 or GB18030), .xlsx, or either gzipped. Row numbers are those a spreadsheet would show. */
export async function readUpload(
  file: UploadFile,
  signal?: AbortSignal,
  onProgress?: (fraction: number) => void,
): Promise<UploadedSheet[]> {
  let name = file.name;
  let bytes: Uint8Array = new Uint8Array(await file.arrayBuffer());
  signal?.throwIfAborted();
  if (/\.gz$/i.test(name)) {
    bytes = await gunzip(bytes, name);
    name = name.replace(/\.gz$/i, '');
  }
  const base = name.replace(/\.[^.]+$/, '') || name;
  if (/\.(csv|txt)$/i.test(name))
    return [{ name: base, table: await readCsv(bytes, file.name, { signal, onProgress }) }];
  if (/\.xlsx$/i.test(name)) return readXlsx(bytes, file.name, signal);
  throw new UploadError('unsupported-type', file.name);
}

async function gunzip(bytes: Uint8Array, file: string): Promise<Uint8Array> {
  if (typeof DecompressionStream === 'undefined')
    throw new UploadError('unreadable', file, 'this browser cannot unpack .gz files');
  try {
    const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  } catch (e) {
    throw new UploadError('unreadable', file, (e as Error).message);
  }
}

/** UTF-8 when the bytes are valid UTF-8 (BOM or not), else GB18030 as Chinese Excel saves CSV. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Not an error: invalid UTF-8 is how the encoding is detected (GB18030 decodes any bytes).
    return new TextDecoder('gb18030').decode(bytes);
  }
}

async function readCsv(bytes: Uint8Array, file: string, hooks: ParseHooks): Promise<Omit<TableData, 'label'>> {
  const text = decodeText(bytes);
  const parse = await loadCsvParser();
  let records: string[][];
  try {
    records = await parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: false }, hooks);
  } catch (e) {
    if (hooks.signal?.aborted) throw e;
    throw new UploadError('unreadable', file, (e as Error).message);
  }
  return toTable(records, file);
}

/** Header = first non-blank row; trailing blank rows dropped; blank rows inside keep their numbers. */
function toTable(grid: unknown[][], file: string): Omit<TableData, 'label'> {
  const blank = (r: unknown[] | undefined) =>
    !r || r.every((v) => v === null || v === undefined || String(v).trim() === '');
  const headerIndex = grid.findIndex((r) => !blank(r));
  if (headerIndex < 0) throw new UploadError('empty', file);
  let end = grid.length;
  while (end > headerIndex + 1 && blank(grid[end - 1])) end--;
  const headers = grid[headerIndex].map((h) => (h == null ? '' : String(h).trim()));
  return { headers, rows: grid.slice(headerIndex + 1, end), firstRowNumber: headerIndex + 2 };
}

async function readXlsx(bytes: Uint8Array, file: string, signal?: AbortSignal): Promise<UploadedSheet[]> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  } catch (e) {
    throw new UploadError('unreadable', file, (e as Error).message);
  }
  signal?.throwIfAborted();
  const out: UploadedSheet[] = [];
  wb.eachSheet((ws) => {
    if (ws.state !== 'visible') return;
    const grid: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values: unknown[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        values[col - 1] = cellValue(cell.value);
      });
      grid[rowNumber - 1] = Array.from(values, (v) => (v === undefined ? null : v));
    });
    for (let i = 0; i < grid.length; i++) if (!grid[i]) grid[i] = [];
    if (grid.some((r) => r.some((v) => v !== null && v !== '')))
      out.push({ name: ws.name, table: toTable(grid, file) });
  });
  if (!out.length) throw new UploadError('empty', file);
  return out;
}

/** ExcelJS cell value → a plain value: formulas give their cached result, rich text its text. */
export function cellValue(v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  const o = v as Record<string, unknown>;
  if ('result' in o) return cellValue(o.result);
  if ('formula' in o || 'sharedFormula' in o) return null;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join('');
  if ('text' in o) return cellValue(o.text);
  if ('error' in o) return String(o.error);
  return null;
}
