/**
 * Reads user data (the selection, a named table, or a sheet's used range) into TableData:
 * the first row is the header, the rest are data rows. Large ranges are read in row chunks
 * sized from their measured bytes (read-chunks.ts); nothing above MAX_READ_CELLS is read
 * ("A range is limited to 5,000,000 cells for read operations":
 * https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
import { parseRange } from '../sheets/core/a1';
import { HostError, throwIfAborted, toHostError } from '../host/host-error';
import { readBlock } from './read-chunks';
import type { DataSourceRef, TableData } from '../host/workbook-host';

export const MAX_READ_CELLS = 5_000_000;
export { READ_CHUNK_CELLS } from './read-chunks';

export interface ResolvedSource {
  /** Sheet name and A1 address of the whole source, header row included. */
  sheet: string;
  address: string;
  label: string;
  /** For a table source: the table, so new columns can join it. */
  table?: string;
}

/**
 * The range a source refers to, without loading it. A selection is cut to the sheet's used
 * range: whole columns (A:H) would otherwise be 1,048,576 rows of mostly blank cells. It is a
 * null object when the selection holds no data at all.
 */
function sourceRange(context: Excel.RequestContext, ref: DataSourceRef): Excel.Range {
  switch (ref.kind) {
    case 'selection': {
      const selected = context.workbook.getSelectedRange();
      return selected.getIntersectionOrNullObject(selected.worksheet.getUsedRange(true));
    }
    case 'table':
      return context.workbook.tables.getItem(ref.name).getRange();
    case 'sheet':
      return context.workbook.worksheets.getItem(ref.name).getUsedRange(true);
  }
}

/** "'My Sheet'!A1:H20" → { sheet: "My Sheet", address: "A1:H20" }. */
export function splitAddress(full: string): { sheet: string; address: string } {
  const bang = full.lastIndexOf('!');
  const sheet = full.slice(0, bang).replace(/^'(.*)'$/, '$1').replace(/''/g, "'");
  return { sheet, address: full.slice(bang + 1) };
}

/**
 * Sync 1: where the data is and how big it is. A missing table or sheet is reported as
 * sourceNotFound before anything is read.
 */
export async function resolveSource(context: Excel.RequestContext, ref: DataSourceRef): Promise<ResolvedSource & { rows: number; columns: number }> {
  if (ref.kind !== 'selection') {
    const probe =
      ref.kind === 'table'
        ? context.workbook.tables.getItemOrNullObject(ref.name)
        : context.workbook.worksheets.getItemOrNullObject(ref.name);
    probe.load('isNullObject');
    try {
      await context.sync();
    } catch (e) {
      throw toHostError(e, `find ${ref.kind} ${ref.name}`);
    }
    if (probe.isNullObject) {
      throw new HostError('sourceNotFound', `${ref.kind} "${ref.name}" was not found in this workbook`, {
        params: { kind: ref.kind, name: ref.name },
      });
    }
  }
  const range = sourceRange(context, ref);
  range.load(ref.kind === 'selection' ? 'isNullObject,address,rowCount,columnCount' : 'address,rowCount,columnCount');
  try {
    await context.sync();
  } catch (e) {
    if ((e as { code?: string }).code === 'ItemNotFound' && ref.kind === 'sheet') {
      throw new HostError('emptySource', `sheet "${ref.name}" is empty`, { params: { name: ref.name }, cause: e });
    }
    throw toHostError(e, `locate ${ref.kind === 'selection' ? 'the selection' : `${ref.kind} ${ref.name}`}`);
  }
  if (ref.kind === 'selection' && range.isNullObject) {
    throw new HostError('emptySource', 'the selection holds no data', { params: { label: 'selection' } });
  }
  const { sheet, address } = splitAddress(range.address);
  const label = ref.kind === 'table' ? ref.name : range.address;
  return {
    sheet,
    address,
    label,
    ...(ref.kind === 'table' ? { table: ref.name } : {}),
    rows: range.rowCount,
    columns: range.columnCount,
  };
}

/** Reads a source into header + rows. Blank cells become null. */
export async function readTableData(context: Excel.RequestContext, ref: DataSourceRef, signal?: AbortSignal): Promise<TableData> {
  throwIfAborted(signal, 'read data');
  const source = await resolveSource(context, ref);
  const cells = source.rows * source.columns;
  if (cells > MAX_READ_CELLS) {
    throw new HostError('tooManyCells', `${source.label} has ${cells} cells; at most ${MAX_READ_CELLS} can be read`, {
      params: { label: source.label, cells, max: MAX_READ_CELLS },
    });
  }
  if (ref.kind === 'selection' && cells <= 1) {
    throw new HostError('selectionTooSmall', 'select the data including its header row', { params: { label: source.label } });
  }
  if (source.rows < 2) {
    throw new HostError('emptySource', `${source.label} has a header row but no data`, { params: { label: source.label } });
  }

  const pos = parseRange(source.address);
  const values = await readBlock(context, source.sheet, pos, 'values', { step: 'read', signal });

  const [header, ...rows] = values;
  return {
    label: source.label,
    headers: header.map((h) => (h === null || h === undefined ? '' : String(h).trim())),
    rows: rows.map((r) => r.map((v) => (v === '' ? null : v))),
    firstRowNumber: pos.top + 1,
  };
}
